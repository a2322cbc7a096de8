/**
 * The Java wrapper of the ECharts web component and its chart specification, open to every module's
 * views.
 */
@NullMarked
@NamedInterface("chart")
package dev.tandem.base.ui.chart;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
