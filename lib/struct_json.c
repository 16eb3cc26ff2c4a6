/* SPDX-License-Identifier: Apache-2.0 */
/* JSON and JSON Lines. yajl checks that the input is JSON (and says where it
 * is not); a small lexer over the same bytes finds each token's bytes and
 * its key path: a string in a field whose name means CPR, and every number
 * (a ten-digit number that is a CPR number must stay a valid number), are
 * held and rewritten whole; everything else goes to the text path as it
 * comes, so a string of any length streams through. A value under a key with
 * a rewriting rule is held too (a long one only in part). A FHIR identifier
 * whose "system" is the CPR register's OID has a CPR number as its "value"
 * (when the system comes first, as FHIR orders them). A key's field is
 * also named by the keys of the objects around it (patient.cpr), for
 * qualified rules. With companion rules each row (an object at the top, or
 * an item of a top-level array) is held up to ROW_MAX: the lexer reads it
 * once to find its first CPR number, then again to write it, so its
 * companions follow that number wherever they sit. A longer row is written
 * as it streams: companions before its number have none. */
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <yajl/yajl_parse.h>

#include "struct_washer.h"

/* Deeper nesting is refused: the lexer keeps a byte per level. */
#define DEPTH_MAX (1u << 20)
/* The longest row held whole for its companions. */
#define ROW_MAX (64u * 1024u)
/* Keys kept for qualified rules: those of the outermost levels; deeper,
 * qualified rules match nothing. */
#define PATH_DEPTH 64

/* Rows held for their companions: read for the number, written whole,
 * written as they stream (longer than ROW_MAX). */
enum { ROW_NONE, ROW_CAPTURE, ROW_WHOLE, ROW_CUT };
enum { EV_NONE, EV_ROW_START, EV_ROW_END };

enum { BETWEEN, IN_STRING, IN_NUMBER };

/* Where a number is in JSON's grammar, to split "01" or "1-2" into the
 * tokens yajl sees. */
enum { N_MINUS, N_ZERO, N_INT, N_DOT, N_FRAC, N_E, N_ESIGN, N_EXP };

/* Per level of nesting. */
#define LV_OBJECT 0x1u  /* an object, else an array */
#define LV_KEY 0x2u     /* an object expecting a key */
#define LV_CPR 0x4u     /* values here are in a CPR field */
#define LV_SYSTEM 0x8u  /* an object whose "system" is the CPR register's (FHIR) */
#define LV_CPR_HELD 0x10u /* an object that is a CPR field's value */

/* FHIR's identifier system for CPR numbers: {"system": this, "value": "..."}. */
#define FHIR_CPR_SYSTEM "urn:oid:1.2.208.176.1.2"

/* Keys' meanings remembered (without qualified rules a key means what its
 * name alone says, and rows repeat their keys): slots, and the longest
 * name kept. */
#define KEY_SLOTS 64u
#define KEY_PROBES 4u
#define KEY_NAME_KEPT 40u

typedef struct key_meaning {
  size_t len; /* 0: an empty slot */
  char name[KEY_NAME_KEPT];
  int cpr, system, value, wrapper;
  const dkcpr__rule *rule;
} key_meaning;

struct dkcpr__json_state {
  yajl_handle yajl;
  int state;
  int escape;           /* in a string, after a backslash */
  int is_key;           /* the string is an object's key */
  int holding;
  size_t hold_len;
  char hold[DKCPR__VALUE_HOLD + 2];
  char name[DKCPR__FIELD_NAME_MAX + 1];
  size_t name_len;      /* > DKCPR__FIELD_NAME_MAX: cannot match */
  int name_escaped;
  int next_cpr;         /* the value after the key just read is in a CPR field */
  int next_system;      /* the key just read is "system" */
  int next_wrapped;     /* the key just read wraps a CPR field's number ($numberLong) */
  int value_system;     /* the value after the ':' is a "system" */
  int capture;          /* the string being read is a "system": kept in sys */
  char sys[sizeof FHIR_CPR_SYSTEM];
  size_t sys_len;       /* > sizeof sys - 1: not the CPR system */
  unsigned char *stack;
  size_t depth, cap;
  char err[160];
  /* The token the last chunk ended in, which yajl holds until it ends: where
   * it starts and its characters before the current chunk. */
  int pending;
  uint64_t tok_start, tok_chars;
  int num;              /* the number's grammar state */
  int num_after_value;  /* the number follows a value in an object: an error */
  int literal_left;     /* letters of true/false/null still to come */
  int value_done;       /* a value has ended since the last , : { [ */
  /* rules */
  const dkcpr__rule *next_rule;  /* the key just read has this rule */
  const dkcpr__rule *value_rule; /* the value after the ':' has it */
  const dkcpr__rule *deep_rule;  /* everything from rule_depth down has it */
  size_t rule_depth;
  const dkcpr__rule *hold_rule;  /* the held value's rule */
  int over;                      /* the held value was cut */
  int top_array;                 /* the input's first value is an array: its items are rows */
  dkcpr__row row;                /* the row's first CPR number */
  /* rows held for companions (the lexer's state above is copied to snap
   * where a row starts, and back to write it) */
  int companions, emit, in_row, event;
  size_t row_depth;              /* the depth a row starts and ends at */
  char *rowbuf;
  size_t row_len;
  uint64_t row_at;               /* the row's stream offset */
  struct dkcpr__json_state *snap;
  /* qualified rules: keys[i] is the key that holds level i (n 0: none) */
  dkcpr__path_name *keys;
  key_meaning *meanings;         /* KEY_SLOTS, when there are no qualified rules */
  size_t bom_len;                /* bytes of a byte order mark read at the start */
  int bom_done;                  /* the start is past: a mark or none */
  const char *chunk;             /* the caller's chunk, at stream offset bytes_in */
};

