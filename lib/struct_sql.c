/* SPDX-License-Identifier: Apache-2.0 */
/* SQL dumps: pg_dump plain output (COPY ... FROM stdin blocks, INSERT
 * statements) and MySQL/MariaDB dumps (multi-row INSERT). A lexer keeps
 * strings, quoted names, comments and dollar quotes apart; a small statement
 * reader learns the columns of each CREATE TABLE and follows the column of
 * every value of a COPY row or an INSERT tuple. A value in a CPR column, and
 * every number there or in an integer column, is held and rewritten whole;
 * all other bytes go to the text path as they come. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/crypto.h>

#include "struct_sql_catalog.h"
#include "struct_sql_json.h"
#include "byte_find.h"
#include "struct_washer.h"

enum lex {
  L_NORMAL, L_WORD, L_NUMBER, L_SQUOTE, L_SQUOTE_END, L_SQUOTE_BS,
  L_DQUOTE, L_DQUOTE_END, L_BQUOTE, L_BQUOTE_END, L_DASH, L_LINE_COMMENT,
  L_SLASH, L_BLOCK, L_BLOCK_STAR, L_DOLLAR_TAG, L_DOLLAR_BODY,
  L_COPY_LINE, L_COPY_FIELD, L_COPY_FSTART, L_COPY_BS_START, L_COPY_END
};

enum stmt {
  S_START, S_SKIP, S_CREATE, S_CREATE_NAME, S_TABLE_BODY,
  S_COPY_NAME, S_COPY_COLS, S_COPY_AFTER, S_COPY_FROM,
  S_INSERT, S_INSERT_NAME, S_INSERT_COLS, S_INSERT_AFTER, S_VALUES
};

enum tok { T_WORD, T_IDENT, T_STRING, T_NUMBER, T_PUNCT };

struct dkcpr__sql_state {
  int lex, stmt;
  int mysql;            /* backquoted names seen: strings take backslash escapes */
  int escapes;          /* this string takes backslash escapes (MySQL, E'') */
  char tok[DKCPR__SQL_NAME_MAX + 1];
  size_t tok_len;
  char tag[DKCPR__SQL_NAME_MAX + 2];
  size_t tag_len, tag_match;
  int holding, hold_cpr, hold_int;
  const dkcpr__rule *hold_rule; /* the held value's rewriting rule, or NULL */
  int over;                     /* the held value of a rewritten field was cut */
  size_t hold_len;
  char hold[DKCPR__VALUE_HOLD + 2];
  /* statement reader */
  int depth, value_start, expect_col, expect_type, copy_next_line, copy_stdin;
  char table[DKCPR__SQL_NAME_MAX + 1];
  char schema[DKCPR__SQL_NAME_MAX + 1]; /* the name before the table's '.', or empty */
  int table_dot;                        /* a '.' after the table's name: a schema's */
  dkcpr__sql_table *creating;
  dkcpr__sql_cols cols;  /* the current COPY's or INSERT's columns */
  int cols_own;          /* cols were named in the statement (else the table's) */
  size_t col;
  dkcpr__sql_catalog cat;
  /* With companion rules on the columns, each COPY row and INSERT tuple is
   * held whole first, so its CPR number is known wherever its companions
   * sit (COPY rows whole in the chunk are washed where they are, their
   * numbers pseudonymized a batch at a time). */
  int copy_rows;
  int tuple_start, tuple_hold;  /* an INSERT tuple's '(' was read: hold it */
  int tuple_depth;              /* scanning the held tuple: parentheses, */
  char tuple_quote;             /* the quote it is inside (or 0), */
  int tuple_escape;             /* after a backslash in a MySQL string */
  int replaying;                /* the lexer reads held bytes: it stops nowhere */
  char *rec;
  size_t rec_len;
  uint64_t rec_at, rec_line, rec_column;
  dkcpr__row row;
  int row_whole;
  dkcpr__rows_batch batch; /* whole COPY rows' numbers, converted together */
  dkcpr__sql_json json;  /* the json or jsonb value being read */
};

/* The longest COPY row held whole; a longer one is washed in parts, its
 * companions without a CPR number. */
#define ROW_MAX (64u * 1024u)

dkcpr_status dkcpr__sql_new(dkcpr_struct_washer *w) {
  dkcpr__sql_state *s = calloc(1, sizeof *s);
  if (s == NULL) return DKCPR_E_NOMEM;
  w->sql = s;
  return DKCPR_OK;
}

void dkcpr__sql_free(dkcpr_struct_washer *w) {
  dkcpr__sql_state *s = w->sql;
  if (s == NULL) return;
  dkcpr__sql_cols_free(&s->cols);
  dkcpr__sql_catalog_free(&s->cat);
  if (s->rec != NULL) OPENSSL_cleanse(s->rec, ROW_MAX);
  free(s->rec);
  OPENSSL_cleanse(s, sizeof *s);
  free(s);
  w->sql = NULL;
}

int dkcpr__sql_boundary(const dkcpr_struct_washer *w) {
  const dkcpr__sql_state *s = w->sql;
  return s != NULL && s->lex == L_COPY_LINE && !s->holding && s->rec_len == 0 &&
         !s->json.active && !s->tuple_hold && !s->tuple_start;
}

static int word_is(const dkcpr__sql_state *s, const char *w) {
  return strcasecmp(s->tok, w) == 0;
}

static int is_integer_type(const char *t) {
  static const char *const types[] = {"bigint", "int", "int2", "int4", "int8", "integer",
                                      "smallint", "mediumint", "tinyint", "numeric",
                                      "decimal", "serial", "bigserial", "number"};
  size_t i;
  for (i = 0; i < sizeof types / sizeof types[0]; i++)
    if (strcasecmp(t, types[i]) == 0) return 1;
  return 0;
}

static int is_json_type(const char *t) {
  return strcasecmp(t, "json") == 0 || strcasecmp(t, "jsonb") == 0;
}

