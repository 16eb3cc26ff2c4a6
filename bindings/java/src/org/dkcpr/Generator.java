// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dkcpr.internal.DkcprNative;
import org.dkcpr.internal.DkcprNativeConstants;
import org.dkcpr.internal.generate_options;

/**
 * Distinct synthetic valid CPR numbers, reproducible from a seed ({@code dkcpr_generate}): test
 * data that looks like the real thing.
 *
 * <pre>{@code
 * Generator g = Generator.builder()
 *     .born(LocalDate.of(1970, 1, 1), LocalDate.of(1989, 12, 31))
 *     .sex(Sex.FEMALE)
 *     .seed("42")
 *     .build();
 * List<String> numbers = g.generate(1000);      // elements 0 .. 999
 * List<String> more = g.generate(1000, 500);    // elements 1000 .. 1499
 * }</pre>
 *
 * <p>A seed fixes one sequence of distinct numbers: element {@code first + i} is always the same
 * number, so a long sequence can be produced in pieces. The same seed and options give the same
 * numbers as {@code dkcpr generate --seed} and Python's {@code dkcpr.generate} (a text seed is
 * used as its UTF-8 bytes there too). The sequence also depends on the birth date range; without
 * an end date the range ends today, read at every call, so give both dates for a sequence that
 * never changes. Without a seed, the builder draws a random one: that generator's sequence is
 * fixed, but no other generator repeats it.
 *
 * <p>Immutable and thread-safe.
 */
public final class Generator {
  /** Bytes per number in the native output: 10 characters and a NUL. */
  private static final int SLOT = 11;
  private final LocalDate from;
  private final LocalDate to;
  private final Sex sex;
  private final Boolean mod11;
  private final boolean neverReal;
  private final byte[] seed;

  private Generator(Builder b) {
    this.from = b.from;
    this.to = b.to;
    this.sex = b.sex;
    this.mod11 = b.mod11;
    this.neverReal = b.neverReal;
    this.seed = b.seed != null ? b.seed.clone() : Pseudonymizer.generateKey();
  }

  /** A builder with the defaults: any birth date to today, both sexes, any mod 11, a random seed. */
  public static Builder builder() {
    return new Builder();
  }

  /** The first birth date, or empty for the default, 1858-01-01. */
  public Optional<LocalDate> bornFrom() {
    return Optional.ofNullable(from);
  }

  /** The last birth date, or empty for the default, today (read at every call). */
  public Optional<LocalDate> bornTo() {
    return Optional.ofNullable(to);
  }

  /** The sex of every number, or empty for both. */
  public Optional<Sex> sex() {
    return Optional.ofNullable(sex);
  }

  /** Whether the numbers pass (true) or fail (false) modulus 11, or empty for either. */
  public Optional<Boolean> mod11() {
    return Optional.ofNullable(mod11);
  }

  /** Whether the numbers are day + 60 replacement numbers, never a person's number. */
  public boolean neverReal() {
    return neverReal;
  }

  /**
   * How many distinct numbers match the options: the length of the sequence.
   *
   * @throws CprException with {@link Status#E_ARG} for a birth date range outside 1858-2057 or
   *     ending before it starts
   */
  public long total() {
    long[] total = new long[1];
    generate_options o = options();
    try {
      o.total(total);
    } finally {
      o.delete();
    }
    return total[0];
  }

  /** The first {@code count} numbers of the sequence; as {@link #generate(long, int)} from 0. */
  public List<String> generate(int count) {
    return generate(0, count);
  }