dkcpr_status dkcpr__json_new(dkcpr_struct_washer *w) {
  dkcpr__json_state *j = calloc(1, sizeof *j);
  size_t i;
  if (j == NULL) return DKCPR_E_NOMEM;
  j->yajl = yajl_alloc(NULL, NULL, NULL);
  if (j->yajl == NULL) {
    free(j);
    return DKCPR_E_NOMEM;
  }
  if (w->format == DKCPR_DATA_JSONL)
    yajl_config(j->yajl, yajl_allow_multiple_values, 1);
  w->json = j;
  j->emit = 1;
  for (i = 0; i < w->rules.n; i++)
    if (DKCPR__RULE_NEEDS_ROW(w->rules.rule[i].action)) j->companions = 1;
  if (j->companions) {
    j->rowbuf = malloc(ROW_MAX);
    j->snap = malloc(sizeof *j->snap);
    if (j->rowbuf == NULL || j->snap == NULL) return DKCPR_E_NOMEM;
  }
  if (dkcpr__struct_rules_qualified(w)) {
    j->keys = calloc(PATH_DEPTH, sizeof *j->keys);
    if (j->keys == NULL) return DKCPR_E_NOMEM;
  } else {
    j->meanings = calloc(KEY_SLOTS, sizeof *j->meanings);
    if (j->meanings == NULL) return DKCPR_E_NOMEM;
  }
  return DKCPR_OK;
}

size_t dkcpr__json_held(const dkcpr_struct_washer *w) {
  return w->json == NULL ? 0 : w->json->row_len + w->json->hold_len;
}

void dkcpr__json_free(dkcpr_struct_washer *w) {
  if (w->json == NULL) return;
  yajl_free(w->json->yajl);
  free(w->json->stack);
  if (w->json->rowbuf != NULL) OPENSSL_cleanse(w->json->rowbuf, ROW_MAX);
  free(w->json->rowbuf);
  if (w->json->snap != NULL) OPENSSL_cleanse(w->json->snap, sizeof *w->json->snap);
  free(w->json->snap);
  if (w->json->keys != NULL) OPENSSL_cleanse(w->json->keys, PATH_DEPTH * sizeof *w->json->keys);
  free(w->json->keys);
  if (w->json->meanings != NULL)
    OPENSSL_cleanse(w->json->meanings, KEY_SLOTS * sizeof *w->json->meanings);
  free(w->json->meanings);
  OPENSSL_cleanse(w->json, sizeof *w->json);
  free(w->json);
  w->json = NULL;
}

int dkcpr__json_boundary(const dkcpr_struct_washer *w) {
  const dkcpr__json_state *j = w->json;
  if (j == NULL || j->state != BETWEEN || j->literal_left != 0 || j->holding) return 0;
  if (w->format == DKCPR_DATA_JSONL) return j->depth == 0;
  /* Just after an item of a top-level array, no row held. */
  return w->format == DKCPR_DATA_JSON && j->top_array && j->depth == 1 && j->value_done &&
         j->in_row == ROW_NONE && j->row_len == 0;
}

