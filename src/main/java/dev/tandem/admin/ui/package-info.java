/** The administrator's screens: users and API tokens, the audit log. */
@NullMarked
package dev.tandem.admin.ui;

import org.jspecify.annotations.NullMarked;
