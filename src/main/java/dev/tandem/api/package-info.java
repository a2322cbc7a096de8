/** The REST controllers: thin, they call the same services the views call. */
@NullMarked
package dev.tandem.api;

import org.jspecify.annotations.NullMarked;
