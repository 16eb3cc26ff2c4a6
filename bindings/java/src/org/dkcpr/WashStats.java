// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.dkcpr.internal.DkcprNativeConstants;
import org.dkcpr.internal.struct_counts;
import org.dkcpr.internal.wash_stats;

/**
 * Counts from one wash ({@code dkcpr_wash_stats}): bytes in and out, and the numbers found and
 * replaced by kind and confidence.
 *
 * <p>A kind is written as {@link Match#replacement()} gives it: {@link Optional#empty()} for
 * an ordinary CPR number, otherwise its {@link ReplacementKind}.
 *
 * <pre>{@code
 * WashStats s = washer.wash(in, out);
 * s.found();                                     // every number found
 * s.found(Confidence.HIGH);                      // of any kind, with a context word
 * s.replaced(Optional.of(ReplacementKind.X_ECPR), Confidence.LOW);
 * }</pre>
 *
 * <p>Immutable.
 */
public final class WashStats {
  private final long bytesIn;
  private final long bytesOut;
  private final long[][] found; // [kind][confidence - 1], as in C
  private final long[][] replaced;
  private final long failed;
  private final long irreversible;
  private final long ruleValues; // from dkcpr_struct_counts
  private final long ruleUnusable;
  private final long ruleIrreversible;
  private final long ruleUnmatched;
  private final DataFormat structure;
  private final String structureNote;

  private WashStats(long bytesIn, long bytesOut, long[][] found, long[][] replaced,
      long failed, long irreversible, long ruleValues, long ruleUnusable,
      long ruleIrreversible, long ruleUnmatched, DataFormat structure, String structureNote) {
    this.bytesIn = bytesIn;
    this.bytesOut = bytesOut;
    this.found = found;
    this.replaced = replaced;
    this.failed = failed;
    this.irreversible = irreversible;
    this.ruleValues = ruleValues;
    this.ruleUnusable = ruleUnusable;
    this.ruleIrreversible = ruleIrreversible;
    this.ruleUnmatched = ruleUnmatched;
    this.structure = structure;
    this.structureNote = structureNote;
  }

  /**
   * From a native {@code dkcpr_wash_stats} and, washed by structure, {@code
   * dkcpr_struct_counts} (null for text): the one place that reads their fields.
   */
  static WashStats of(wash_stats s, struct_counts c, DataFormat structure,
      String structureNote) {
    return of(s, c, 0, structure, structureNote);
  }

  /** The same; washed as text, {@code rules} rules named no field (there are none). */
  static WashStats of(wash_stats s, struct_counts c, long rules, DataFormat structure,
      String structureNote) {
    return new WashStats(s.getBytes_in(), s.getBytes_out(), table(s, 0), table(s, 1),
        s.getFailed(), s.getIrreversible(), c == null ? 0 : c.getRule_values(),
        c == null ? 0 : c.getRule_unusable(), c == null ? 0 : c.getRule_irreversible(),
        c == null ? rules : c.getRule_unmatched(), structure, structureNote);
  }

  /** The found (0) or replaced (1) table of the C struct, [kind][confidence - 1]. */
  private static long[][] table(wash_stats s, int replaced) {
    long[][] t = new long[DkcprNativeConstants.KIND_COUNT][DkcprNativeConstants.CONFIDENCE_COUNT];
    for (int k = 0; k < t.length; k++) {
      for (int c = 0; c < t[k].length; c++) {
        t[k][c] = s.cell(replaced, k, c);
      }
    }
    return t;
  }

  /** The structure the input was washed by ({@link DataFormat#TEXT} for none). */
  public DataFormat structure() {
    return structure;
  }

  /**
   * Why a {@link DataFormat#AUTO} wash read its input as text although it looked
   * structured (the first chunk did not parse), if it did.
   */
  public java.util.Optional<String> structureNote() {
    return java.util.Optional.ofNullable(structureNote);
  }

  /** UTF-8 bytes read. */
  public long bytesIn() {
    return bytesIn;
  }

  /** UTF-8 bytes written. */
  public long bytesOut() {
    return bytesOut;
  }

  /** Numbers found but left unchanged (for example, revealing a non-pseudonym). */
  public long failed() {
    return failed;
  }

  /**
   * Numbers the pseudonym mode replaced irreversibly (with a token), because no pseudonym of
   * theirs could be told apart (a replacement number under never-real); not in {@link
   * #replaced()}.
   */
  public long irreversible() {
    return irreversible;
  }

  /**
   * Values rewritten by {@link Washer.Builder#rules(String) rules} other than {@code cpr}:
   * redacted, emptied, or companions written from the row's CPR number (empty values are
   * not counted).
   */
  public long ruleValues() {
    return ruleValues;
  }

