package dev.tandem.alerts;

/**
 * A channel with its signing secret opened, only in memory while sending; {@code problem}: why a
 * stored secret could not be opened (then nothing is sent and the delivery is logged as failed).
 */
record Webhook(Channel channel, String secret, String problem) {}
