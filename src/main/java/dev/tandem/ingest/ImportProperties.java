package dev.tandem.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code tandem.import.*}: the largest file an import reads ({@code max-size}, 50MB), how many
 * queued imports may wait ({@code queue}, 20), and which batches keep their undo data: the latest
 * {@code undo-batches} (20) and those younger than {@code undo-days} (90).
 */
@ConfigurationProperties("tandem.import")
record ImportProperties(DataSize maxSize, Integer queue, Integer undoBatches, Integer undoDays) {

  ImportProperties {
    maxSize = maxSize == null ? DataSize.ofMegabytes(50) : maxSize;
    queue = queue == null ? 20 : queue;
    undoBatches = undoBatches == null ? 20 : undoBatches;
    undoDays = undoDays == null ? 90 : undoDays;
  }
}
