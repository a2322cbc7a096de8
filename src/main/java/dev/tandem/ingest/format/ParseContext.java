package dev.tandem.ingest.format;

import java.util.Set;

/**
 * What a parser needs to know beyond the bytes: the known tool keys and the tool an import names
 * ({@code &tool=kiro}), or null.
 */
public record ParseContext(Set<String> toolKeys, String tool) {}
