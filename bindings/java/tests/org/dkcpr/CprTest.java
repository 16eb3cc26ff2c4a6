// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.Test;

/** Expected values from cpr-rules.md section 8, written out by hand. */
public class CprTest {
  private static final ParseOptions PINNED =
      ParseOptions.builder().referenceDate(LocalDate.of(2026, 11, 26)).build();

  private static Status statusOf(String text, ParseOptions options) {
    CprException e = assertThrows(CprException.class, () -> Cpr.parse(text, options));
    assertSame(e.status(), Cpr.check(text, options));
    assertFalse(Cpr.isValid(text, options));
    return e.status();
  }

  @Test
  public void parsesTheCprOfficeExample() {
    Cpr cpr = Cpr.parse("070761-4285");
    assertEquals("0707614285", cpr.digits());
    assertEquals(LocalDate.of(1961, 7, 7), cpr.birthDate());
    assertSame(Sex.MALE, cpr.sex());
    assertTrue(cpr.mod11());
    assertEquals(Optional.empty(), cpr.replacement());
    assertEquals(4, cpr.centuryDigit());
    assertEquals("070761-4285", cpr.formatted());
    assertEquals("070761-XXXX", cpr.masked());
    assertEquals("XXXXXX-XXXX", cpr.maskedFully());
    assertEquals("070761-XXXX", cpr.toString());
    assertTrue(Cpr.isValid("070761-4285"));
  }

  @Test
  public void resolvesCenturiesAndSex() {
    Object[][] cases = {
      {"211062-5629", LocalDate.of(1862, 10, 21), Sex.MALE, true},
      {"2110620629", LocalDate.of(1962, 10, 21), Sex.MALE, false},
      {"010180-1234", LocalDate.of(1980, 1, 1), Sex.FEMALE, false},
      {"1010978726", LocalDate.of(1897, 10, 10), Sex.FEMALE, false},
      {"2110595002", LocalDate.of(1859, 10, 21), Sex.FEMALE, true},
      {"0101585018", LocalDate.of(1858, 1, 1), Sex.FEMALE, true},
      {"200600-0005", LocalDate.of(1900, 6, 20), Sex.MALE, true},
      {"0101374009", LocalDate.of(1937, 1, 1), Sex.MALE, true},
      {"0101009009", LocalDate.of(2000, 1, 1), Sex.MALE, true},
      {"3112995004", LocalDate.of(1899, 12, 31), Sex.FEMALE, true},
      {"2902004001", LocalDate.of(2000, 2, 29), Sex.MALE, true},
      {"2902965001", LocalDate.of(1896, 2, 29), Sex.MALE, true},
      {"0505239996", LocalDate.of(2023, 5, 5), Sex.FEMALE, false},
    };
    for (Object[] c : cases) {
      Cpr cpr = Cpr.parse((String) c[0], PINNED);
      assertEquals((String) c[0], c[1], cpr.birthDate());
      assertSame((String) c[0], c[2], cpr.sex());
      assertEquals((String) c[0], c[3], cpr.mod11());
    }
  }

  @Test
  public void rejectsWithTheRightStatus() {
    assertSame(Status.E_DATE, statusOf("511062-5629", PINNED));
    assertSame(Status.E_DATE, statusOf("2902191234", PINNED));
    assertSame(Status.E_DATE, statusOf("2902000006", PINNED));
    assertSame(Status.E_DATE, statusOf("0113901004", PINNED));
    assertSame(Status.E_FUTURE, statusOf("2110525629", PINNED));
    assertSame(Status.E_FUTURE, statusOf("0101364003", PINNED));
    assertSame(Status.E_LENGTH, statusOf("12345", PINNED));
    assertSame(Status.E_LENGTH, statusOf("", PINNED));
    assertSame(Status.E_CHAR, statusOf("07076a-4285", PINNED));
    assertSame(Status.E_SEPARATOR, statusOf("070761/4285", PINNED));
    assertSame(Status.E_REPLACEMENT, statusOf("0203291WQ3", PINNED));
    assertSame(Status.E_REPLACEMENT, statusOf("6701651004", PINNED));
  }

  @Test
  public void optionsChangeTheVerdict() {
    ParseOptions future = PINNED.toBuilder().allowFuture(true).build();
    assertEquals(LocalDate.of(2052, 10, 21), Cpr.parse("2110525629", future).birthDate());

    ParseOptions strict = PINNED.toBuilder().policy(Policy.STRICT).build();
    assertSame(Status.E_MOD11, statusOf("010180-1234", strict));
    assertTrue(Cpr.isValid("070761-4285", strict));

    // 1 January 1980 is on the CPR office's list of dates with numbers without mod 11.
    ParseOptions known = PINNED.toBuilder().policy(Policy.KNOWN_DATES).build();
    Cpr listed = Cpr.parse("010180-1234", known);
    assertTrue(listed.knownDate());
    assertFalse(listed.mod11());
    assertSame(Status.E_MOD11, statusOf("020962-4444", known));
    assertFalse(Cpr.parse("020962-4444", PINNED).knownDate());
  }