static int is_constraint(const dkcpr__sql_state *s) {
  static const char *const k[] = {"constraint", "primary", "unique", "check", "foreign",
                                  "key", "index", "exclude", "like", "fulltext", "spatial"};
  size_t i;
  for (i = 0; i < sizeof k / sizeof k[0]; i++)
    if (word_is(s, k[i])) return 1;
  return 0;
}

/* The statement's table (and schema), where its columns sit for rules. */
static const dkcpr__path *table_path(dkcpr__sql_state *s, dkcpr__path_name name[2],
                                     dkcpr__path *path) {
  path->name = name;
  path->n = 0;
  path->cut = 0;
  if (s->schema[0]) {
    name[0].n = dkcpr__field_normalise(name[0].s, s->schema, strlen(s->schema));
    path->n = name[0].n > 0;
  }
  name[path->n].n = dkcpr__field_normalise(name[path->n].s, s->table, strlen(s->table));
  path->n += name[path->n].n > 0;
  return path;
}

/* A name in a statement's table name: a schema's before a '.', else the table's. */
static void table_name(dkcpr__sql_state *s) {
  if (s->table_dot) memcpy(s->schema, s->table, sizeof s->table);
  else s->schema[0] = '\0';
  s->table_dot = 0;
  memcpy(s->table, s->tok, s->tok_len + 1);
}

/* The current statement's columns become the table's (no column list). */
static dkcpr_status use_table_cols(dkcpr_struct_washer *w, dkcpr__sql_state *s) {
  const dkcpr__sql_table *t = dkcpr__sql_table_find(&s->cat, s->table);
  dkcpr__path_name names[2];
  dkcpr__path path;
  size_t i;
  s->cols.n = 0;
  table_path(s, names, &path);
  if (t == NULL) return DKCPR_OK;
  for (i = 0; i < t->cols.n; i++) {
    const dkcpr__sql_col *c = &t->cols.col[i];
    dkcpr_status st = dkcpr__sql_cols_add(&s->cols, c->name, strlen(c->name),
                                          c->cpr, c->integer);
    if (st != DKCPR_OK) return st;
    if (s->cols.n > 0) {
      s->cols.col[s->cols.n - 1].rule =
          dkcpr__struct_rewrite_rule_in(w, &path, c->name, strlen(c->name));
      s->cols.col[s->cols.n - 1].json = c->json;
    }
  }
  return DKCPR_OK;
}

/* A column named in a COPY or INSERT column list. */
static dkcpr_status add_named_col(dkcpr_struct_washer *w, dkcpr__sql_state *s) {
  const dkcpr__sql_table *t = dkcpr__sql_table_find(&s->cat, s->table);
  const dkcpr__sql_col *c = t ? dkcpr__sql_cols_find(&t->cols, s->tok) : NULL;
  dkcpr__path_name names[2];
  dkcpr__path path;
  dkcpr_status st = dkcpr__sql_cols_add(
      &s->cols, s->tok, s->tok_len,
      dkcpr__struct_field_cpr_in(w, table_path(s, names, &path), s->tok, s->tok_len),
      c ? c->integer : 0);
  if (st == DKCPR_OK && s->cols.n > 0) {
    s->cols.col[s->cols.n - 1].rule = dkcpr__struct_rewrite_rule_in(w, &path, s->tok, s->tok_len);
    s->cols.col[s->cols.n - 1].json = c ? c->json : 0;
  }
  return st;
}

/* 1 when some column of the COPY or INSERT has a companion rule. */
static int has_companions(const dkcpr__sql_state *s) {
  size_t i;
  for (i = 0; i < s->cols.n; i++)
    if (s->cols.col[i].rule != NULL && DKCPR__RULE_NEEDS_ROW(s->cols.col[i].rule->action))
      return 1;
  return 0;
}

