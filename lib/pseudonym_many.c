/* SPDX-License-Identifier: Apache-2.0 */
/* Many numbers per call. FF1 rounds are sequential within a number but
 * independent across numbers, so up to LANES numbers run side by side: each
 * round builds every active lane's block and encrypts them with one ECB
 * call, which AES-NI/VAES pipelines. Lanes move in lockstep: every FF1 pass
 * has 10 rounds, and after the last one a lane whose cycle-walk needs
 * another pass restarts in place while a finished lane takes the next
 * number, so all lanes start round 0 together. The round loop then needs no
 * per-lane round counter and no branches. */
#include <string.h>

#include <openssl/evp.h>

#include "dkcpr.h"
#include "parse.h"
#include "pseudonym_engine.h"
#include "rules.h"

#define LANES 64
#define EP_CACHE 8 /* E(P) per radix, the one AES call of FF1 setup */

/* A lane's round state (hot, kept compact) and its number's data (cold). */
typedef struct lane {
  dkcpr__ff1n2 f;
  uint64_t size;
  uint32_t a, b;
  int slot;
} lane;

typedef struct lane_data {
  size_t idx;
  dkcpr__job job;
  dkcpr__layout layout;
  dkcpr_cpr cpr;
} lane_data;

typedef struct batch {
  char *out;
  size_t stride;
  size_t *out_lens;
  dkcpr_status *statuses;
  const dkcpr_pseudonymizer *p;
  const char *const *in;
  const size_t *in_lens;
  size_t count, next;
  dkcpr_options o;
  dkcpr__ref ref; /* o resolved once, for the ASCII path */
  int plain;      /* inputs take the ASCII path: no layout to keep */
  int reveal;
  EVP_CIPHER_CTX *ctx;
  uint32_t ep_radix[EP_CACHE];
  uint8_t ep[EP_CACHE][16];
  uint64_t ep_minv[EP_CACHE];
} batch;

static void set_status(batch *bt, size_t i, dkcpr_status st) {
  bt->statuses[i] = st;
  if (st != DKCPR_OK) {
    if (bt->out_lens != NULL) bt->out_lens[i] = 0;
    if (bt->stride > 0) bt->out[i * bt->stride] = '\0';
  }
}

static void emit(batch *bt, size_t i, const dkcpr__job *job, const dkcpr_cpr *cpr,
                 const dkcpr__layout *layout, uint64_t y) {
  char canon[10];
  size_t len = 0;
  dkcpr_status st = DKCPR_OK;
  dkcpr__ps_finish(canon, bt->p, job, y);
  if (bt->reveal && job->out_kind != (int)cpr->kind) {
    dkcpr_cpr check;
    st = dkcpr__check_canonical(&check, canon, &bt->o);
  }
  if (st == DKCPR_OK)
    st = bt->plain ? dkcpr__render_plain(bt->out + i * bt->stride, bt->stride, &len, bt->in[i],
                                         bt->in_lens[i], canon)
                   : dkcpr__render(bt->out + i * bt->stride, bt->stride, &len, bt->in[i],
                                   bt->in_lens[i], layout, canon);
  set_status(bt, i, st);
  if (st == DKCPR_OK && bt->out_lens != NULL) bt->out_lens[i] = len;
}

/* FF1 setup without an AES call: the handle's instance of the class, or
 * E(P) from the cache when the radix was seen before. */
