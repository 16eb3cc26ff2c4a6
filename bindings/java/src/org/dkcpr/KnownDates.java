// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.dkcpr.internal.DkcprNative;
import org.dkcpr.internal.datelist;

/**
 * Birth dates known to have CPR numbers without modulus 11 ({@code dkcpr_datelist}): the CPR
 * office's 26 dates of its 2023 list, plus dates added here. Used by {@link Policy#KNOWN_DATES}
 * and {@link Cpr#knownDate()} through {@link ParseOptions.Builder#knownDates(KnownDates)}.
 *
 * <p>Immutable and thread-safe (the native list is never changed once built); it is freed
 * once the object is unreachable.
 */
public final class KnownDates {
  private final datelist list;

  private KnownDates(datelist list) {
    this.list = list;
  }

  /**
   * The shipped dates plus {@code extra}.
   *
   * @throws CprException with {@link Status#E_DATE} for a date outside 1858-2057
   */
  public static KnownDates of(Collection<LocalDate> extra) {
    datelist list = new datelist();
    try {
      for (LocalDate d : extra) {
        DkcprNative.datelist_add(list, d.getYear(), d.getMonthValue(), d.getDayOfMonth());
      }
    } catch (RuntimeException e) {
      list.delete();
      throw e;
    }
    return new KnownDates(list);
  }

  /** The shipped dates plus these. */
  public static KnownDates of(LocalDate... extra) {
    return of(List.of(extra));
  }

  /**
   * The shipped dates plus those in {@code text}: one ISO date ({@code YYYY-MM-DD}) per line;
   * blank lines and lines starting with {@code #} are ignored.
   *
   * @throws CprException with {@link Status#E_SYNTAX} or {@link Status#E_DATE}; the message
   *     names the first bad line
   */
  public static KnownDates parse(String text) {
    byte[] bytes = Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8);
    datelist list = new datelist();
    long[] badLine = new long[1];
    try {
      DkcprNative.datelist_load(badLine, list, bytes);
    } catch (CprException e) {
      list.delete();
      throw badLine[0] > 0
          ? new CprException(e.code(), "line " + badLine[0] + ": " + e.getMessage()) : e;
    }
    return new KnownDates(list);
  }

  /** Whether {@code date} is on the list. */
  public boolean contains(LocalDate date) {
    return DkcprNative.datelist_contains(list, date.getYear(), date.getMonthValue(),
        date.getDayOfMonth()) != 0;
  }

  /** The native list, for options that point at it; they keep this object reachable. */
  datelist list() {
    return list;
  }
}
