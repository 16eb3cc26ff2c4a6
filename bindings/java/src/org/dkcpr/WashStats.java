package org.dkcpr;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

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
  private static final int KINDS = 4;
  private static final int CONFIDENCES = 3;
  private static final int CELLS = KINDS * CONFIDENCES;

  private final long bytesIn;
  private final long bytesOut;
  private final long[] found;
  private final long[] replaced;
  private final long failed;

  private WashStats(long bytesIn, long bytesOut, long[] found, long[] replaced, long failed) {
    this.bytesIn = bytesIn;
    this.bytesOut = bytesOut;
    this.found = found;
    this.replaced = replaced;
    this.failed = failed;
  }

  /** From the native layout: bytes_in, bytes_out, found[4][3], replaced[4][3], failed. */
  static WashStats of(long[] v) {
    return new WashStats(v[0], v[1], Arrays.copyOfRange(v, 2, 2 + CELLS),
        Arrays.copyOfRange(v, 2 + CELLS, 2 + 2 * CELLS), v[2 + 2 * CELLS]);
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

  /** Sums cells [kind][confidence - 1]; a null selector means all of that axis. */
  private static long sum(long[] cells, Optional<ReplacementKind> kind, Confidence confidence) {
    long total = 0;
    for (int k = 0; k < KINDS; k++) {
      if (kind != null && k != kind.map(ReplacementKind::kind).orElse(0)) {
        continue;
      }
      for (int c = 0; c < CONFIDENCES; c++) {
        if (confidence == null || c == confidence.ordinal()) {
          total += cells[k * CONFIDENCES + c];
        }
      }
    }
    return total;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WashStats s && s.bytesIn == bytesIn && s.bytesOut == bytesOut
        && s.failed == failed && Arrays.equals(s.found, found)
        && Arrays.equals(s.replaced, replaced);
  }

  @Override
  public int hashCode() {
    return Objects.hash(bytesIn, bytesOut, failed, Arrays.hashCode(found),
        Arrays.hashCode(replaced));
  }

  /** Bytes and totals. */
  @Override
  public String toString() {
    return "WashStats[bytesIn=" + bytesIn + ", bytesOut=" + bytesOut + ", found=" + found()
        + ", replaced=" + replaced() + ", failed=" + failed + "]";
  }
}
