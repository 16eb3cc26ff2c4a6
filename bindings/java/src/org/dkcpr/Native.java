package org.dkcpr;

import org.dkcpr.internal.DkcprNative;

/** Small conveniences over the generated JNI glue. */
final class Native {
  private Native() {}

  static String strerror(int code) {
    return DkcprNative.statusMessage(code);
  }

  static String statusName(int code) {
    return DkcprNative.statusName(code);
  }
}
