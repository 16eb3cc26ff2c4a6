/* SPDX-License-Identifier: Apache-2.0 */
/* Where a structured input may be cut (see struct_cuts.h). The finder reads
 * every byte once, ahead of the washers, and only tells records apart: the
 * washers check the syntax. A part starts where the library's parser would
 * stand between records, so a washer primed there agrees with one over the
 * whole stream; where the two might not agree (a record longer than the
 * washer holds whole, a head too long to read again for every part), no
 * more cuts come and the rest is washed in one part. */
#include <stdlib.h>
#include <string.h>

#include "struct_cuts.h"

/* The last bytes read, kept for the context of the next cut. */
#define WINDOW (256u * 1024u)
/* Longer records stop the cuts: the washer holds a record up to this long
 * whole (companion rules), a longer one in parts that need not start where
 * the finder's records do. */
#define RECORD_MAX (64u * 1024u)
/* A SQL head (statements, the last lines of each COPY block) read again by
 * every part's washer; longer stops the cuts. */
#define SQL_HEAD_MAX (1u << 20)
/* The lines of COPY data kept in the head when a block ends: context for
 * what follows it. */
#define SQL_BLOCK_TAIL (8u * 1024u)

typedef struct buf {
  char *data;
  size_t len, cap;
} buf;

struct struct_cuts {
  dkcpr_data_format f;
  uint64_t scanned, line; /* bytes read; the line of the next */
  uint64_t column;        /* JSON: the column of the next byte read for it */
  int stopped;
  buf head;
  int in_head;            /* CSV, JSON, JSON Lines: in the first record */
  int in_array;           /* JSON: its top-level array has started */
  uint64_t floor, rec_start;
  struct_cut *cuts;       /* cuts still in the window, in order, from first */
  size_t first, n, cap;
  buf win;                /* the stream bytes [scanned - win.len, scanned) */
  /* CSV: inside quotes; JSON Lines: in a string, after a backslash, depth */
  int quoted, escaped;
  size_t depth;
  /* SQL */
  dkcpr_struct_washer *tracker;
  int copy;               /* in COPY data */
  buf pend;               /* statements not yet given to the tracker */
  char last;              /* the line's last byte that is not white space */
  int end_line;           /* the COPY line so far: 0 start, 1 "\", 2 "\." (CRs after), 3 other */
};

static int put(buf *b, const char *s, size_t n) {
  if (b->cap - b->len < n) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap - b->len < n) cap *= 2;
    char *d = realloc(b->data, cap);
    if (!d)
      return -1;
    b->data = d;
    b->cap = cap;
  }
  memcpy(b->data + b->len, s, n);
  b->len += n;
  return 0;
}

int struct_cuts_new(struct_cuts **out, dkcpr_data_format f, dkcpr_struct_washer *tracker) {
  struct_cuts *c = calloc(1, sizeof *c);
  *out = c;
  if (!c) {
    dkcpr_struct_washer_free(tracker);
    return -1;
  }
  c->f = f;
  c->line = c->column = 1;
  c->in_head = f != DKCPR_DATA_SQL;
  c->tracker = tracker;
  return 0;
}

void struct_cuts_free(struct_cuts *c) {
  if (!c)
    return;
  dkcpr_struct_washer_free(c->tracker);
  free(c->head.data);
  free(c->cuts);
  free(c->win.data);
  free(c->pend.data);
  free(c);
}

int struct_cuts_stopped(const struct_cuts *c) { return c->stopped; }

const char *struct_cuts_head(const struct_cuts *c) { return c->head.data; }

static uint64_t window_start(const struct_cuts *c) { return c->scanned - c->win.len; }

