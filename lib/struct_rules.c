/* SPDX-License-Identifier: Apache-2.0 */
/* The rules file: YAML read with libyaml into a list of field rules, each
 * checked with the line and column of what is wrong; and the companions'
 * values, written from the row's CPR number. */
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "calendar.h"
#include "struct_rules.h"

/* Bounds that keep a hostile rules file small. */
#define RULES_TEXT_MAX (1024u * 1024u)
#define RULES_MAX 4096

typedef struct reader {
  yaml_document_t doc;
  dkcpr_struct_error *err;
  dkcpr_rules *out;
} reader;

static dkcpr_status fail_at(reader *r, const yaml_mark_t *m, const char *msg) {
  if (r->err != NULL) {
    r->err->offset = m->index;
    r->err->line = m->line + 1;
    r->err->column = m->column + 1;
    r->err->message = msg;
  }
  return DKCPR_E_SYNTAX;
}

static int scalar_is(const yaml_node_t *n, const char *s) {
  return n->type == YAML_SCALAR_NODE && n->data.scalar.length == strlen(s) &&
         memcmp(n->data.scalar.value, s, n->data.scalar.length) == 0;
}

/* A date or year pattern: counts of its day, month and year tokens; 0 when
 * a run of D, M or Y has a length no token has. */
static int pattern_ok(const char *p, int *days, int *months, int *years) {
  *days = *months = *years = 0;
  while (*p) {
    char c = *p;
    size_t run = 1;
    if (c != 'D' && c != 'M' && c != 'Y') {
      p++;
      continue;
    }
    while (p[run] == c) run++;
    if (c == 'Y' ? (run != 2 && run != 4) : run > 2) return 0;
    if (c == 'D') (*days)++;
    else if (c == 'M') (*months)++;
    else (*years)++;
    p += run;
  }
  return 1;
}

static dkcpr_status copy_scalar(reader *r, const yaml_node_t *n, char *dst,
                                size_t cap, const char *what) {
  if (n->type != YAML_SCALAR_NODE) return fail_at(r, &n->start_mark, what);
  if (n->data.scalar.length == 0 || n->data.scalar.length >= cap ||
      memchr(n->data.scalar.value, 0, n->data.scalar.length) != NULL)
    return fail_at(r, &n->start_mark, what);
  memcpy(dst, n->data.scalar.value, n->data.scalar.length);
  dst[n->data.scalar.length] = '\0';
  return DKCPR_OK;
}

static dkcpr_status read_sex(reader *r, dkcpr__rule *rule, const yaml_node_t *v) {
  yaml_node_pair_t *pair;
  if (v->type != YAML_MAPPING_NODE)
    return fail_at(r, &v->start_mark, "sex takes a mapping: {male: M, female: K}");
  for (pair = v->data.mapping.pairs.start; pair < v->data.mapping.pairs.top; pair++) {
    yaml_node_t *k = yaml_document_get_node(&r->doc, pair->key);
    yaml_node_t *val = yaml_document_get_node(&r->doc, pair->value);
    char *dst;
    if (scalar_is(k, "male")) dst = rule->male;
    else if (scalar_is(k, "female")) dst = rule->female;
    else return fail_at(r, &k->start_mark, "sex knows only male and female");
    if (*dst) return fail_at(r, &k->start_mark, "sex word given twice");
    if (copy_scalar(r, val, dst, sizeof rule->male,
                    "a sex word is a non-empty text of at most 32 bytes") != DKCPR_OK)
      return DKCPR_E_SYNTAX;
  }
  if (!rule->male[0] || !rule->female[0])
    return fail_at(r, &v->start_mark, "sex needs both male and female");
  return DKCPR_OK;
}

