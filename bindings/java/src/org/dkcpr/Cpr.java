// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.dkcpr.internal.DkcprNative;
import org.dkcpr.internal.DkcprNativeConstants;
import org.dkcpr.internal.dkcpr_cpr;
import org.dkcpr.internal.format_style;

/**
 * A parsed and validated Danish CPR number (or, when allowed, a replacement number).
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * Cpr cpr = Cpr.parse("070761-4285");
 * cpr.birthDate();           // 1961-07-07
 * cpr.sex();                 // Sex.MALE
 * cpr.masked();              // "070761-XXXX"
 * Cpr.isValid("310261-1234") // false: 31 February
 * }</pre>
 *
 * <p>{@link #toString()} gives the masked form, so a number does not end up in a log by
 * accident; {@link #digits()} and {@link #formatted()} give the whole number.
 */
public final class Cpr {
  /**
   * One native result struct per thread, reused by every parse on it (allocating one per call
   * costs two more JNI calls); freed with its proxy once the thread is gone.
   */
  private static final ThreadLocal<dkcpr_cpr> SCRATCH = ThreadLocal.withInitial(dkcpr_cpr::new);

  /** Reads back canonical characters, which parsed once: every optional rule relaxed. */
  private static final ParseOptions REPARSE =
      ParseOptions.builder().allowReplacement(true).allowFuture(true).build();

  private final String digits;
  private final LocalDate birthDate;
  private final Sex sex;
  private final Optional<ReplacementKind> replacement;
  private final boolean mod11;
  private final boolean knownDate;
  private final int centuryDigit;

  /** From a native {@code dkcpr_cpr}: the one place that reads its fields. */
  private Cpr(dkcpr_cpr c) {
    this.digits = c.getDigits();
    this.birthDate = LocalDate.of(c.getYear(), c.getMonth(), c.getDay());
    this.sex = Sex.of(c.getSex());
    this.replacement = ReplacementKind.of(c.getKind());
    this.mod11 = c.getMod11() != 0;
    this.knownDate = c.getKnown_date() != 0;
    this.centuryDigit = c.getCentury_digit();
  }

  /**
   * Parses a number with the {@link ParseOptions#DEFAULT default options}: {@code DDMMYY-SSSS},
   * {@code DDMMYY SSSS} or 10 digits, an existing date, not in the future, no replacement
   * numbers, modulus 11 not required.
   *
   * @throws CprException if the number is not valid; {@link CprException#status()} says why
   * @throws NullPointerException if {@code text} is null
   */
  public static Cpr parse(String text) {
    return parse(text, ParseOptions.DEFAULT);
  }

  /**
   * Parses a number under the given options.
   *
   * @throws CprException if the number is not valid under the options
   * @throws NullPointerException if an argument is null
   */
  public static Cpr parse(String text, ParseOptions options) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(options, "options");
    dkcpr_cpr c = SCRATCH.get();
    try {
      DkcprNative.parse(c, text.getBytes(StandardCharsets.UTF_8), options.c());
      return new Cpr(c);
    } finally {
      Reference.reachabilityFence(options);
    }
  }

  /** Whether {@code text} is a valid CPR number under the default options; never throws for bad input. */
  public static boolean isValid(String text) {
    return isValid(text, ParseOptions.DEFAULT);
  }

  /** Whether {@code text} is valid under the options; false for null. */
  public static boolean isValid(String text, ParseOptions options) {
    return check(text, options) == Status.OK;
  }

  /** Why {@code text} is or is not valid under the options, without throwing. */
  public static Status check(String text, ParseOptions options) {
    Objects.requireNonNull(options, "options");
    if (text == null) {
      return Status.E_NULL;
    }
    try {
      return Status.of(DkcprNative.validate(text.getBytes(StandardCharsets.UTF_8),
          options.c()));
    } finally {
      Reference.reachabilityFence(options);
    }
  }

  /** The 10 canonical characters, e.g. {@code 0707614285} (e-CPR letters kept). */
  public String digits() {
    return digits;
  }

  /** The birth date (for a day + 60 replacement number, the real date). */
  public LocalDate birthDate() {
    return birthDate;
  }

  /** The sex from the last digit. */
  public Sex sex() {
    return sex;
  }

  /** Whether the weighted digit sum is 0 modulo 11 (always false for e-CPR). */
  public boolean mod11() {
    return mod11;
  }

  /** Whether the birth date is on the list of dates known to have numbers without modulus 11. */
  public boolean knownDate() {
    return knownDate;
  }

  /** The replacement scheme, or empty for an ordinary CPR number. */
  public Optional<ReplacementKind> replacement() {
    return replacement;
  }

  /** The 7th character as a digit (it selects the century). */
  public int centuryDigit() {
    return centuryDigit;
  }

  /** {@code DDMMYY-SSSS}. */
  public String formatted() {
    return format(format_style.FORMAT_DASHED);
  }

  /** {@code DDMMYY-XXXX}: the birth date stays readable. */
  public String masked() {
    return format(format_style.FORMAT_MASKED);
  }

  /** {@code XXXXXX-XXXX}. */
  public String maskedFully() {
    return format(format_style.FORMAT_MASKED_FULL);
  }

  /**
   * The age in whole years on a date.
   *
   * @throws CprException with {@link Status#E_FUTURE} if {@code at} is before the birth date
   */
  public int age(LocalDate at) {
    Objects.requireNonNull(at, "at");
    int[] years = new int[1];
    DkcprNative.age(years, reparse(), at.getYear(), at.getMonthValue(), at.getDayOfMonth());
    return years[0];
  }

  private String format(format_style style) {
    byte[] out = new byte[DkcprNativeConstants.FORMAT_BUFSIZE];
    int n = DkcprNative.format(out, reparse(), style);
    return new String(out, 0, n, StandardCharsets.US_ASCII);
  }

  /** The native struct again (this thread's), from the canonical characters. */
  private dkcpr_cpr reparse() {
    dkcpr_cpr c = SCRATCH.get();
    DkcprNative.parse(c, digits.getBytes(StandardCharsets.US_ASCII), REPARSE.c());
    return c;
  }

  /** Equal when the canonical characters are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Cpr c && c.digits.equals(digits);
  }

  @Override
  public int hashCode() {
    return digits.hashCode();
  }

  /** The masked form {@code DDMMYY-XXXX}, never the whole number. */
  @Override
  public String toString() {
    return masked();
  }
}
