/* SPDX-License-Identifier: Apache-2.0 */
/* Streaming one input through washers (see wash_stream.h). */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "wash_buf.h"
#include "wash_stream.h"

void wash_add_stats(dkcpr_wash_stats *sum, const dkcpr_wash_stats *s) {
  sum->bytes_in += s->bytes_in;
  sum->bytes_out += s->bytes_out;
  for (int k = 0; k < DKCPR_KIND_COUNT; k++)
    for (int c = 0; c < DKCPR_CONFIDENCE_COUNT; c++) {
      sum->found[k][c] += s->found[k][c];
      sum->replaced[k][c] += s->replaced[k][c];
    }
  sum->failed += s->failed;
  sum->irreversible += s->irreversible;
}

uint64_t wash_count_found(const dkcpr_wash_stats *s) {
  uint64_t n = 0;
  for (int k = 0; k < DKCPR_KIND_COUNT; k++)
    for (int c = 0; c < DKCPR_CONFIDENCE_COUNT; c++)
      n += s->found[k][c];
  return n;
}

uint64_t wash_count_replaced(const dkcpr_wash_stats *s) {
  uint64_t n = 0;
  for (int k = 0; k < DKCPR_KIND_COUNT; k++)
    for (int c = 0; c < DKCPR_CONFIDENCE_COUNT; c++)
      n += s->replaced[k][c];
  return n;
}

static dkcpr_status new_washer(dkcpr_washer **w, const wash_stream *x) {
  return dkcpr_washer_new(w, x->p, x->so, x->wo);
}

/* Count what a scanner finds in the next chunk (n == 0: the end). */
static dkcpr_status count_all(dkcpr_scanner *s, const char *buf, size_t n,
                              uint64_t *found) {
  dkcpr_status st = n ? dkcpr_scanner_feed(s, buf, n) : dkcpr_scanner_finish(s);
  dkcpr_match m;
  while (st == DKCPR_OK && (st = dkcpr_scanner_next(&m, s)) == DKCPR_OK)
    (*found)++;
  return st == DKCPR_E_RANGE ? DKCPR_OK : st;
}

static int fail(wash_stream *x, dkcpr_status st) {
  cli_error(x->cmd, "washing '%s': %s", x->name, dkcpr_strerror(st));
  return cli_exit_for_status(st);
}

static void progress(wash_stream *x, const dkcpr_wash_stats *current) {
  if (!x->prog->enabled)
    return;
  uint64_t found = wash_count_found(x->sum), bytes = x->sum->bytes_in;
  if (current) {
    found += wash_count_found(current);
    bytes += current->bytes_in;
  }
  cli_progress_update(x->prog, bytes, found);
}

int wash_sequential(wash_stream *x, cli_input *src, const char *prefix,
                    size_t prefix_len, const char *before, size_t before_len) {
  dkcpr_washer *w = NULL;
  dkcpr_scanner *all = NULL;
  char *in = NULL;
  wash_buf out = {NULL, 0, 0};
  dkcpr_status st = new_washer(&w, x);
  int rc = 0;
  if (st == DKCPR_OK && before_len)
    st = dkcpr_washer_prime(w, before, before_len);
  if (st == DKCPR_OK && x->all)
    st = dkcpr_scanner_new(&all, x->all);
  if (st != DKCPR_OK) {
    dkcpr_washer_free(w);
    return fail(x, st);
  }
  in = malloc(CLI_CHUNK);
  if (!in) {
    cli_error(x->cmd, "out of memory");
    rc = CLI_EXIT_INTERNAL;
    goto done;
  }
  dkcpr_wash_stats now;
  now.version = DKCPR_WASH_STATS_VERSION;
  for (int first = 1;; first = 0) {
    const char *chunk = in;
    long n;
    if (first && prefix_len) {
      chunk = prefix;
      n = (long)prefix_len;
    } else if ((n = cli_input_read(src, in, CLI_CHUNK)) < 0) {
      rc = CLI_EXIT_INPUT;
      goto done;
    }
    out.len = 0;
    st = n ? wash_buf_feed(w, &out, chunk, (size_t)n) : wash_buf_finish(w, &out);
    if (st == DKCPR_OK && all)
      st = count_all(all, chunk, (size_t)n, &x->all_found);
    if (st != DKCPR_OK) {
      rc = fail(x, st);
      goto done;
    }
    if ((rc = x->sink->push(x->sink, out.data, out.len)) != 0)
      goto done;
    if (n == 0)
      break;
    if (dkcpr_washer_stats(&now, w) == DKCPR_OK)
      progress(x, &now);
  }
  if (dkcpr_washer_stats(&now, w) == DKCPR_OK) {
    wash_add_stats(x->sum, &now);
    x->irreversible += now.irreversible;
  }
done:
  dkcpr_washer_free(w);
  dkcpr_scanner_free(all);
  free(in);
  free(out.data);
  return rc;
}

