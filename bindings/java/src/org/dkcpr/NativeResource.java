// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import java.lang.ref.Cleaner;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Consumer;

/**
 * A generated proxy of a native handle, shared by threads: calls hold a read lock while they
 * use it, freeing takes the write lock, so a free waits for running calls and a later call
 * gets an {@link IllegalStateException} instead of a dangling pointer (a SWIG proxy's own
 * {@code delete()} cannot promise that). Also the cleaning action for an owner that was never
 * closed; it must not refer to the owner.
 *
 * @param <T> the proxy class
 */
final class NativeResource<T> implements Runnable {
  static final Cleaner CLEANER = Cleaner.create();

  private final StampedLock lock = new StampedLock();
  private final String what;
  private final Consumer<T> free;
  private T proxy; // guarded by lock

  NativeResource(String what, T proxy, Consumer<T> free) {
    this.what = what;
    this.proxy = proxy;
    this.free = free;
  }

  /** Read-locks the handle; pair with {@link #unlock(long)} in a finally block. */
  long lock() {
    long stamp = lock.readLock();
    if (proxy == null) {
      lock.unlockRead(stamp);
      throw new IllegalStateException(what + " is closed");
    }
    return stamp;
  }

  /** The proxy; only while a read lock is held. */
  T get() {
    return proxy;
  }

  void unlock(long stamp) {
    lock.unlockRead(stamp);
  }

  /** Frees the handle once, after every running call has finished. */
  @Override
  public void run() {
    long stamp = lock.writeLock();
    try {
      T p = proxy;
      proxy = null;
      if (p != null) {
        free.accept(p);
      }
    } finally {
      lock.unlockWrite(stamp);
    }
  }
}
