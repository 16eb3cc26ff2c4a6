// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import java.util.Objects;
import java.util.Optional;

/**
 * A number found in text by {@link Scanner}. Offsets are UTF-16 indices ({@code char}
 * positions, as {@link String#substring(int, int)} uses), counted from the start of the
 * text or stream; {@link #end()} is one past the last char.
 */
public final class Match {
  private final long start;
  private final long end;
  private final String text;
  private final String digits;
  private final Optional<ReplacementKind> replacement;
  private final boolean mod11;
  private final Confidence confidence;

  Match(long start, long end, String text, String digits, Optional<ReplacementKind> replacement,
      boolean mod11, Confidence confidence) {
    this.start = start;
    this.end = end;
    this.text = text;
    this.digits = digits;
    this.replacement = replacement;
    this.mod11 = mod11;
    this.confidence = confidence;
  }

  /** UTF-16 index of the first char. */
  public long start() {
    return start;
  }

  /** UTF-16 index one past the last char. */
  public long end() {
    return end;
  }

  /** The number exactly as written in the text. */
  public String text() {
    return text;
  }

  /** The 10 canonical characters. */
  public String digits() {
    return digits;
  }

  /** The replacement scheme, or empty for an ordinary CPR number. */
  public Optional<ReplacementKind> replacement() {
    return replacement;
  }

  /** Whether the weighted digit sum is 0 modulo 11. */
  public boolean mod11() {
    return mod11;
  }

  /** How likely this is a CPR number. */
  public Confidence confidence() {
    return confidence;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Match m && m.start == start && m.end == end && m.digits.equals(digits)
        && m.text.equals(text) && m.replacement.equals(replacement) && m.mod11 == mod11
        && m.confidence == confidence;
  }

  @Override
  public int hashCode() {
    return Objects.hash(start, end, digits);
  }

  /** Position, kind and confidence; the digits are masked. */
  @Override
  public String toString() {
    return "Match[" + start + ".." + end + ", " + digits.substring(0, 6) + "XXXX, "
        + replacement.map(Enum::name).orElse("CPR") + ", " + confidence + "]";
  }
}
