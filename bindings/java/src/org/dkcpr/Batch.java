// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Many strings as one UTF-8 byte array and their end offsets, for one native call. */
final class Batch {
  final byte[] bytes;
  final int[] ends;
  private final boolean[] ascii;
  private final boolean[] missing; // null elements, passed through as null

  private Batch(byte[] bytes, int[] ends, boolean[] ascii, boolean[] missing) {
    this.bytes = bytes;
    this.ends = ends;
    this.ascii = ascii;
    this.missing = missing;
  }

  /** Whether element i was null (and is left out of the native call's results). */
  boolean missing(int i) {
    return missing[i];
  }

  static Batch encode(List<String> items, Nulls nulls) {
    Objects.requireNonNull(nulls, "nulls");
    Objects.requireNonNull(items, "list");
    int n = items.size();
    String[] strings = items.toArray(new String[0]);
    if (strings.length != n) {
      throw new IllegalArgumentException("the list changed while being read");
    }
    byte[][] wide = null;
    boolean[] ascii = new boolean[n];
    boolean[] missing = new boolean[n];
    int[] ends = new int[n];
    long total = 0;
    for (int i = 0; i < n; i++) {
      String s = strings[i];
      if (s == null) {
        if (nulls == Nulls.REJECT) {
          throw new NullPointerException("element " + i + " is null");
        }
        missing[i] = true;
        strings[i] = s = ""; // an empty element, whose result is not read
      }
      int len = s.length();
      boolean plain = true;
      for (int j = 0; j < len && plain; j++) {
        plain = s.charAt(j) < 0x80;
      }
      if (plain) {
        ascii[i] = true;
        total += len;
      } else {
        if (wide == null) {
          wide = new byte[n][];
        }
        wide[i] = s.getBytes(StandardCharsets.UTF_8);
        total += wide[i].length;
      }
      if (total > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("batch too large; split it");
      }
      ends[i] = (int) total;
    }
    byte[] bytes = new byte[(int) total];
    int at = 0;
    for (int i = 0; i < n; i++) {
      if (ascii[i]) {
        String s = strings[i];
        for (int j = 0, len = s.length(); j < len; j++) {
          bytes[at++] = (byte) s.charAt(j);
        }
      } else {
        System.arraycopy(wide[i], 0, bytes, at, wide[i].length);
        at += wide[i].length;
      }
    }
    return new Batch(bytes, ends, ascii, missing);
  }

  /** Results written at each element's start offset, lens[i] bytes long. */
  List<String> decode(byte[] out, int[] lens) {
    String[] result = new String[ends.length];
    for (int i = 0; i < ends.length; i++) {
      if (missing[i]) {
        continue;
      }
      int start = i == 0 ? 0 : ends[i - 1];
      // An ASCII input gives an ASCII output (same separator and digits).
      result[i] = new String(out, start, lens[i],
          ascii[i] ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }
    return Collections.unmodifiableList(Arrays.asList(result));
  }
}
