// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

/**
 * The C library's status codes ({@code dkcpr_status}), with the same names (without the
 * {@code DKCPR_} prefix) and the same pinned values, taken from the generated enum. A code added by a newer native library
 * shows up as {@link #UNKNOWN}; {@link CprException#code()} still has its value.
 */
public enum Status {
  /** Success; never carried by an exception. */
  OK(org.dkcpr.internal.Status.OK),
  /** A required argument is missing. */
  E_NULL(org.dkcpr.internal.Status.E_NULL),
  /** Wrong length for a CPR number. */
  E_LENGTH(org.dkcpr.internal.Status.E_LENGTH),
  /** Invalid character in a CPR number. */
  E_CHAR(org.dkcpr.internal.Status.E_CHAR),
  /** Invalid separator in a CPR number. */
  E_SEPARATOR(org.dkcpr.internal.Status.E_SEPARATOR),
  /** The input is not valid UTF-8 (cannot come from a Java string). */
  E_UTF8(org.dkcpr.internal.Status.E_UTF8),
  /** The birth date does not exist. */
  E_DATE(org.dkcpr.internal.Status.E_DATE),
  /** Modulus 11 failed and the policy requires it. */
  E_MOD11(org.dkcpr.internal.Status.E_MOD11),
  /** The birth date is after the reference date (not yet born). */
  E_FUTURE(org.dkcpr.internal.Status.E_FUTURE),
  /** Replacement numbers are not allowed by the options. */
  E_REPLACEMENT(org.dkcpr.internal.Status.E_REPLACEMENT),
  /** Output buffer too small (internal; never expected from this binding). */
  E_BUFSIZE(org.dkcpr.internal.Status.E_BUFSIZE),
  /** Out of memory (thrown as {@link OutOfMemoryError}). */
  E_NOMEM(org.dkcpr.internal.Status.E_NOMEM),
  /** Invalid argument value. */
  E_ARG(org.dkcpr.internal.Status.E_ARG),
  /** The key has the wrong length or is not 64 hexadecimal characters. */
  E_KEY(org.dkcpr.internal.Status.E_KEY),
  /** This kind of number is not supported by the operation. */
  E_KIND(org.dkcpr.internal.Status.E_KIND),
  /** The cryptographic library failed. */
  E_CRYPTO(org.dkcpr.internal.Status.E_CRYPTO),
  /** The system random generator failed. */
  E_RANDOM(org.dkcpr.internal.Status.E_RANDOM),
  /** Not enough numbers satisfy the request. */
  E_RANGE(org.dkcpr.internal.Status.E_RANGE),
  /** Malformed text. */
  E_SYNTAX(org.dkcpr.internal.Status.E_SYNTAX),
  /** The handle cannot be used in its current state. */
  E_STATE(org.dkcpr.internal.Status.E_STATE),
  /** A code this binding does not know (from a newer native library). */
  UNKNOWN(null);

  private final int code;

  Status(org.dkcpr.internal.Status c) {
    this.code = c == null ? Integer.MIN_VALUE : c.swigValue();
  }

  /** The C value of this status. */
  public int code() {
    return code;
  }

  /** The C library's short English message for this status. */
  public String message() {
    return Native.strerror(code);
  }

  /** The status with this C value, or {@link #UNKNOWN}. */
  public static Status of(int code) {
    if (code <= 0 && code >= E_STATE.code) {
      return values()[-code];
    }
    return UNKNOWN;
  }
}
