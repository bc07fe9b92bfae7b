package org.starlingx.stxbuild.engine.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.starlingx.stxbuild.engine.repo.AptSource;

/**
 * The docker-base and docker-images stages on one machine, with buildah: a base image whose apt
 * sources are the build's repository (StarlingX's stx-debian base carries them the same way), then
 * every {@code BUILDER=docker} image of the list {@code FROM} it ({@code --build-arg BASE}), each
 * written as an OCI layout and, when asked, pushed to the registry its name gives. Images whose
 * sources are elsewhere ({@code DOCKER_REPO}, loci, script) need the network and are reported as
 * not built, with why.
 */
public final class LocalImageSet {
  /** What happened to one image. */
  public record Outcome(String label, String reference, boolean built, String detail) {}

  /**
   * Where built images go besides their OCI layouts: pushed with their versioned and latest names
   * (StarlingX's {@code --push --latest}).
   *
   * @param authFile a docker config.json with the registry's credentials; null for none
   * @param tlsVerify false only for a registry on plain HTTP (a test registry on loopback)
   */
  public record Push(Path authFile, boolean tlsVerify) {}

  /**
   * What {@code BUILDER=loci} images build with: a checkout of OpenStack's loci (its Dockerfile is
   * the build) and the wheels tarball it installs from.
   *
   * @param checkout the loci directory
   * @param wheels the wheels tarball, as loci's {@code WHEELS} argument takes it; null for none
   */
  public record Loci(Path checkout, String wheels) {}

  private final BuildahImageBuilder buildah;
  private final ImageTags tags;
  private final Push push;
  private final Loci loci;

  /** {@code push}: null keeps the images local; {@code loci}: null leaves loci images unbuilt. */
  public LocalImageSet(BuildahImageBuilder buildah, ImageTags tags, Push push, Loci loci) {
    this.buildah = buildah;
    this.tags = tags;
    this.push = push;
    this.loci = loci;
  }

  public LocalImageSet(BuildahImageBuilder buildah, ImageTags tags, Push push) {
    this(buildah, tags, push, null);
  }

  public LocalImageSet(BuildahImageBuilder buildah, ImageTags tags) {
    this(buildah, tags, null, null);
  }

  /**
   * Makes the base image from {@code rootfs} (a root file system; may be empty) plus the build's
   * apt source, and returns its reference.
   */
  public String buildBase(Path rootfs, AptSource buildRepository) {
    try {
      Path list = rootfs.resolve("etc/apt/sources.list.d/stx.list");
      Files.createDirectories(list.getParent());
      Files.writeString(list, buildRepository.sourcesListLine() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the base image's root " + rootfs, e);
    }
    buildah.baseFromDirectory(rootfs, tags.base());
    return tags.base();
  }

  /** Builds the images FROM {@code base}; writes the built references to the image record. */
  public List<Outcome> build(List<ImageDirective> directives, String base, Path output) {
    List<Outcome> outcomes = new ArrayList<>();
    List<String> built = new ArrayList<>();
    for (ImageDirective directive : directives) {
      String reference = tags.versioned(directive.label());
      ImageBuildRequest request;
      if (directive.builder().equals("loci") && loci != null) {
        request =
            new ImageBuildRequest(
                loci.checkout(),
                "Dockerfile",
                reference,
                LociBuildArgs.of(directive, base, loci.wheels()));
      } else {
        String missing = whyNotLocal(directive);
        if (missing != null) {
          outcomes.add(new Outcome(directive.label(), reference, false, missing));
          continue;
        }
        request =
            new ImageBuildRequest(
                directive.context(), directive.dockerfile(), reference, Map.of("BASE", base));
      }
      Path layout = output.resolve("oci").resolve(directive.label());
      try {
        Files.createDirectories(layout.getParent());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + layout.getParent(), e);
      }
      BuiltImage image = buildah.build(request, layout);
      built.add(reference);
      String pushed = "";
      if (push != null) {
        buildah.push(reference, reference, push.authFile(), push.tlsVerify());
        buildah.push(reference, tags.latest(directive.label()), push.authFile(), push.tlsVerify());
        pushed = ", pushed with " + tags.latest(directive.label());
      }
      outcomes.add(
          new Outcome(
              directive.label(),
              reference,
              true,
              image.manifestDigest() + ", " + image.layers().size() + " layers" + pushed));
    }
    try {
      Files.createDirectories(output);
      Files.write(output.resolve(tags.recordFileName()), built);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the image record in " + output, e);
    }
    return outcomes;
  }

  /** Why an image cannot be built from the tree alone, or null when it can. */
  static String whyNotLocal(ImageDirective directive) {
    if (!directive.builder().equals("docker")) {
      return directive.builder().equals("loci")
          ? "BUILDER=loci needs a checkout of OpenStack's loci (--loci) and builds "
              + directive.project()
              + " from its repository"
          : "BUILDER=script runs its own build script from "
              + directive.value("SOURCE_REPO")
              + ", which needs the network";
    }
    if (directive.context() == null) {
      return "its context is the git repository "
          + directive.value("DOCKER_REPO")
          + ", which needs the network; build it in a pod";
    }
    if (!Files.isRegularFile(directive.context().resolve(directive.dockerfile()))) {
      throw new IllegalArgumentException(
          directive.file()
              + ": no Dockerfile at "
              + directive.context().resolve(directive.dockerfile())
              + "; expected DOCKER_CONTEXT (default docker/) and DOCKER_FILE to name one");
    }
    return null;
  }
}
