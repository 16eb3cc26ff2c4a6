package org.dkcpr;

/** What replaces each number a {@link Washer} finds ({@code dkcpr_wash_mode}). */
public enum WashMode {
  /** The pseudonym, same length and layout (needs a {@link Pseudonymizer}). */
  PSEUDONYM,
  /** Digits 7-10 become X, the layout kept. */
  MASK,
  /** The keyed one-way token (needs a {@link Pseudonymizer}). */
  TOKEN,
  /** A fixed placeholder, {@code [CPR]} unless set. */
  REDACT,
  /** Undo a pseudonym wash (needs the same {@link Pseudonymizer}). */
  REVEAL;

  boolean needsPseudonymizer() {
    return this == PSEUDONYM || this == TOKEN || this == REVEAL;
  }
}
