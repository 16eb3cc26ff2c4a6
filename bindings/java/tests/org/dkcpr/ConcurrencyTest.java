// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

/** One Pseudonymizer shared by 8 threads, and closed while they run. */
public class ConcurrencyTest {
  private static final int THREADS = 8;

  private static List<String> inputs() {
    List<String> in = new ArrayList<>();
    for (int serial = 0; serial < 500; serial++) {
      in.add(String.format("211062%04d", serial * 7));
    }
    return in;
  }

  @Test
  public void eightThreadsGetTheSameAnswersAsOne() throws Exception {
    List<String> in = inputs();
    try (Pseudonymizer p = new Pseudonymizer(Vectors.testKey())) {
      List<String> expected = new ArrayList<>();
      for (String s : in) {
        expected.add(p.pseudonymize(s));
      }
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        final int offset = t;
        results.add(pool.submit(() -> {
          start.await();
          int checked = 0;
          for (int round = 0; round < 20; round++) {
            for (int i = offset; i < in.size(); i += THREADS) {
              String out = p.pseudonymize(in.get(i));
              assertEquals(expected.get(i), out);
              assertEquals(in.get(i), p.reveal(out));
              checked++;
            }
            Vectors.assertListEquals("pseudonymizeAll", expected, p.pseudonymizeAll(in));
            Vectors.assertListEquals("revealAll", in, p.revealAll(expected));
          }
          return checked;
        }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> f : results) {
        total += f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertEquals(20 * in.size(), total);
    }
  }

  @Test
  public void washersAndScannersShareOnePseudonymizer() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      sb.append("\ud83d\ude00 r\u00e6kke ").append(i).append(": 070761-4285, 2110620629\n");
    }
    String text = sb.toString();
    try (Pseudonymizer p = new Pseudonymizer(Vectors.testKey())) {
      Washer wash = Washer.builder().pseudonymizer(p).build();
      Washer reveal = Washer.builder().pseudonymizer(p).mode(WashMode.REVEAL).build();
      String expected = wash.wash(text);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        final int kind = t % 3;
        futures.add(pool.submit(() -> {
          for (int round = 0; round < 5; round++) {
            if (kind == 0) {
              assertEquals(expected, wash.wash(text));
            } else if (kind == 1) {
              assertEquals(text, reveal.wash(expected));
            } else {
              assertEquals(4000, Scanner.scan(text).size());
            }
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();
    }
  }

  @Test
  public void closeWhileThreadsRunIsSafe() throws Exception {
    List<String> in = inputs();
    Pseudonymizer p = new Pseudonymizer(Vectors.testKey());
    List<String> expected = p.pseudonymizeAll(in);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger closed = new AtomicInteger();
    CountDownLatch running = new CountDownLatch(THREADS);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      final boolean bulk = t % 2 == 0;
      futures.add(pool.submit(() -> {
        running.countDown();
        while (true) {
          try {
            if (bulk) {
              Vectors.assertListEquals("pseudonymizeAll", expected, p.pseudonymizeAll(in));
            } else {
              assertEquals(expected.get(3), p.pseudonymize(in.get(3)));
            }
            ok.incrementAndGet();
          } catch (IllegalStateException e) {
            assertTrue(e.getMessage().contains("closed"));
            closed.incrementAndGet();
            return null;
          }
        }
      }));
    }
    running.await();
    // Close only once calls are running, so close has calls to wait for.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (ok.get() < 2 * THREADS && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    p.close(); // waits for calls in flight; every later call sees "closed"
    for (Future<?> f : futures) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertEquals(THREADS, closed.get());
    assertTrue(ok.get() > 0);
    p.close();
  }
}
