/* SPDX-License-Identifier: Apache-2.0 */
/* HL7 version 2 messages (ER7, the pipe-and-hat encoding): segments end at
 * CR (LF and CRLF are read too), MSH, FHS and BHS segments give the
 * delimiters, MLLP framing bytes are kept. Each segment is held whole (at
 * most SEG_MAX bytes) and written field by field: component 1 of an
 * identifier whose assigning authority or type says CPR (CX: value^check
 * digit^scheme^CPR^PN, or the authority's OID 1.2.208.176.1.2) is a CPR
 * number at high confidence; fields and components named by rules
 * (`PID-7`, `PID-5.1`) or --cpr-field are rewritten; every other byte goes
 * to the text path, whose scanner finds numbers in free text. A segment is
 * a row: its companions follow its first CPR number. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/crypto.h>

#include "struct_washer.h"

/* A longer segment (an embedded document) is washed in parts: the held
 * part by its fields, the rest as text. */
#define SEG_MAX (64u * 1024u)
/* The OID of the Danish CPR register as an assigning authority. */
#define CPR_OID "1.2.208.176.1.2"

struct dkcpr__hl7_state {
  char fs, cs, rs, es, ss;  /* field, component, repetition, escape, subcomponent */
  int known;                /* a header segment gave the delimiters */
  int names;                /* rules or the caller name fields: look them up */
  int companions;           /* the rules derive values from the row's CPR number */
  int streaming;            /* the rest of a segment longer than SEG_MAX */
  char *seg;                /* the segment being held */
  size_t seg_len;
  uint64_t seg_at, seg_line, seg_column; /* where it starts */
  uint64_t line, column;    /* position of the next byte fed: a segment is a line */
  int after_cr;             /* the last byte fed was CR: an LF after it ends no line */
};

/* A piece of a segment. */
typedef struct span {
  const char *s;
  size_t n;
} span;

dkcpr_status dkcpr__hl7_new(dkcpr_struct_washer *w) {
  dkcpr__hl7_state *h = calloc(1, sizeof *h);
  size_t i;
  if (h == NULL) return DKCPR_E_NOMEM;
  h->seg = malloc(SEG_MAX);
  if (h->seg == NULL) {
    free(h);
    return DKCPR_E_NOMEM;
  }
  h->line = h->column = 1;
  h->names = w->rules.n > 0 || w->names.len > 0;
  for (i = 0; i < w->rules.n; i++)
    if (DKCPR__RULE_NEEDS_ROW(w->rules.rule[i].action)) h->companions = 1;
  w->hl7 = h;
  return DKCPR_OK;
}

void dkcpr__hl7_free(dkcpr_struct_washer *w) {
  dkcpr__hl7_state *h = w->hl7;
  if (h == NULL) return;
  OPENSSL_cleanse(h->seg, SEG_MAX);
  free(h->seg);
  OPENSSL_cleanse(h, sizeof *h);
  free(h);
  w->hl7 = NULL;
}

size_t dkcpr__hl7_held(const dkcpr_struct_washer *w) {
  return w->hl7 != NULL ? w->hl7->seg_len : 0;
}

