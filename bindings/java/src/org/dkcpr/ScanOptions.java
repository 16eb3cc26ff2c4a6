package org.dkcpr;

import java.util.Objects;

/**
 * What a {@link Scanner} or {@link Washer} finds ({@code dkcpr_scan_options}). Immutable.
 *
 * <p>Defaults, as in C: {@link ParseOptions#DEFAULT} but with replacement numbers allowed,
 * no 9-digit numbers, minimum confidence {@link Confidence#LOW} (a missed CPR number is a
 * leak; a changed look-alike is only a changed test value).
 */
public final class ScanOptions {
  /** The defaults. */
  public static final ScanOptions DEFAULT = builder().build();

  private static final int NINE_DIGITS = 0x1;

  private final ParseOptions parse;
  private final boolean nineDigits;
  private final Confidence minConfidence;

  private ScanOptions(Builder b) {
    this.parse = b.parse;
    this.nineDigits = b.nineDigits;
    this.minConfidence = b.minConfidence;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Policy, replacement numbers and reference date for candidates. */
  public ParseOptions parse() {
    return parse;
  }

  /** Whether 9-digit numbers (a leading zero lost, e.g. in a spreadsheet) are found too. */
  public boolean nineDigits() {
    return nineDigits;
  }

  /** Matches below this confidence are not reported. */
  public Confidence minConfidence() {
    return minConfidence;
  }

  int scanFlags() {
    return nineDigits ? NINE_DIGITS : 0;
  }

  /** Builds {@link ScanOptions}; not thread-safe. */
  public static final class Builder {
    private ParseOptions parse = ParseOptions.builder().allowReplacement(true).build();
    private boolean nineDigits;
    private Confidence minConfidence = Confidence.LOW;

    private Builder() {}

    public Builder parse(ParseOptions parse) {
      this.parse = Objects.requireNonNull(parse, "parse");
      return this;
    }

    public Builder nineDigits(boolean nineDigits) {
      this.nineDigits = nineDigits;
      return this;
    }

    public Builder minConfidence(Confidence minConfidence) {
      this.minConfidence = Objects.requireNonNull(minConfidence, "minConfidence");
      return this;
    }

    public ScanOptions build() {
      return new ScanOptions(this);
    }
  }
}
