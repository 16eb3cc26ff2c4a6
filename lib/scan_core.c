/* SPDX-License-Identifier: Apache-2.0 */
/* Streaming candidate finder: digit runs and the glue between them (see scan_core.h). */
#include <string.h>

#include "dkcpr.h"
#include "scan_chars.h"
#include "scan_core.h"
#include "scan_escape.h"

/* Separators and grouped numbers, decided from what real data holds:
 *
 * Between a run of 6 and a run of 4, one to three characters; zero-width
 * and other invisible format characters (Cf) may stand anywhere among them:
 *   '-', a Unicode dash, U+2212 minus, a space (any Zs), only invisible
 *   ones, or " - "                                      a separator point
 *   ('+' counts as a space: form encoding writes " - " as "+-+")
 *   '.', '/', a tab, two spaces                         no point: dates,
 *       case and invoice numbers and columns use them too
 * A tab is no separator when a tab stands just before the 6 or just after
 * the 4 (tab-separated columns), nor two spaces when two spaces stand just
 * before the 6 (fixed-width columns).
 *
 * Grouped numbers: a candidate touching another digit run through one
 * character is part of a longer number, except where data shows otherwise:
 *   before a run of 10 (or 9):
 *     '.' after digits         dropped: a decimal (1.0707614285)
 *     '-' after digits         dropped (bank account 1234-0707614285), but
 *                              kept after another run of 10: a list
 *     '/'                      kept: a path (/2024/08/0707614285.pdf)
 *     ',' after the digit 0    dropped: a Danish decimal (0,1402234888);
 *                              after anything else kept: CSV
 *     '+'                      dropped (a phone number with country code,
 *                              also in key=+4712345678), unless it follows
 *                              a letter: then it is a form-encoded space
 *                              between words (q=cpr+0707614285)
 *   after a run of 10 (or 9), decided when the next run ends:
 *     '-' or '/' then 1-4 digits or 10 digits   kept: a file-number suffix
 *                              (0707614285-1.pdf), a REST path
 *                              (/borger/0707614285/2024), a list
 *     '.' then 1-4 zeros       kept: a float (0707614285.0 from pandas)
 *     otherwise                dropped (0707614285.5, 0707614285-123456)
 *   a separated or e-CPR number keeps the strict rule: '-', '.' or '/'
 *   right after digits before it, or before digits after it, drops it
 *   (1234-070761-4285, 070761-4285-1234, 12.03.2024-style groups). */

void dkcpr__core_init(dkcpr__scan_core *c, int nine_digits) {
  memset(c, 0, sizeof *c);
  c->nine = nine_digits;
  c->skip = dkcpr__skip_select();
  c->dense = dkcpr__dense_select();
  c->glue_len = 4; /* no run before the stream start */
}

static inline int is_digit_byte(unsigned char b) {
  return (unsigned char)(b - '0') < 10;
}

static int lead_ok(const dkcpr__run *r, int compact) {
  if (r->lead_plus) return 0;
  if (r->lead_glue_len == 1) { /* one character after another run */
    switch (r->lead_cls[0]) {
    case CL_DOT: return 0;
    case CL_HYPHEN: return compact && r->lead_prev_len == 10;
    case CL_SLASH: return compact;
    case CL_COMMA: return !r->lead_prev_zero;
    default: break;
    }
  }
  return 1;
}

/* The glue before r between a run of 6 and r: 1 if it is a separator worth
 * a point, 0 if one without, -1 if none (see the list above). */
static int sep_points(const dkcpr__run *r) {
  uint8_t k[3];
  int n = 0, i;
  if (r->lead_glue_len < 1 || r->lead_glue_len > 3) return -1;
  for (i = 0; i < r->lead_glue_len; i++) /* '+' is a form-encoded space */
    if (r->lead_cls[i] != CL_INVIS)
      k[n++] = r->lead_cls[i] == CL_PLUS ? CL_SPACE : r->lead_cls[i];
  if (n == 0) return 1;
  if (n == 1) {
    switch (k[0]) {
    case CL_SPACE: case CL_HYPHEN: case CL_DASH: return 1;
    case CL_DOT: case CL_SLASH: case CL_TAB: return 0;
    default: return -1;
    }
  }
  if (n == 2) return k[0] == CL_SPACE && k[1] == CL_SPACE ? 0 : -1;
  return k[0] == CL_SPACE && (k[1] == CL_HYPHEN || k[1] == CL_DASH) &&
                 k[2] == CL_SPACE
             ? 1
             : -1;
}

/* The stream's first line ends at offset nl (before DKCPR__SCAN_HEADER, so
 * all of it is held): read it as a header. */
