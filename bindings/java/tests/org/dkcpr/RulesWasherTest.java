// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
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
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.junit.Test;

/**
 * Washing with rules from Java: birth date and sex follow the row's pseudonym, checked
 * against the century rule computed here; reveal gives agreeing rows back; bad rules name
 * their line; rules that rewrite values are refused for formats without rows.
 */
public class RulesWasherTest {
  private static final String COMPANIONS = "fields:\n  cpr_nr: cpr\n"
      + "  fødselsdato: {birth_date: DD.MM.YYYY}\n  køn: {sex: {male: M, female: K}}\n";
  private static final String RULES = COMPANIONS + "  telefon: redact\n  bemærkning: empty\n";
  // Centuries 1800, 1900 and 2000, both sexes.
  private static final String[] NUMBERS = {"0705231016", "2303481826", "0310844719",
      "2001194785", "1607014394", "2605237795", "0308136606", "2302188797", "2110625629"};
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  /** Digit 7 and the two-digit year give the century (the CPR office's table). */
  static LocalDate birthDate(String cpr) {
    int yy = Integer.parseInt(cpr.substring(4, 6));
    int d7 = cpr.charAt(6) - '0';
    int year;
    if (d7 <= 3) {
      year = 1900 + yy;
    } else if (d7 == 4 || d7 == 9) {
      year = yy <= 36 ? 2000 + yy : 1900 + yy;
    } else {
      year = yy <= 57 ? 2000 + yy : 1800 + yy;
    }
    return LocalDate.of(year, Integer.parseInt(cpr.substring(2, 4)),
        Integer.parseInt(cpr.substring(0, 2)));
  }

  static String sex(String cpr) {
    return (cpr.charAt(9) - '0') % 2 == 1 ? "M" : "K";
  }

  /** Semicolon CSV, birth date and sex before the CPR column, all agreeing with it. */
  private static String companionCsv() {
    StringBuilder b = new StringBuilder("fødselsdato;køn;cpr_nr;navn\r\n");
    for (int i = 0; i < NUMBERS.length; i++) {
      String c = NUMBERS[i];
      String written = i % 2 == 1 ? c.substring(0, 6) + "-" + c.substring(6) : c;
      b.append(DATE.format(birthDate(c))).append(';').append(sex(c)).append(';')
          .append(written).append(";Navn ").append(i).append("\r\n");
    }
    return b.toString();
  }

  private static Pseudonymizer pseudonymizer(boolean keepNone) {
    Pseudonymizer.Builder b = Pseudonymizer.builder(Vectors.testKey());
    return (keepNone ? b.keep() : b).build();
  }

