/** The import pipeline: staging, checks, merge and undo; ImportService is the door. */
@NullMarked
package dev.tandem.ingest;

import org.jspecify.annotations.NullMarked;
