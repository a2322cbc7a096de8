package dev.tandem.costs;

import static dev.tandem.db.Tables.SEAT;
import static dev.tandem.db.Tables.SEAT_PRICE;
import static dev.tandem.db.Tables.SETTING;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.springframework.stereotype.Repository;

/** The price list and the cost settings (kept in the settings table under their own keys). */
@Repository
class PriceRepository {

  static final List<String> SETTING_KEYS =
      List.of(
          "currency",
          "kiro-credit-price",
          "copilot-credit-price",
          "cursor-request-price",
          "usd-rate");

  private final DSLContext db;

  PriceRepository(DSLContext db) {
    this.db = db;
  }

  List<SeatPrice> prices() {
    return db.selectFrom(SEAT_PRICE)
        .orderBy(SEAT_PRICE.TOOL_KEY, SEAT_PRICE.SEAT_TYPE, SEAT_PRICE.VALID_FROM)
        .fetch(
            r ->
                new SeatPrice(
                    r.getToolKey(), r.getSeatType(), r.getValidFrom(), r.getMonthlyPrice()));
  }

  /** Adds an entry, or changes the price of the entry with the same tool, type and start. */
  void save(SeatPrice p) {
    int updated =
        db.update(SEAT_PRICE)
            .set(SEAT_PRICE.MONTHLY_PRICE, p.monthlyPrice())
            .where(SEAT_PRICE.TOOL_KEY.eq(p.tool()))
            .and(SEAT_PRICE.SEAT_TYPE.eq(p.seatType()))
            .and(SEAT_PRICE.VALID_FROM.eq(p.validFrom()))
            .execute();
    if (updated == 0) {
      db.insertInto(SEAT_PRICE)
          .set(SEAT_PRICE.TOOL_KEY, p.tool())
          .set(SEAT_PRICE.SEAT_TYPE, p.seatType())
          .set(SEAT_PRICE.VALID_FROM, p.validFrom())
          .set(SEAT_PRICE.MONTHLY_PRICE, p.monthlyPrice())
          .execute();
    }
  }

  boolean delete(String tool, String seatType, LocalDate validFrom) {
    return db.deleteFrom(SEAT_PRICE)
            .where(SEAT_PRICE.TOOL_KEY.eq(tool))
            .and(SEAT_PRICE.SEAT_TYPE.eq(seatType))
            .and(SEAT_PRICE.VALID_FROM.eq(validFrom))
            .execute()
        > 0;
  }

  /** The seat types the seats carry per tool, for the price form's suggestions. */
  List<String> seatTypes() {
    return db.selectDistinct(SEAT.SEAT_TYPE)
        .from(SEAT)
        .orderBy(SEAT.SEAT_TYPE)
        .fetch(SEAT.SEAT_TYPE);
  }

  CostSettings settings() {
    Map<String, String> v =
        db.select(SETTING.SETTING_KEY, SETTING.SETTING_VALUE)
            .from(SETTING)
            .where(SETTING.SETTING_KEY.in(SETTING_KEYS))
            .fetchMap(Record2::value1, Record2::value2);
    return new CostSettings(
        v.getOrDefault("currency", "USD"),
        new BigDecimal(v.getOrDefault("kiro-credit-price", "0.04")),
        new BigDecimal(v.getOrDefault("copilot-credit-price", "0.04")),
        new BigDecimal(v.getOrDefault("cursor-request-price", "0.04")),
        new BigDecimal(v.getOrDefault("usd-rate", "1")));
  }

  void saveSettings(CostSettings s) {
    put("currency", s.currency());
    put("kiro-credit-price", s.kiroCreditPrice().toPlainString());
    put("copilot-credit-price", s.copilotCreditPrice().toPlainString());
    put("cursor-request-price", s.cursorRequestPrice().toPlainString());
    put("usd-rate", s.usdRate().toPlainString());
  }

  private void put(String key, String value) {
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
}
