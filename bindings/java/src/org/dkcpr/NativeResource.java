package org.dkcpr;

import java.lang.ref.Cleaner;
import java.util.concurrent.locks.StampedLock;
import java.util.function.LongConsumer;

/**
 * A native handle shared by threads: calls hold a read lock while they use it, freeing
 * takes the write lock, so a free waits for running calls and a later call gets an
 * {@link IllegalStateException} instead of a dangling pointer. Also the cleaning action
 * for an owner that was never closed; it must not refer to the owner.
 */
final class NativeResource implements Runnable {
  static final Cleaner CLEANER = Cleaner.create();

  private final StampedLock lock = new StampedLock();
  private final String what;
  private final LongConsumer free;
  private long handle; // guarded by lock

  NativeResource(String what, long handle, LongConsumer free) {
    this.what = what;
    this.handle = handle;
    this.free = free;
  }

  /** Read-locks the handle; pair with {@link #unlock(long)} in a finally block. */
  long lock() {
    long stamp = lock.readLock();
    if (handle == 0) {
      lock.unlockRead(stamp);
      throw new IllegalStateException(what + " is closed");
    }
    return stamp;
  }

  /** The handle; only while a read lock is held. */
  long handle() {
    return handle;
  }

  void unlock(long stamp) {
    lock.unlockRead(stamp);
  }

  /** Frees the handle once, after every running call has finished. */
  @Override
  public void run() {
    long stamp = lock.writeLock();
    try {
      long h = handle;
      handle = 0;
      if (h != 0) {
        free.accept(h);
      }
    } finally {
      lock.unlockWrite(stamp);
    }
  }
}