/* YYYY-MM-DD, a date that exists, into year, month, day; 0 otherwise. */
static int date_of(const char *s, int *year, int *month, int *day) {
  static const char shape[] = "dddd-dd-dd";
  int v[3] = {0, 0, 0}, part = 0;
  size_t i;
  if (strlen(s) != sizeof shape - 1) return 0;
  for (i = 0; shape[i]; i++) {
    if (shape[i] == '-') {
      if (s[i] != '-') return 0;
      part++;
    } else if (s[i] >= '0' && s[i] <= '9') {
      v[part] = v[part] * 10 + (s[i] - '0');
    } else {
      return 0;
    }
  }
  *year = v[0];
  *month = v[1];
  *day = v[2];
  return dkcpr__date_valid(*year, *month, *day);
}

/* The value of a field: an action name, or a mapping of one companion. */
static dkcpr_status read_action(reader *r, dkcpr__rule *rule, const yaml_node_t *v) {
  yaml_node_t *k, *arg;
  int days, months, years;
  if (v->type == YAML_SCALAR_NODE) {
    if (scalar_is(v, "cpr")) rule->action = DKCPR__RULE_CPR;
    else if (scalar_is(v, "redact")) rule->action = DKCPR__RULE_REDACT;
    else if (scalar_is(v, "empty")) rule->action = DKCPR__RULE_EMPTY;
    else if (scalar_is(v, "phone")) rule->action = DKCPR__RULE_PHONE;
    else if (scalar_is(v, "first_name")) rule->action = DKCPR__RULE_FIRST_NAME;
    else if (scalar_is(v, "last_name")) rule->action = DKCPR__RULE_LAST_NAME;
    else if (scalar_is(v, "full_name")) rule->action = DKCPR__RULE_FULL_NAME;
    else if (scalar_is(v, "email")) {
      rule->action = DKCPR__RULE_EMAIL;
      memcpy(rule->pattern, "example.invalid", sizeof "example.invalid");
    } else
      return fail_at(r, &v->start_mark,
                     "unknown action (cpr, redact, empty, email, phone, first_name, "
                     "last_name, full_name, or a mapping of email, birth_date, birth_year, "
                     "age, sex)");
    return DKCPR_OK;
  }
  if (v->type != YAML_MAPPING_NODE ||
      v->data.mapping.pairs.top - v->data.mapping.pairs.start != 1)
    return fail_at(r, &v->start_mark, "a field's rule is an action or a mapping of one companion");
  k = yaml_document_get_node(&r->doc, v->data.mapping.pairs.start->key);
  arg = yaml_document_get_node(&r->doc, v->data.mapping.pairs.start->value);
  if (scalar_is(k, "birth_date") || scalar_is(k, "birth_year")) {
    int date = scalar_is(k, "birth_date");
    rule->action = date ? DKCPR__RULE_BIRTH_DATE : DKCPR__RULE_BIRTH_YEAR;
    if (copy_scalar(r, arg, rule->pattern, 33,
                    "a date pattern is a text of at most 32 bytes") != DKCPR_OK)
      return DKCPR_E_SYNTAX;
    if (!pattern_ok(rule->pattern, &days, &months, &years) ||
        (date ? (days != 1 || months != 1 || years != 1)
              : (days != 0 || months != 0 || years != 1)))
      return fail_at(r, &arg->start_mark,
                     date ? "a birth date pattern has one each of DD or D, MM or M, YYYY or YY"
                          : "a birth year pattern has one YYYY or YY and no day or month");
    return DKCPR_OK;
  }
  if (scalar_is(k, "age")) {
    char date[16];
    memset(date, 0, sizeof date);
    rule->action = DKCPR__RULE_AGE;
    if (copy_scalar(r, arg, date, sizeof date, "age takes a date: YYYY-MM-DD") != DKCPR_OK)
      return DKCPR_E_SYNTAX;
    if (!date_of(date, &rule->ref_year, &rule->ref_month, &rule->ref_day))
      return fail_at(r, &arg->start_mark, "age takes a date: YYYY-MM-DD");
    return DKCPR_OK;
  }
  if (scalar_is(k, "sex")) {
    rule->action = DKCPR__RULE_SEX;
    return read_sex(r, rule, arg);
  }
  if (scalar_is(k, "email")) { /* {email: {domain: test.example}} */
    yaml_node_t *dk, *dv;
    size_t i;
    rule->action = DKCPR__RULE_EMAIL;
    if (arg->type != YAML_MAPPING_NODE ||
        arg->data.mapping.pairs.top - arg->data.mapping.pairs.start != 1)
      return fail_at(r, &arg->start_mark, "email takes a mapping: {domain: example.invalid}");
    dk = yaml_document_get_node(&r->doc, arg->data.mapping.pairs.start->key);
    dv = yaml_document_get_node(&r->doc, arg->data.mapping.pairs.start->value);
    if (!scalar_is(dk, "domain")) return fail_at(r, &dk->start_mark, "email knows only domain");
    if (copy_scalar(r, dv, rule->pattern, sizeof rule->pattern,
                    "a domain is a text of at most 64 bytes") != DKCPR_OK)
      return DKCPR_E_SYNTAX;
    for (i = 0; rule->pattern[i]; i++) {
      char c = rule->pattern[i];
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '.' || c == '-'))
        return fail_at(r, &dv->start_mark, "a domain has letters, digits, '.' and '-' only");
    }
    return DKCPR_OK;
  }
  return fail_at(r, &k->start_mark,
                 "unknown rule (email, birth_date, birth_year, age, sex)");
}

