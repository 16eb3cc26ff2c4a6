/* SPDX-License-Identifier: Apache-2.0 */
/* Context words and the confidence rule.
 *
 * Context: a keyword starting within the DKCPR__SCAN_WINDOW (64) bytes before
 * a number, or within the DKCPR__SCAN_AFTER (48) bytes after it on the same
 * line (HL7 v2 writes the identifier's type after it: "0707614285^^^CPR^PN";
 * FHIR may write an identifier's system after its value). A window is folded
 * first: ASCII letters to lower case, a word boundary (space) inserted where
 * a lower-case letter meets an upper-case one (cprNr, borgerCPR,
 * PersonCivilRegistrationIdentifier), Æ/æ to "ae", Ø/ø to "oe", Å/å to "aa",
 * runs of white space (including no-break space) and '_' to one space, other
 * non-ASCII bytes to '#'. A keyword that begins with a letter must start a
 * word (no letter or digit before it); those marked "whole" must also end
 * one (no letter after it, or no digit after one that ends in a digit),
 * because they are short or common. Besides words: the HL7 identifier type
 * "^PN" (person number) and the CPR's OID 1.2.208.176.1.2 (FHIR
 * "urn:oid:1.2.208.176.1.2").
 *
 * A CSV or TSV header also gives context: when the stream's first line is
 * short (DKCPR__SCAN_HEADER), holds no run of 6 digits, and splits at its
 * most frequent delimiter (';' ',' tab '|', outside double quotes) into
 * names of at most 48 bytes, a number whose line starts within
 * DKCPR__SCAN_LINE bytes before it and that stands in a column whose name
 * holds a keyword has context ("id;cpr;navn", then "7;0707614285;Anne").
 *
 * Confidence: points = separator point (1, see scan_core.c) + form (1) +
 * context word (2), minus 1 for the nine-digit form; 0-1 low, 2 medium,
 * 3-4 high. The form point is
 * mod 11 for an ordinary CPR number; a replacement number (day + 60, e-CPR)
 * always has it: its form is its mark, and no rule asks it to pass mod 11.
 * That also keeps a never-real pseudonym (day + 60, mod 11 not kept) at or
 * above its original's confidence, so reveal finds every number wash replaced. So a context word with a separator or mod 11 is high; a context
 * word alone, or a separator with mod 11, is medium; the rest is low. */
#define _GNU_SOURCE /* memrchr */
#include <string.h>

#include "dkcpr.h"
#include "scan_core.h"

typedef struct keyword {
  const char *text;
  unsigned char len;
  unsigned char whole;
} keyword;

#define KW(s, w) {s, sizeof(s) - 1, w}

/* Folded spellings. "cpr" covers cpr-nr, cpr.nr, cprnr, cpr-nummer, cpr_nr. */
/* Sorted by first character; keyword_range() gives each character's run. */
static const keyword keywords[] = {
    KW("1.2.208.176.1.2", 1),                                     /* 0 */
    KW("^pn", 1),                                                 /* 1 */
    KW("birth date", 0),    KW("birthdate", 0),  KW("born", 1),   /* 2-4 */
    KW("cpr", 0),           KW("civil registration", 0),          /* 5-6 */
    KW("date of birth", 0),                                       /* 7 */
    KW("foedselsdato", 0),  KW("fodselsdato", 0), KW("foedselsnummer", 0),
    KW("foedselsnr", 0),    KW("foedt", 1),       KW("fodt", 1),  /* 8-13 */
    KW("personnummer", 0),  KW("personnr", 0),    KW("persnr", 0),
    KW("pers.nr", 0),       KW("pers. nr", 0),    KW("pnr", 1),
    KW("p-nr", 1),          KW("p.nr", 1),        KW("personal id", 0),
                                                                  /* 14-22 */
    KW("ssn", 1),           KW("social security", 0),             /* 23-24 */
};

/* Letters b-s that begin a keyword, as bits from 'b' (a quick test). */
#define FIRST_LETTERS                                                        \
  (1u << ('b' - 'b') | 1u << ('c' - 'b') | 1u << ('d' - 'b') |               \
   1u << ('f' - 'b') | 1u << ('p' - 'b') | 1u << ('s' - 'b'))

/* The keywords that begin with c: [*lo, *hi); 0 if none. */
static int keyword_range(unsigned char c, size_t *lo, size_t *hi) {
  switch (c) {
  case '1': *lo = 0; *hi = 1; return 1;
  case '^': *lo = 1; *hi = 2; return 1;
  case 'b': *lo = 2; *hi = 5; return 1;
  case 'c': *lo = 5; *hi = 7; return 1;
  case 'd': *lo = 7; *hi = 8; return 1;
  case 'f': *lo = 8; *hi = 14; return 1;
  case 'p': *lo = 14; *hi = 23; return 1;
  case 's': *lo = 23; *hi = 25; return 1;
  default: return 0;
  }
}

