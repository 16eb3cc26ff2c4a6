package org.dkcpr;

/** How likely a match in text is a CPR number ({@code dkcpr_confidence}). */
public enum Confidence {
  /** Little evidence beyond a valid number: at most a separator or a mod 11 pass. */
  LOW,
  /** A separator and a mod 11 pass, or a context word before it. */
  MEDIUM,
  /** A context word before it ("cpr", "personnummer", ...) and a separator or mod 11 pass. */
  HIGH;

  int code() {
    return ordinal() + 1;
  }

  static Confidence of(int code) {
    return values()[Math.max(0, Math.min(2, code - 1))];
  }
}