/* The statement reader, one token at a time (tok holds a word's or a name's text). */
static dkcpr_status token(dkcpr_struct_washer *w, dkcpr__sql_state *s, int kind, char punct) {
  int name = kind == T_WORD || kind == T_IDENT;
  int is_value_token = kind == T_STRING || kind == T_NUMBER || name;
  dkcpr_status st = DKCPR_OK;
  if (kind == T_PUNCT && punct == ';' && s->stmt != S_TABLE_BODY) {
    if (s->stmt == S_COPY_FROM && s->copy_stdin) s->copy_next_line = 1;
    s->stmt = S_START;
    return DKCPR_OK;
  }
  switch (s->stmt) {
  case S_START:
    s->copy_stdin = 0;
    if (kind != T_WORD) s->stmt = S_SKIP;
    else if (word_is(s, "copy")) s->stmt = S_COPY_NAME;
    else if (word_is(s, "insert") || word_is(s, "replace")) s->stmt = S_INSERT;
    else if (word_is(s, "create")) s->stmt = S_CREATE;
    else s->stmt = S_SKIP;
    s->table[0] = '\0';
    s->schema[0] = '\0';
    s->table_dot = 0;
    break;
  case S_CREATE:
    if (kind == T_WORD && word_is(s, "table")) s->stmt = S_CREATE_NAME;
    else if (!(kind == T_WORD && (word_is(s, "unlogged") || word_is(s, "temporary") ||
                                   word_is(s, "temp") || word_is(s, "global") ||
                                   word_is(s, "local"))))
      s->stmt = S_SKIP;
    break;
  case S_CREATE_NAME:
    if (name && !(kind == T_WORD && (word_is(s, "if") || word_is(s, "not") || word_is(s, "exists")))) {
      table_name(s);
    } else if (kind == T_PUNCT && punct == '(') {
      s->creating = dkcpr__sql_table_new(&s->cat, s->table);
      if (s->creating == NULL) {
        s->stmt = S_SKIP;
        break;
      }
      s->stmt = S_TABLE_BODY;
      s->depth = 1;
      s->expect_col = 1;
      s->expect_type = 0;
    } else if (kind == T_PUNCT && punct == '.') {
      s->table_dot = 1;
    } else if (!name && kind != T_NUMBER) {
      s->stmt = S_SKIP;
    }
    break;
  case S_TABLE_BODY:
    if (kind == T_PUNCT && punct == '(') {
      s->depth++;
    } else if (kind == T_PUNCT && punct == ')') {
      if (--s->depth == 0) s->stmt = S_SKIP;
    } else if (kind == T_PUNCT && punct == ',' && s->depth == 1) {
      s->expect_col = 1;
      s->expect_type = 0;
    } else if (s->depth == 1 && s->expect_col && name) {
      s->expect_col = 0;
      if (!(kind == T_WORD && is_constraint(s))) {
        dkcpr__path_name names[2];
        dkcpr__path path;
        st = dkcpr__sql_cols_add(
            &s->creating->cols, s->tok, s->tok_len,
            dkcpr__struct_field_cpr_in(w, table_path(s, names, &path), s->tok, s->tok_len), 0);
        s->expect_type = 1;
      }
    } else if (s->depth == 1 && s->expect_type && name) {
      s->expect_type = 0;
      if (s->creating->cols.n > 0) {
        s->creating->cols.col[s->creating->cols.n - 1].integer =
            (unsigned char)is_integer_type(s->tok);
        s->creating->cols.col[s->creating->cols.n - 1].json = (unsigned char)is_json_type(s->tok);
      }
    } else if (kind == T_PUNCT && punct == ';') {
      s->stmt = S_START;
    }
    break;
  case S_COPY_NAME:
  case S_INSERT_NAME:
    if (name && !(s->stmt == S_INSERT_NAME && word_is(s, "values")) &&
        !(s->stmt == S_COPY_NAME && kind == T_WORD && word_is(s, "from"))) {
      table_name(s);
    } else if (kind == T_PUNCT && punct == '(') {
      s->cols.n = 0;
      s->stmt = s->stmt == S_COPY_NAME ? S_COPY_COLS : S_INSERT_COLS;
    } else if (kind == T_WORD && word_is(s, "values")) {
      st = use_table_cols(w, s);
      s->stmt = S_VALUES;
      s->depth = 0;
    } else if (kind == T_PUNCT && punct == '.') {
      s->table_dot = 1;
    } else if (kind != T_NUMBER) {
      /* A number is read on: masked, its digits become a word, which
       * must not make another statement of it. */
      s->stmt = S_SKIP;
    }
    if (s->stmt == S_COPY_NAME && kind == T_WORD && word_is(s, "from")) {
      st = use_table_cols(w, s);
      s->stmt = S_COPY_FROM;
    }
    break;
  case S_COPY_COLS:
  case S_INSERT_COLS:
    if (name) st = add_named_col(w, s);
    else if (kind == T_PUNCT && punct == ')')
      s->stmt = s->stmt == S_COPY_COLS ? S_COPY_AFTER : S_INSERT_AFTER;
    break;
  case S_COPY_AFTER:
    s->stmt = kind == T_WORD && word_is(s, "from") ? S_COPY_FROM : S_SKIP;
    break;
  case S_COPY_FROM:
    if (kind == T_WORD && word_is(s, "stdin")) s->copy_stdin = 1;
    else s->stmt = S_SKIP;
    break;
  case S_INSERT:
    if (kind == T_WORD && word_is(s, "into")) s->stmt = S_INSERT_NAME;
    break;
  case S_INSERT_AFTER:
    if (kind == T_WORD && word_is(s, "values")) {
      s->stmt = S_VALUES;
      s->depth = 0;
    } else {
      s->stmt = S_SKIP;
    }
    break;
  case S_VALUES:
    if (kind == T_PUNCT && punct == '(') {
      if (++s->depth == 1) {
        s->col = 0;
        s->value_start = 1;
        s->tuple_start = has_companions(s);
        return DKCPR_OK;
      }
    } else if (kind == T_PUNCT && punct == ')') {
      if (s->depth > 0) s->depth--;
    } else if (kind == T_PUNCT && punct == ',' && s->depth == 1) {
      s->col++;
      s->value_start = 1;
      return DKCPR_OK;
    } else if (s->depth == 0 && kind == T_WORD) {
      s->stmt = S_SKIP; /* ON CONFLICT, ON DUPLICATE KEY UPDATE */
    }
    break;
  default:
    break;
  }
  if (is_value_token || kind == T_PUNCT) s->value_start = 0;
  return st;
}

/* Whether a string or number starting now is a value to hold; sets hold_cpr/hold_int. */
static int hold_here(dkcpr__sql_state *s, int is_number) {
  const dkcpr__sql_col *c;
  if (s->stmt != S_VALUES || s->depth != 1 || !s->value_start) return 0;
  c = s->col < s->cols.n ? &s->cols.col[s->col] : NULL;
  s->hold_cpr = c && c->cpr;
  s->hold_int = is_number;
  s->hold_rule = c ? c->rule : NULL;
  s->over = 0;
  return is_number || s->hold_cpr || s->hold_rule;
}

/* The COPY field now starting: hold it when its column is CPR or integer. */
static int hold_copy(dkcpr__sql_state *s) {
  const dkcpr__sql_col *c = s->col < s->cols.n ? &s->cols.col[s->col] : NULL;
  if (c == NULL || (!c->cpr && !c->integer && !c->rule)) return 0;
  s->hold_cpr = c->cpr;
  s->hold_int = c->integer;
  s->hold_rule = c->rule;
  s->over = 0;
  return 1;
}

/* The COPY field now starting is JSON (and not held whole). */
static int json_copy(const dkcpr__sql_state *s) {
  const dkcpr__sql_col *c = s->col < s->cols.n ? &s->cols.col[s->col] : NULL;
  return c != NULL && c->json && !c->cpr && !c->rule;
}

