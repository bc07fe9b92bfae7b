package org.starlingx.stxbuild.engine.repo.pulp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.apt.PrivateAptRoot;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.repo.FileDigests;
import org.starlingx.stxbuild.engine.repo.MirrorDownload;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.local.LocalPackageRepository;
import org.starlingx.stxbuild.engine.repo.testing.SamplePackages;
import org.starlingx.stxbuild.engine.repo.testing.StaticFileServer;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/** Mirrors on the real Pulp, filled from an upstream this test builds and serves on loopback. */
@ExtendWith(PulpServerExtension.class)
class PulpMirrorsIT {
  @TempDir Path work;
  private PulpClient pulp;
  private PulpMirrors mirrors;
  private String run;

  @BeforeEach
  void connect(PulpEndpoint endpoint) {
    pulp = PulpTestClients.connect(endpoint);
    mirrors = new PulpMirrors(pulp);
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void deleteThisRunsAptMirrors() {
    for (String name : List.of("stx-mirror-up-" + run, "stx-mirror-lazy-" + run)) {
      pulp.deb().repositories().findDistribution(name).ifPresent(d -> pulp.delete(d.href()));
      pulp.deb().repositories().find(name).ifPresent(r -> pulp.delete(r.href()));
      pulp.deb().findRemote(name).ifPresent(pulp::delete);
    }
  }

  @Test
  void syncsAnUpstreamAptRepositoryThatAptGetThenReadsFromPulp() throws Exception {
    Path deb = new SamplePackages(work).build("stx-upstream-" + run, "3.1-2", 4096);
    try (StaticFileServer upstream = new StaticFileServer(upstreamWith(deb))) {
      AptSource mirror =
          mirrors.mirrorApt(remote("up-" + run, upstream.url(), PulpDeb.Policy.IMMEDIATE));

      PrivateAptRoot apt = new PrivateAptRoot(work.resolve("apt")).sources(mirror);
      apt.update();
      assertThat(Files.readAllBytes(apt.download("stx-upstream-" + run)))
          .isEqualTo(Files.readAllBytes(deb));
    }
  }

  @Test
  void onDemandMirrorFetchesAPackageOnlyWhenAClientFirstAsks() throws Exception {
    Path deb = new SamplePackages(work).build("stx-lazy-" + run, "1.0-1", 4096);
    try (StaticFileServer upstream = new StaticFileServer(upstreamWith(deb))) {
      AptSource mirror =
          mirrors.mirrorApt(remote("lazy-" + run, upstream.url(), PulpDeb.Policy.ON_DEMAND));
      assertThat(upstream.requested()).noneMatch(path -> path.endsWith(".deb"));

      PrivateAptRoot apt = new PrivateAptRoot(work.resolve("apt")).sources(mirror);
      apt.update();
      assertThat(Files.readAllBytes(apt.download("stx-lazy-" + run)))
          .isEqualTo(Files.readAllBytes(deb));
      assertThat(upstream.requested()).anyMatch(path -> path.endsWith(".deb"));
    }
  }

  @Test
  void aDownloadIsFetchedOnceVerifiedAndServedFromTheMirror() throws Exception {
    Path files = Files.createDirectories(work.resolve("upstream-files"));
    Path tarball = files.resolve("tool-" + run + ".tar.gz");
    Files.write(tarball, ("tarball " + run).repeat(1000).getBytes());
    FileDigests digests = FileDigests.of(tarball);
    try (StaticFileServer upstream = new StaticFileServer(files)) {
      URI source = upstream.url().resolve(tarball.getFileName().toString());
      MirrorDownload bySha =
          new MirrorDownload(tarball.getFileName().toString(), source, "sha256", digests.sha256());

      URI served = mirrors.ensureDownload(bySha);
      int upstreamRequests = upstream.requested().size();
      URI again = mirrors.ensureDownload(bySha);
      URI byMd5 =
          mirrors.ensureDownload(
              new MirrorDownload(tarball.getFileName().toString(), source, "md5", digests.md5()));

      assertThat(again).isEqualTo(served).isEqualTo(byMd5);
      assertThat(upstream.requested()).hasSize(upstreamRequests);
      Path fetched = pulp.download(served, work.resolve("fetched"));
      assertThat(Files.readAllBytes(fetched)).isEqualTo(Files.readAllBytes(tarball));
    }
  }

  @Test
  void aDownloadWithTheWrongChecksumIsRefusedAndNotKept() throws Exception {
    Path files = Files.createDirectories(work.resolve("upstream-files"));
    Path tarball =
        Files.writeString(files.resolve("bad-" + run + ".tar.gz"), "not what was promised");
    try (StaticFileServer upstream = new StaticFileServer(files)) {
      MirrorDownload wrong =
          new MirrorDownload(
              tarball.getFileName().toString(),
              upstream.url().resolve(tarball.getFileName().toString()),
              "sha256",
              "0".repeat(64));

      assertThatThrownBy(() -> mirrors.ensureDownload(wrong))
          .hasMessageContaining("bad-" + run + ".tar.gz")
          .hasMessageContaining("0".repeat(64))
          .hasMessageContaining("not kept");
      PulpRepository downloads =
          pulp.files().repositories().find(PulpMirrors.DOWNLOADS).orElseThrow();
      String latest = pulp.files().repositories().get(downloads.href()).latestVersionHref();
      assertThat(pulp.files().inVersion(latest, tarball.getFileName().toString())).isEmpty();
    }
  }

  /**
   * An upstream apt repository with one package, written by the local repository, suite {@code
   * stable}.
   */
  private Path upstreamWith(Path deb) {
    LocalPackageRepository upstream =
        new LocalPackageRepository(work.resolve("upstream"), List.of("amd64"), null);
    try (RepoSession session =
        upstream.openSession(new SessionNames("stable", "stable-build", Map.of()))) {
      session.addPackages(List.of(deb));
      session.complete();
    }
    return upstream.root();
  }

  private static PulpDeb.RemoteSpec remote(String name, URI url, PulpDeb.Policy policy) {
    return new PulpDeb.RemoteSpec(name, url, "branch-stable", "main", "amd64", policy);
  }
}
