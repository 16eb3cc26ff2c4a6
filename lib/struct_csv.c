/* SPDX-License-Identifier: Apache-2.0 */
/* CSV and TSV (RFC 4180, with LF or CRLF line ends): the first record names
 * the fields; in a field whose name means CPR, each value is held (it is
 * short) and rewritten whole; every other byte goes to the text path as it
 * comes, so a field of any length streams through. CSV's delimiter is a
 * comma, or a semicolon when the first record has more of them (what
 * spreadsheets write where the comma is the decimal mark, as in Danish).
 * Fields with a rewriting rule are held too (a long value only in part);
 * with companion rules each record is held whole first, so its CPR number
 * is known wherever its companions sit (records whole in the chunk are
 * washed where they are, their numbers pseudonymized a batch at a time). */
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "byte_find.h"
#include "struct_washer.h"

enum {
  FIELD_START, /* before a field's first byte */
  UNQUOTED,
  QUOTED,
  QUOTE_SEEN,  /* a quote inside a quoted field: the end, or the first of two */
  AFTER_CR     /* a record ended by CR; LF must follow */
};

/* The first record is held until its end (at most this much) to choose
 * CSV's delimiter; with companion rules, so is every record. A longer
 * record is washed in parts, its companions without a CPR number. */
#define HEADER_MAX (64u * 1024u)
#define ROW_MAX (64u * 1024u)

typedef struct csv_column {
  int cpr;                  /* the field means CPR */
  const dkcpr__rule *rule;  /* its rewriting rule, or NULL */
} csv_column;

struct dkcpr__csv_state {
  char delim;
  int delim_known;
  int header_quoted;    /* the held first record ends inside quotes */
  char *header_bytes;
  size_t header_len;
  int state;
  int header;           /* in the first record */
  size_t col;
  csv_column *cols;     /* what each column named in the header holds */
  size_t ncols, cap;
  int companions;       /* the rules derive values from the row's CPR number */
  dkcpr__row row;       /* the held record's CPR number */
  int row_whole;        /* the held record is whole: row is its number */
  dkcpr__rows_batch batch; /* whole records' numbers, converted together */
  char *rec;            /* the record being held */
  size_t rec_len;
  int rec_quoted;       /* the held bytes end inside quotes */
  uint64_t rec_at, rec_line, rec_column; /* where the held record starts */
  int over;             /* the held value of a rewritten field was cut */
  char name[DKCPR__FIELD_NAME_MAX + 4];
  size_t name_len;      /* > DKCPR__FIELD_NAME_MAX: too long to match */
  int holding;          /* this field's bytes are in hold, not on the text path */
  int quoted;           /* this field started with a quote */
  size_t hold_len;
  char hold[DKCPR__VALUE_HOLD + 2];
};

dkcpr_status dkcpr__csv_new(dkcpr_struct_washer *w) {
  dkcpr__csv_state *c = calloc(1, sizeof *c);
  size_t i;
  if (c == NULL) return DKCPR_E_NOMEM;
  c->delim = w->format == DKCPR_DATA_TSV ? '\t' : ',';
  c->delim_known = w->format == DKCPR_DATA_TSV;
  c->header = 1;
  for (i = 0; i < w->rules.n; i++)
    if (DKCPR__RULE_NEEDS_ROW(w->rules.rule[i].action)) c->companions = 1;
  if (c->companions && (c->rec = calloc(1, ROW_MAX)) == NULL) {
    free(c);
    return DKCPR_E_NOMEM;
  }
  w->csv = c;
  return DKCPR_OK;
}

void dkcpr__csv_free(dkcpr_struct_washer *w) {
  if (w->csv == NULL) return;
  free(w->csv->cols);
  if (w->csv->rec != NULL) OPENSSL_cleanse(w->csv->rec, ROW_MAX);
  free(w->csv->rec);
  if (w->csv->header_bytes != NULL) OPENSSL_cleanse(w->csv->header_bytes, w->csv->header_len);
  free(w->csv->header_bytes);
  OPENSSL_cleanse(w->csv, sizeof *w->csv);
  free(w->csv);
  w->csv = NULL;
}

