// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** UTF-8 chunks in and out of a {@link Washer}: from bytes, streams and readers, to writers. */
final class Chunks {
  private Chunks() {}

  /** A source of UTF-8 chunks: fills buf, returns the byte count or -1 at the end. */
  interface Source {
    int read(byte[] buf) throws IOException;
  }

  /** At least max bytes from source (whole reads, so perhaps more); fewer only at its end. */
  static byte[] readUpTo(Source source, int max) throws IOException {
    java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
    byte[] buf = new byte[max];
    int n;
    while (got.size() < max && (n = source.read(buf)) >= 0) {
      got.write(buf, 0, n);
    }
    return got.toByteArray();
  }

  /** The bytes head, then what source gives. */
  static Source prepend(byte[] head, Source source) {
    return new Source() {
      private int at;

      @Override
      public int read(byte[] buf) throws IOException {
        if (at >= head.length) {
          return source.read(buf);
        }
        int n = Math.min(buf.length, head.length - at);
        System.arraycopy(head, at, buf, 0, n);
        at += n;
        return n;
      }
    };
  }

  static final class ArraySource implements Source {
    private final byte[] data;
    private int at;

    ArraySource(byte[] data) {
      this.data = data;
    }

    @Override
    public int read(byte[] buf) {
      if (at >= data.length) {
        return -1;
      }
      int n = Math.min(buf.length, data.length - at);
      System.arraycopy(data, at, buf, 0, n);
      at += n;
      return n;
    }
  }

  static final class StreamSource implements Source {
    private final InputStream in;

    StreamSource(InputStream in) {
      this.in = in;
    }

    @Override
    public int read(byte[] buf) throws IOException {
      int n = in.read(buf, 0, buf.length);
      while (n == 0) {
        n = in.read(buf, 0, buf.length);
      }
      return n;
    }
  }

  /** Characters to UTF-8; a surrogate pair split between reads is kept for the next one. */
  static final class ReaderSource implements Source {
    private final Reader in;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars;
    private boolean done;

    /** At most chars chars per read: their UTF-8 must fit the caller's buffer. */
    ReaderSource(Reader in, int chars) {
      this.in = in;
      this.chars = CharBuffer.allocate(chars);
    }

    @Override
    public int read(byte[] buf) throws IOException {
      if (done) {
        return -1;
      }
      ByteBuffer bytes = ByteBuffer.wrap(buf);
      boolean eof = in.read(chars) < 0;
      chars.flip();
      encoder.encode(chars, bytes, eof);
      if (eof) {
        encoder.flush(bytes);
        done = true;
      }
      chars.compact();
      return bytes.position();
    }
  }

  /** UTF-8 to characters; a sequence split between writes is kept for the next one. */
  static final class WriterSink extends OutputStream {
    private final Writer out;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending;
    private final CharBuffer chars;

    WriterSink(Writer out, int chunk) {
      this.out = out;
      this.pending = ByteBuffer.allocate(chunk);
      this.chars = CharBuffer.allocate(chunk);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (pending.remaining() < len) {
        ByteBuffer bigger = ByteBuffer.allocate(pending.position() + len);
        pending.flip();
        bigger.put(pending);
        pending = bigger;
      }
      pending.put(b, off, len);
      drain(false);
    }

    @Override
    public void flush() throws IOException {
      drain(true);
      out.flush();
    }

    private void drain(boolean end) throws IOException {
      pending.flip();
      while (true) {
        var result = decoder.decode(pending, chars, end);
        chars.flip();
        out.append(chars);
        chars.clear();
        if (!result.isOverflow()) {
          break;
        }
      }
      if (end) {
        while (decoder.flush(chars).isOverflow()) {
          chars.flip();
          out.append(chars);
          chars.clear();
        }
        chars.flip();
        out.append(chars);
        chars.clear();
      }
      pending.compact();
    }
  }
}