static dkcpr_status push(dkcpr__json_state *j, unsigned char lv) {
  if (j->depth == j->cap) {
    size_t cap = j->cap ? j->cap * 2 : 64;
    unsigned char *s;
    if (cap > DEPTH_MAX) return DKCPR_E_SYNTAX;
    s = realloc(j->stack, cap);
    if (s == NULL) return DKCPR_E_NOMEM;
    j->stack = s;
    j->cap = cap;
  }
  j->stack[j->depth++] = lv;
  return DKCPR_OK;
}

/* Whether a value starting now is in a CPR field. */
static int value_cpr(const dkcpr__json_state *j) {
  if (j->depth == 0) return 0;
  return (j->stack[j->depth - 1] & LV_CPR) != 0;
}

/* The rewriting rule of a value starting now, or NULL. */
static const dkcpr__rule *value_rule(const dkcpr__json_state *j) {
  if (j->value_rule != NULL) return j->value_rule;
  return j->deep_rule != NULL && j->depth >= j->rule_depth ? j->deep_rule : NULL;
}

/* A row starts with an object at the top, or an item of a top-level array. */
static int row_level(const dkcpr__json_state *j) {
  return j->depth == 0 || (j->depth == 1 && j->top_array);
}

/* A row starts with an object at the top, or an item of a top-level array
 * (a held row written whole keeps the number its first reading found). */
static void maybe_new_row(dkcpr__json_state *j) {
  if (row_level(j) && j->in_row != ROW_WHOLE) j->row.known = 0;
}

/* The key path of a key read now, for qualified rules (NULL: none kept). */
static const dkcpr__path *key_path(const dkcpr__json_state *j, dkcpr__path *path) {
  if (j->keys == NULL) return NULL;
  path->name = j->keys;
  path->n = j->depth <= PATH_DEPTH ? j->depth : 0; /* the innermost keys not known */
  path->cut = j->depth > PATH_DEPTH;
  return path;
}

/* The key that holds the level about to be pushed (the last key read, when
 * it opens as an object's value), for qualified rules. */
static void key_of_level(dkcpr__json_state *j) {
  dkcpr__path_name *k;
  if (j->keys == NULL || j->depth >= PATH_DEPTH) return;
  k = &j->keys[j->depth];
  k->n = 0;
  if (j->depth == 0 || !(j->stack[j->depth - 1] & LV_OBJECT)) return; /* an array's item */
  if (!j->name_escaped && j->name_len <= DKCPR__FIELD_NAME_MAX)
    k->n = dkcpr__field_normalise(k->s, j->name, j->name_len);
  if (k->n == 0) { /* a key no rule names: matches no part */
    k->s[0] = '\0';
    k->n = 1;
  }
}

static int is_number_char(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' ||
         c == 'e' || c == 'E';
}

static int number_start(char c) {
  return c == '-' ? N_MINUS : c == '0' ? N_ZERO : N_INT;
}

/* MongoDB's Extended JSON writes a number as {"$numberLong": "405205297"}
 * (mongoexport's canonical mode): the wrapper's value is the number. */
static int number_wrapper(const char *name, size_t len) {
  static const char *const names[] = {"$numberLong", "$numberInt", "$numberDecimal",
                                      "$numberDouble"};
  size_t i;
  for (i = 0; i < sizeof names / sizeof names[0]; i++)
    if (len == strlen(names[i]) && memcmp(name, names[i], len) == 0) return 1;
  return 0;
}

/* What the key just read means: whether its field holds CPR numbers, its
 * rule, whether it is FHIR's "system" or "value". */
static void key_meaning_of(dkcpr_struct_washer *w, const dkcpr__json_state *j, key_meaning *m) {
  dkcpr__path path;
  int usable = !j->name_escaped && j->name_len <= DKCPR__FIELD_NAME_MAX;
  m->cpr = usable && dkcpr__struct_field_cpr_in(w, key_path(j, &path), j->name, j->name_len);
  m->rule = usable ? dkcpr__struct_rewrite_rule_in(w, key_path(j, &path), j->name, j->name_len)
                   : NULL;
  m->system = usable && j->name_len == 6 && memcmp(j->name, "system", 6) == 0;
  m->value = usable && j->name_len == 5 && memcmp(j->name, "value", 5) == 0;
  m->wrapper = usable && number_wrapper(j->name, j->name_len);
}

