// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import java.util.Set;
import org.dkcpr.internal.DkcprNativeConstants;

/** What a pseudonym keeps of the original number ({@code DKCPR_KEEP_*}). */
public enum Keep {
  /** The sex (parity of the last digit). */
  SEX(DkcprNativeConstants.KEEP_SEX),
  /** The birth year. */
  YEAR(DkcprNativeConstants.KEEP_YEAR),
  /** The whole birth date (implies the year). */
  DATE(DkcprNativeConstants.KEEP_DATE);

  private final long bit;

  Keep(long bit) {
    this.bit = bit;
  }

  static long bits(Set<Keep> keep) {
    long bits = 0;
    for (Keep k : keep) {
      bits |= k.bit;
    }
    return bits;
  }
}
