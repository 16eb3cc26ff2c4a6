/* JSON and JSON Lines. yajl checks that the input is JSON (and says where it
 * is not); a small lexer over the same bytes finds each token's bytes and
 * its key path: a string in a field whose name means CPR, and every number
 * (a ten-digit number that is a CPR number must stay a valid number), are
 * held and rewritten whole; everything else goes to the text path as it
 * comes, so a string of any length streams through. */
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <yajl/yajl_parse.h>

#include "struct_washer.h"

/* Deeper nesting is refused: the lexer keeps a byte per level. */
#define DEPTH_MAX (1u << 20)

enum { BETWEEN, IN_STRING, IN_NUMBER };

/* Per level of nesting. */
#define LV_OBJECT 0x1u  /* an object, else an array */
#define LV_KEY 0x2u     /* an object expecting a key */
#define LV_CPR 0x4u     /* values here are in a CPR field */

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
  unsigned char *stack;
  size_t depth, cap;
  char err[160];
};

dkcpr_status dkcpr__json_new(dkcpr_struct_washer *w) {
  dkcpr__json_state *j = calloc(1, sizeof *j);
  if (j == NULL) return DKCPR_E_NOMEM;
  j->yajl = yajl_alloc(NULL, NULL, NULL);
  if (j->yajl == NULL) {
    free(j);
    return DKCPR_E_NOMEM;
  }
  if (w->format == DKCPR_DATA_JSONL)
    yajl_config(j->yajl, yajl_allow_multiple_values, 1);
  w->json = j;
  return DKCPR_OK;
}

void dkcpr__json_free(dkcpr_struct_washer *w) {
  if (w->json == NULL) return;
  yajl_free(w->json->yajl);
  free(w->json->stack);
  OPENSSL_cleanse(w->json, sizeof *w->json);
  free(w->json);
  w->json = NULL;
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
  return dkcpr__struct_syntax(w, in, w->bytes_in, w->bytes_in + at, j->err);
}

/* A held string ended (hold: the quotes and what is between them). */
static dkcpr_status string_done(dkcpr_struct_washer *w, dkcpr__json_state *j) {
  dkcpr_status st;
  j->holding = 0;
  if (j->hold_len < 2 || memchr(j->hold, '\\', j->hold_len) != NULL) {
    w->counts.values++;
    w->counts.unrecognised++;
    return dkcpr__text_put(&w->text, j->hold, j->hold_len);
  }
  st = dkcpr__text_put(&w->text, "\"", 1);
  if (st == DKCPR_OK)
    st = dkcpr__value_wash(w, j->hold + 1, j->hold_len - 2, DKCPR__VALUE_TEXT, 1, '"');
  if (st == DKCPR_OK) st = dkcpr__text_put(&w->text, "\"", 1);
  return st;
}

static dkcpr_status number_done(dkcpr_struct_washer *w, dkcpr__json_state *j) {
  j->holding = 0;
  return dkcpr__value_wash(w, j->hold, j->hold_len, DKCPR__VALUE_INTEGER,
                           value_cpr(j), '"');
}

static int is_number_char(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' ||
         c == 'e' || c == 'E';
}

