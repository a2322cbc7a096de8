package dev.tandem.alerts;

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

  String adoption(String teamKey, WeekRange range) {
    return base + "/adoption?" + filters(teamKey, range);
  }

  String reliability(String teamKey, WeekRange range) {
    return base + "/reliability?" + filters(teamKey, range);
  }

  String data() {
    return base + "/data";
  }

  private static String filters(String teamKey, WeekRange range) {
    return (teamKey == null
            ? ""
            : "team=" + URLEncoder.encode(teamKey, StandardCharsets.UTF_8) + "&")
        + "from="
        + range.from()
        + "&to="
        + range.to();
  }
}
