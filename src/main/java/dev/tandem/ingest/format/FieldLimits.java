package dev.tandem.ingest.format;

/**
 * The longest value each kind of import field may hold, matching the columns of {@code
 * db/migration}; the parsers refuse a longer cell with {@code line N, field F: is L characters
 * long; at most M}, so a huge cell is an error message, never a failed insert.
 */
public final class FieldLimits {

  /** developer.email, identity_map.external_id, import_stage.external_id. */
  public static final int EMAIL = 320;

  /** identity_map.external_id / import_stage.external_id (vendor user ids, logins). */
  public static final int EXTERNAL_ID = 320;

  /** developer.name, team.name. */
  public static final int NAME = 200;

  /** team.team_key. */
  public static final int TEAM_KEY = 100;

  /** A whole team path (keys of at most {@link #TEAM_KEY} separated by '/'). */
  public static final int TEAM_PATH = 1000;

  /** identity_map.source. */
  public static final int SOURCE = 50;

  /** tool.tool_key, and every other short keyword (severity, involvement, root cause). */
  public static final int KEYWORD = 50;

  /** incident.external_id. */
  public static final int INCIDENT_ID = 100;

  /** incident.title. */
  public static final int TITLE = 500;

  /** incident.status. */
  public static final int STATUS = 30;

  /** incident.service. */
  public static final int SERVICE = 200;

  /** incident.postmortem_url. */
  public static final int URL = 1000;

  /** import_stage.discriminator (Kiro's client type, Claude Code's terminal type). */
  public static final int DISCRIMINATOR = 100;

  /** Dates, times, weeks, numbers and booleans: far more than any valid one needs. */
  public static final int SCALAR = 64;

  private FieldLimits() {}
}
