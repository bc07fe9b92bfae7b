package org.starlingx.stxbuild.engine.tenancy;

import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ResourceQuota admission's refusal of an object (HTTP 403 {@code exceeded quota: NAME,
 * requested: k=v,..., used: k=v,..., limited: k=v,...}), read into numbers: either the tenant's
 * other pods hold the room (wait for them) or the object asks for more than the quota allows at all
 * (it can never fit).
 *
 * @param quota the ResourceQuota's name
 * @param requested what the object asks for, per exceeded resource
 * @param used what is in use now
 * @param limited the quota's hard limits
 */
public record QuotaRefusal(
    String quota,
    Map<String, String> requested,
    Map<String, String> used,
    Map<String, String> limited) {
  private static final Pattern MESSAGE =
      Pattern.compile(
          "exceeded quota: ([^,]+), requested: (.*?), used: (.*?), limited: ([^\\s]*)",
          Pattern.DOTALL);

  public QuotaRefusal {
    requested = Map.copyOf(requested);
    used = Map.copyOf(used);
    limited = Map.copyOf(limited);
  }

  /** The refusal in an API server message, if it is one. */
  public static Optional<QuotaRefusal> parse(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher m = MESSAGE.matcher(message);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(
        new QuotaRefusal(
            m.group(1).strip(), pairs(m.group(2)), pairs(m.group(3)), pairs(m.group(4))));
  }

  /** The resources the object asks more of than the quota allows even with nothing else running. */
  public List<String> neverFitting() {
    List<String> over = new ArrayList<>();
    requested.forEach(
        (resource, amount) -> {
          String hard = limited.get(resource);
          if (hard != null && amount(amount).compareTo(amount(hard)) > 0) {
            over.add(resource);
          }
        });
    return over;
  }

  /** {@code requests.cpu: requested 8, quota hard limit 4}, for each resource that never fits. */
  public String neverFittingText() {
    List<String> parts = new ArrayList<>();
    for (String resource : neverFitting()) {
      parts.add(
          resource
              + " requested "
              + requested.get(resource)
              + ", quota hard limit "
              + limited.get(resource));
    }
    return String.join("; ", parts);
  }

  /** {@code requests.cpu 2 requested, 4 of 4 used}, for each exceeded resource. */
  public String usageText() {
    List<String> parts = new ArrayList<>();
    requested.forEach(
        (resource, amount) ->
            parts.add(
                resource
                    + " "
                    + amount
                    + " requested, "
                    + used.getOrDefault(resource, "?")
                    + " of "
                    + limited.getOrDefault(resource, "?")
                    + " used"));
    return String.join("; ", parts);
  }

  private static java.math.BigDecimal amount(String quantity) {
    return Quantity.getAmountInBytes(new Quantity(quantity));
  }

  private static Map<String, String> pairs(String text) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        result.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    return result;
  }
}
