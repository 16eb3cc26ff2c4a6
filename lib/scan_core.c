/* Streaming candidate finder: digit runs and the glue between them (see scan_core.h). */
#include <string.h>

#include "internal.h"
#include "scan_chars.h"
#include "scan_core.h"

void dkcpr__core_init(dkcpr__scan_core *c, int nine_digits) {
  memset(c, 0, sizeof *c);
  c->nine = nine_digits;
  c->skip = dkcpr__skip_select();
  c->dense = dkcpr__dense_select();
  c->glue_len = 3; /* no run before the stream start */
}

static int lead_ok(const dkcpr__run *r) {
  int grouped = r->lead_glue_len == 1 &&
                (r->lead_cls[0] == CL_HYPHEN || r->lead_cls[0] == CL_GROUP);
  return !grouped && !r->lead_plus;
}

/* A run just ended at a character of class c1: complete the shape it ends. */
static void end_run(dkcpr__scan_core *c, uint8_t c1, dkcpr__cand_fn fn,
                    void *ctx) {
  const dkcpr__run *r = &c->cur, *p = &c->prev;
  dkcpr__cand k;
  int found = 0;
  if (r->len == 10 && lead_ok(r)) {
    k.shape = DKCPR__SHAPE_COMPACT;
    k.start = r->start;
    memcpy(k.canon, r->dig, 10);
    found = 1;
  } else if (r->len == 9 && c->nine && r->ascii && lead_ok(r)) {
    k.shape = DKCPR__SHAPE_NINE;
    k.start = r->start;
    k.canon[0] = '0';
    memcpy(k.canon + 1, r->dig, 9);
    found = 1;
  } else if (r->len == 4 && c->prev_valid && p->len == 6 &&
             r->lead_glue_len == 1 &&
             (r->lead_cls[0] == CL_SEP || r->lead_cls[0] == CL_HYPHEN) &&
             lead_ok(p)) {
    k.shape = DKCPR__SHAPE_SEPARATED;
    k.start = p->start;
    memcpy(k.canon, p->dig, 6);
    memcpy(k.canon + 6, r->dig, 4);
    found = 1;
  } else if (r->len == 1 && c->prev_valid && p->len == 7 &&
             r->lead_glue_len == 2 && r->lead_cls[0] == CL_UPPER &&
             r->lead_cls[1] == CL_UPPER && lead_ok(p) && c1 != CL_UPPER &&
             c1 != CL_LOWER) {
    k.shape = DKCPR__SHAPE_ECPR;
    k.start = p->start;
    memcpy(k.canon, p->dig, 7);
    k.canon[7] = r->lead_chr[0];
    k.canon[8] = r->lead_chr[1];
    k.canon[9] = r->dig[0];
    found = 1;
  }
  if (!found) return;
  k.end = r->end;
  if (c1 == CL_HYPHEN || c1 == CL_GROUP) {
    c->pending = 1; /* decided by the next character: a digit means grouped */
    c->pend = k;
  } else {
    fn(ctx, &k);
  }
}

/* A digit run begins at b0: remember what came just before it. */
static inline void start_run(dkcpr__scan_core *c, uint64_t b0) {
  dkcpr__run *r = &c->cur;
  c->in_run = 1;
  r->start = b0;
  r->len = 0;
  r->ascii = 1;
  r->lead_glue_len = c->glue_len;
  r->lead_cls[0] = c->glue_cls[0];
  r->lead_cls[1] = c->glue_cls[1];
  r->lead_chr[0] = c->glue_chr[0];
  r->lead_chr[1] = c->glue_chr[1];
  r->lead_plus = c->last_cls == CL_PLUS;
}

/* One character of class cls (digit value val) at stream bytes [b0, b1). */
static inline void step(dkcpr__scan_core *c, uint8_t cls, int val,
                        unsigned char chr, uint64_t b0, uint64_t b1,
                        dkcpr__cand_fn fn, void *ctx) {
  if (cls == CL_DIGIT) {
    dkcpr__run *r = &c->cur;
    c->pending = 0;
    if (!c->in_run) start_run(c, b0);
    if (r->len < 10) r->dig[r->len] = (char)('0' + val);
    if (r->len < 11) r->len++;
    if (b1 - b0 > 1) r->ascii = 0;
    r->end = b1;
  } else {
    if (c->in_run) {
      c->in_run = 0;
      end_run(c, cls, fn, ctx);
      c->prev = c->cur;
      c->prev_valid = 1;
      c->glue_len = 0;
    } else if (c->pending) {
      c->pending = 0;
      fn(ctx, &c->pend);
    }
    if (c->glue_len < 2) {
      c->glue_cls[c->glue_len] = cls;
      c->glue_chr[c->glue_len] = (char)chr;
    }
    if (c->glue_len < 3) c->glue_len++;
  }
  c->last_cls = cls;
}

