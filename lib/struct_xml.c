/* SPDX-License-Identifier: Apache-2.0 */
/* XML 1.0 by structure. expat checks that the input is well-formed (and
 * says where it is not); a lexer over the same bytes keeps their offsets
 * and knows each value's field: an element's text and an attribute's value
 * are named by their local name (without a prefix). The text of an element
 * whose name means CPR, the value of an attribute whose name does, the
 * extension of an element whose root is the CPR register's OID (HL7 CDA)
 * and the value of a FHIR identifier whose system is that OID are CPR
 * numbers; text and values named by rewriting rules are rewritten, escaped
 * for where they sit; every other byte goes to the text path, which finds
 * numbers in free text. Names holding a digit are written as they are, so
 * a start tag still matches its end tag and a reference its entity. With
 * companion rules each row (a child of the root element) is held up to
 * ROW_MAX: the lexer reads it once to find its first CPR number, then
 * again to write it. */
#include <stdlib.h>
#include <string.h>

#include <expat.h>
#include <openssl/crypto.h>

#include "struct_washer.h"

/* A start or end tag is held whole up to TAG_MAX; a longer one is washed
 * in parts. Longer than MARKUP_MAX, a tag, comment, processing instruction,
 * DOCTYPE or reference is refused: expat holds it whole and reads it again
 * for every piece of input. */
#define TAG_MAX (64u * 1024u)
#define ROW_MAX (64u * 1024u)
#define MARKUP_MAX (8u * 1024u * 1024u)
#define DEPTH_MAX (1u << 16)
/* expat is given the input in pieces that end at multiples of EXPAT_STEP
 * (or before the markup token there), whatever the caller's chunks: its
 * errors' positions depend on where its pieces end. */
#define EXPAT_STEP (64u * 1024u)
/* Element names kept for qualified rules (Borger.CPRnummer): those of the
 * outermost levels; deeper, qualified rules match nothing. */
#define PATH_DEPTH 64
/* A reference (&name;) in text is held this far to see its name. */
#define REF_MAX 256u
/* The CPR register's OID, as HL7 CDA and FHIR name the identifier system. */
#define CPR_OID "1.2.208.176.1.2"

enum { S_CONTENT, S_LT, S_BANG, S_STAG, S_ETAG, S_TAIL, S_COMMENT, S_CDATA, S_PI_TARGET,
       S_PI, S_DOCTYPE };
/* Inside a DOCTYPE's internal subset. */
enum { DT_NONE, DT_LT, DT_BANG, DT_DASH, DT_COMMENT, DT_PI };
/* Rows held for their companions: read for the number, written whole,
 * written in parts (longer than ROW_MAX). */
enum { ROW_NONE, ROW_CAPTURE, ROW_WHOLE, ROW_CUT };
enum { EV_NONE, EV_ROW_START, EV_ROW_END };
/* Where a rewritten value is written: text, CDATA, or an attribute (its quote). */
enum { CTX_TEXT = 0, CTX_CDATA = 1 };

#define LV_CPR 0x1u    /* the element's name means CPR: its text is a number */
#define LV_MARKUP 0x2u /* markup in its content: its text is no number */
#define LV_SCHEME 0x4u /* a <system value="...CPR OID"/> child: <value value> is CPR (FHIR) */

typedef struct level {
  const dkcpr__rule *rule; /* rewrites the text here (the element's, or inherited) */
  unsigned flags;
} level;

/* The lexer's state between calls, copied whole to read a row again. */
typedef struct lexer {
  int state;
  size_t depth;
  uint64_t tok_at;     /* stream offset of the markup or reference being read */
  size_t tok_len;
  int in_ref;          /* content: inside &...; */
  size_t skip;         /* keyword bytes to pass: the second '-' of <!--, CDATA[ */
  unsigned run;        /* terminator bytes seen: '-', ']' or '?' */
  size_t tag_len;      /* bytes of a tag held in the tag buffer */
  char quote;          /* the start tag's bytes are inside this quote */
  /* the rest of a tag longer than TAG_MAX */
  int tail_end;        /* an end tag's */
  char tail_quote;     /* inside a value */
  int tail_drop;       /* that value had a rule and was rewritten: dropped */
  char tail_prev;      /* the last byte outside values ('/' of "/>") */
  level pending;       /* the element a cut start tag opens */
  /* DOCTYPE */
  char dt_quote;
  int dt_subset, dt_sub;
  /* content (or CDATA) held as one value */
  int holding;
  const dkcpr__rule *hold_rule; /* NULL: a CPR number */
  int over;
  size_t hold_len;
  char hold[DKCPR__VALUE_HOLD + 2];
  /* a reference the text path is in (text_out) */
  int oref;
  size_t oref_len;
  char oref_buf[REF_MAX];
} lexer;

struct dkcpr__xml_state {
  dkcpr_struct_washer *w;
  XML_Parser expat;
  char *pend;          /* input from `cut` on, not yet given to expat */
  size_t pend_len, pend_cap;
  uint64_t cut;
  lexer lx, snap;      /* snap: the state where the held row starts */
  level snap_top;
  level *stack;
  size_t cap;
  char *tag;
  char *rowbuf;
  size_t row_len;
  uint64_t row_at;
  int companions, emit, in_row, event;
  dkcpr__row row;
  const char *in0;     /* the lexer's input and its stream offset */
  uint64_t base;
  int err;             /* the lexer refused the input at err_at */
  uint64_t err_at;
  const char *err_msg;
  uint64_t line, column; /* expat's position at the chunk's start: CR, LF, CRLF end lines */
  int after_cr;
  int checked;         /* the placeholder was checked */
  int qualified;       /* some rule is qualified: names[] is kept */
  dkcpr__path_name names[PATH_DEPTH]; /* the open elements' local names, normalised */
};

