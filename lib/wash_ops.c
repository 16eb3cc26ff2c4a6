/* What replaces each number: pseudonym, reveal, mask, token, placeholder. */
#include <string.h>

#include "internal.h"
#include "wash.h"

size_t dkcpr__wash_growth(const dkcpr_wash_options *o) {
  /* Numbers are at least 9 bytes long. */
  switch (o->mode) {
  case DKCPR_WASH_TOKEN: return o->token_chars > 9 ? o->token_chars - 9 : 0;
  case DKCPR_WASH_REDACT:
    return o->placeholder_len > 9 ? o->placeholder_len - 9 : 0;
  default: return 1; /* same layout; a nine-digit number may gain its zero */
  }
}

/* The last four characters become X; a full-width digit becomes a
 * full-width X so the text keeps its width and length. */
static size_t mask(char *out, const char *in, size_t len) {
  size_t cut = len, chars = 0, n;
  while (cut > 0 && chars < 4) {
    cut--;
    if (((unsigned char)in[cut] & 0xC0) != 0x80) chars++;
  }
  memcpy(out, in, cut);
  n = cut;
  while (cut < len) {
    const unsigned char *c = (const unsigned char *)in + cut;
    if (c[0] == 0xEF && cut + 2 < len && c[1] == 0xBC && c[2] >= 0x90 &&
        c[2] <= 0x99) {
      memcpy(out + n, "\xef\xbc\xb8", 3);
      n += 3;
    } else {
      out[n++] = 'X';
    }
    cut++;
    while (cut < len && ((unsigned char)in[cut] & 0xC0) == 0x80) cut++;
  }
  return n;
}

/* Numbers stored as integers are written back without their leading zero. */
static void drop_leading_zero(dkcpr_washer *w, size_t i) {
  char *r = w->repl + i * DKCPR__WASH_STRIDE;
  if (w->statuses[i] == DKCPR_OK && w->out_lens[i] == 10 && r[0] == '0') {
    memmove(r, r + 1, 9);
    w->out_lens[i] = 9;
  }
}

void dkcpr__wash_replace(dkcpr_washer *w) {
  size_t i;
  for (i = 0; i < w->n; i++) {
    w->in_ptrs[i] = w->items[i].in;
    w->in_lens[i] = w->items[i].in_len;
  }
  switch (w->opts.mode) {
  case DKCPR_WASH_PSEUDONYM:
  case DKCPR_WASH_REVEAL:
    if (w->opts.mode == DKCPR_WASH_PSEUDONYM)
      dkcpr_pseudonymize_many(w->repl, DKCPR__WASH_STRIDE, w->out_lens,
                              w->statuses, w->p, w->in_ptrs, w->in_lens, w->n,
                              &w->engine_opts);
    else
      dkcpr_reveal_many(w->repl, DKCPR__WASH_STRIDE, w->out_lens, w->statuses,
                        w->p, w->in_ptrs, w->in_lens, w->n, &w->engine_opts);
    for (i = 0; i < w->n; i++)
      if (w->items[i].shape == DKCPR__SHAPE_NINE) drop_leading_zero(w, i);
    break;
  case DKCPR_WASH_TOKEN:
    for (i = 0; i < w->n; i++)
      w->statuses[i] = dkcpr_token(w->repl + i * DKCPR__WASH_STRIDE,
                                   DKCPR__WASH_STRIDE, &w->out_lens[i], w->p,
                                   w->in_ptrs[i], w->in_lens[i],
                                   w->opts.token_chars, &w->engine_opts);
    break;
  case DKCPR_WASH_MASK:
    for (i = 0; i < w->n; i++) {
      const dkcpr__wash_item *it = &w->items[i];
      size_t skip = it->shape == DKCPR__SHAPE_NINE; /* the added '0' */
      w->out_lens[i] = mask(w->repl + i * DKCPR__WASH_STRIDE, it->in + skip,
                            it->in_len - skip);
      w->statuses[i] = DKCPR_OK;
    }
    break;
  case DKCPR_WASH_REDACT:
    for (i = 0; i < w->n; i++) {
      w->out_lens[i] = 0; /* the placeholder is written by the caller */
      w->statuses[i] = DKCPR_OK;
    }
    break;
  }
}
