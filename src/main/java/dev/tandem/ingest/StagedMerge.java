package dev.tandem.ingest;

import dev.tandem.ingest.format.FormatParser;
import org.springframework.stereotype.Component;

/**
 * Merges a batch's staged rows into their table by the format's kind (usage days, usage weeks or
 * changes), for a new import and for held rows released later alike.
 */
@Component
class StagedMerge {

  private final StagingRepository staging;
  private final SeatImportRepository seats;

  StagedMerge(StagingRepository staging, SeatImportRepository seats) {
    this.staging = staging;
    this.seats = seats;
  }

  /** Writes the staged rows of {@code batchId} (inside the caller's transaction). */
  void merge(long batchId, FormatParser parser, String identitySource) {
    switch (parser.kind()) {
      case USAGE_DAY -> {
        staging.applyUsageDays(
            batchId, parser.key(), identitySource, parser.partsReplacedSeparately());
        if (parser.tiersAreSeats()) {
          seats.deriveTierSeats(batchId, parser.key());
        }
      }
      case USAGE_WEEK -> staging.applyUsageWeeks(batchId, parser.key(), identitySource);
      case CHANGES -> staging.applyChanges(batchId, identitySource);
      default -> throw new IllegalStateException(parser.key() + " does not hold rows");
    }
  }
}
