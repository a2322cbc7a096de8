package dev.tandem.costs;

import dev.tandem.base.ValidationException;
import dev.tandem.security.AuditService;
import dev.tandem.tools.Tool;
import dev.tandem.tools.ToolService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seat price list and the cost settings (currency, credit and request prices, the dollar rate)
 * that {@link CostService} prices seats and usage with: the prices screen's door, admins only.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
@Transactional(readOnly = true)
public class PriceService {

  private final PriceRepository prices;
  private final ToolService tools;
  private final AuditService audit;

  PriceService(PriceRepository prices, ToolService tools, AuditService audit) {
    this.prices = prices;
    this.tools = tools;
    this.audit = audit;
  }

  public CostSettings costSettings() {
    return prices.settings();
  }

  public List<SeatPrice> prices() {
    return prices.prices();
  }

  /** The seat types the imported seats carry (suggestions for the price list). */
  public List<String> seatTypes() {
    return prices.seatTypes();
  }

  /** Adds a price-list entry, or changes the one with the same tool, seat type and start. */
  @Transactional
  public SeatPrice savePrice(String tool, String seatType, LocalDate validFrom, BigDecimal price) {
    ValidationException.Collector p = new ValidationException.Collector();
    Set<String> known = tools.tools().stream().map(Tool::key).collect(Collectors.toSet());
    p.check(
        tool != null && known.contains(tool),
        "tool",
        "expected one of " + known.stream().sorted().toList());
    String type = seatType == null ? "" : seatType.trim().toLowerCase(Locale.ROOT);
    p.check(
        !type.isEmpty() && type.length() <= 50,
        "seatType",
        "expected a seat type such as business, of at most 50 characters");
    p.check(validFrom != null, "validFrom", "expected the first day the price applies");
    checkAmount(price, "monthlyPrice", p);
    p.throwIfAny();
    SeatPrice saved = new SeatPrice(tool, type, validFrom, price.setScale(2));
    prices.save(saved);
    audit.record("save", "seat-price", tool + ":" + type + ":" + validFrom, null, saved);
    return saved;
  }

  @Transactional
  public void deletePrice(SeatPrice price) {
    if (prices.delete(price.tool(), price.seatType(), price.validFrom())) {
      audit.record(
          "delete",
          "seat-price",
          price.tool() + ":" + price.seatType() + ":" + price.validFrom(),
          price,
          null);
    }
  }

  @Transactional
  public CostSettings updateCostSettings(CostSettings s) {
    ValidationException.Collector p = new ValidationException.Collector();
    String currency = s.currency() == null ? "" : s.currency().trim().toUpperCase(Locale.ROOT);
    boolean knownCurrency;
    try {
      Currency.getInstance(currency);
      knownCurrency = true;
    } catch (IllegalArgumentException e) {
      knownCurrency = false;
    }
    p.check(knownCurrency, "currency", "expected an ISO 4217 currency code such as USD or EUR");
    checkRate(s.kiroCreditPrice(), "kiroCreditPrice", p);
    checkRate(s.copilotCreditPrice(), "copilotCreditPrice", p);
    checkRate(s.cursorRequestPrice(), "cursorRequestPrice", p);
    checkRate(s.usdRate(), "usdRate", p);
    p.throwIfAny();
    CostSettings before = prices.settings();
    CostSettings after =
        new CostSettings(
            currency,
            s.kiroCreditPrice().stripTrailingZeros(),
            s.copilotCreditPrice().stripTrailingZeros(),
            s.cursorRequestPrice().stripTrailingZeros(),
            s.usdRate().stripTrailingZeros());
    prices.saveSettings(after);
    audit.record("update", "cost-settings", null, before, after);
    return prices.settings();
  }

  private static void checkAmount(BigDecimal v, String field, ValidationException.Collector p) {
    p.check(
        v != null
            && v.signum() >= 0
            && v.stripTrailingZeros().scale() <= 2
            && v.precision() - v.scale() <= 10,
        field,
        "expected an amount of 0 or more with at most 2 decimals, e.g. 19.00");
  }

  private static void checkRate(BigDecimal v, String field, ValidationException.Collector p) {
    p.check(
        v != null
            && v.signum() >= 0
            && v.stripTrailingZeros().scale() <= 6
            && v.precision() - v.scale() <= 8,
        field,
        "expected a rate of 0 or more with at most 6 decimals, e.g. 0.04");
  }
}
