// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import org.dkcpr.internal.DkcprNative;

/** Small conveniences over the generated proxies. */
final class Native {
  private Native() {}

  static String strerror(int code) {
    return DkcprNative.strerror(code);
  }

  static String statusName(int code) {
    return DkcprNative.status_name(code);
  }
}