/* The first three characters as one number (every keyword has three). */
static uint32_t prefix3(const unsigned char *s) {
  return (uint32_t)s[0] | (uint32_t)s[1] << 8 | (uint32_t)s[2] << 16;
}

static int is_word_char(unsigned char b) {
  return (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9');
}

static int is_alpha(unsigned char b) { return b >= 'a' && b <= 'z'; }

/* ASCII folded: letters to lower case, white space and '_' to ' '. */
static const unsigned char ascii_fold[128] = {
      0,   1,   2,   3,   4,   5,   6,   7,   8,  32,  32,  32,  32,  32,  14,  15,
     16,  17,  18,  19,  20,  21,  22,  23,  24,  25,  26,  27,  28,  29,  30,  31,
     32,  33,  34,  35,  36,  37,  38,  39,  40,  41,  42,  43,  44,  45,  46,  47,
     48,  49,  50,  51,  52,  53,  54,  55,  56,  57,  58,  59,  60,  61,  62,  63,
     64,  97,  98,  99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122,  91,  92,  93,  94,  32,
     96,  97,  98,  99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127,
};


/* Fold len bytes into out (room for 2 * len); returns the folded length. */
static size_t fold(const unsigned char *s, size_t len, unsigned char *out) {
  size_t i = 0, n = 0;
  while (i < len) {
    unsigned char b = s[i];
    if (b < 0x80) {
      unsigned char f = ascii_fold[b];
      if (f == ' ') {
        if (n == 0 || out[n - 1] != ' ') out[n++] = ' ';
      } else {
        /* a word boundary where a lower-case letter meets an upper-case one */
        if (f != b && i > 0 && (unsigned char)(s[i - 1] - 'a') < 26)
          out[n++] = ' ';
        out[n++] = f;
      }
      i++;
      continue;
    }
    if (b == 0xC3 && i + 1 < len) {
      const char *sub = NULL;
      switch (s[i + 1]) {
      case 0x86: case 0xA6: sub = "ae"; break;
      case 0x98: case 0xB8: sub = "oe"; break;
      case 0x85: case 0xA5: sub = "aa"; break;
      default: break;
      }
      if (sub) {
        out[n++] = (unsigned char)sub[0];
        out[n++] = (unsigned char)sub[1];
        i += 2;
        continue;
      }
    }
    if (b == 0xC2 && i + 1 < len && s[i + 1] == 0xA0) {
      if (n == 0 || out[n - 1] != ' ') out[n++] = ' ';
      i += 2;
      continue;
    }
    out[n++] = '#';
    i++;
  }
  return n;
}

int dkcpr__context_in(const unsigned char *text, size_t len) {
  unsigned char f[2 * DKCPR__SCAN_WINDOW + 8]; /* folding at most doubles */
  size_t n, i, k, lo, hi;
  if (len > DKCPR__SCAN_WINDOW) {
    text += len - DKCPR__SCAN_WINDOW;
    len = DKCPR__SCAN_WINDOW;
  }
  n = fold(text, len, f);
  f[n] = f[n + 1] = f[n + 2] = 0;
  for (i = 0; i < n; i++) {
    uint32_t head;
    if (!(f[i] >= 'b' && f[i] <= 's'
              ? (FIRST_LETTERS >> (f[i] - 'b')) & 1u
              : f[i] == '^' || f[i] == '1') ||
        !keyword_range(f[i], &lo, &hi))
      continue;
    if ((is_alpha(f[i]) || (f[i] >= '0' && f[i] <= '9')) && i > 0 &&
        is_word_char(f[i - 1]))
      continue;
    head = prefix3(f + i);
    for (k = lo; k < hi; k++) {
      const keyword *w = &keywords[k];
      unsigned char last, next;
      if (prefix3((const unsigned char *)w->text) != head || i + w->len > n ||
          memcmp(f + i + 3, w->text + 3, w->len - 3u) != 0)
        continue;
      last = (unsigned char)w->text[w->len - 1];
      next = i + w->len < n ? f[i + w->len] : 0;
      if (w->whole && (is_alpha(last) ? is_alpha(next)
                                      : next >= '0' && next <= '9'))
        continue;
      return 1;
    }
  }
  return 0;
}


static int is_delim(unsigned char b) {
  return b == ',' || b == ';' || b == '\t' || b == '|';
}

void dkcpr__header_read(dkcpr__scan_core *c, const unsigned char *text,
                        size_t len) {
  static const char delims[] = ";,\t|";
  size_t count[4] = {0, 0, 0, 0}, i, start, col, best = 0, d, digits = 0;
  int quoted = 0;
  if (len > 0 && text[len - 1] == '\r') len--;
  for (i = 0; i < len; i++) {
    digits = text[i] >= '0' && text[i] <= '9' ? digits + 1 : 0;
    if (digits >= 6) return; /* data, not names */
    if (text[i] == '"') quoted = !quoted;
    if (!quoted && is_delim(text[i]))
      count[strchr(delims, text[i]) - delims]++;
  }
  for (d = 1; d < 4; d++)
    if (count[d] > count[best]) best = d;
  if (count[best] == 0) return;
  /* Column names are short: a long field means prose, not a header. */
  for (i = 0, start = 0, col = 0, quoted = 0; i <= len; i++) {
    if (i < len && text[i] == '"') quoted = !quoted;
    if (i < len && (quoted || text[i] != (unsigned char)delims[best])) continue;
    if (i - start > 48) {
      c->header_cols = 0;
      return;
    }
    if (col < 64 && dkcpr__context_in(text + start, i - start))
      c->header_cols |= 1ull << col;
    col++;
    start = i + 1;
  }
  c->header_delim = delims[best];
}

/* 1 if the number at start is in a column the header names with a
 * context word: its line starts within DKCPR__SCAN_LINE bytes. */
static int header_column(const dkcpr__scan_core *c, uint64_t start) {
  unsigned char buf[DKCPR__SCAN_LINE];
  uint64_t from = start > DKCPR__SCAN_LINE ? start - DKCPR__SCAN_LINE : 0;
  size_t n = dkcpr__core_copy(c, from, start, buf), i, col = 0;
  const unsigned char *nl = memrchr(buf, '\n', n);
  int quoted = 0;
  if (nl == NULL) return 0; /* the first line, or a line too long */
  for (i = (size_t)(nl - buf) + 1; i < n; i++) {
    if (buf[i] == '"') quoted = !quoted;
    if (!quoted && buf[i] == (unsigned char)c->header_delim) col++;
  }
  return col < 64 && (c->header_cols >> col & 1u);
}

/* What an earlier JSON object or XML element said is about its own value:
 * the offset just after the last '}' or end tag ("</...>") in buf, or 0. */
static size_t after_last_close(const unsigned char *buf, size_t n) {
  const unsigned char *brace = memrchr(buf, '}', n);
  size_t cut = brace ? (size_t)(brace - buf) + 1 : 0, end = n;
  while (end > cut) {
    const unsigned char *gt = memrchr(buf + cut, '>', end - cut), *lt;
    if (gt == NULL) break;
    lt = memrchr(buf + cut, '<', (size_t)(gt - (buf + cut)));
    if (lt == NULL) break;
    if (lt[1] == '/') return (size_t)(gt - buf) + 1;
    end = (size_t)(lt - buf); /* a start tag: look before it */
  }
  return cut;
}

int dkcpr__context_near(const dkcpr__scan_core *c, uint64_t start,
                        uint64_t end) {
  unsigned char buf[DKCPR__SCAN_WINDOW];
  uint64_t from = start > DKCPR__SCAN_WINDOW ? start - DKCPR__SCAN_WINDOW : 0;
  uint64_t to = end + DKCPR__SCAN_AFTER < c->total ? end + DKCPR__SCAN_AFTER
                                                   : c->total;
  size_t n = dkcpr__core_copy(c, from, start, buf), k;
  size_t cut = after_last_close(buf, n);
  if (dkcpr__context_in(buf + cut, n - cut)) return 1;
  if (c->header_cols && header_column(c, start)) return 1;
  /* After the number, only within its own field: up to the first white
   * space, HL7 field or repetition mark ('|', '~'), the end of its JSON
   * object or array ('}', ']') or of its XML end tag ('>'). What follows
   * more often labels the next value ("070761-4285, cpr 0201609995",
   * "...},"birthDate":...", "</cpr><tlf>"). */
  n = dkcpr__core_copy(c, end, to, buf);
  for (k = 0; k < n; k++)
    if (buf[k] <= ' ' || buf[k] == '|' || buf[k] == '~' || buf[k] == '}' ||
        buf[k] == ']' || buf[k] == '>')
      break;
  return k >= 3 && dkcpr__context_in(buf, k); /* keywords have 3 or more */
}

dkcpr_confidence dkcpr__confidence(const dkcpr__cand *cand,
                                   const dkcpr_cpr *cpr, int context) {
  dkcpr__shape shape = cand->shape;
  int points = cand->sep_point;
  if (cpr->mod11 || cpr->kind != DKCPR_KIND_CPR) points += 1;
  if (context) points += 2;
  if (shape == DKCPR__SHAPE_NINE) points -= 1;
  if (points >= 3) return DKCPR_CONFIDENCE_HIGH;
  if (points == 2) return DKCPR_CONFIDENCE_MEDIUM;
  return DKCPR_CONFIDENCE_LOW;
}