/* The end of the part of a field name that starts at i: the next '.' that
 * is not between digits (PID-5.1 is one part), or len. */
static size_t part_end(const char *s, size_t len, size_t i) {
  for (; i < len; i++)
    if (s[i] == '.' && !(i > 0 && i + 1 < len && s[i - 1] >= '0' && s[i - 1] <= '9' &&
                         s[i + 1] >= '0' && s[i + 1] <= '9'))
      break;
  return i;
}

/* A field's name: its last part, and the parts before it (table.column,
 * parent.key), each normalised; its text and line kept for messages. */
static dkcpr_status read_name(reader *r, dkcpr__rule *rule, const yaml_node_t *k) {
  const char *s = (const char *)k->data.scalar.value;
  size_t len = k->data.scalar.length, i = 0, used = 0;
  static const char *const empty = "a field name is empty or longer than 128 bytes";
  rule->line = k->start_mark.line + 1;
  memcpy(rule->text, s, len < DKCPR__RULE_TEXT_MAX ? len : DKCPR__RULE_TEXT_MAX);
  rule->text[len < DKCPR__RULE_TEXT_MAX ? len : DKCPR__RULE_TEXT_MAX] = '\0';
  rule->whole_len = dkcpr__field_normalise(rule->whole, s, len);
  if (rule->whole_len == 0) return fail_at(r, &k->start_mark, empty);
  for (;;) {
    size_t end = part_end(s, len, i), n;
    char part[DKCPR__FIELD_NAME_MAX];
    n = dkcpr__field_normalise(part, s + i, end - i);
    if (n == 0)
      return fail_at(r, &k->start_mark,
                     "a part of a qualified field name (table.column) is empty");
    if (end == len) {
      memcpy(rule->name, part, n);
      rule->name_len = n;
      return DKCPR_OK;
    }
    if (rule->parents == DKCPR__RULE_PARENTS_MAX || used + n + 1 > sizeof rule->parent)
      return fail_at(r, &k->start_mark, "a qualified field name with too many parts");
    memcpy(rule->parent + used, part, n);
    rule->parent[used + n] = '\0';
    rule->part_at[rule->parents] = (unsigned char)used;
    rule->part_len[rule->parents] = (unsigned char)n;
    rule->parents++;
    used += n + 1;
    i = end + 1;
  }
}

static int same_name(const dkcpr__rule *a, const dkcpr__rule *b) {
  size_t i;
  if (a->name_len != b->name_len || memcmp(a->name, b->name, a->name_len) != 0 ||
      a->parents != b->parents)
    return 0;
  for (i = 0; i < a->parents; i++)
    if (a->part_len[i] != b->part_len[i] ||
        memcmp(a->parent + a->part_at[i], b->parent + b->part_at[i], a->part_len[i]) != 0)
      return 0;
  return 1;
}

