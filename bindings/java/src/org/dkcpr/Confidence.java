// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import org.dkcpr.internal.confidence;

/** How likely a match in text is a CPR number ({@code dkcpr_confidence}). */
public enum Confidence {
  /** Little evidence beyond a valid number: at most a separator or a mod 11 pass. */
  LOW(confidence.CONFIDENCE_LOW),
  /** A separator and a mod 11 pass, or a context word before it. */
  MEDIUM(confidence.CONFIDENCE_MEDIUM),
  /** A context word before it ("cpr", "personnummer", ...) and a separator or mod 11 pass. */
  HIGH(confidence.CONFIDENCE_HIGH);

  final confidence c;

  Confidence(confidence c) {
    this.c = c;
  }

  /** The index of this confidence in the C stats arrays ([confidence - 1]). */
  int index() {
    return c.swigValue() - confidence.CONFIDENCE_LOW.swigValue();
  }

  static Confidence of(confidence c) {
    for (Confidence v : values()) {
      if (v.c == c) {
        return v;
      }
    }
    throw new IllegalStateException("unknown confidence " + c);
  }
}
