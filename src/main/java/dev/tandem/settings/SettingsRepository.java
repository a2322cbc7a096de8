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

  void put(String key, String value) {
    int updated =
        db.update(SETTING)
            .set(SETTING.SETTING_VALUE, value)
            .where(SETTING.SETTING_KEY.eq(key))
            .execute();
    if (updated == 0) {
      db.insertInto(SETTING)
          .set(SETTING.SETTING_KEY, key)
          .set(SETTING.SETTING_VALUE, value)
          .execute();
    }
  }

  Map<String, String> all() {
    return db.select(SETTING.SETTING_KEY, SETTING.SETTING_VALUE)
        .from(SETTING)
        .fetchMap(Record2::value1, Record2::value2);
  }
}
