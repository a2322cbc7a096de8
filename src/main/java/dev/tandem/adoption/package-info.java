/** Adoption metrics: weekly adoption, forecast, streak, cohorts; AdoptionService is the door. */
@NullMarked
package dev.tandem.adoption;

import org.jspecify.annotations.NullMarked;