/* The INSERT string starting now is a JSON value. */
static int json_here(const dkcpr__sql_state *s) {
  const dkcpr__sql_col *c;
  if (s->stmt != S_VALUES || s->depth != 1 || !s->value_start) return 0;
  c = s->col < s->cols.n ? &s->cols.col[s->col] : NULL;
  return c != NULL && c->json && !c->cpr && !c->rule;
}

static int in_copy(const dkcpr__sql_state *s) {
  return s->lex >= L_COPY_LINE;
}

/* The letter COPY's text format writes after a backslash for c, or 0. */
static char copy_escape(char c) {
  switch (c) {
  case '\\': return '\\';
  case '\t': return 't';
  case '\n': return 'n';
  case '\r': return 'r';
  default: return 0;
  }
}

/* A value of a field with a rewriting rule ended: COPY data (escaped with
 * backslashes, NULL as \N), or an INSERT value, quoted or a number. */
static dkcpr_status rule_done(dkcpr_struct_washer *w, dkcpr__sql_state *s, int quoted) {
  char value[DKCPR__VALUE_HOLD + 2], repl[DKCPR__VALUE_MAX], out[2 * DKCPR__VALUE_MAX + 2];
  const char *h = s->hold;
  size_t hl = s->hold_len, len = 0, n, o = 0, i;
  int copy = in_copy(s), digits = 1;
  dkcpr__rule_out kind;
  if (copy && hl == 2 && h[0] == '\\' && h[1] == 'N' && !s->over) /* NULL */
    return dkcpr__text_value(&w->text, h, hl);
  if (quoted) {
    len = dkcpr__value_unquote(value, h, hl, '\'');
  } else {
    memcpy(value, h, hl);
    len = hl;
  }
  if (len == 0 && !s->over) return dkcpr__text_value(&w->text, h, hl);
  kind = dkcpr__value_rule(w, s->hold_rule, s->row_whole ? &s->row : NULL, value, len,
                           s->over, repl, &n);
  if (kind != DKCPR__RULE_OUT_TEXT) /* SQL has NULL for no value */
    return copy ? dkcpr__text_value(&w->text, "\\N", 2)
                : dkcpr__text_value(&w->text, "NULL", 4);
  for (i = 0; i < n; i++)
    if (repl[i] < '0' || repl[i] > '9') digits = 0;
  if (copy) {
    for (i = 0; i < n; i++) {
      char e = copy_escape(repl[i]);
      if (e) {
        out[o++] = '\\';
        out[o++] = e;
      } else {
        out[o++] = repl[i];
      }
    }
    return dkcpr__text_value(&w->text, out, o);
  }
  if (!quoted && digits && n > 0) return dkcpr__text_value(&w->text, repl, n);
  out[o++] = '\'';
  for (i = 0; i < n; i++) {
    if (repl[i] == '\'' || (s->mysql && repl[i] == '\\')) out[o++] = repl[i];
    out[o++] = repl[i];
  }
  out[o++] = '\'';
  return dkcpr__text_value(&w->text, out, o);
}

static dkcpr_status held_done(dkcpr_struct_washer *w, dkcpr__sql_state *s, int quoted) {
  s->holding = 0;
  if (s->hold_rule != NULL) return rule_done(w, s, quoted);
  if (!quoted && memchr(s->hold, '\\', s->hold_len) != NULL) /* \N: NULL */
    return dkcpr__text_put(&w->text, s->hold, s->hold_len);
  if (!quoted)
    return dkcpr__value_wash(w, s->hold, s->hold_len,
                             s->hold_int ? DKCPR__VALUE_INTEGER : DKCPR__VALUE_TEXT,
                             s->hold_cpr, '\'');
  if (s->hold_len < 2 || memchr(s->hold + 1, '\'', s->hold_len - 2) != NULL ||
      memchr(s->hold, '\\', s->hold_len) != NULL) {
    if (s->hold_cpr) {
      w->counts.values++;
      w->counts.unrecognised++;
    }
    return dkcpr__text_put(&w->text, s->hold, s->hold_len);
  }
  {
    dkcpr_status st = dkcpr__text_put(&w->text, "'", 1);
    if (st == DKCPR_OK)
      st = dkcpr__value_wash(w, s->hold + 1, s->hold_len - 2, DKCPR__VALUE_TEXT,
                             s->hold_cpr, '\'');
    if (st == DKCPR_OK) st = dkcpr__text_put(&w->text, "'", 1);
    return st;
  }
}

static int word_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '$' || c >= 0x80;
}

static void tok_add(dkcpr__sql_state *s, char c) {
  if (s->tok_len < DKCPR__SQL_NAME_MAX) {
    s->tok[s->tok_len++] = c;
    s->tok[s->tok_len] = '\0';
  }
}

/* Append ch to the held value; a value too long to be a number goes to the
 * text path, and so does the rest of it. */
#define HOLD(ch)                                                             \
  do {                                                                       \
    if (s->holding) {                                                        \
      if (s->hold_len == sizeof s->hold && s->hold_rule != NULL) {           \
        s->over = 1; /* rewritten whatever it holds: the rest is dropped */  \
      } else if (s->hold_len == sizeof s->hold) {                            \
        s->holding = 0;                                                      \
        if (s->hold_cpr) {                                                   \
          w->counts.values++;                                                \
          w->counts.unrecognised++;                                          \
        }                                                                    \
        if ((st = dkcpr__text_put(&w->text, s->hold, s->hold_len)) != DKCPR_OK) \
          return st;                                                         \
        run = p;                                                             \
      } else {                                                               \
        s->hold[s->hold_len++] = (char)(ch);                                 \
      }                                                                      \
    }                                                                        \
  } while (0)
#define PUT_RUN(upto)                                                        \
  do {                                                                       \
    if ((upto) > run) st = dkcpr__text_put(&w->text, run, (size_t)((upto) - run)); \
    if (st != DKCPR_OK) return st;                                           \
  } while (0)
