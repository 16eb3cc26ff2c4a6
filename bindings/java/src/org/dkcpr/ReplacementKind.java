// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import java.util.Optional;
import org.dkcpr.internal.kind;

/** The schemes of replacement numbers (erstatningspersonnumre), which are never real CPR numbers. */
public enum ReplacementKind {
  /** The CPR office's scheme: day of month + 60 (days 61-91), otherwise as a CPR number. */
  CPR_OFFICE(kind.KIND_REPLACEMENT),
  /** National healthcare e-CPR: {@code DDMMYY C AA G} with C 1 or 7. */
  X_ECPR(kind.KIND_XECPR),
  /** Regional healthcare e-CPR: {@code DDMMYY C AA G} with C 0, 5 or 6. */
  D_ECPR(kind.KIND_DECPR);

  private final kind c;

  ReplacementKind(kind c) {
    this.c = c;
  }

  /** The index of a kind in the C stats arrays (the {@code dkcpr_kind} value). */
  static int index(Optional<ReplacementKind> k) {
    return k.map(r -> r.c).orElse(kind.KIND_CPR).swigValue();
  }

  /** The kind from the C library's {@code dkcpr_kind}; empty for an ordinary CPR number. */
  static Optional<ReplacementKind> of(kind c) {
    for (ReplacementKind k : values()) {
      if (k.c == c) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