/* The key's meaning, remembered where it can be; *scratch when not. */
static const key_meaning *key_meaning_known(dkcpr_struct_washer *w, dkcpr__json_state *j,
                                            key_meaning *scratch) {
  size_t len = j->name_len;
  key_meaning *m;
  if (j->meanings == NULL || j->name_escaped || len == 0 || len > KEY_NAME_KEPT) {
    key_meaning_of(w, j, scratch);
    return scratch;
  }
  uint32_t h = 2166136261u; /* FNV-1a */
  size_t i, probe;
  for (i = 0; i < len; i++) h = (h ^ (unsigned char)j->name[i]) * 16777619u;
  for (probe = 0; probe < KEY_PROBES; probe++) {
    m = &j->meanings[(h + probe) % KEY_SLOTS];
    if (m->len == len && memcmp(m->name, j->name, len) == 0) return m;
    if (m->len == 0) break;
  }
  if (probe == KEY_PROBES) m = &j->meanings[h % KEY_SLOTS]; /* all taken: the first goes */
  key_meaning_of(w, j, m);
  m->len = len;
  memcpy(m->name, j->name, len);
  return m;
}

/* Whether c continues the number (moving its state), else ends it. */
static int number_continues(int *num, char c) {
  int digit = c >= '0' && c <= '9', e = c == 'e' || c == 'E';
  switch (*num) {
  case N_MINUS: *num = c == '0' ? N_ZERO : N_INT; return digit;
  case N_ZERO: *num = c == '.' ? N_DOT : N_E; return c == '.' || e;
  case N_INT:
  case N_FRAC:
    if (digit) return 1;
    *num = c == '.' && *num == N_INT ? N_DOT : N_E;
    return (c == '.' && *num == N_DOT) || e;
  case N_DOT: *num = N_FRAC; return digit;
  case N_E: *num = digit ? N_EXP : N_ESIGN; return digit || c == '-' || c == '+';
  default: *num = N_EXP; return digit; /* N_ESIGN, N_EXP */
  }
}

static void token_starts(uint64_t base, dkcpr__json_state *j, const char *in, const char *p) {
  j->tok_start = base + (uint64_t)(p - in);
}

static void number_starts(uint64_t base, dkcpr__json_state *j, const char *in, const char *p) {
  token_starts(base, j, in, p);
  j->num = number_start(*p);
  j->num_after_value = j->value_done && j->depth && (j->stack[j->depth - 1] & LV_OBJECT);
}

/* yajl's verdict on the chunk (n == 0 with finish: the end). */
static dkcpr_status check(dkcpr_struct_washer *w, const char *in, size_t n,
                          int finish) {
  dkcpr__json_state *j = w->json;
  yajl_status ys = n ? yajl_parse(j->yajl, (const unsigned char *)in, n)
                     : yajl_status_ok;
  size_t at = n;
  if (ys == yajl_status_ok && finish) ys = yajl_complete_parse(j->yajl);
  else if (ys != yajl_status_ok) at = yajl_get_bytes_consumed(j->yajl);
  if (ys == yajl_status_ok) return DKCPR_OK;
  {
    unsigned char *msg = yajl_get_error(j->yajl, 0, NULL, 0);
    const char *m = msg ? (const char *)msg : "not valid JSON";
    size_t len = strlen(m);
    while (len > 0 && (m[len - 1] == '\n' || m[len - 1] == ' ')) len--;
    if (len >= sizeof j->err) len = sizeof j->err - 1;
    memcpy(j->err, m, len);
    j->err[len] = '\0';
    if (msg) yajl_free_error(j->yajl, msg);
  }
  if (at > n) at = n;
  /* yajl points this error at the token's start (two bytes into a
   * string), but no further back than the chunk. The token is the one the
   * last chunk ended in, unless that was a number that ended there and was
   * not the error. No token holds a newline, so the line is this chunk's. */
  if (at == 0 && n > 0 && j->pending && strstr(j->err, "after key and value") != NULL) {
    int num = j->num;
    uint64_t pos = j->tok_start, column = w->column - j->tok_chars;
    if (j->state == IN_STRING) {
      pos += 2;
      column += 2;
    }
    if (pos < w->bytes_in &&
        (j->state != IN_NUMBER || j->num_after_value ||
         (is_number_char(in[0]) && number_continues(&num, in[0]))))
      return dkcpr__struct_syntax_at(w, pos, w->line, column, j->err);
  }
  return dkcpr__struct_syntax(w, in, w->bytes_in, w->bytes_in + at, j->err);
}

