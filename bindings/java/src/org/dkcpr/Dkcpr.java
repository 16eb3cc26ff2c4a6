// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import org.dkcpr.internal.DkcprNative;

/** Facts about the loaded native library. */
public final class Dkcpr {
  private Dkcpr() {}

  /** The native library's version, "MAJOR.MINOR.PATCH". */
  public static String version() {
    return DkcprNative.version_string();
  }

  /** The identifier of the pseudonym mapping, e.g. {@code dkcpr-fpe-1}. */
  public static String algorithm() {
    return DkcprNative.algorithm();
  }
}
