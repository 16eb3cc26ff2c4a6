// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/**
 * {@link WashStats} by kind and confidence, checked against what {@link Scanner} finds in the
 * same text (another path through the C library) and against the kinds written into the text.
 */
public class WashStatsTest {
  private static final Optional<ReplacementKind> CPR = Optional.empty();
  private static final Optional<ReplacementKind> OFFICE = Optional.of(ReplacementKind.CPR_OFFICE);
  private static final Optional<ReplacementKind> XECPR = Optional.of(ReplacementKind.X_ECPR);
  private static final Optional<ReplacementKind> DECPR = Optional.of(ReplacementKind.D_ECPR);

  /** Three ordinary numbers, two day + 60 numbers, one X-eCPR; no D-eCPR. */
  private static final String TEXT = "Borger cpr 070761-4285 ringede.\n"
      + "Tal: 2110620629 og 211062 5629; erstatning 670761-4285 og 8110620629.\n"
      + "Turist med e-CPR 0703921VJ5.\n";

  private static WashStats wash(Washer w) throws Exception {
    return w.wash(new StringReader(TEXT), new StringWriter());
  }

  @Test
  public void countsByKindAndConfidenceAgreeWithTheScanner() throws Exception {
    List<Match> matches = Scanner.scan(TEXT);
    assertEquals(6, matches.size());
    WashStats s = wash(Washer.builder().mode(WashMode.MASK).build());
    assertEquals(6, s.found());
    assertEquals(6, s.replaced());
    assertEquals(0, s.failed());
    assertEquals(3, s.found(CPR));
    assertEquals(2, s.found(OFFICE));
    assertEquals(1, s.found(XECPR));
    assertEquals(0, s.found(DECPR));
    for (Optional<ReplacementKind> kind : List.of(CPR, OFFICE, XECPR, DECPR)) {
      for (Confidence c : Confidence.values()) {
        long expected = matches.stream()
            .filter(m -> m.replacement().equals(kind) && m.confidence() == c).count();
        assertEquals(kind + " " + c, expected, s.found(kind, c));
        assertEquals(kind + " " + c, expected, s.replaced(kind, c));
      }
    }
    for (Confidence c : Confidence.values()) {
      long expected = matches.stream().filter(m -> m.confidence() == c).count();
      assertEquals(c.toString(), expected, s.found(c));
      assertEquals(c.toString(), expected, s.replaced(c));
    }
    // The context word makes the first number a high-confidence one; the bare ones are not,
    // so more than one confidence is counted.
    assertEquals(Confidence.HIGH, matches.get(0).confidence());
    assertTrue(matches.stream().map(Match::confidence).distinct().count() >= 2);
    assertEquals(6, s.found(Confidence.LOW) + s.found(Confidence.MEDIUM)
        + s.found(Confidence.HIGH));
    byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
    assertEquals(utf8.length, s.bytesIn());
    assertEquals(utf8.length, s.bytesOut());
  }

  @Test
  public void theMinimumConfidenceLimitsWhatIsCounted() throws Exception {
    ScanOptions high = ScanOptions.builder().minConfidence(Confidence.HIGH).build();
    WashStats s = wash(Washer.builder().mode(WashMode.MASK).scan(high).build());
    long expected = Scanner.scan(TEXT).stream()
        .filter(m -> m.confidence() == Confidence.HIGH).count();
    assertEquals(expected, s.found());
    assertEquals(expected, s.found(Confidence.HIGH));
    assertEquals(0, s.found(Confidence.LOW) + s.found(Confidence.MEDIUM));
  }

  @Test
  public void numbersLeftUnchangedCountAsFailed() throws Exception {
    try (Pseudonymizer p = Pseudonymizer.builder(Vectors.testKey()).neverReal(true).build()) {
      // Revealing under never-real: the ordinary CPR numbers are no pseudonyms of it.
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      WashStats s = Washer.builder().pseudonymizer(p).mode(WashMode.REVEAL).build()
          .wash(new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8)), out);
      assertEquals(6, s.found());
      assertEquals(3, s.failed());
      assertEquals(3, s.found(CPR) - s.replaced(CPR));
      assertEquals(s.found() - s.failed(), s.replaced());
      String revealed = out.toString(StandardCharsets.UTF_8);
      assertTrue(revealed.contains("070761-4285"));
    }
  }

  @Test
  public void valueSemantics() throws Exception {
    Washer mask = Washer.builder().mode(WashMode.MASK).build();
    WashStats a = wash(mask);
    WashStats b = wash(mask);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, mask.wash(new StringReader("070761-4285"), new StringWriter()));
    assertEquals("WashStats[bytesIn=" + a.bytesIn() + ", bytesOut=" + a.bytesOut()
        + ", found=6, replaced=6, irreversible=0, failed=0, structure=TEXT]", a.toString());
    assertThrows(NullPointerException.class, () -> a.found((Confidence) null));
    assertThrows(NullPointerException.class, () -> a.replaced(null, Confidence.LOW));
  }
}