/* A header field ended: remember whether its name means CPR. */
static dkcpr_status name_done(dkcpr_struct_washer *w, dkcpr__csv_state *c) {
  const char *name = c->name;
  size_t len = c->name_len;
  if (c->col >= c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 16;
    csv_column *p = realloc(c->cols, cap * sizeof *p);
    if (p == NULL) return DKCPR_E_NOMEM;
    c->cols = p;
    c->cap = cap;
  }
  if (c->col == 0 && len >= 3 && memcmp(name, "\xEF\xBB\xBF", 3) == 0) {
    name += 3; /* a byte order mark */
    len -= 3;
  }
  c->cols[c->col].cpr = len <= DKCPR__FIELD_NAME_MAX && dkcpr__struct_field_cpr(w, name, len);
  c->cols[c->col].rule =
      len <= DKCPR__FIELD_NAME_MAX ? dkcpr__struct_rewrite_rule(w, name, len) : NULL;
  c->ncols = c->col + 1;
  c->name_len = 0;
  return DKCPR_OK;
}

static void name_add(dkcpr__csv_state *c, char ch) {
  if (c->name_len <= DKCPR__FIELD_NAME_MAX) c->name[c->name_len] = ch;
  if (c->name_len <= DKCPR__FIELD_NAME_MAX) c->name_len++;
}

/* s written as a field: quoted (quotes doubled) when it was, or must be. */
static dkcpr_status put_field(dkcpr_struct_washer *w, const dkcpr__csv_state *c,
                              const char *s, size_t n, int quoted) {
  char out[2 * DKCPR__VALUE_MAX + 2];
  size_t o = 0, i;
  for (i = 0; i < n && !quoted; i++)
    quoted = s[i] == c->delim || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
  if (!quoted) return dkcpr__text_value(&w->text, s, n);
  out[o++] = '"';
  for (i = 0; i < n; i++) {
    if (s[i] == '"') out[o++] = '"';
    out[o++] = s[i];
  }
  out[o++] = '"';
  return dkcpr__text_value(&w->text, out, o);
}

/* A held field with a rewriting rule ended. */
static dkcpr_status rule_done(dkcpr_struct_washer *w, dkcpr__csv_state *c,
                              const dkcpr__rule *rule) {
  char value[DKCPR__VALUE_HOLD + 2], repl[DKCPR__VALUE_MAX];
  size_t len = 0, n;
  const char *h = c->hold;
  size_t hl = c->hold_len;
  if (c->quoted) {
    len = dkcpr__value_unquote(value, h, hl, '"');
  } else {
    memcpy(value, h, hl);
    len = hl;
  }
  if (len == 0 && !c->over) /* nothing to hide */
    return dkcpr__text_value(&w->text, h, hl);
  switch (dkcpr__value_rule(w, rule, c->row_whole ? &c->row : NULL, value, len, c->over,
                            repl, &n)) {
  case DKCPR__RULE_OUT_EMPTY: n = 0; break;
  case DKCPR__RULE_OUT_NONE: /* the placeholder says a value was there */
    n = w->set.placeholder_len;
    if (n > 0) memcpy(repl, w->set.placeholder, n);
    break;
  default: break;
  }
  return put_field(w, c, repl, n, c->quoted);
}

/* A held field ended: rewrite it whole. */
static dkcpr_status held_done(dkcpr_struct_washer *w, dkcpr__csv_state *c) {
  dkcpr_status st;
  const dkcpr__rule *rule = c->col < c->ncols ? c->cols[c->col].rule : NULL;
  c->holding = 0;
  if (rule != NULL) return rule_done(w, c, rule);
  if (!c->quoted)
    return dkcpr__value_wash(w, c->hold, c->hold_len, DKCPR__VALUE_TEXT, 1, 0);
  /* Quoted: the value between the quotes, unless it holds a quote itself. */
  if (c->hold_len < 2 || memchr(c->hold + 1, '"', c->hold_len - 2) != NULL) {
    w->counts.values++;
    w->counts.unrecognised++;
    return dkcpr__text_put(&w->text, c->hold, c->hold_len);
  }
  st = dkcpr__text_put(&w->text, "\"", 1);
  if (st == DKCPR_OK)
    st = dkcpr__value_wash(w, c->hold + 1, c->hold_len - 2, DKCPR__VALUE_TEXT, 1, 0);
  if (st == DKCPR_OK) st = dkcpr__text_put(&w->text, "\"", 1);
  return st;
}

