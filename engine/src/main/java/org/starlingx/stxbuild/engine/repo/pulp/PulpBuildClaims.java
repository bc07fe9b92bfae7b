package org.starlingx.stxbuild.engine.repo.pulp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.starlingx.stxbuild.engine.reuse.BuildClaims;

/**
 * Claims kept in Pulp: a file repository {@code stx-claim-<fingerprint>} whose labels name the
 * holder and the lease's end. Pulp refuses a second repository of the same name, so creating it is
 * the atomic claim; deleting it is the release.
 */
final class PulpBuildClaims implements BuildClaims {
  private static final String REPOSITORIES = "/pulp/api/v3/repositories/file/file/";
  private static final String HOLDER = "stx.claim.holder";
  private static final String UNTIL = "stx.claim.until";
  private final PulpHttp http;
  private final PulpTasks tasks;

  PulpBuildClaims(PulpHttp http, PulpTasks tasks) {
    this.http = http;
    this.tasks = tasks;
  }

  @Override
  public boolean claim(String fingerprint, String holder, Duration lease) {
    String name = name(fingerprint);
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        http.post(
            REPOSITORIES,
            Map.of(
                "name",
                name,
                "pulp_labels",
                Map.of(
                    PulpPackageRepository.ROLE,
                    "claim",
                    HOLDER,
                    holder,
                    UNTIL,
                    String.valueOf(Instant.now().plus(lease).getEpochSecond()))));
        return true;
      } catch (PulpException e) {
        if (e.status() != 400) {
          throw e;
        }
      }
      List<JsonNode> held = http.list(REPOSITORIES, Map.of("name", name));
      if (held.isEmpty()) {
        continue; // released meanwhile
      }
      JsonNode labels = held.get(0).path("pulp_labels");
      if (holder.equals(labels.path(HOLDER).asText())) {
        return true;
      }
      long until = Long.parseLong(labels.path(UNTIL).asText("0"));
      if (Instant.now().getEpochSecond() < until) {
        return false;
      }
      // The holder's lease ended without a release: take it over.
      delete(held.get(0).path("pulp_href").asText());
    }
    return false;
  }

  @Override
  public void release(String fingerprint, String holder) {
    for (JsonNode held : http.list(REPOSITORIES, Map.of("name", name(fingerprint)))) {
      if (holder.equals(held.path("pulp_labels").path(HOLDER).asText())) {
        delete(held.path("pulp_href").asText());
      }
    }
  }

  private void delete(String href) {
    try {
      JsonNode answer = http.delete(href);
      if (answer.hasNonNull("task")) {
        tasks.waitForAccepted(answer);
      }
    } catch (PulpException e) {
      if (e.status() != 404) {
        throw e;
      }
    }
  }

  private static String name(String fingerprint) {
    return "stx-claim-" + fingerprint;
  }
}
