// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.dkcpr.internal.DkcprNative;
import org.dkcpr.internal.DkcprNativeConstants;
import org.dkcpr.internal.pseudonymizer;

/**
 * Keyed, reversible pseudonyms that are themselves valid CPR numbers ({@code dkcpr_pseudonymizer}).
 *
 * <p>The same key, context and keep set give the same pseudonyms in C, Python, Java and the
 * {@code dkcpr} command, on every machine. A pseudonym is valid under the same policy, of the
 * same kind as its input, written the way the input was (separator, digit script), and
 * {@link #reveal(String)} gives the input back. By default it keeps the birth year and the
 * sex; without {@link Keep#DATE} a person born this year may get a later date of the same
 * year, and without {@link Keep#YEAR} any date from 1858 to 2057.
 *
 * <pre>{@code
 * byte[] key = Pseudonymizer.keyFromHex(System.getenv("DKCPR_KEY"));
 * try (Pseudonymizer p = Pseudonymizer.builder(key).context("crm-test").build()) {
 *   String fake = p.pseudonymize("070761-4285");
 *   List<String> many = p.pseudonymizeAll(column);   // one native call
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> One instance may be used by any number of threads at once. {@link #close()}
 * waits for running calls, then wipes and frees the native key material; calling it again does
 * nothing, and any other call after it throws {@link IllegalStateException}. An instance that
 * is never closed is freed when it becomes unreachable.
 */
public final class Pseudonymizer implements AutoCloseable {
  /** Key length in bytes (AES-256). */
  public static final int KEY_BYTES = DkcprNativeConstants.KEY_BYTES;
  /** Default token length in characters. */
  public static final int TOKEN_DEFAULT_CHARS = DkcprNativeConstants.TOKEN_DEFAULT_CHARS;
  /** Shortest token. */
  public static final int TOKEN_MIN_CHARS = DkcprNativeConstants.TOKEN_MIN_CHARS;
  /** Longest token. */
  public static final int TOKEN_MAX_CHARS = DkcprNativeConstants.TOKEN_MAX_CHARS;

  private static final int PSEUDONYMIZE = 0;
  private static final int REVEAL = 1;

  private final NativeResource<pseudonymizer> resource;
  private final Cleaner.Cleanable cleanable;
  private final Set<Keep> keep;
  private final boolean neverReal;
  private final ParseOptions options;

  /**
   * A pseudonymizer with the C defaults: keeps birth year and sex, empty context, real
   * numbers map to real-looking numbers, default parse options.
   *
   * @param key {@value #KEY_BYTES} secret bytes; copied, the array is not kept
   * @throws CprException with {@link Status#E_KEY} for a key of the wrong length
   */
  public Pseudonymizer(byte[] key) {
    this(key, new byte[0], EnumSet.of(Keep.YEAR, Keep.SEX), false, ParseOptions.DEFAULT);
  }

  private Pseudonymizer(byte[] key, byte[] context, Set<Keep> keep, boolean neverReal,
      ParseOptions options) {
    Objects.requireNonNull(key, "key");
    pseudonymizer handle = new pseudonymizer(key, context, Keep.bits(keep),
        neverReal ? DkcprNativeConstants.NEVER_REAL : 0);
    this.resource = new NativeResource<>("Pseudonymizer", handle, pseudonymizer::delete);
    this.cleanable = NativeResource.CLEANER.register(this, resource);
    this.keep = Collections.unmodifiableSet(EnumSet.copyOf(keep));
    this.neverReal = neverReal;
    this.options = options;
  }

  /**
   * A builder for a pseudonymizer with this key. The builder keeps a copy of the key until
   * {@link Builder#build()}, which wipes it; the caller's array is not kept.
   */
  public static Builder builder(byte[] key) {
    return new Builder(key);
  }

  /** {@value #KEY_BYTES} bytes from the operating system's random generator. */
  public static byte[] generateKey() {
    byte[] key = new byte[KEY_BYTES];
    DkcprNative.keygen(key);
    return key;
  }

