/** Alert rules, their evaluation, channels and the digest; AlertService is the door. */
@NullMarked
package dev.tandem.alerts;

import org.jspecify.annotations.NullMarked;
