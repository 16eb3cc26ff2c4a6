// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** Properties every pseudonym must have; golden values are in GoldenPseudonymsTest. */
public class PseudonymizerTest {
  private static final byte[] KEY = Vectors.testKey();
  private static final ParseOptions ANY_DATE = ParseOptions.builder().allowFuture(true).build();
  private static final List<String> SAMPLE = List.of("070761-4285", "211062-5629",
      "2110620629", "010180-1234", "1010978726", "0101585018", "2902004001", "311217-6852",
      "0505239996", "111111-1118");

  @Test
  public void defaultsKeepYearAndSexAndReveal() {
    try (Pseudonymizer p = new Pseudonymizer(KEY)) {
      assertEquals(EnumSet.of(Keep.YEAR, Keep.SEX), p.keep());
      assertEquals("Pseudonymizer[keep=[SEX, YEAR], neverReal=false, policy=DEFAULT]",
          p.toString());
      for (String in : SAMPLE) {
        String out = p.pseudonymize(in);
        Cpr a = Cpr.parse(in);
        Cpr b = Cpr.parse(out, ANY_DATE);
        assertEquals(in, a.birthDate().getYear(), b.birthDate().getYear());
        assertSame(in, a.sex(), b.sex());
        assertEquals(in, a.mod11(), b.mod11());
        assertEquals(in, Optional.empty(), b.replacement());
        assertEquals("layout kept", in.length(), out.length());
        assertEquals("separator kept", in.indexOf('-'), out.indexOf('-'));
        assertEquals(in, p.reveal(out));
      }
    }
  }

  @Test
  public void keepDateAndNeverReal() {
    try (Pseudonymizer p = Pseudonymizer.builder(KEY).keep(Keep.DATE, Keep.SEX)
        .neverReal(true).build()) {
      assertTrue(p.neverReal());
      for (String in : SAMPLE) {
        String out = p.pseudonymize(in);
        Cpr b = Cpr.parse(out, ANY_DATE.toBuilder().allowReplacement(true).build());
        assertEquals(in, Cpr.parse(in).birthDate(), b.birthDate());
        assertEquals(in, Optional.of(ReplacementKind.CPR_OFFICE), b.replacement());
        assertEquals(in, p.reveal(out));
      }
    }
  }

  @Test
  public void keepNothingStillReveals() {
    try (Pseudonymizer p = Pseudonymizer.builder(KEY).keep().build()) {
      assertTrue(p.keep().isEmpty());
      for (String in : SAMPLE) {
        assertEquals(in, p.reveal(p.pseudonymize(in)));
      }
    }
  }

  @Test
  public void contextSeparatesDatasets() {
    try (Pseudonymizer a = Pseudonymizer.builder(KEY).context("crm").build();
        Pseudonymizer b = Pseudonymizer.builder(KEY).context("hr").build();
        Pseudonymizer none = new Pseudonymizer(KEY)) {
      List<String> pa = a.pseudonymizeAll(SAMPLE);
      assertNotEquals(pa, b.pseudonymizeAll(SAMPLE));
      assertNotEquals(pa, none.pseudonymizeAll(SAMPLE));
      try (Pseudonymizer bytes = Pseudonymizer.builder(KEY)
          .context("crm".getBytes(java.nio.charset.StandardCharsets.UTF_8)).build()) {
        assertEquals(pa, bytes.pseudonymizeAll(SAMPLE));
      }
    }
  }

  @Test
  public void bulkEqualsOneByOneAndIsBijective() {
    List<String> in = new ArrayList<>();
    for (int serial = 4000; serial < 6000; serial++) {
      in.add(String.format("070761%04d", serial)); // 1961-07-07 and 1861-07-07
    }
    try (Pseudonymizer p = new Pseudonymizer(KEY)) {
      List<String> out = p.pseudonymizeAll(in);
      assertEquals(in.size(), out.size());
      assertEquals("no two persons share a pseudonym", in.size(), new HashSet<>(out).size());
      for (int i = 0; i < in.size(); i++) {
        assertEquals("element " + i, p.pseudonymize(in.get(i)), out.get(i));
      }
      Vectors.assertListEquals("revealAll", in, p.revealAll(out));
      assertEquals(List.of(), p.pseudonymizeAll(List.of()));
      assertThrows(UnsupportedOperationException.class, () -> out.set(0, "x"));
    }
  }