  /**
   * Elements {@code first} to {@code first + count - 1} of the sequence, as 10 digits each.
   *
   * @return an unmodifiable list of {@code count} distinct numbers
   * @throws IllegalArgumentException if {@code first} or {@code count} is negative, or
   *     {@code count} is more than one array can hold
   * @throws CprException with {@link Status#E_RANGE} if the sequence ends before
   *     {@code first + count} ({@link #total()}), or {@link Status#E_ARG} for bad options
   */
  public List<String> generate(long first, int count) {
    if (first < 0 || count < 0 || count > Integer.MAX_VALUE / SLOT) {
      throw new IllegalArgumentException("first and count must not be negative, and count "
          + "must be at most " + Integer.MAX_VALUE / SLOT);
    }
    byte[] out = new byte[count * SLOT];
    generate_options o = options();
    try {
      o.generate(out, seed, first, count);
    } finally {
      o.delete();
      Reference.reachabilityFence(this);
    }
    List<String> numbers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      numbers.add(new String(out, i * SLOT, 10, StandardCharsets.US_ASCII));
    }
    return Collections.unmodifiableList(numbers);
  }

  /** The options; never the seed. */
  @Override
  public String toString() {
    return "Generator[born=" + (from == null ? "1858-01-01" : from) + ".."
        + (to == null ? "today" : to) + ", sex=" + (sex == null ? "any" : sex) + ", mod11="
        + (mod11 == null ? "any" : mod11) + ", neverReal=" + neverReal + "]";
  }

  /** A native {@code dkcpr_generate_options} for these options: the one place that knows its fields. */
  private generate_options options() {
    generate_options o = new generate_options();
    DkcprNative.generate_options_init(o, DkcprNativeConstants.GENERATE_OPTIONS_VERSION);
    if (from != null) {
      o.setFrom_year(from.getYear());
      o.setFrom_month(from.getMonthValue());
      o.setFrom_day(from.getDayOfMonth());
    }
    if (to != null) {
      o.setTo_year(to.getYear());
      o.setTo_month(to.getMonthValue());
      o.setTo_day(to.getDayOfMonth());
    }
    o.setSex(sex == null ? -1 : sex.c.swigValue());
    o.setMod11(mod11 == null ? -1 : mod11 ? 1 : 0);
    o.setFlags(neverReal ? DkcprNativeConstants.GENERATE_NEVER_REAL : 0);
    return o;
  }

  /** Builds a {@link Generator}; not thread-safe. */
  public static final class Builder {
    private LocalDate from;
    private LocalDate to;
    private Sex sex;
    private Boolean mod11;
    private boolean neverReal;
    private byte[] seed;

    private Builder() {}

    /**
     * The birth date range, both ends included; either may be null for the default
     * (1858-01-01, today). Dates outside 1858-2057 fail when numbers are generated.
     */
    public Builder born(LocalDate from, LocalDate to) {
      this.from = from;
      this.to = to;
      return this;
    }

    /** Only women or only men; null (the default) for both. */
    public Builder sex(Sex sex) {
      this.sex = sex;
      return this;
    }

    /**
     * Only numbers that pass ({@code true}) or fail ({@code false}) modulus 11; null (the
     * default) for either. Numbers failing it are valid: the CPR office has issued them since
     * 2007.
     */
    public Builder mod11(Boolean mod11) {
      this.mod11 = mod11;
      return this;
    }

    /** Day + 60 replacement numbers, which are never a person's CPR number. */
    public Builder neverReal(boolean neverReal) {
      this.neverReal = neverReal;
      return this;
    }

    /** The seed as bytes (copied). */
    public Builder seed(byte[] seed) {
      this.seed = Objects.requireNonNull(seed, "seed").clone();
      return this;
    }

    /** The seed as UTF-8 text, as {@code dkcpr generate --seed=TEXT} takes it. */
    public Builder seed(String seed) {
      return seed(Objects.requireNonNull(seed, "seed").getBytes(StandardCharsets.UTF_8));
    }

    /** The seed as its decimal digits, as Python's {@code dkcpr.generate(seed=42)} takes it. */
    public Builder seed(long seed) {
      return seed(Long.toString(seed));
    }

    /** The generator; without a seed, with 32 random bytes as its seed. */
    public Generator build() {
      return new Generator(this);
    }
  }
}
