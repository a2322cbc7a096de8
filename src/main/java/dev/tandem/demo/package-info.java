/** The demo organisation generated for the demo profile. */
@NullMarked
package dev.tandem.demo;

import org.jspecify.annotations.NullMarked;
