package dev.tandem.costs;

import dev.tandem.access.AccessPolicy;
import dev.tandem.access.SmallGroupRule;
import dev.tandem.base.Scope;
import dev.tandem.base.ValidationException;
import dev.tandem.rollup.ScopeIds;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import dev.tandem.security.AuditService;
import dev.tandem.security.Role;
import dev.tandem.settings.SettingsService;
import dev.tandem.tools.Tool;
import dev.tandem.tools.ToolService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seats and cost: the screen's and the API's one door. Admins and leaders see any scope, managers
 * their own team's scope (individuals included), members nothing; small groups are suppressed like
 * adoption's (DESIGN §3.4).
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
@PreAuthorize("isAuthenticated()")
public class CostService {

  /** The longest period one answer covers. */
  public static final int MAX_MONTHS = 24;

  /** The most rows the reclaim and without-seat lists return. */
  public static final int MAX_LIST = 2000;

  static final String TOTAL = "total";

  private final CostQuery query;
  private final PriceRepository prices;
  private final RosterService roster;
  private final ToolService tools;
  private final SettingsService settings;
  private final AccessPolicy access;
  private final AuditService audit;
  private final Clock clock;

  CostService(
      CostQuery query,
      PriceRepository prices,
      RosterService roster,
      ToolService tools,
      SettingsService settings,
      AccessPolicy access,
      AuditService audit,
      Clock clock) {
    this.query = query;
    this.prices = prices;
    this.roster = roster;
    this.tools = tools;
    this.settings = settings;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /** Today in the organisation's zone. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(settings.current().zone()));
  }

  /**
   * The scope the caller gets for a requested scope: admins and leaders what they ask for, managers
   * their own team when asking for the organisation and a team inside their scope otherwise (403
   * outside it), members nothing (403).
   */
  public Scope costScope(Scope requested) {
    Role role = access.role();
    if (role == null || role == Role.MEMBER) {
      throw new AccessDeniedException(
          "seats and cost are shown to admins, leaders and managers (their own team) only");
    }
    String key = requested.keyOrNull();
    if (key != null && roster.team(key).isEmpty()) {
      throw ValidationException.of("team", "no team with key '" + key + "'");
    }
    return role == Role.MANAGER ? access.individualsScope(requested) : requested;
  }

  /** Parses {@code YYYY-MM} bounds; {@code to} defaults to {@code from}. */
  public static YearMonth[] period(String from, String to) {
    ValidationException.Collector problems = new ValidationException.Collector();
    YearMonth f = month(from, "from", problems);
    YearMonth t = to == null || to.isBlank() ? f : month(to, "to", problems);
    problems.throwIfAny();
    return new YearMonth[] {f, t};
  }

  private static YearMonth month(String text, String field, ValidationException.Collector p) {
    try {
      return YearMonth.parse(text == null ? "" : text.trim());
    } catch (DateTimeParseException e) {
      p.check(false, field, "expected a month as YYYY-MM, e.g. 2026-11, got '" + text + "'");
      return null;
    }
  }

  /** Seats and cost of a scope over the months from–to. */
  public CostReport costs(Scope requested, YearMonth from, YearMonth to) {
    Scope granted = costScope(requested);
    LocalDate today = today();
    checkPeriod(from, to, today);
    int months = (int) from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1;
    ScopeIds scope = roster.scope(granted);
    LocalDate seatsOn = to.atEndOfMonth().isAfter(today) ? today : to.atEndOfMonth();
    CostSettings rates = prices.settings();
    Costs.Rows rows =
        new Costs.Rows(
            query.seatMonths(scope, from, months),
            query.usageMonths(scope, from, to, rates),
            query.activeMonths(scope, from, to),
            query.seatsOn(scope, seatsOn));
    Costs costs = new Costs(from, months);
    SmallGroupRule rule = access.smallGroups(granted);

    Map<String, Costs.Sums> byMonth =
        costs.group(rows, (team, tool, m) -> m < 0 ? null : from.plusMonths(m).toString(), true);
    Map<String, Costs.Sums> monthsInOrder = new LinkedHashMap<>();
    for (int i = 0; i < months; i++) {
      String key = from.plusMonths(i).toString();
      monthsInOrder.put(key, byMonth.getOrDefault(key, costs.new Sums()));
    }
    List<CostReport.Row> monthRows =
        monthsInOrder.entrySet().stream()
            .map(
                e ->
                    new CostReport.Row(
                        e.getKey(),
                        e.getKey(),
                        rule.hidden(e.getValue().size())
                            ? CostFigures.SUPPRESSED
                            : e.getValue().figures().withoutSeatCounts()))
            .toList();
    // A total, a tool or a team over partly hidden months would let the hidden months be worked
    // out.
    boolean anyMonthHidden = monthRows.stream().anyMatch(r -> r.figures().suppressed());
    Costs.Sums total =
        costs.group(rows, (team, tool, m) -> TOTAL, true).getOrDefault(TOTAL, costs.new Sums());
    CostFigures totalFigures =
        anyMonthHidden || rule.hidden(total.size()) ? CostFigures.SUPPRESSED : total.figures();

    Map<String, String> toolNames =
        tools.tools().stream().collect(Collectors.toMap(Tool::key, Tool::name));
    List<CostReport.Row> toolRows =
        Costs.siblings(costs.group(rows, (team, tool, m) -> tool, false), toolNames, rule);
    Map<Long, String> groupOfTeam = new HashMap<>();
    Map<String, String> teamLabels = new HashMap<>();
    Costs.teamGroups(scope, roster.teams(), groupOfTeam, teamLabels);
    List<CostReport.Row> teamRows =
        Costs.siblings(
            costs.group(rows, (team, tool, m) -> groupOfTeam.get(team), true), teamLabels, rule);
    if (totalFigures.suppressed()) {
      toolRows =
          toolRows.stream()
              .map(r -> new CostReport.Row(r.key(), r.label(), CostFigures.SUPPRESSED))
              .toList();
      teamRows =
          teamRows.stream()
              .map(r -> new CostReport.Row(r.key(), r.label(), CostFigures.SUPPRESSED))
              .toList();
    }
    int leavers = query.countLeaverSeats(scope, today);
    // Developers, not developer-tool pairs: the small-group rule counts people.
    int unseated =
        (int)
            query.unseated(scope, from.atDay(1), to.atEndOfMonth(), MAX_LIST).stream()
                .map(CostQuery.Unseated::email)
                .distinct()
                .count();
    return new CostReport(
        granted.teamKey().orElse("organisation"),
        rates.currency(),
        from,
        to,
        seatsOn,
        seatsOn.with(java.time.DayOfWeek.MONDAY).minusWeeks(3),
        totalFigures,
        toolRows,
        teamRows,
        monthRows,
        rule.hidden(leavers) ? null : leavers,
        rule.hidden(unseated) ? null : unseated,
        granted.organisation() ? query.heldSeatsOn(seatsOn) : 0,
        rule.k());
  }

  /**
   * Seats held today by people who have left, one by one: admins, and managers inside their scope.
   */
  public List<ReclaimSeat> reclaimList(Scope requested) {
    Scope individuals = access.individualsScope(costScope(requested));
    Map<Long, String> names = teamNames();
    return query.leaverSeats(roster.scope(individuals), today(), MAX_LIST).stream()
        .map(
            s ->
                new ReclaimSeat(
                    s.name(),
                    s.email(),
                    names.get(s.teamId()),
                    s.tool(),
                    s.seatType(),
                    s.assignedOn(),
                    s.leftOn(),
                    s.monthlyPrice()))
        .toList();
  }

  /** Developers who used a tool in the period without a seat of it, one by one (as above). */
  public List<UserWithoutSeat> usersWithoutSeat(Scope requested, YearMonth from, YearMonth to) {
    Scope individuals = access.individualsScope(costScope(requested));
    checkPeriod(from, to, today());
    Map<Long, String> names = teamNames();
    return query
        .unseated(roster.scope(individuals), from.atDay(1), to.atEndOfMonth(), MAX_LIST)
        .stream()
        .map(
            u ->
                new UserWithoutSeat(
                    u.name(), u.email(), names.get(u.teamId()), u.tool(), u.activeWeeks()))
        .toList();
  }

  /** The teams the caller may pick: every team for admins and leaders, a manager's own scope. */
  public List<Team> teams() {
    return access.role() == Role.MANAGER
        ? roster.teams().stream()
            .filter(t -> access.maySeeIndividuals(Scope.team(t.key())))
            .toList()
        : access.teamsWithAggregates();
  }

  /** Whether the caller may see the one-by-one lists of this scope. */
  public boolean maySeeIndividuals(Scope requested) {
    return access.maySeeIndividuals(costScope(requested));
  }

  private static void checkPeriod(YearMonth from, YearMonth to, LocalDate today) {
    ValidationException.Collector p = new ValidationException.Collector();
    p.check(from != null, "from", "expected a month as YYYY-MM");
    p.check(to != null, "to", "expected a month as YYYY-MM");
    p.throwIfAny();
    p.check(!to.isBefore(from), "to", "expected a month on or after from (" + from + ")");
    p.check(
        from.until(to, java.time.temporal.ChronoUnit.MONTHS) < MAX_MONTHS,
        "to",
        "expected at most " + MAX_MONTHS + " months from " + from);
    p.check(
        !from.isAfter(YearMonth.from(today)),
        "from",
        "expected this month (" + YearMonth.from(today) + ") or an earlier one");
    p.throwIfAny();
  }

  private Map<Long, String> teamNames() {
    return roster.teams().stream().collect(Collectors.toMap(Team::id, Team::name));
  }
}