/* The current field ends (before its delimiter or line end). */
static dkcpr_status field_end(dkcpr_struct_washer *w, dkcpr__csv_state *c) {
  dkcpr_status st = DKCPR_OK;
  if (c->header) st = name_done(w, c);
  else if (c->holding) st = held_done(w, c);
  c->col++;
  c->state = FIELD_START;
  return st;
}

static void record_end(dkcpr__csv_state *c) {
  c->header = 0;
  c->col = 0;
}

/* The bytes p[0..q) of a held field: held, as many as there is room for;
 * the rest dropped (a rewritten field's value is cut) or, with what was
 * held, put on the text path from *run on (too long to be a number). */
static dkcpr_status hold_run(dkcpr_struct_washer *w, dkcpr__csv_state *c, const char *p,
                             const char *q, const char **run) {
  size_t n = (size_t)(q - p), room = sizeof c->hold - c->hold_len;
  if (n <= room) {
    memcpy(c->hold + c->hold_len, p, n);
    c->hold_len += n;
    return DKCPR_OK;
  }
  memcpy(c->hold + c->hold_len, p, room);
  c->hold_len += room;
  if (c->cols[c->col].rule != NULL) {
    c->over = 1;
    return DKCPR_OK;
  }
  c->holding = 0;
  w->counts.values++;
  w->counts.unrecognised++;
  *run = p + room;
  return dkcpr__text_put(&w->text, c->hold, c->hold_len);
}

static dkcpr_status parse(dkcpr_struct_washer *w, const char *in, size_t n,
                          int finish) {
  dkcpr__csv_state *c = w->csv;
  const char *p = in, *end = in + n, *run = in; /* run: text not yet put */
  const uint64_t base = w->bytes_in;
  dkcpr_status st = DKCPR_OK;
  const char d = c->delim;
#define PUT_RUN(upto)                                                        \
  do {                                                                       \
    if ((upto) > run) st = dkcpr__text_put(&w->text, run, (size_t)((upto) - run)); \
    if (st != DKCPR_OK) return st;                                           \
  } while (0)
#define FAIL(msg) dkcpr__struct_syntax(w, in, base, base + (uint64_t)(p - in), msg)
  while (p < end) {
    char ch = *p;
    if (c->state == FIELD_START) {
      /* A data field in a CPR column is held from its first byte. */
      if (!c->header && c->col < c->ncols && (c->cols[c->col].cpr || c->cols[c->col].rule) &&
          ch != d && ch != '\n' && ch != '\r') {
        PUT_RUN(p);
        c->holding = 1;
        c->hold_len = 0;
        c->over = 0;
      }
      c->quoted = ch == '"';
      if (ch == '"') {
        c->state = QUOTED;
      } else if (ch == d || ch == '\n' || ch == '\r') {
        c->state = UNQUOTED; /* an empty field: ends below */
        continue;
      } else {
        c->state = UNQUOTED;
        if (c->header) name_add(c, ch);
      }
    } else if (c->state == UNQUOTED) {
      if (ch == d || ch == '\n' || ch == '\r') {
        if (c->holding) run = p;
        if ((st = field_end(w, c)) != DKCPR_OK) return st;
        if (ch == '\n') record_end(c);
        else if (ch == '\r') c->state = AFTER_CR;
      } else if (ch == '"') {
        return FAIL("quote inside an unquoted field");
      } else if (c->header) {
        name_add(c, ch);
      } else { /* the fast path: the rest of a field */
        const char *q = dkcpr__find_any4(p + 1, end, d, '"', '\n', '\r');
        if (c->holding && (st = hold_run(w, c, p, q, &run)) != DKCPR_OK) return st;
        p = q;
        continue;
      }
    } else if (c->state == QUOTED) {
      if (ch == '"') {
        c->state = QUOTE_SEEN;
      } else if (c->header) {
        name_add(c, ch);
      } else {
        const char *q = memchr(p, '"', (size_t)(end - p));
        if (q == NULL) q = end;
        if (c->holding && (st = hold_run(w, c, p, q, &run)) != DKCPR_OK) return st;
        p = q;
        continue;
      }
    } else if (c->state == QUOTE_SEEN) {
      if (ch == '"') {
        c->state = QUOTED;
        if (c->header) name_add(c, ch);
      } else if (ch == d || ch == '\n' || ch == '\r') {
        if (c->holding) run = p;
        if ((st = field_end(w, c)) != DKCPR_OK) return st;
        if (ch == '\n') record_end(c);
        else if (ch == '\r') c->state = AFTER_CR;
      } else {
        return FAIL("text after a closing quote");
      }
    } else { /* AFTER_CR */
      if (ch != '\n') return FAIL("carriage return without line feed");
      record_end(c);
      c->state = FIELD_START;
    }
    if (c->holding) {
      if (c->hold_len == sizeof c->hold && c->cols[c->col].rule != NULL) {
        c->over = 1; /* rewritten whatever it holds: the rest is dropped */
      } else if (c->hold_len == sizeof c->hold) {
        /* Too long to be a number: text from here on. */
        c->holding = 0;
        w->counts.values++;
        w->counts.unrecognised++;
        if ((st = dkcpr__text_put(&w->text, c->hold, c->hold_len)) != DKCPR_OK)
          return st;
        run = p;
      } else {
        c->hold[c->hold_len++] = ch;
      }
    }
    p++;
  }
  if (!c->holding) PUT_RUN(end);
  if (finish) {
    if (c->state == QUOTED)
      return FAIL("end of input inside a quoted field");
    if (c->state == UNQUOTED || c->state == QUOTE_SEEN ||
        (c->state == FIELD_START && c->col > 0))
      st = field_end(w, c);
  }
  return st;
#undef PUT_RUN
#undef FAIL
}

