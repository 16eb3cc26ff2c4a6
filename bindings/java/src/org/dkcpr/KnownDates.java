package org.dkcpr;

import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.dkcpr.internal.DkcprNative;

/**
 * Birth dates known to have CPR numbers without modulus 11 ({@code dkcpr_datelist}): the CPR
 * office's 26 dates of its 2023 list, plus dates added here. Used by {@link Policy#KNOWN_DATES}
 * and {@link Cpr#knownDate()} through {@link ParseOptions.Builder#knownDates(KnownDates)}.
 *
 * <p>Immutable and thread-safe; the native list is freed once the object is unreachable.
 */
public final class KnownDates {
  private final long handle;

  private KnownDates(int[] dates, byte[] text) {
    this.handle = DkcprNative.datelistNew(dates, text);
    NativeResource.CLEANER.register(this, new Free(handle));
  }

  /**
   * The shipped dates plus {@code extra}.
   *
   * @throws CprException with {@link Status#E_DATE} for a date outside 1858-2057
   */
  public static KnownDates of(Collection<LocalDate> extra) {
    int[] packed = new int[extra.size()];
    int i = 0;
    for (LocalDate d : extra) {
      packed[i++] = d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }
    return new KnownDates(packed, null);
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
    return new KnownDates(new int[0], Objects.requireNonNull(text, "text")
        .getBytes(StandardCharsets.UTF_8));
  }

  /** Whether {@code date} is on the list. */
  public boolean contains(LocalDate date) {
    try {
      return DkcprNative.datelistContains(handle, date.getYear(), date.getMonthValue(),
          date.getDayOfMonth()) != 0;
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  /** The native handle; callers keep this object reachable while it is in use. */
  long handle() {
    return handle;
  }

  /** The cleaning action: refers to the handle only, never to the list object. */
  private static final class Free implements Runnable {
    private final long handle;

    Free(long handle) {
      this.handle = handle;
    }

    @Override
    public void run() {
      DkcprNative.datelistFree(handle);
    }
  }

}