static int ff1_setup(batch *bt, dkcpr__ff1n2 *f, const dkcpr__job *job) {
  uint32_t radix = job->radix;
  unsigned slot = radix % EP_CACHE;
  if (job->ff1 != NULL) {
    *f = *job->ff1;
    return 1;
  }
  if (bt->ep_radix[slot] != radix) {
    uint8_t zero[DKCPR__TWEAK_LEN] = {0};
    dkcpr__ff1n2 probe;
    if (!dkcpr__ff1n2_init(&probe, bt->ctx, radix, zero, sizeof zero)) return 0;
    memcpy(bt->ep[slot], probe.base, 16); /* E(P) xor 0 */
    bt->ep_radix[slot] = radix;
    bt->ep_minv[slot] = probe.minv;
  }
  memcpy(f->base, bt->ep[slot], 16);
  for (int j = 0; j < DKCPR__TWEAK_LEN; j++) f->base[j] ^= job->tweak[j];
  f->radix = radix;
  f->minv = bt->ep_minv[slot];
  return 1;
}

/* Load the next number that needs FF1 into lane l and slot c; numbers with
 * errors or small classes are finished on the way. 0 when none are left. */
static int take(batch *bt, lane *l, lane_data *c) {
  while (bt->next < bt->count) {
    size_t i = bt->next++;
    dkcpr_status st;
    if (bt->in[i] == NULL) {
      set_status(bt, i, DKCPR_E_NULL);
      continue;
    }
    st = bt->plain ? dkcpr__parse_ascii(&c->cpr, NULL, bt->in[i], bt->in_lens[i], 0, &bt->ref)
                   : dkcpr__parse_layout(&c->cpr, &c->layout, bt->in[i], bt->in_lens[i], &bt->o);
    if (st == DKCPR_OK) st = dkcpr__ps_prepare(&c->job, bt->p, &c->cpr, bt->o.policy, bt->reveal);
    if (st != DKCPR_OK) {
      set_status(bt, i, st);
      continue;
    }
    if (c->job.cls.size < DKCPR__FF1_MIN_CLASS) {
      uint64_t y;
      st = dkcpr__ps_permute(&y, bt->p, &c->job, bt->ctx, bt->reveal);
      if (st != DKCPR_OK)
        set_status(bt, i, st);
      else
        emit(bt, i, &c->job, &c->cpr, &c->layout, y);
      continue;
    }
    if (!ff1_setup(bt, &l->f, &c->job)) {
      set_status(bt, i, DKCPR_E_CRYPTO);
      continue;
    }
    c->idx = i;
    l->size = c->job.cls.size;
    l->a = (uint32_t)(c->job.x / l->f.radix);
    l->b = (uint32_t)(c->job.x % l->f.radix);
    return 1;
  }
  return 0;
}

/* Round i's Q block of a lane (built from B encrypting, A revealing). */
static inline void block_of(uint8_t *blk, const lane *l, unsigned i, int reveal) {
  dkcpr__ff1n2_block(blk, &l->f, i, reveal ? l->a : l->b);
}

/* One Feistel round for every lane from its AES output in blk; then, unless
 * it was the last, the next round's block in its place. */
static void rounds_step(lane *lanes, uint8_t *blk, int active, unsigned k, int reveal) {
  int more = k + 1 < DKCPR__FF1_ROUNDS;
  unsigned next = reveal ? DKCPR__FF1_ROUNDS - 2 - k : k + 1;
  for (int j = 0; j < active; j++) {
    lane *l = &lanes[j];
    uint32_t r = l->f.radix, y = dkcpr__ff1n2_y(blk + 16 * j, r, l->f.minv), c;
    if (!reveal) {
      c = l->a + y;
      if (c >= r) c -= r;
      l->a = l->b;
      l->b = c;
    } else {
      c = l->b - y + (r & -(uint32_t)(l->b < y)); /* mod r, branch-free: y is random */
      l->b = l->a;
      l->a = c;
    }
    if (more) block_of(blk + 16 * j, l, next, reveal);
  }
}

