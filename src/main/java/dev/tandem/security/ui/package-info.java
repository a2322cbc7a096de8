/** Sign-in, error and user administration screens. */
@NullMarked
package dev.tandem.security.ui;

import org.jspecify.annotations.NullMarked;
