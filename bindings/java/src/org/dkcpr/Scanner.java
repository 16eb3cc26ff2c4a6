// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import java.io.IOException;
import java.io.Reader;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import org.dkcpr.internal.DkcprNative;
import org.dkcpr.internal.match;
import org.dkcpr.internal.scanner;

/**
 * Finds CPR numbers in text ({@code dkcpr_scan}, {@code dkcpr_scanner}). Stateless and
 * thread-safe.
 *
 * <pre>{@code
 * for (Match m : Scanner.scan("Kunde 070761-4285 ringede")) {
 *   System.out.println(m.start() + ".." + m.end() + " " + m.confidence());
 * }
 * }</pre>
 *
 * <p>Positions are UTF-16 indices, as Java strings count, even when characters outside the
 * Basic Multilingual Plane (emoji) come before a match. Unpaired surrogates in the input are
 * read as {@code '?'}, as {@link String#getBytes(java.nio.charset.Charset)} does.
 */
public final class Scanner {
  static final int CHUNK_CHARS = 1 << 15;
  /** How far behind the input a match may still start, in bytes. */
  private static final long WINDOW_BYTES = 1 << 16;

  private Scanner() {}

  /** Every number in {@code text}, with the {@link ScanOptions#DEFAULT default options}. */
  public static List<Match> scan(String text) {
    return scan(text, ScanOptions.DEFAULT);
  }

  /** Every number in {@code text} that the options let through, in order. */
  public static List<Match> scan(String text, ScanOptions options) {
    Objects.requireNonNull(text, "text");
    List<Match> out = new ArrayList<>();
    scanner s = new scanner(options.c());
    match m = new match();
    try {
      DkcprNative.scanner_feed(s, text.getBytes(StandardCharsets.UTF_8));
      DkcprNative.scanner_finish(s);
      take(s, m, new Utf16Window(text), out::add);
    } finally {
      m.delete();
      s.delete();
      Reference.reachabilityFence(options);
    }
    return Collections.unmodifiableList(out);
  }

  /** {@link #scan(Reader, ScanOptions, Consumer)} with the default options. */
  public static void scan(Reader in, Consumer<? super Match> sink) throws IOException {
    scan(in, ScanOptions.DEFAULT, sink);
  }

  /**
   * Streams {@code in} through the scanner in chunks, in bounded memory, giving each match
   * to {@code sink} as soon as it is complete; a number split between two reads is still
   * found. Offsets count from the start of the stream. Does not close {@code in}.
   */
  public static void scan(Reader in, ScanOptions options, Consumer<? super Match> sink)
      throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sink, "sink");
    scanner s = new scanner(options.c());
    match m = new match();
    try {
      CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
      CharBuffer chars = CharBuffer.allocate(CHUNK_CHARS);
      ByteBuffer bytes = ByteBuffer.allocate(CHUNK_CHARS * 3 + 8);
      Utf16Window window = new Utf16Window();
      long fed = 0;
      boolean eof = false;
      while (!eof) {
        eof = in.read(chars) < 0;
        chars.flip();
        int from = chars.position();
        encoder.encode(chars, bytes, eof);
        if (eof) {
          encoder.flush(bytes);
        }
        int consumed = chars.position() - from;
        CharBuffer done = chars.duplicate();
        done.position(from).limit(from + consumed);
        window.append(done, 0, consumed);
        chars.compact();
        bytes.flip();
        DkcprNative.scanner_feed(s, Arrays.copyOf(bytes.array(), bytes.limit()));
        if (eof) {
          DkcprNative.scanner_finish(s);
        }
        fed += bytes.limit();
        bytes.clear();
        take(s, m, window, sink);
        window.dropBefore(fed - WINDOW_BYTES);
      }
    } finally {
      m.delete();
      s.delete();
      Reference.reachabilityFence(options);
    }
  }

  /** Every match available now, from a native {@code dkcpr_match}: the one place that reads its fields. */
  private static void take(scanner s, match m, Utf16Window window, Consumer<? super Match> sink) {
    while (DkcprNative.scanner_next(m, s) != 0) {
      long start = window.toChar(m.getStart());
      long end = window.toChar(m.getEnd());
      sink.accept(new Match(start, end, window.text(start, end), m.getDigits(),
          ReplacementKind.of(m.getKind()), m.getMod11() != 0,
          Confidence.of(m.getConfidence())));
    }
  }
}
