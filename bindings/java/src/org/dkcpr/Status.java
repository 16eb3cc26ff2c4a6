package org.dkcpr;

/**
 * The C library's status codes ({@code dkcpr_status}), with the same names (without the
 * {@code DKCPR_} prefix) and the same pinned values. A code added by a newer native library
 * shows up as {@link #UNKNOWN}; {@link CprException#code()} still has its value.
 */
public enum Status {
  /** Success; never carried by an exception. */
  OK(0),
  /** A required argument is missing. */
  E_NULL(-1),
  /** Wrong length for a CPR number. */
  E_LENGTH(-2),
  /** Invalid character in a CPR number. */
  E_CHAR(-3),
  /** Invalid separator in a CPR number. */
  E_SEPARATOR(-4),
  /** The input is not valid UTF-8 (cannot come from a Java string). */
  E_UTF8(-5),
  /** The birth date does not exist. */
  E_DATE(-6),
  /** Modulus 11 failed and the policy requires it. */
  E_MOD11(-7),
  /** The birth date is after the reference date (not yet born). */
  E_FUTURE(-8),
  /** Replacement numbers are not allowed by the options. */
  E_REPLACEMENT(-9),
  /** Output buffer too small (internal; never expected from this binding). */
  E_BUFSIZE(-10),
  /** Out of memory (thrown as {@link OutOfMemoryError}). */
  E_NOMEM(-11),
  /** Invalid argument value. */
  E_ARG(-12),
  /** The key has the wrong length or is not 64 hexadecimal characters. */
  E_KEY(-13),
  /** This kind of number is not supported by the operation. */
  E_KIND(-14),
  /** The cryptographic library failed. */
  E_CRYPTO(-15),
  /** The system random generator failed. */
  E_RANDOM(-16),
  /** Not enough numbers satisfy the request. */
  E_RANGE(-17),
  /** Malformed text. */
  E_SYNTAX(-18),
  /** The handle cannot be used in its current state. */
  E_STATE(-19),
  /** A code this binding does not know (from a newer native library). */
  UNKNOWN(Integer.MIN_VALUE);

  private final int code;

  Status(int code) {
    this.code = code;
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
