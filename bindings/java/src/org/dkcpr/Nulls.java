// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

/** What a bulk call such as {@link Pseudonymizer#pseudonymizeAll(java.util.List, Nulls)} does with a null element. */
public enum Nulls {
  /** A null element throws {@link NullPointerException}: the default. */
  REJECT,
  /** A null element (a missing value in a column) gives null at the same place in the result. */
  PASS
}
