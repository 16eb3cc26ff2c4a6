// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import org.dkcpr.internal.wash_mode;

/** What replaces each number a {@link Washer} finds ({@code dkcpr_wash_mode}). */
public enum WashMode {
  /** The pseudonym, same length and layout (needs a {@link Pseudonymizer}). */
  PSEUDONYM(wash_mode.WASH_PSEUDONYM),
  /** Digits 7-10 become X, the layout kept. */
  MASK(wash_mode.WASH_MASK),
  /** The keyed one-way token (needs a {@link Pseudonymizer}). */
  TOKEN(wash_mode.WASH_TOKEN),
  /** A fixed placeholder, {@code [CPR]} unless set. */
  REDACT(wash_mode.WASH_REDACT),
  /** Undo a pseudonym wash (needs the same {@link Pseudonymizer}). */
  REVEAL(wash_mode.WASH_REVEAL);

  final wash_mode c;

  WashMode(wash_mode c) {
    this.c = c;
  }

  boolean needsPseudonymizer() {
    return this == PSEUDONYM || this == TOKEN || this == REVEAL;
  }
}
