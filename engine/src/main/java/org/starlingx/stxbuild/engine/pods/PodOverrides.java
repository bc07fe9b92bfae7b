package org.starlingx.stxbuild.engine.pods;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Iterator;
import java.util.Map;

/**
 * Merges a user's pod YAML fragment into a generated pod, the way the kubernetes-plugin merges a
 * pod template's {@code yaml}: maps merge key by key, scalars of the fragment win, lists of named
 * items (containers, env, volumes, volume mounts, ports) merge item by item by {@code name}, other
 * lists (tolerations, args, command) are taken from the fragment as a whole. The build's own scope
 * labels, name and namespace cannot be overridden: isolation depends on them.
 */
public final class PodOverrides {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private PodOverrides() {}

  public static Pod merge(Pod generated, String fragmentYaml) {
    if (fragmentYaml == null || fragmentYaml.isBlank()) {
      return generated;
    }
    JsonNode fragment;
    try {
      fragment = YAML.readTree(fragmentYaml);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "pod override YAML is not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (fragment == null || !fragment.isObject()) {
      throw new IllegalArgumentException(
          "pod override YAML: expected a Pod (a mapping with kind: Pod), got "
              + (fragment == null ? "nothing" : fragment.getNodeType().toString().toLowerCase()));
    }
    JsonNode kind = fragment.get("kind");
    if (kind != null && !"Pod".equals(kind.asText())) {
      throw new IllegalArgumentException(
          "pod override YAML: expected kind Pod, got " + kind.asText());
    }
    if (fragment.has("spec") && !fragment.get("spec").isObject()) {
      throw new IllegalArgumentException("pod override YAML: expected spec to be a mapping");
    }
    ObjectNode base = JSON.valueToTree(generated);
    ObjectNode protectedMetadata = ((ObjectNode) base.path("metadata")).deepCopy();
    mergeObject(base, (ObjectNode) fragment);
    restoreIdentity(base, protectedMetadata);
    try {
      return JSON.treeToValue(base, Pod.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "pod override YAML does not fit a Pod: " + e.getOriginalMessage(), e);
    }
  }

  private static void restoreIdentity(ObjectNode pod, ObjectNode original) {
    ObjectNode metadata = (ObjectNode) pod.path("metadata");
    metadata.set("name", original.get("name"));
    metadata.set("namespace", original.get("namespace"));
    ObjectNode labels = metadata.with("labels");
    original.path("labels").fields().forEachRemaining(e -> labels.set(e.getKey(), e.getValue()));
  }

  private static void mergeObject(ObjectNode target, ObjectNode overlay) {
    Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode existing = target.get(field.getKey());
      JsonNode value = field.getValue();
      if (existing instanceof ObjectNode existingObject
          && value instanceof ObjectNode valueObject) {
        mergeObject(existingObject, valueObject);
      } else if (existing instanceof ArrayNode existingArray
          && value instanceof ArrayNode valueArray
          && allNamed(existingArray)
          && allNamed(valueArray)) {
        mergeNamed(existingArray, valueArray);
      } else {
        target.set(field.getKey(), value.deepCopy());
      }
    }
  }

  private static void mergeNamed(ArrayNode target, ArrayNode overlay) {
    for (JsonNode item : overlay) {
      ObjectNode match = null;
      for (JsonNode candidate : target) {
        if (candidate.get("name").asText().equals(item.get("name").asText())) {
          match = (ObjectNode) candidate;
          break;
        }
      }
      if (match == null) {
        target.add(item.deepCopy());
      } else {
        mergeObject(match, (ObjectNode) item);
      }
    }
  }

  private static boolean allNamed(ArrayNode array) {
    for (JsonNode item : array) {
      if (!item.isObject() || !item.has("name")) {
        return false;
      }
    }
    return true;
  }
}
