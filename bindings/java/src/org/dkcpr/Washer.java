// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.dkcpr.internal.DkcprNative;
import org.dkcpr.internal.DkcprNativeConstants;
import org.dkcpr.internal.pseudonymizer;
import org.dkcpr.internal.rules;
import org.dkcpr.internal.sniff_kind;
import org.dkcpr.internal.sniffed;
import org.dkcpr.internal.struct_counts;
import org.dkcpr.internal.struct_error;
import org.dkcpr.internal.struct_washer;
import org.dkcpr.internal.wash_options;
import org.dkcpr.internal.wash_stats;
import org.dkcpr.internal.washer;

/**
 * Replaces every CPR number found in text and keeps everything else exactly as it was
 * ({@code dkcpr_washer}): the Java face of {@code dkcpr wash}.
 *
 * <pre>{@code
 * try (Pseudonymizer p = new Pseudonymizer(key)) {
 *   Washer washer = Washer.builder().pseudonymizer(p).build();
 *   String safe = washer.wash("Kunde 070761-4285 ringede");
 *   try (Reader in = Files.newBufferedReader(dump); Writer out = Files.newBufferedWriter(test)) {
 *     WashStats stats = washer.wash(in, out);
 *   }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe: every call uses its own native washer. The
 * {@link Pseudonymizer} is borrowed, not owned; it must stay open while washing. Streams are
 * read in chunks in bounded memory, and a number split between two reads is still found.
 * The not-yet-born check is never applied, so a wash and a {@link WashMode#REVEAL} wash are
 * exact inverses.
 *
 * <p>By structure, with rules as {@code dkcpr wash --rules} reads them: the CPR number in
 * each row is pseudonymized, and the birth date and sex columns are written from the
 * pseudonym, so the row stays consistent.
 *
 * <pre>{@code
 * Washer washer = Washer.builder().pseudonymizer(p).format(DataFormat.CSV)
 *     .rules("fields:\n  cpr_nr: cpr\n  born: {birth_date: DD.MM.YYYY}\n"
 *         + "  sex: {sex: {male: M, female: K}}\n  phone: redact\n")
 *     .build();
 * }</pre>
 */
public final class Washer {
  private static final int CHUNK = 1 << 16;

  private final Pseudonymizer pseudonymizer;
  private final WashMode mode;
  private final ScanOptions scan;
  private final int tokenChars;
  private final byte[] placeholder;
  private final DataFormat format;
  private final byte[] cprFields;
  private final rules rules; // immutable; freed when unreachable
  private final wash_options c;

  private Washer(Builder b) {
    this.pseudonymizer = b.pseudonymizer;
    this.mode = b.mode;
    this.scan = b.scan;
    this.tokenChars = b.tokenChars;
    this.placeholder = b.placeholder;
    this.format = b.format;
    this.cprFields = b.cprFields;
    this.rules = b.rules;
    this.c = new wash_options();
    fill(c);
  }