/* 1 when an earlier rule names the same field. */
static int named_before(const dkcpr_rules *rules, const dkcpr__rule *rule) {
  size_t i;
  for (i = 0; i < rules->n; i++)
    if (same_name(&rules->rule[i], rule)) return 1;
  return 0;
}

static dkcpr_status read_fields(reader *r, const yaml_node_t *fields) {
  yaml_node_pair_t *pair;
  size_t count;
  if (fields->type != YAML_MAPPING_NODE)
    return fail_at(r, &fields->start_mark, "fields is a mapping of field names to rules");
  count = (size_t)(fields->data.mapping.pairs.top - fields->data.mapping.pairs.start);
  if (count > RULES_MAX) return fail_at(r, &fields->start_mark, "more than 4096 fields");
  r->out->rule = calloc(count ? count : 1, sizeof *r->out->rule);
  if (r->out->rule == NULL) return DKCPR_E_NOMEM;
  for (pair = fields->data.mapping.pairs.start; pair < fields->data.mapping.pairs.top; pair++) {
    yaml_node_t *k = yaml_document_get_node(&r->doc, pair->key);
    yaml_node_t *v = yaml_document_get_node(&r->doc, pair->value);
    dkcpr__rule *rule = &r->out->rule[r->out->n];
    dkcpr_status st;
    if (k->type != YAML_SCALAR_NODE)
      return fail_at(r, &k->start_mark, "a field name is a text");
    if ((st = read_name(r, rule, k)) != DKCPR_OK) return st;
    if (named_before(r->out, rule))
      return fail_at(r, &k->start_mark, "a field named twice");
    st = read_action(r, rule, v);
    if (st != DKCPR_OK) return st;
    r->out->n++;
  }
  return DKCPR_OK;
}

static dkcpr_status read_root(reader *r) {
  yaml_node_t *root = yaml_document_get_root_node(&r->doc), *fields = NULL, *layout = NULL;
  yaml_node_pair_t *pair;
  yaml_mark_t start = {0, 0, 0};
  if (root == NULL) return fail_at(r, &start, "the rules file is empty");
  if (root->type != YAML_MAPPING_NODE)
    return fail_at(r, &root->start_mark, "the rules file is a mapping with fields:");
  for (pair = root->data.mapping.pairs.start; pair < root->data.mapping.pairs.top; pair++) {
    yaml_node_t *k = yaml_document_get_node(&r->doc, pair->key);
    yaml_node_t *v = yaml_document_get_node(&r->doc, pair->value);
    if (scalar_is(k, "version")) {
      if (!scalar_is(v, "1")) return fail_at(r, &v->start_mark, "only version 1 is known");
    } else if (scalar_is(k, "fields")) {
      if (fields != NULL) return fail_at(r, &k->start_mark, "fields given twice");
      fields = v;
    } else if (scalar_is(k, "layout")) {
      if (layout != NULL) return fail_at(r, &k->start_mark, "layout given twice");
      layout = v;
    } else {
      return fail_at(r, &k->start_mark, "unknown key (version, fields, layout)");
    }
  }
  if (layout != NULL) {
    const yaml_mark_t *where = &layout->start_mark;
    const char *why = "not a layout";
    dkcpr_status st = dkcpr__layout_read(&r->out->layout, &r->doc, layout, &where, &why);
    if (st == DKCPR_E_SYNTAX) return fail_at(r, where, why);
    if (st != DKCPR_OK) return st;
    if (fields == NULL) return DKCPR_OK; /* its CPR fields named as built in */
  }
  if (fields == NULL) return fail_at(r, &root->start_mark, "no fields: in the rules file");
  return read_fields(r, fields);
}

