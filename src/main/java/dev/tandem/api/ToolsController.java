package dev.tandem.api;

import dev.tandem.tools.Tool;
import dev.tandem.tools.ToolService;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tool catalogue, for any valid token. */
@RestController
@RequestMapping("/api/v1/tools")
class ToolsController {

  private final ToolService tools;

  ToolsController(ToolService tools) {
    this.tools = tools;
  }

  @GetMapping
  List<Tool> tools() {
    return tools.tools();
  }
}
