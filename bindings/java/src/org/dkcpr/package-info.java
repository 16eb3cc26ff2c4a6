// SPDX-License-Identifier: Apache-2.0
/**
 * Danish CPR numbers: exact parsing and validation ({@link org.dkcpr.Cpr}), keyed reversible
 * pseudonyms that are themselves valid CPR numbers ({@link org.dkcpr.Pseudonymizer}), and
 * finding and washing numbers in text ({@link org.dkcpr.Scanner}, {@link org.dkcpr.Washer}).
 *
 * <p>A thin layer over the C library libdkcpr, which the jar carries and loads itself
 * (see docs/java.md). Invalid input throws {@link org.dkcpr.CprException}, an
 * {@link java.lang.IllegalArgumentException} whose {@link org.dkcpr.CprException#status()
 * status()} mirrors the C status. Every class is thread-safe; {@code org.dkcpr.internal} is
 * generated glue and not API.
 */
package org.dkcpr;
