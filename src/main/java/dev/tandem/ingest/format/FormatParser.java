package dev.tandem.ingest.format;

import java.io.IOException;
import java.io.Reader;

/** Turns one import format into validated rows, streaming: it never holds the whole file. */
public interface FormatParser {

  /** The format key of {@code formats/README.md}, e.g. {@code tandem-usage-csv}. */
  String key();

  /** A one-line description for the upload screen. */
  String description();

  RowKind kind();

  /**
   * The identity-map source of this format's identities (copilot, kiro, tandem, ...), under which
   * unmatched identities are held and mapped; null for formats without per-developer rows.
   */
  String identitySource(ParseContext context);

  /**
   * Whether the {@code discriminator} of a day's rows names a part of the day that arrives in a
   * file of its own and is replaced on its own (Kiro writes one file per client type and day),
   * rather than a piece of the day that every file carries whole (summed, and replaced together).
   */
  default boolean partsReplacedSeparately() {
    return false;
  }

  /**
   * Whether a seat file is the whole seat list of its source on the day it is imported (a vendor's
   * seat list): seats it does not hold are closed that day.
   */
  default boolean seatListIsSnapshot() {
    return false;
  }

  /**
   * Whether a daily format reports a subscription tier per developer and day that Tandem turns into
   * seats (Kiro {@code Subscription_Tier}, Claude Code {@code subscription_type}).
   */
  default boolean tiersAreSeats() {
    return false;
  }

  /** Reads {@code in} (BOM already removed), reporting every row and every problem to sink. */
  void parse(Reader in, ParseContext context, RowSink sink) throws IOException;
}
