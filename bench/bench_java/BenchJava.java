// SPDX-License-Identifier: Apache-2.0
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dkcpr.Cpr;
import org.dkcpr.Pseudonymizer;
import org.dkcpr.Scanner;
import org.dkcpr.Washer;

/**
 * Java binding figures on one thread: bulk and single pseudonyms, parsing, scanning and
 * washing, timed in thread CPU time. Prints "name<TAB>value<TAB>unit" lines for bench/run.
 */
public final class BenchJava {
  private static final int BULK = 1_000_000;
  private static volatile Object sink;

  private BenchJava() {}

  public static void main(String[] args) {
    List<String> numbers = numbers(BULK, 42);
    byte[] key = new byte[32];
    new Random(7).nextBytes(key);
    try (Pseudonymizer p = new Pseudonymizer(key)) {
      // Warm up the JIT and the native code, then time.
      for (int i = 0; i < 3; i++) {
        sink = p.pseudonymizeAll(numbers.subList(0, 200_000));
        for (int j = 0; j < 100_000; j++) {
          sink = p.pseudonymize(numbers.get(j));
        }
      }
      double bulkNs = best(3, () -> sink = p.pseudonymizeAll(numbers)) / BULK;
      print("pseudonymizeAll, 1M numbers, default mode", 1e9 / bulkNs / 1e6, "M numbers/s");
      print("pseudonymizeAll, per number", bulkNs, "ns");
      List<String> pseudonyms = p.pseudonymizeAll(numbers);
      double revealNs = best(3, () -> sink = p.revealAll(pseudonyms)) / BULK;
      print("revealAll, per number", revealNs, "ns");

      int n = 200_000;
      double oneNs = best(3, () -> {
        for (int i = 0; i < n; i++) {
          sink = p.pseudonymize(numbers.get(i));
        }
      }) / n;
      print("pseudonymize, one number per call", oneNs, "ns");
      // The same C calls, timed by c_reference.c in bench_java.sh.
      double cBulk = Double.parseDouble(System.getProperty("c.bulk.ns", "NaN"));
      double cSingle = Double.parseDouble(System.getProperty("c.single.ns", "NaN"));
      if (!Double.isNaN(cBulk)) {
        print("C dkcpr_pseudonymize_many, per number", cBulk, "ns");
        print("C dkcpr_pseudonymize, one number per call", cSingle, "ns");
        print("binding overhead, pseudonymizeAll per number", bulkNs - cBulk, "ns");
        print("binding overhead, one pseudonymize call", oneNs - cSingle, "ns");
      }

      double tokenNs = best(3, () -> {
        for (int i = 0; i < n; i++) {
          sink = p.token(numbers.get(i));
        }
      }) / n;
      print("token, one number per call", tokenNs, "ns");

      double validNs = best(3, () -> {
        for (int i = 0; i < n; i++) {
          sink = Cpr.isValid(numbers.get(i));
        }
      }) / n;
      print("Cpr.isValid, one number per call", validNs, "ns");
      double parseNs = best(3, () -> {
        for (int i = 0; i < n; i++) {
          sink = Cpr.parse(numbers.get(i));
        }
      }) / n;
      print("Cpr.parse, one number per call", parseNs, "ns");

      String text = text(numbers, 1 << 22);
      double mb = text.length() / 1e6; // ASCII text: chars = bytes
      double scanNs = best(3, () -> sink = Scanner.scan(text));
      print("Scanner.scan, 4 MiB of text", mb / (scanNs / 1e9), "MB/s");
      Washer washer = Washer.builder().pseudonymizer(p).build();
      double washNs = best(3, () -> sink = washer.wash(text));
      print("Washer.wash (pseudonyms), 4 MiB of text", mb / (washNs / 1e9), "MB/s");
    }
  }

  /** Valid numbers, half dashed: 1900-1999 (7th digit 0-3) and 2000-2025 (4). */
  static List<String> numbers(int count, long seed) {
    Random r = new Random(seed);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int year = 1900 + r.nextInt(126);
      int month = 1 + r.nextInt(12);
      int day = 1 + r.nextInt(28);
      int c7 = year < 2000 ? r.nextInt(4) : 4;
      String s = String.format("%02d%02d%02d", day, month, year % 100);
      String serial = String.format("%d%03d", c7, r.nextInt(1000));
      out.add(i % 2 == 0 ? s + "-" + serial : s + serial);
    }
    return out;
  }

  /** About size chars of SQL-like lines, one number per line. */
  static String text(List<String> numbers, int size) {
    StringBuilder sb = new StringBuilder(size + 200);
    for (int i = 0; sb.length() < size; i++) {
      sb.append("INSERT INTO patient VALUES (").append(i).append(", 'Jensen', '")
          .append(numbers.get(i % numbers.size())).append("', 'journal note');\n");
    }
    return sb.toString();
  }

  /**
   * Best of n runs, in nanoseconds of this thread's CPU time (native code included): on a
   * shared machine wall time also counts the time other processes had the core.
   */
  static double best(int n, Runnable r) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double best = Double.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      long t0 = cpu.getCurrentThreadCpuTime();
      r.run();
      best = Math.min(best, cpu.getCurrentThreadCpuTime() - t0);
    }
    return best;
  }

  static void print(String name, double value, String unit) {
    System.out.printf("%s\t%.2f\t%s%n", name, value, unit);
  }
}