  /**
   * Of {@link #ruleValues()}, companions in a row without a CPR number (or in a mode that
   * writes none), given the placeholder (in SQL, NULL); the {@code dkcpr} program warns
   * about them.
   */
  public long ruleUnusable() {
    return ruleUnusable;
  }

  /**
   * Of {@link #ruleValues()}, those a {@link WashMode#REVEAL} wash cannot give back:
   * redacted, emptied, or a companion that did not agree with its row's CPR number.
   */
  public long ruleIrreversible() {
    return ruleIrreversible;
  }

  /**
   * Rules that named no field of the input: no column, key, element or attribute had
   * their name (a typo, or {@code table.column} where the format has no tables). Nothing
   * was done with them; the {@code dkcpr} program warns about each with its line.
   */
  public long ruleUnmatched() {
    return ruleUnmatched;
  }

  /** Every number found at or above the minimum confidence. */
  public long found() {
    return sum(found, null, null);
  }

  /** Numbers of every kind found with this confidence. */
  public long found(Confidence confidence) {
    return sum(found, null, Objects.requireNonNull(confidence, "confidence"));
  }

  /** Numbers of this kind found, at any confidence (empty: ordinary CPR numbers). */
  public long found(Optional<ReplacementKind> kind) {
    return sum(found, Objects.requireNonNull(kind, "kind"), null);
  }

  /** Numbers of this kind found with this confidence (empty kind: ordinary CPR numbers). */
  public long found(Optional<ReplacementKind> kind, Confidence confidence) {
    return sum(found, Objects.requireNonNull(kind, "kind"),
        Objects.requireNonNull(confidence, "confidence"));
  }

  /** Every number replaced. */
  public long replaced() {
    return sum(replaced, null, null);
  }

  /** Numbers of every kind replaced that were found with this confidence. */
  public long replaced(Confidence confidence) {
    return sum(replaced, null, Objects.requireNonNull(confidence, "confidence"));
  }

  /** Numbers of this kind replaced, at any confidence (empty: ordinary CPR numbers). */
  public long replaced(Optional<ReplacementKind> kind) {
    return sum(replaced, Objects.requireNonNull(kind, "kind"), null);
  }

  /** Numbers of this kind replaced that were found with this confidence. */
  public long replaced(Optional<ReplacementKind> kind, Confidence confidence) {
    return sum(replaced, Objects.requireNonNull(kind, "kind"),
        Objects.requireNonNull(confidence, "confidence"));
  }

  /**
   * Sums cells [kind][confidence - 1]; a null selector means all of that axis. The shape is
   * the header's DKCPR_KIND_COUNT by DKCPR_CONFIDENCE_COUNT.
   */
  private static long sum(long[][] cells, Optional<ReplacementKind> kind,
      Confidence confidence) {
    long total = 0;
    for (int k = 0; k < cells.length; k++) {
      if (kind != null && k != ReplacementKind.index(kind)) {
        continue;
      }
      for (int c = 0; c < cells[k].length; c++) {
        if (confidence == null || c == confidence.index()) {
          total += cells[k][c];
        }
      }
    }
    return total;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WashStats s && s.bytesIn == bytesIn && s.bytesOut == bytesOut
        && s.failed == failed && s.irreversible == irreversible
        && s.ruleValues == ruleValues && s.ruleUnusable == ruleUnusable
        && s.ruleIrreversible == ruleIrreversible && s.ruleUnmatched == ruleUnmatched
        && Arrays.deepEquals(s.found, found)
        && Arrays.deepEquals(s.replaced, replaced) && s.structure == structure
        && Objects.equals(s.structureNote, structureNote);
  }

  @Override
  public int hashCode() {
    return Objects.hash(bytesIn, bytesOut, failed, irreversible, ruleValues, ruleUnusable,
        ruleIrreversible, ruleUnmatched, Arrays.deepHashCode(found), Arrays.deepHashCode(replaced), structure,
        structureNote);
  }

  /** Bytes and totals. */
  @Override
  public String toString() {
    return "WashStats[bytesIn=" + bytesIn + ", bytesOut=" + bytesOut + ", found=" + found()
        + ", replaced=" + replaced() + ", irreversible=" + irreversible + ", failed=" + failed
        + (ruleValues == 0 ? "" : ", ruleValues=" + ruleValues + ", ruleUnusable="
            + ruleUnusable + ", ruleIrreversible=" + ruleIrreversible)
        + (ruleUnmatched == 0 ? "" : ", ruleUnmatched=" + ruleUnmatched)
        + ", structure=" + structure + "]";
  }
}
