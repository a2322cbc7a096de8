package dev.tandem.alerts;

/** A channel with its signing secret opened, only in memory while sending. */
record Webhook(Channel channel, String secret) {}
