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

/* The text before a segment, for dkcpr_washer_prime, sits just in front of
 * its bytes: the stream's first bytes (a first line short enough to read,
 * a CSV header, is in them), unless the last bytes hold them, then the
 * last bytes before it. The washer reads the first line and the last bytes. */
#define PRIME DKCPR_WASHER_PRIME_BYTES
#define FRONT (2 * PRIME)

/* One segment: whole lines, washed by a washer of its own. */
typedef struct segment {
  wash_stream *x;
  char *buf;         /* FRONT bytes of room, then CLI_CHUNK */
  char *in, *out;    /* in: buf + FRONT */
  size_t in_len, out_cap, out_len;
  size_t before_len; /* the text before in, in front of it */
  size_t last_len;   /* of it, the stream's last bytes */
  uint64_t offset;   /* stream bytes before in */
  dkcpr_wash_stats stats;
  uint64_t irreversible, all_found;
  dkcpr_status st;
  int nomem;
  pthread_t thread;
} segment;

/* Put the text before s in front of its bytes: prev is the segment before
 * it (NULL: none), head the stream's first bytes. */
static void segment_front(segment *s, const segment *prev, const char *head, size_t head_len) {
  size_t last = 0;
  uint64_t offset = 0;
  if (prev) {
    size_t have = prev->last_len + prev->in_len; /* in a row in front of and in prev->in */
    last = have < PRIME ? have : PRIME;
    offset = prev->offset + prev->in_len;
    memmove(s->in - last, prev->in + prev->in_len - last, last);
  }
  s->offset = offset;
  size_t first = offset > last ? head_len : 0;
  memcpy(s->in - last - first, head, first);
  s->last_len = last;
  s->before_len = first + last;
}

static void *wash_segment(void *arg) {
  segment *s = arg;
  dkcpr_washer *w = NULL;
  dkcpr_scanner *all = NULL;
  s->out_len = 0;
  s->all_found = 0;
  s->st = new_washer(&w, s->x);
  if (s->st == DKCPR_OK && s->before_len)
    s->st = dkcpr_washer_prime(w, s->in - s->before_len, s->before_len);
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
  char head[PRIME]; /* the first segment's first bytes */
  size_t carry_len = prefix_len, head_len = 0;
  const segment *prev = NULL;
  int rc = 0, eof = 0;
  if (carry && prefix_len)
    memcpy(carry, prefix, prefix_len);
  if (!segs || !carry) {
    cli_error(x->cmd, "out of memory");
    rc = CLI_EXIT_INTERNAL;
    goto done;
  }
  for (int i = 0; i < jobs; i++) {
    segs[i].x = x;
    if (!(segs[i].buf = malloc(FRONT + CLI_CHUNK))) {
      cli_error(x->cmd, "out of memory");
      rc = CLI_EXIT_INTERNAL;
      goto done;
    }
    segs[i].in = segs[i].buf + FRONT;
  }
  while (!eof) {
    /* Fill the segments in input order, each with whole lines. */
    int used = 0;
    for (; used < jobs && !eof; used++) {
      segment *s = &segs[used];
      segment_front(s, prev, head, head_len);
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
      if (!prev) { /* it ends after a newline: a short first line is in it */
        head_len = cut < PRIME ? cut : PRIME;
        memcpy(head, s->in, head_len);
      }
      prev = s;
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
    if (long_line) { /* segs[used] would have started where carry does */
      const segment *s = &segs[used];
      rc = wash_sequential(x, src, carry, carry_len, s->in - s->before_len, s->before_len);
      goto done;
    }
  }
done:
  for (int i = 0; segs && i < jobs; i++) {
    free(segs[i].buf);
    free(segs[i].out);
  }
  free(segs);
  free(carry);
  return rc;
}