  @Test
  public void bulkKeepsNonAsciiLayout() {
    ParseOptions lenient = ParseOptions.builder().lenient(true).build();
    String fullWidth = "\uff10\uff17\uff10\uff17\uff16\uff11-\uff14\uff12\uff18\uff15";
    StringBuilder bold = new StringBuilder(" ");
    for (char c : "0707614285".toCharArray()) {
      bold.appendCodePoint(0x1D7CE + (c - '0'));
    }
    List<String> in = List.of(fullWidth, "070761\u20134285", bold.toString(), "070761-4285");
    try (Pseudonymizer p = Pseudonymizer.builder(KEY).options(lenient).build()) {
      List<String> out = p.pseudonymizeAll(in);
      for (int i = 0; i < in.size(); i++) {
        assertEquals(p.pseudonymize(in.get(i)), out.get(i));
        assertEquals(in.get(i).length(), out.get(i).length());
        assertEquals(Character.isSurrogate(in.get(i).charAt(1)),
            Character.isSurrogate(out.get(i).charAt(1)));
      }
      // Same number, same pseudonym, whatever the script.
      assertEquals(Cpr.parse(out.get(3), ANY_DATE).digits(),
          Cpr.parse(out.get(0), ANY_DATE.toBuilder().lenient(true).build()).digits());
      assertEquals(in, p.revealAll(out));
    }
  }

  @Test
  public void bulkHandlesLongElements() {
    // Elements of 64 bytes and more take a separate path in the native bulk call.
    ParseOptions lenient = ParseOptions.builder().lenient(true).build();
    String pad = " ".repeat(70);
    List<String> in = List.of("070761-4285", pad + "211062-5629" + pad, "2110620629",
        "\u3000".repeat(30) + "070761-4285", "010180-1234");
    try (Pseudonymizer p = Pseudonymizer.builder(KEY).options(lenient).build()) {
      List<String> out = p.pseudonymizeAll(in);
      for (int i = 0; i < in.size(); i++) {
        assertEquals("element " + i, p.pseudonymize(in.get(i)), out.get(i));
        assertEquals("element " + i, in.get(i).length(), out.get(i).length());
      }
      Vectors.assertListEquals("revealAll", in, p.revealAll(out));
      CprException e = assertThrows(CprException.class,
          () -> p.pseudonymizeAll(List.of("070761-4285", "x".repeat(200))));
      assertEquals(1, e.index().getAsInt());
      assertSame(Status.E_LENGTH, e.status());
    }
  }

  @Test
  public void nullElementsPassThroughWhenAsked() {
    List<String> in = Arrays.asList(null, "070761-4285", null, "211062-5629", null);
    try (Pseudonymizer p = new Pseudonymizer(KEY)) {
      List<String> out = p.pseudonymizeAll(in, Nulls.PASS);
      assertEquals(in.size(), out.size());
      assertNull(out.get(0));
      assertNull(out.get(2));
      assertNull(out.get(4));
      assertEquals(p.pseudonymize("070761-4285"), out.get(1));
      assertEquals(p.pseudonymize("211062-5629"), out.get(3));
      assertEquals(in, p.revealAll(out, Nulls.PASS));
      assertEquals(Arrays.asList((String) null), p.pseudonymizeAll(Arrays.asList((String) null), Nulls.PASS));
      // Rejected by default and with REJECT; an invalid element still throws, at its index.
      assertThrows(NullPointerException.class, () -> p.pseudonymizeAll(in));
      assertThrows(NullPointerException.class, () -> p.revealAll(in, Nulls.REJECT));
      assertThrows(NullPointerException.class, () -> p.pseudonymizeAll(in, null));
      CprException bad = assertThrows(CprException.class,
          () -> p.pseudonymizeAll(Arrays.asList(null, "12345"), Nulls.PASS));
      assertEquals(1, bad.index().getAsInt());
    }
  }

