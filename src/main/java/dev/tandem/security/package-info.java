/** Users, roles, API tokens, single sign-on and the audit log. */
@NullMarked
package dev.tandem.security;

import org.jspecify.annotations.NullMarked;
