// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.dkcpr.internal.DkcprNative;
import org.dkcpr.internal.DkcprNativeConstants;
import org.dkcpr.internal.options;

/**
 * How {@link Cpr#parse(String, ParseOptions)} and the other operations read a number
 * ({@code dkcpr_options}). Immutable; build with {@link #builder()}.
 *
 * <p>Defaults: {@link Policy#DEFAULT}, strict ASCII forms only, replacement numbers and
 * not-yet-born dates rejected, today (read at every call) as the reference date, the
 * CPR office's shipped list of dates known to have numbers without modulus 11.
 */
public final class ParseOptions {
  /** The defaults. */
  public static final ParseOptions DEFAULT = builder().build();

  static final int LENIENT = (int) DkcprNativeConstants.PARSE_LENIENT;
  static final int ALLOW_REPLACEMENT = (int) DkcprNativeConstants.PARSE_ALLOW_REPLACEMENT;
  static final int ALLOW_FUTURE = (int) DkcprNativeConstants.PARSE_ALLOW_FUTURE;

  private final Policy policy;
  private final boolean lenient;
  private final boolean allowReplacement;
  private final boolean allowFuture;
  private final LocalDate referenceDate;
  private final KnownDates knownDates;
  private final options c;

  private ParseOptions(Builder b) {
    this.policy = b.policy;
    this.lenient = b.lenient;
    this.allowReplacement = b.allowReplacement;
    this.allowFuture = b.allowFuture;
    this.referenceDate = b.referenceDate;
    this.knownDates = b.knownDates;
    this.c = new options();
    fill(c);
  }

  /**
   * Writes these options into a native {@code dkcpr_options}: the one place that knows its
   * fields. The struct then points at the known-dates list, which this object keeps alive.
   */
  void fill(options o) {
    DkcprNative.options_init(o, DkcprNativeConstants.OPTIONS_VERSION);
    o.setPolicy(policy.c);
    o.setFlags((lenient ? LENIENT : 0) | (allowReplacement ? ALLOW_REPLACEMENT : 0)
        | (allowFuture ? ALLOW_FUTURE : 0));
    // All 0: today, read at every call (dkcpr_options_init wrote today's date).
    o.setRef_year(referenceDate == null ? 0 : referenceDate.getYear());
    o.setRef_month(referenceDate == null ? 0 : referenceDate.getMonthValue());
    o.setRef_day(referenceDate == null ? 0 : referenceDate.getDayOfMonth());
    o.setKnown_dates(knownDates == null ? null : knownDates.list());
  }

  /** The native options, read-only and shared by every call; keep this object reachable. */
  options c() {
    return c;
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    return new Builder().policy(policy).lenient(lenient).allowReplacement(allowReplacement)
        .allowFuture(allowFuture).referenceDate(referenceDate).knownDates(knownDates);
  }

  /** How strictly modulus 11 is required. */
  public Policy policy() {
    return policy;
  }

  /** Whether white space around, Unicode dashes and spaces as separator and any Unicode decimal digits are accepted. */
  public boolean lenient() {
    return lenient;
  }

  /** Whether replacement numbers (day + 60, e-CPR) are accepted. */
  public boolean allowReplacement() {
    return allowReplacement;
  }

  /** Whether birth dates after the reference date are accepted. */
  public boolean allowFuture() {
    return allowFuture;
  }

  /** The reference date for the not-yet-born check; empty means today, read at every call. */
  public Optional<LocalDate> referenceDate() {
    return Optional.ofNullable(referenceDate);
  }

  /** The known-dates list; empty means the shipped list. */
  public Optional<KnownDates> knownDates() {
    return Optional.ofNullable(knownDates);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParseOptions p && p.policy == policy && p.lenient == lenient
        && p.allowReplacement == allowReplacement && p.allowFuture == allowFuture
        && Objects.equals(p.referenceDate, referenceDate) && p.knownDates == knownDates;
  }

  @Override
  public int hashCode() {
    return Objects.hash(policy, lenient, allowReplacement, allowFuture, referenceDate,
        System.identityHashCode(knownDates));
  }

  @Override
  public String toString() {
    return "ParseOptions[policy=" + policy + ", lenient=" + lenient + ", allowReplacement="
        + allowReplacement + ", allowFuture=" + allowFuture + ", referenceDate="
        + (referenceDate == null ? "today" : referenceDate)
        + (knownDates == null ? "" : ", knownDates=custom") + "]";
  }

  /** Builds {@link ParseOptions}; not thread-safe. */
  public static final class Builder {
    private Policy policy = Policy.DEFAULT;
    private boolean lenient;
    private boolean allowReplacement;
    private boolean allowFuture;
    private LocalDate referenceDate;
    private KnownDates knownDates;

    private Builder() {}

    /** How strictly modulus 11 is required; default {@link Policy#DEFAULT}. */
    public Builder policy(Policy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Accept white space around, Unicode dashes and spaces and any Unicode decimal digits. */
    public Builder lenient(boolean lenient) {
      this.lenient = lenient;
      return this;
    }

    /** Accept replacement numbers (day + 60, e-CPR) and report their kind. */
    public Builder allowReplacement(boolean allow) {
      this.allowReplacement = allow;
      return this;
    }

    /** Accept birth dates after the reference date. */
    public Builder allowFuture(boolean allow) {
      this.allowFuture = allow;
      return this;
    }

    /** The reference date for the not-yet-born check; {@code null} means today at every call. */
    public Builder referenceDate(LocalDate date) {
      this.referenceDate = date;
      return this;
    }

    /**
     * The dates known to have numbers without mod 11, for {@link Policy#KNOWN_DATES} and
     * {@link Cpr#knownDate()}; {@code null} (the default) means the shipped list.
     */
    public Builder knownDates(KnownDates knownDates) {
      this.knownDates = knownDates;
      return this;
    }

    /** The options as set so far; the builder can go on. */
    public ParseOptions build() {
      return new ParseOptions(this);
    }
  }
}