/* A held value with a rewriting rule ended: a string (with its quotes) or a number. */
static dkcpr_status rule_done(dkcpr_struct_washer *w, dkcpr__json_state *j, int string) {
  char repl[DKCPR__VALUE_MAX], out[DKCPR__VALUE_MAX * 6 + 2];
  const char *v = j->hold + (string ? 1 : 0);
  size_t len = j->hold_len - (string && j->hold_len >= 2 ? 2 : 0), n, o = 0, i;
  int digits = 1;
  j->holding = 0;
  if (len == 0 && !j->over) return dkcpr__text_value(&w->text, j->hold, j->hold_len);
  switch (dkcpr__value_rule(w, j->hold_rule, &j->row, v, len, j->over, repl, &n)) {
  case DKCPR__RULE_OUT_EMPTY:
    return string ? dkcpr__text_value(&w->text, "\"\"", 2) : dkcpr__text_value(&w->text, "null", 4);
  case DKCPR__RULE_OUT_NONE: return dkcpr__text_value(&w->text, "null", 4);
  default: break;
  }
  for (i = 0; i < n; i++)
    if (repl[i] < '0' || repl[i] > '9') digits = 0;
  if (!string && digits && n > 0 && (repl[0] != '0' || n == 1))
    return dkcpr__text_value(&w->text, repl, n);
  o = dkcpr__value_quoted(out, repl, n, '"');
  return dkcpr__text_value(&w->text, out, o);
}

/* A held string ended (hold: the quotes and what is between them). */
static dkcpr_status string_done(dkcpr_struct_washer *w, dkcpr__json_state *j) {
  dkcpr_status st;
  if (!j->emit) { /* a held row's first reading: its number only */
    j->holding = 0;
    if (j->hold_rule == NULL && !j->row.known && j->hold_len >= 2 &&
        memchr(j->hold, '\\', j->hold_len) == NULL)
      dkcpr__value_row(w, &j->row, j->hold + 1, j->hold_len - 2);
    return DKCPR_OK;
  }
  if (j->hold_rule != NULL) return rule_done(w, j, 1);
  j->holding = 0;
  if (j->hold_len < 2 || memchr(j->hold, '\\', j->hold_len) != NULL) {
    w->counts.values++;
    w->counts.unrecognised++;
    return dkcpr__text_put(&w->text, j->hold, j->hold_len);
  }
  if (!j->row.known) dkcpr__value_row(w, &j->row, j->hold + 1, j->hold_len - 2);
  st = dkcpr__text_put(&w->text, "\"", 1);
  /* A wrapped number is written as an integer, inside the quotes it has. */
  if (st == DKCPR_OK && j->next_wrapped)
    st = dkcpr__value_wash(w, j->hold + 1, j->hold_len - 2, DKCPR__VALUE_INTEGER, 1, '\0');
  else if (st == DKCPR_OK)
    st = dkcpr__value_wash(w, j->hold + 1, j->hold_len - 2, DKCPR__VALUE_TEXT, 1, '"');
  if (st == DKCPR_OK) st = dkcpr__text_put(&w->text, "\"", 1);
  return st;
}

static dkcpr_status number_done(dkcpr_struct_washer *w, dkcpr__json_state *j) {
  if (!j->emit) {
    j->holding = 0;
    if (j->hold_rule == NULL && value_cpr(j) && !j->row.known)
      dkcpr__value_row(w, &j->row, j->hold, j->hold_len);
    return DKCPR_OK;
  }
  if (j->hold_rule != NULL) return rule_done(w, j, 0);
  j->holding = 0;
  if (value_cpr(j) && !j->row.known) dkcpr__value_row(w, &j->row, j->hold, j->hold_len);
  return dkcpr__value_wash(w, j->hold, j->hold_len, DKCPR__VALUE_INTEGER,
                           value_cpr(j), '"');
}

/* Remember the token the chunk ends in, if any, for check(). */
static void note_pending(dkcpr_struct_washer *w, dkcpr__json_state *j,
                         const char *in, size_t n) {
  size_t from = 0, i;
  uint64_t chars = 0;
  j->pending = j->state != BETWEEN || j->literal_left > 0;
  if (!j->pending) return;
  if (j->tok_start >= w->bytes_in) from = (size_t)(j->tok_start - w->bytes_in);
  else chars = j->tok_chars;
  for (i = from; i < n; i++)
    if (((unsigned char)in[i] & 0xC0) != 0x80) chars++;
  j->tok_chars = chars;
}

/* The lexer, over bytes yajl has accepted: in[0..n), at stream offset
 * base; *used: the bytes read, fewer when a held row starts or ends
 * (j->event). */
