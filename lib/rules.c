/* SPDX-License-Identifier: Apache-2.0 */
/* The CPR rules on 10 canonical characters: century, date, mod 11, kind,
 * policy and the not-yet-born check, in the contract's order of checks. */
#include <string.h>

#include "parse.h"
#include "rules.h"

int dkcpr__mod11_remainder(const char digits[10]) {
  static const unsigned char weight[10] = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
  int sum = 0;
  for (int i = 0; i < 10; i++)
    sum += weight[i] * (digits[i] - '0');
  return sum % 11;
}

/* Per byte: 1 for an ASCII digit, 2 for an ASCII capital letter. */
static const unsigned char char_class[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
    ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['A'] = 2, ['B'] = 2,
    ['C'] = 2, ['D'] = 2, ['E'] = 2, ['F'] = 2, ['G'] = 2, ['H'] = 2,
    ['I'] = 2, ['J'] = 2, ['K'] = 2, ['L'] = 2, ['M'] = 2, ['N'] = 2,
    ['O'] = 2, ['P'] = 2, ['Q'] = 2, ['R'] = 2, ['S'] = 2, ['T'] = 2,
    ['U'] = 2, ['V'] = 2, ['W'] = 2, ['X'] = 2, ['Y'] = 2, ['Z'] = 2};

dkcpr_status dkcpr__check_shape(const char canon[10]) {
  const unsigned char *c = (const unsigned char *)canon;
  for (int i = 0; i < 10; i++)
    if (i != 7 && i != 8 && char_class[c[i]] != 1)
      return DKCPR_E_CHAR;
  if (char_class[c[7]] == 0 || char_class[c[7]] != char_class[c[8]])
    return DKCPR_E_CHAR;
  return DKCPR_OK;
}

/* e-CPR year by 7th character; 0 marks a digit that is no e-CPR century. */
static const short ecpr_base[10] = {1900, 1900, 0, 0, 0, 1800, 2000, 2000, 0, 0};

dkcpr_status dkcpr__check_canonical(dkcpr_cpr *out, const char canon[10],
                                    const dkcpr_options *opts) {
  if (canon == NULL)
    return DKCPR_E_NULL;
  dkcpr__ref ref;
  dkcpr_status st = dkcpr__resolve_options(&ref, opts);
  if (st != DKCPR_OK)
    return st;
  return dkcpr__check_resolved(out, canon, &ref);
}

/* Write a result. Out of line: keeps the validation path free of calls, so
 * it needs no saved registers. mod11 and known are -1 when not yet known. */
__attribute__((noinline)) static void
fill_result(dkcpr_cpr *out, const char canon[10], int year, int month, int day,
            dkcpr_kind kind, int mod11, int known, const dkcpr_datelist *list) {
  memmove(out->digits, canon, 10); /* canon may be out->digits */
  out->digits[10] = '\0';
  out->year = year;
  out->month = month;
  out->day = day;
  out->sex = ((canon[9] - '0') & 1) ? DKCPR_SEX_MALE : DKCPR_SEX_FEMALE;
  out->kind = kind;
  if (mod11 < 0)
    mod11 = (kind == DKCPR_KIND_CPR || kind == DKCPR_KIND_REPLACEMENT) &&
            dkcpr__mod11_remainder(canon) == 0;
  out->mod11 = mod11;
  out->known_date =
      known >= 0 ? known : dkcpr__known_date(list, DKCPR__DATE_KEY(year, month, day));
  out->century_digit = canon[6] - '0';
  for (int i = 0; i < 4; i++)
    out->reserved[i] = 0;
}

dkcpr_status dkcpr__check_resolved(dkcpr_cpr *out, const char canon[10],
                                   const dkcpr__ref *ref) {
  const unsigned char *c = (const unsigned char *)canon;

  /* Shape: 7 digits, then two digits or two capital letters, then a digit.
   * Fast test first: are bytes 0-7 all ASCII digits? (High nibbles all 3,
   * and adding 6 to each byte keeps them 3: no carry can cross bytes.) */
  uint64_t v;
  memcpy(&v, c, 8);
  unsigned middle;
  if ((v & 0xF0F0F0F0F0F0F0F0u) == 0x3030303030303030u &&
      ((v + 0x0606060606060606u) & 0xF0F0F0F0F0F0F0F0u) == 0x3030303030303030u &&
      (char_class[c[8]] & char_class[c[9]]) == 1) {
    middle = 1;
  } else {
    unsigned digits = char_class[c[0]] & char_class[c[1]] & char_class[c[2]] &
                      char_class[c[3]] & char_class[c[4]] & char_class[c[5]] &
                      char_class[c[6]] & char_class[c[9]];
    if (digits != 1)
      return DKCPR_E_CHAR;
    middle = char_class[c[7]];
    if (middle == 0 || middle != char_class[c[8]])
      return DKCPR_E_CHAR;
  }

  int d1 = (c[0] - '0') * 10 + (c[1] - '0');
  int month = (c[2] - '0') * 10 + (c[3] - '0');
  int yy = (c[4] - '0') * 10 + (c[5] - '0');
  int c7 = c[6] - '0';
  dkcpr_kind kind;
  int year, day = d1;

  if (middle == 2) {
    if (ecpr_base[c7] == 0)
      return DKCPR_E_CHAR; /* letters, but no e-CPR century digit */
    kind = (c7 == 1 || c7 == 7) ? DKCPR_KIND_XECPR : DKCPR_KIND_DECPR;
    year = ecpr_base[c7] + yy;
  } else {
    kind = DKCPR_KIND_CPR;
    if (d1 >= 61 && d1 <= 91) {
      kind = DKCPR_KIND_REPLACEMENT;
      day = d1 - 60;
    }
    year = dkcpr__century_year(c7, yy);
  }

  if (!dkcpr__date_valid(year, month, day))
    return DKCPR_E_DATE;
  if (kind != DKCPR_KIND_CPR && !(ref->flags & DKCPR_PARSE_ALLOW_REPLACEMENT))
    return DKCPR_E_REPLACEMENT;

  /* Mod 11 and the list lookup only when a policy or the caller needs them:
   * plain validation under the default policy skips both. */
  int mod11 = -1, known = -1;
  uint32_t key = DKCPR__DATE_KEY(year, month, day);
  if (kind == DKCPR_KIND_CPR && ref->policy != DKCPR_POLICY_DEFAULT) {
    mod11 = dkcpr__mod11_remainder(canon) == 0;
    if (!mod11 && ref->policy == DKCPR_POLICY_STRICT)
      return DKCPR_E_MOD11;
    if (!mod11) {
      known = dkcpr__known_date(ref->known_dates, key);
      if (!known)
        return DKCPR_E_MOD11;
    }
  }
  if (key > ref->date_key && !(ref->flags & DKCPR_PARSE_ALLOW_FUTURE))
    return DKCPR_E_FUTURE;

  if (out != NULL)
    fill_result(out, canon, year, month, day, kind, mod11, known, ref->known_dates);
  return DKCPR_OK;
}