static void header_end(dkcpr__scan_core *c, uint64_t nl) {
  unsigned char buf[DKCPR__SCAN_HEADER];
  size_t n = dkcpr__core_copy(c, 0, nl, buf);
  c->header_done = 1;
  if (n == nl) dkcpr__header_read(c, buf, n);
}

/* A candidate is complete: it waits in the queue for the window after it. */
static void queue_flush(dkcpr__scan_core *c, uint64_t seen) {
  while (c->q_len > 0) {
    const dkcpr__cand *k = &c->queue[c->q_head];
    if (k->end + DKCPR__SCAN_AFTER > seen) break;
    c->q_head = (c->q_head + 1) % DKCPR__SCAN_QUEUE;
    c->q_len--;
    c->fn(c->fn_ctx, k);
  }
}

static void emit(dkcpr__scan_core *c, const dkcpr__cand *k, uint64_t seen) {
  queue_flush(c, seen);
  if (c->q_len == DKCPR__SCAN_QUEUE) /* cannot happen: candidates are apart */
    queue_flush(c, UINT64_MAX);
  c->queue[(c->q_head + c->q_len) % DKCPR__SCAN_QUEUE] = *k;
  c->q_len++;
}

/* A run just ended at a character of class c1 at offset at: complete the
 * shape it ends. */