static dkcpr_status run(batch *bt) {
  lane lanes[LANES];
  lane_data data[LANES];
  uint8_t blk[LANES * 16];
  int active = 0, reveal = bt->reveal;
  unsigned first = reveal ? DKCPR__FF1_ROUNDS - 1 : 0;
  while (active < LANES) {
    lanes[active].slot = active;
    if (!take(bt, &lanes[active], &data[active])) break;
    active++;
  }
  while (active > 0) {
    for (int j = 0; j < active; j++) block_of(blk + 16 * j, &lanes[j], first, reveal);
    for (unsigned k = 0; k < DKCPR__FF1_ROUNDS; k++) {
      if (!dkcpr__aes_ecb(bt->ctx, blk, blk, (size_t)active)) return DKCPR_E_CRYPTO;
      rounds_step(lanes, blk, active, k, reveal);
    }
    /* End of a pass: finish, refill or (cycle-walk) keep each lane. */
    for (int j = 0; j < active;) {
      lane *l = &lanes[j];
      uint64_t v = (uint64_t)l->a * l->f.radix + l->b;
      lane_data *d = &data[l->slot];
      if (v < l->size) { /* else cycle-walk: another pass */
        emit(bt, d->idx, &d->job, &d->cpr, &d->layout, v);
        if (!take(bt, l, d)) { /* nothing left: the last lane moves here */
          active--;
          if (j != active) {
            int slot = l->slot;
            *l = lanes[active];
            lanes[active].slot = slot;
          }
          continue; /* the moved lane is looked at next */
        }
      }
      j++;
    }
  }
  return DKCPR_OK;
}

static dkcpr_status many(char *out, size_t out_stride, size_t *out_lens,
                         dkcpr_status *statuses, const dkcpr_pseudonymizer *p,
                         const char *const *in, const size_t *in_lens,
                         size_t count, const dkcpr_options *opts, int reveal) {
  batch bt;
  dkcpr_status st;
  int slot = -1;
  if (count == 0) return DKCPR_OK;
  if (out == NULL || statuses == NULL || p == NULL || in == NULL || in_lens == NULL)
    return DKCPR_E_NULL;
  memset(&bt, 0, sizeof bt);
  bt.out = out;
  bt.stride = out_stride;
  bt.out_lens = out_lens;
  bt.statuses = statuses;
  bt.p = p;
  bt.in = in;
  bt.in_lens = in_lens;
  bt.count = count;
  bt.reveal = reveal;
  dkcpr__ps_options(&bt.o, p, opts, reveal);
  /* Options are fixed for the call: resolve them once. Lenient inputs (or
   * options that fail to resolve, which every number then reports) take
   * the general parser. */
  bt.plain = dkcpr__resolve_options(&bt.ref, &bt.o) == DKCPR_OK &&
             !(bt.ref.flags & DKCPR_PARSE_LENIENT);
  bt.ctx = dkcpr__ps_cipher_get(p, &slot);
  if (bt.ctx == NULL) st = DKCPR_E_CRYPTO;
  else st = run(&bt);
  if (bt.ctx != NULL) dkcpr__ps_cipher_put(p, bt.ctx, slot);
  if (st != DKCPR_OK) {
    for (size_t i = 0; i < count; i++) set_status(&bt, i, st);
    return st;
  }
  for (size_t i = 0; i < count; i++)
    if (statuses[i] != DKCPR_OK) return statuses[i];
  return DKCPR_OK;
}

dkcpr_status dkcpr_pseudonymize_many(char *out, size_t out_stride,
                                     size_t *out_lens, dkcpr_status *statuses,
                                     const dkcpr_pseudonymizer *p,
                                     const char *const *in,
                                     const size_t *in_lens, size_t count,
                                     const dkcpr_options *opts) {
  return many(out, out_stride, out_lens, statuses, p, in, in_lens, count, opts, 0);
}

dkcpr_status dkcpr_reveal_many(char *out, size_t out_stride, size_t *out_lens,
                               dkcpr_status *statuses,
                               const dkcpr_pseudonymizer *p,
                               const char *const *in, const size_t *in_lens,
                               size_t count, const dkcpr_options *opts) {
  return many(out, out_stride, out_lens, statuses, p, in, in_lens, count, opts, 1);
}
