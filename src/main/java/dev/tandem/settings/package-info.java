/** Organisation-wide settings; SettingsService is the door. */
@NullMarked
package dev.tandem.settings;

import org.jspecify.annotations.NullMarked;
