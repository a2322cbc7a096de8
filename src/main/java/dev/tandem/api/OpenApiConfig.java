package dev.tandem.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The OpenAPI description of /api/v1 (every endpoint takes a bearer token), served at
 * /api/v1/openapi.json. Springdoc builds it from the controllers; {@link #errorsAndExamples} adds
 * what annotations would repeat on every operation: the error responses (all RFC 9457 problem
 * details), which response fields are always present, and the examples kept in {@code
 * openapi/examples/<operationId>.<status>.json} ({@code any.<status>.json} for every operation).
 * {@code ApiContractIT} replays real responses against this document.
 */
@Configuration
class OpenApiConfig {

  static final String PROBLEM = "Problem";
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String JSON = "application/json";

  /** Why each error status is answered, in the words the document shows. */
  private static final Map<String, String> ERRORS =
      Map.of(
          "400", "A parameter or the body is invalid; errors name each field.",
          "401", "No token, or a token that is unknown, revoked or expired.",
          "403", "The token's role or team scope may not do this.",
          "406", "The Accept header excludes JSON.",
          "415", "The body's Content-Type is not JSON.",
          "500", "Failed on the server's side; the detail carries an error id that is logged.",
          "503",
              "The database is busy (Retry-After says when to retry), or the import queue is full.");

  @Bean
  OpenAPI tandemOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Tandem API")
                .version("v1")
                .description(
                    "AI coding-tool adoption and error rates. Errors are RFC 9457 problem details; "
                        + "suppressed small-group values are null with \"suppressed\": true."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
                .addSecuritySchemes(
                    "basic",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description("A person's user name and password (own subscription only)."))
                .addSchemas(PROBLEM, problemSchema()))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }

  @Bean
  OpenApiCustomizer errorsAndExamples(ObjectMapper json) {
    Map<String, Object> examples = examples(json);
    return openApi -> {
      openApi.getComponents().addSchemas(PROBLEM, problemSchema());
      openApi
          .getPaths()
          .values()
          .forEach(path -> path.readOperations().forEach(op -> complete(op, examples)));
      requireResponseFields(openApi);
    };
  }

  private static void complete(Operation op, Map<String, Object> examples) {
    ApiResponses responses = op.getResponses();
    boolean takesInput =
        op.getRequestBody() != null
            || (op.getParameters() != null && !op.getParameters().isEmpty());
    List<String> statuses = new ArrayList<>(List.of("401", "406", "500", "503"));
    if (!"tools".equals(op.getOperationId())) {
      statuses.add("403");
    }
    if (takesInput) {
      statuses.add("400");
    }
    if (op.getRequestBody() != null && !"importFile".equals(op.getOperationId())) {
      statuses.add("415");
    }
    statuses.forEach(
        s -> {
          if (!responses.containsKey(s)) {
            responses.addApiResponse(s, new ApiResponse().description(ERRORS.get(s)));
          }
        });
    responses.forEach(
        (status, response) -> {
          Content content = response.getContent();
          if (status.startsWith("4") || status.startsWith("5")) {
            if (!namesItsSchema(content)) {
              response.setContent(
                  new Content()
                      .addMediaType(
                          PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(ref(PROBLEM)))));
            }
          } else if (content != null && content.containsKey("*/*")) {
            content.put(JSON, content.remove("*/*"));
          }
          Object example =
              examples.getOrDefault(
                  op.getOperationId() + "." + status, examples.get("any." + status));
          if (example != null && response.getContent() != null) {
            response.getContent().values().forEach(m -> m.setExample(example));
          }
        });
    TreeMap<String, ApiResponse> sorted = new TreeMap<>(responses);
    responses.clear();
    sorted.forEach(responses::addApiResponse);
  }

  /** An error response whose annotation names a schema of its own (422 of an import) keeps it. */
  private static boolean namesItsSchema(Content content) {
    return content != null
        && content.values().stream()
            .anyMatch(m -> m.getSchema() != null && m.getSchema().get$ref() != null);
  }

  /**
   * Every field of a response is always written, null or not, except {@code suppressed}, which is
   * present only when true: so every other property of a schema that a response uses is required.
   * Request schemas (reachable only from a request body) keep what their annotations say.
   */
  private static void requireResponseFields(OpenAPI openApi) {
    Map<String, Schema> schemas = openApi.getComponents().getSchemas();
    Deque<Schema<?>> todo = new ArrayDeque<>();
    openApi
        .getPaths()
        .values()
        .forEach(
            path ->
                path.readOperations()
                    .forEach(
                        op ->
                            op.getResponses()
                                .values()
                                .forEach(
                                    r -> {
                                      if (r.getContent() != null) {
                                        r.getContent()
                                            .values()
                                            .forEach(m -> todo.add(m.getSchema()));
                                      }
                                    })));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      Schema<?> schema = todo.pop();
      if (schema == null) {
        continue;
      }
      if (schema.get$ref() != null) {
        String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        if (seen.add(name) && schemas.get(name) != null) {
          todo.push(schemas.get(name));
        }
        continue;
      }
      if (schema.getItems() != null) {
        todo.push(schema.getItems());
      }
      if (schema.getAdditionalProperties() instanceof Schema<?> values) {
        todo.push(values);
      }
      if (schema.getProperties() != null) {
        schema.getProperties().values().forEach(todo::push);
        if (schema.getRequired() == null) {
          schema.setRequired(
              schema.getProperties().keySet().stream()
                  .filter(p -> !"suppressed".equals(p))
                  .toList());
        }
      }
    }
  }

  /** RFC 9457, with the two members Tandem adds: {@code errors} (400) and {@code errorId} (500). */
  private static Schema<?> problemSchema() {
    ObjectSchema fieldError = new ObjectSchema();
    fieldError.addProperty("field", new StringSchema().description("The parameter or field."));
    fieldError.addProperty("message", new StringSchema().description("What was wrong."));
    fieldError.setRequired(List.of("field", "message"));
    ObjectSchema problem = new ObjectSchema();
    problem.description("An RFC 9457 problem detail, as application/problem+json.");
    problem.addProperty("type", new StringSchema().example("about:blank"));
    problem.addProperty("title", new StringSchema().example("Bad Request"));
    problem.addProperty("status", new IntegerSchema().example(400));
    problem.addProperty(
        "detail",
        new StringSchema()
            .description("What went wrong and what to do, for a person.")
            .example("The request has invalid values."));
    problem.addProperty("instance", new StringSchema().example("/api/v1/adoption"));
    problem.addProperty(
        "errors",
        new ArraySchema()
            .items(fieldError)
            .description("400 only: each invalid parameter or field."));
    problem.addProperty(
        "errorId", new StringSchema().description("500 only: the id of the logged failure."));
    problem.setRequired(List.of("type", "title", "status", "detail"));
    return problem;
  }

  private static String ref(String schema) {
    return "#/components/schemas/" + schema;
  }

  /** {@code openapi/examples/<operationId>.<status>.json} → the parsed example. */
  private static Map<String, Object> examples(ObjectMapper json) {
    Map<String, Object> examples = new LinkedHashMap<>();
    try {
      for (Resource r :
          new PathMatchingResourcePatternResolver()
              .getResources("classpath:openapi/examples/*.json")) {
        String name = r.getFilename();
        try (InputStream in = r.getInputStream()) {
          examples.put(
              name.substring(0, name.length() - ".json".length()),
              json.readValue(in, Object.class));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the OpenAPI examples could not be read", e);
    }
    return examples;
  }

  /** DESIGN §5 names the document openapi.json; springdoc serves it without the suffix. */
  @Controller
  static class OpenApiJson {
    @GetMapping("/api/v1/openapi.json")
    String openApiJson() {
      return "forward:/api/v1/openapi";
    }
  }
}
