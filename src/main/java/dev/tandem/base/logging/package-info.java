/** Log formatting: capped JSON values and stack traces. */
@NullMarked
package dev.tandem.base.logging;

import org.jspecify.annotations.NullMarked;