dkcpr_status dkcpr_rules_parse(dkcpr_rules **out, dkcpr_struct_error *err,
                               const char *text, size_t text_len) {
  yaml_parser_t parser;
  reader r;
  dkcpr_status st;
  if (out == NULL || (text == NULL && text_len > 0)) return DKCPR_E_NULL;
  *out = NULL;
  if (err != NULL && (err->version < 1 || err->version > DKCPR_STRUCT_ERROR_VERSION))
    return DKCPR_E_ARG;
  memset(&r, 0, sizeof r);
  r.err = err;
  if (text_len > RULES_TEXT_MAX) {
    yaml_mark_t m = {0, 0, 0};
    return fail_at(&r, &m, "the rules file is larger than 1 MiB");
  }
  r.out = calloc(1, sizeof *r.out);
  if (r.out == NULL) return DKCPR_E_NOMEM;
  if (!yaml_parser_initialize(&parser)) {
    free(r.out);
    return DKCPR_E_NOMEM;
  }
  yaml_parser_set_input_string(&parser, (const unsigned char *)(text ? text : ""), text_len);
  if (!yaml_parser_load(&parser, &r.doc)) {
    st = fail_at(&r, &parser.problem_mark,
                 parser.error == YAML_MEMORY_ERROR ? "out of memory" : "not valid YAML");
    if (parser.error == YAML_MEMORY_ERROR) st = DKCPR_E_NOMEM;
    yaml_parser_delete(&parser);
    free(r.out);
    return st;
  }
  st = read_root(&r);
  yaml_document_delete(&r.doc);
  yaml_parser_delete(&parser);
  if (st != DKCPR_OK) {
    dkcpr_rules_free(r.out);
    return st;
  }
  *out = r.out;
  return DKCPR_OK;
}

void dkcpr__rules_clear(dkcpr_rules *r) {
  free(r->matched);
  r->matched = NULL;
  free(r->rule);
  r->rule = NULL;
  r->n = 0;
  dkcpr__lookalike_key_free(r->look);
  r->look = NULL;
  dkcpr__layout_clear(&r->layout);
}

void dkcpr_rules_free(dkcpr_rules *r) {
  if (r == NULL) return;
  dkcpr__rules_clear(r);
  free(r);
}

dkcpr_status dkcpr__rules_copy(dkcpr_rules *dst, const dkcpr_rules *src) {
  dst->rule = NULL;
  dst->n = 0;
  dst->look = NULL;
  dst->matched = NULL;
  memset(&dst->layout, 0, sizeof dst->layout);
  if (src == NULL) return DKCPR_OK;
  if (dkcpr__layout_copy(&dst->layout, &src->layout) != DKCPR_OK) return DKCPR_E_NOMEM;
  if (src->n == 0) return DKCPR_OK;
  dst->rule = malloc(src->n * sizeof *src->rule);
  dst->matched = calloc(src->n, 1);
  if (dst->rule == NULL || dst->matched == NULL) return DKCPR_E_NOMEM;
  memcpy(dst->rule, src->rule, src->n * sizeof *src->rule);
  dst->n = src->n;
  return DKCPR_OK;
}

/* 1 when the rule's parents are the innermost names of path. */
static int parents_match(const dkcpr__rule *rule, const dkcpr__path *path) {
  size_t k = rule->parents, at = path->n;
  while (k > 0) {
    const dkcpr__path_name *p;
    while (at > 0 && path->name[at - 1].n == 0) at--; /* an array's item */
    if (at == 0) return 0;                              /* no more names (or not known) */
    p = &path->name[--at];
    k--;
    if (p->n != rule->part_len[k] || memcmp(p->s, rule->parent + rule->part_at[k], p->n) != 0)
      return 0;
  }
  return 1;
}

const dkcpr__rule *dkcpr__rules_find(const dkcpr_rules *r, const dkcpr__path *path,
                                     const char *name, size_t len, int dotted) {
  const dkcpr__rule *best = NULL;
  size_t i;
  if (r == NULL) return NULL;
  for (i = 0; i < r->n; i++) {
    const dkcpr__rule *rule = &r->rule[i];
    int hit;
    if (best != NULL && rule->parents <= best->parents) continue;
    if (rule->parents == 0)
      hit = rule->name_len == len && memcmp(rule->name, name, len) == 0;
    else
      hit = (path != NULL && rule->name_len == len && memcmp(rule->name, name, len) == 0 &&
             parents_match(rule, path)) ||
            (dotted && rule->whole_len == len && memcmp(rule->whole, name, len) == 0);
    if (hit) best = rule;
  }
  return best;
}

