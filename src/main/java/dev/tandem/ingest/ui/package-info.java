/** The import screens. */
@NullMarked
package dev.tandem.ingest.ui;

import org.jspecify.annotations.NullMarked;
