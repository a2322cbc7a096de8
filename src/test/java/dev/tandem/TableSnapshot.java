package dev.tandem;

import static dev.tandem.db.Tables.ROLLUP_WRITE;

import dev.tandem.db.DefaultSchema;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every table of a test context's database as it was when the context had started: after Flyway's
 * migrations (the tool catalogue, the settings, the calendar) and the start-up's own writes (the
 * first admin). {@link ResetTables} puts the tables back to it before each test, so tests that need
 * an organisation of their own share one cached context instead of starting a fresh one per test.
 *
 * <p>Taken for contexts on H2 without the demo profile (registered in {@code
 * META-INF/spring.factories}): the demo organisation is far too large to copy, and the tests on it
 * only read it.
 */
public final class TableSnapshot {

  /** Takes the snapshot once the context has started and keeps it as a bean of that context. */
  public static final class Taker implements ApplicationListener<ApplicationReadyEvent> {

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
      ConfigurableApplicationContext context = event.getApplicationContext();
      DSLContext db = context.getBeanProvider(DSLContext.class).getIfUnique();
      if (db == null
          || db.dialect().family() != SQLDialect.H2
          || context.getEnvironment().matchesProfiles("demo")) {
        return;
      }
      context.getBeanFactory().registerSingleton(TableSnapshot.class.getName(), take(db));
    }
  }

  private final DSLContext db;
  private final Map<Table<?>, Result<? extends Record>> rows = new LinkedHashMap<>();

  private TableSnapshot(DSLContext db) {
    this.db = db;
  }

  private static TableSnapshot take(DSLContext db) {
    TableSnapshot snapshot = new TableSnapshot(db);
    for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
      // rollup_write only grows: its row count names the rollup's state in RollupQuery's cache.
      if (table.getTableType().isTable() && !table.equals(ROLLUP_WRITE)) {
        snapshot.rows.put(table, db.selectFrom(table).fetch());
      }
    }
    return snapshot;
  }

  /** The snapshot of this context, or a clear failure where none is taken. */
  static TableSnapshot of(ApplicationContext context) {
    TableSnapshot snapshot = context.getBeanProvider(TableSnapshot.class).getIfUnique();
    if (snapshot == null) {
      throw new IllegalStateException(
          "@ResetTables needs a context on H2 without the demo profile (no table snapshot here)");
    }
    return snapshot;
  }

  /**
   * Empties every table and puts the snapshot's rows back; identity columns continue (ids are never
   * reused, so nothing kept in memory by id, such as an import job, can be mistaken for a new row).
   * The reset counts as a write of the rollup, so no cached read from before it is served after it.
   */
  void restore() {
    db.execute("SET REFERENTIAL_INTEGRITY FALSE");
    try {
      rows.forEach(
          (table, snapshot) -> {
            db.truncate(table).continueIdentity().execute();
            if (!snapshot.isEmpty()) {
              db.insertInto(table).columns(table.fields()).valuesOfRecords(snapshot).execute();
            }
          });
    } finally {
      db.execute("SET REFERENTIAL_INTEGRITY TRUE");
    }
    db.insertInto(ROLLUP_WRITE).set(ROLLUP_WRITE.WRITTEN_AT, OffsetDateTime.now()).execute();
  }
}