#define CHECK(x)                                                             \
  do {                                                                       \
    if ((st = (x)) != DKCPR_OK) return st;                                   \
  } while (0)

/* HOLD over the bytes p[0..q): held, as many as there is room for; the
 * rest dropped (a rewritten field's value is cut) or, with what was held,
 * put on the text path from *run on (too long to be a number). */
static dkcpr_status hold_run(dkcpr_struct_washer *w, dkcpr__sql_state *s, const char *p,
                             const char *q, const char **run) {
  size_t n = (size_t)(q - p), room = sizeof s->hold - s->hold_len;
  if (n <= room) {
    memcpy(s->hold + s->hold_len, p, n);
    s->hold_len += n;
    return DKCPR_OK;
  }
  memcpy(s->hold + s->hold_len, p, room);
  s->hold_len += room;
  if (s->hold_rule != NULL) {
    s->over = 1;
    return DKCPR_OK;
  }
  s->holding = 0;
  if (s->hold_cpr) {
    w->counts.values++;
    w->counts.unrecognised++;
  }
  *run = p + room;
  return dkcpr__text_put(&w->text, s->hold, s->hold_len);
}

/* The lexer over in[0..n). With COPY rows to hold, it stops after the line
 * that starts COPY data and after every row; *used says how far it got. */
