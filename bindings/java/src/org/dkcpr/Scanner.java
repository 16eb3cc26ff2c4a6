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
import java.util.Objects;
import java.util.function.Consumer;
import org.dkcpr.internal.DkcprNative;

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
  /** Longs per match in the native result (see dkcpr_jni.h). */
  private static final int MATCH_LONGS = 5;
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
    ParseOptions p = options.parse();
    long[] packed;
    try {
      packed = DkcprNative.scan(text.getBytes(StandardCharsets.UTF_8), p.policy().ordinal(),
          p.flags(), p.refYear(), p.refMonth(), p.refDay(), p.datesHandle(),
          options.scanFlags(), options.minConfidence().code());
    } finally {
      Reference.reachabilityFence(p);
    }
    List<Match> out = new ArrayList<>(packed.length / MATCH_LONGS);
    unpack(packed, new Utf16Window(text), out::add);
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
    ParseOptions p = options.parse();
    long handle = DkcprNative.scannerNew(p.policy().ordinal(), p.flags(), p.refYear(),
        p.refMonth(), p.refDay(), p.datesHandle(), options.scanFlags(),
        options.minConfidence().code());
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
        long[] packed = DkcprNative.scannerFeed(handle, bytes.array(), 0, bytes.limit(),
            eof ? 1 : 0);
        fed += bytes.limit();
        bytes.clear();
        unpack(packed, window, sink);
        window.dropBefore(fed - WINDOW_BYTES);
      }
    } finally {
      DkcprNative.scannerFree(handle);
      Reference.reachabilityFence(p);
    }
  }

  private static void unpack(long[] packed, Utf16Window window, Consumer<? super Match> sink) {
    for (int i = 0; i + MATCH_LONGS <= packed.length; i += MATCH_LONGS) {
      long start = window.toChar(packed[i]);
      long end = window.toChar(packed[i + 1]);
      int meta = (int) packed[i + 2];
      char[] digits = new char[10];
      for (int k = 0; k < 8; k++) {
        digits[k] = (char) ((packed[i + 3] >>> (8 * k)) & 0xff);
      }
      digits[8] = (char) (packed[i + 4] & 0xff);
      digits[9] = (char) ((packed[i + 4] >>> 8) & 0xff);
      sink.accept(new Match(start, end, window.text(start, end), new String(digits),
          meta & 0xff, ((meta >>> 8) & 0xff) != 0, Confidence.of((meta >>> 16) & 0xff)));
    }
  }
}
