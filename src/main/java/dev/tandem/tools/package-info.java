/** The tool catalogue; ToolService is the door. */
@NullMarked
package dev.tandem.tools;

import org.jspecify.annotations.NullMarked;