static dkcpr_status lex_feed(dkcpr_struct_washer *w, const char *in, size_t n,
                             int finish, size_t *used) {
  dkcpr__sql_state *s = w->sql;
  const char *p = in, *end = in + n, *run = in;
  const uint64_t base = w->bytes_in;
  dkcpr_status st = DKCPR_OK;
  *used = n;
  while (p < end) {
    unsigned char ch = (unsigned char)*p;
    switch (s->lex) {
    case L_NORMAL:
      if (ch == '\n' && s->copy_next_line) {
        s->copy_next_line = 0;
        s->lex = L_COPY_LINE;
        s->copy_rows = has_companions(s);
      } else if (ch == '-') {
        s->lex = L_DASH;
      } else if (ch == '/') {
        s->lex = L_SLASH;
      } else if (ch == '\'') {
        s->escapes = s->mysql;
        if (hold_here(s, 0)) {
          PUT_RUN(p);
          s->holding = 1;
          s->hold_len = 0;
          HOLD(ch);
        } else if (json_here(s)) {
          PUT_RUN(p + 1);
          run = p + 1;
          dkcpr__sql_json_start(&s->json, s->escapes);
        }
        s->lex = L_SQUOTE;
      } else if (ch == '"' || ch == '`') {
        s->tok_len = 0;
        s->tok[0] = '\0';
        if (ch == '`') s->mysql = 1;
        s->lex = ch == '"' ? L_DQUOTE : L_BQUOTE;
      } else if (ch == '$') {
        s->tag_len = 0;
        s->lex = L_DOLLAR_TAG;
      } else if (ch >= '0' && ch <= '9') {
        if (hold_here(s, 1)) {
          PUT_RUN(p);
          s->holding = 1;
          s->hold_len = 0;
        }
        s->lex = L_NUMBER;
        continue;
      } else if (word_char(ch)) {
        s->tok_len = 0;
        s->lex = L_WORD;
        continue;
      } else if (ch == '(' || ch == ')' || ch == ',' || ch == ';' || ch == '.') {
        CHECK(token(w, s, T_PUNCT, (char)ch));
      } else if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') {
        s->value_start = 0; /* an operator: the value is an expression */
      }
      break;
    case L_WORD:
      if (word_char(ch)) {
        tok_add(s, (char)ch);
        break;
      }
      s->lex = L_NORMAL;
      if (ch == '\'' && s->tok_len == 1 && (s->tok[0] == 'E' || s->tok[0] == 'e')) {
        s->escapes = 1; /* E'...': never held */
        s->value_start = 0;
        s->lex = L_SQUOTE;
        break;
      }
      CHECK(token(w, s, T_WORD, 0));
      continue;
    case L_NUMBER:
      if (word_char(ch) || ch == '.') {
        HOLD(ch);
        break;
      }
      s->lex = L_NORMAL;
      if (s->holding) {
        CHECK(held_done(w, s, 0));
        run = p;
      }
      CHECK(token(w, s, T_NUMBER, 0));
      continue;
    case L_SQUOTE:
      if (s->json.active) {
        if (ch == '\'' && !s->json.sql_bs) { /* the end, or the first of two */
          CHECK(dkcpr__sql_json_flush(w, &s->json));
          run = p;
          s->lex = L_SQUOTE_END;
        } else {
          CHECK(dkcpr__sql_json_byte(w, &s->json, (char)ch));
          run = p + 1;
        }
        break;
      }
      if (s->escapes && ch == '\\') {
        s->lex = L_SQUOTE_BS;
      } else if (ch == '\'') {
        s->lex = L_SQUOTE_END;
      } else if (!s->holding) { /* the fast path: the rest of a text string */
        const char *q = p;
        /* A backslash is plain text unless the string takes escapes. */
        while (q < end && *q != '\'' && !(*q == '\\' && s->escapes)) q++;
        p = q;
        continue;
      }
      HOLD(ch);
      break;
    case L_SQUOTE_BS:
      s->lex = L_SQUOTE;
      HOLD(ch);
      break;
    case L_SQUOTE_END:
      if (s->json.active && ch == '\'') { /* a doubled quote: text */
        PUT_RUN(p + 1);
        run = p + 1;
        s->lex = L_SQUOTE;
        break;
      }
      s->json.active = 0;
      if (ch == '\'') { /* a doubled quote */
        s->lex = L_SQUOTE;
        HOLD(ch);
        break;
      }
      s->lex = L_NORMAL;
      if (s->holding) {
        CHECK(held_done(w, s, 1));
        run = p;
      }
      CHECK(token(w, s, T_STRING, 0));
      continue;
    case L_DQUOTE:
    case L_BQUOTE:
      if (ch == (s->lex == L_DQUOTE ? '"' : '`')) s->lex = s->lex == L_DQUOTE ? L_DQUOTE_END : L_BQUOTE_END;
      else tok_add(s, (char)ch);
      break;
    case L_DQUOTE_END:
    case L_BQUOTE_END:
      if (ch == (s->lex == L_DQUOTE_END ? '"' : '`')) {
        tok_add(s, (char)ch);
        s->lex = s->lex == L_DQUOTE_END ? L_DQUOTE : L_BQUOTE;
        break;
      }
      s->lex = L_NORMAL;
      CHECK(token(w, s, T_IDENT, 0));
      continue;
    case L_DASH:
      if (ch == '-') {
        s->lex = L_LINE_COMMENT;
        break;
      }
      s->value_start = 0; /* a minus: not a value to rewrite */
      s->lex = ch >= '0' && ch <= '9' ? L_NUMBER : L_NORMAL;
      continue;
    case L_LINE_COMMENT: {
      const char *nl = memchr(p, '\n', (size_t)(end - p));
      if (nl == NULL) {
        p = end;
        continue;
      }
      p = nl;
      s->lex = L_NORMAL;
      continue; /* the line end, as any other */
    }
    case L_SLASH:
      if (ch == '*') {
        s->lex = L_BLOCK;
        break;
      }
      s->value_start = 0;
      s->lex = L_NORMAL;
      continue;
    case L_BLOCK:
      if (ch == '*') {
        s->lex = L_BLOCK_STAR;
      } else {
        const char *q = memchr(p, '*', (size_t)(end - p));
        p = q ? q : end;
        continue;
      }
      break;
    case L_BLOCK_STAR:
      s->lex = ch == '/' ? L_NORMAL : ch == '*' ? L_BLOCK_STAR : L_BLOCK;
      break;
    case L_DOLLAR_TAG:
      if (ch == '$') {
        s->tag_match = 0;
        s->lex = L_DOLLAR_BODY;
      } else if (word_char(ch) && s->tag_len < DKCPR__SQL_NAME_MAX) {
        s->tag[s->tag_len++] = (char)ch;
      } else {
        s->lex = L_NORMAL; /* $1 and the like */
        continue;
      }
      break;
    case L_DOLLAR_BODY: {
      /* the closing $tag$ */
      char want = '$';
      if (s->tag_match > 0 && s->tag_match != s->tag_len + 1) want = s->tag[s->tag_match - 1];
      if (ch == (unsigned char)want) {
        if (++s->tag_match == s->tag_len + 2) s->lex = L_NORMAL;
      } else {
        s->tag_match = ch == '$' ? 1 : 0;
      }
      break;
    }
    case L_COPY_LINE:
      s->col = 0;
      if (ch == '\\') {
        s->lex = L_COPY_BS_START;
        break;
      }
      s->lex = L_COPY_FIELD;
      if (ch != '\t' && ch != '\n' && hold_copy(s)) {
        PUT_RUN(p);
        s->holding = 1;
        s->hold_len = 0;
      } else if (ch != '\t' && ch != '\n' && json_copy(s)) {
        PUT_RUN(p);
        run = p;
        dkcpr__sql_json_start(&s->json, 1);
      }
      continue;
    case L_COPY_BS_START:
      if (ch == '.') {
        s->lex = L_COPY_END;
        break;
      }
      s->lex = L_COPY_FIELD; /* \N and the like: never a number */
      continue;
    case L_COPY_END:
      if (ch == '\n') {
        s->lex = L_NORMAL;
        s->copy_rows = 0;
      }
      else if (ch != '\r') s->lex = L_COPY_FIELD;
      break;
    case L_COPY_FIELD:
      if (s->json.active && ch != '\t' && ch != '\n') {
        CHECK(dkcpr__sql_json_byte(w, &s->json, (char)ch));
        run = p + 1;
        break;
      }
      if (s->json.active) { /* the JSON value's end */
        CHECK(dkcpr__sql_json_flush(w, &s->json));
        s->json.active = 0;
        run = p;
      }
      if (ch == '\t' || ch == '\n') {
        if (s->holding) {
          CHECK(held_done(w, s, 0));
          run = p;
        }
        if (ch == '\n') {
          s->lex = L_COPY_LINE;
          break;
        }
        s->col++;
        p++;
        if (p < end && *p != '\t' && *p != '\n' && hold_copy(s)) {
          PUT_RUN(p);
          s->holding = 1;
          s->hold_len = 0;
        } else if (p < end && *p != '\t' && *p != '\n' && json_copy(s)) {
          PUT_RUN(p);
          run = p;
          dkcpr__sql_json_start(&s->json, 1);
        } else if (p == end) {
          s->lex = L_COPY_FSTART;
        }
        continue;
      }
      { /* the fast path: the rest of the field */
        const char *q = dkcpr__find_any4(p + 1, end, '\t', '\n', '\t', '\n');
        if (s->holding) CHECK(hold_run(w, s, p, q, &run));
        p = q;
        continue;
      }
    case L_COPY_FSTART: /* a field whose tab ended the last chunk */
      s->lex = L_COPY_FIELD;
      if (ch != '\t' && ch != '\n' && hold_copy(s)) {
        PUT_RUN(p);
        s->holding = 1;
        s->hold_len = 0;
      } else if (ch != '\t' && ch != '\n' && json_copy(s)) {
        PUT_RUN(p);
        run = p;
        dkcpr__sql_json_start(&s->json, 1);
      }
      continue;
    }
    p++;
    if (!s->replaying &&
        ((s->copy_rows && s->lex == L_COPY_LINE && !s->holding) || s->tuple_start)) {
      if (s->tuple_start) {
        s->tuple_start = 0;
        s->tuple_hold = 1;
        s->tuple_depth = 1;
        s->tuple_quote = 0;
        s->tuple_escape = 0;
      }
      PUT_RUN(p);
      run = p;
      *used = (size_t)(p - in);
      if (p < end) return DKCPR_OK;
    }
  }
  if (!s->holding) PUT_RUN(end);
  if (!finish) return DKCPR_OK;
  switch (s->lex) {
  case L_SQUOTE: case L_SQUOTE_BS:
    return dkcpr__struct_syntax(w, in, base, base + n, "end of input inside a string");
  case L_DQUOTE: case L_BQUOTE:
    return dkcpr__struct_syntax(w, in, base, base + n, "end of input inside a quoted name");
  case L_BLOCK: case L_BLOCK_STAR:
    return dkcpr__struct_syntax(w, in, base, base + n, "end of input inside a comment");
  case L_DOLLAR_BODY:
    return dkcpr__struct_syntax(w, in, base, base + n,
                                "end of input inside a dollar-quoted string");
  case L_COPY_LINE: case L_COPY_FIELD: case L_COPY_BS_START: case L_COPY_FSTART:
    return dkcpr__struct_syntax(w, in, base, base + n,
                                "end of input inside COPY data (no \\. line)");
  case L_SQUOTE_END:
  case L_NUMBER:
    if (s->holding) st = held_done(w, s, s->lex == L_SQUOTE_END);
    break;
  default:
    break;
  }
  return st;
}