size_t dkcpr_rules_count(const dkcpr_rules *rules) {
  return rules == NULL ? 0 : rules->n;
}

dkcpr_status dkcpr_rules_field(const char **name, uint64_t *line, const dkcpr_rules *rules,
                               size_t i) {
  if (name == NULL || line == NULL || rules == NULL) return DKCPR_E_NULL;
  *name = NULL;
  *line = 0;
  if (i >= rules->n) return DKCPR_E_ARG;
  *name = rules->rule[i].text;
  *line = rules->rule[i].line;
  return DKCPR_OK;
}

int dkcpr__rules_rewrite(const dkcpr_rules *r) {
  size_t i;
  if (r == NULL) return 0;
  if (r->layout.n > 0) return 1;
  for (i = 0; i < r->n; i++)
    if (r->rule[i].action != DKCPR__RULE_CPR) return 1;
  return 0;
}

/* v (0 or more) in decimal, zero-padded to at least width digits, into
 * out: what snprintf's "%0*d" writes, without its cost per value (every
 * companion of every row is written, and checked against the input). */
static size_t decimal(char *out, int v, size_t width) {
  char tmp[16];
  size_t n = 0, i;
  if (v < 100 && width <= 2) { /* days, months, two-digit years */
    if (v < 10 && width < 2) {
      out[0] = (char)('0' + v);
      return 1;
    }
    out[0] = (char)('0' + v / 10);
    out[1] = (char)('0' + v % 10);
    return 2;
  }
  if (v >= 1000 && v < 10000 && width <= 4) { /* years */
    out[0] = (char)('0' + v / 1000);
    out[1] = (char)('0' + v / 100 % 10);
    out[2] = (char)('0' + v / 10 % 10);
    out[3] = (char)('0' + v % 10);
    return 4;
  }
  do {
    tmp[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v > 0);
  while (n < width) tmp[n++] = '0';
  for (i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
  return n;
}

/* The pattern with its tokens filled in from year, month and day (a
 * parsed number's: year 1858-2057, month 1-12, day 1-31, so no field is
 * wider than its token). */
static size_t fill(char *out, const char *p, int year, int month, int day) {
  size_t o = 0;
  while (*p && o + 4 < DKCPR__COMPANION_MAX) {
    char c = *p;
    size_t run = 1;
    if (c != 'D' && c != 'M' && c != 'Y') {
      out[o++] = *p++;
      continue;
    }
    while (p[run] == c) run++;
    if (c == 'Y') {
      o += run == 4 ? decimal(out + o, year, 4) : decimal(out + o, year % 100, 2);
    } else {
      int v = c == 'D' ? day : month;
      o += decimal(out + o, v, run == 2 ? 2 : 1);
    }
    p += run;
  }
  return o;
}

size_t dkcpr__companion(char *out, const dkcpr__rule *rule, const dkcpr_cpr *cpr) {
  int age;
  const char *word;
  switch (rule->action) {
  case DKCPR__RULE_BIRTH_DATE:
  case DKCPR__RULE_BIRTH_YEAR:
    return fill(out, rule->pattern, cpr->year, cpr->month, cpr->day);
  case DKCPR__RULE_AGE:
    if (dkcpr_age(&age, cpr, rule->ref_year, rule->ref_month, rule->ref_day) != DKCPR_OK)
      return 0;
    return decimal(out, age, 1); /* 0 or more: a birth after the date is an error */
  case DKCPR__RULE_SEX:
    word = cpr->sex == DKCPR_SEX_MALE ? rule->male : rule->female;
    memcpy(out, word, strlen(word));
    return strlen(word);
  default: return 0;
  }
}