static dkcpr_status lex(dkcpr_struct_washer *w, const char *in, size_t n, uint64_t base,
                        size_t *used) {
  dkcpr__json_state *j = w->json;
  const char *p = in, *end = in + n, *run = in;
  dkcpr_status st = DKCPR_OK;
#define PUT_RUN(upto)                                                        \
  do {                                                                       \
    if ((upto) > run && j->emit)                                             \
      st = dkcpr__text_put(&w->text, run, (size_t)((upto) - run));           \
    if (st != DKCPR_OK) return st;                                           \
  } while (0)
  j->event = EV_NONE;
  while (p < end && j->event == EV_NONE) {
    char ch = *p;
    if (j->state == IN_NUMBER) {
      if (!is_number_char(ch)) {
        j->state = BETWEEN;
        j->value_done = 1;
        if (j->holding) {
          if ((st = number_done(w, j)) != DKCPR_OK) return st;
          run = p;
        }
        continue; /* the byte after the number, between tokens */
      }
      if (!number_continues(&j->num, ch)) { /* yajl's next token */
        j->value_done = 1;
        number_starts(base, j, in, p);
      }
    } else if (j->state == IN_STRING) {
      if (j->escape) {
        j->escape = 0;
      } else if (ch == '\\') {
        j->escape = 1;
        if (j->is_key) j->name_escaped = 1;
        if (j->capture) j->sys_len = sizeof j->sys; /* written with escapes: not matched */
      } else if (ch == '"') {
        j->state = BETWEEN;
        if (j->capture) { /* the system's value: the CPR register's? */
          j->capture = 0;
          if (j->sys_len == sizeof j->sys - 1 && memcmp(j->sys, FHIR_CPR_SYSTEM, j->sys_len) == 0)
            j->stack[j->depth - 1] |= LV_SYSTEM;
        }
        if (j->is_key) {
          key_meaning scratch;
          const key_meaning *m = key_meaning_known(w, j, &scratch);
          j->next_cpr = m->cpr;
          j->next_rule = m->rule;
          j->next_system = m->system;
          /* FHIR: the value of an identifier whose system says CPR. */
          if (m->value && (j->stack[j->depth - 1] & LV_SYSTEM) && j->next_rule == NULL)
            j->next_cpr = 1;
          /* A wrapped number in a CPR field is the field's value, an integer. */
          j->next_wrapped = m->wrapper && (j->stack[j->depth - 1] & LV_CPR_HELD);
          if (j->next_wrapped) j->next_cpr = 1;
          j->stack[j->depth - 1] &= ~LV_KEY;
        } else {
          j->value_done = 1;
          if (j->holding) {
            j->hold[j->hold_len++] = ch;
            if ((st = string_done(w, j)) != DKCPR_OK) return st;
            run = p + 1;
          }
        }
        p++;
        continue;
      } else if (j->is_key) { /* the key's name up to its end or an escape */
        const char *q = p;
        size_t k, room;
        while (q < end && *q != '"' && *q != '\\') q++;
        k = (size_t)(q - p);
        room = j->name_len <= DKCPR__FIELD_NAME_MAX ? DKCPR__FIELD_NAME_MAX + 1 - j->name_len : 0;
        if (k > room) k = room;
        memcpy(j->name + j->name_len, p, k);
        j->name_len += k;
        p = q;
        continue;
      } else if (!j->holding) { /* the fast path: the rest of a text string */
        const char *q = p;
        while (q < end && *q != '"' && *q != '\\') q++;
        if (j->capture) {
          size_t k = (size_t)(q - p), room = sizeof j->sys - j->sys_len;
          memcpy(j->sys + j->sys_len, p, k < room ? k : room);
          j->sys_len += k < room ? k : room;
        }
        p = q;
        continue;
      }
    } else { /* between tokens */
      switch (ch) {
      case '{':
      case '[': {
        /* An array's items are in the field that holds it; a rule on a
         * key holding an array or object covers every value inside. */
        const dkcpr__rule *r = value_rule(j);
        if (j->depth == 0) j->top_array = ch == '[';
        if (ch == '{' && j->companions && j->in_row == ROW_NONE && row_level(j)) {
          PUT_RUN(p); /* hold the row from its '{' */
          run = p;
          j->event = EV_ROW_START;
          j->row_depth = j->depth;
          goto stop;
        }
        if (ch == '{') maybe_new_row(j);
        key_of_level(j);
        j->value_done = 0;
        j->value_system = 0;
        if ((st = push(j, ch == '{' ? LV_OBJECT | LV_KEY | (value_cpr(j) ? LV_CPR_HELD : 0)
                                   : (value_cpr(j) ? LV_CPR : 0))) !=
            DKCPR_OK)
          goto depth;
        if (j->value_rule != NULL) {
          j->deep_rule = r;
          j->rule_depth = j->depth;
        }
        j->value_rule = NULL;
        break;
      }
      case '}':
      case ']':
        j->value_done = 1;
        if (j->depth) j->depth--;
        if (j->deep_rule != NULL && j->depth < j->rule_depth) j->deep_rule = NULL;
        j->value_rule = NULL;
        if (j->in_row != ROW_NONE && j->depth == j->row_depth) {
          if (j->in_row == ROW_CAPTURE) j->event = EV_ROW_END;
          else j->in_row = ROW_NONE;
        }
        break;
      case ',':
        j->value_rule = NULL;
        j->value_system = 0;
        j->value_done = 0;
        if (j->depth && (j->stack[j->depth - 1] & LV_OBJECT))
          j->stack[j->depth - 1] |= LV_KEY;
        break;
      case ':':
        j->value_done = 0;
        /* The value that follows is in the key's field. */
        j->value_rule = j->next_rule;
        j->value_system = j->next_system;
        if (j->depth) {
          if (j->next_cpr) j->stack[j->depth - 1] |= LV_CPR;
          else j->stack[j->depth - 1] &= ~LV_CPR;
        }
        break;
      case '"':
        token_starts(base, j, in, p);
        j->state = IN_STRING;
        j->escape = 0;
        j->is_key = j->depth && (j->stack[j->depth - 1] & LV_KEY);
        if (j->is_key) {
          j->name_len = 0;
          j->name_escaped = 0;
        } else if (j->value_system && !value_cpr(j) && value_rule(j) == NULL) {
          j->capture = 1;
          j->sys_len = 0;
        } else if (value_cpr(j) || value_rule(j) != NULL) {
          PUT_RUN(p);
          j->holding = 1;
          j->hold_len = 0;
          j->hold_rule = value_cpr(j) ? NULL : value_rule(j);
          j->over = 0;
        }
        break;
      default:
        if (ch >= 'a' && ch <= 'z') {
          if (j->literal_left > 0) {
            j->value_done = --j->literal_left == 0;
          } else {
            token_starts(base, j, in, p);
            j->literal_left = ch == 'f' ? 4 : 3;
          }
        } else if (ch == '-' || (ch >= '0' && ch <= '9')) {
          number_starts(base, j, in, p);
          PUT_RUN(p);
          j->state = IN_NUMBER;
          j->holding = 1;
          j->hold_len = 0;
          j->hold_rule = value_cpr(j) ? NULL : value_rule(j);
          j->over = 0;
        }
        break;
      }
    }
    if (j->holding) {
      if (j->hold_len == sizeof j->hold - 1 && j->hold_rule != NULL) {
        j->over = 1; /* rewritten whatever it holds: the rest is dropped */
      } else if (j->hold_len == sizeof j->hold - 1) {
        /* Too long to be a number: text from here on (a string's closing
         * quote always has its byte). */
        j->holding = 0;
        if (j->state == IN_STRING && j->emit) {
          w->counts.values++;
          w->counts.unrecognised++;
        }
        if (j->emit && (st = dkcpr__text_put(&w->text, j->hold, j->hold_len)) != DKCPR_OK)
          return st;
        run = p;
      } else {
        j->hold[j->hold_len++] = ch;
      }
    }
    p++;
  }
stop:
  if (!j->holding) PUT_RUN(p);
  *used = (size_t)(p - in);
  return DKCPR_OK;
depth: /* only ever in the caller's chunk: a held row is not that deep */
  return st == DKCPR_E_SYNTAX
             ? dkcpr__struct_syntax(w, j->chunk, w->bytes_in, base + (uint64_t)(p - in),
                                    "nesting deeper than a million levels")
             : st;
#undef PUT_RUN
}

