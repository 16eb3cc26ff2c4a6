/* SPDX-License-Identifier: Apache-2.0 */
/* Washing a structured input on several threads (see wash_struct_par.h).
 * The main thread reads, finds the cuts and washes the first part; the
 * parts after it are washed by a pool of threads as the main thread reads
 * and cuts them, and written in order. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "struct_cuts.h"
#include "struct_totals.h"
#include "wash_struct.h"
#include "wash_struct_par.h"

/* A part's bytes are read to at least this much, then cut at the last
 * place they can be; DKCPR_TEST_SEGMENT_BYTES sets it (tests cut small
 * inputs into many parts). */
#define PART_BYTES ((size_t)CLI_CHUNK)
/* Bytes read past a part's start without a cut: then the rest is one part. */
#define PART_MAX (4 * (size_t)CLI_CHUNK)
/* The finder reads the first part's end in steps this long, so the context
 * of the first cut is still in its window. */
#define STEP (64u * 1024u)

int struct_parallel_format(dkcpr_data_format f) {
  return f == DKCPR_DATA_CSV || f == DKCPR_DATA_TSV || f == DKCPR_DATA_JSON ||
         f == DKCPR_DATA_JSONL || f == DKCPR_DATA_SQL;
}

static size_t part_bytes(void) {
  const char *s = getenv("DKCPR_TEST_SEGMENT_BYTES");
  long v = s ? strtol(s, NULL, 10) : 0;
  return v >= 256 && (size_t)v < PART_BYTES ? (size_t)v : PART_BYTES;
}

typedef struct grow_buf {
  char *data;
  size_t len, cap;
} grow_buf;

static int reserve(grow_buf *b, size_t need) {
  if (need <= b->cap)
    return 0;
  size_t cap = b->cap ? b->cap : 4096;
  while (cap < need)
    cap *= 2;
  char *d = realloc(b->data, cap);
  if (!d)
    return -1;
  b->data = d;
  b->cap = cap;
  return 0;
}

/* Read up to want more bytes onto b; 1 at the end of the input, -1 on an error. */
static int read_more(cli_input *src, grow_buf *b, size_t want) {
  if (reserve(b, b->len + want) != 0)
    return -1;
  long n = cli_input_read(src, b->data + b->len, want);
  if (n < 0)
    return -1;
  b->len += (size_t)n;
  return (size_t)n < want;
}

/* The end of a part: the input's end when last, else a cut. A SQL part
 * ends inside COPY data, a JSON part inside its array, where the end of
 * the input is an error: the block's end line or the array's "]" is washed
 * after it (it ends no number: a line feed or a "}" comes first) and taken
 * off the output again. */
static dkcpr_status part_end(dkcpr_struct_washer *w, struct_buf *out, dkcpr_data_format f,
                             int last, uint64_t *extra) {
  const char *end = f == DKCPR_DATA_SQL ? "\\.\n" : "]";
  size_t n = strlen(end), len = out->len;
  if (last || (f != DKCPR_DATA_SQL && f != DKCPR_DATA_JSON))
    return struct_buf_feed(w, out, "", 0, 1);
  dkcpr_status st = struct_buf_feed(w, out, end, n, 1);
  if (st != DKCPR_OK)
    return st;
  if (out->len < len + n || memcmp(out->data + out->len - n, end, n) != 0)
    return DKCPR_E_STATE;
  out->len -= n;
  *extra = n; /* in and out, not the input's: the counts leave them out */
  return DKCPR_OK;
}

/* One part: records from a cut on, washed by a washer of its own. */
typedef struct part {
  const wash_stream *x;
  const dkcpr_struct_options *so;
  grow_buf head;      /* the first cut.head_len bytes of the finder's head */
  struct_cut cut;
  int last;          /* it ends at the input's end */
  uint64_t extra;    /* bytes washed after it (part_end) */
  grow_buf in, before;
  struct_buf out;
  dkcpr_status st;
  dkcpr_struct_error err;
  char message[160]; /* err's, copied: the washer may hold it */
  dkcpr_wash_stats stats;
  dkcpr_struct_counts counts;
  unsigned char *matched; /* the rules its washer found a field for */
  int washed;             /* by a pool's thread: read under its lock */
} part;