  /**
   * Decodes a key written as 64 hexadecimal characters (either case), optionally followed by
   * one line break, as in key files and environment variables.
   *
   * @throws CprException with {@link Status#E_KEY} if it is not such a key
   */
  public static byte[] keyFromHex(CharSequence hex) {
    Objects.requireNonNull(hex, "hex");
    byte[] text = hex.toString().getBytes(StandardCharsets.UTF_8);
    byte[] key = new byte[KEY_BYTES];
    try {
      DkcprNative.key_from_hex(key, text);
      return key;
    } finally {
      Arrays.fill(text, (byte) 0);
    }
  }

  /** What pseudonyms keep of the original. */
  public Set<Keep> keep() {
    return keep;
  }

  /** Whether real numbers are mapped into the replacement (day + 60) space. */
  public boolean neverReal() {
    return neverReal;
  }

  /** How inputs are read (policy, leniency, replacement numbers). */
  public ParseOptions options() {
    return options;
  }

  /**
   * The pseudonym of a number.
   *
   * @throws CprException if the input is not valid under {@link #options()} (the not-yet-born
   *     check aside), or {@link Status#E_KIND} for a day + 60 number under never-real
   * @throws IllegalStateException after {@link #close()}
   */
  public String pseudonymize(String cpr) {
    return one(PSEUDONYMIZE, cpr);
  }

  /**
   * The number whose pseudonym this is (the inverse of {@link #pseudonymize(String)}).
   *
   * @throws CprException if the input is not a valid pseudonym under {@link #options()}
   * @throws IllegalStateException after {@link #close()}
   */
  public String reveal(String pseudonym) {
    return one(REVEAL, pseudonym);
  }

  /** {@link #token(String, int)} with {@value #TOKEN_DEFAULT_CHARS} characters. */
  public String token(String cpr) {
    return token(cpr, TOKEN_DEFAULT_CHARS);
  }

  /**
   * A keyed one-way token of a number: HMAC-SHA-256 of its canonical digits under the key
   * and context, lower-case base32 without padding.
   *
   * @param chars {@value #TOKEN_MIN_CHARS} to {@value #TOKEN_MAX_CHARS}
   * @throws CprException if the input is not valid, or {@link Status#E_ARG} for a bad length
   * @throws IllegalStateException after {@link #close()}
   */
  public String token(String cpr, int chars) {
    byte[] in = cpr.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[TOKEN_MAX_CHARS + 1];
    long stamp = resource.lock();
    try {
      int n = DkcprNative.token(out, resource.get(), in, Math.max(chars, 0), options.c());
      return new String(out, 0, n, StandardCharsets.US_ASCII);
    } finally {
      resource.unlock(stamp);
      Reference.reachabilityFence(this);
    }
  }

  /**
   * Pseudonyms of many numbers in one native call: the fast path for columns and files.
   *
   * @return the pseudonyms, in order, as an unmodifiable list
   * @throws CprException for the first element that fails; {@link CprException#index()} says which
   * @throws NullPointerException if the list or an element is null
   * @throws IllegalStateException after {@link #close()}
   */
  public List<String> pseudonymizeAll(List<String> cprs) {
    return many(PSEUDONYMIZE, cprs, Nulls.REJECT);
  }

  /**
   * {@link #pseudonymizeAll(List)}, with null elements (missing values in a column) rejected or
   * passed through as null.
   *
   * @return the pseudonyms, in order, as an unmodifiable list; null where the input was null
   *     and {@code nulls} is {@link Nulls#PASS}
   */
  public List<String> pseudonymizeAll(List<String> cprs, Nulls nulls) {
    return many(PSEUDONYMIZE, cprs, nulls);
  }

  /** {@link #reveal(String)} of many pseudonyms in one native call; as {@link #pseudonymizeAll(List)}. */
  public List<String> revealAll(List<String> pseudonyms) {
    return many(REVEAL, pseudonyms, Nulls.REJECT);
  }

  /** {@link #revealAll(List)}, with null elements handled as {@link #pseudonymizeAll(List, Nulls)}. */
  public List<String> revealAll(List<String> pseudonyms, Nulls nulls) {
    return many(REVEAL, pseudonyms, nulls);
  }

  /**
   * Wipes and frees the native key material, after any running calls finish. Calling it
   * again does nothing.
   */
  @Override
  public void close() {
    cleanable.clean();
  }

