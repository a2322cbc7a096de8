package dev.tandem.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tandem.base.LogSafe;
import java.time.Clock;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records every write with the values before and after. Entries are never edited or deleted. */
@Service
@PreAuthorize("hasRole('ADMIN')")
@Transactional(readOnly = true)
public class AuditService {

  private final AuditRepository repository;
  private final Clock clock;
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  AuditService(AuditRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * Records a write by the current user; {@code before}/{@code after} are any objects (null for
   * create/delete).
   */
  // Every write of every module records itself, whoever may make it (the service checked that).
  @PreAuthorize("permitAll()")
  @Transactional
  public void record(String action, String entity, Object entityId, Object before, Object after) {
    repository.append(
        new AuditEntry(
            AuditRepository.utc(clock.instant()),
            CurrentUser.name(),
            action,
            entity,
            entityId == null ? null : String.valueOf(entityId),
            toJson(before),
            toJson(after)));
  }

  /**
   * Records a sign-in, sign-out or lockout: the actor is the user name given (who may not be signed
   * in), cut to the column's 100 characters like the entity id.
   */
  // Authentication itself and start-up use it, before anyone is signed in.
  @PreAuthorize("permitAll()")
  @Transactional
  void recordSignIn(String actor, String action, String entityId, Object details) {
    repository.append(
        new AuditEntry(
            AuditRepository.utc(clock.instant()),
            actor == null || actor.isBlank() ? "anonymous" : LogSafe.clip(actor, 80),
            action,
            "sign-in",
            entityId == null ? null : LogSafe.clip(entityId, 80),
            null,
            toJson(details)));
  }

  /**
   * Records a write made on someone's behalf, e.g. by single sign-on while the person is still
   * signing in; the actor is cut like a sign-in's.
   */
  // Single sign-on calls it while the person is still signing in: nobody is authenticated yet.
  @PreAuthorize("permitAll()")
  @Transactional
  void recordAs(
      String actor, String action, String entity, Object entityId, Object before, Object after) {
    repository.append(
        new AuditEntry(
            AuditRepository.utc(clock.instant()),
            LogSafe.clip(actor, 80),
            action,
            entity,
            entityId == null ? null : String.valueOf(entityId),
            toJson(before),
            toJson(after)));
  }

  @PreAuthorize("hasRole('ADMIN')")
  public List<AuditEntry> latest(int limit) {
    return repository.latest(limit);
  }

  @PreAuthorize("hasRole('ADMIN')")
  public List<AuditEntry> search(AuditFilter filter, int offset, int limit) {
    return repository.search(filter, offset, limit);
  }

  @PreAuthorize("hasRole('ADMIN')")
  public int count(AuditFilter filter) {
    return repository.count(filter);
  }

  @PreAuthorize("hasRole('ADMIN')")
  public List<String> entities() {
    return repository.entities();
  }

  private String toJson(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot record audit value", e);
    }
  }
}
