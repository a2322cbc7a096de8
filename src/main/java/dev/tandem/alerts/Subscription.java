package dev.tandem.alerts;

/**
 * What a user receives: alerts and/or the digest for one scope ({@code teamKey} null = the
 * organisation), at {@code email}.
 */
public record Subscription(
    long userId, String email, String teamKey, boolean alerts, boolean digest) {}
