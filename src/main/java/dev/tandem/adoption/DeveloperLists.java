package dev.tandem.adoption;

import dev.tandem.base.IsoWeek;
import dev.tandem.base.WeekRange;
import dev.tandem.rollup.ScopeIds;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Figures of developers one by one behind {@link AdoptionService} (which checks who may see them):
 * a person's own usage and the developers without AI use.
 */
@Component
class DeveloperLists {

  private final AdoptionQuery query;

  DeveloperLists(AdoptionQuery query) {
    this.query = query;
  }

  /** One developer's weekly usage per tool over the range. */
  List<OwnUsage> usageOf(long developerId, WeekRange range) {
    return query.usageOf(developerId, range).stream()
        .map(
            u ->
                new OwnUsage(
                    IsoWeek.starting(u.monday()),
                    u.tool(),
                    u.activeDays(),
                    u.interactions(),
                    u.acceptedLines(),
                    u.agentDays() == null ? null : u.agentDays().intValue()))
        .toList();
  }

  /**
   * One page of the developers of the scope in headcount with no AI use in the {@value
   * AdoptionService#INACTIVE_WEEKS} complete weeks ending {@code asOf}, with how many there are.
   */
  InactiveDevelopers withoutAiUse(ScopeIds scope, IsoWeek asOf, int offset, int limit) {
    AdoptionQuery.InactivePage page =
        query.withoutAiUse(
            WeekRange.ending(asOf, AdoptionService.INACTIVE_WEEKS), scope, offset, limit);
    return new InactiveDevelopers(
        page.rows().stream()
            .map(
                i ->
                    new InactiveDeveloper(i.id(), i.name(), i.email(), i.teamKey(), i.lastAiWeek()))
            .toList(),
        page.total());
  }
}
