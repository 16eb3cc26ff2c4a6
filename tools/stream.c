/* Freeing chains of stream layers (see stream.h). */
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
