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
  // The library's shape (DKCPR_KIND_COUNT, DKCPR_CONFIDENCE_COUNT), as the
  // native layer reports it: nothing here hard-codes it.
  private final int kinds;
  private final int confidences;
  private final long bytesIn;
  private final long bytesOut;
  private final long[] found;
  private final long[] replaced;
  private final long failed;
  private final long irreversible;

  private WashStats(long[] v) {
    kinds = (int) v[0];
    confidences = (int) v[1];
    int cells = kinds * confidences;
    bytesIn = v[2];
    bytesOut = v[3];
    found = Arrays.copyOfRange(v, 4, 4 + cells);
    replaced = Arrays.copyOfRange(v, 4 + cells, 4 + 2 * cells);
    failed = v[4 + 2 * cells];
    irreversible = v[5 + 2 * cells];
  }

  /**
   * From the native layout: kinds K, confidences C, bytes_in, bytes_out, found[K][C],
   * replaced[K][C], failed, irreversible.
   */
  static WashStats of(long[] v) {
    return new WashStats(v);
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
  private long sum(long[] cells, Optional<ReplacementKind> kind, Confidence confidence) {
    long total = 0;
    for (int k = 0; k < kinds; k++) {
      if (kind != null && k != kind.map(ReplacementKind::kind).orElse(0)) {
        continue;
      }
      for (int c = 0; c < confidences; c++) {
        if (confidence == null || c == confidence.ordinal()) {
          total += cells[k * confidences + c];
        }
      }
    }
    return total;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WashStats s && s.bytesIn == bytesIn && s.bytesOut == bytesOut
        && s.failed == failed && s.irreversible == irreversible
        && Arrays.equals(s.found, found)
        && Arrays.equals(s.replaced, replaced);
  }

  @Override
  public int hashCode() {
    return Objects.hash(bytesIn, bytesOut, failed, irreversible, Arrays.hashCode(found),
        Arrays.hashCode(replaced));
  }

  /** Bytes and totals. */
  @Override
  public String toString() {
    return "WashStats[bytesIn=" + bytesIn + ", bytesOut=" + bytesOut + ", found=" + found()
        + ", replaced=" + replaced() + ", irreversible=" + irreversible + ", failed=" + failed
        + "]";
  }
}
