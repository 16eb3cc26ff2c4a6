// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
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

  /** AUTO guesses from the first bytes, and falls back to text when they do not parse. */
  @Test
  public void autoGuessesAndFallsBack() throws IOException {
    try (Pseudonymizer p = new Pseudonymizer(Vectors.testKey())) {
      Washer auto = Washer.builder().pseudonymizer(p).format(DataFormat.AUTO).build();
      String json = "{\"cpr\": 405205297}\n{\"cpr\": 2110625629}\n";
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      WashStats s = auto.wash(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out);
      assertSame(DataFormat.JSONL, s.structure());
      assertTrue(s.structureNote().isEmpty());
      assertEquals(Washer.builder().pseudonymizer(p).format(DataFormat.JSONL).build().wash(json),
          out.toString(StandardCharsets.UTF_8));
      // Looks like JSON, is not: washed as text, and said.
      String broken = "{\"cpr\": \"0405205297\" oops}\n";
      out.reset();
      s = auto.wash(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), out);
      assertSame(DataFormat.TEXT, s.structure());
      assertTrue(s.structureNote().orElse(""), s.structureNote().orElse("").startsWith("not valid json"));
      assertEquals(broken.replace("0405205297", p.pseudonymize("0405205297")),
          out.toString(StandardCharsets.UTF_8));
      // Plain text stays text; a long input parses past its first chunk.
      assertEquals("ring 0405205297".replace("0405205297", p.pseudonymize("0405205297")),
          auto.wash("ring 0405205297"));
      StringBuilder big = new StringBuilder("id,cpr\n");
      for (int i = 0; i < 20000; i++) {
        big.append(i).append(",405205297\n");
      }
      String washed = auto.wash(big.toString());
      assertEquals(Washer.builder().pseudonymizer(p).format(DataFormat.CSV).build()
          .wash(big.toString()), washed);
      assertTrue(!washed.contains(",405205297\n"));
    }
  }

  /** The same bytes as {@code dkcpr wash --format=F} for the same key. */
  @Test
  public void sameAsTheProgram() throws IOException, InterruptedException {
    String cli = System.getProperty("dkcpr.cli", "");
    assumeFalse("the dkcpr program is not built", cli.isEmpty());
    Path dir = Files.createTempDirectory("dkcpr-java-struct");
    Path key = dir.resolve("key");
    Files.writeString(key, HexFormat.of().formatHex(Vectors.testKey()) + "\n");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    String[][] cases = {
      {"csv", "cpr_nr;navn\r\n405205297;Anna\r\n211062-5629;\"Bo; B\"\r\n"},
      {"json", "{\"cpr\": 1505201234, \"x\": [\"0405205297\", 405205297]}"},
      {"sql", "CREATE TABLE t (cpr bigint);\nCOPY t (cpr) FROM stdin;\n405205297\n\\.\n"},
    };
    try (Pseudonymizer p = new Pseudonymizer(Vectors.testKey())) {
      for (String[] c : cases) {
        Path in = dir.resolve("in." + c[0]);
        Files.writeString(in, c[1]);
        Process proc = new ProcessBuilder(cli, "wash", "-q", "-k", key.toString(),
            "--format=" + c[0], in.toString()).redirectErrorStream(false).start();
        String expected = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, proc.waitFor());
        String ours = Washer.builder().pseudonymizer(p)
            .format(DataFormat.valueOf(c[0].toUpperCase(java.util.Locale.ROOT))).build().wash(c[1]);
        assertEquals(c[0], expected, ours);
        assertTrue(c[0], !ours.equals(c[1]));
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
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
