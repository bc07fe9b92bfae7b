#!/usr/bin/python3
"""Reads a StarlingX tree with StarlingX's own reader (build-tools/stx: discovery.py and
debrepack.py's Parser.setup and set_revision) and prints one JSON line per list entry:
accepted or not, the package name and the revision suffix, or why the reference fails.

Usage: reference-read.py <root> <codename> <build-type>...
Needs Debian's python3-yaml, python3-apt, python3-debian, python3-git, python3-progressbar.

Beyond setup() and set_revision(), which are the reference's own code, the checks marked
"package()" below restate what debrepack's package()/download() read without fetching anything
(keys it indexes unconditionally, the hook it executes, the deb_folder it copies).
"""
import glob
import json
import os
import sys
import tempfile

root, codename, build_types = sys.argv[1], sys.argv[2], sys.argv[3:]
os.environ["MY_REPO_ROOT_DIR"] = root
os.environ["MY_REPO"] = os.path.join(root, "cgcs-root")
os.environ.setdefault("STX_DIST", ".stx")
os.environ["DIST"] = codename
os.environ.setdefault("PROJECT", "stx")
os.environ.setdefault("MY_RELEASE", "conformance")
# utils.get_download_url needs a mirror location (no download is made here)
os.environ.setdefault("OS_MIRROR_URL", "http://mirror.invalid/")
sys.path.insert(0, os.path.join(root, "cgcs-root", "build-tools", "stx"))

import logging  # noqa: E402
import discovery  # noqa: E402
import debrepack  # noqa: E402
import utils  # noqa: E402

logging.disable(logging.CRITICAL)
# Parser sets up its own logging (a file under /localdisk) only when its logger has no handler
logging.getLogger("debrepack").addHandler(logging.NullHandler())
work = tempfile.mkdtemp()


def listed_entries(build_type):
    """Every entry of the list files discovery.package_dir_list reads, kept or not."""
    for proj_dir in discovery.project_dir_list(distro="debian", layer="all"):
        if codename == "bullseye":
            candidates = ["debian_pkg_dirs_" + build_type, "debian_bullseye_pkg_dirs_" + build_type]
            if build_type == "std":
                candidates.append("debian_pkg_dirs")
        else:
            candidates = ["debian_%s_pkg_dirs_%s" % (codename, build_type)]
        for name in candidates:
            path = os.path.join(proj_dir, name)
            if os.path.isfile(path):
                for entry in utils.bc_safe_fetch(path):
                    yield proj_dir, entry
                break


def package_checks(parser):
    meta = parser.meta_data
    debfolder = parser.pkginfo["debfolder"]
    for name, info in (meta.get("dl_files") or {}).items():
        info["url"]  # package(): download() indexes url
        if "sha256sum" not in info:
            info["md5sum"]
        if "dl_hook" not in meta and ("dl_path" in meta or "src_path" in meta):
            info["topdir"]  # package(): copy_custom_files indexes topdir
    if "dl_hook" in meta:
        hook = meta["dl_hook"]
        hook = hook if os.path.isabs(hook) else os.path.join(debfolder, hook)
        if not os.path.exists(hook):
            raise ValueError("%s doesn't exist" % hook)
        if not os.access(hook, os.X_OK):
            raise ValueError("dl_hook can't execute")
    elif "dl_path" in meta:
        meta["dl_path"]["name"], meta["dl_path"]["url"]
        if "sha256sum" not in meta["dl_path"]:
            meta["dl_path"]["md5sum"]
    elif "src_path" in meta:
        # package(): without deb_folder there is no debian/ and dpkg-parsechangelog fails
        if not os.path.isdir(os.path.join(debfolder, "deb_folder")):
            raise ValueError("no deb_folder")


for build_type in build_types:
    for proj_dir, entry in listed_entries(build_type):
        record = {"repo": os.path.relpath(proj_dir, os.path.join(root, "cgcs-root", "stx")),
                  "dir": entry, "buildType": build_type, "accepted": False}
        path = os.path.join(proj_dir, entry)
        if not os.path.isdir(path):
            record["reason"] = "skipped by discovery (no such directory)"
            print(json.dumps(record))
            continue
        cwd = os.getcwd()
        try:
            parser = debrepack.Parser(work, work, btype=build_type, codename=codename)
            parser.setup(path)
            package_checks(parser)
            suffix = parser.set_revision()
            record.update(accepted=True, name=parser.pkginfo["debname"], suffix=suffix)
        except BaseException as e:  # noqa: B902 - the reference fails in many ways
            record["reason"] = "%s: %s" % (type(e).__name__, e)
        finally:
            os.chdir(cwd)
        print(json.dumps(record))