static void end_run(dkcpr__scan_core *c, uint8_t c1, uint64_t at) {
  const dkcpr__run *r = &c->cur, *p = &c->prev;
  dkcpr__cand k;
  int found = 0, pts;
  if (c->waiting) { /* the run after a number's grouping mark */
    int ok = c->pend_mark == CL_DOT ? r->len <= 4 && r->zeros
                                    : r->len <= 4 || r->len == 10;
    c->waiting = c->pending = 0;
    if (ok) emit(c, &c->pend, at);
  }
  k.sep_point = 0;
  if (r->len == 10 && lead_ok(r, 1)) {
    k.shape = DKCPR__SHAPE_COMPACT;
    k.start = r->start;
    memcpy(k.canon, r->dig, 10);
    found = 1;
  } else if (r->len == 9 && c->nine && r->ascii && lead_ok(r, 1)) {
    k.shape = DKCPR__SHAPE_NINE;
    k.start = r->start;
    k.canon[0] = '0';
    memcpy(k.canon + 1, r->dig, 9);
    found = 1;
  } else if (r->len == 4 && c->prev_valid && p->len == 6 &&
             (pts = sep_points(r)) >= 0 && lead_ok(p, 0)) {
    int tab = 0, two = 0, i;
    for (i = 0; i < r->lead_glue_len; i++) {
      tab |= r->lead_cls[i] == CL_TAB;
      two += r->lead_cls[i] == CL_SPACE;
    }
    if (tab && (c1 == CL_TAB || p->lead_last[0] == CL_TAB)) return;
    if (two == 2 && pts == 0 && p->lead_last[0] == CL_SPACE &&
        p->lead_last[1] == CL_SPACE)
      return;
    k.shape = DKCPR__SHAPE_SEPARATED;
    k.sep_point = (uint8_t)pts;
    k.start = p->start;
    memcpy(k.canon, p->dig, 6);
    memcpy(k.canon + 6, r->dig, 4);
    found = 1;
  } else if (r->len == 1 && c->prev_valid && p->len == 7 &&
             r->lead_glue_len == 2 && r->lead_cls[0] == CL_UPPER &&
             r->lead_cls[1] == CL_UPPER && lead_ok(p, 0) && c1 != CL_UPPER &&
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
  if (c1 == CL_HYPHEN || c1 == CL_DOT || c1 == CL_SLASH) {
    c->pending = 1; /* decided by what follows the mark */
    c->pend_mark = c1;
    c->pend = k;
  } else {
    emit(c, &k, at);
  }
}

/* A digit run begins at b0: remember what came just before it. */
static inline void start_run(dkcpr__scan_core *c, uint64_t b0) {
  dkcpr__run *r = &c->cur;
  c->in_run = 1;
  r->start = b0;
  r->len = 0;
  r->ascii = 1;
  r->zeros = 1;
  r->lead_glue_len = c->glue_len;
  memcpy(r->lead_cls, c->glue_cls, sizeof r->lead_cls);
  memcpy(r->lead_chr, c->glue_chr, sizeof r->lead_chr);
  r->lead_prev_len = c->prev_valid ? c->prev.len : 0;
  r->lead_prev_zero = c->prev_valid && c->prev.len == 1 && c->prev.zeros;
  r->lead_plus = c->last_cls == CL_PLUS && !c->plus_form;
  r->lead_last[0] = c->last_cls;
  r->lead_last[1] = c->last2_cls;
}

/* The first digit of a run: a number waiting after a grouping mark now
 * waits for this run's end (compact and nine) or is grouped (the others). */
static inline void begin_digits(dkcpr__scan_core *c, uint64_t b0) {
  if (c->pending && !c->waiting) {
    if (c->pend.shape == DKCPR__SHAPE_COMPACT ||
        c->pend.shape == DKCPR__SHAPE_NINE)
      c->waiting = 1;
    else
      c->pending = 0;
  }
  start_run(c, b0);
}

static inline void end_digits(dkcpr__scan_core *c) {
  if (c->waiting && c->cur.len > 10) c->waiting = c->pending = 0;
  c->last2_cls = c->last_cls;
  c->last_cls = CL_DIGIT;
}

/* One character of class cls (digit value val) at stream bytes [b0, b1). */
static inline __attribute__((always_inline)) void
step(dkcpr__scan_core *c, uint8_t cls, int val, unsigned char chr, uint64_t b0,
     uint64_t b1) {
  if (cls == CL_DIGIT) {
    dkcpr__run *r = &c->cur;
    if (!c->in_run) begin_digits(c, b0);
    if (r->len < 10) r->dig[r->len] = (char)('0' + val);
    if (r->len < 11) r->len++;
    if (b1 - b0 > 1) r->ascii = 0;
    if (val != 0) r->zeros = 0;
    r->end = b1;
    end_digits(c);
    return;
  }
  if (c->in_run) {
    c->in_run = 0;
    end_run(c, cls, b0);
    c->prev = c->cur;
    c->prev_valid = 1;
    c->glue_len = 0;
  } else if (c->pending) { /* a mark and no digit: the number stands alone */
    c->pending = 0;
    emit(c, &c->pend, b0);
  }
  if (__builtin_expect(!c->header_done, 0) && chr == '\n') header_end(c, b0);
  if (c->glue_len < 3) {
    c->glue_cls[c->glue_len] = cls;
    c->glue_chr[c->glue_len] = (char)chr;
  }
  if (c->glue_len < 4) c->glue_len++;
  if (cls == CL_PLUS)
    c->plus_form = c->last_cls == CL_UPPER || c->last_cls == CL_LOWER;
  c->last2_cls = c->last_cls;
  c->last_cls = cls;
}

/* Whether the next bytes up to a digit can be skipped unclassified: no run
 * or candidate is open and what came since the last run no longer matters
 * beyond being long: one character after any run is needed (grouping
 * marks), up to three after a run of 6 while they may still be a separator
 * (classes SPACE to TAB and INVIS), two after a run of 7 while they are
 * capital letters (e-CPR). */
static inline int idle(const dkcpr__scan_core *c) {
  int i;
  if (c->in_run || c->pending || c->glue_len == 0) return 0;
  if (!c->prev_valid || c->glue_len > 3) return 1;
  if (c->prev.len == 6) { /* only a separator's characters keep it open */
    for (i = 0; i < c->glue_len; i++)
      if (c->glue_cls[i] < CL_SPACE || c->glue_cls[i] == CL_COMMA) return 1;
    return 0;
  }
  if (c->prev.len == 7) /* only capital letters */
    return c->glue_cls[0] != CL_UPPER ||
           (c->glue_len >= 2 && c->glue_cls[1] != CL_UPPER);
  return 1;
}

/* n ASCII digits at stream offset b0: step() for each, in bulk. */
static void ascii_digits(dkcpr__scan_core *c, const unsigned char *p,
                         size_t n, uint64_t b0) {
  dkcpr__run *r = &c->cur;
  size_t room, k;
  if (!c->in_run) begin_digits(c, b0);
  room = r->len < 10 ? 10u - r->len : 0;
  if (room) memcpy(r->dig + r->len, p, n < room ? n : room);
  for (k = 0; k < n && r->zeros; k++)
    if (p[k] != '0') r->zeros = 0;
  r->len = (uint8_t)(r->len + n > 11 ? 11 : r->len + n);
  r->end = b0 + n;
  end_digits(c);
}

/* Classify the character at p (avail bytes, stream offset at), escaped or
 * not (scan_escape.h); returns its length, or 0 when more bytes are needed
 * (never when final: then an incomplete escape or UTF-8 character is
 * literal text, an invalid byte one character of its own). */
static size_t classify_at(dkcpr__scan_core *c, const unsigned char *p,
                          size_t avail, uint64_t at, int final) {
  int32_t cp;
  int val = 0;
  uint8_t cls;
  size_t n;
  if (dkcpr__esc_start(p[0])) {
    dkcpr__esc e;
    int r = dkcpr__escape_decode(&e, p, avail, final);
    if (r < 0) return 0;
    if (r > 0) {
      unsigned char chr = 0;
      if (e.cp < 0) {
        cls = CL_OTHER;
      } else if (e.cp < 0x80) {
        chr = (unsigned char)e.cp;
        cls = ascii_class(chr);
        val = chr - '0';
      } else {
        cls = unicode_class(e.cp, &val);
      }
      step(c, cls, val, chr, at, at + e.len);
      return e.len;
    }
  }
  if (p[0] < 0x80) {
    step(c, ascii_class(p[0]), p[0] - '0', p[0], at, at + 1);
    return 1;
  }
  n = decode(p, avail, &cp);
  if (n == 0 && !final) return 0;
  if (n == 0) n = 1; /* cp is -1: an incomplete character at the end */
  cls = cp < 0 ? CL_OTHER : unicode_class(cp, &val);
  step(c, cls, val, 0, at, at + n);
  return n;
}

/* Forget what came before: the state after a long stretch of text. */
static void restart(dkcpr__scan_core *c) {
  c->prev_valid = 0;
  c->glue_len = 4;
  c->last_cls = c->last2_cls = CL_OTHER;
  c->plus_form = 0;
}

/* The class of the character that ends just before p + j, read backwards
 * without going below p + i; *start is where it begins. Only what a skip
 * passes over is read this way: ASCII, two-byte characters (lead bytes
 * below 0xD9) and stray continuation bytes, never an escape. A lead byte
 * followed by a continuation byte always forms one character in the
 * forward reading too, so both readings agree. */
static uint8_t class_before(const unsigned char *p, size_t i, size_t j,
                            size_t *start) {
  unsigned char b = p[j - 1];
  int32_t cp;
  int val;
  *start = j - 1;
  if (b < 0x80) return ascii_class(b);
  if (b <= 0xBF && j - 1 > i && p[j - 2] >= 0xC2 && p[j - 2] < 0xE0 &&
      decode(p + j - 2, 2, &cp) == 2 && cp >= 0) {
    *start = j - 2;
    return unicode_class(cp, &val);
  }
  return CL_OTHER;
}

/* Skip bytes that cannot start a digit; returns the new index. The state
 * after a skip of one character or more: the glue is long (idle() rules
 * out every case where its exact length or its characters matter), and the
 * two characters just before the stop are known ('+' after a letter, two
 * spaces or a tab before a run). */
static size_t skip_plain(dkcpr__scan_core *c, const unsigned char *p, size_t i,
                         size_t len) {
  /* Not the chunk's last 3 bytes: a character there may end in the next
   * chunk, and only the character-by-character path waits for it. */
  size_t j = len >= i + 4 ? c->skip(p, i, len - 3) : i, k1, k2;
  uint8_t last, last2;
  while (j > i && (p[j] & 0xC0) == 0x80) j--; /* not inside a character */
  if (j == i) return i;
  last = class_before(p, i, j, &k1);
  /* the one before: skipped too, or the last one stepped before i */
  last2 = k1 > i ? class_before(p, i, k1, &k2) : c->last_cls;
  if (last == CL_PLUS)
    c->plus_form = last2 == CL_UPPER || last2 == CL_LOWER;
  c->last_cls = last;
  c->last2_cls = last2;
  c->glue_len = 4;
  return j;
}

/* Skip digit runs that cannot begin a candidate (see idle()). Nothing in
 * [i, q) can: a run of 6, 7, 9 or 10 starts there only where a grouping
 * mark right after a digit rules it out. The state restarts 8 bytes before
 * q when no digit stands in them (the glue is long: the bytes the dense
 * loop passes over are below 0xD9, so at most 2 per character, and the
 * last two characters are read again), else at the run just before q's
 * glue (its length is all q depends on), and further back over every run
 * joined to that one by a grouping mark, so that no run the mark rules out
 * is read without it. Returns the index to continue at. */

static size_t skip_dense(dkcpr__scan_core *c, const unsigned char *p, size_t i,
                         size_t len) {
  size_t q = c->dense(p, i, len), b, lim;
  int links = 0;
  while (q > i && is_digit_byte(p[q - 1])) q--; /* a run's start */
  b = q;
  lim = q > i + 16 ? q - 16 : i;
  while (b > lim && !is_digit_byte(p[b - 1])) b--;
  if (q >= b + 8 && q >= i + 8) b = q - 8; /* long glue: as in skip_plain() */
  while (b > i && is_digit_byte(p[b - 1])) {
    while (b > i && is_digit_byte(p[b - 1])) b--;
    if (!(b >= i + 2 && is_digit_byte(p[b - 2]) &&
          (p[b - 1] == '-' || p[b - 1] == '.' || p[b - 1] == '/')))
      break;
    if (++links > 8) { /* a long chain (1.2.3.4...): go through it slowly */
      b = i;
      break;
    }
    b--; /* the mark; the run before it next */
  }
  while (b < q && (p[b] & 0xC0) == 0x80) b++;
  if (b < i + 3) { /* too close to be worth a restart: no retry before q */
    c->dense_from = c->base + q;
    return i;
  }
  restart(c);
  c->dense_from = c->base + q + 1; /* nothing to gain before q */
  return b;
}

void dkcpr__core_feed(dkcpr__scan_core *c, const char *chunk, size_t len,
                      dkcpr__cand_fn fn, void *ctx) {
  const unsigned char *p = (const unsigned char *)chunk;
  size_t i;
  c->chunk = p;
  c->chunk_len = len;
  c->base = c->total;
  c->total += len;
  c->fn = fn;
  c->fn_ctx = ctx;
  /* A character begun in an earlier chunk: its first bytes are in hist. */
  while (c->pos < c->base) {
    unsigned char tmp[2 * DKCPR__ESC_MAX];
    size_t have = dkcpr__core_copy(c, c->pos, c->base, tmp);
    size_t more = len < DKCPR__ESC_MAX ? len : DKCPR__ESC_MAX, n;
    memcpy(tmp + have, p, more);
    n = classify_at(c, tmp, have + more, c->pos, 0);
    if (n == 0) goto done; /* still incomplete: wait for more */
    c->pos += n;
  }
  i = (size_t)(c->pos - c->base);
  while (i < len) {
    if (!c->header_done && c->base + i >= DKCPR__SCAN_HEADER)
      c->header_done = 1; /* a first line this long is no header */
    if (c->header_done && idle(c)) {
      /* Prose: the plain skip is fastest. Where it stops at a digit, the
       * dense skip passes over the digit runs that cannot matter. */
      if (!is_digit_byte(p[i])) i = skip_plain(c, p, i, len);
      if (i < len && idle(c) && len - i >= 64 && is_digit_byte(p[i]) &&
          c->base + i >= c->dense_from) {
        size_t d = skip_dense(c, p, i, len);
        if (d > i) i = skip_plain(c, p, d, len);
      }
      if (i >= len) break;
    }
    if (is_digit_byte(p[i])) {
      size_t j = i + 1;
      while (j < len && is_digit_byte(p[j])) j++;
      ascii_digits(c, p + i, j - i, c->base + i);
      i = j;
    } else if (p[i] < 0x80 && !dkcpr__esc_start(p[i])) {
      step(c, ascii_class(p[i]), 0, p[i], c->base + i, c->base + i + 1);
      i++;
    } else {
      size_t n = classify_at(c, p + i, len - i, c->base + i, 0);
      if (n == 0) break;
      i += n;
    }
  }
  c->pos = c->base + i;
done:
  queue_flush(c, c->total);
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
  c->fn = fn;
  c->fn_ctx = ctx;
  /* Bytes of an incomplete character or escape: literal text. */
  while (c->pos < c->total) {
    unsigned char tmp[2 * DKCPR__ESC_MAX];
    size_t have = dkcpr__core_copy(c, c->pos, c->total, tmp);
    if (have == 0) break; /* every byte is kept until classified: cannot happen */
    c->pos += classify_at(c, tmp, have, c->pos, 1);
  }
  if (c->in_run) {
    c->in_run = 0;
    end_run(c, CL_OTHER, c->total);
  }
  if (c->pending) {
    c->pending = 0;
    emit(c, &c->pend, c->total);
  }
  queue_flush(c, UINT64_MAX);
}

uint64_t dkcpr__core_hold(const dkcpr__scan_core *c) {
  uint64_t h = c->pos;
  if (c->q_len > 0 && c->queue[c->q_head].start < h)
    h = c->queue[c->q_head].start;
  if (c->pending && c->pend.start < h) h = c->pend.start;
  if (c->in_run && c->cur.len <= 10 && c->cur.start < h) h = c->cur.start;
  if (c->prev_valid && (c->prev.len == 6 || c->prev.len == 7)) {
    int open = c->in_run ? (c->cur.lead_glue_len <= 3 && c->cur.len <= 4)
                         : c->glue_len <= 3;
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
