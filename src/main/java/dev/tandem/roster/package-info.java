/** Developers, teams, the identity map and the weekly headcount; RosterService is the door. */
@NullMarked
package dev.tandem.roster;

import org.jspecify.annotations.NullMarked;
