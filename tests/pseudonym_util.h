/* SPDX-License-Identifier: Apache-2.0 */
/* Shared by the pseudonym tests: the CPR rules written out independently of
 * the library, random valid inputs of every kind, and handle helpers. */
#ifndef DKCPR_TEST_PSEUDONYM_UTIL_H
#define DKCPR_TEST_PSEUDONYM_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "dkcpr.h"

/* A fixed test key (never a real one). */
static const uint8_t test_key[32] = {
    0x60, 0x3d, 0xeb, 0x10, 0x15, 0xca, 0x71, 0xbe, 0x2b, 0x73, 0xae,
    0xf0, 0x85, 0x7d, 0x77, 0x81, 0x1f, 0x35, 0x2c, 0x07, 0x3b, 0x61,
    0x08, 0xd7, 0x2d, 0x98, 0x10, 0xa3, 0x09, 0x14, 0xdf, 0xf4};

typedef struct facts {
  int ok, kind, year, month, day, sex, mod11, c7;
} facts;

static int tu_century(int c7, int yy) {
  if (c7 <= 3) return 1900 + yy;
  if (c7 == 4 || c7 == 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

static int tu_mdays(int y, int m) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m < 1 || m > 12 ? 0 : d[m - 1] + (m == 2 && leap);
}

/* The decided rules for 10 canonical characters. */
static facts tu_facts(const char *s) {
  static const int w[10] = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
  facts f;
  int letters = s[7] >= 'A' && s[7] <= 'Z' && s[8] >= 'A' && s[8] <= 'Z';
  int dd, sum = 0;
  memset(&f, 0, sizeof f);
  for (int i = 0; i < 10; i++)
    if (!(i == 7 || i == 8) || !letters)
      if (s[i] < '0' || s[i] > '9') return f;
  dd = (s[0] - '0') * 10 + (s[1] - '0');
  f.month = (s[2] - '0') * 10 + (s[3] - '0');
  f.c7 = s[6] - '0';
  f.sex = (s[9] - '0') % 2;
  if (letters) {
    int yy = (s[4] - '0') * 10 + (s[5] - '0');
    switch (f.c7) {
      case 1: f.kind = DKCPR_KIND_XECPR, f.year = 1900 + yy; break;
      case 7: f.kind = DKCPR_KIND_XECPR, f.year = 2000 + yy; break;
      case 0: f.kind = DKCPR_KIND_DECPR, f.year = 1900 + yy; break;
      case 5: f.kind = DKCPR_KIND_DECPR, f.year = 1800 + yy; break;
      case 6: f.kind = DKCPR_KIND_DECPR, f.year = 2000 + yy; break;
      default: return f;
    }
    f.day = dd;
  } else {
    f.year = tu_century(f.c7, (s[4] - '0') * 10 + (s[5] - '0'));
    f.kind = dd > 60 ? DKCPR_KIND_REPLACEMENT : DKCPR_KIND_CPR;
    f.day = dd > 60 ? dd - 60 : dd;
    for (int i = 0; i < 10; i++) sum += w[i] * (s[i] - '0');
    f.mod11 = sum % 11 == 0;
  }
  f.ok = f.day >= 1 && f.day <= tu_mdays(f.year, f.month);
  return f;
}

/* xorshift64*: reproducible test inputs, not crypto. */
static uint64_t tu_rand(uint64_t *s) {
  *s ^= *s >> 12;
  *s ^= *s << 25;
  *s ^= *s >> 27;
  return *s * 2685821657736338717ull;
}

/* A random valid number of a kind, as 10 canonical characters + NUL. For
 * digit kinds want_mod11 is -1 (any), 0 or 1. */
static void tu_random(char out[11], int kind, int want_mod11, uint64_t *rs) {
  for (;;) {
    int y, m, d, c7, yy;
    if (kind == DKCPR_KIND_XECPR) y = 1900 + (int)(tu_rand(rs) % 200);
    else if (kind == DKCPR_KIND_DECPR) y = 1800 + (int)(tu_rand(rs) % 300);
    else y = 1858 + (int)(tu_rand(rs) % 200);
    yy = y % 100;
    m = 1 + (int)(tu_rand(rs) % 12);
    d = 1 + (int)(tu_rand(rs) % (uint64_t)tu_mdays(y, m));
    if (kind == DKCPR_KIND_XECPR) c7 = y < 2000 ? 1 : 7;
    else if (kind == DKCPR_KIND_DECPR) c7 = y < 1900 ? 5 : y < 2000 ? 0 : 6;
    else {
      do c7 = (int)(tu_rand(rs) % 10);
      while (tu_century(c7, yy) != y);
    }
    if (kind == DKCPR_KIND_REPLACEMENT) d += 60;
    snprintf(out, 11, "%02d%02d%02d%d", d, m, yy, c7);
    if (kind >= DKCPR_KIND_XECPR) {
      out[7] = (char)('A' + tu_rand(rs) % 26);
      out[8] = (char)('A' + tu_rand(rs) % 26);
      out[9] = (char)('0' + tu_rand(rs) % 10);
    } else {
      int tail = (int)(tu_rand(rs) % 1000);
      out[7] = (char)('0' + tail / 100);
      out[8] = (char)('0' + tail / 10 % 10);
      out[9] = (char)('0' + tail % 10);
    }
    out[10] = '\0';
    if (kind < DKCPR_KIND_XECPR && want_mod11 >= 0 && tu_facts(out).mod11 != want_mod11)
      continue;
    return;
  }
}

/* Parse options that accept everything a pseudonym may be. */
static dkcpr_options tu_opts(dkcpr_policy policy, unsigned flags) {
  dkcpr_options o;
  dkcpr_options_init(&o, DKCPR_OPTIONS_VERSION);
  o.policy = policy;
  o.flags = flags | DKCPR_PARSE_ALLOW_FUTURE;
  return o;
}

static dkcpr_pseudonymizer *tu_handle(const char *context, unsigned keep,
                                      unsigned flags) {
  dkcpr_pseudonymizer *p = NULL;
  if (dkcpr_pseudonymizer_new(&p, test_key, sizeof test_key,
                              (const uint8_t *)context, strlen(context), keep,
                              flags) != DKCPR_OK)
    return NULL;
  return p;
}

/* The 10 characters as a number, for sorting and duplicate checks (letters
 * map to 10..35, so e-CPR values never equal digit values of another kind). */
static uint64_t tu_key(const char *s) {
  uint64_t v = 0;
  for (int i = 0; i < 10; i++) v = v * 36 + (uint64_t)(s[i] <= '9' ? s[i] - '0' : s[i] - 'A' + 10);
  return v;
}

static int tu_cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

static const unsigned tu_keeps[] = {
    DKCPR_KEEP_NONE, DKCPR_KEEP_SEX, DKCPR_KEEP_YEAR, DKCPR_KEEP_DEFAULT,
    DKCPR_KEEP_DATE, DKCPR_KEEP_DATE | DKCPR_KEEP_SEX};
#define TU_NKEEPS (sizeof tu_keeps / sizeof tu_keeps[0])

#endif
