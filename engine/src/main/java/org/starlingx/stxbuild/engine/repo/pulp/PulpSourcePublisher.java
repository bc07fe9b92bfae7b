package org.starlingx.stxbuild.engine.repo.pulp;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.starlingx.stxbuild.engine.graph.DebControl;
import org.starlingx.stxbuild.engine.repo.SessionNames;

/**
 * Serves a build's prepared source packages to its build pods from Pulp: file repository {@code
 * stx-sources-<session>} at {@code stx/sources/<session>/}, labelled like the session so retention
 * removes it with the build (if the build could not remove it itself). A file Pulp already holds is
 * not uploaded again.
 */
public final class PulpSourcePublisher {
  private final PulpClient pulp;

  public PulpSourcePublisher(PulpClient pulp) {
    this.pulp = pulp;
  }

  /** The origin of the URLs Pulp publishes, see {@link PulpClient#contentOrigin()}. */
  public java.util.Optional<String> contentOrigin() {
    return pulp.contentOrigin();
  }

  /**
   * Publishes a {@code .dsc} and the files it lists; returns the URL the {@code .dsc} is served at.
   */
  public synchronized URI publish(SessionNames names, Path dsc) {
    Map<String, String> labels = new HashMap<>(names.labels());
    labels.put(PulpPackageRepository.ROLE, "session");
    labels.put("stx.session", names.session());
    String name = repositoryName(names);
    PulpRepositories repositories = pulp.files().repositories();
    PulpRepository repository =
        repositories.find(name).orElseGet(() -> repositories.create(name, labels));
    List<Path> files = new ArrayList<>(List.of(dsc));
    DebControl.dscFiles(dsc).forEach(f -> files.add(dsc.resolveSibling(f)));
    List<String> content = new ArrayList<>();
    for (Path file : files) {
      content.add(pulp.files().ensureContent(file.getFileName().toString(), file));
    }
    repositories.modify(repository.href(), content, List.of(), null);
    String publication = pulp.files().publishLatest(repository.href());
    return repositories
        .serve(name, "stx/sources/" + names.session(), publication, labels)
        .baseUrl()
        .resolve(dsc.getFileName().toString());
  }

  /**
   * Removes the session's source repository and its distribution once no pod reads them (the build
   * has ended, finished or aborted); the content units stay, shared, until retention cleans
   * orphans.
   */
  public synchronized void remove(SessionNames names) {
    String name = repositoryName(names);
    PulpRepositories repositories = pulp.files().repositories();
    repositories.findDistribution(name).ifPresent(d -> pulp.delete(d.href()));
    repositories.find(name).ifPresent(r -> pulp.delete(r.href()));
  }

  private static String repositoryName(SessionNames names) {
    return "stx-sources-" + names.session();
  }
}