static int is_delimiter(char c) {
  return c > ' ' && c < 0x7F && !(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z') &&
         !(c >= 'a' && c <= 'z');
}

static int is_special(const dkcpr__hl7_state *h, char c) {
  return c != 0 && (c == h->fs || c == h->cs || c == h->rs || c == h->es || c == h->ss);
}

/* s with the message's delimiters written as HL7 escapes, into out
 * (3n bytes): a lookalike or companion pattern may hold one. */
static size_t escaped(const dkcpr__hl7_state *h, char *out, const char *s, size_t n) {
  size_t o = 0, i;
  for (i = 0; i < n; i++) {
    char c = s[i], e = 0;
    if (!is_special(h, c)) {
      out[o++] = c;
      continue;
    }
    if (c == h->fs) e = 'F';
    else if (c == h->cs) e = 'S';
    else if (c == h->rs) e = 'R';
    else if (c == h->ss) e = 'T';
    else e = 'E';
    out[o++] = h->es;
    out[o++] = e;
    out[o++] = h->es;
  }
  return o;
}

/* The delimiters of a header segment s[0..n) (MSH|^~\&...); NULL, or why
 * they cannot be used. */
static const char *read_delimiters(const dkcpr_struct_washer *w, dkcpr__hl7_state *h,
                                   const char *s, size_t n) {
  char enc[5] = {0, 0, 0, 0, 0};
  size_t k = 0, i, j;
  static const char *const invalid = "a header segment's delimiters (MSH-1, MSH-2) are not valid";
  if (n < 5 || !is_delimiter(s[3])) return invalid;
  for (i = 4; i < n && s[i] != s[3]; i++) {
    if (k == sizeof enc || !is_delimiter(s[i])) return invalid;
    enc[k++] = s[i];
  }
  if (k < 2) return invalid; /* component and repetition separators at least */
  for (i = 0; i < k; i++) {
    if (enc[i] == s[3]) return invalid;
    for (j = i + 1; j < k; j++)
      if (enc[i] == enc[j]) return invalid;
  }
  h->fs = s[3];
  h->cs = enc[0];
  h->rs = enc[1];
  h->es = enc[2];
  h->ss = enc[3];
  h->known = 1;
  /* The text path writes the placeholder into any field as it is. */
  for (i = 0; i < w->set.placeholder_len; i++)
    if (is_special(h, w->set.placeholder[i]))
      return "the placeholder holds one of the message's delimiters (MSH-1, MSH-2)";
  return NULL;
}

/* Whether an identifier's components (CX) say it is a CPR number: its
 * assigning authority (4) is CPR or the CPR register's OID, or its type
 * (5) is CPR or PN (person number). */
static int says_cpr(const dkcpr__hl7_state *h, span rep) {
  const char *p = rep.s, *end = rep.s + rep.n;
  int comp = 1;
  while (p <= end && comp <= 5) {
    const char *c = h->cs ? memchr(p, h->cs, (size_t)(end - p)) : NULL;
    const char *ce = c ? c : end;
    size_t len = (size_t)(ce - p);
    if (comp == 4) {
      const char *sub = h->ss ? memchr(p, h->ss, len) : NULL;
      size_t first = sub ? (size_t)(sub - p) : len;
      if (first == 3 && strncasecmp(p, "CPR", 3) == 0) return 1;
      for (size_t i = 0; i + sizeof CPR_OID - 1 <= len; i++)
        if (memcmp(p + i, CPR_OID, sizeof CPR_OID - 1) == 0 &&
            (i + sizeof CPR_OID - 1 == len || p[i + sizeof CPR_OID - 1] == h->ss))
          return 1;
    } else if (comp == 5) {
      if ((len == 3 && strncasecmp(p, "CPR", 3) == 0) || (len == 2 && strncasecmp(p, "PN", 2) == 0))
        return 1;
    }
    if (c == NULL) break;
    p = c + 1;
    comp++;
  }
  return 0;
}

/* A field's or component's name as rules write it: PID-3, PID-5.1. */
static size_t field_name(char *out, const char *seg, unsigned field, unsigned comp) {
  int n = comp ? snprintf(out, 32, "%.3s-%u.%u", seg, field, comp)
               : snprintf(out, 32, "%.3s-%u", seg, field);
  return n > 0 ? (size_t)n : 0;
}

typedef struct seg_ctx {
  dkcpr_struct_washer *w;
  dkcpr__hl7_state *h;
  const char *name;   /* the segment's three letters */
  const char *run;    /* bytes from here are not yet written */
  int emit;           /* 0: only find the row's number */
  dkcpr__row row;
  int whole;
} seg_ctx;

static dkcpr_status put_run(seg_ctx *x, const char *upto) {
  dkcpr_status st = DKCPR_OK;
  if (upto > x->run) st = dkcpr__text_put(&x->w->text, x->run, (size_t)(upto - x->run));
  x->run = upto;
  return st;
}

/* A CPR value (component 1 of an identifier, or a named component). */
static dkcpr_status cpr_value(seg_ctx *x, span v) {
  dkcpr_status st;
  if (!x->emit) {
    if (!x->row.known && v.n > 0 && v.n <= DKCPR__VALUE_HOLD) dkcpr__value_row(x->w, &x->row, v.s, v.n);
    return DKCPR_OK;
  }
  if (v.n == 0) return DKCPR_OK;
  if ((st = put_run(x, v.s)) != DKCPR_OK) return st;
  x->run = v.s + v.n;
  if (v.n > DKCPR__VALUE_HOLD) { /* too long to be a number */
    x->w->counts.values++;
    x->w->counts.unrecognised++;
    return dkcpr__text_put(&x->w->text, v.s, v.n);
  }
  return dkcpr__value_wash(x->w, v.s, v.n, DKCPR__VALUE_TEXT, 1, 0);
}

/* A value with a rewriting rule. */
static dkcpr_status rule_value(seg_ctx *x, const dkcpr__rule *rule, span v) {
  char repl[DKCPR__VALUE_MAX], out[3 * DKCPR__VALUE_MAX];
  size_t n = 0, len = v.n;
  int over = 0;
  dkcpr_status st;
  if (!x->emit || v.n == 0 || (v.n == 2 && v.s[0] == '"' && v.s[1] == '"'))
    return DKCPR_OK; /* nothing to hide (two quotes: HL7's null) */
  if ((st = put_run(x, v.s)) != DKCPR_OK) return st;
  x->run = v.s + v.n;
  if (len > DKCPR__VALUE_HOLD + 2) {
    len = DKCPR__VALUE_HOLD + 2;
    over = 1;
  }
  switch (dkcpr__value_rule(x->w, rule, x->whole ? &x->row : NULL, v.s, len, over, repl, &n)) {
  case DKCPR__RULE_OUT_EMPTY: return DKCPR_OK;
  case DKCPR__RULE_OUT_NONE:
    return dkcpr__text_value(&x->w->text, x->w->set.placeholder, x->w->set.placeholder_len);
  default: break;
  }
  n = escaped(x->h, out, repl, n);
  if (n > x->w->value_max) { /* escapes made it longer than the output allows */
    x->w->counts.rule_unusable++;
    return dkcpr__text_value(&x->w->text, x->w->set.placeholder, x->w->set.placeholder_len);
  }
  return dkcpr__text_value(&x->w->text, out, n);
}

/* One repetition of a field. */
static dkcpr_status repetition(seg_ctx *x, unsigned field, span rep,
                               const dkcpr__rule *field_rule, int field_cpr) {
  const dkcpr__hl7_state *h = x->h;
  const char *p = rep.s, *end = rep.s + rep.n;
  unsigned comp = 1;
  int typed = -1; /* says_cpr, worked out when component 1 needs it */
  dkcpr_status st;
  if (field_rule != NULL) return rule_value(x, field_rule, rep);
  for (;;) {
    const char *c = h->cs ? memchr(p, h->cs, (size_t)(end - p)) : NULL;
    span v = {p, (size_t)((c ? c : end) - p)};
    const dkcpr__rule *rule = NULL;
    int cpr = 0;
    if (h->names) {
      char name[32];
      size_t nl = field_name(name, x->name, field, comp);
      rule = dkcpr__struct_rewrite_rule(x->w, name, nl);
      cpr = dkcpr__struct_field_cpr(x->w, name, nl);
    }
    if (comp == 1 && !cpr && !rule) {
      if (typed < 0) typed = says_cpr(h, rep);
      cpr = field_cpr || typed;
    }
    if (rule != NULL) st = rule_value(x, rule, v);
    else if (cpr) st = cpr_value(x, v);
    else st = DKCPR_OK;
    if (st != DKCPR_OK) return st;
    if (c == NULL) return DKCPR_OK;
    p = c + 1;
    comp++;
    /* Without names only component 1 can be a CPR number. */
    if (!h->names) return DKCPR_OK;
  }
}

static dkcpr_status field(seg_ctx *x, unsigned number, span f) {
  const dkcpr__hl7_state *h = x->h;
  const dkcpr__rule *rule = NULL;
  int cpr = 0;
  const char *p = f.s, *end = f.s + f.n;
  dkcpr_status st;
  if (f.n == 0) return DKCPR_OK;
  if (h->names) {
    char name[32];
    size_t nl = field_name(name, x->name, number, 0);
    rule = dkcpr__struct_rewrite_rule(x->w, name, nl);
    cpr = dkcpr__struct_field_cpr(x->w, name, nl);
  } else if (memchr(f.s, h->cs, f.n) == NULL) {
    return DKCPR_OK; /* no components: nothing says CPR */
  }
  for (;;) {
    const char *r = memchr(p, h->rs, (size_t)(end - p));
    span rep = {p, (size_t)((r ? r : end) - p)};
    if ((st = repetition(x, number, rep, rule, cpr)) != DKCPR_OK) return st;
    if (r == NULL) return DKCPR_OK;
    p = r + 1;
  }
}

/* A syntax error at s[k] of the held segment (which holds no line end). */
static dkcpr_status fail(dkcpr_struct_washer *w, const dkcpr__hl7_state *h, size_t k,
                         const char *msg) {
  uint64_t column = h->seg_column;
  size_t i;
  for (i = 0; i < k; i++)
    if (((unsigned char)h->seg[i] & 0xC0) != 0x80) column++;
  return dkcpr__struct_syntax_at(w, h->seg_at + k, h->seg_line, column, msg);
}

/* Walk the fields of the segment s[0..n) from its name at s[k]. */
static dkcpr_status fields(seg_ctx *x, const char *s, size_t k, size_t n, int header) {
  const char *p = s + k + 3, *end = s + n;
  unsigned number = header ? 1u : 0u;
  dkcpr_status st;
  while (p < end) { /* *p is the field separator */
    const char *f = p + 1, *fe = memchr(f, x->h->fs, (size_t)(end - f));
    if (fe == NULL) {
      if (!x->whole) return DKCPR_OK; /* cut: the rest is text */
      fe = end;
    }
    number++;
    if (!(header && number == 2)) { /* MSH-2: the delimiters themselves */
      span v = {f, (size_t)(fe - f)};
      if ((st = field(x, number, v)) != DKCPR_OK) return st;
    }
    p = fe;
  }
  return DKCPR_OK;
}

/* The held segment (whole: it ended; else its first SEG_MAX bytes). */
static dkcpr_status segment(dkcpr_struct_washer *w, dkcpr__hl7_state *h, int whole) {
  const char *s = h->seg;
  size_t n = h->seg_len, k = 0;
  int header;
  const char *why;
  seg_ctx x;
  dkcpr_status st;
  if (h->seg_at == 0 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) k = 3; /* a byte order mark */
  while (k < n && (s[k] == 0x0B || s[k] == 0x1C)) k++; /* MLLP's block start and end */
  if (k == n) return dkcpr__text_put(&w->text, s, n);
  if (n - k < 3 || !(s[k] >= 'A' && s[k] <= 'Z'))
    return fail(w, h, k, "a segment starts with three capital letters or digits");
  for (size_t i = k + 1; i < k + 3; i++)
    if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
      return fail(w, h, k, "a segment starts with three capital letters or digits");
  header = memcmp(s + k, "MSH", 3) == 0 || memcmp(s + k, "FHS", 3) == 0 ||
           memcmp(s + k, "BHS", 3) == 0;
  if (header && (why = read_delimiters(w, h, s + k, n - k)) != NULL) return fail(w, h, k + 3, why);
  if (!h->known) return fail(w, h, k, "HL7 data starts with an MSH, BHS or FHS segment");
  if (n - k > 3 && s[k + 3] != h->fs)
    return fail(w, h, k + 3, "a segment's name is followed by the field separator");
  memset(&x, 0, sizeof x);
  x.w = w;
  x.h = h;
  x.name = s + k;
  x.run = s;
  x.whole = whole;
  if (h->companions) { /* the row's number first */
    if ((st = fields(&x, s, k, n, header)) != DKCPR_OK) return st;
  }
  x.emit = 1;
  if ((st = fields(&x, s, k, n, header)) != DKCPR_OK) return st;
  return put_run(&x, s + n);
}

static int is_end(char c) { return c == '\r' || c == '\n'; }

/* Line and column after in[0..n): CR, LF and CRLF each end a line. */
static void advance(dkcpr__hl7_state *h, const char *in, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) {
    char c = in[i];
    if (is_end(c)) {
      if (!(c == '\n' && h->after_cr)) {
        h->line++;
        h->column = 1;
      }
    } else if (((unsigned char)c & 0xC0) != 0x80) {
      h->column++;
    }
    h->after_cr = c == '\r';
  }
}

