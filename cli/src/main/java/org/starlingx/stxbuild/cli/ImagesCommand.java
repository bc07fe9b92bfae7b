package org.starlingx.stxbuild.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.starlingx.stxbuild.engine.chroot.ChrootCache;
import org.starlingx.stxbuild.engine.images.BuildahImageBuilder;
import org.starlingx.stxbuild.engine.images.DockerImageList;
import org.starlingx.stxbuild.engine.images.ImageDirective;
import org.starlingx.stxbuild.engine.images.ImageTags;
import org.starlingx.stxbuild.engine.images.LocalImageSet;
import org.starlingx.stxbuild.engine.images.RegistryLogin;
import org.starlingx.stxbuild.engine.images.SelfImageBuilder;
import org.starlingx.stxbuild.engine.images.SelfImages;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stx-build images}: StarlingX's docker base and docker images, from the tree's lists. */
@Command(
    name = "images",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the images the tree's <os>_<stream>_docker_images.inc lists name, as StarlingX's"
          + " build-stx-base.sh and build-stx-images.sh do: a base image whose apt sources are the"
          + " branch's last good build, then every BUILDER=docker image FROM it (--build-arg BASE),"
          + " with buildah, as OCI layouts, and the image record file the helm charts read.",
      "Images whose sources are elsewhere (DOCKER_REPO, loci, script) are listed as not built,"
          + " and the command then exits 3."
    })
final class ImagesCommand implements Callable<Integer> {
  @Mixin ScopeOptions scope;
  @Mixin TreeOptions treeOptions;
  @Mixin RepositoryOptions repository;

  @Option(names = "--stream", defaultValue = "stable", description = "stable or dev (default).")
  String stream;

  @Option(names = "--only", split = ",", description = "Build only these labels or projects.")
  Set<String> only = new LinkedHashSet<>();

  @Option(names = "--skip", split = ",", description = "Skip these labels or projects.")
  Set<String> skip = new LinkedHashSet<>();

  @Option(names = "--registry", defaultValue = "", description = "Registry part of the names.")
  String registry;

  @Option(
      names = "--org",
      defaultValue = "starlingx",
      description = "Organisation part of the names (default: ${DEFAULT-VALUE}).")
  String org;

  @Option(
      names = "--output",
      defaultValue = "build-output/images",
      description = "OCI layouts and the image record (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(names = "--plan", description = "Print what would be built; build nothing.")
  boolean plan;

  @Option(
      names = "--push",
      description =
          "Push each built image with its versioned and latest names. Credentials: the docker"
              + " config.json content in $STX_REGISTRY_AUTH, else --authfile, else buildah's own.")
  boolean push;

  @Option(
      names = "--loci",
      description = "A checkout of OpenStack's loci, to build BUILDER=loci images with.")
  Path loci;

  @Option(
      names = "--wheels",
      description = "The wheels tarball loci images install from (loci's WHEELS argument).")
  String wheels;

  @Option(names = "--authfile", description = "A docker config.json with registry credentials.")
  Path authFile;

  @Option(
      names = "--tls-verify",
      arity = "1",
      defaultValue = "true",
      description =
          "Verify the registry's TLS certificate (default: true; false only for a registry on"
              + " plain HTTP), as buildah's --tls-verify=false.")
  boolean tlsVerify;

  @Option(
      names = "--self",
      description =
          "Build the project's own images instead (stx-build-builder:<version> and"
              + " stx-build-pkgbuilder:<version>-<codename>) from the Debian mirror; with --push,"
              + " push them to --registry.")
  boolean self;

  @Option(
      names = "--codenames",
      split = ",",
      defaultValue = "bullseye,trixie",
      description = "With --self: the pkgbuilder codenames (default: ${DEFAULT-VALUE}).")
  List<String> codenames;

  @Option(
      names = "--debian-mirror",
      defaultValue = "http://deb.debian.org/debian",
      description = "With --self: the Debian mirror (default: ${DEFAULT-VALUE}).")
  java.net.URI debianMirror;

  @Override
  public Integer call() throws Exception {
    if (self) {
      return buildSelf();
    }
    ScopeNames names = scope.names();
    List<ImageDirective> images =
        DockerImageList.read(
            treeOptions.open(), "debian", treeOptions.codename(), stream, only, skip);
    ImageTags tags =
        new ImageTags(registry, org, names.line(), "debian", stream, names.scope().buildId());
    if (images.isEmpty()) {
      System.out.println("The tree lists no " + stream + " images.");
      return 0;
    }
    if (plan) {
      System.out.println("base " + tags.base());
      for (ImageDirective image : images) {
        System.out.println(
            image.label()
                + " ("
                + image.builder()
                + ", "
                + image.file()
                + ") -> "
                + tags.versioned(image.label()));
      }
      return 0;
    }
    if (!BuildahImageBuilder.available()) {
      throw new IllegalStateException(
          "buildah is not installed; install Debian's buildah, or build the images in pods");
    }
    AptSource source = repository.lastGoodBuild(names.line(), "the base image needs its packages");
    try (EnvironmentSecretFile authFromJenkins = EnvironmentSecretFile.of("STX_REGISTRY_AUTH")) {
      Path auth = authFile;
      if (authFromJenkins.path() != null) {
        RegistryLogin.dockerConfig(authFromJenkins.content(), "$STX_REGISTRY_AUTH");
        auth = authFromJenkins.path();
      }
      LocalImageSet set =
          new LocalImageSet(
              new BuildahImageBuilder(output.resolve("storage")),
              tags,
              push ? new LocalImageSet.Push(auth, tlsVerify) : null,
              loci == null ? null : new LocalImageSet.Loci(loci, wheels));
      String base = set.buildBase(Files.createDirectories(output.resolve("base-rootfs")), source);
      System.out.println("base " + base);
      int notBuilt = 0;
      for (LocalImageSet.Outcome outcome : set.build(images, base, output)) {
        if (outcome.built()) {
          System.out.println(outcome.reference() + ": " + outcome.detail());
        } else {
          notBuilt++;
          System.out.println(outcome.label() + " not built: " + outcome.detail());
        }
      }
      System.out.println("image record " + output.resolve(tags.recordFileName()).toAbsolutePath());
      return notBuilt == 0 ? 0 : 3;
    }
  }

  private int buildSelf() throws Exception {
    if (!BuildahImageBuilder.available()) {
      throw new IllegalStateException("buildah is not installed; install Debian's buildah");
    }
    Path jar =
        Path.of(StxBuildCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
      throw new IllegalStateException(
          "--self puts the running stx-build jar into the images; run it from stx-build.jar"
              + " (cli/target/stx-build.jar), not from "
              + jar);
    }
    SelfImages names = new SelfImages(registry, SelfImages.projectVersion());
    BuildahImageBuilder buildah = new BuildahImageBuilder(output.resolve("storage"));
    List<String> built =
        new SelfImageBuilder(
                buildah,
                new ChrootCache(ChrootCache.defaultRoot(), java.time.Duration.ofDays(7)),
                output.resolve("self"),
                debianMirror)
            .build(names, jar, codenames);
    for (String tag : built) {
      System.out.println("built " + tag);
      if (push) {
        buildah.push(tag, tag, authFile, tlsVerify);
        System.out.println("pushed " + tag);
      }
    }
    return 0;
  }
}
