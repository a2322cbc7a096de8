package dev.tandem.settings;

import static dev.tandem.db.Tables.SETTING;

import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.springframework.stereotype.Repository;

@Repository
class SettingsRepository {

  private final DSLContext db;

  SettingsRepository(DSLContext db) {
    this.db = db;
  }

  Map<String, String> all() {
    return db.select(SETTING.SETTING_KEY, SETTING.SETTING_VALUE)
        .from(SETTING)
        .fetchMap(Record2::value1, Record2::value2);
  }
}
