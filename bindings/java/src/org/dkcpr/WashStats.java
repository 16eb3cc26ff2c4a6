package org.dkcpr;

/**
 * Counts from one wash ({@code dkcpr_wash_stats}), summed over kinds and confidences.
 *
 * @param bytesIn UTF-8 bytes read
 * @param bytesOut UTF-8 bytes written
 * @param found numbers found at or above the minimum confidence
 * @param replaced numbers replaced
 * @param failed numbers found but left unchanged (for example, revealing a non-pseudonym)
 */
public record WashStats(long bytesIn, long bytesOut, long found, long replaced, long failed) {
  static WashStats of(long[] v) {
    long found = 0;
    long replaced = 0;
    for (int i = 0; i < 12; i++) {
      found += v[2 + i];
      replaced += v[14 + i];
    }
    return new WashStats(v[0], v[1], found, replaced, v[26]);
  }
}
