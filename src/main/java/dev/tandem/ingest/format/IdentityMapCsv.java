package dev.tandem.ingest.format;

import java.util.List;
import java.util.Locale;

/** {@code identity-map-csv}: vendor identities mapped to roster emails. */
public final class IdentityMapCsv extends CsvFormat {

  public IdentityMapCsv() {
    super(
        "identity-map-csv",
        "Identity map CSV (source, external_id, email)",
        RowKind.IDENTITY,
        null,
        List.of("source", "external_id", "email"));
  }

  @Override
  void row(CsvTable.Row row, Cells c, ParseContext context, RowSink sink) {
    String source = c.required("source", row.get("source"), FieldLimits.SOURCE);
    String external = c.required("external_id", row.get("external_id"), FieldLimits.EXTERNAL_ID);
    String email = c.email("email", row.get("email"));
    if (c.ok()) {
      sink.row(
          new ParsedRow.IdentityMapping(
              row.line(), source.toLowerCase(Locale.ROOT), external, email));
    }
  }
}
