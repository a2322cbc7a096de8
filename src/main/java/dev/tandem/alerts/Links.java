package dev.tandem.alerts;

import dev.tandem.base.Scope;
import dev.tandem.base.WeekRange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** Links into the screens with the filters set (the screens' own query parameters). */
@Component
class Links {

  private final String base;

  Links(AlertsProperties properties) {
    this.base = properties.baseUrl();
  }

  String adoption(Scope scope, WeekRange range) {
    return base + "/adoption?" + filters(scope, range);
  }

  String reliability(Scope scope, WeekRange range) {
    return base + "/reliability?" + filters(scope, range);
  }

  String data() {
    return base + "/data";
  }

  private static String filters(Scope scope, WeekRange range) {
    return scope
            .teamKey()
            .map(key -> "team=" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&")
            .orElse("")
        + "from="
        + range.from()
        + "&to="
        + range.to();
  }
}