/* A washer taking up the stream at the part's cut. */
static dkcpr_status part_washer(dkcpr_struct_washer **w, const part *s) {
  int at_boundary = 0;
  dkcpr_status st = dkcpr_struct_washer_new(w, s->x->p, s->x->so, s->x->wo, s->so);
  if (st == DKCPR_OK)
    st = dkcpr_struct_washer_prime(&at_boundary, *w, s->head.data, s->cut.head_len,
                                   s->cut.offset, s->cut.line);
  if (st == DKCPR_OK && s->before.len)
    st = dkcpr_struct_washer_prime(&at_boundary, *w, s->before.data, s->before.len,
                                   s->cut.offset, s->cut.line);
  /* The finder and the parser disagree: only after an error before. */
  return st == DKCPR_OK && !at_boundary ? DKCPR_E_STATE : st;
}

static void part_done(part *s, dkcpr_struct_washer *w) {
  if (s->st == DKCPR_E_SYNTAX) {
    s->err.version = DKCPR_STRUCT_ERROR_VERSION;
    if (dkcpr_struct_washer_error(&s->err, w) != DKCPR_OK || s->err.message == NULL) {
      s->err.message = NULL;
    } else {
      /* The washer counts columns from its part's start (a JSON cut may
       * be inside a line). */
      if (s->err.line == s->cut.line)
        s->err.column += s->cut.column - 1;
      snprintf(s->message, sizeof s->message, "%s", s->err.message);
      s->err.message = s->message;
    }
  }
  if (s->st == DKCPR_OK) {
    s->st = struct_totals_read(&s->stats, &s->counts, w, s->extra);
    size_t n = dkcpr_rules_count(s->so->rules);
    unsigned char *m = n ? realloc(s->matched, n) : NULL;
    if (n && m == NULL) {
      s->st = DKCPR_E_NOMEM;
    } else {
      s->matched = m;
      for (size_t i = 0; i < n; i++)
        m[i] = (unsigned char)dkcpr_struct_washer_rule_matched(w, i);
    }
  }
  dkcpr_struct_washer_free(w);
}

static void *wash_part(void *arg) {
  part *s = arg;
  dkcpr_struct_washer *w = NULL;
  s->out.len = 0;
  s->st = part_washer(&w, s);
  if (s->st == DKCPR_OK)
    s->st = struct_buf_feed(w, &s->out, s->in.data, s->in.len, 0);
  if (s->st == DKCPR_OK)
    s->st = part_end(w, &s->out, s->so->format, s->last, &s->extra);
  part_done(s, w);
  return NULL;
}

/* What a part's washer ended with: its output written and its totals
 * added, or the message. Returns 0 or an exit code. */
static int part_result(wash_stream *x, part *s, dkcpr_wash_stats *stats,
                       dkcpr_struct_counts *counts, unsigned char *matched) {
  if (s->st == DKCPR_E_SYNTAX) {
    struct_syntax_message(x, &s->err, s->so->format, 0);
    return CLI_EXIT_INPUT;
  }
  if (s->st != DKCPR_OK) {
    cli_error(x->cmd, "washing '%s': %s", x->name, dkcpr_strerror(s->st));
    return cli_exit_for_status(s->st);
  }
  wash_add_stats(stats, &s->stats);
  struct_counts_add(counts, &s->counts);
  for (size_t i = 0; matched && s->matched && i < dkcpr_rules_count(s->so->rules); i++)
    matched[i] |= s->matched[i];
  return x->sink->push(x->sink, s->out.data, s->out.len);
}

/* The part s and everything after it, with one washer, in the main thread. */
static int wash_rest(wash_stream *x, cli_input *src, part *s, int eof, dkcpr_wash_stats *stats,
                     dkcpr_struct_counts *counts, unsigned char *matched) {
  dkcpr_struct_washer *w = NULL;
  s->out.len = 0;
  s->st = part_washer(&w, s);
  while (s->st == DKCPR_OK) {
    s->st = struct_buf_feed(w, &s->out, s->in.data, s->in.len, eof);
    if (s->st != DKCPR_OK || eof)
      break;
    int rc = x->sink->push(x->sink, s->out.data, s->out.len);
    if (rc != 0) {
      dkcpr_struct_washer_free(w);
      return rc;
    }
    s->out.len = 0;
    s->in.len = 0;
    if ((eof = read_more(src, &s->in, CLI_CHUNK)) < 0) {
      dkcpr_struct_washer_free(w);
      return CLI_EXIT_INPUT;
    }
  }
  part_done(s, w);
  return part_result(x, s, stats, counts, matched);
}

/* What the filling of parts ended with. */
enum { FILLED, LAST, REST };

