/** The team-week rollup maintained on write and read by the dashboards. */
@NullMarked
package dev.tandem.rollup;

import org.jspecify.annotations.NullMarked;