/* The lexer's state back to where the held row starts; what is not the
 * lexer's (buffers, the row held, positions of a pending token) stays. */
static void row_restore(dkcpr__json_state *j) {
  dkcpr__json_state keep = *j;
  *j = *j->snap;
  j->yajl = keep.yajl;
  j->stack = keep.stack;
  j->cap = keep.cap;
  j->companions = keep.companions;
  j->rowbuf = keep.rowbuf;
  j->row_len = keep.row_len;
  j->row_at = keep.row_at;
  j->row_depth = keep.row_depth;
  j->snap = keep.snap;
  j->keys = keep.keys;
  j->chunk = keep.chunk;
  j->row = keep.row;
  j->pending = keep.pending;
  j->tok_chars = keep.tok_chars;
  OPENSSL_cleanse(&keep, sizeof keep);
}

/* Write the held row (whole: all of it, its companions following its
 * number; else its first ROW_MAX bytes, as they stream). */
static dkcpr_status row_write(dkcpr_struct_washer *w, int whole) {
  dkcpr__json_state *j = w->json;
  size_t used;
  dkcpr_status st;
  row_restore(j);
  j->in_row = whole ? ROW_WHOLE : ROW_CUT;
  j->emit = 1;
  st = lex(w, j->rowbuf, j->row_len, j->row_at, &used);
  j->row_len = 0;
  return st;
}