/* Fill s with the bytes from *next on (the carry first, then read): to
 * the last cut past PART_BYTES, or the end. *next, the carry and its
 * context are then the next part's. Returns 0, -1 when out of memory, -2
 * when the input cannot be read (said). */
static int fill(part *s, cli_input *src, struct_cuts *cuts, struct_cut *next, grow_buf *carry,
                grow_buf *next_before, int *eof, size_t want, int *kind) {
  size_t step = want;
  s->cut = *next;
  s->last = 0;
  s->extra = 0;
  s->in.len = 0;
  s->before.len = 0;
  if (reserve(&s->in, carry->len) != 0 || reserve(&s->before, next_before->len) != 0)
    return -1;
  memcpy(s->in.data, carry->data, carry->len);
  s->in.len = carry->len;
  memcpy(s->before.data, next_before->data, next_before->len);
  s->before.len = next_before->len;
  carry->len = 0;
  for (;;) {
    if (!*eof && s->in.len < want) {
      int r = read_more(src, &s->in, want - s->in.len);
      if (r < 0)
        return -2;
      *eof = r;
    }
    /* No further than want: the context of the cut is then still kept. */
    size_t upto = s->in.len < want ? s->in.len : want;
    if (struct_cuts_scan(cuts, s->in.data, upto, next->offset) != 0)
      return -1;
    struct_cut c;
    if (struct_cuts_stopped(cuts)) {
      *kind = REST;
      return 0;
    }
    if (*eof && upto == s->in.len) {
      s->last = 1;
      *kind = LAST;
      return 0;
    }
    if (struct_cuts_last(cuts, next->offset, next->offset + upto, &c)) {
      size_t len = (size_t)(c.offset - next->offset);
      size_t got = struct_cuts_before(cuts, &c, &next_before->data, &next_before->cap);
      if (got == CUTS_GONE) {
        *kind = REST;
        return 0;
      }
      if (got == (size_t)-1 || reserve(carry, s->in.len - len) != 0)
        return -1;
      next_before->len = got;
      memcpy(carry->data, s->in.data + len, s->in.len - len);
      carry->len = s->in.len - len;
      s->in.len = len;
      *next = c;
      *kind = FILLED;
      return 0;
    }
    if (upto == s->in.len && s->in.len >= PART_MAX) {
      *kind = REST;
      return 0;
    }
    want += step;
  }
}

/* w0 washes on to the first cut at or after its end (fed), or to the
 * end. Returns 0 with *found, the cut and its context, the bytes after it
 * in carry; *st is w0's status. */
static int first_part(wash_stream *x, cli_input *src, dkcpr_struct_washer *w0, struct_buf *out,
                      struct_cuts *cuts, uint64_t fed, grow_buf *carry, struct_cut *cut,
                      grow_buf *before, dkcpr_data_format f, uint64_t *extra, int *found,
                      int *eof, dkcpr_status *st) {
  uint64_t after = fed - 1;
  *found = 0;
  *st = DKCPR_OK;
  while (!*found && !*eof) {
    int rc = x->sink->push(x->sink, out->data, out->len);
    if (rc != 0)
      return rc;
    out->len = 0;
    carry->len = 0;
    int r = read_more(src, carry, CLI_CHUNK);
    if (r < 0)
      return CLI_EXIT_INPUT;
    *eof = r;
    size_t upto = carry->len;
    for (size_t k = 0; k < carry->len && !*found; k += STEP) {
      size_t take = carry->len - k < STEP ? carry->len - k : STEP;
      if (struct_cuts_scan(cuts, carry->data + k, take, fed + k) != 0)
        return CLI_EXIT_INTERNAL;
      while (!*found && struct_cuts_first(cuts, after, fed + k + take, cut)) {
        size_t got = struct_cuts_before(cuts, cut, &before->data, &before->cap);
        if (got == (size_t)-1)
          return CLI_EXIT_INTERNAL;
        after = cut->offset; /* CUTS_GONE: the next one */
        if (got != CUTS_GONE) {
          before->len = got;
          *found = 1;
          upto = (size_t)(cut->offset - fed);
        }
      }
    }
    *st = struct_buf_feed(w0, out, carry->data, upto, *eof && !*found);
    if (*st == DKCPR_OK && *found)
      *st = part_end(w0, out, f, 0, extra);
    if (*st != DKCPR_OK)
      return 0;
    memmove(carry->data, carry->data + upto, carry->len - upto);
    carry->len -= upto;
    fed += upto;
  }
  return 0;
}

