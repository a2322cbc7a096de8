/**
 * Tandem: the application class; every top-level package below is a module (verified by
 * ModulesTest).
 */
@NullMarked
package dev.tandem;

import org.jspecify.annotations.NullMarked;
