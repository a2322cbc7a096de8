package dev.tandem.admin.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An audit entry's values before and after (JSON text) in words for the grid: only what changed
 * ("role: MEMBER → MANAGER"), so a row reads at a glance; the full JSON stays in the row's details
 * and the CSV export.
 */
final class AuditChanges {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_VALUE = 60;

  private AuditChanges() {}

  static String summary(String before, String after) {
    JsonNode b = parse(before);
    JsonNode a = parse(after);
    if (b == null && a == null) {
      return raw(before, after);
    }
    if (b != null && a != null && b.isObject() && a.isObject()) {
      Set<String> fields = new LinkedHashSet<>();
      a.fieldNames().forEachRemaining(fields::add);
      b.fieldNames().forEachRemaining(fields::add);
      List<String> changes = new ArrayList<>();
      for (String field : fields) {
        JsonNode was = b.get(field);
        JsonNode is = a.get(field);
        if (!java.util.Objects.equals(was, is)) {
          changes.add(field + ": " + value(was) + " → " + value(is));
        }
      }
      return changes.isEmpty() ? "no change" : String.join("; ", changes);
    }
    if (b == null && a != null && a.isObject()) {
      return "created: " + fields(a);
    }
    if (a == null && b != null && b.isObject()) {
      return "removed: " + fields(b);
    }
    return raw(before, after);
  }

  private static String fields(JsonNode object) {
    List<String> parts = new ArrayList<>();
    object.fields().forEachRemaining(f -> parts.add(f.getKey() + " " + value(f.getValue())));
    return String.join("; ", parts);
  }

  private static String value(JsonNode node) {
    if (node == null || node.isNull()) {
      return "–";
    }
    String text = node.isValueNode() ? node.asText() : node.toString();
    return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE - 1) + "…" : text;
  }

  private static String raw(String before, String after) {
    String b = before == null ? "–" : before;
    String a = after == null ? "–" : after;
    return b + " → " + a;
  }

  private static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return null; // not JSON: shown as it is
    }
  }
}