static int is_ws(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static int has_digit(const char *s, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (s[i] >= '0' && s[i] <= '9') return 1;
  return 0;
}

static int same(const char *s, size_t n, const char *lit) {
  return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

/* The local part of a qualified name. */
static const char *local_name(const char *s, size_t n, size_t *len) {
  const char *c = n ? memchr(s, ':', n) : NULL, *last = NULL;
  while (c != NULL) {
    last = c;
    c = memchr(c + 1, ':', (size_t)(s + n - (c + 1)));
  }
  if (last == NULL) {
    *len = n;
    return s;
  }
  *len = (size_t)(s + n - (last + 1));
  return last + 1;
}

dkcpr_status dkcpr__xml_new(dkcpr_struct_washer *w) {
  dkcpr__xml_state *x = calloc(1, sizeof *x);
  size_t i;
  if (x == NULL) return DKCPR_E_NOMEM;
  x->w = w;
  x->emit = 1;
  x->line = x->column = 1;
  x->qualified = dkcpr__struct_rules_qualified(w);
  for (i = 0; i < w->rules.n; i++)
    if (DKCPR__RULE_NEEDS_ROW(w->rules.rule[i].action)) x->companions = 1;
  /* UTF-8 whatever the declaration says: the caller transcodes. */
  x->expat = XML_ParserCreate("UTF-8");
  x->tag = malloc(TAG_MAX);
  if (x->companions) x->rowbuf = malloc(ROW_MAX);
  w->xml = x;
  if (x->expat == NULL || x->tag == NULL || (x->companions && x->rowbuf == NULL))
    return DKCPR_E_NOMEM;
  /* Never read an external DTD or entity (no handler fetches one either). */
  XML_SetParamEntityParsing(x->expat, XML_PARAM_ENTITY_PARSING_NEVER);
  return DKCPR_OK;
}

void dkcpr__xml_free(dkcpr_struct_washer *w) {
  dkcpr__xml_state *x = w->xml;
  if (x == NULL) return;
  if (x->expat != NULL) XML_ParserFree(x->expat);
  if (x->tag != NULL) OPENSSL_cleanse(x->tag, TAG_MAX);
  if (x->rowbuf != NULL) OPENSSL_cleanse(x->rowbuf, ROW_MAX);
  if (x->pend != NULL) OPENSSL_cleanse(x->pend, x->pend_cap);
  free(x->tag);
  free(x->rowbuf);
  free(x->pend);
  free(x->stack);
  OPENSSL_cleanse(x, sizeof *x);
  free(x);
  w->xml = NULL;
}

size_t dkcpr__xml_held(const dkcpr_struct_washer *w) {
  const dkcpr__xml_state *x = w->xml;
  if (x == NULL) return 0;
  return x->row_len + x->lx.tag_len + x->lx.hold_len + x->lx.oref_len;
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                   */

static dkcpr_status flush_ref(dkcpr__xml_state *x);

/* Bytes washed as text. */
static dkcpr_status put(dkcpr__xml_state *x, const char *s, size_t n) {
  dkcpr_status st;
  if (!x->emit || n == 0) return DKCPR_OK;
  if (x->lx.oref && (st = flush_ref(x)) != DKCPR_OK) return st;
  return dkcpr__text_put(&x->w->text, s, n);
}

/* Bytes written as they are. */
static dkcpr_status verbatim(dkcpr__xml_state *x, const char *s, size_t n) {
  dkcpr_status st;
  if (!x->emit) return DKCPR_OK;
  if (x->lx.oref && (st = flush_ref(x)) != DKCPR_OK) return st;
  while (n > 0) {
    size_t k = n < 0xFFFF ? n : 0xFFFF; /* the text path's longest value */
    if ((st = dkcpr__text_value(&x->w->text, s, k)) != DKCPR_OK) return st;
    s += k;
    n -= k;
  }
  return DKCPR_OK;
}

/* A name: washing a number in it would part a start tag from its end tag. */
static dkcpr_status put_name(dkcpr__xml_state *x, const char *s, size_t n) {
  return has_digit(s, n) ? verbatim(x, s, n) : put(x, s, n);
}

/* The held reference, as its entity's name is written. */
static dkcpr_status flush_ref(dkcpr__xml_state *x) {
  lexer *l = &x->lx;
  size_t n = l->oref_len;
  l->oref = 0;
  l->oref_len = 0;
  if (n > 2 && l->oref_buf[1] != '#' && l->oref_buf[n - 1] == ';' && has_digit(l->oref_buf, n))
    return verbatim(x, l->oref_buf, n);
  return put(x, l->oref_buf, n);
}

/* Text that may hold references (content, attribute values, literals). */
static dkcpr_status text_out(dkcpr__xml_state *x, const char *s, size_t n) {
  lexer *l = &x->lx;
  const char *end = s + n;
  dkcpr_status st;
  if (!x->emit) return DKCPR_OK;
  while (s < end) {
    if (l->oref) {
      const char *semi = memchr(s, ';', (size_t)(end - s));
      size_t take = semi ? (size_t)(semi + 1 - s) : (size_t)(end - s);
      if (l->oref_len + take > REF_MAX) { /* too long to be held: text */
        l->oref = 0;
        st = dkcpr__text_put(&x->w->text, l->oref_buf, l->oref_len);
        l->oref_len = 0;
        if (st != DKCPR_OK) return st;
        continue;
      }
      memcpy(l->oref_buf + l->oref_len, s, take);
      l->oref_len += take;
      s += take;
      if (semi && (st = flush_ref(x)) != DKCPR_OK) return st;
      continue;
    }
    {
      const char *amp = memchr(s, '&', (size_t)(end - s));
      size_t k = (size_t)((amp ? amp : end) - s);
      if (k > 0 && (st = dkcpr__text_put(&x->w->text, s, k)) != DKCPR_OK) return st;
      if (amp == NULL) break;
      l->oref = 1;
      l->oref_buf[0] = '&';
      l->oref_len = 1;
      s = amp + 1;
    }
  }
  return DKCPR_OK;
}

/* s written for its place: text, CDATA or an attribute quoted by ctx,
 * into out (6n bytes). */
static size_t escaped(char *out, const char *s, size_t n, int ctx) {
  size_t o = 0, i;
  for (i = 0; i < n; i++) {
    const char *e = NULL;
    char c = s[i];
    if (ctx == CTX_CDATA) e = NULL;
    else if (c == '&') e = "&amp;";
    else if (c == '<') e = "&lt;";
    else if (c == '>') e = "&gt;";
    else if (ctx != CTX_TEXT && c == '"') e = "&quot;";
    else if (ctx != CTX_TEXT && c == '\'') e = "&apos;";
    else if (ctx != CTX_TEXT && c == '\t') e = "&#9;";
    else if (ctx != CTX_TEXT && c == '\n') e = "&#10;";
    else if (ctx != CTX_TEXT && c == '\r') e = "&#13;";
    if (e == NULL) {
      out[o++] = c;
    } else {
      memcpy(out + o, e, strlen(e));
      o += strlen(e);
    }
  }
  return o;
}

static int ends_cdata(const char *s, size_t n) {
  size_t i;
  for (i = 0; i + 2 < n; i++)
    if (s[i] == ']' && s[i + 1] == ']' && s[i + 2] == '>') return 1;
  return 0;
}

/* A CPR value s[0..n) (an element's text, or an attribute's value). */
static dkcpr_status cpr_value(dkcpr__xml_state *x, const char *s, size_t n) {
  dkcpr_struct_washer *w = x->w;
  size_t a = 0, b = n;
  int plain;
  dkcpr_status st;
  while (a < b && is_ws(s[a])) a++;
  while (b > a && is_ws(s[b - 1])) b--;
  plain = memchr(s, '&', n) == NULL && b - a <= DKCPR__VALUE_HOLD;
  if (!x->emit) {
    if (x->in_row == ROW_CAPTURE && !x->row.known && plain && b > a)
      dkcpr__value_row(w, &x->row, s + a, b - a);
    return DKCPR_OK;
  }
  if (b == a) return put(x, s, n);
  if (!plain) { /* a reference, or too long to be a number */
    w->counts.values++;
    w->counts.unrecognised++;
    return text_out(x, s, n);
  }
  if ((st = put(x, s, a)) != DKCPR_OK) return st;
  if (x->lx.oref && (st = flush_ref(x)) != DKCPR_OK) return st;
  if ((st = dkcpr__value_wash(w, s + a, b - a, DKCPR__VALUE_TEXT, 1, 0)) != DKCPR_OK) return st;
  return put(x, s + b, n - b);
}

/* A value s[0..n) with a rewriting rule (over: more of it was dropped). */
static dkcpr_status rule_value(dkcpr__xml_state *x, const dkcpr__rule *rule, const char *s,
                               size_t n, int over, int ctx) {
  dkcpr_struct_washer *w = x->w;
  char repl[DKCPR__VALUE_MAX], out[6 * DKCPR__VALUE_MAX];
  size_t a = 0, b = n, len, rn = 0, o;
  dkcpr_status st;
  if (!x->emit) return DKCPR_OK;
  while (a < b && is_ws(s[a])) a++;
  if (over) b = n; /* the rest was dropped: so is the space at its end */
  else
    while (b > a && is_ws(s[b - 1])) b--;
  if (b == a && !over) /* nothing to hide */
    return ctx == CTX_CDATA ? put(x, s, n) : text_out(x, s, n);
  len = b - a;
  if (len > DKCPR__VALUE_HOLD + 2) {
    len = DKCPR__VALUE_HOLD + 2;
    over = 1;
  }
  switch (dkcpr__value_rule(w, rule, x->in_row == ROW_WHOLE ? &x->row : NULL, s + a, len, over,
                            repl, &rn)) {
  case DKCPR__RULE_OUT_EMPTY: rn = 0; break;
  case DKCPR__RULE_OUT_NONE: /* the placeholder says a value was there */
    rn = w->set.placeholder_len;
    if (rn > 0) memcpy(repl, w->set.placeholder, rn);
    break;
  default: break;
  }
  o = escaped(out, repl, rn, ctx);
  /* Escapes made it longer than the output allows, or CDATA cannot hold it. */
  if (o > w->value_max || (ctx == CTX_CDATA && ends_cdata(repl, rn))) {
    w->counts.rule_unusable++;
    o = escaped(out, w->set.placeholder, w->set.placeholder_len, ctx);
  }
  if ((st = put(x, s, a)) != DKCPR_OK) return st;
  if (x->lx.oref && (st = flush_ref(x)) != DKCPR_OK) return st;
  if ((st = dkcpr__text_value(&w->text, out, o)) != DKCPR_OK) return st;
  return over ? DKCPR_OK : put(x, s + b, n - b);
}

/* ------------------------------------------------------------------------ */
/* Elements                                                                  */

/* The lexer refuses the input at p (in the current call's input). */
static dkcpr_status fail(dkcpr__xml_state *x, const char *p, const char *msg) {
  if (!x->err) {
    x->err = 1;
    x->err_at = x->base + (uint64_t)(p - x->in0);
    x->err_msg = msg;
  }
  return DKCPR_E_SYNTAX;
}

static level *top(dkcpr__xml_state *x) {
  return x->lx.depth > 0 ? &x->stack[x->lx.depth - 1] : NULL;
}

/* After the markup that ends at the current byte: text again, held as a
 * value when the element's text is one. */
static void content_starts(dkcpr__xml_state *x) {
  lexer *l = &x->lx;
  const level *lv = top(x);
  l->state = S_CONTENT;
  l->holding = 0;
  l->hold_len = 0;
  l->over = 0;
  if (lv == NULL) return;
  if (lv->rule != NULL) {
    l->holding = 1;
    l->hold_rule = lv->rule;
  } else if (lv->flags & LV_CPR) {
    l->holding = 1;
    l->hold_rule = NULL;
  }
}

/* A CPR value's text is longer than a number: text from here on. */
static dkcpr_status spill(dkcpr__xml_state *x) {
  lexer *l = &x->lx;
  size_t n = l->hold_len;
  l->holding = 0;
  l->hold_len = 0;
  if (x->emit) {
    x->w->counts.values++;
    x->w->counts.unrecognised++;
  }
  return text_out(x, l->hold, n);
}

/* Content (or CDATA) bytes: into the held value, or to the text path. */
static dkcpr_status route(dkcpr__xml_state *x, const char *s, size_t n) {
  lexer *l = &x->lx;
  dkcpr_status st;
  if (l->holding) {
    size_t room = sizeof l->hold - l->hold_len;
    if (n <= room) {
      memcpy(l->hold + l->hold_len, s, n);
      l->hold_len += n;
      return DKCPR_OK;
    }
    if (l->hold_rule != NULL) { /* rewritten whatever it holds: the rest is dropped */
      memcpy(l->hold + l->hold_len, s, room);
      l->hold_len += room;
      l->over = 1;
      return DKCPR_OK;
    }
    if ((st = spill(x)) != DKCPR_OK) return st;
  }
  return text_out(x, s, n);
}

/* CDATA bytes: into the value held under a rule, or text. */
static dkcpr_status cdata_out(dkcpr__xml_state *x, const char *s, size_t n) {
  return x->lx.holding ? route(x, s, n) : put(x, s, n);
}

/* Markup starts in an element's content: the held text before it is a
 * value (end: it ends the element, which held no markup), or text that is
 * no number. */
static dkcpr_status text_ends(dkcpr__xml_state *x, int end) {
  lexer *l = &x->lx;
  level *lv = top(x);
  size_t i, n = l->hold_len;
  int mixed = !end || (lv != NULL && (lv->flags & LV_MARKUP));
  if (!end && lv != NULL) lv->flags |= LV_MARKUP;
  if (!l->holding) return DKCPR_OK;
  l->holding = 0;
  l->hold_len = 0; /* the bytes stay in hold until the next value */
  if (l->hold_rule != NULL) return rule_value(x, l->hold_rule, l->hold, n, l->over, CTX_TEXT);
  if (!mixed) return cpr_value(x, l->hold, n);
  for (i = 0; i < n && is_ws(l->hold[i]); i++) {
  }
  if (i < n && x->emit) { /* text and markup: no number */
    x->w->counts.values++;
    x->w->counts.unrecognised++;
  }
  return text_out(x, l->hold, n);
}

static void row_ends(dkcpr__xml_state *x) {
  if (x->in_row == ROW_CAPTURE) x->event = EV_ROW_END;
  else x->in_row = ROW_NONE;
}

static dkcpr_status push(dkcpr__xml_state *x, level lv, const char *at) {
  lexer *l = &x->lx;
  if (l->depth == x->cap) {
    size_t cap = x->cap ? x->cap * 2 : 64;
    level *s;
    if (l->depth >= DEPTH_MAX) return fail(x, at, "elements nested deeper than 65536 levels");
    s = realloc(x->stack, cap * sizeof *s);
    if (s == NULL) return DKCPR_E_NOMEM;
    x->stack = s;
    x->cap = cap;
  }
  x->stack[l->depth++] = lv;
  return DKCPR_OK;
}

static void pop(dkcpr__xml_state *x) {
  if (x->lx.depth > 0) x->lx.depth--;
  if (x->in_row != ROW_NONE && x->lx.depth == 1) row_ends(x);
}

/* A start tag's element is open (self: it closed itself) at the '>' at. */
static dkcpr_status element_opens(dkcpr__xml_state *x, level lv, int self, const char *at) {
  dkcpr_status st;
  if (self) {
    if (x->in_row != ROW_NONE && x->lx.depth == 1) row_ends(x);
  } else if ((st = push(x, lv, at)) != DKCPR_OK) {
    return st;
  }
  content_starts(x);
  return DKCPR_OK;
}

/* One attribute of a held start tag. */
typedef struct attr {
  const char *name;
  size_t nlen;
  const char *val;  /* after the opening quote */
  size_t vlen;
  int closed;       /* the closing quote is held */
  char quote;       /* 0: the tag was cut before the value */
} attr;

/* The attribute at *pp (before end), *pp moved past it; 0 at the tag's end. */
static int next_attr(const char **pp, const char *end, attr *a) {
  const char *p = *pp, *start;
  while (p < end && is_ws(*p)) p++;
  *pp = p;
  if (p == end || *p == '/' || *p == '>') return 0;
  start = p;
  a->name = p;
  while (p < end && !is_ws(*p) && *p != '=' && *p != '>' && *p != '/' && *p != '"' && *p != '\'')
    p++;
  a->nlen = (size_t)(p - a->name);
  while (p < end && is_ws(*p)) p++;
  if (p < end && *p == '=') p++;
  while (p < end && is_ws(*p)) p++;
  a->quote = 0;
  a->closed = 0;
  a->val = p;
  a->vlen = 0;
  if (p < end && (*p == '"' || *p == '\'')) {
    const char *q;
    a->quote = *p++;
    a->val = p;
    q = memchr(p, a->quote, (size_t)(end - p));
    a->vlen = (size_t)((q ? q : end) - p);
    a->closed = q != NULL;
    p = q ? q + 1 : end;
  }
  if (p == start) p++; /* not XML (expat says so): move on */
  *pp = p;
  return 1;
}

static int value_is_oid(const char *s, size_t n, int urn) {
  while (n > 0 && is_ws(*s)) {
    s++;
    n--;
  }
  while (n > 0 && is_ws(s[n - 1])) n--;
  if (urn && n > 8 && memcmp(s, "urn:oid:", 8) == 0) {
    s += 8;
    n -= 8;
  }
  return same(s, n, CPR_OID);
}

/* Whether a field name (raw) means CPR, and its rewriting rule; inside
 * the first `depth` open elements (names[0..depth) for qualified rules). */
static int field(const dkcpr__xml_state *x, size_t depth, const char *name, size_t n,
                 const dkcpr__rule **rule) {
  dkcpr__path path, *at = NULL;
  *rule = NULL;
  if (n == 0 || n > DKCPR__FIELD_NAME_MAX) return 0;
  if (x->qualified) {
    path.name = x->names;
    path.n = depth <= PATH_DEPTH ? depth : 0; /* the innermost names not known */
    path.cut = depth > PATH_DEPTH;
    at = &path;
  }
  *rule = dkcpr__struct_rewrite_rule_in(x->w, at, name, n);
  return *rule == NULL && dkcpr__struct_field_cpr_in(x->w, at, name, n);
}

/* The held start tag t[0..n) (whole: up to its '>', which is at; else its
 * first TAG_MAX bytes, the rest to come in S_TAIL). */
static dkcpr_status start_tag(dkcpr__xml_state *x, const char *t, size_t n, int whole,
                              const char *at) {
  lexer *l = &x->lx;
  const char *end = t + n, *p = t + 1, *name = p, *run, *ln;
  const dkcpr__rule *rule;
  size_t nlen, llen;
  int cpr = 0, cda = 0, system = 0, fhir_value = 0, named;
  level lv, *parent = top(x);
  attr a;
  dkcpr_status st;
  while (p < end && !is_ws(*p) && *p != '/' && *p != '>') p++;
  nlen = (size_t)(p - name);
  ln = local_name(name, nlen, &llen);
  named = p < end; /* the whole name is held */
  if (named) cpr = field(x, l->depth, ln, llen, &rule);
  else rule = NULL;
  if (x->qualified && l->depth < PATH_DEPTH) { /* the path of its attributes and children */
    dkcpr__path_name *pn = &x->names[l->depth];
    pn->n = named ? dkcpr__field_normalise(pn->s, ln, llen) : 0;
    if (pn->n == 0) { /* a name no rule names (cut, or too long) */
      pn->s[0] = '\0';
      pn->n = 1;
    }
  }
  /* Identifiers whose scheme a sibling names: <id root="CPR OID"
   * extension="..."/> (CDA), and <system value="urn:oid:CPR OID"/> then
   * <value value="..."/> (FHIR). */
  if (named) {
    const char *q = p;
    int sys_el = same(ln, llen, "system");
    fhir_value = parent != NULL && (parent->flags & LV_SCHEME) && same(ln, llen, "value");
    while (next_attr(&q, end, &a)) {
      size_t al;
      const char *an = local_name(a.name, a.nlen, &al);
      if (!a.closed) continue;
      if (same(an, al, "root") && value_is_oid(a.val, a.vlen, 0)) cda = 1;
      if (sys_el && same(an, al, "value") && value_is_oid(a.val, a.vlen, 1)) system = 1;
    }
    if (system && parent != NULL) parent->flags |= LV_SCHEME;
  }
  /* Bytes from run on are text not yet written: a plain tag is one piece. */
  run = t;
  if (has_digit(name, nlen)) {
    if ((st = put(x, run, (size_t)(name - run))) != DKCPR_OK) return st;
    if ((st = verbatim(x, name, nlen)) != DKCPR_OK) return st;
    run = name + nlen;
  }
  l->tail_quote = 0;
  l->tail_drop = 0;
  while (next_attr(&p, end, &a)) {
    size_t al;
    const char *an = local_name(a.name, a.nlen, &al);
    const dkcpr__rule *ar = NULL;
    int acpr = 0;
    if (has_digit(a.name, a.nlen)) {
      if ((st = put(x, run, (size_t)(a.name - run))) != DKCPR_OK) return st;
      if ((st = verbatim(x, a.name, a.nlen)) != DKCPR_OK) return st;
      run = a.name + a.nlen;
    }
    if (a.quote == 0) continue; /* cut before the value */
    /* xmlns and xmlns:p declare namespaces: no field */
    if (!(a.nlen >= 5 && memcmp(a.name, "xmlns", 5) == 0 && (a.nlen == 5 || a.name[5] == ':'))) {
      acpr = field(x, named ? l->depth + 1 : 0, an, al, &ar);
      if (ar == NULL && ((cda && same(an, al, "extension")) ||
                         (fhir_value && same(an, al, "value"))))
        acpr = 1;
    }
    if (ar == NULL && !acpr && a.closed && memchr(a.val, '&', a.vlen) == NULL) continue;
    if ((st = put(x, run, (size_t)(a.val - run))) != DKCPR_OK) return st;
    run = a.val + a.vlen;
    if (!a.closed) { /* the tag was cut inside this value */
      l->tail_quote = a.quote;
      if (ar != NULL) {
        l->tail_drop = 1;
        st = rule_value(x, ar, a.val, a.vlen, 1, a.quote);
      } else {
        if (acpr && x->emit) {
          x->w->counts.values++;
          x->w->counts.unrecognised++;
        }
        st = text_out(x, a.val, a.vlen);
      }
    } else if (ar != NULL) {
      st = rule_value(x, ar, a.val, a.vlen, 0, a.quote);
    } else if (acpr) {
      st = cpr_value(x, a.val, a.vlen);
    } else {
      st = text_out(x, a.val, a.vlen);
    }
    if (st != DKCPR_OK) return st;
  }
  if ((st = put(x, run, (size_t)(end - run))) != DKCPR_OK) return st;
  lv.flags = cpr ? LV_CPR : 0;
  lv.rule = rule != NULL ? rule : (!cpr && parent != NULL ? parent->rule : NULL);
  if (!whole) {
    l->pending = lv;
    l->tail_end = 0;
    l->tail_prev = 0;
    if (!l->tail_quote) l->tail_prev = t[n - 1];
    l->state = S_TAIL;
    return DKCPR_OK;
  }
  return element_opens(x, lv, n >= 2 && t[n - 2] == '/', at);
}

/* The held end tag t[0..n) (whole: up to its '>'). */
static dkcpr_status end_tag(dkcpr__xml_state *x, const char *t, size_t n, int whole) {
  const char *name = t + 2, *p = name, *end = t + n;
  dkcpr_status st;
  while (p < end && !is_ws(*p) && *p != '>') p++;
  if (!has_digit(name, (size_t)(p - name))) st = put(x, t, n);
  else if ((st = put(x, t, 2)) == DKCPR_OK &&
           (st = verbatim(x, name, (size_t)(p - name))) == DKCPR_OK)
    st = put(x, p, (size_t)(end - p));
  if (st != DKCPR_OK) return st;
  if (!whole) {
    x->lx.tail_end = 1;
    x->lx.tail_quote = 0;
    x->lx.tail_drop = 0;
    x->lx.state = S_TAIL;
    return DKCPR_OK;
  }
  pop(x);
  content_starts(x);
  return DKCPR_OK;
}

/* ------------------------------------------------------------------------ */
/* The lexer: one function per state, each reading from *pp up to end and
 * returning when its token ends.                                            */

static dkcpr_status in_content(dkcpr__xml_state *x, const char **pp, const char *end) {
  lexer *l = &x->lx;
  const char *p = *pp, *lt = memchr(p, '<', (size_t)(end - p)), *stop = lt ? lt : end;
  const char *amp = memchr(p, '&', (size_t)(stop - p));
  dkcpr_status st;
  if (amp != NULL) { /* a reference: expat holds it whole */
    *pp = amp + 1;
    l->in_ref = 1;
    l->tok_at = x->base + (uint64_t)(amp - x->in0);
    l->tok_len = 1;
    return route(x, p, (size_t)(amp + 1 - p));
  }
  if ((st = route(x, p, (size_t)(stop - p))) != DKCPR_OK) return st;
  *pp = stop;
  if (lt != NULL) {
    *pp = lt + 1;
    l->state = S_LT;
    l->tok_at = x->base + (uint64_t)(lt - x->in0);
    l->tok_len = 1;
    x->tag[0] = '<';
    l->tag_len = 1;
  }
  return DKCPR_OK;
}

static dkcpr_status in_ref(dkcpr__xml_state *x, const char **pp, const char *end) {
  const char *p = *pp, *e = p;
  while (e < end && *e != ';' && *e != '<') e++;
  if (e < end) {
    x->lx.in_ref = 0;
    if (*e == ';') e++;
  }
  *pp = e;
  return route(x, p, (size_t)(e - p));
}

/* The byte after '<' says which markup this is. */
static dkcpr_status after_lt(dkcpr__xml_state *x, const char **pp) {
  lexer *l = &x->lx;
  char c = **pp;
  dkcpr_status st;
  (*pp)++;
  x->tag[l->tag_len++] = c;
  l->quote = 0;
  if ((st = text_ends(x, c == '/')) != DKCPR_OK) return st;
  if (c == '/') {
    l->state = S_ETAG;
  } else if (c == '?') {
    l->state = S_PI_TARGET;
  } else if (c == '!') {
    l->state = S_BANG;
  } else {
    l->state = S_STAG;
    if (x->companions && x->in_row == ROW_NONE && l->depth == 1) x->event = EV_ROW_START;
  }
  return DKCPR_OK;
}

static dkcpr_status after_bang(dkcpr__xml_state *x, const char **pp) {
  lexer *l = &x->lx;
  const level *lv = top(x);
  char c = **pp;
  dkcpr_status st;
  (*pp)++;
  x->tag[l->tag_len++] = c;
  l->run = 0;
  if (c == '-') {
    l->state = S_COMMENT;
    l->skip = 1;
  } else if (c == '[') {
    l->state = S_CDATA;
    l->skip = 6; /* CDATA[ */
  } else {
    l->state = S_DOCTYPE;
    l->dt_quote = 0;
    l->dt_subset = 0;
    l->dt_sub = DT_NONE;
    st = verbatim(x, x->tag, l->tag_len);
    l->tag_len = 0;
    return st;
  }
  st = put(x, x->tag, l->tag_len);
  l->tag_len = 0;
  if (c == '[' && lv != NULL && lv->rule != NULL) { /* CDATA under a rule is a value */
    l->holding = 1;
    l->hold_rule = lv->rule;
    l->hold_len = 0;
    l->over = 0;
  }
  return st;
}

/* A start or end tag, held to its '>'. */
static dkcpr_status in_tag(dkcpr__xml_state *x, const char **pp, const char *end) {
  lexer *l = &x->lx;
  const char *p = *pp;
  int start = l->state == S_STAG;
  dkcpr_status st;
  while (p < end) {
    size_t room = TAG_MAX - l->tag_len;
    const char *lim = (size_t)(end - p) < room ? end : p + room, *q = p;
    char c = 0;
    if (room == 0) { /* washed in parts */
      *pp = p;
      st = start ? start_tag(x, x->tag, l->tag_len, 0, p) : end_tag(x, x->tag, l->tag_len, 0);
      l->tag_len = 0;
      return st;
    }
    if (l->quote) {
      const char *m = memchr(p, l->quote, (size_t)(lim - p));
      q = m != NULL ? m : lim;
    } else {
      while (q < lim && *q != '>' && !(start && (*q == '"' || *q == '\''))) q++;
    }
    if (q < lim) c = *q++;
    memcpy(x->tag + l->tag_len, p, (size_t)(q - p));
    l->tag_len += (size_t)(q - p);
    p = q;
    if (c == 0) continue;
    if (l->quote) {
      l->quote = 0;
    } else if (c != '>') {
      l->quote = c;
    } else {
      *pp = p;
      st = start ? start_tag(x, x->tag, l->tag_len, 1, p - 1) : end_tag(x, x->tag, l->tag_len, 1);
      l->tag_len = 0;
      return st;
    }
  }
  *pp = p;
  return DKCPR_OK;
}

/* The rest of a tag longer than TAG_MAX: values washed as text (or
 * dropped after a rewritten one), the rest kept as it is. */
static dkcpr_status in_tail(dkcpr__xml_state *x, const char **pp, const char *end) {
  lexer *l = &x->lx;
  const char *p = *pp;
  dkcpr_status st;
  while (p < end) {
    if (l->tail_quote) {
      const char *q = memchr(p, l->tail_quote, (size_t)(end - p)), *e = q ? q : end;
      st = l->tail_drop ? DKCPR_OK : text_out(x, p, (size_t)(e - p));
      if (st == DKCPR_OK && q) st = put(x, q, 1);
      if (st != DKCPR_OK) return st;
      p = q ? q + 1 : end;
      if (q) {
        l->tail_prev = l->tail_quote;
        l->tail_quote = 0;
      }
      continue;
    }
    {
      const char *e = p;
      while (e < end && *e != '"' && *e != '\'' && *e != '>') e++;
      if (e > p) l->tail_prev = e[-1];
      if ((st = verbatim(x, p, (size_t)(e - p))) != DKCPR_OK) return st;
      p = e;
      if (p == end) break;
      if ((st = put(x, p, 1)) != DKCPR_OK) return st;
      if (*p == '>' && !l->tail_end) {
        *pp = p + 1;
        return element_opens(x, l->pending, l->tail_prev == '/', p);
      }
      if (*p == '>') {
        *pp = p + 1;
        pop(x);
        content_starts(x);
        return DKCPR_OK;
      }
      l->tail_quote = *p;
      l->tail_drop = 0;
      p++;
    }
  }
  *pp = p;
  return DKCPR_OK;
}

/* A comment, to its "-->": text. */
static dkcpr_status in_comment(dkcpr__xml_state *x, const char **pp, const char *end) {
  lexer *l = &x->lx;
  const char *from = *pp, *p = from;
  while (p < end) {
    char c = *p++;
    if (l->skip) {
      l->skip--;
    } else if (c == '>' && l->run >= 2) {
      *pp = p;
      content_starts(x);
      return put(x, from, (size_t)(p - from));
    } else {
      l->run = c == '-' ? l->run + 1 : 0;
    }
  }
  *pp = p;
  return put(x, from, (size_t)(p - from));
}

/* A processing instruction's target (a name), then the rest to "?>". */
static dkcpr_status in_pi(dkcpr__xml_state *x, const char **pp, const char *end) {
  lexer *l = &x->lx;
  const char *from = *pp, *p = from;
  dkcpr_status st;
  if (l->state == S_PI_TARGET) {
    while (p < end && !is_ws(*p) && *p != '?' && l->tag_len < TAG_MAX) x->tag[l->tag_len++] = *p++;
    *pp = p;
    if (p == end && l->tag_len < TAG_MAX) return DKCPR_OK;
    st = put(x, x->tag, 2);
    if (st == DKCPR_OK) st = put_name(x, x->tag + 2, l->tag_len - 2);
    l->tag_len = 0;
    l->state = S_PI;
    l->run = 0;
    return st;
  }
  while (p < end) {
    char c = *p++;
    if (c == '>' && l->run) {
      *pp = p;
      content_starts(x);
      return put(x, from, (size_t)(p - from));
    }
    l->run = c == '?';
  }
  *pp = p;
  return put(x, from, (size_t)(p - from));
}

/* CDATA: the keyword, then text (or a value under a rule) to "]]>". */
static dkcpr_status in_cdata(dkcpr__xml_state *x, const char **pp, const char *end) {
  lexer *l = &x->lx;
  const char *p = *pp;
  dkcpr_status st;
  if (l->skip) {
    size_t k = (size_t)(end - p) < l->skip ? (size_t)(end - p) : l->skip;
    l->skip -= k;
    *pp = p + k;
    return put(x, p, k);
  }
  while (p < end) {
    if (l->run == 0) {
      const char *q = memchr(p, ']', (size_t)(end - p)), *e = q ? q : end;
      if ((st = cdata_out(x, p, (size_t)(e - p))) != DKCPR_OK) return st;
      p = e;
      if (q == NULL) break;
    }
    if (*p == ']') {
      p++;
      if (l->run < 2) l->run++;
      else if ((st = cdata_out(x, "]", 1)) != DKCPR_OK) return st;
    } else if (*p == '>' && l->run == 2) {
      *pp = p + 1;
      l->run = 0;
      if (l->holding) {
        size_t n = l->hold_len;
        l->holding = 0;
        l->hold_len = 0;
        st = rule_value(x, l->hold_rule, l->hold, n, l->over, CTX_CDATA);
        if (st != DKCPR_OK) return st;
      }
      content_starts(x);
      return put(x, "]]>", 3);
    } else {
      st = cdata_out(x, "]]", l->run);
      l->run = 0;
      if (st != DKCPR_OK) return st;
    }
  }
  *pp = p;
  return DKCPR_OK;
}

/* A DOCTYPE: literals washed as text (entity values may hold data),
 * comments and processing instructions of the internal subset as text,
 * the declarations' names and keywords as they are. */
static dkcpr_status in_doctype(dkcpr__xml_state *x, const char **pp, const char *end) {
  lexer *l = &x->lx;
  const char *p = *pp, *from = p;
  int cls = -1; /* of the bytes from `from`: 0 as they are, 1 literal, 2 text */
  dkcpr_status st = DKCPR_OK;
  int done = 0;
  while (p < end && !done) {
    char c = *p;
    int k;
    if (l->dt_quote) {
      k = c == l->dt_quote ? 0 : 1;
      if (k == 0) l->dt_quote = 0;
    } else if (l->dt_sub == DT_COMMENT) {
      k = 2;
      if (c == '>' && l->run >= 2) l->dt_sub = DT_NONE;
      l->run = c == '-' ? l->run + 1 : 0;
    } else if (l->dt_sub == DT_PI) {
      k = 2;
      if (c == '>' && l->run) l->dt_sub = DT_NONE;
      l->run = c == '?';
    } else {
      k = 0;
      if (l->dt_sub == DT_LT) {
        l->dt_sub = c == '!' ? DT_BANG : c == '?' ? DT_PI : DT_NONE;
        l->run = 0;
      } else if (l->dt_sub == DT_BANG) {
        l->dt_sub = c == '-' ? DT_DASH : DT_NONE;
      } else if (l->dt_sub == DT_DASH) {
        l->dt_sub = DT_COMMENT;
        l->run = 0;
      } else if (c == '"' || c == '\'') {
        l->dt_quote = c;
      } else if (l->dt_subset) {
        if (c == ']') l->dt_subset = 0;
        else if (c == '<') l->dt_sub = DT_LT;
      } else if (c == '[') {
        l->dt_subset = 1;
      } else if (c == '>') {
        done = 1;
      }
    }
    if (k != cls && p > from) {
      st = cls == 0 ? verbatim(x, from, (size_t)(p - from))
           : cls == 1 ? text_out(x, from, (size_t)(p - from))
                      : put(x, from, (size_t)(p - from));
      if (st != DKCPR_OK) return st;
      from = p;
    }
    cls = k;
    p++;
  }
  if (p > from)
    st = cls == 0 ? verbatim(x, from, (size_t)(p - from))
         : cls == 1 ? text_out(x, from, (size_t)(p - from))
                    : put(x, from, (size_t)(p - from));
  *pp = p;
  if (done) content_starts(x);
  return st;
}

/* In a token expat holds whole (so does the lexer's length limit). */
static int in_markup(const lexer *l) {
  return l->in_ref || !(l->state == S_CONTENT || (l->state == S_CDATA && l->skip == 0));
}

/* Read in[0..n) (at stream offset base); *used: the bytes read, fewer when
 * a row starts or ends (x->event). */
static dkcpr_status lex(dkcpr__xml_state *x, const char *in, size_t n, uint64_t base,
                        size_t *used) {
  lexer *l = &x->lx;
  const char *p = in, *end = in + n;
  dkcpr_status st = DKCPR_OK;
  x->in0 = in;
  x->base = base;
  x->event = EV_NONE;
  while (p < end && x->event == EV_NONE && st == DKCPR_OK) {
    const char *from = p, *lim;
    size_t room;
    if (!in_markup(l)) {
      st = l->state == S_CDATA ? in_cdata(x, &p, end) : in_content(x, &p, end);
      continue;
    }
    /* Markup, or a reference: at most MARKUP_MAX bytes. */
    room = MARKUP_MAX - l->tok_len;
    if (room == 0) {
      st = fail(x, p, "a tag, comment, processing instruction, DOCTYPE or reference longer "
                      "than 8 MiB");
      break;
    }
    lim = (size_t)(end - p) > room ? p + room : end;
    switch (l->state) {
    case S_CONTENT: st = in_ref(x, &p, lim); break;
    case S_LT: st = after_lt(x, &p); break;
    case S_BANG: st = after_bang(x, &p); break;
    case S_STAG:
    case S_ETAG: st = in_tag(x, &p, lim); break;
    case S_TAIL: st = in_tail(x, &p, lim); break;
    case S_COMMENT: st = in_comment(x, &p, lim); break;
    case S_CDATA: st = in_cdata(x, &p, lim); break;
    case S_PI_TARGET:
    case S_PI: st = in_pi(x, &p, lim); break;
    default: st = in_doctype(x, &p, lim); break;
    }
    l->tok_len += (size_t)(p - from);
  }
  *used = (size_t)(p - in);
  return st;
}

/* ------------------------------------------------------------------------ */
/* Rows, expat, feeding                                                      */

/* A row's start tag was seen: hold the row, read from its '<' again
 * without writing, to find its number. */
static dkcpr_status row_starts(dkcpr__xml_state *x) {
  lexer *l = &x->lx;
  size_t used;
  dkcpr_status st;
  x->snap = *l;
  x->snap.state = S_CONTENT;
  x->snap.tag_len = 0;
  x->snap_top = x->stack[l->depth - 1];
  memcpy(x->rowbuf, x->tag, l->tag_len);
  x->row_len = l->tag_len;
  x->row_at = l->tok_at;
  x->row.known = 0;
  *l = x->snap;
  x->in_row = ROW_CAPTURE;
  x->emit = 0;
  st = lex(x, x->rowbuf, x->row_len, x->row_at, &used);
  x->emit = 1;
  return st;
}

/* Write the held row (whole: all of it; else its first ROW_MAX bytes). */
static dkcpr_status row_write(dkcpr__xml_state *x, int whole) {
  size_t used;
  dkcpr_status st;
  x->lx = x->snap;
  x->stack[x->lx.depth - 1] = x->snap_top;
  x->in_row = whole ? ROW_WHOLE : ROW_CUT;
  x->emit = 1;
  st = lex(x, x->rowbuf, x->row_len, x->row_at, &used);
  x->row_len = 0;
  return st;
}

static dkcpr_status lex_chunk(dkcpr__xml_state *x, const char *in, size_t n, uint64_t at) {
  size_t k = 0, used;
  dkcpr_status st;
  while (k < n) {
    if (x->in_row == ROW_CAPTURE) {
      size_t room = ROW_MAX - x->row_len, take = n - k < room ? n - k : room;
      x->emit = 0;
      st = lex(x, in + k, take, at + k, &used);
      x->emit = 1;
      memcpy(x->rowbuf + x->row_len, in + k, used);
      x->row_len += used;
      k += used;
      if (st != DKCPR_OK) return st;
      if (x->event == EV_ROW_END) st = row_write(x, 1);
      else if (x->row_len == ROW_MAX) st = row_write(x, 0);
    } else {
      st = lex(x, in + k, n - k, at + k, &used);
      k += used;
      if (st == DKCPR_OK && x->event == EV_ROW_START) st = row_starts(x);
    }
    if (st != DKCPR_OK) return st;
  }
  return DKCPR_OK;
}

/* Line and column (expat's count: CR, LF and CRLF end a line) after s[0..n). */
static void advance(uint64_t *line, uint64_t *column, int *after_cr, const char *s, size_t n) {
  size_t i;
  if (n > 0 && memchr(s, '\r', n) == NULL) { /* LF only: lines, then the last one's characters */
    const char *end = s + n, *nl;
    if (*after_cr && *s == '\n') s++;
    *after_cr = 0;
    while ((nl = memchr(s, '\n', (size_t)(end - s))) != NULL) {
      (*line)++;
      *column = 1;
      s = nl + 1;
    }
    for (; s < end; s++)
      if (((unsigned char)*s & 0xC0) != 0x80) (*column)++;
    return;
  }
  for (i = 0; i < n; i++) {
    char c = s[i];
    if (c == '\n' && *after_cr) {
      *after_cr = 0;
      continue;
    }
    *after_cr = c == '\r';
    if (c == '\n' || c == '\r') {
      (*line)++;
      *column = 1;
    } else if (((unsigned char)c & 0xC0) != 0x80) {
      (*column)++;
    }
  }
}

static dkcpr_status expat_error(dkcpr__xml_state *x) {
  XML_Parser p = x->expat;
  enum XML_Error code = XML_GetErrorCode(p);
  XML_Index at = XML_GetCurrentByteIndex(p);
  if (code == XML_ERROR_NO_MEMORY) return DKCPR_E_NOMEM;
  return dkcpr__struct_syntax_at(x->w, at > 0 ? (uint64_t)at : 0,
                                 (uint64_t)XML_GetCurrentLineNumber(p),
                                 (uint64_t)XML_GetCurrentColumnNumber(p) + 1,
                                 (const char *)XML_ErrorString(code));
}

static dkcpr_status expat_parse(dkcpr__xml_state *x, const char *s, size_t n, int final) {
  do {
    size_t k = n < (1u << 30) ? n : (1u << 30);
    if (XML_Parse(x->expat, s, (int)k, final && k == n) != XML_STATUS_OK) return expat_error(x);
    s += k;
    n -= k;
  } while (n > 0);
  return DKCPR_OK;
}

static dkcpr_status pend_add(dkcpr__xml_state *x, const char *s, size_t n) {
  if (n == 0) return DKCPR_OK;
  if (x->pend_len + n > x->pend_cap) {
    size_t cap = x->pend_cap ? x->pend_cap : 4096;
    char *b;
    while (cap < x->pend_len + n) cap *= 2;
    b = malloc(cap);
    if (b == NULL) return DKCPR_E_NOMEM;
    if (x->pend_len) memcpy(b, x->pend, x->pend_len);
    if (x->pend != NULL) OPENSSL_cleanse(x->pend, x->pend_cap);
    free(x->pend);
    x->pend = b;
    x->pend_cap = cap;
  }
  memcpy(x->pend + x->pend_len, s, n);
  x->pend_len += n;
  return DKCPR_OK;
}

/* Give expat the held input up to stream offset upto, in one piece. */
static dkcpr_status expat_to(dkcpr__xml_state *x, uint64_t upto, int final) {
  size_t k = upto > x->cut ? (size_t)(upto - x->cut) : 0;
  dkcpr_status st;
  if (k > x->pend_len) k = x->pend_len;
  if (k == 0 && !final) return DKCPR_OK;
  st = expat_parse(x, k > 0 ? x->pend : "", k, final);
  if (k > 0) {
    memmove(x->pend, x->pend + k, x->pend_len - k);
    x->pend_len -= k;
    x->cut += k;
  }
  return st;
}

/* Characters XML would read as markup: the text path writes the
 * placeholder into text, attribute values, comments and PIs as it is. */
static int placeholder_unsafe(const char *s, size_t n) {
  size_t i;
  if (n == 0) return 0;
  if ((s[0] == '-' || s[n - 1] == '-' || s[n - 1] == '?')) return 1;
  for (i = 0; i < n; i++)
    if (strchr("<>&\"'", s[i]) != NULL || (s[i] == '-' && i + 1 < n && s[i + 1] == '-'))
      return 1;
  return 0;
}

/* Whatever is still held at the end (only when the lexer and expat
 * disagree, which the fuzz targets look for): written as text. */
static dkcpr_status drain(dkcpr__xml_state *x) {
  lexer *l = &x->lx;
  dkcpr_status st = DKCPR_OK;
  if (x->in_row == ROW_CAPTURE) st = row_write(x, 0);
  x->in_row = ROW_NONE;
  if (st == DKCPR_OK && l->holding) {
    size_t n = l->hold_len;
    l->holding = 0;
    l->hold_len = 0;
    st = text_out(x, l->hold, n);
  }
  if (st == DKCPR_OK && l->tag_len > 0) st = put(x, x->tag, l->tag_len);
  l->tag_len = 0;
  if (st == DKCPR_OK && l->oref) st = flush_ref(x);
  return st;
}

dkcpr_status dkcpr__xml_feed(dkcpr_struct_washer *w, const char *in, size_t n, int finish) {
  dkcpr__xml_state *x = w->xml;
  const lexer *l = &x->lx;
  uint64_t at = w->bytes_in;
  size_t k = 0;
  dkcpr_status st = DKCPR_OK;
  if (!x->checked) {
    x->checked = 1;
    if ((w->set.mode == DKCPR_WASH_REDACT || w->fallback == DKCPR_WASH_REDACT ||
         dkcpr__rules_rewrite(&w->rules)) &&
        placeholder_unsafe(w->set.placeholder, w->set.placeholder_len))
      return dkcpr__struct_syntax_at(w, 0, 1, 1,
                                     "the placeholder holds markup (< > & \" ' --, or - or ? at "
                                     "an end), which XML cannot hold as it is");
  }
  /* The lexer first, then expat to each step's end (not into the markup
   * token the lexer is in there: expat would read it again for every piece). */
  while (k < n) {
    uint64_t pos = at + k, step = (pos / EXPAT_STEP + 1) * EXPAT_STEP;
    size_t take = n - k < step - pos ? n - k : (size_t)(step - pos);
    st = lex_chunk(x, in + k, take, pos);
    if (st != DKCPR_OK && st != DKCPR_E_SYNTAX) return st;
    if ((st = pend_add(x, in + k, take)) != DKCPR_OK) return st;
    k += take;
    if (x->err) break;
    if (at + k == step && (st = expat_to(x, in_markup(l) ? l->tok_at : step, 0)) != DKCPR_OK)
      return st;
  }
  if (x->err) { /* expat first: an error before the lexer's comes first */
    size_t lim = x->err_at > at ? (size_t)(x->err_at - at) : 0;
    uint64_t line = x->line, column = x->column;
    int cr = x->after_cr;
    if (lim > n) lim = n;
    if ((st = expat_to(x, x->err_at, 0)) != DKCPR_OK) return st;
    advance(&line, &column, &cr, in, lim);
    return dkcpr__struct_syntax_at(w, x->err_at, line, column, x->err_msg);
  }
  if (finish && (st = expat_to(x, at + n, 1)) == DKCPR_OK) st = drain(x);
  if (st != DKCPR_OK) return st;
  advance(&x->line, &x->column, &x->after_cr, in, n);
  return DKCPR_OK;
}
