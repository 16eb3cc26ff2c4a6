// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import org.dkcpr.internal.policy;

/** How strictly modulus 11 is required ({@code dkcpr_policy}). */
public enum Policy {
  /** Mod 11 not required: the CPR office's rule since 2007 (the default). */
  DEFAULT(policy.POLICY_DEFAULT),
  /** Mod 11 required unless the birth date is on the known list of dates without it. */
  KNOWN_DATES(policy.POLICY_KNOWN_DATES),
  /** Mod 11 required for every ordinary CPR number (for legacy systems). */
  STRICT(policy.POLICY_STRICT);

  final policy c;

  Policy(policy c) {
    this.c = c;
  }
}