dkcpr_status dkcpr__hl7_feed(dkcpr_struct_washer *w, const char *in, size_t n, int finish) {
  dkcpr__hl7_state *h = w->hl7;
  size_t k = 0;
  dkcpr_status st;
  while (k < n) {
    size_t start = k;
    if (h->streaming) { /* the rest of a long segment, to its end */
      while (k < n && !is_end(in[k])) k++;
      if (k < n) h->streaming = 0;
      if ((st = dkcpr__text_put(&w->text, in + start, k - start)) != DKCPR_OK) return st;
      advance(h, in + start, k - start);
      continue;
    }
    if (h->seg_len == 0) {
      h->seg_at = w->bytes_in + k;
      h->seg_line = h->line;
      h->seg_column = h->column;
    }
    {
      size_t room = SEG_MAX - h->seg_len;
      const char *e = NULL;
      size_t take;
      for (size_t i = k; i < n && i - k < room; i++)
        if (is_end(in[i])) {
          e = in + i;
          break;
        }
      take = e ? (size_t)(e - (in + k)) + 1 : (n - k < room ? n - k : room);
      memcpy(h->seg + h->seg_len, in + k, take);
      h->seg_len += take;
      advance(h, in + k, take);
      k += take;
      if (e != NULL) {
        /* The segment without its end, then the end as text. */
        h->seg_len--;
        st = segment(w, h, 1);
        if (st == DKCPR_OK) st = dkcpr__text_put(&w->text, e, 1);
        h->seg_len = 0;
        if (st != DKCPR_OK) return st;
      } else if (h->seg_len == SEG_MAX) {
        st = segment(w, h, 0);
        h->seg_len = 0;
        h->streaming = 1;
        if (st != DKCPR_OK) return st;
      }
    }
  }
  if (finish && h->seg_len > 0) {
    st = segment(w, h, 1);
    h->seg_len = 0;
    return st;
  }
  return DKCPR_OK;
}
