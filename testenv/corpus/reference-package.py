#!/usr/bin/python3
"""Prepares source packages with StarlingX's own debrepack.py and prints one JSON line per package
directory: the files it produced in <out>/<index>/, or why it failed. As StarlingX's downloader
and build-pkgs do, Parser.download() first fills <mirror>/<package>/ (tarballs, dl_files, the
upstream .dsc and its files, from $OS_MIRROR_URL with STX_MIRROR_STRATEGY=stx_mirror when the
caller points them at a local upstream), then Parser.package() makes the source package from it.

Usage: reference-package.py <root> <codename> <build-type> <work> <mirror> <pkgdir>...
Needs Debian's python3-yaml, python3-apt, python3-debian, python3-git, python3-progressbar and
devscripts (dch, dget), dpkg-dev, curl.
"""
import json
import logging
import os
import shutil
import sys

root, codename, build_type, work, mirror = sys.argv[1:6]
os.environ.update(MY_REPO_ROOT_DIR=root, MY_REPO=os.path.join(root, "cgcs-root"), DIST=codename)
os.environ.setdefault("STX_DIST", ".stx")
os.environ.setdefault("PROJECT", "stx")
os.environ.setdefault("MY_RELEASE", "oracle")
os.environ.setdefault("OS_MIRROR_URL", "http://mirror.invalid/")
os.environ.setdefault("DEBEMAIL", "oracle@starlingx-build.invalid")
os.environ.setdefault("DEBFULLNAME", "StarlingX oracle")
# StarlingX's build container always defines it (utilities/build-info's hook requires it)
os.environ.setdefault("MY_WORKSPACE", os.path.abspath(work))
sys.path.insert(0, os.path.join(root, "cgcs-root", "build-tools", "stx"))
logging.getLogger("debrepack").addHandler(logging.NullHandler())
import debrepack  # noqa: E402

for index, pkgdir in enumerate(sys.argv[6:]):
    base = os.path.join(work, "base-%d" % index)
    out = os.path.join(work, "out-%d" % index)
    for d in (base, out):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    cwd = os.getcwd()
    record = {"dir": pkgdir, "out": out}
    try:
        parser = debrepack.Parser(base, out, btype=build_type, codename=codename)
        parser.download(pkgdir, mirror)
        os.chdir(cwd)
        parser = debrepack.Parser(base, out, btype=build_type, codename=codename)
        record["files"] = parser.package(pkgdir, mirror)
    except BaseException as e:  # noqa: B902 - the reference fails in many ways
        record["error"] = "%s: %s" % (type(e).__name__, e)
    finally:
        os.chdir(cwd)
    print(json.dumps(record), flush=True)