/* The threads that wash parts, taken in the order they are given. */
typedef struct pool {
  pthread_mutex_t mu;
  pthread_cond_t work, done;
  part **queue; /* a ring of cap */
  size_t head, len, cap;
  int stop;
  pthread_t threads[64];
  int started;
} pool;

static void *pool_thread(void *arg) {
  pool *p = arg;
  for (;;) {
    pthread_mutex_lock(&p->mu);
    while (p->len == 0 && !p->stop)
      pthread_cond_wait(&p->work, &p->mu);
    if (p->len == 0) {
      pthread_mutex_unlock(&p->mu);
      return NULL;
    }
    part *s = p->queue[p->head];
    p->head = (p->head + 1) % p->cap;
    p->len--;
    pthread_mutex_unlock(&p->mu);
    wash_part(s);
    pthread_mutex_lock(&p->mu);
    s->washed = 1;
    pthread_cond_broadcast(&p->done);
    pthread_mutex_unlock(&p->mu);
  }
}

/* Up to threads threads for parts in a ring of cap; with none started,
 * pool_give washes in the caller's thread. Returns -1 when out of memory. */
static int pool_start(pool *p, int threads, size_t cap) {
  memset(p, 0, sizeof *p);
  p->cap = cap;
  p->queue = calloc(cap, sizeof(part *));
  if (p->queue == NULL)
    return -1;
  pthread_mutex_init(&p->mu, NULL);
  pthread_cond_init(&p->work, NULL);
  pthread_cond_init(&p->done, NULL);
  while (p->started < threads && p->started < 64 &&
         pthread_create(&p->threads[p->started], NULL, pool_thread, p) == 0)
    p->started++;
  return 0;
}

static void pool_give(pool *p, part *s) {
  s->washed = 0;
  if (p->started == 0) {
    wash_part(s);
    s->washed = 1;
    return;
  }
  pthread_mutex_lock(&p->mu);
  p->queue[(p->head + p->len) % p->cap] = s;
  p->len++;
  pthread_cond_signal(&p->work);
  pthread_mutex_unlock(&p->mu);
}

static void pool_wait(pool *p, part *s) {
  if (p->started == 0)
    return;
  pthread_mutex_lock(&p->mu);
  while (!s->washed)
    pthread_cond_wait(&p->done, &p->mu);
  pthread_mutex_unlock(&p->mu);
}

static void pool_stop(pool *p) {
  if (p->queue == NULL)
    return;
  pthread_mutex_lock(&p->mu);
  p->stop = 1;
  pthread_cond_broadcast(&p->work);
  pthread_mutex_unlock(&p->mu);
  for (int i = 0; i < p->started; i++)
    pthread_join(p->threads[i], NULL);
  pthread_cond_destroy(&p->done);
  pthread_cond_destroy(&p->work);
  pthread_mutex_destroy(&p->mu);
  free(p->queue);
}

/* The parts from the cut *next on, in a ring of jobs + 1: the main thread
 * reads and cuts the next part while jobs threads wash the ones before
 * it, and writes each in order as it is washed. A rest the cuts could not
 * cut goes on one washer in the main thread, after the parts before it. */
static int wash_parts(wash_stream *x, cli_input *src, struct_cuts *cuts, part *parts,
                      size_t jobs, struct_cut *next, grow_buf *carry, grow_buf *next_before,
                      int *eof, size_t want, dkcpr_wash_stats *stats, dkcpr_struct_counts *counts,
                      unsigned char *matched) {
  size_t slots = jobs + 1, oldest = 0, washing = 0;
  int rc = 0, filling = 1, kind = FILLED;
  part *rest = NULL;
  pool p;
  if (pool_start(&p, (int)jobs, slots) != 0) {
    cli_error(x->cmd, "out of memory");
    return CLI_EXIT_INTERNAL;
  }
  while (rc == 0 && (filling || washing > 0)) {
    if (filling && washing < slots) {
      part *s = &parts[(oldest + washing) % slots];
      int r = fill(s, src, cuts, next, carry, next_before, eof, want, &kind);
      if (r == 0 && reserve(&s->head, s->cut.head_len) != 0)
        r = -1;
      if (r != 0) {
        if (r == -1)
          cli_error(x->cmd, "out of memory");
        rc = r == -1 ? CLI_EXIT_INTERNAL : CLI_EXIT_INPUT;
        break;
      }
      /* The head may grow (and move) while later parts are filled: a copy. */
      if (s->cut.head_len)
        memcpy(s->head.data, struct_cuts_head(cuts), s->cut.head_len);
      filling = kind == FILLED;
      if (kind == REST) {
        rest = s; /* no part is filled after it: its slot stays its own */
        continue;
      }
      pool_give(&p, s);
      washing++;
      continue;
    }
    pool_wait(&p, &parts[oldest]);
    rc = part_result(x, &parts[oldest], stats, counts, matched);
    oldest = (oldest + 1) % slots;
    washing--;
  }
  /* After an error, parts still being washed end before their memory goes. */
  for (; washing > 0; washing--, oldest = (oldest + 1) % slots)
    pool_wait(&p, &parts[oldest]);
  pool_stop(&p);
  if (rc == 0 && rest != NULL)
    rc = wash_rest(x, src, rest, *eof, stats, counts, matched);
  return rc;
}

