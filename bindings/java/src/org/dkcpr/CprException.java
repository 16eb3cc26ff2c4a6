// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import java.util.OptionalInt;

/**
 * A CPR number or an argument was rejected by the C library. {@link #status()} says why;
 * the message is the library's text for it. Bulk calls add the index of the first element
 * that failed.
 */
public final class CprException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final int index;

  /** Called by the native code for a failed status: throws its exception. */
  static void raise(int code) {
    if (code == Status.E_NOMEM.code()) {
      throw new OutOfMemoryError(Native.strerror(code));
    }
    throw new CprException(code, Native.strerror(code));
  }

  CprException(int code, String message) {
    this(code, message, -1);
  }

  CprException(int code, String message, int index) {
    super(index < 0 ? message : "element " + index + ": " + message);
    this.code = code;
    this.index = index;
  }

  static CprException of(int code, int index) {
    return new CprException(code, Native.strerror(code), index);
  }

  /** Why the call failed. */
  public Status status() {
    return Status.of(code);
  }

  /** The C status value (useful when {@link #status()} is {@link Status#UNKNOWN}). */
  public int code() {
    return code;
  }

  /** For a bulk call, the index of the first element that failed. */
  public OptionalInt index() {
    return index < 0 ? OptionalInt.empty() : OptionalInt.of(index);
  }
}
