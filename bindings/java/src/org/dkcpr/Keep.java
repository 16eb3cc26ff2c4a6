package org.dkcpr;

import java.util.Set;

/** What a pseudonym keeps of the original number ({@code DKCPR_KEEP_*}). */
public enum Keep {
  /** The sex (parity of the last digit). */
  SEX(0x1),
  /** The birth year. */
  YEAR(0x2),
  /** The whole birth date (implies the year). */
  DATE(0x4);

  private final int bit;

  Keep(int bit) {
    this.bit = bit;
  }

  static int bits(Set<Keep> keep) {
    int bits = 0;
    for (Keep k : keep) {
      bits |= k.bit;
    }
    return bits;
  }
}