/* The text before a segment, for dkcpr_washer_prime: the stream's first
 * line (a CSV header gives context) and the bytes just before. */
#define PRIME DKCPR_WASHER_PRIME_BYTES
typedef struct before_text {
  uint64_t offset; /* stream bytes handed to segments so far */
  char first[PRIME];
  size_t first_len; /* 0 while unknown, or when the first line is longer */
  int first_done;
  char tail[PRIME];
  size_t tail_len;
} before_text;

/* The next len stream bytes go to a segment. */
static void before_advance(before_text *b, const char *data, size_t len) {
  for (size_t i = 0; i < len && !b->first_done; i++) {
    if (b->first_len == sizeof b->first) {
      b->first_len = 0; /* too long to be a header */
      b->first_done = 1;
    } else {
      b->first[b->first_len++] = data[i];
      b->first_done = data[i] == '\n';
    }
  }
  size_t keep = len >= PRIME ? 0 : b->tail_len + len > PRIME ? PRIME - len : b->tail_len;
  memmove(b->tail, b->tail + b->tail_len - keep, keep);
  size_t take = len < PRIME ? len : PRIME;
  memcpy(b->tail + keep, data + len - take, take);
  b->tail_len = keep + take;
  b->offset += len;
}

/* The text before the next segment into out (2 * PRIME bytes). */
static size_t before_make(const before_text *b, char *out) {
  if (b->offset <= PRIME) { /* the tail is all of it */
    memcpy(out, b->tail, b->tail_len);
    return b->tail_len;
  }
  size_t n = b->first_done ? b->first_len : 0;
  memcpy(out, b->first, n);
  memcpy(out + n, b->tail, b->tail_len);
  return n + b->tail_len;
}

/* One segment: whole lines, washed by a washer of its own. */
typedef struct segment {
  wash_stream *x;
  char *in, *out;
  size_t in_len, out_cap, out_len;
  char before[2 * PRIME];
  size_t before_len;
  dkcpr_wash_stats stats;
  uint64_t irreversible, all_found;
  dkcpr_status st;
  int nomem;
  pthread_t thread;
} segment;

static void *wash_segment(void *arg) {
  segment *s = arg;
  dkcpr_washer *w = NULL;
  dkcpr_scanner *all = NULL;
  s->out_len = 0;
  s->all_found = 0;
  s->st = new_washer(&w, s->x);
  if (s->st == DKCPR_OK && s->before_len)
    s->st = dkcpr_washer_prime(w, s->before, s->before_len);
  /* Numbers never span a newline, so counting per segment counts the whole. */
  if (s->st == DKCPR_OK && s->x->all &&
      (s->st = dkcpr_scanner_new(&all, s->x->all)) == DKCPR_OK &&
      (s->st = count_all(all, s->in, s->in_len, &s->all_found)) == DKCPR_OK)
    s->st = count_all(all, NULL, 0, &s->all_found);
  if (s->st == DKCPR_OK) {
    /* Sized by the output written, not by the worst case. */
    wash_buf b = {s->out, 0, s->out_cap};
    s->st = wash_buf_feed(w, &b, s->in, s->in_len);
    if (s->st == DKCPR_OK)
      s->st = wash_buf_finish(w, &b);
    s->out = b.data;
    s->out_cap = b.cap;
    s->nomem = s->st == DKCPR_E_NOMEM;
    if (s->st == DKCPR_OK) {
      s->out_len = b.len;
      s->stats.version = DKCPR_WASH_STATS_VERSION;
      dkcpr_washer_stats(&s->stats, w);
      s->irreversible = s->stats.irreversible;
    }
  }
  dkcpr_washer_free(w);
  dkcpr_scanner_free(all);
  return NULL;
}