/* A record starts at off (the line feed before it is counted). */
static int add_cut(struct_cuts *c, uint64_t off) {
  /* A JSON row the washer cannot hold streams as it would in one washer. */
  if (c->f != DKCPR_DATA_JSONL && c->f != DKCPR_DATA_JSON && off - c->rec_start > RECORD_MAX) {
    c->stopped = 1;
    return 0;
  }
  c->rec_start = off;
  /* Cuts the context can no longer reach go. */
  uint64_t keep = window_start(c);
  while (c->first < c->n && c->cuts[c->first].offset < keep)
    c->first++;
  if (c->first > c->n / 2) {
    memmove(c->cuts, c->cuts + c->first, (c->n - c->first) * sizeof *c->cuts);
    c->n -= c->first;
    c->first = 0;
  }
  if (c->n == c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 1024;
    struct_cut *d = realloc(c->cuts, cap * sizeof *d);
    if (!d)
      return -1;
    c->cuts = d;
    c->cap = cap;
  }
  c->cuts[c->n++] = (struct_cut){off, c->line, c->head.len, c->floor, c->column};
  return 0;
}

/* CSV and JSON Lines: the first record ends at off. */
static int head_done(struct_cuts *c, uint64_t off) {
  c->in_head = 0;
  c->head.len = (size_t)off;
  c->floor = c->rec_start = off;
  return add_cut(c, off);
}

static int record_end(struct_cuts *c, uint64_t off) {
  return c->in_head ? head_done(c, off) : add_cut(c, off);
}

static int scan_csv(struct_cuts *c, const char *p, size_t n, uint64_t at) {
  const char *end = p + n, *s = p, *quote = memchr(p, '"', n);
  while (!c->stopped) {
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    const char *upto = nl ? nl : end;
    /* The quotes before the line feed turn quoting on and off. */
    while (quote && quote < upto) {
      c->quoted = !c->quoted;
      quote = memchr(quote + 1, '"', (size_t)(end - quote - 1));
    }
    if (!nl)
      break;
    c->line++;
    if (!c->quoted && record_end(c, at + (uint64_t)(nl + 1 - p)) != 0)
      return -1;
    s = nl + 1;
  }
  return 0;
}

/* The end of a JSON string in p[i..n) (i just after its opening quote or
 * within it): the index after its closing quote, or n. *escaped: the byte
 * at i is escaped, and at n when the string goes on. */
static size_t string_end(const char *p, size_t i, size_t n, int *escaped, int *quoted) {
  if (*escaped && i < n) {
    *escaped = 0;
    i++;
  }
  for (;;) {
    const char *q = memchr(p + i, '"', n - i);
    size_t stop = q ? (size_t)(q - p) : n, run = 0;
    while (stop - run > i && p[stop - run - 1] == '\\')
      run++;
    if (!q) { /* the string goes on: an odd run escapes what comes next */
      *escaped = (int)(run % 2);
      return n;
    }
    if (run % 2 == 0) {
      *quoted = 0;
      return stop + 1;
    }
    i = stop + 1; /* an escaped quote */
  }
}

static int scan_jsonl(struct_cuts *c, const char *p, size_t n, uint64_t at) {
  size_t i = 0;
  while (i < n && !c->stopped) {
    if (c->quoted) { /* strings hold no line feed in JSON */
      i = string_end(p, i, n, &c->escaped, &c->quoted);
      continue;
    }
    char ch = p[i++];
    if (ch == '"') {
      c->quoted = 1;
    } else if (ch == '{' || ch == '[') {
      c->depth++;
    } else if (ch == '}' || ch == ']') {
      if (c->depth)
        c->depth--;
    } else if (ch == '\n') {
      c->line++;
      if (c->depth == 0 && record_end(c, at + i) != 0)
        return -1;
    }
  }
  return 0;
}

/* JSON: the line and column past p[0..n), counted as the washer does. */
static void advance_column(struct_cuts *c, const char *p, size_t n) {
  const char *end = p + n, *nl;
  while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
    c->line++;
    c->column = 1;
    p = nl + 1;
  }
  for (; p < end; p++)
    if (((unsigned char)*p & 0xC0) != 0x80)
      c->column++;
}

/* JSON: only a top-level array of objects is cut, after each object item;
 * anything else at the top ends the cuts. */