  /** What it keeps and how it reads input; never anything about the key or context. */
  @Override
  public String toString() {
    return "Pseudonymizer[keep=" + keep + ", neverReal=" + neverReal + ", policy="
        + options.policy() + "]";
  }

  /** Read-locks the native handle for a {@link Washer}; pair with {@link #unlock(long)}. */
  long lock() {
    return resource.lock();
  }

  /** The proxy; only while locked. */
  pseudonymizer handle() {
    return resource.get();
  }

  void unlock(long stamp) {
    resource.unlock(stamp);
  }

  private String one(int op, String cpr) {
    byte[] in = cpr.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[in.length + 1]; // results are written the way the input was
    int n;
    long stamp = resource.lock();
    try {
      n = op == PSEUDONYMIZE ? DkcprNative.pseudonymize(out, resource.get(), in, options.c())
          : DkcprNative.reveal(out, resource.get(), in, options.c());
    } finally {
      resource.unlock(stamp);
      Reference.reachabilityFence(this);
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }

  private List<String> many(int op, List<String> cprs, Nulls nulls) {
    Batch batch = Batch.encode(cprs, nulls);
    int n = batch.ends.length;
    byte[] out = new byte[batch.bytes.length + 1];
    int[] results = new int[2 * n]; // length, status of each element
    long stamp = resource.lock();
    try {
      resource.get().many(out, results, op, batch.bytes, batch.ends, options.c());
    } finally {
      resource.unlock(stamp);
      Reference.reachabilityFence(this);
    }
    int[] lens = new int[n];
    for (int i = 0; i < n; i++) {
      if (batch.missing(i)) {
        continue;
      }
      if (results[2 * i + 1] != 0) {
        throw CprException.of(results[2 * i + 1], i);
      }
      lens[i] = results[2 * i];
    }
    return batch.decode(out, lens);
  }

  /** Builds a {@link Pseudonymizer}; not thread-safe. */
  public static final class Builder {
    private final byte[] key;
    private byte[] context = new byte[0];
    private Set<Keep> keep = EnumSet.of(Keep.YEAR, Keep.SEX);
    private boolean neverReal;
    private ParseOptions options = ParseOptions.DEFAULT;
    private boolean built;

    private Builder(byte[] key) {
      this.key = Objects.requireNonNull(key, "key").clone();
    }

    /** Tweak bytes separating datasets or systems; default empty. */
    public Builder context(byte[] context) {
      this.context = Objects.requireNonNull(context, "context").clone();
      return this;
    }

    /** The context as UTF-8 text. */
    public Builder context(String context) {
      return context(context.getBytes(StandardCharsets.UTF_8));
    }

    /** What pseudonyms keep; default year and sex. None at all is allowed. */
    public Builder keep(Set<Keep> keep) {
      this.keep = keep.isEmpty() ? EnumSet.noneOf(Keep.class) : EnumSet.copyOf(keep);
      return this;
    }

    /** What pseudonyms keep; default year and sex. */
    public Builder keep(Keep... keep) {
      return keep(keep.length == 0 ? EnumSet.noneOf(Keep.class) : EnumSet.copyOf(Arrays.asList(keep)));
    }

    /** Map real CPR numbers into the day + 60 space, so no pseudonym can be a living person's number. */
    public Builder neverReal(boolean neverReal) {
      this.neverReal = neverReal;
      return this;
    }

    /** The modulus 11 policy; shorthand for changing {@link #options(ParseOptions)}. */
    public Builder policy(Policy policy) {
      this.options = options.toBuilder().policy(policy).build();
      return this;
    }

    /** How inputs are read; default {@link ParseOptions#DEFAULT}. */
    public Builder options(ParseOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Creates the pseudonymizer and wipes the builder's copy of the key, so a builder builds
     * once.
     *
     * @throws CprException with {@link Status#E_KEY} for a key that is not {@value #KEY_BYTES} bytes
     * @throws IllegalStateException if this builder has built before
     */
    public Pseudonymizer build() {
      if (built) {
        throw new IllegalStateException("this builder has built its pseudonymizer already");
      }
      built = true;
      try {
        return new Pseudonymizer(key, context, keep, neverReal, options);
      } finally {
        Arrays.fill(key, (byte) 0);
      }
    }
  }
}
