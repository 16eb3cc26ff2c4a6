// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.Test;

public class WasherTest {
  private static final String EMOJI = "\ud83d\ude00";
  private static final String TEXT =
      EMOJI + " Kunde 070761-4285 ringede; æøå 2110620629.\nNæste: 211062-5629 " + EMOJI;

  @Test
  public void pseudonymWashAndRevealAreInverses() {
    try (Pseudonymizer p = new Pseudonymizer(Vectors.testKey())) {
      Washer wash = Washer.builder().pseudonymizer(p).build();
      String washed = wash.wash(TEXT);
      assertEquals(TEXT.replace("070761-4285", p.pseudonymize("070761-4285"))
          .replace("2110620629", p.pseudonymize("2110620629"))
          .replace("211062-5629", p.pseudonymize("211062-5629")), washed);
      assertFalse(washed.contains("070761-4285"));
      Washer reveal = Washer.builder().pseudonymizer(p).mode(WashMode.REVEAL).build();
      assertEquals(TEXT, reveal.wash(washed));
    }
  }

  /** Typed separators, escapes and glued numbers: found, washed digit by
   * digit (separators and escapes kept), revealed exactly. */
  @Test
  public void writtenFormsRoundTrip() {
    String[] forms = {
      "070761 - 4285", "070761\u22124285", "070761\u00ad4285", "/2024/08/0707614285.pdf",
      "q=cpr+0707614285", "070761%2D4285", "%30%37%30%37%36%31%2d%34%32%38%35",
      "070761&nbsp;4285", "&#48;&#55;&#48;&#55;&#54;&#49;&#x2011;&#52;&#50;&#56;&#53;",
      "070761\\u00a04285", "PID|1||0707614285^^^CPR^PN|"};
    try (Pseudonymizer p = new Pseudonymizer(Vectors.testKey())) {
      Washer wash = Washer.builder().pseudonymizer(p).build();
      Washer reveal = Washer.builder().pseudonymizer(p).mode(WashMode.REVEAL).build();
      for (String form : forms) {
        String text = EMOJI + " " + form + " æ";
        java.util.List<Match> found = Scanner.scan(text);
        assertEquals(form, 1, found.size());
        assertEquals(form, "0707614285", found.get(0).digits());
        String washed = wash.wash(text);
        assertEquals(form, text.length(), washed.length());
        for (int i = 0; i < text.length(); i++) {
          char a = text.charAt(i), b = washed.charAt(i);
          assertTrue(form, a == b || (Character.isDigit(a) && Character.isDigit(b)));
        }
        assertFalse(form, washed.equals(text));
        assertEquals(form, text, reveal.wash(washed));
      }
    }
  }

  @Test
  public void maskRedactAndToken() {
    Washer mask = Washer.builder().mode(WashMode.MASK).build();
    assertEquals("a 070761-XXXX b 211062XXXX", mask.wash("a 070761-4285 b 2110625629"));
    assertEquals("a [CPR] b", Washer.builder().mode(WashMode.REDACT).build().wash("a 070761-4285 b"));
    assertEquals("a <fjernet ø> b", Washer.builder().mode(WashMode.REDACT)
        .placeholder("<fjernet ø>").build().wash("a 070761-4285 b"));
    try (Pseudonymizer p = new Pseudonymizer(Vectors.testKey())) {
      assertEquals("a " + p.token("070761-4285") + " b",
          Washer.builder().pseudonymizer(p).mode(WashMode.TOKEN).build().wash("a 070761-4285 b"));
    }
    assertThrows(IllegalArgumentException.class, () -> Washer.builder().build());
  }

  @Test
  public void readerWriterStreamsMatchTheWholeString() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20000; i++) {
      sb.append(i % 5 == 0 ? EMOJI : "").append("række ").append(i).append(";070761-4285;")
          .append(i % 7 == 0 ? "\ud800" : "x").append('\n');
    }
    String text = sb.toString();
    try (Pseudonymizer p = new Pseudonymizer(Vectors.testKey())) {
      Washer wash = Washer.builder().pseudonymizer(p).build();
      String expected = wash.wash(text);
      for (int chunk : new int[] {1, 5, 8191, 1 << 20}) {
        StringWriter out = new StringWriter();
        WashStats stats = wash.wash(new ScannerTest.ChoppyReader(text, chunk), out);
        assertEquals("chunk " + chunk, expected, out.toString());
        assertEquals(20000, stats.found());
        assertEquals(20000, stats.replaced());
        assertEquals(0, stats.failed());
      }
    }
  }

  @Test
  public void byteStreamsPassInvalidUtf8Through() throws Exception {
    byte[] head = {(byte) 0xff, (byte) 0xc3, ' '};
    // Mostly UTF-8 (so not taken for another encoding), with two stray bytes.
    byte[] tail = " 070761-4285 \u00e6\u00f8\u00e5 \u00c6\u00d8\u00c5 \u00e6\u00e6\u00e6"
        .getBytes(StandardCharsets.UTF_8);
    byte[] in = new byte[head.length + tail.length];
    System.arraycopy(head, 0, in, 0, head.length);
    System.arraycopy(tail, 0, in, head.length, tail.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WashStats stats = Washer.builder().mode(WashMode.MASK).build()
        .wash(new ByteArrayInputStream(in), out);
    byte[] got = out.toByteArray();
    assertArrayEquals(head, Arrays.copyOf(got, head.length));
    assertTrue(new String(got, StandardCharsets.UTF_8).endsWith(" 070761-XXXX \u00e6\u00f8\u00e5 "
        + "\u00c6\u00d8\u00c5 \u00e6\u00e6\u00e6"));
    assertEquals(in.length, stats.bytesIn());
    assertEquals(got.length, stats.bytesOut());
    assertEquals(1, stats.replaced());
  }

  @Test
  public void byteStreamsThatAreNotUtf8TextAreRefused() throws Exception {
    Washer washer = Washer.builder().mode(WashMode.MASK).build();
    String text = "cpr 070761-4285\n";
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    byte[][] inputs = {
        zipped.toByteArray(),
        ("\ufeff" + text).getBytes(StandardCharsets.UTF_16LE),
        "SQLite format 3\u0000 070761-4285".getBytes(StandardCharsets.ISO_8859_1),
    };
    String[] words = {"gzip", "UTF-16LE", "sqlite3 DB .dump"};
    for (int i = 0; i < inputs.length; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] in = inputs[i];
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> washer.wash(new ByteArrayInputStream(in), out));
      assertTrue(e.getMessage(), e.getMessage().contains(words[i]));
      assertEquals(0, out.size());
    }
    // Decoded by the caller, the same UTF-16 text washes.
    StringWriter w = new StringWriter();
    washer.wash(new java.io.InputStreamReader(new ByteArrayInputStream(inputs[1]),
        StandardCharsets.UTF_16LE), w);
    assertTrue(w.toString().contains("070761-XXXX"));
  }
}
