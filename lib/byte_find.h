/* SPDX-License-Identifier: Apache-2.0 */
/* The first of a few bytes in a buffer: where a field of a CSV record or
 * of COPY data ends. 16 bytes a step where SSE2 is there (every x86-64). */
#ifndef DKCPR_BYTE_FIND_H
#define DKCPR_BYTE_FIND_H

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* The first byte of p[0..end) that is a, b, c or d; end when none is. */
static inline const char *dkcpr__find_any4(const char *p, const char *end, char a, char b,
                                           char c, char d) {
#if defined(__SSE2__)
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c),
                vd = _mm_set1_epi8(d);
  while (end - p >= 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)),
                               _mm_or_si128(_mm_cmpeq_epi8(v, vc), _mm_cmpeq_epi8(v, vd)));
    unsigned mask = (unsigned)_mm_movemask_epi8(hit);
    if (mask != 0) return p + __builtin_ctz(mask);
    p += 16;
  }
#endif
  while (p < end && *p != a && *p != b && *p != c && *p != d) p++;
  return p;
}

#endif