/* The lexer, over bytes yajl has accepted. */
static dkcpr_status lex(dkcpr_struct_washer *w, const char *in, size_t n) {
  dkcpr__json_state *j = w->json;
  const char *p = in, *end = in + n, *run = in;
  dkcpr_status st = DKCPR_OK;
#define PUT_RUN(upto)                                                        \
  do {                                                                       \
    if ((upto) > run) st = dkcpr__text_put(&w->text, run, (size_t)((upto) - run)); \
    if (st != DKCPR_OK) return st;                                           \
  } while (0)
  while (p < end) {
    char ch = *p;
    if (j->state == IN_NUMBER) {
      if (!is_number_char(ch)) {
        j->state = BETWEEN;
        if (j->holding) {
          if ((st = number_done(w, j)) != DKCPR_OK) return st;
          run = p;
        }
        continue; /* the byte after the number, between tokens */
      }
    } else if (j->state == IN_STRING) {
      if (j->escape) {
        j->escape = 0;
      } else if (ch == '\\') {
        j->escape = 1;
        if (j->is_key) j->name_escaped = 1;
      } else if (ch == '"') {
        j->state = BETWEEN;
        if (j->is_key) {
          j->next_cpr = !j->name_escaped && j->name_len <= DKCPR__FIELD_NAME_MAX &&
                        dkcpr__field_is_cpr(&w->names, j->name, j->name_len);
          j->stack[j->depth - 1] &= ~LV_KEY;
        } else if (j->holding) {
          j->hold[j->hold_len++] = ch;
          if ((st = string_done(w, j)) != DKCPR_OK) return st;
          run = p + 1;
        }
        p++;
        continue;
      } else if (j->is_key) {
        if (j->name_len <= DKCPR__FIELD_NAME_MAX) j->name[j->name_len] = ch;
        if (j->name_len <= DKCPR__FIELD_NAME_MAX) j->name_len++;
      } else if (!j->holding) { /* the fast path: the rest of a text string */
        const char *q = p;
        while (q < end && *q != '"' && *q != '\\') q++;
        p = q;
        continue;
      }
    } else { /* between tokens */
      switch (ch) {
      case '{':
        if ((st = push(j, LV_OBJECT | LV_KEY)) != DKCPR_OK) goto depth;
        break;
      case '[':
        /* An array's items are in the field that holds it. */
        if ((st = push(j, value_cpr(j) ? LV_CPR : 0)) != DKCPR_OK) goto depth;
        break;
      case '}':
      case ']':
        if (j->depth) j->depth--;
        break;
      case ',':
        if (j->depth && (j->stack[j->depth - 1] & LV_OBJECT))
          j->stack[j->depth - 1] |= LV_KEY;
        break;
      case ':':
        /* The value that follows is in the key's field. */
        if (j->depth) {
          if (j->next_cpr) j->stack[j->depth - 1] |= LV_CPR;
          else j->stack[j->depth - 1] &= ~LV_CPR;
        }
        break;
      case '"':
        j->state = IN_STRING;
        j->escape = 0;
        j->is_key = j->depth && (j->stack[j->depth - 1] & LV_KEY);
        if (j->is_key) {
          j->name_len = 0;
          j->name_escaped = 0;
        } else if (value_cpr(j)) {
          PUT_RUN(p);
          j->holding = 1;
          j->hold_len = 0;
        }
        break;
      default:
        if (ch == '-' || (ch >= '0' && ch <= '9')) {
          PUT_RUN(p);
          j->state = IN_NUMBER;
          j->holding = 1;
          j->hold_len = 0;
        }
        break;
      }
    }
    if (j->holding) {
      if (j->hold_len == sizeof j->hold) {
        /* Too long to be a number: text from here on. */
        j->holding = 0;
        if (j->state == IN_STRING) {
          w->counts.values++;
          w->counts.unrecognised++;
        }
        if ((st = dkcpr__text_put(&w->text, j->hold, j->hold_len)) != DKCPR_OK)
          return st;
        run = p;
      } else {
        j->hold[j->hold_len++] = ch;
      }
    }
    p++;
  }
  if (!j->holding) PUT_RUN(end);
  return DKCPR_OK;
depth:
  return st == DKCPR_E_SYNTAX
             ? dkcpr__struct_syntax(w, in, w->bytes_in,
                                    w->bytes_in + (uint64_t)(p - in),
                                    "nesting deeper than a million levels")
             : st;
#undef PUT_RUN
}

dkcpr_status dkcpr__json_feed(dkcpr_struct_washer *w, const char *in, size_t n,
                              int finish) {
  dkcpr__json_state *j = w->json;
  dkcpr_status st = check(w, in, n, finish);
  if (st == DKCPR_OK) st = lex(w, in, n);
  if (st == DKCPR_OK && finish && j->state == IN_NUMBER && j->holding)
    st = number_done(w, j);
  return st;
}
