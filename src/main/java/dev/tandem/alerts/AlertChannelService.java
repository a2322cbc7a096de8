package dev.tandem.alerts;

import dev.tandem.base.SecretBox;
import dev.tandem.base.ValidationException;
import dev.tandem.security.AuditService;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhook channels of alerts and the digest: added, switched and removed by admins (audited),
 * their signing secrets sealed with TANDEM_SECRET_KEY, and each channel's latest delivery; the
 * admin screen's door for channels. Admin-only by default.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
@Transactional(readOnly = true)
public class AlertChannelService {

  private final AlertsRepository repository;
  private final EmailChannel email;
  private final AuditService audit;
  private final SecretBox secrets;

  AlertChannelService(
      AlertsRepository repository, EmailChannel email, AuditService audit, SecretBox secrets) {
    this.repository = repository;
    this.email = email;
    this.audit = audit;
    this.secrets = secrets;
  }

  /**
   * Seals the signing secrets stored in plain text before V37, once TANDEM_SECRET_KEY is set (at
   * start-up); returns how many. Without the key they stay readable as they are.
   */
  // The schedule calls it without a user; package-private, so no view or controller can.
  @PreAuthorize("permitAll()")
  @Transactional
  int sealPlainSecrets() {
    if (!secrets.available()) {
      return 0;
    }
    int sealed = 0;
    for (AlertsRepository.StoredChannel s : repository.channels()) {
      if (s.plainSecret() != null && s.sealed() == null) {
        repository.sealSecret(s.channel().id(), secrets.seal(s.plainSecret()));
        sealed++;
      }
    }
    return sealed;
  }

  /** The webhook channels, without their secrets. */
  public List<Channel> channels() {
    return repository.channels().stream().map(AlertsRepository.StoredChannel::channel).toList();
  }

  /** Adds a webhook channel for alerts and the digest. */
  @Transactional
  public Channel addWebhook(String name, String kind, String url, String secret) {
    return addWebhook(name, kind, url, secret, true, true);
  }

  /**
   * Adds a webhook channel ({@code kind} "webhook" or "slack") receiving alerts and/or the weekly
   * digest; a signing secret is stored sealed with TANDEM_SECRET_KEY, never audited nor shown.
   */
  @Transactional
  public Channel addWebhook(
      String name, String kind, String url, String secret, boolean alerts, boolean digest) {
    ValidationException.Collector problems = new ValidationException.Collector();
    problems.check(
        name != null && !name.isBlank() && name.length() <= 100, "name", "1–100 characters");
    problems.check("webhook".equals(kind) || "slack".equals(kind), "kind", "webhook or slack");
    problems.check(validUrl(url), "url", "an http or https URL");
    problems.check(
        !"webhook".equals(kind) || (secret != null && secret.length() >= 16),
        "secret",
        "at least 16 characters to sign the payload");
    problems.check(
        name == null || channels().stream().noneMatch(c -> c.name().equals(name.trim())),
        "name",
        "a channel of this name exists");
    problems.check(alerts || digest, "receives", "alerts, the digest or both");
    problems.throwIfAny();
    boolean signed = "webhook".equals(kind);
    // Sealed first: without TANDEM_SECRET_KEY this is the validation error connectors give.
    SecretBox.Sealed sealed = signed ? secrets.seal(secret) : null;
    Channel c = new Channel(null, name.trim(), kind, url.trim(), alerts, digest, true, signed);
    long id = repository.addChannel(c, sealed);
    audit.record(
        "create",
        "alert-channel",
        id,
        null,
        Map.of("name", c.name(), "kind", kind, "url", c.url(), "alerts", alerts, "digest", digest));
    return new Channel(id, c.name(), kind, c.url(), alerts, digest, true, signed);
  }

  /** What a webhook channel receives: alerts and/or the weekly digest. */
  @Transactional
  public void setChannelReceives(long id, boolean alerts, boolean digest) {
    if (!alerts && !digest) {
      throw ValidationException.of("receives", "alerts, the digest or both");
    }
    repository.setChannelReceives(id, alerts, digest);
    audit.record("update", "alert-channel", id, null, Map.of("alerts", alerts, "digest", digest));
  }

  @Transactional
  public void setChannelEnabled(long id, boolean enabled) {
    repository.setChannelEnabled(id, enabled);
    audit.record("update", "alert-channel", id, null, Map.of("enabled", enabled));
  }

  @Transactional
  public void removeChannel(long id) {
    repository.removeChannel(id);
    audit.record("delete", "alert-channel", id, null, null);
  }

  /** Email and each webhook: on or off, and the outcome of its latest delivery. */
  public List<ChannelStatus> channelStatuses() {
    Map<String, Delivery> latest = repository.latestPerChannel();
    List<ChannelStatus> out = new ArrayList<>();
    out.add(
        status(
            EmailChannel.LOG_KEY,
            email.configured() ? "SMTP from the environment" : "off: SPRING_MAIL_HOST not set",
            email.configured(),
            latest.get(EmailChannel.LOG_KEY)));
    for (AlertsRepository.StoredChannel s : repository.channels()) {
      Channel c = s.channel();
      String receives =
          c.alerts() && c.digest() ? "alerts and digest" : c.alerts() ? "alerts" : "digest";
      String plain =
          s.plainSecret() != null && s.sealed() == null
              ? "; secret stored unencrypted until TANDEM_SECRET_KEY is set"
              : "";
      out.add(
          status(
              c.logKey(),
              c.kind() + " " + c.url() + " (" + receives + plain + ")",
              c.enabled(),
              latest.get(c.logKey())));
    }
    return out;
  }

  private static ChannelStatus status(String key, String what, boolean on, Delivery d) {
    return new ChannelStatus(
        key,
        what,
        on,
        d == null ? null : d.outcome(),
        d == null ? null : d.error(),
        d == null ? null : d.deliveredAt());
  }

  private static boolean validUrl(String url) {
    try {
      URI u = URI.create(Objects.requireNonNull(url).trim());
      return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