static int scan_json(struct_cuts *c, const char *p, size_t n, uint64_t at) {
  size_t i = 0, counted = 0;
  while (i < n && !c->stopped) {
    if (c->quoted) {
      i = string_end(p, i, n, &c->escaped, &c->quoted);
      continue;
    }
    char ch = p[i++];
    if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t')
      continue;
    /* A byte order mark at the start, which the washer passes over. */
    uint64_t off = at + i - 1; /* the byte's stream offset */
    if (!c->in_array && off < 3 && ch == "\xEF\xBB\xBF"[off])
      continue;
    if (c->depth == 0 && (ch != '[' || c->in_array)) {
      c->stopped = 1; /* not an array, or past its end */
    } else if (ch == '"') {
      c->quoted = 1;
    } else if (ch == '{' || ch == '[') {
      c->in_array = 1;
      c->depth++;
    } else if (ch == '}' || ch == ']') {
      c->depth--;
      if (c->depth == 1 && ch == '}') {
        advance_column(c, p + counted, i - counted);
        counted = i;
        if (record_end(c, at + i) != 0)
          return -1;
      }
    }
  }
  advance_column(c, p + counted, n - counted);
  return 0;
}

/* The start of the context before upto: a cut at least CUTS_BEFORE bytes
 * before it, else the earliest the window and the floor allow. */
static uint64_t context_start(const struct_cuts *c, uint64_t upto, uint64_t floor) {
  uint64_t lo = window_start(c) > floor ? window_start(c) : floor;
  uint64_t target = upto > CUTS_BEFORE ? upto - CUTS_BEFORE : 0, best = upto;
  for (size_t i = c->n; i > c->first; i--) {
    uint64_t off = c->cuts[i - 1].offset;
    if (off > upto)
      continue;
    if (off < lo)
      break;
    best = off;
    if (off <= target)
      break;
  }
  return best;
}

/* SQL: give the tracker the statements read; 1 when COPY data starts next. */
static int statements_done(struct_cuts *c, uint64_t off) {
  int at_boundary = 0;
  if (c->head.len + c->pend.len > SQL_HEAD_MAX ||
      dkcpr_struct_washer_prime(&at_boundary, c->tracker, c->pend.data, c->pend.len, off,
                                c->line) != DKCPR_OK ||
      put(&c->head, c->pend.data, c->pend.len) != 0) {
    c->stopped = 1;
    return 0;
  }
  c->pend.len = 0;
  return at_boundary;
}

/* SQL: a COPY block's "\." line ended at off. Its last lines go to the
 * head and the tracker (the lines between them carry no state). */
static int block_done(struct_cuts *c, uint64_t off) {
  uint64_t from = context_start(c, off - 1, c->floor);
  if (off - from > SQL_BLOCK_TAIL + RECORD_MAX) /* shorter will do */
    from = context_start(c, off - 1, off - 1 - SQL_BLOCK_TAIL);
  c->copy = 0;
  c->pend.len = 0;
  if (put(&c->pend, c->win.data + (from - window_start(c)), (size_t)(off - from)) != 0)
    return -1;
  statements_done(c, off);
  return 0;
}

