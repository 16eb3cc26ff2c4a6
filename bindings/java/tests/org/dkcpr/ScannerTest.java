// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class ScannerTest {
  private static final String EMOJI = "\ud83d\ude00"; // U+1F600: two chars, four UTF-8 bytes

  @Test
  public void findsANumberWithItsPosition() {
    String text = "Kunde 070761-4285 ringede";
    List<Match> found = Scanner.scan(text);
    assertEquals(1, found.size());
    Match m = found.get(0);
    assertEquals(6, m.start());
    assertEquals(17, m.end());
    assertEquals("070761-4285", m.text());
    assertEquals("0707614285", m.digits());
    assertTrue(m.mod11());
    assertEquals(Optional.empty(), m.replacement());
    assertTrue(m.toString().contains("070761XXXX"));
  }

  @Test
  public void offsetsAreUtf16WithSurrogatePairsBeforeTheMatch() {
    String text = EMOJI + EMOJI + " æøå cpr: 070761-4285, " + EMOJI + " og 2110620629 \ud800 211062-5629.";
    List<Match> found = Scanner.scan(text);
    assertEquals(3, found.size());
    String[] numbers = {"070761-4285", "2110620629", "211062-5629"};
    for (int i = 0; i < numbers.length; i++) {
      Match m = found.get(i);
      int at = text.indexOf(numbers[i]);
      assertEquals(numbers[i], at, m.start());
      assertEquals(numbers[i], at + numbers[i].length(), m.end());
      assertEquals(numbers[i], text.substring((int) m.start(), (int) m.end()));
      assertEquals(numbers[i], m.text());
    }
  }

  @Test
  public void notAdjacentToFurtherDigits() {
    assertEquals(List.of(), Scanner.scan("ordre 10707614285 og 07076142851"));
    assertEquals(List.of(), Scanner.scan(""));
  }

  @Test
  public void minimumConfidenceFilters() {
    ScanOptions high = ScanOptions.builder().minConfidence(Confidence.HIGH).build();
    // Compact, no mod 11, no context word: found by default, not at HIGH.
    List<Match> low = Scanner.scan("ref 2110620629");
    assertEquals(1, low.size());
    assertEquals(Confidence.LOW, low.get(0).confidence());
    assertEquals(List.of(), Scanner.scan("ref 2110620629", high));
    List<Match> strong = Scanner.scan("CPR-nr.: 070761-4285", high);
    assertEquals(1, strong.size());
    assertEquals(Confidence.HIGH, strong.get(0).confidence());
  }

  @Test
  public void streamingGivesTheSameMatchesAsAWholeString() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      sb.append(i % 3 == 0 ? EMOJI : "ø").append(" linje ").append(i).append(": cpr ")
          .append(i % 2 == 0 ? "070761-4285" : "2110620629").append('\n');
    }
    String text = sb.toString();
    List<Match> whole = Scanner.scan(text);
    assertEquals(3000, whole.size());
    for (int chunk : new int[] {1, 3, 7, 4096, 100000}) {
      List<Match> streamed = new ArrayList<>();
      Scanner.scan(new ChoppyReader(text, chunk), streamed::add);
      assertEquals("chunk " + chunk, whole, streamed);
    }
  }

  /** Hands out at most n chars per read, so surrogate pairs and numbers get split. */
  static final class ChoppyReader extends Reader {
    private final StringReader in;
    private final int n;

    ChoppyReader(String text, int n) {
      this.in = new StringReader(text);
      this.n = n;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      return in.read(buf, off, Math.min(len, n));
    }

    @Override
    public void close() {
      in.close();
    }
  }
}
