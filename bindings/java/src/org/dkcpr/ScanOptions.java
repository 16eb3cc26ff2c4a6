// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import java.util.Objects;
import org.dkcpr.internal.DkcprNative;
import org.dkcpr.internal.DkcprNativeConstants;
import org.dkcpr.internal.options;
import org.dkcpr.internal.scan_options;

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

  private final ParseOptions parse;
  private final boolean nineDigits;
  private final Confidence minConfidence;
  private final scan_options c;

  private ScanOptions(Builder b) {
    this.parse = b.parse;
    this.nineDigits = b.nineDigits;
    this.minConfidence = b.minConfidence;
    this.c = new scan_options();
    fill(c);
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

  /** Writes these options into a native {@code dkcpr_scan_options}: the one place that knows its fields. */
  void fill(scan_options o) {
    DkcprNative.scan_options_init(o, DkcprNativeConstants.SCAN_OPTIONS_VERSION);
    options p = parse.c();
    o.setPolicy(p.getPolicy());
    o.setParse_flags(p.getFlags());
    o.setKnown_dates(p.getKnown_dates());
    o.setFlags(nineDigits ? DkcprNativeConstants.SCAN_NINE_DIGITS : 0);
    o.setMin_confidence(minConfidence.c);
  }

  /** The native options, read-only and shared by every call; keep this object reachable. */
  scan_options c() {
    return c;
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