static int scan_sql(struct_cuts *c, const char *p, size_t n, uint64_t at) {
  size_t from = 0; /* statements not yet in pend start here */
  for (size_t i = 0; i < n && !c->stopped; i++) {
    char ch = p[i];
    if (!c->copy) {
      if (ch == '\n') {
        c->line++;
        int ends = c->last == ';';
        c->last = 0;
        if (!ends)
          continue;
        if (put(&c->pend, p + from, i + 1 - from) != 0)
          return -1;
        from = i + 1;
        if (statements_done(c, at + i + 1)) {
          c->copy = 1;
          c->end_line = 0;
          c->floor = c->rec_start = at + i + 1;
          if (add_cut(c, at + i + 1) != 0)
            return -1;
        }
      } else if (ch != ' ' && ch != '\t' && ch != '\r') {
        c->last = ch;
      }
      continue;
    }
    if (ch == '\n') {
      c->line++;
      int end = c->end_line == 2;
      c->end_line = 0;
      if (end ? block_done(c, at + i + 1) != 0 : add_cut(c, at + i + 1) != 0)
        return -1;
      from = i + 1;
    } else if (c->end_line == 0) {
      c->end_line = ch == '\\' ? 1 : 3;
    } else if (c->end_line == 1) {
      c->end_line = ch == '.' ? 2 : 3;
    } else if (c->end_line == 2 && ch != '\r') {
      c->end_line = 3;
    }
    if (c->end_line == 3) { /* a line of data: on to its end */
      const char *nl = memchr(p + i + 1, '\n', n - i - 1);
      i = nl ? (size_t)(nl - p) - 1 : n - 1;
    }
  }
  if (!c->copy && !c->stopped && put(&c->pend, p + from, n - from) != 0)
    return -1;
  if (c->pend.len > SQL_HEAD_MAX)
    c->stopped = 1;
  return 0;
}

static int scan_piece(struct_cuts *c, const char *p, size_t n, uint64_t at) {
  /* The window first: a block's end reads its last lines from it. */
  if (c->win.len + n > 2 * WINDOW) {
    memmove(c->win.data, c->win.data + c->win.len - WINDOW, WINDOW);
    c->win.len = WINDOW;
  }
  if (put(&c->win, p, n) != 0)
    return -1;
  c->scanned += n;
  if (c->in_head) {
    if (c->head.len > RECORD_MAX) {
      c->stopped = 1;
      return 0;
    }
    if (put(&c->head, p, n) != 0)
      return -1;
  }
  switch (c->f) {
  case DKCPR_DATA_CSV:
  case DKCPR_DATA_TSV: return scan_csv(c, p, n, at);
  case DKCPR_DATA_JSONL: return scan_jsonl(c, p, n, at);
  case DKCPR_DATA_JSON: return scan_json(c, p, n, at);
  default: return scan_sql(c, p, n, at);
  }
}

int struct_cuts_scan(struct_cuts *c, const char *p, size_t n, uint64_t at) {
  if (at + n <= c->scanned)
    return 0;
  size_t skip = (size_t)(c->scanned - at);
  p += skip;
  n -= skip;
  at = c->scanned;
  while (n > 0) {
    size_t take = n < WINDOW ? n : WINDOW;
    if (c->stopped) {
      c->scanned += n;
      return 0;
    }
    if (scan_piece(c, p, take, at) != 0)
      return -1;
    p += take;
    at += take;
    n -= take;
  }
  return 0;
}

int struct_cuts_last(const struct_cuts *c, uint64_t after, uint64_t upto, struct_cut *out) {
  for (size_t i = c->n; i > c->first; i--) {
    if (c->cuts[i - 1].offset <= after)
      return 0;
    if (c->cuts[i - 1].offset <= upto) {
      *out = c->cuts[i - 1];
      return 1;
    }
  }
  return 0;
}

int struct_cuts_first(const struct_cuts *c, uint64_t after, uint64_t upto, struct_cut *out) {
  size_t lo = c->first, hi = c->n;
  while (lo < hi) { /* the first cut after `after` */
    size_t mid = lo + (hi - lo) / 2;
    if (c->cuts[mid].offset <= after)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == c->n || c->cuts[lo].offset > upto)
    return 0;
  *out = c->cuts[lo];
  return 1;
}

size_t struct_cuts_before(struct_cuts *c, const struct_cut *cut, char **out, size_t *cap) {
  uint64_t from = context_start(c, cut->offset, cut->floor);
  size_t len = (size_t)(cut->offset - from);
  if (from > cut->floor && len < CUTS_BEFORE)
    return CUTS_GONE; /* the records before it are no longer in the window */
  if (len > *cap) {
    char *d = realloc(*out, len);
    if (!d)
      return (size_t)-1;
    *out = d;
    *cap = len;
  }
  if (len)
    memcpy(*out, c->win.data + (from - window_start(c)), len);
  return len;
}