int wash_struct_parallel(wash_stream *x, cli_input *src, dkcpr_struct_washer *w0,
                         const dkcpr_struct_options *so, const char *first, size_t fed,
                         struct_buf *out, dkcpr_wash_stats *stats, dkcpr_struct_counts *counts,
                         unsigned char *matched) {
  int jobs = x->jobs, rc = 0, eof = 0, found = 0;
  uint64_t extra = 0;
  size_t want = part_bytes();
  dkcpr_struct_washer *tracker = NULL;
  struct_cuts *cuts = NULL;
  grow_buf carry = {NULL, 0, 0}, next_before = {NULL, 0, 0};
  struct_cut next;
  part *parts = calloc((size_t)jobs + 1, sizeof *parts);
  /* The rules this input's washers found a field for: w0's and the parts'. */
  size_t n_rules = dkcpr_rules_count(so->rules);
  unsigned char *seen = n_rules ? calloc(n_rules, 1) : NULL;
  dkcpr_status st = DKCPR_OK;
  memset(&next, 0, sizeof next);
  if (so->format == DKCPR_DATA_SQL)
    st = dkcpr_struct_washer_new(&tracker, x->p, x->so, x->wo, so);
  if (st == DKCPR_OK && (!parts || (n_rules && !seen) ||
                         struct_cuts_new(&cuts, so->format, tracker) != 0 ||
                         struct_cuts_scan(cuts, first, fed, 0) != 0))
    st = DKCPR_E_NOMEM;
  if (st == DKCPR_OK)
    rc = first_part(x, src, w0, out, cuts, fed, &carry, &next, &next_before, so->format, &extra,
                    &found, &eof, &st);
  if (rc == CLI_EXIT_INTERNAL)
    cli_error(x->cmd, "out of memory");
  if (st == DKCPR_E_SYNTAX) {
    dkcpr_struct_error e = {DKCPR_STRUCT_ERROR_VERSION, 0, 0, 0, NULL};
    dkcpr_struct_washer_error(&e, w0);
    struct_syntax_message(x, &e, so->format, 0);
    rc = CLI_EXIT_INPUT;
  } else if (st != DKCPR_OK) {
    cli_error(x->cmd, "washing '%s': %s", x->name, dkcpr_strerror(st));
    rc = cli_exit_for_status(st);
  }
  if (rc == 0 && (rc = x->sink->push(x->sink, out->data, out->len)) == 0) {
    dkcpr_wash_stats s;
    dkcpr_struct_counts c;
    struct_totals_read(&s, &c, w0, extra);
    wash_add_stats(stats, &s);
    struct_counts_add(counts, &c);
  }
  for (int i = 0; i <= jobs && parts; i++) {
    parts[i].x = x;
    parts[i].so = so;
  }
  rc = rc == 0 && found ? wash_parts(x, src, cuts, parts, (size_t)jobs, &next, &carry,
                                       &next_before, &eof, want, stats, counts, seen)
                        : rc;
  /* rule_unmatched: the rules none of them found a field for, as one
   * washer over the input counts them. */
  for (size_t i = 0; seen && i < n_rules; i++) {
    if (matched)
      matched[i] |= seen[i];
    seen[i] |= (unsigned char)dkcpr_struct_washer_rule_matched(w0, i);
    counts->rule_unmatched += !seen[i];
  }
  free(seen);
  for (int i = 0; parts && i <= jobs; i++) {
    free(parts[i].head.data);
    free(parts[i].in.data);
    free(parts[i].before.data);
    free(parts[i].out.data);
    free(parts[i].matched);
  }
  free(parts);
  free(carry.data);
  free(next_before.data);
  struct_cuts_free(cuts);
  return rc;
}
