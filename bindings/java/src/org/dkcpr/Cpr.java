package org.dkcpr;

import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.dkcpr.internal.DkcprNative;

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
  private static final int FORMAT_DASHED = 0;
  private static final int FORMAT_MASKED = 2;
  private static final int FORMAT_MASKED_FULL = 3;

  private final String digits;
  private final LocalDate birthDate;
  private final Sex sex;
  private final Optional<ReplacementKind> replacement;
  private final boolean mod11;
  private final boolean knownDate;
  private final int centuryDigit;

  private Cpr(String digits, int[] f) {
    this.digits = digits;
    this.birthDate = LocalDate.of(f[0], f[1], f[2]);
    this.sex = f[3] == 0 ? Sex.FEMALE : Sex.MALE;
    this.replacement = ReplacementKind.fromKind(f[4]);
    this.mod11 = f[5] != 0;
    this.knownDate = f[6] != 0;
    this.centuryDigit = f[7];
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
    int[] fields = new int[8];
    byte[] canon;
    try {
      canon = DkcprNative.parse(text.getBytes(StandardCharsets.UTF_8),
          options.policy().ordinal(), options.flags(), options.refYear(), options.refMonth(),
          options.refDay(), options.datesHandle(), fields);
    } finally {
      Reference.reachabilityFence(options);
    }
    return new Cpr(new String(canon, StandardCharsets.US_ASCII), fields);
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
          options.policy().ordinal(), options.flags(), options.refYear(), options.refMonth(),
          options.refDay(), options.datesHandle()));
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
    return format(FORMAT_DASHED);
  }

  /** {@code DDMMYY-XXXX}: the birth date stays readable. */
  public String masked() {
    return format(FORMAT_MASKED);
  }

  /** {@code XXXXXX-XXXX}. */
  public String maskedFully() {
    return format(FORMAT_MASKED_FULL);
  }

  /**
   * The age in whole years on a date.
   *
   * @throws CprException with {@link Status#E_FUTURE} if {@code at} is before the birth date
   */
  public int age(LocalDate at) {
    Objects.requireNonNull(at, "at");
    return DkcprNative.age(ascii(), at.getYear(), at.getMonthValue(), at.getDayOfMonth());
  }

  private String format(int style) {
    return new String(DkcprNative.format(ascii(), style), StandardCharsets.US_ASCII);
  }

  private byte[] ascii() {
    return digits.getBytes(StandardCharsets.US_ASCII);
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