/* Lex the caller's chunk in[0..n) (at stream offset at), holding rows. */
static dkcpr_status lex_chunk(dkcpr_struct_washer *w, const char *in, size_t n, uint64_t at) {
  dkcpr__json_state *j = w->json;
  size_t k = 0, used;
  dkcpr_status st;
  while (k < n) {
    if (j->in_row == ROW_CAPTURE) {
      size_t room = ROW_MAX - j->row_len, take = n - k < room ? n - k : room;
      j->emit = 0;
      st = lex(w, in + k, take, at + k, &used);
      j->emit = 1;
      memcpy(j->rowbuf + j->row_len, in + k, used);
      j->row_len += used;
      k += used;
      if (st != DKCPR_OK) return st;
      if (j->event == EV_ROW_END) st = row_write(w, 1);
      else if (j->row_len == ROW_MAX) st = row_write(w, 0);
    } else {
      st = lex(w, in + k, n - k, at + k, &used);
      k += used;
      if (st == DKCPR_OK && j->event == EV_ROW_START) { /* from its '{' on */
        *j->snap = *j;
        j->row_at = at + k;
        j->row_len = 0;
        j->row.known = 0;
        j->in_row = ROW_CAPTURE;
      }
    }
    if (st != DKCPR_OK) return st;
  }
  return DKCPR_OK;
}

/* A UTF-8 byte order mark before the first value (RFC 8259 lets a parser
 * pass over it; UTF-16 text transcoded to UTF-8 keeps one): its bytes at
 * the start of in[0..n), which are written as they are and never parsed;
 * (size_t)-1 when what began as one is not. */
static size_t bom_bytes(dkcpr__json_state *j, const char *in, size_t n) {
  static const char bom[] = "\xEF\xBB\xBF";
  size_t k = 0;
  if (j->bom_done) return 0;
  while (k < n && j->bom_len < 3 && in[k] == bom[j->bom_len]) {
    k++;
    j->bom_len++;
  }
  if (j->bom_len == 3 || k < n) {
    j->bom_done = 1;
    if (j->bom_len > 0 && j->bom_len < 3) return (size_t)-1;
  }
  return k;
}

static dkcpr_status feed_values(dkcpr_struct_washer *w, const char *in, size_t n, int finish);

dkcpr_status dkcpr__json_feed(dkcpr_struct_washer *w, const char *in, size_t n,
                              int finish) {
  size_t bom = bom_bytes(w->json, in, n);
  uint64_t line = w->line, column = w->column;
  dkcpr_status st;
  if (bom == (size_t)-1) /* the stream's first bytes */
    return dkcpr__struct_syntax_at(w, 0, 1, 1, "lexical error: a byte order mark cut short");
  if (bom == 0) return feed_values(w, in, n, finish);
  /* The values' positions count the mark's bytes, which the caller adds after. */
  st = dkcpr__text_put(&w->text, in, bom);
  if (st != DKCPR_OK) return st;
  dkcpr__struct_advance(&w->line, &w->column, in, bom);
  w->bytes_in += bom;
  st = feed_values(w, in + bom, n - bom, finish);
  w->bytes_in -= bom;
  w->line = line;
  w->column = column;
  return st;
}

static dkcpr_status feed_values(dkcpr_struct_washer *w, const char *in, size_t n, int finish) {
  dkcpr__json_state *j = w->json;
  dkcpr_status st = check(w, in, n, finish);
  j->chunk = in;
  if (st == DKCPR_OK) st = lex_chunk(w, in, n, w->bytes_in);
  if (st == DKCPR_OK) note_pending(w, j, in, n);
  /* A row still held at the end (only when the lexer and yajl disagree,
   * which the fuzz target looks for): written as it streams. */
  if (st == DKCPR_OK && finish && j->in_row == ROW_CAPTURE) st = row_write(w, 0);
  if (st == DKCPR_OK && finish && j->state == IN_NUMBER && j->holding)
    st = number_done(w, j);
  return st;
}