/* lex_feed over in[0..n) as if it started at stream offset at, line, column. */
static dkcpr_status lex_at(dkcpr_struct_washer *w, const char *in, size_t n, int finish,
                           uint64_t at, uint64_t line, uint64_t column, size_t *used) {
  uint64_t saved_at = w->bytes_in, saved_line = w->line, saved_column = w->column;
  dkcpr_status st;
  w->bytes_in = at;
  w->line = line;
  w->column = column;
  st = lex_feed(w, in, n, finish, used);
  w->bytes_in = saved_at;
  w->line = saved_line;
  w->column = saved_column;
  return st;
}

/* The value of a COPY row's CPR column col (the field f[0..e)) that
 * find_row looks at. */
static int row_value(const dkcpr__sql_state *s, size_t col, const char *f, const char *e) {
  return col < s->cols.n && s->cols.col[col].cpr && e > f &&
         memchr(f, '\\', (size_t)(e - f)) == NULL && (size_t)(e - f) <= DKCPR__VALUE_HOLD;
}

/* The COPY row rec[0..len)'s CPR number: its first CPR column's value that is one. */
static void find_row(dkcpr_struct_washer *w, dkcpr__sql_state *s, const char *rec, size_t len) {
  const char *f = rec, *end = rec + len;
  size_t col = 0;
  s->row.known = 0;
  s->row_whole = len > 0 && end[-1] == '\n';
  while (f < end && !s->row.known) {
    const char *e = f;
    while (e < end && *e != '\t' && *e != '\n') e++;
    if (row_value(s, col, f, e)) dkcpr__value_row(w, &s->row, f, (size_t)(e - f));
    if (e == end || *e == '\n') break;
    f = e + 1;
    col++;
  }
}

/* The canonical characters of the number find_row converts first in the
 * COPY row rec[0..len); 0 when it converts none. */
static int row_candidate(dkcpr_struct_washer *w, const dkcpr__sql_state *s, const char *rec,
                         size_t len, char canon[10]) {
  const char *f = rec, *end = rec + len;
  size_t col = 0;
  while (f < end && col < s->cols.n) {
    const char *e = f;
    while (e < end && *e != '\t' && *e != '\n') e++;
    if (row_value(s, col, f, e) && dkcpr__rows_candidate(w, canon, f, (size_t)(e - f)))
      return 1;
    if (e == end || *e == '\n') break;
    f = e + 1;
    col++;
  }
  return 0;
}

/* The held INSERT tuple's CPR number (the bytes after its '(' to its ')'). */
static void find_tuple_row(dkcpr_struct_washer *w, dkcpr__sql_state *s) {
  const char *f = s->rec, *end = s->rec + s->rec_len, *e;
  size_t col = 0;
  s->row.known = 0;
  s->row_whole = s->tuple_depth == 0;
  while (f < end && !s->row.known) {
    char q = 0;
    int depth = 0;
    for (e = f; e < end; e++) {
      if (q) {
        if (*e == '\\' && s->mysql && e + 1 < end) e++;
        else if (*e == q) q = 0;
      } else if (*e == '\'' || *e == '"') {
        q = *e;
      } else if (*e == '(') {
        depth++;
      } else if (*e == ')' && depth-- == 0) {
        break;
      } else if (*e == ',' && depth == 0) {
        break;
      }
    }
    if (col < s->cols.n && s->cols.col[col].cpr) {
      const char *a = f, *b = e;
      size_t vlen;
      while (a < b && (*a == ' ' || *a == '\n' || *a == '\t')) a++;
      while (b > a && (b[-1] == ' ' || b[-1] == '\n' || b[-1] == '\t')) b--;
      vlen = (size_t)(b - a);
      /* cppcheck loses track of e after the loop above: a quoted value is common. */
      // cppcheck-suppress knownConditionTrueFalse
      if (vlen >= 2 && a[0] == '\'' && a[vlen - 1] == '\'') {
        a++;
        b--;
      }
      if (b > a && (size_t)(b - a) <= DKCPR__VALUE_HOLD &&
          memchr(a, '\'', (size_t)(b - a)) == NULL && memchr(a, '\\', (size_t)(b - a)) == NULL)
        dkcpr__value_row(w, &s->row, a, (size_t)(b - a));
    }
    if (e == end || *e == ')') break;
    f = e + 1;
    col++;
  }
}

