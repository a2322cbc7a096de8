/** The shared kernel: ISO weeks, ratios, ids and other types every module may use. */
@NullMarked
package dev.tandem.base;

import org.jspecify.annotations.NullMarked;
