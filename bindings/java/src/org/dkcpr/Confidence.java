package org.dkcpr;

/** How likely a match in text is a CPR number ({@code dkcpr_confidence}). */
public enum Confidence {
  LOW,
  MEDIUM,
  HIGH;

  int code() {
    return ordinal() + 1;
  }

  static Confidence of(int code) {
    return values()[Math.max(0, Math.min(2, code - 1))];
  }
}