/* Whether the next bytes up to a digit can be skipped unclassified: no run
 * or candidate is open and the glue after the last run is only still of
 * interest for its length (a skip of one byte or more makes it long).
 * Only two capital letters after a run of 7 (e-CPR) need every character. */
static inline int idle(const dkcpr__scan_core *c) {
  if (c->in_run || c->pending || c->glue_len == 0) return 0;
  if (c->prev_valid && c->prev.len == 7 && c->glue_len <= 2 &&
      c->glue_cls[0] == CL_UPPER &&
      (c->glue_len == 1 || c->glue_cls[1] == CL_UPPER))
    return 0;
  return 1;
}

/* idle(), and no run of 6 waits for its 4 after a separator (idle() rules
 * out a run of 7 waiting for e-CPR letters): only a run of exactly 6, 7, 9
 * or 10 digits can begin the next candidate. */
static inline int quiet(const dkcpr__scan_core *c) {
  return idle(c) &&
         !(c->prev_valid && c->prev.len == 6 && c->glue_len == 1 &&
           (c->glue_cls[0] == CL_SEP || c->glue_cls[0] == CL_HYPHEN));
}

/* n ASCII digits at stream offset b0: step() for each, in bulk. */
static void ascii_digits(dkcpr__scan_core *c, const unsigned char *p,
                         size_t n, uint64_t b0) {
  dkcpr__run *r = &c->cur;
  size_t room;
  c->pending = 0; /* a digit right after a grouping mark */
  if (!c->in_run) start_run(c, b0);
  room = r->len < 10 ? 10u - r->len : 0;
  if (room) memcpy(r->dig + r->len, p, n < room ? n : room);
  r->len = (uint8_t)(r->len + n > 11 ? 11 : r->len + n);
  r->end = b0 + n;
  c->last_cls = CL_DIGIT;
}

/* Classify the character at p (avail bytes, stream offset at); returns its
 * length, or 0 when more bytes are needed. */
static size_t classify_at(dkcpr__scan_core *c, const unsigned char *p,
                          size_t avail, uint64_t at, dkcpr__cand_fn fn,
                          void *ctx) {
  int32_t cp;
  int val = 0;
  uint8_t cls;
  size_t n;
  if (p[0] < 0x80) {
    step(c, ascii_class(p[0]), p[0] - '0', p[0], at, at + 1, fn, ctx);
    return 1;
  }
  n = decode(p, avail, &cp);
  if (n == 0) return 0;
  cls = cp < 0 ? CL_OTHER : unicode_class(cp, &val);
  step(c, cls, val, 0, at, at + n, fn, ctx);
  return n;
}

/* Skip bytes that cannot start a digit; returns the new index. */
static size_t skip_plain(dkcpr__scan_core *c, const unsigned char *p, size_t i,
                         size_t len) {
  size_t j = c->skip(p, i, len);
  if (j > i) {
    c->last_cls = p[j - 1] == '+' ? CL_PLUS : CL_OTHER;
    c->glue_len = 3; /* one character or more: the glue is long */
  }
  return j;
}

/* Skip digit runs that cannot begin a candidate (see quiet()). Nothing in
 * [i, q) can, so the state restarts there and the two bytes before q are
 * replayed: they are all a run at q depends on ('+', or a grouping mark
 * right after a digit). Returns the index to continue at. */
static size_t skip_dense(dkcpr__scan_core *c, const unsigned char *p, size_t i,
                         size_t len) {
  size_t q = c->dense(p, i, len);
  while (q > i && (unsigned char)(p[q - 1] - '0') < 10) q--; /* a run's start */
  if (q < i + 3) return i; /* too close to be worth a restart */
  c->prev_valid = 0;
  c->glue_len = 3;
  c->last_cls = CL_OTHER;
  return q - 2;
}

