// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

/** tests/vectors/cpr.tsv, the cases the C and Python tests run too. */
public class VectorsTest {
  @Test
  public void cprVectors() throws Exception {
    int run = 0;
    int skipped = 0;
    for (Map<String, String> v : Vectors.read("cpr.tsv")) {
      Optional<String> input = Vectors.unescape(v.get("input"));
      if (input.isEmpty()) {
        skipped++; // invalid UTF-8: cannot be a Java string
        continue;
      }
      String flags = v.get("flags");
      ParseOptions options = ParseOptions.builder()
          .policy(Vectors.policy(v.get("policy")))
          .lenient(flags.contains("lenient"))
          .allowReplacement(flags.contains("replacement"))
          .allowFuture(flags.contains("future"))
          .referenceDate(LocalDate.parse(v.get("ref_date")))
          .build();
      Status expected = Vectors.status(v.get("status"));
      String what = v.get("input") + " " + v.get("policy") + " " + flags + " (" + v.get("note") + ")";
      assertSame(what, expected, Cpr.check(input.get(), options));
      if (expected != Status.OK) {
        try {
          Cpr.parse(input.get(), options);
          fail(what + ": no exception");
        } catch (CprException e) {
          assertSame(what, expected, e.status());
        }
      } else {
        Cpr cpr = Cpr.parse(input.get(), options);
        assertEquals(what, LocalDate.of(Integer.parseInt(v.get("year")),
            Integer.parseInt(v.get("month")), Integer.parseInt(v.get("day"))), cpr.birthDate());
        assertSame(what, v.get("sex").equals("M") ? Sex.MALE : Sex.FEMALE, cpr.sex());
        assertEquals(what, Vectors.kind(v.get("kind")), cpr.replacement());
        assertEquals(what, v.get("mod11").equals("1"), cpr.mod11());
        assertEquals(what, v.get("known_date").equals("1"), cpr.knownDate());
      }
      run++;
    }
    assertTrue("only " + run + " vectors ran (" + skipped + " skipped)", run > 400);
  }
}