/* Scan a held tuple's next bytes up to its closing ')' (tuple_depth 0). */
static size_t tuple_scan(dkcpr__sql_state *s, const char *in, size_t n, size_t room) {
  size_t k = 0;
  while (k < n && k < room && s->tuple_depth > 0) {
    char c = in[k++];
    if (s->tuple_escape) {
      s->tuple_escape = 0;
    } else if (s->tuple_quote) {
      if (c == '\\' && s->mysql) s->tuple_escape = 1;
      else if (c == s->tuple_quote) s->tuple_quote = 0;
    } else if (c == '\'' || c == '"' || c == '`') {
      s->tuple_quote = c;
    } else if (c == '(') {
      s->tuple_depth++;
    } else if (c == ')') {
      s->tuple_depth--;
    }
  }
  return k;
}

/* The lexer replays a held COPY row or INSERT tuple rec[0..len), which
 * starts at stream offset at, line, column. */
static dkcpr_status replay(dkcpr_struct_washer *w, dkcpr__sql_state *s, const char *rec,
                           size_t len, int finish, uint64_t at, uint64_t line, uint64_t column) {
  dkcpr_status st;
  size_t used;
  /* Every held byte is read, whatever statements it holds (a tuple that
   * never closes may hold a COPY block). */
  s->replaying = 1;
  st = lex_at(w, rec, len, finish, at, line, column, &used);
  s->replaying = 0;
  s->tuple_start = 0;
  s->tuple_hold = 0;
  s->row.known = 0;
  s->row_whole = 0;
  return st;
}

/* Whole COPY rows from in[*k..n) (in starts at stream offset at), washed
 * in place a batch at a time, their CPR numbers converted together first;
 * *k, *line and *column are advanced past them. *end: in is used up, and
 * what is returned is the feed's result. */
static dkcpr_status copy_batch(dkcpr_struct_washer *w, dkcpr__sql_state *s, const char *in,
                               size_t n, int finish, uint64_t at, size_t *k, uint64_t *line,
                               uint64_t *column, int *end) {
  dkcpr__rows_batch *b = &s->batch;
  int convert = w->set.mode == DKCPR_WASH_PSEUDONYM || w->set.mode == DKCPR_WASH_REVEAL;
  *end = 0;
  while (s->copy_rows && s->lex == L_COPY_LINE && *k < n) {
    size_t ends[DKCPR__ROWS_BATCH], i, m = 0, from = *k, next = *k;
    while (m < DKCPR__ROWS_BATCH && next < n) {
      size_t lim = n - next > ROW_MAX ? next + ROW_MAX : n;
      const char *nl = memchr(in + next, '\n', lim - next);
      size_t e;
      if (nl == NULL) break;
      e = (size_t)(nl - in) + 1;
      b->has[m] = convert && row_candidate(w, s, in + next, e - next, b->in[m]);
      ends[m++] = e;
      next = e;
    }
    if (m == 0) break;
    b->n = m;
    dkcpr__rows_convert(w, b);
    /* Rows after the end of the COPY block (\.) go back to the lexer. */
    for (i = 0; i < m && s->copy_rows && s->lex == L_COPY_LINE; i++) {
      size_t len = ends[i] - from, used;
      dkcpr_status st;
      dkcpr__rows_ready(w, b, i);
      find_row(w, s, in + from, len);
      st = replay(w, s, in + from, len, finish && ends[i] == n, at + from, *line, *column);
      if (st != DKCPR_OK) return st;
      (*line)++; /* the row's one line feed is its last byte */
      *column = 1;
      from = ends[i];
      *k = from;
      if (from == n) {
        *end = 1;
        return finish ? lex_at(w, "", 0, 1, at + n, *line, *column, &used) : DKCPR_OK;
      }
    }
  }
  return DKCPR_OK;
}

dkcpr_status dkcpr__sql_feed(dkcpr_struct_washer *w, const char *in, size_t n,
                             int finish) {
  dkcpr__sql_state *s = w->sql;
  uint64_t at = w->bytes_in, line = w->line, column = w->column;
  size_t k = 0, used;
  dkcpr_status st;
  for (;;) {
    int copy = s->copy_rows && s->lex == L_COPY_LINE, end;
    if (copy && s->rec_len == 0 && k < n) {
      st = copy_batch(w, s, in, n, finish, at, &k, &line, &column, &end);
      if (st != DKCPR_OK || end) return st;
      copy = s->copy_rows && s->lex == L_COPY_LINE;
    }
    if (copy || s->tuple_hold) { /* hold a row or a tuple */
      size_t start = k, room;
      int ended = 0;
      if (s->rec == NULL && (s->rec = calloc(1, ROW_MAX)) == NULL) return DKCPR_E_NOMEM;
      if (s->rec_len == 0) {
        s->rec_at = at + k;
        s->rec_line = line;
        s->rec_column = column;
      }
      room = ROW_MAX - s->rec_len;
      if (copy) {
        size_t lim = n - k > room ? k + room : n;
        const char *nl = memchr(in + k, '\n', lim - k);
        ended = nl != NULL;
        k = ended ? (size_t)(nl - in) + 1 : lim;
      } else {
        k += tuple_scan(s, in + k, n - k, room);
        ended = s->tuple_depth == 0;
      }
      dkcpr__struct_advance(&line, &column, in + start, k - start);
      memcpy(s->rec + s->rec_len, in + start, k - start);
      s->rec_len += k - start;
      if (!ended && s->rec_len < ROW_MAX && !(finish && k == n)) return DKCPR_OK;
      if (copy) find_row(w, s, s->rec, s->rec_len);
      else find_tuple_row(w, s);
      st = replay(w, s, s->rec, s->rec_len, finish && k == n, s->rec_at, s->rec_line,
                  s->rec_column);
      s->rec_len = 0;
      if (st != DKCPR_OK) return st;
      if (k == n) return finish && ended ? lex_at(w, "", 0, 1, at + k, line, column, &used)
                                         : DKCPR_OK;
      continue;
    }
    st = lex_at(w, in + k, n - k, finish, at + k, line, column, &used);
    if (st != DKCPR_OK || k + used == n) return st;
    dkcpr__struct_advance(&line, &column, in + k, used);
    k += used;
  }
}