  /** Writes these options into a native {@code dkcpr_wash_options}: the one place that knows its fields. */
  private void fill(wash_options o) {
    DkcprNative.wash_options_init(o, DkcprNativeConstants.WASH_OPTIONS_VERSION);
    o.setMode(mode.c);
    // A number pseudonyms cannot map reversibly gets the keyed token, as in dkcpr wash.
    o.setFallback(WashMode.TOKEN.c);
    if (tokenChars > 0) {
      o.setToken_chars(tokenChars);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public WashMode mode() {
    return mode;
  }

  /** The structure inputs are read by. */
  public DataFormat format() {
    return format;
  }

  /**
   * Washes a whole string.
   *
   * @throws CprException with {@link Status#E_SYNTAX} if the text is not in the {@link
   *     DataFormat} (the message gives the line and column); with {@link Status#E_ARG} if
   *     {@link DataFormat#AUTO} reads it in a format the rules cannot rewrite
   */
  public String wash(String text) {
    Objects.requireNonNull(text, "text");
    byte[] in = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 64);
    try {
      run(new Chunks.ArraySource(in), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen with in-memory streams
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Washes UTF-8 bytes from {@code in} to {@code out}; invalid UTF-8 passes through
   * untouched. Closes neither stream. The first bytes are looked at first, as the
   * {@code dkcpr} program does, so nothing is washed as UTF-8 that is not: compressed
   * input, text in another encoding (UTF-16, UTF-32, Windows-1252) and formats that are
   * not text (archives, databases, binary data) throw, naming what the input is and how
   * to read it as text (for example a {@code GZIPInputStream}, or an
   * {@code InputStreamReader} with the charset for {@link #wash(Reader, Writer)}).
   *
   * @throws IllegalArgumentException if the input is not UTF-8 text; nothing is written
   */
  public WashStats wash(InputStream in, OutputStream out) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    byte[] head = in.readNBytes(DkcprNativeConstants.SNIFF_BYTES);
    requireUtf8Text(head, head.length < DkcprNativeConstants.SNIFF_BYTES);
    InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head), in);
    return run(new Chunks.StreamSource(whole), out);
  }

  /** Throws unless the first bytes of a stream are UTF-8 text. */
  private static void requireUtf8Text(byte[] head, boolean atEof) {
    sniffed s = new sniffed();
    s.setVersion(DkcprNativeConstants.SNIFFED_VERSION);
    DkcprNative.sniff(s, head, atEof ? 1 : 0);
    sniff_kind kind = s.getKind();
    if (kind == sniff_kind.SNIFF_COMPRESSED) {
      throw new IllegalArgumentException("the input is "
          + DkcprNative.compression_name(s.getCompression())
          + "-compressed: decompress it first (java.util.zip.GZIPInputStream for gzip)");
    }
    if (kind != sniff_kind.SNIFF_TEXT) {
      throw new IllegalArgumentException("the input is " + s.getWhat() + " and cannot be "
          + "washed as text: " + s.getWay_out());
    }
    if (s.getCharset() != null) {
      throw new IllegalArgumentException("the input is " + s.getCharset() + " text: read it "
          + "with an InputStreamReader for that charset and wash(Reader, Writer)");
    }
  }

  /** Washes characters from {@code in} to {@code out}. Closes neither. */
  public WashStats wash(Reader in, Writer out) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    return run(new Chunks.ReaderSource(in, CHUNK / 4), new Chunks.WriterSink(out, CHUNK));
  }

  private WashStats run(Chunks.Source source, OutputStream out) throws IOException {
    long stamp = 0;
    pseudonymizer p = null;
    if (pseudonymizer != null) {
      stamp = pseudonymizer.lock();
      p = pseudonymizer.handle();
    }
    try {
      if (format == DataFormat.TEXT) {
        return runText(p, source, out, null);
      }
      if (format != DataFormat.AUTO) {
        return runStructured(p, format, null, source, out);
      }
      // As dkcpr wash --format=auto: the structure guessed from the first chunk, which is
      // washed as text when it does not parse in it (nothing is written before it has).
      byte[] head = Chunks.readUpTo(source, CHUNK);
      DataFormat guessed = DataFormat.guess(head);
      requireRulesFit(rules, guessed);
      if (guessed == DataFormat.TEXT) {
        return runText(p, Chunks.prepend(head, source), out, null);
      }
      try {
        return runStructured(p, guessed, head, source, out);
      } catch (FirstChunkException e) {
        if (!rulesFit(rules, DataFormat.TEXT)) {
          throw e.error; // washed as text, the rules would be dropped
        }
        return runText(p, Chunks.prepend(head, source), out,
            e.error.getMessage() + "; washed as text");
      }
    } finally {
      if (pseudonymizer != null) {
        pseudonymizer.unlock(stamp);
      }
      Reference.reachabilityFence(this);
    }
  }

  private WashStats runText(pseudonymizer p, Chunks.Source source, OutputStream out,
      String note) throws IOException {
    washer w = new washer(p, scan.c(), c, placeholder);
    try {
      byte[] buf = new byte[CHUNK];
      byte[] dst = new byte[(int) Math.min(Integer.MAX_VALUE - 16,
          DkcprNative.washer_bound(w, CHUNK))];
      int n;
      while ((n = source.read(buf)) >= 0) {
        int written = DkcprNative.washer_feed(dst, w, n == CHUNK ? buf : Arrays.copyOf(buf, n));
        out.write(dst, 0, written);
      }
      int written = DkcprNative.washer_finish(dst, w);
      out.write(dst, 0, written);
      out.flush();
      wash_stats stats = new wash_stats();
      try {
        stats.setVersion(DkcprNativeConstants.WASH_STATS_VERSION);
        DkcprNative.washer_stats(stats, w);
        return WashStats.of(stats, null, rules == null ? 0 : rules.field_count(),
            DataFormat.TEXT, note);
      } finally {
        stats.delete();
      }
    } finally {
      w.delete();
    }
  }

  /** A syntax error in an {@code auto} wash's first chunk: it is washed as text instead. */
  private static final class FirstChunkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final CprException error;

    FirstChunkException(CprException error) {
      super(error.getMessage(), null, false, false);
      this.error = error;
    }
  }

  /**
   * {@link #run} by structure; the pseudonymizer is locked by the caller. With {@code head}
   * (an {@code auto} wash's first chunk, shorter than a chunk at the end of the input), a
   * syntax error there throws {@link FirstChunkException} before anything is written.
   */
  private WashStats runStructured(pseudonymizer p, DataFormat used, byte[] head,
      Chunks.Source source, OutputStream out) throws IOException {
    struct_washer w = new struct_washer(p, scan.c(), c, placeholder, used.c.swigValue(),
        cprFields, rules);
    try {
      byte[] buf = new byte[CHUNK];
      byte[] dst = new byte[(int) Math.min(Integer.MAX_VALUE - 16, DkcprNative.struct_washer_bound(
          w, Math.max(CHUNK, head != null ? head.length : 0)))];
      boolean ended = false;
      if (head != null) {
        ended = head.length < CHUNK;
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        try {
          first.write(dst, 0, DkcprNative.struct_washer_feed(dst, w, head));
          if (ended) {
            first.write(dst, 0, DkcprNative.struct_washer_finish(dst, w));
          }
        } catch (CprException e) {
          if (e.status() == Status.E_SYNTAX) {
            throw new FirstChunkException(syntaxError(w, used, e));
          }
          throw e;
        }
        first.writeTo(out);
      }
      try {
        if (!ended) {
          int n;
          while ((n = source.read(buf)) >= 0) {
            int written = DkcprNative.struct_washer_feed(dst, w,
                n == CHUNK ? buf : Arrays.copyOf(buf, n));
            out.write(dst, 0, written);
          }
          out.write(dst, 0, DkcprNative.struct_washer_finish(dst, w));
        }
      } catch (CprException e) {
        throw e.status() == Status.E_SYNTAX ? syntaxError(w, used, e) : e;
      }
      out.flush();
      wash_stats stats = new wash_stats();
      struct_counts counts = new struct_counts();
      try {
        stats.setVersion(DkcprNativeConstants.WASH_STATS_VERSION);
        counts.setVersion(DkcprNativeConstants.STRUCT_COUNTS_VERSION);
        DkcprNative.struct_washer_stats(stats, counts, w);
        return WashStats.of(stats, counts, used, null);
      } finally {
        stats.delete();
        counts.delete();
      }
    } finally {
      w.delete();
    }
  }

  /** Where the input stopped being in the format, as a CprException. */
  private static CprException syntaxError(struct_washer w, DataFormat used, CprException cause) {
    struct_error e = new struct_error();
    try {
      e.setVersion(DkcprNativeConstants.STRUCT_ERROR_VERSION);
      DkcprNative.struct_washer_error(e, w);
      return new CprException(cause.code(), "not valid " + DkcprNative.data_format_name(used.c)
          + ": line " + e.getLine() + ", column " + e.getColumn() + ": " + e.getMessage());
    } finally {
      e.delete();
    }
  }

  /** Rules from YAML text, or a CprException that says where the text is wrong. */
  private static rules parseRules(String yaml) {
    struct_error e = new struct_error();
    try {
      e.setVersion(DkcprNativeConstants.STRUCT_ERROR_VERSION);
      return new rules(e, yaml.getBytes(StandardCharsets.UTF_8));
    } catch (CprException x) {
      if (x.status() != Status.E_SYNTAX) {
        throw x;
      }
      throw new CprException(x.code(), "not valid rules: line " + e.getLine() + ", column "
          + e.getColumn() + ": " + e.getMessage());
    } finally {
      e.delete();
    }
  }

  /**
   * Whether the library takes these rules for {@code used}: rules that rewrite values need
   * rows. Asked with a washer that needs no key, so E_ARG can only mean the rules.
   */
  private static boolean rulesFit(rules r, DataFormat used) {
    if (r == null) {
      return true;
    }
    wash_options o = new wash_options();
    try {
      DkcprNative.wash_options_init(o, DkcprNativeConstants.WASH_OPTIONS_VERSION);
      o.setMode(WashMode.MASK.c);
      new struct_washer(null, null, o, null, used.c.swigValue(), null, r).delete();
      return true;
    } catch (CprException e) {
      if (e.status() != Status.E_ARG) {
        throw e;
      }
      return false;
    } finally {
      o.delete();
    }
  }

  private static void requireRulesFit(rules r, DataFormat used) {
    if (!rulesFit(r, used)) {
      throw new CprException(Status.E_ARG.code(), "rules other than cpr rewrite values, which "
          + "needs fields: DataFormat." + used + " has none (use CSV, TSV, JSON, JSONL or SQL)");
    }
  }

  /** Builds a {@link Washer}; not thread-safe. */
  public static final class Builder {
    private Pseudonymizer pseudonymizer;
    private WashMode mode = WashMode.PSEUDONYM;
    private ScanOptions scan = ScanOptions.DEFAULT;
    private int tokenChars = Pseudonymizer.TOKEN_DEFAULT_CHARS;
    private byte[] placeholder;
    private DataFormat format = DataFormat.TEXT;
    private byte[] cprFields;
    private rules rules;

    private Builder() {}

    /** The structure inputs are read by; default {@link DataFormat#TEXT}. */
    public Builder format(DataFormat format) {
      this.format = Objects.requireNonNull(format, "format");
      return this;
    }

    /**
     * More field names that hold CPR numbers, besides those whose names say so (used by the
     * structured formats).
     *
     * @throws IllegalArgumentException for an empty name or one with a comma
     */
    public Builder cprFields(String... names) {
      StringBuilder all = new StringBuilder();
      for (String name : names) {
        if (name == null || name.isEmpty() || name.indexOf(',') >= 0) {
          throw new IllegalArgumentException("a CPR field name must be non-empty, without ','");
        }
        all.append(all.length() == 0 ? "" : ",").append(name);
      }
      this.cprFields = names.length == 0 ? null : all.toString().getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /**
     * Rules for washing by structure, as {@code dkcpr wash --rules} reads them (see
     * docs/rules.md): YAML naming fields that hold CPR numbers ({@code cpr}), are redacted
     * ({@code redact}) or emptied ({@code empty}), and companions ({@code birth_date},
     * {@code birth_year}, {@code age}, {@code sex}) written from the row's CPR number, so the
     * row stays consistent. Rules other than {@code cpr} need {@link DataFormat#CSV},
     * {@link DataFormat#TSV} or {@link DataFormat#SQL}. A companion in a row without a CPR
     * number gets the placeholder, in SQL NULL (counted by {@link WashStats#ruleUnusable()}).
     * A {@link WashMode#REVEAL} wash needs the same rules to give companions back. Null for
     * none (the default).
     *
     * @throws CprException with {@link Status#E_SYNTAX} if the text is not valid rules (the
     *     message gives the line and column)
     */
    public Builder rules(String yaml) {
      this.rules = yaml == null ? null : parseRules(yaml);
      return this;
    }

    /** The pseudonymizer for {@link WashMode#PSEUDONYM}, {@link WashMode#TOKEN} and {@link WashMode#REVEAL}. */
    public Builder pseudonymizer(Pseudonymizer pseudonymizer) {
      this.pseudonymizer = pseudonymizer;
      return this;
    }

    /** What replaces each number; default {@link WashMode#PSEUDONYM}. */
    public Builder mode(WashMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** What is found; default {@link ScanOptions#DEFAULT}. */
    public Builder scan(ScanOptions scan) {
      this.scan = Objects.requireNonNull(scan, "scan");
      return this;
    }

    /** Token length for {@link WashMode#TOKEN}. */
    public Builder tokenChars(int tokenChars) {
      this.tokenChars = tokenChars;
      return this;
    }

    /** The text for {@link WashMode#REDACT}; default {@code [CPR]}. */
    public Builder placeholder(String placeholder) {
      this.placeholder = placeholder.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /**
     * @throws IllegalArgumentException if the mode needs a pseudonymizer and none was given
     * @throws CprException with {@link Status#E_ARG} if the rules rewrite values and the
     *     format has no rows (not {@link DataFormat#CSV}, {@link DataFormat#TSV} or {@link
     *     DataFormat#SQL}; {@link DataFormat#AUTO} is checked when the input is read)
     */
    public Washer build() {
      if (mode.needsPseudonymizer() && pseudonymizer == null) {
        throw new IllegalArgumentException("WashMode." + mode + " needs a Pseudonymizer");
      }
      if (format != DataFormat.AUTO) {
        requireRulesFit(rules, format);
      }
      return new Washer(this);
    }
  }
}
