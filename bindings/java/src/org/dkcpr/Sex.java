// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import org.dkcpr.internal.sex;

/** Sex as encoded by the last digit of a CPR number: even female, odd male. */
public enum Sex {
  FEMALE(sex.SEX_FEMALE),
  MALE(sex.SEX_MALE);

  final sex c;

  Sex(sex c) {
    this.c = c;
  }

  static Sex of(sex c) {
    return c == sex.SEX_MALE ? MALE : FEMALE;
  }
}