  @Test
  public void knownDatesCanBeExtended() {
    ParseOptions shipped = PINNED.toBuilder().policy(Policy.KNOWN_DATES).build();
    assertSame(Status.E_MOD11, statusOf("020962-4444", shipped));
    KnownDates extra = KnownDates.of(LocalDate.of(1962, 9, 2));
    assertTrue(extra.contains(LocalDate.of(1962, 9, 2)));
    assertTrue("shipped dates kept", extra.contains(LocalDate.of(1980, 1, 1)));
    assertFalse(extra.contains(LocalDate.of(1962, 9, 3)));
    ParseOptions extended = shipped.toBuilder().knownDates(extra).build();
    Cpr cpr = Cpr.parse("020962-4444", extended);
    assertTrue(cpr.knownDate());
    assertFalse(cpr.mod11());
    KnownDates fromText = KnownDates.parse("# local additions\n\n 1962-09-02 \n");
    assertTrue(Cpr.isValid("020962-4444", shipped.toBuilder().knownDates(fromText).build()));
    CprException bad = assertThrows(CprException.class,
        () -> KnownDates.parse("1962-09-02\n1962-02-30\n"));
    assertSame(Status.E_DATE, bad.status());
    assertTrue(bad.getMessage(), bad.getMessage().startsWith("line 2: "));
    assertSame(Status.E_SYNTAX,
        assertThrows(CprException.class, () -> KnownDates.parse("2. sept. 1962")).status());
    assertSame(Status.E_DATE, assertThrows(CprException.class,
        () -> KnownDates.of(LocalDate.of(1800, 1, 1))).status());
  }

  @Test
  public void replacementNumbersWhenAllowed() {
    ParseOptions allow = PINNED.toBuilder().allowReplacement(true).build();
    Cpr x = Cpr.parse("0203291WQ3", allow);
    assertEquals(Optional.of(ReplacementKind.X_ECPR), x.replacement());
    assertEquals(LocalDate.of(1929, 3, 2), x.birthDate());
    assertSame(Sex.MALE, x.sex());
    assertFalse(x.mod11());
    assertEquals("0203291WQ3", x.digits());
    assertEquals("020329-1WQ3", x.formatted());
    assertEquals("020329-XXXX", x.masked());
    assertEquals(97, x.age(LocalDate.of(2026, 11, 26)));

    Cpr d = Cpr.parse("1503750HA2", allow);
    assertEquals(Optional.of(ReplacementKind.D_ECPR), d.replacement());
    assertEquals(LocalDate.of(1975, 3, 15), d.birthDate());
    assertSame(Sex.FEMALE, d.sex());

    Cpr office = Cpr.parse("6701651004", allow);
    assertEquals(Optional.of(ReplacementKind.CPR_OFFICE), office.replacement());
    assertEquals(LocalDate.of(1965, 1, 7), office.birthDate());
    assertSame(Sex.FEMALE, office.sex());
    assertTrue(office.mod11());
    assertEquals("670165-1004", office.formatted());
    assertEquals(61, office.age(LocalDate.of(2026, 11, 26)));

    assertSame(Status.E_CHAR, statusOf("0203292WQ3", allow));
    assertSame(Status.E_DATE, statusOf("9201901005", allow));
  }

  @Test
  public void lenientFormsIncludingDigitsOutsideTheBmp() {
    ParseOptions lenient = PINNED.toBuilder().lenient(true).build();
    assertFalse(Cpr.isValid(" 070761-4285 ", PINNED));
    assertEquals("0707614285", Cpr.parse(" 070761\u20134285\n", lenient).digits());
    assertEquals("0707614285",
        Cpr.parse("\uff10\uff17\uff10\uff17\uff16\uff11-\uff14\uff12\uff18\uff15", lenient)
            .digits());
    // MATHEMATICAL BOLD DIGITs (U+1D7CE..): surrogate pairs in Java, 4 bytes in UTF-8.
    StringBuilder bold = new StringBuilder();
    for (char c : "0707614285".toCharArray()) {
      bold.appendCodePoint(0x1D7CE + (c - '0'));
    }
    assertEquals("0707614285", Cpr.parse(bold.toString(), lenient).digits());
  }

  @Test
  public void ageInWholeYears() {
    Cpr cpr = Cpr.parse("070761-4285");
    assertEquals(65, cpr.age(LocalDate.of(2026, 11, 26)));
    assertEquals(0, cpr.age(LocalDate.of(1961, 7, 7)));
    assertEquals(0, cpr.age(LocalDate.of(1962, 7, 6)));
    assertEquals(1, cpr.age(LocalDate.of(1962, 7, 7)));
    CprException e = assertThrows(CprException.class, () -> cpr.age(LocalDate.of(1961, 7, 6)));
    assertSame(Status.E_FUTURE, e.status());
  }

  @Test
  public void nullsAndEquality() {
    assertThrows(NullPointerException.class, () -> Cpr.parse(null));
    assertFalse(Cpr.isValid(null));
    assertSame(Status.E_NULL, Cpr.check(null, PINNED));
    assertEquals(Cpr.parse("070761-4285"), Cpr.parse("0707614285"));
    assertEquals(Cpr.parse("070761-4285").hashCode(), Cpr.parse("070761 4285").hashCode());
    assertFalse(Cpr.parse("070761-4285").equals(Cpr.parse("211062-5629")));
  }
}
