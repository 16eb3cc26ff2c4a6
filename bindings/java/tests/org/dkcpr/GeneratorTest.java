// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.Test;

/**
 * {@link Generator} against numbers printed by the C API (generate_ref, a small C program
 * beside these tests) and by the dkcpr program, and against properties that follow from the CPR
 * rules alone.
 */
public class GeneratorTest {
  private static final LocalDate D1970 = LocalDate.of(1970, 1, 1);
  private static final LocalDate D1989 = LocalDate.of(1989, 12, 31);

  /** Lines printed by a program, which must exit 0. */
  private static List<String> run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out;
    try (InputStream in = p.getInputStream()) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      out = buf.toByteArray();
    }
    String text = new String(out, StandardCharsets.UTF_8);
    assertEquals(Arrays.toString(command) + ": " + text, 0, p.waitFor());
    return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
  }

  private static String packed(LocalDate d) {
    return d == null ? "0" : String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(),
        d.getDayOfMonth());
  }

  /** The C API's numbers for the same options (sex and mod11 -1 for any). */
  private static List<String> reference(String seed, LocalDate from, LocalDate to, int sex,
      int mod11, boolean neverReal, long first, int count) throws Exception {
    String ref = System.getProperty("dkcpr.generate.ref");
    assertTrue("run with -Ddkcpr.generate.ref=<generate_ref program>",
        ref != null && !ref.isEmpty());
    return run(ref, seed, packed(from), packed(to), Integer.toString(sex),
        Integer.toString(mod11), neverReal ? "1" : "0", Long.toString(first),
        Integer.toString(count));
  }

  @Test
  public void sameNumbersAsTheCApi() throws Exception {
    Generator women = Generator.builder().born(D1970, D1989).sex(Sex.FEMALE).seed("42").build();
    assertEquals(reference("42", D1970, D1989, 0, -1, false, 0, 20), women.generate(20));
    assertEquals(reference("42", D1970, D1989, 0, -1, false, 1000, 7), women.generate(1000, 7));

    LocalDate to = LocalDate.of(2000, 12, 31);
    Generator mod11 = Generator.builder().born(null, to).sex(Sex.MALE).mod11(true)
        .seed("frø æøå").build();
    assertEquals(reference("frø æøå", null, to, 1, 1, false, 3, 10), mod11.generate(3, 10));

    Generator failing = Generator.builder().born(D1970, null).mod11(false).seed(7).build();
    assertEquals(reference("7", D1970, null, -1, 0, false, 0, 10), failing.generate(10));

    Generator fake = Generator.builder().born(D1970, D1989).neverReal(true).seed("x").build();
    assertEquals(reference("x", D1970, D1989, -1, -1, true, 0, 10), fake.generate(10));
  }

  @Test
  public void sameNumbersAsTheDkcprProgram() throws Exception {
    String cli = System.getProperty("dkcpr.cli", "");
    assumeFalse("the dkcpr program is not built", cli.isEmpty());
    assertEquals(run(cli, "generate", "--count", "12", "--seed", "42", "--born",
            "1970-01-01..1989-12-31", "--sex", "f"),
        Generator.builder().born(D1970, D1989).sex(Sex.FEMALE).seed(42L).build().generate(12));
    assertEquals(run(cli, "generate", "--count", "5", "--seed", "s", "--born",
            "1950-06-01..1950-06-30", "--mod11", "yes", "--never-real"),
        Generator.builder().born(LocalDate.of(1950, 6, 1), LocalDate.of(1950, 6, 30))
            .mod11(true).neverReal(true).seed("s").build().generate(5));
  }

  @Test
  public void numbersAreDistinctValidAndMatchTheOptions() {
    Generator g = Generator.builder().born(D1970, D1989).sex(Sex.MALE).mod11(true)
        .seed("props").build();
    List<String> numbers = g.generate(2000);
    assertEquals(2000, new HashSet<>(numbers).size());
    for (String n : numbers) {
      Cpr cpr = Cpr.parse(n, ParseOptions.builder().policy(Policy.STRICT).build());
      assertEquals(n, cpr.digits());
      assertEquals(Sex.MALE, cpr.sex());
      assertTrue(cpr.mod11());
      assertFalse(cpr.birthDate().isBefore(D1970) || cpr.birthDate().isAfter(D1989));
      assertTrue(cpr.replacement().isEmpty());
    }
    ParseOptions allow = ParseOptions.builder().allowReplacement(true).build();
    for (String n : Generator.builder().born(D1970, D1989).neverReal(true).seed("p").build()
        .generate(200)) {
      assertEquals(n, ReplacementKind.CPR_OFFICE, Cpr.parse(n, allow).replacement().get());
      assertTrue(n, Integer.parseInt(n.substring(0, 2)) > 60);
    }
  }

  @Test
  public void aSequenceComesTheSameInPieces() {
    Generator g = Generator.builder().born(D1970, D1989).seed(new byte[] {0, 1, 2, -1}).build();
    List<String> whole = g.generate(0, 30);
    List<String> pieces = new ArrayList<>(g.generate(0, 10));
    pieces.addAll(g.generate(10, 15));
    pieces.addAll(g.generate(25, 5));
    assertEquals(whole, pieces);
    assertEquals(whole, g.generate(30));
    assertEquals(List.of(), g.generate(100, 0));
  }

  @Test
  public void seedsDecideTheSequence() {
    Generator.Builder b = Generator.builder().born(D1970, D1989);
    assertEquals(b.seed("123").build().generate(10), b.seed(123L).build().generate(10));
    assertEquals(b.seed("123").build().generate(10),
        b.seed("123".getBytes(StandardCharsets.US_ASCII)).build().generate(10));
    assertNotEquals(b.seed("123").build().generate(10), b.seed("124").build().generate(10));
    // Without a seed, a random one per generator: its own sequence is stable.
    Generator r1 = Generator.builder().born(D1970, D1989).build();
    Generator r2 = Generator.builder().born(D1970, D1989).build();
    assertEquals(r1.generate(10), r1.generate(10));
    assertNotEquals(r1.generate(10), r2.generate(10));
  }

  /** One day of 2000: century digits 4-9 give that year, 1000 serials each, half of them even. */
  @Test
  public void totalCountsTheMatchingNumbers() {
    LocalDate day = LocalDate.of(2000, 1, 1);
    Generator women = Generator.builder().born(day, day).sex(Sex.FEMALE).seed("t").build();
    assertEquals(3000, women.total());
    int passing = 0;
    for (int serial = 4000; serial < 10000; serial += 2) {
      if (mod11("010100" + serial)) {
        passing++;
      }
    }
    Generator passingWomen = Generator.builder().born(day, day).sex(Sex.FEMALE).mod11(true)
        .seed("t").build();
    assertEquals(passing, passingWomen.total());
    List<String> all = passingWomen.generate((int) passingWomen.total());
    assertEquals(passing, new HashSet<>(all).size());
    for (String n : all) {
      assertTrue(n, n.startsWith("010100") && mod11(n));
    }
    CprException e = assertThrows(CprException.class,
        () -> passingWomen.generate(passingWomen.total() - 1, 2));
    assertEquals(Status.E_RANGE, e.status());
  }

  private static boolean mod11(String digits) {
    int[] weights = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += weights[i] * (digits.charAt(i) - '0');
    }
    return sum % 11 == 0;
  }

  @Test
  public void badRequestsAreRejected() {
    Generator backwards = Generator.builder().born(D1989, D1970).seed("b").build();
    assertEquals(Status.E_ARG, assertThrows(CprException.class, () -> backwards.generate(1)).status());
    assertEquals(Status.E_ARG, assertThrows(CprException.class, backwards::total).status());
    Generator early = Generator.builder().born(LocalDate.of(1800, 1, 1), D1970).seed("b").build();
    assertEquals(Status.E_ARG, assertThrows(CprException.class, () -> early.generate(1)).status());
    Generator g = Generator.builder().born(D1970, D1989).seed("b").build();
    assertThrows(IllegalArgumentException.class, () -> g.generate(-1));
    assertThrows(IllegalArgumentException.class, () -> g.generate(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> g.generate(0, Integer.MAX_VALUE));
    assertThrows(NullPointerException.class, () -> Generator.builder().seed((String) null));
  }

  @Test
  public void toStringShowsTheOptionsNotTheSeed() {
    Generator g = Generator.builder().born(D1970, null).sex(Sex.FEMALE).seed("hemmelig").build();
    assertEquals("Generator[born=1970-01-01..today, sex=FEMALE, mod11=any, neverReal=false]",
        g.toString());
    assertEquals(D1970, g.bornFrom().get());
    assertTrue(g.bornTo().isEmpty());
  }
}