/* Parse in[0..n) as if it started at stream offset `at`, line, column. */
static dkcpr_status parse_at(dkcpr_struct_washer *w, const char *in, size_t n,
                             int finish, uint64_t at, uint64_t line, uint64_t column) {
  uint64_t saved_at = w->bytes_in, saved_line = w->line, saved_column = w->column;
  dkcpr_status st;
  w->bytes_in = at;
  w->line = line;
  w->column = column;
  st = parse(w, in, n, finish);
  w->bytes_in = saved_at;
  w->line = saved_line;
  w->column = saved_column;
  return st;
}

/* The delimiter the held first record uses most, outside quotes. */
static char choose_delimiter(const char *s, size_t n) {
  size_t commas = 0, semicolons = 0, i;
  int quoted = 0;
  for (i = 0; i < n; i++) {
    if (s[i] == '"') quoted = !quoted;
    else if (!quoted && s[i] == ',') commas++;
    else if (!quoted && s[i] == ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

int dkcpr__csv_boundary(const dkcpr_struct_washer *w) {
  const dkcpr__csv_state *c = w->csv;
  return c != NULL && c->delim_known && !c->header && c->state == FIELD_START && c->col == 0 &&
         !c->holding && c->rec_len == 0;
}

size_t dkcpr__csv_held(const dkcpr_struct_washer *w) {
  if (w->csv == NULL) return 0;
  return w->csv->delim_known ? w->csv->rec_len : w->csv->header_len;
}

/* The field of a record that starts at *sp, unquoted into value (*big
 * when it is longer); *sp is left on the byte after it: its delimiter or
 * the record's end. */
static size_t row_field(const dkcpr__csv_state *c, const char **sp, const char *end,
                        char value[DKCPR__VALUE_HOLD], int *big) {
  const char *s = *sp;
  size_t len = 0;
  int inside = *s == '"';
  *big = 0;
  if (inside) s++;
  for (; s < end; s++) {
    if (inside && *s == '"') {
      if (s + 1 < end && s[1] == '"') s++;
      else {
        inside = 0;
        continue;
      }
    } else if (!inside && (*s == c->delim || *s == '\n' || *s == '\r')) {
      break;
    }
    if (len < DKCPR__VALUE_HOLD) value[len++] = *s;
    else *big = 1;
  }
  *sp = s;
  return len;
}

/* The record rec[0..len)'s CPR number: the value of its first CPR field
 * that is one, looked for from its field col, which starts at rec + from.
 * whole: the record is all there. */
static void find_row(dkcpr_struct_washer *w, dkcpr__csv_state *c, const char *rec,
                     size_t len, int whole, size_t col, size_t from) {
  const char *s = rec + from, *end = rec + len;
  c->row.known = 0;
  c->row_whole = whole;
  while (s < end && !c->row.known) {
    char value[DKCPR__VALUE_HOLD];
    int big;
    size_t vlen = row_field(c, &s, end, value, &big);
    if (col < c->ncols && c->cols[col].cpr && !big && vlen > 0)
      dkcpr__value_row(w, &c->row, value, vlen);
    if (s < end && *s != c->delim) break; /* the record's end */
    s++;
    col++;
  }
}

/* The canonical characters of the number find_row converts first in
 * rec[0..len); 0 when it converts none. *col and *from: where its field is. */
static int row_candidate(dkcpr_struct_washer *w, const dkcpr__csv_state *c, const char *rec,
                         size_t len, char canon[10], size_t *col, size_t *from) {
  const char *s = rec, *end = rec + len;
  *col = 0;
  while (s < end && *col < c->ncols) {
    char value[DKCPR__VALUE_HOLD];
    int big;
    const char *start = s;
    size_t vlen = row_field(c, &s, end, value, &big);
    if (c->cols[*col].cpr && !big && vlen > 0 && dkcpr__rows_candidate(w, canon, value, vlen)) {
      *from = (size_t)(start - rec);
      return 1;
    }
    if (s < end && *s != c->delim) break; /* the record's end */
    s++;
    (*col)++;
  }
  *col = 0;
  *from = 0;
  return 0;
}

/* Wash the record rec[0..len), which starts at stream offset at, line, column. */
static dkcpr_status row_wash(dkcpr_struct_washer *w, dkcpr__csv_state *c, const char *rec,
                             size_t len, int finish, int whole, uint64_t at, uint64_t line,
                             uint64_t column, size_t col, size_t from) {
  dkcpr_status st;
  find_row(w, c, rec, len, whole, col, from);
  st = parse_at(w, rec, len, finish, at, line, column);
  c->row.known = 0;
  return st;
}

/* Wash the held record. */
static dkcpr_status row_done(dkcpr_struct_washer *w, dkcpr__csv_state *c, int finish) {
  dkcpr_status st;
  int whole = !c->rec_quoted && (finish || (c->rec_len > 0 && c->rec[c->rec_len - 1] == '\n'));
  st = row_wash(w, c, c->rec, c->rec_len, finish, whole, c->rec_at, c->rec_line, c->rec_column,
                0, 0);
  c->rec_len = 0;
  c->rec_quoted = 0;
  return st;
}

/* The end of a record in s[k..lim): after the first line feed outside
 * quotes (*ended set), else lim. *quoted: inside quotes at k, and at the
 * end; *lines: line feeds seen. */
static size_t row_end(const char *s, size_t k, size_t lim, int *quoted, int *ended,
                      size_t *lines) {
  *ended = 0;
  *lines = 0;
  while (k < lim) {
    const char *nl = memchr(s + k, '\n', lim - k), *q = s + k, *e;
    size_t stop = nl != NULL ? (size_t)(nl - s) + 1 : lim;
    e = s + stop;
    while ((q = memchr(q, '"', (size_t)(e - q))) != NULL) {
      *quoted = !*quoted;
      q++;
    }
    k = stop;
    if (nl != NULL) (*lines)++;
    if (nl != NULL && !*quoted) {
      *ended = 1;
      break;
    }
  }
  return k;
}

/* Whole records at the start of in[0..n), washed in place a batch at a
 * time, their CPR numbers converted together first; *used: their bytes.
 * in starts at stream offset at, *line, *column (advanced past them). */
static dkcpr_status rows_batch(dkcpr_struct_washer *w, dkcpr__csv_state *c, const char *in,
                               size_t n, int finish, uint64_t at, uint64_t *line,
                               uint64_t *column, size_t *used) {
  dkcpr__rows_batch *b = &c->batch;
  int convert = w->set.mode == DKCPR_WASH_PSEUDONYM || w->set.mode == DKCPR_WASH_REVEAL;
  size_t k = 0;
  *used = 0;
  for (;;) {
    size_t ends[DKCPR__ROWS_BATCH], cols[DKCPR__ROWS_BATCH], froms[DKCPR__ROWS_BATCH];
    size_t i, m = 0, from = k, lines;
    unsigned char one_line[DKCPR__ROWS_BATCH];
    dkcpr_status st;
    while (m < DKCPR__ROWS_BATCH && k < n) {
      int quoted = 0, ended;
      size_t lim = n - k > ROW_MAX ? k + ROW_MAX : n;
      size_t e = row_end(in, k, lim, &quoted, &ended, &lines);
      if (!ended) break;
      cols[m] = froms[m] = 0;
      b->has[m] = convert && row_candidate(w, c, in + k, e - k, b->in[m], &cols[m], &froms[m]);
      one_line[m] = lines == 1;
      ends[m++] = e;
      k = e;
    }
    if (m == 0) return DKCPR_OK;
    b->n = m;
    dkcpr__rows_convert(w, b);
    for (i = 0; i < m; i++) {
      size_t len = ends[i] - from;
      dkcpr__rows_ready(w, b, i);
      st = row_wash(w, c, in + from, len, finish && ends[i] == n, 1, at + from, *line, *column,
                    cols[i], froms[i]);
      if (st != DKCPR_OK) return st;
      if (one_line[i]) { /* its one line feed is its last byte */
        (*line)++;
        *column = 1;
      } else {
        dkcpr__struct_advance(line, column, in + from, len);
      }
      from = ends[i];
      *used = from;
    }
  }
}

/* Records held whole, then parsed: in[0..n) starts at stream offset at,
 * line, column. */
static dkcpr_status feed_rows(dkcpr_struct_washer *w, const char *in, size_t n,
                              int finish, uint64_t at, uint64_t line, uint64_t column) {
  dkcpr__csv_state *c = w->csv;
  size_t k = 0;
  dkcpr_status st;
  while (k < n) {
    size_t start, lim, used, lines;
    int ended;
    if (c->rec_len == 0) {
      st = rows_batch(w, c, in + k, n - k, finish, at + k, &line, &column, &used);
      if (st != DKCPR_OK) return st;
      k += used;
      if (k == n) break;
      c->rec_at = at + k;
      c->rec_line = line;
      c->rec_column = column;
    }
    /* A record that goes on in the next chunk, or longer than ROW_MAX. */
    start = k;
    lim = n - k > ROW_MAX - c->rec_len ? k + (ROW_MAX - c->rec_len) : n;
    k = row_end(in, k, lim, &c->rec_quoted, &ended, &lines);
    dkcpr__struct_advance(&line, &column, in + start, k - start);
    memcpy(c->rec + c->rec_len, in + start, k - start);
    c->rec_len += k - start;
    if (ended || c->rec_len == ROW_MAX) {
      st = row_done(w, c, finish && k == n);
      if (st != DKCPR_OK) return st;
    }
  }
  if (finish && c->rec_len > 0) return row_done(w, c, 1);
  if (finish && n == 0) return parse_at(w, "", 0, 1, at, line, column);
  return DKCPR_OK;
}

dkcpr_status dkcpr__csv_feed(dkcpr_struct_washer *w, const char *in, size_t n,
                             int finish) {
  dkcpr__csv_state *c = w->csv;
  size_t k = 0, room;
  int ended = 0;
  uint64_t line = 1, column = 1;
  dkcpr_status st;
  char *grown;
  if (c->delim_known && c->companions)
    return feed_rows(w, in, n, finish, w->bytes_in, w->line, w->column);
  if (c->delim_known) return parse(w, in, n, finish);
  /* Hold the first record (the stream's first bytes) to its end. */
  room = HEADER_MAX - c->header_len;
  for (; k < n && k < room && !ended; k++) {
    if (in[k] == '"') c->header_quoted = !c->header_quoted;
    else if (in[k] == '\n' && !c->header_quoted) ended = 1;
  }
  if (k > 0) {
    grown = realloc(c->header_bytes, c->header_len + k);
    if (grown == NULL) return DKCPR_E_NOMEM;
    c->header_bytes = grown;
    memcpy(c->header_bytes + c->header_len, in, k);
    c->header_len += k;
  }
  if (!ended && !finish && c->header_len < HEADER_MAX) return DKCPR_OK;
  c->delim = choose_delimiter(c->header_bytes, c->header_len);
  c->delim_known = 1;
  st = parse_at(w, c->header_bytes ? c->header_bytes : "", c->header_len, finish && k == n,
                0, 1, 1);
  if (st != DKCPR_OK || k == n) return st;
  /* The rest of this chunk, after the first record. */
  dkcpr__struct_advance(&line, &column, c->header_bytes, c->header_len);
  if (c->companions)
    return feed_rows(w, in + k, n - k, finish, w->bytes_in + k, line, column);
  return parse_at(w, in + k, n - k, finish, w->bytes_in + k, line, column);
}