  @Test
  public void errorsCarryStatusAndIndex() {
    try (Pseudonymizer p = new Pseudonymizer(KEY)) {
      CprException one = assertThrows(CprException.class, () -> p.pseudonymize("310261-1234"));
      assertSame(Status.E_DATE, one.status());
      CprException bulk = assertThrows(CprException.class,
          () -> p.pseudonymizeAll(List.of("070761-4285", "211062-5629", "12345")));
      assertSame(Status.E_LENGTH, bulk.status());
      assertEquals(2, bulk.index().getAsInt());
      NullPointerException npe = assertThrows(NullPointerException.class,
          () -> p.pseudonymizeAll(Arrays.asList("070761-4285", null)));
      assertTrue(npe.getMessage().contains("1"));
      assertSame(Status.E_REPLACEMENT,
          assertThrows(CprException.class, () -> p.pseudonymize("0203291WQ3")).status());
    }
    assertSame(Status.E_KEY,
        assertThrows(CprException.class, () -> new Pseudonymizer(new byte[31])).status());
    try (Pseudonymizer p = Pseudonymizer.builder(KEY).neverReal(true)
        .options(ParseOptions.builder().allowReplacement(true).build()).build()) {
      assertSame(Status.E_KIND,
          assertThrows(CprException.class, () -> p.pseudonymize("6701651004")).status());
    }
  }

  @Test
  public void tokens() {
    try (Pseudonymizer p = new Pseudonymizer(KEY)) {
      String t = p.token("070761-4285");
      assertTrue(t, t.matches("[a-z2-7]{26}"));
      assertEquals("same number, same token", t, p.token("0707614285"));
      assertNotEquals(t, p.token("211062-5629"));
      assertTrue(p.token("070761-4285", 52).matches("[a-z2-7]{52}"));
      assertSame(Status.E_ARG,
          assertThrows(CprException.class, () -> p.token("070761-4285", 15)).status());
      assertSame(Status.E_ARG,
          assertThrows(CprException.class, () -> p.token("070761-4285", 53)).status());
    }
  }

  @Test
  public void keys() {
    byte[] k = Pseudonymizer.generateKey();
    assertEquals(32, k.length);
    assertNotEquals(Arrays.toString(k), Arrays.toString(Pseudonymizer.generateKey()));
    StringBuilder hex = new StringBuilder();
    for (byte b : KEY) {
      hex.append(String.format("%02X", b));
    }
    assertArrayEquals(KEY, Pseudonymizer.keyFromHex(hex + "\n"));
    assertArrayEquals(KEY, Pseudonymizer.keyFromHex(hex.toString().toLowerCase()));
    assertSame(Status.E_KEY,
        assertThrows(CprException.class, () -> Pseudonymizer.keyFromHex("abcd")).status());
  }

  @Test
  public void builderBuildsOnceAndKeepsNoKey() {
    byte[] key = KEY.clone();
    Pseudonymizer.Builder builder = Pseudonymizer.builder(key);
    Arrays.fill(key, (byte) 0); // the builder took a copy
    try (Pseudonymizer p = builder.build();
        Pseudonymizer same = new Pseudonymizer(KEY)) {
      assertEquals(same.pseudonymize("070761-4285"), p.pseudonymize("070761-4285"));
    }
    assertThrows(IllegalStateException.class, builder::build);
  }

  @Test
  public void closeIsIdempotentAndUseAfterCloseIsClear() {
    Pseudonymizer p = new Pseudonymizer(KEY);
    String before = p.pseudonymize("070761-4285");
    p.close();
    p.close();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> p.pseudonymize("070761-4285"));
    assertTrue(e.getMessage().contains("closed"));
    assertThrows(IllegalStateException.class, () -> p.reveal(before));
    assertThrows(IllegalStateException.class, () -> p.token("070761-4285"));
    assertThrows(IllegalStateException.class, () -> p.pseudonymizeAll(List.of("070761-4285")));
    assertThrows(IllegalStateException.class,
        () -> Washer.builder().pseudonymizer(p).build().wash("070761-4285"));
    // A new instance with the same key gives the same mapping.
    try (Pseudonymizer again = new Pseudonymizer(KEY)) {
      assertEquals(before, again.pseudonymize("070761-4285"));
    }
  }

  @Test
  public void laterDateThisYearIsAccepted() {
    // The not-yet-born check never applies to pseudonyms, so a date late this year works.
    String late = String.format("3112%02d4008", LocalDate.now().getYear() % 100);
    try (Pseudonymizer p = Pseudonymizer.builder(KEY).keep(Keep.DATE).build()) {
      if (LocalDate.now().getYear() < 2037) {
        assertEquals(late, p.reveal(p.pseudonymize(late)));
      }
    }
  }
}
