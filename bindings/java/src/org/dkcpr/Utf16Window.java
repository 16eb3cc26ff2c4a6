// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

/**
 * Turns UTF-8 byte offsets into UTF-16 indices for text that Java encoded itself
 * ({@link String#getBytes} or a {@code CharsetEncoder} that replaces malformed input):
 * a lone surrogate became one byte ({@code '?'}), a surrogate pair four.
 *
 * <p>Holds a window of the text, from a known (char, byte) position on; a stream appends to
 * it and drops what lies far enough behind. Queries are cheapest in increasing order.
 */
final class Utf16Window {
  private final StringBuilder buffer; // null for a whole string, which is not copied
  private final CharSequence chars;
  private long baseChar; // index of chars[0] in the whole text
  private long baseByte; // its byte offset
  private int cursor; // index into chars
  private long cursorByte; // byte offset of chars[cursor]
  private long bytesTotal; // byte offset one past the last char held

  /** An empty window for a stream. */
  Utf16Window() {
    buffer = new StringBuilder();
    chars = buffer;
  }

  /** A whole string, used in place. */
  Utf16Window(String text) {
    buffer = null;
    chars = text;
    bytesTotal = utf8Length(text, 0, text.length());
  }

  void append(CharSequence text, int from, int to) {
    buffer.append(text, from, to);
    bytesTotal += utf8Length(text, from, to);
  }

  /** The UTF-16 index of a byte offset inside the window. */
  long toChar(long byteOffset) {
    if (byteOffset < baseByte || byteOffset > bytesTotal) {
      throw new IllegalStateException("byte offset " + byteOffset + " outside the text window");
    }
    if (byteOffset < cursorByte) {
      cursor = 0;
      cursorByte = baseByte;
    }
    while (cursorByte < byteOffset) {
      int step = charsAt(cursor);
      cursorByte += utf8Length(chars, cursor, cursor + step);
      cursor += step;
    }
    return baseChar + cursor;
  }

  /** The text between two UTF-16 indices inside the window. */
  String text(long startChar, long endChar) {
    return chars.subSequence((int) (startChar - baseChar), (int) (endChar - baseChar)).toString();
  }

  /** Forgets the text before byte offset keepFrom (rounded down to a char). */
  void dropBefore(long keepFrom) {
    if (keepFrom <= baseByte) {
      return;
    }
    if (keepFrom < cursorByte) {
      cursor = 0;
      cursorByte = baseByte;
    }
    while (cursor < chars.length()) {
      int step = charsAt(cursor);
      long next = cursorByte + utf8Length(chars, cursor, cursor + step);
      if (next > keepFrom) {
        break;
      }
      cursorByte = next;
      cursor += step;
    }
    buffer.delete(0, cursor);
    baseChar += cursor;
    baseByte = cursorByte;
    cursor = 0;
  }

  /** 2 for a surrogate pair starting at i, else 1. */
  private int charsAt(int i) {
    return Character.isHighSurrogate(chars.charAt(i)) && i + 1 < chars.length()
        && Character.isLowSurrogate(chars.charAt(i + 1)) ? 2 : 1;
  }

  static long utf8Length(CharSequence s, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < to
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        n += 1; // replaced by '?'
      } else {
        n += 3;
      }
    }
    return n;
  }
}