/* The cut: just after the last newline, or 0 when there is none. */
static size_t cut_after_newline(const char *buf, size_t len) {
  for (size_t i = len; i > 0; i--)
    if (buf[i - 1] == '\n')
      return i;
  return 0;
}

int wash_parallel(wash_stream *x, cli_input *src, int jobs) {
  return wash_parallel_from(x, src, jobs, NULL, 0);
}

int wash_parallel_from(wash_stream *x, cli_input *src, int jobs,
                       const char *prefix, size_t prefix_len) {
  segment *segs = calloc((size_t)jobs, sizeof *segs);
  char *carry = malloc(CLI_CHUNK);
  before_text *before = calloc(1, sizeof *before);
  size_t carry_len = prefix_len;
  int rc = 0, eof = 0;
  if (carry && prefix_len)
    memcpy(carry, prefix, prefix_len);
  if (!segs || !carry || !before) {
    cli_error(x->cmd, "out of memory");
    rc = CLI_EXIT_INTERNAL;
    goto done;
  }
  for (int i = 0; i < jobs; i++) {
    segs[i].x = x;
    if (!(segs[i].in = malloc(CLI_CHUNK))) {
      cli_error(x->cmd, "out of memory");
      rc = CLI_EXIT_INTERNAL;
      goto done;
    }
  }
  while (!eof) {
    /* Fill the segments in input order, each with whole lines. */
    int used = 0;
    for (; used < jobs && !eof; used++) {
      segment *s = &segs[used];
      memcpy(s->in, carry, carry_len);
      long n = carry_len < CLI_CHUNK
                   ? cli_input_read(src, s->in + carry_len, CLI_CHUNK - carry_len)
                   : 0;
      if (n < 0) {
        rc = CLI_EXIT_INPUT;
        goto done;
      }
      size_t len = carry_len + (size_t)n;
      eof = len < CLI_CHUNK;
      if (len == 0)
        break; /* the end, with nothing left over */
      size_t cut = eof ? len : cut_after_newline(s->in, len);
      if (cut == 0) {
        /* A line longer than a read: wash what is filled, then the rest
         * (this segment's bytes first) with one washer. */
        carry_len = len;
        memcpy(carry, s->in, len);
        break;
      }
      s->in_len = cut;
      s->before_len = before_make(before, s->before);
      before_advance(before, s->in, cut);
      carry_len = len - cut;
      memcpy(carry, s->in + cut, carry_len);
    }
    int long_line = !eof && used < jobs;
    int started = 0;
    for (int i = 1; i < used; i++, started++)
      if (pthread_create(&segs[i].thread, NULL, wash_segment, &segs[i]) != 0)
        break;
    if (used > 0)
      wash_segment(&segs[0]);
    for (int i = 1; i <= started; i++)
      pthread_join(segs[i].thread, NULL);
    for (int i = started + 1; i < used; i++)
      wash_segment(&segs[i]); /* no thread could be started: wash here */
    for (int i = 0; i < used && rc == 0; i++) {
      if (segs[i].st != DKCPR_OK) {
        rc = fail(x, segs[i].st);
        break;
      }
      rc = x->sink->push(x->sink, segs[i].out, segs[i].out_len);
      wash_add_stats(x->sum, &segs[i].stats);
      x->irreversible += segs[i].irreversible;
      x->all_found += segs[i].all_found;
    }
    if (rc)
      goto done;
    progress(x, NULL);
    if (long_line) {
      char *text = malloc(2 * PRIME);
      if (!text) {
        cli_error(x->cmd, "out of memory");
        rc = CLI_EXIT_INTERNAL;
        goto done;
      }
      rc = wash_sequential(x, src, carry, carry_len, text, before_make(before, text));
      free(text);
      goto done;
    }
  }
done:
  for (int i = 0; segs && i < jobs; i++) {
    free(segs[i].in);
    free(segs[i].out);
  }
  free(segs);
  free(carry);
  free(before);
  return rc;
}
