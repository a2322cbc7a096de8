package dev.tandem.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Pages of a vendor's JSON list joined into one response of the same layout, one record per line
 * (so an import error's line points at its record). A page that is not the documented layout is
 * passed on unchanged, for the import to refuse with the line where it breaks.
 */
final class JsonPages {

  static final ObjectMapper JSON = new ObjectMapper();

  private JsonPages() {}

  /** The page as a JSON object whose {@code field} is an array, or null when it is not one. */
  static JsonNode page(byte[] body, String field) {
    try {
      JsonNode n = JSON.readTree(body);
      return n != null && n.isObject() && n.path(field).isArray() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** {"field":[\nrecord,\nrecord\n], then the given closing members}. */
  static byte[] joined(String field, List<JsonNode> records, Map<String, Object> closing) {
    StringBuilder b = new StringBuilder("{\"").append(field).append("\":[\n");
    b.append(records.stream().map(JsonNode::toString).collect(Collectors.joining(",\n")));
    b.append("\n]");
    try {
      for (Map.Entry<String, Object> e : closing.entrySet()) {
        b.append(",\"")
            .append(e.getKey())
            .append("\":")
            .append(JSON.writeValueAsString(e.getValue()));
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return b.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
  }
}
