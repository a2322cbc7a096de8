package dev.tandem.api;

import dev.tandem.tools.Tool;
import dev.tandem.tools.ToolService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tool catalogue, for any valid token. */
@RestController
@RequestMapping(path = "/api/v1/tools", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tools", description = "The AI coding tools Tandem knows.")
class ToolsController {

  private final ToolService tools;

  ToolsController(ToolService tools) {
    this.tools = tools;
  }

  @GetMapping
  @Operation(operationId = "tools", summary = "The tool catalogue (any token)")
  @ApiResponse(responseCode = "200", description = "Every tool, active or not.")
  List<Tool> tools() {
    return tools.tools();
  }
}
