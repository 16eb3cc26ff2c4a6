package org.dkcpr;

/** The schemes of replacement numbers (erstatningspersonnumre), which are never real CPR numbers. */
public enum ReplacementKind {
  /** The CPR office's scheme: day of month + 60 (days 61-91), otherwise as a CPR number. */
  CPR_OFFICE(1),
  /** National healthcare e-CPR: {@code DDMMYY C AA G} with C 1 or 7. */
  X_ECPR(2),
  /** Regional healthcare e-CPR: {@code DDMMYY C AA G} with C 0, 5 or 6. */
  D_ECPR(3);

  private final int kind;

  ReplacementKind(int kind) {
    this.kind = kind;
  }

  int kind() {
    return kind;
  }

  /** The kind from the C library's {@code dkcpr_kind}; empty for an ordinary CPR number. */
  static java.util.Optional<ReplacementKind> fromKind(int kind) {
    for (ReplacementKind k : values()) {
      if (k.kind == kind) {
        return java.util.Optional.of(k);
      }
    }
    return java.util.Optional.empty();
  }
}
