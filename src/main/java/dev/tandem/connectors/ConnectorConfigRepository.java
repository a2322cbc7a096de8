package dev.tandem.connectors;

import static dev.tandem.db.Tables.CONNECTOR_CONFIG;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.base.SecretBox;
import dev.tandem.db.tables.records.ConnectorConfigRecord;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The connector_config rows; the secret leaves only sealed, for {@link SecretBox} to open. */
@Repository
class ConnectorConfigRepository {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DSLContext db;

  ConnectorConfigRepository(DSLContext db) {
    this.db = db;
  }

  Map<String, ConnectorConfig> all() {
    Map<String, ConnectorConfig> out = new LinkedHashMap<>();
    db.selectFrom(CONNECTOR_CONFIG).forEach(r -> out.put(r.getConnectorKey(), toConfig(r)));
    return out;
  }

  Optional<ConnectorConfig> find(String key) {
    return db.selectFrom(CONNECTOR_CONFIG)
        .where(CONNECTOR_CONFIG.CONNECTOR_KEY.eq(key))
        .fetchOptional(ConnectorConfigRepository::toConfig);
  }

  Optional<SecretBox.Sealed> sealedSecret(String key) {
    return db.select(CONNECTOR_CONFIG.SECRET_CIPHER, CONNECTOR_CONFIG.SECRET_SALT)
        .from(CONNECTOR_CONFIG)
        .where(CONNECTOR_CONFIG.CONNECTOR_KEY.eq(key))
        .and(CONNECTOR_CONFIG.SECRET_CIPHER.isNotNull())
        .fetchOptional(r -> new SecretBox.Sealed(r.value1(), r.value2()));
  }

  /** Inserts or updates everything but the secret and the last complete day. */
  void save(ConnectorConfig c, String by, OffsetDateTime at) {
    ensure(c.key());
    db.update(CONNECTOR_CONFIG)
        .set(CONNECTOR_CONFIG.ENABLED, c.enabled())
        .set(CONNECTOR_CONFIG.BASE_URL, c.baseUrl())
        .set(CONNECTOR_CONFIG.SETTINGS, toJson(c.settings()))
        .set(CONNECTOR_CONFIG.CRON, c.cron())
        .set(CONNECTOR_CONFIG.BACKFILL_FROM, c.backfillFrom())
        .set(CONNECTOR_CONFIG.REDO_DAYS, c.redoDays())
        .set(CONNECTOR_CONFIG.UPDATED_BY, by)
        .set(CONNECTOR_CONFIG.UPDATED_AT, at)
        .where(CONNECTOR_CONFIG.CONNECTOR_KEY.eq(c.key()))
        .execute();
  }

  void saveSecret(String key, SecretBox.Sealed sealed, String last4, String by, OffsetDateTime at) {
    ensure(key);
    db.update(CONNECTOR_CONFIG)
        .set(CONNECTOR_CONFIG.SECRET_CIPHER, sealed == null ? null : sealed.cipher())
        .set(CONNECTOR_CONFIG.SECRET_SALT, sealed == null ? null : sealed.salt())
        .set(CONNECTOR_CONFIG.SECRET_LAST4, last4)
        .set(CONNECTOR_CONFIG.SECRET_SET_BY, by)
        .set(CONNECTOR_CONFIG.SECRET_SET_AT, at)
        .where(CONNECTOR_CONFIG.CONNECTOR_KEY.eq(key))
        .execute();
  }

  /** Moves the last complete day forward only (a re-fetch of older days never moves it back). */
  void completeDay(String key, LocalDate day) {
    db.update(CONNECTOR_CONFIG)
        .set(CONNECTOR_CONFIG.LAST_COMPLETE_DAY, day)
        .where(CONNECTOR_CONFIG.CONNECTOR_KEY.eq(key))
        .and(
            CONNECTOR_CONFIG
                .LAST_COMPLETE_DAY
                .isNull()
                .or(CONNECTOR_CONFIG.LAST_COMPLETE_DAY.lt(day)))
        .execute();
  }

  private void ensure(String key) {
    db.insertInto(CONNECTOR_CONFIG)
        .set(CONNECTOR_CONFIG.CONNECTOR_KEY, key)
        .onDuplicateKeyIgnore()
        .execute();
  }

  private static ConnectorConfig toConfig(ConnectorConfigRecord r) {
    return new ConnectorConfig(
        r.getConnectorKey(),
        Boolean.TRUE.equals(r.getEnabled()),
        r.getBaseUrl(),
        fromJson(r.getSettings()),
        r.getCron(),
        r.getBackfillFrom(),
        r.getRedoDays() == null ? 3 : r.getRedoDays(),
        new ConnectorConfig.SecretStatus(
            r.getSecretCipher() != null,
            "database",
            r.getSecretLast4(),
            r.getSecretSetBy(),
            r.getSecretSetAt()),
        r.getLastCompleteDay(),
        r.getUpdatedBy(),
        r.getUpdatedAt());
  }

  private static String toJson(Map<String, String> settings) {
    try {
      return JSON.writeValueAsString(settings == null ? Map.of() : settings);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> fromJson(String s) {
    if (s == null || s.isBlank()) {
      return Map.of();
    }
    try {
      return JSON.readValue(s, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("connector settings are not JSON", e);
    }
  }
}
