package dev.tandem.ingest.format;

/**
 * What every format says of itself: its key, its one-line description, the kind of rows it makes
 * and the identity-map source of its identities (null when its rows name no vendor identity).
 */
abstract class FileFormat implements FormatParser {

  private final String key;
  private final String description;
  private final RowKind kind;
  private final String identitySource;

  FileFormat(String key, String description, RowKind kind, String identitySource) {
    this.key = key;
    this.description = description;
    this.kind = kind;
    this.identitySource = identitySource;
  }

  @Override
  public final String key() {
    return key;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final RowKind kind() {
    return kind;
  }

  @Override
  public String identitySource(ParseContext context) {
    return identitySource;
  }
}
