// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

/** Washing by structure from Java: the same pseudonym in every written form. */
public class StructuredWasherTest {
  private static String integer(String pseudonym) {
    return pseudonym.startsWith("0") ? pseudonym.substring(1) : pseudonym;
  }

  @Test
  public void jsonIntegersAndStringsNameOnePseudonym() {
    String json = "{\"cpr\": 405205297, \"cprNr\": \"0405205297\", \"n\": 7}";
    try (Pseudonymizer p = new Pseudonymizer(Vectors.testKey())) {
      String ps = p.pseudonymize("0405205297");
      Washer w = Washer.builder().pseudonymizer(p).format(DataFormat.JSON).build();
      assertSame(DataFormat.JSON, w.format());
      String washed = w.wash(json);
      assertEquals("{\"cpr\": " + integer(ps) + ", \"cprNr\": \"" + ps + "\", \"n\": 7}", washed);
      // As text, the nine digits are not a number at all.
      assertEquals(json.replace("0405205297", ps),
          Washer.builder().pseudonymizer(p).build().wash(json));
      Washer reveal = Washer.builder().pseudonymizer(p).mode(WashMode.REVEAL)
          .format(DataFormat.JSON).build();
      assertEquals(json, reveal.wash(washed));
    }
  }

  @Test
  public void csvWithSemicolonsAndExtraFields() throws IOException {
    String csv = "id;patient;note\r\n1;405205297;ring 211062-5629\r\n";
    try (Pseudonymizer p = new Pseudonymizer(Vectors.testKey())) {
      Washer w = Washer.builder().pseudonymizer(p).format(DataFormat.CSV)
          .cprFields("patient").build();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      WashStats stats = w.wash(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), out);
      assertEquals("id;patient;note\r\n1;" + integer(p.pseudonymize("0405205297")) + ";ring "
          + p.pseudonymize("211062-5629") + "\r\n", out.toString(StandardCharsets.UTF_8));
      assertEquals(2, stats.found());
      assertThrows(IllegalArgumentException.class, () -> Washer.builder().cprFields("a,b"));
    }
  }

  @Test
  public void inputNotInTheFormatNamesLineAndColumn() {
    try (Pseudonymizer p = new Pseudonymizer(Vectors.testKey())) {
      Washer w = Washer.builder().pseudonymizer(p).format(DataFormat.JSON).build();
      CprException e = assertThrows(CprException.class, () -> w.wash("[\n {\"cpr\": 0405205297}\n]"));
      assertSame(Status.E_SYNTAX, e.status());
      assertTrue(e.getMessage(), e.getMessage().startsWith("not valid json: line 2, column "));
      String dump = "CREATE TABLE t (cpr bigint);\nCOPY t (cpr) FROM stdin;\n405205297\n";
      CprException cut = assertThrows(CprException.class,
          () -> Washer.builder().pseudonymizer(p).format(DataFormat.SQL).build().wash(dump));
      assertTrue(cut.getMessage(), cut.getMessage().contains("line 4, column 1"));
    }
  }
}
