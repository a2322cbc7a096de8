package dev.tandem.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * {@code cursor-members-json}: the response of the Cursor Admin API's {@code GET /teams/members}
 * ({@code {"teamMembers":[{"id":…,"name":…,"email":…,"role":…,"isRemoved":…}]}}), a list of who
 * holds a seat of the team now. It carries no dates: the list is a snapshot of the day it is
 * imported. A member already holding an open Cursor seat keeps it; a new member's seat starts that
 * day; a seat of an earlier list that this one lacks (or marks {@code isRemoved}) is closed that
 * day. Every seat is of type {@code teams} (the API does not say the plan). A {@code free-owner}
 * (an owner without a paid seat) holds none.
 */
public final class CursorMembersJson extends JsonFormat {

  public CursorMembersJson() {
    super(
        "cursor-members-json",
        "Cursor team members (Admin API GET /teams/members), JSON: a snapshot of the seats",
        RowKind.SEAT,
        "cursor",
        "teamMembers");
  }

  @Override
  public boolean seatListIsSnapshot() {
    return true;
  }

  @Override
  void record(JsonNode node, Cells c, ParseContext context, RowSink sink) {
    String email = c.email("email", JsonRecords.text(node, "/email"));
    String role = JsonRecords.text(node, "/role");
    role = Cells.blank(role) ? "member" : role.trim().toLowerCase(Locale.ROOT);
    if (!role.equals("member")
        && !role.equals("owner")
        && !role.equals("admin")
        && !role.equals("free-owner")) {
      c.error(
          "role",
          Cells.quote(role) + " is not a role; expected member, owner, admin or free-owner");
    }
    Boolean removed = JsonRecords.bool(c, node, "/isRemoved");
    if (c.ok() && !Boolean.TRUE.equals(removed) && !role.equals("free-owner")) {
      sink.row(
          new ParsedRow.Seat(c.line(), "cursor", email, "cursor", "teams", null, null, null, null));
    }
  }
}
