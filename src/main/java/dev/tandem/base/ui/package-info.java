/**
 * The shared UI shell and components (layout, notifications, CSV export, pickers), open to every
 * module's views.
 */
@NullMarked
@NamedInterface("ui")
package dev.tandem.base.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
