/** One parser per vendor format, feeding parsed rows to the import pipeline. */
@NullMarked
package dev.tandem.ingest.format;

import org.jspecify.annotations.NullMarked;
