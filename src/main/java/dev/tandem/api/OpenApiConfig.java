package dev.tandem.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The OpenAPI description of /api/v1 (every endpoint takes a bearer token), served at
 * /api/v1/openapi.json.
 */
@Configuration
class OpenApiConfig {

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
                    "bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
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