  private static void checkRows(String washed, int dateCol, int sexCol, int cprCol, String sep) {
    String[] lines = washed.split("\r?\n");
    assertEquals(NUMBERS.length + 1, lines.length);
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(sep, -1);
      String ps = f[cprCol].replace("-", "");
      assertEquals(lines[i], DATE.format(birthDate(ps)), f[dateCol]);
      assertEquals(lines[i], sex(ps), f[sexCol]);
    }
  }

  @Test
  public void companionsFollowThePseudonymWhereverTheySit() {
    for (boolean keepNone : new boolean[] {false, true}) {
      try (Pseudonymizer p = pseudonymizer(keepNone)) {
        Washer csv = Washer.builder().pseudonymizer(p).format(DataFormat.CSV)
            .rules(COMPANIONS).build();
        String washed = csv.wash(companionCsv());
        checkRows(washed, 0, 1, 2, ";");
        for (String c : NUMBERS) {
          assertTrue(c, !washed.contains(c));
        }
        // After the CPR column, in TSV.
        StringBuilder tsv = new StringBuilder("cpr_nr\tkøn\tfødselsdato\n");
        for (String c : NUMBERS) {
          tsv.append(c).append('\t').append(sex(c)).append('\t')
              .append(DATE.format(birthDate(c))).append('\n');
        }
        checkRows(Washer.builder().pseudonymizer(p).format(DataFormat.TSV).rules(COMPANIONS)
            .build().wash(tsv.toString()), 2, 1, 0, "\t");
      }
    }
  }

  @Test
  public void revealGivesAgreeingRowsBack() throws IOException {
    try (Pseudonymizer p = pseudonymizer(true)) {
      Washer wash = Washer.builder().pseudonymizer(p).format(DataFormat.CSV)
          .rules(COMPANIONS).build();
      Washer reveal = Washer.builder().pseudonymizer(p).mode(WashMode.REVEAL)
          .format(DataFormat.CSV).rules(COMPANIONS).build();
      String text = companionCsv();
      assertEquals(text, reveal.wash(wash.wash(text)));
      // A disagreeing sex is not given back: reveal writes the revealed number's.
      String c = NUMBERS[0];
      String wrong = text.replace(";" + sex(c) + ";" + c + ";",
          ";" + (sex(c).equals("M") ? "K" : "M") + ";" + c + ";");
      assertNotEquals(text, wrong);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      WashStats s = wash.wash(new ByteArrayInputStream(wrong.getBytes(StandardCharsets.UTF_8)),
          out);
      assertEquals(2L * NUMBERS.length, s.ruleValues());
      assertEquals(0, s.ruleUnusable());
      assertEquals(1, s.ruleIrreversible());
      assertEquals(text, reveal.wash(out.toString(StandardCharsets.UTF_8)));
    }
  }

  @Test
  public void redactEmptyAndRowsWithoutANumber() throws IOException {
    try (Pseudonymizer p = pseudonymizer(false)) {
      String c = NUMBERS[2];
      String text = "telefon;fødselsdato;køn;cpr_nr;bemærkning\n12345678;"
          + DATE.format(birthDate(c)) + ";" + sex(c) + ";" + c + ";hej\n"
          + "87654321;01.01.2000;K;;\"lang\nnote\"\n";
      Washer w = Washer.builder().pseudonymizer(p).format(DataFormat.CSV).rules(RULES).build();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      WashStats s = w.wash(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out);
      String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
      String[] first = lines[1].split(";", -1);
      assertEquals("[CPR]", first[0]);
      assertEquals(DATE.format(birthDate(first[3])), first[1]);
      assertEquals(sex(first[3]), first[2]);
      assertEquals("", first[4]);
      assertEquals("[CPR];[CPR];[CPR];;\"\"", lines[2]);
      assertEquals(8, s.ruleValues());
      assertEquals(2, s.ruleUnusable());
      assertEquals(6, s.ruleIrreversible());
      assertTrue(s.toString(), s.toString().contains("ruleUnusable=2"));
    }
  }

  @Test
  public void rulesThatNameNoFieldAreCounted() throws IOException {
    try (Pseudonymizer p = pseudonymizer(false)) {
      // CSV has no tables: b.navn names nothing there, nor does a typo; navn does.
      String rules = "fields:\n  b.navn: redact\n  navnn: redact\n  cpr_nr: cpr\n";
      String text = "cpr_nr;navn\n" + NUMBERS[0] + ";Anna\n";
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      WashStats s = Washer.builder().pseudonymizer(p).format(DataFormat.CSV).rules(rules)
          .build().wash(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out);
      assertEquals(2, s.ruleUnmatched());
      assertTrue(s.toString(), s.toString().contains("ruleUnmatched=2"));
      assertTrue(out.toString(StandardCharsets.UTF_8).contains(";Anna\n"));
      // In SQL, b.navn is column navn of table b only.
      String dump = "COPY a (navn) FROM stdin;\nAnna\n\\.\nCOPY b (navn) FROM stdin;\nBo\n\\.\n";
      out.reset();
      s = Washer.builder().pseudonymizer(p).format(DataFormat.SQL)
          .rules("fields:\n  b.navn: redact\n").build()
          .wash(new ByteArrayInputStream(dump.getBytes(StandardCharsets.UTF_8)), out);
      assertEquals(0, s.ruleUnmatched());
      assertEquals(dump.replace("Bo", "[CPR]"), out.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  public void badRulesNameLineAndColumn() {
    CprException e = assertThrows(CprException.class,
        () -> Washer.builder().rules("fields:\n  cpr_nr: cpr\n  telefon: shred\n"));
    assertSame(Status.E_SYNTAX, e.status());
    assertTrue(e.getMessage(), e.getMessage().startsWith("not valid rules: line 3, column 12: "));
    e = assertThrows(CprException.class,
        () -> Washer.builder().rules("fields:\n  d:\n    birth_date: DD.MM\n"));
    assertTrue(e.getMessage(), e.getMessage().startsWith("not valid rules: line 3, column 17: "));
  }

  @Test
  public void rulesThatRewriteNeedRows() {
    try (Pseudonymizer p = pseudonymizer(false)) {
      Washer.Builder b = Washer.builder().pseudonymizer(p).format(DataFormat.TEXT).rules(RULES);
      CprException e = assertThrows(CprException.class, b::build);
      assertSame(Status.E_ARG, e.status());
      assertTrue(e.getMessage(), e.getMessage().contains("DataFormat.TEXT has none"));
      // AUTO finds out when it reads the input: JSON has fields, plain text none.
      Washer auto = Washer.builder().pseudonymizer(p).format(DataFormat.AUTO).rules(RULES)
          .build();
      String json = auto.wash("{\"cpr_nr\": \"0405205297\", \"telefon\": \"1234\"}");
      assertFalse(json, json.contains("1234"));
      e = assertThrows(CprException.class, () -> auto.wash("ring 0405205297, telefon 1234\n"));
      assertTrue(e.getMessage(), e.getMessage().contains("DataFormat.TEXT has none"));
      // Broken CSV is not washed as text, which would drop the rules.
      e = assertThrows(CprException.class,
          () -> auto.wash("cpr_nr;telefon\n0405205297;12\n2110625629;\"12\n"));
      assertSame(Status.E_SYNTAX, e.status());
      // SQL dumps have rows: COPY rows and INSERT tuples.
      String c = NUMBERS[3];
      Washer sql = Washer.builder().pseudonymizer(p).format(DataFormat.SQL)
          .rules("fields: {cpr_nr: cpr, foedt: {birth_date: DD.MM.YYYY}}").build();
      String washed = sql.wash("CREATE TABLE t (foedt text, cpr_nr text);\n"
          + "INSERT INTO t VALUES ('" + DATE.format(birthDate(c)) + "', '" + c + "');\n");
      String[] values = washed.substring(washed.indexOf("VALUES ('") + 9).split("', '");
      assertEquals(washed, DATE.format(birthDate(values[1].substring(0, 10))), values[0]);
      // Rules that only name CPR fields serve every format.
      String ps = p.pseudonymize("0405205297");
      assertEquals("{\"kunde\": " + Long.parseLong(ps) + "}",
          Washer.builder().pseudonymizer(p).format(DataFormat.JSON).rules("fields: {kunde: cpr}")
              .build().wash("{\"kunde\": 405205297}"));
      assertEquals("ring " + ps, Washer.builder().pseudonymizer(p).rules("fields: {kunde: cpr}")
          .build().wash("ring 0405205297"));
    }
  }

  /** The same bytes as {@code dkcpr wash --rules} and {@code dkcpr reveal --rules}. */
  @Test
  public void sameAsTheProgram() throws IOException, InterruptedException {
    String cli = System.getProperty("dkcpr.cli", "");
    assumeFalse("the dkcpr program is not built", cli.isEmpty());
    Path dir = Files.createTempDirectory("dkcpr-java-rules");
    Path key = dir.resolve("key");
    Path rules = dir.resolve("rules.yaml");
    Path in = dir.resolve("kunder.csv");
    Files.writeString(key, HexFormat.of().formatHex(Vectors.testKey()) + "\n");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    Files.writeString(rules, RULES);
    String text = "fødselsdato;køn;cpr_nr;telefon;bemærkning\r\n"
        + "04.05.2020;M;0405205297;12345678;hej\r\n29.11.1970;M;291170-0657;;\"1; 2\"\r\n"
        + "01.01.2000;K;;87654321;x\r\n";
    Files.writeString(in, text);
    try (Pseudonymizer p = new Pseudonymizer(Vectors.testKey())) {
      Process proc = new ProcessBuilder(cli, "wash", "-q", "-k", key.toString(),
          "--rules=" + rules, in.toString()).start();
      String expected = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, proc.waitFor());
      String ours = Washer.builder().pseudonymizer(p).format(DataFormat.AUTO).rules(RULES)
          .build().wash(text);
      assertEquals(expected, ours);
      assertTrue(!ours.contains("0405205297"));
      Path washed = dir.resolve("washed.csv");
      Files.writeString(washed, ours);
      proc = new ProcessBuilder(cli, "reveal", "-q", "-k", key.toString(), "--rules=" + rules,
          washed.toString()).start();
      expected = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, proc.waitFor());
      assertEquals(expected, Washer.builder().pseudonymizer(p).mode(WashMode.REVEAL)
          .format(DataFormat.CSV).rules(RULES).build().wash(ours));
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
  }
}
