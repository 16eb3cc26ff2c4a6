// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/**
 * tests/vectors/pseudonyms.tsv: the frozen pseudonyms the C and Python tests check too. Java
 * must give the same output, one at a time and in bulk, and reveal every one.
 */
public class GoldenPseudonymsTest {
  private static final String FILE = "pseudonyms.tsv";

  private static byte[] unhex(String hex) {
    byte[] b = new byte[hex.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return b;
  }

  private static Set<Keep> keep(int bits) {
    Set<Keep> keep = EnumSet.noneOf(Keep.class);
    if ((bits & 0x1) != 0) {
      keep.add(Keep.SEX);
    }
    if ((bits & 0x2) != 0) {
      keep.add(Keep.YEAR);
    }
    if ((bits & 0x4) != 0) {
      keep.add(Keep.DATE);
    }
    return keep;
  }

  private static Pseudonymizer pseudonymizer(Map<String, String> v) {
    int parseFlags = Integer.parseInt(v.get("parse_flags"));
    ParseOptions options = ParseOptions.builder()
        .policy(Policy.values()[Integer.parseInt(v.get("policy"))])
        .lenient((parseFlags & ParseOptions.LENIENT) != 0)
        .allowReplacement((parseFlags & ParseOptions.ALLOW_REPLACEMENT) != 0)
        .allowFuture((parseFlags & ParseOptions.ALLOW_FUTURE) != 0)
        .build();
    return Pseudonymizer.builder(unhex(v.get("key_hex")))
        .context(unhex(v.get("context_hex")))
        .keep(keep(Integer.parseInt(v.get("keep"))))
        .neverReal((Integer.parseInt(v.get("flags")) & 0x1) != 0)
        .options(options)
        .build();
  }

  @Test
  public void sameAsCOneByOneAndInBulk() throws Exception {
    // Lines grouped by everything but input and output: one pseudonymizer each.
    Map<String, List<Map<String, String>>> groups = new LinkedHashMap<>();
    for (Map<String, String> v : Vectors.read(FILE)) {
      String config = String.join("\t", v.get("key_hex"), v.get("context_hex"), v.get("keep"),
          v.get("flags"), v.get("policy"), v.get("parse_flags"));
      groups.computeIfAbsent(config, k -> new ArrayList<>()).add(v);
    }
    int checked = 0;
    for (List<Map<String, String>> rows : groups.values()) {
      try (Pseudonymizer p = pseudonymizer(rows.get(0))) {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (Map<String, String> v : rows) {
          String what = v.get("input") + " keep=" + v.get("keep") + " flags=" + v.get("flags")
              + " context=" + v.get("context_hex");
          assertEquals(what, v.get("output"), p.pseudonymize(v.get("input")));
          assertEquals(what, v.get("input"), p.reveal(v.get("output")));
          in.add(v.get("input"));
          out.add(v.get("output"));
          checked++;
        }
        Vectors.assertListEquals("pseudonymizeAll", out, p.pseudonymizeAll(in));
        Vectors.assertListEquals("revealAll", in, p.revealAll(out));
      }
    }
    assertTrue("only " + checked + " golden vectors", checked >= 50);
  }
}
