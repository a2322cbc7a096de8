package dev.tandem.adoption;

import dev.tandem.base.IsoWeek;
import dev.tandem.base.Ratio;
import dev.tandem.base.Scope;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauge {@code tandem.adoption}: adoption in the latest complete week for the organisation and each
 * top-level team. Refreshed every few minutes rather than computed per scrape.
 */
@Component
class AdoptionMetrics {

  private final AdoptionService adoption;
  private final RosterService roster;
  private final MultiGauge gauge;

  AdoptionMetrics(AdoptionService adoption, RosterService roster, MeterRegistry registry) {
    this.adoption = adoption;
    this.roster = roster;
    this.gauge =
        MultiGauge.builder("tandem.adoption")
            .description(
                "Share of developers in headcount who used an AI coding tool in the latest complete week")
            .baseUnit("ratio")
            .register(registry);
  }

  /** Start-up never waits for the gauge: the first refresh runs in the background. */
  @EventListener(ApplicationReadyEvent.class)
  void refreshInBackground() {
    Thread thread = new Thread(this::refresh, "adoption-gauge");
    thread.setDaemon(true);
    thread.start();
  }

  @Scheduled(
      fixedDelayString = "${tandem.metrics.refresh:PT5M}",
      initialDelayString = "${tandem.metrics.refresh:PT5M}")
  void refresh() {
    IsoWeek week = adoption.lastCompleteWeek();
    int k = adoption.minGroupSize();
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    add(rows, "organisation", adoption.adoption(Scope.ORGANISATION, week), k);
    for (Team team : roster.teams()) {
      if (team.parentId() == null) {
        add(rows, team.key(), adoption.adoption(Scope.team(team.key()), week), k);
      }
    }
    gauge.register(rows, true);
  }

  /** Small groups (fewer than k developers) are not exported: a scraper may not see individuals. */
  private static void add(List<MultiGauge.Row<?>> rows, String scope, Ratio ratio, int k) {
    if (ratio.value() != null && ratio.denominator() >= k) {
      rows.add(MultiGauge.Row.of(Tags.of("scope", scope), ratio.value()));
    }
  }
}