void dkcpr__core_feed(dkcpr__scan_core *c, const char *chunk, size_t len,
                      dkcpr__cand_fn fn, void *ctx) {
  const unsigned char *p = (const unsigned char *)chunk;
  size_t i;
  c->chunk = p;
  c->chunk_len = len;
  c->base = c->total;
  c->total += len;
  /* A character begun in an earlier chunk: its first bytes are in hist. */
  while (c->pos < c->base) {
    unsigned char tmp[8];
    size_t have = dkcpr__core_copy(c, c->pos, c->base, tmp);
    size_t more = len < 4 ? len : 4, n;
    memcpy(tmp + have, p, more);
    n = classify_at(c, tmp, have + more, c->pos, fn, ctx);
    if (n == 0) return; /* still incomplete: wait for more */
    c->pos += n;
  }
  i = (size_t)(c->pos - c->base);
  while (i < len) {
    if (idle(c)) {
      /* Prose: the plain skip is fastest. Where it stops at a digit, the
       * dense skip passes over the digit runs that cannot matter. */
      i = skip_plain(c, p, i, len);
      if (i < len && quiet(c) && len - i >= 64 &&
          (unsigned char)(p[i] - '0') < 10)
        i = skip_plain(c, p, skip_dense(c, p, i, len), len);
      if (i >= len) break;
    }
    if ((unsigned char)(p[i] - '0') < 10) {
      size_t j = i + 1;
      while (j < len && (unsigned char)(p[j] - '0') < 10) j++;
      ascii_digits(c, p + i, j - i, c->base + i);
      i = j;
    } else if (p[i] < 0x80) {
      step(c, ascii_class(p[i]), p[i] - '0', p[i], c->base + i,
           c->base + i + 1, fn, ctx);
      i++;
    } else {
      size_t n = classify_at(c, p + i, len - i, c->base + i, fn, ctx);
      if (n == 0) break;
      i += n;
    }
  }
  c->pos = c->base + i;
}

void dkcpr__core_commit(dkcpr__scan_core *c) {
  size_t len = c->chunk_len;
  if (len >= DKCPR__SCAN_HIST) {
    memcpy(c->hist, c->chunk + len - DKCPR__SCAN_HIST, DKCPR__SCAN_HIST);
    c->hist_len = DKCPR__SCAN_HIST;
  } else if (len > 0) {
    size_t keep = c->hist_len;
    if (keep + len > DKCPR__SCAN_HIST) keep = DKCPR__SCAN_HIST - len;
    memmove(c->hist, c->hist + c->hist_len - keep, keep);
    memcpy(c->hist + keep, c->chunk, len);
    c->hist_len = keep + len;
  }
  c->base = c->total;
  c->chunk = NULL;
  c->chunk_len = 0;
}

void dkcpr__core_finish(dkcpr__scan_core *c, dkcpr__cand_fn fn, void *ctx) {
  /* Bytes of an incomplete character are invalid, one character each. */
  while (c->pos < c->total) {
    step(c, CL_OTHER, 0, 0, c->pos, c->pos + 1, fn, ctx);
    c->pos++;
  }
  if (c->in_run) {
    c->in_run = 0;
    end_run(c, CL_OTHER, fn, ctx);
  }
  if (c->pending) {
    c->pending = 0;
    fn(ctx, &c->pend);
  }
}

uint64_t dkcpr__core_hold(const dkcpr__scan_core *c) {
  uint64_t h = c->pos;
  if (c->pending && c->pend.start < h) h = c->pend.start;
  if (c->in_run && c->cur.len <= 10 && c->cur.start < h) h = c->cur.start;
  if (c->prev_valid && (c->prev.len == 6 || c->prev.len == 7)) {
    int open = c->in_run ? (c->cur.lead_glue_len <= 2 && c->cur.len <= 4)
                         : c->glue_len <= 2;
    if (open && c->prev.start < h) h = c->prev.start;
  }
  return h;
}

size_t dkcpr__core_copy(const dkcpr__scan_core *c, uint64_t from, uint64_t to,
                        unsigned char *dst) {
  size_t n = 0;
  uint64_t hist_start = c->base - c->hist_len;
  uint64_t chunk_end = c->base + c->chunk_len;
  if (from < hist_start) from = hist_start;
  if (to > chunk_end) to = chunk_end;
  while (from < to && from < c->base) {
    dst[n++] = c->hist[c->hist_len - (size_t)(c->base - from)];
    from++;
  }
  if (from < to) {
    memcpy(dst + n, c->chunk + (from - c->base), (size_t)(to - from));
    n += (size_t)(to - from);
  }
  return n;
}
