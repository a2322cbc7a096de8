package dev.tandem.tools;

import static dev.tandem.db.Tables.TOOL;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

@Repository
class ToolRepository {

  private final DSLContext db;

  ToolRepository(DSLContext db) {
    this.db = db;
  }

  List<Tool> findAll() {
    return db.selectFrom(TOOL).orderBy(TOOL.NAME).fetch(ToolRepository::toTool);
  }

  Optional<Tool> find(String key) {
    return db.selectFrom(TOOL).where(TOOL.TOOL_KEY.eq(key)).fetchOptional(ToolRepository::toTool);
  }

  void insert(Tool tool) {
    db.insertInto(TOOL)
        .set(TOOL.TOOL_KEY, tool.key())
        .set(TOOL.NAME, tool.name())
        .set(TOOL.VENDOR, tool.vendor())
        .set(TOOL.KIND, tool.kind())
        .set(TOOL.ASKS_APPROVAL, tool.asksApproval())
        .set(TOOL.ACTIVE, tool.active())
        .execute();
  }

  void update(Tool tool) {
    db.update(TOOL)
        .set(TOOL.NAME, tool.name())
        .set(TOOL.VENDOR, tool.vendor())
        .set(TOOL.KIND, tool.kind())
        .set(TOOL.ASKS_APPROVAL, tool.asksApproval())
        .set(TOOL.ACTIVE, tool.active())
        .where(TOOL.TOOL_KEY.eq(tool.key()))
        .execute();
  }

  private static Tool toTool(Record r) {
    return new Tool(
        r.get(TOOL.TOOL_KEY),
        r.get(TOOL.NAME),
        r.get(TOOL.VENDOR),
        r.get(TOOL.KIND),
        r.get(TOOL.ASKS_APPROVAL),
        r.get(TOOL.ACTIVE));
  }
}
