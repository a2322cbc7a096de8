/** The manager's "My team" screen, built from the adoption and reliability services. */
@NullMarked
package dev.tandem.myteam.ui;

import org.jspecify.annotations.NullMarked;
