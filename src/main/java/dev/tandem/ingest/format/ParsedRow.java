package dev.tandem.ingest.format;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A validated row of an import file, with the line it came from. */
public sealed interface ParsedRow {

  long line();

  /**
   * Usage of one identity and tool for one day (daily sources) or one week ({@code day} null).
   * {@code identity} is a lower-cased email or a vendor id; {@code discriminator} separates rows
   * that are legitimately several per identity and day (Kiro's one row per client, Claude Code's
   * terminals); {@code email} is a roster email to match by when the vendor id is not mapped
   * (Kiro's {@code User_Email}), else null. {@code agent} says whether an agent mode was used that
   * day (null: the source cannot tell); {@code agentDays} is the weekly count (null: cannot tell).
   */
  record Usage(
      long line,
      String identity,
      String tool,
      LocalDate day,
      LocalDate weekStart,
      boolean active,
      Integer activeDays,
      Long interactions,
      Long acceptedLines,
      String discriminator,
      String email,
      Boolean agent,
      Integer agentDays,
      Spend spend,
      Acceptance acceptance)
      implements ParsedRow {

    /**
     * A day's usage; {@code agent} is only true on an active day (an inactive day used no agent).
     */
    public static Usage daily(
        long line,
        String identity,
        String tool,
        LocalDate day,
        boolean active,
        Long interactions,
        Long acceptedLines,
        String discriminator,
        Boolean agent) {
      return new Usage(
          line,
          identity,
          tool,
          day,
          day.with(DayOfWeek.MONDAY),
          active,
          null,
          interactions,
          acceptedLines,
          discriminator == null ? "" : discriminator,
          null,
          agent == null ? null : agent && active,
          null,
          null,
          null);
    }

    /** The same row, matched by {@code email} when its vendor id is not mapped. */
    public Usage withEmail(String email) {
      return with(email, spend, acceptance);
    }

    /** The same row with the counts of an acceptance rate (null: the source has not both). */
    public Usage withAcceptance(Acceptance acceptance) {
      return with(email, spend, acceptance);
    }

    /** The same row with what it says about seats and cost. */
    public Usage withSpend(Spend spend) {
      return with(email, spend, acceptance);
    }

    private Usage with(String email, Spend spend, Acceptance acceptance) {
      return new Usage(
          line,
          identity,
          tool,
          day,
          weekStart,
          active,
          activeDays,
          interactions,
          acceptedLines,
          discriminator,
          email,
          agent,
          agentDays,
          spend,
          acceptance);
    }
  }

  /**
   * The two counts a per-tool acceptance rate needs (accepted ÷ suggested), only where the source
   * reports both: Copilot {@code loc_suggested_to_add_sum}/{@code loc_added_sum} (lines), Q
   * Developer {@code Inline_SuggestionsCount}/{@code Inline_AcceptanceCount}, Claude Code's tool
   * actions (accepted + rejected / accepted), Cursor {@code totalAccepts + totalRejects}/{@code
   * totalAccepts}.
   */
  record Acceptance(long suggested, long accepted) {

    /** Both counts, or null when either is missing (never half a rate). */
    public static Acceptance of(Long suggested, Long accepted) {
      return suggested == null || accepted == null ? null : new Acceptance(suggested, accepted);
    }
  }

  /**
   * What a day's row says about seats and cost (each null when the source does not have it): Kiro
   * {@code Credits_Used} or Copilot {@code ai_credits_used}, Kiro {@code Overage_Credits_Used} and
   * {@code Subscription_Tier}, Cursor {@code usageBasedReqs}, Claude Code's estimated cost in
   * cents.
   */
  record Spend(
      java.math.BigDecimal creditsUsed,
      java.math.BigDecimal overageCreditsUsed,
      String subscriptionTier,
      Long usageBasedRequests,
      java.math.BigDecimal estimatedCostCents) {}

  /** Changes of one developer in one week, attributed to a tool or to {@code none}. */
  record Change(long line, String email, LocalDate weekStart, String attribution, int changes)
      implements ParsedRow {}

  /**
   * An incident as {@link dev.tandem.reliability.Incident} holds it (its source, external id and
   * the fields the file gives; id, team and update time are the import's to set). {@code teamNames}
   * are candidate owning teams (a key for Tandem's CSV, PagerDuty team names); {@code
   * vendorOwnedOnly} marks a source that owns only title, status, times, severity and service
   * (PagerDuty), so Tandem's triage fields are never overwritten.
   */
  record Incident(
      long line,
      dev.tandem.reliability.Incident incident,
      List<String> teamNames,
      boolean vendorOwnedOnly)
      implements ParsedRow {}

  /** A developer on the roster, with the team path from the top. */
  record RosterEntry(
      long line,
      String email,
      String name,
      List<String> teamPath,
      LocalDate startedOn,
      LocalDate leftOn,
      boolean excluded)
      implements ParsedRow {}

  /** A vendor identity mapped to a roster email. */
  record IdentityMapping(long line, String source, String externalId, String email)
      implements ParsedRow {}

  /**
   * A paid seat of a tool, held by an identity ({@code source} names the identity-map source: a
   * roster email under {@code tandem}, a Copilot login under {@code copilot}) from {@code
   * assignedOn} up to, not including, {@code removedOn} (null: still held). {@code monthlyPrice}
   * (null: the price list's) overrides the price list for this seat.
   */
  record Seat(
      long line,
      String source,
      String identity,
      String tool,
      String seatType,
      LocalDate assignedOn,
      LocalDate removedOn,
      java.math.BigDecimal monthlyPrice,
      OffsetDateTime lastActivityAt)
      implements ParsedRow {}
}
