/* SPDX-License-Identifier: Apache-2.0 */
/* Reading from and freeing chains of stream layers (see stream.h). */
#include "stream.h"

void in_layer_free(in_layer *l) {
  while (l) {
    in_layer *below = l->below;
    l->destroy(l);
    l = below;
  }
}

void out_layer_free(out_layer *l) {
  while (l) {
    out_layer *below = l->below;
    l->destroy(l);
    l = below;
  }
}

long in_layer_read_full(in_layer *l, char *buf, size_t cap) {
  size_t got = 0;
  while (got < cap) {
    long n = l->pull(l, buf + got, cap - got);
    if (n < 0)
      return -1;
    if (n == 0)
      break;
    got += (size_t)n;
  }
  return (long)got;
}
