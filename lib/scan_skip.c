/* SPDX-License-Identifier: Apache-2.0 */
/* The hot loop of the scanner: skip bytes that cannot start a digit.
 *
 * A digit is an ASCII digit or a Unicode decimal digit, written as it is or
 * escaped; the first non-ASCII decimal digits are at U+0660 (lead byte
 * 0xD9), and every escape begins with '%', '&' or '\' (scan_escape.h), so
 * every byte below 0xD9 other than '0'-'9' and those three is skipped
 * (Latin-1 letters such as æ, ø, å included). Stopping at an escape's first
 * byte keeps the skipped bytes free of escapes, so the scanner can restart
 * its state a few bytes before the stop without landing inside one.
 * Whole 64-byte blocks are tested with SSE2 or, where the CPU has it, AVX2. */
#include <stddef.h>
#include <string.h>

#include "dkcpr.h"
#include "scan_skip.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define DKCPR__HAVE_X86 1
#endif

static int interesting(unsigned char b) {
  return (unsigned char)(b - '0') < 10 || b >= 0xD9 || b == '%' || b == '&' ||
         b == '\\';
}

static size_t skip_scalar(const unsigned char *p, size_t i, size_t n) {
  while (i < n && !interesting(p[i]))
    i++;
  return i;
}

/* Byte classes of a 64-byte block, one bit per byte. */
typedef struct block_masks {
  uint64_t digit, lead; /* 0-9; >= 0xD9 or an escape's first byte */
  uint64_t group, dot;  /* '-' '.' '/'; '.' */
} block_masks;

/* Bit k: a run of exactly 6, 7, 9 or 10 digits starts at byte k and is not
 * ruled out by what precedes it (scan_core.c): a run of 6 or 7 after '-',
 * '.' or '/' right after a digit never begins a candidate, nor any run
 * after '.' right after a digit (only seen for k >= 2, so the rule errs
 * towards stopping). k <= 53, so that the 11 bytes the length depends on
 * are in the block. Only such runs begin a candidate. */
static inline uint64_t run_starts(const block_masks *b, uint64_t digit_before) {
  uint64_t d = b->digit;
  uint64_t start = d & ~((d << 1) | digit_before);
  uint64_t g2 = d & (d >> 1);
  uint64_t g4 = g2 & (g2 >> 2);
  uint64_t g6 = g4 & (g2 >> 4);
  uint64_t g8 = g6 & (g2 >> 6);
  uint64_t g9 = g8 & (d >> 8);
  uint64_t g11 = g9 & (g2 >> 9);
  uint64_t after_mark = (b->group << 1) & (d << 2);
  uint64_t after_dot = (b->dot << 1) & (d << 2);
  return start & ((g6 & ~g8 & ~after_mark) | (g9 & ~g11 & ~after_dot)) &
         ((1ull << 54) - 1);
}

/* The dense skip over whole blocks, with masks() building a block's masks. */
#define DENSE_LOOP(masks)                                                    \
  while (i + 64 <= n) {                                                      \
    block_masks b;                                                           \
    uint64_t m;                                                              \
    masks(p + i, &b);                                                        \
    m = run_starts(&b, i > i0 && (unsigned char)(p[i - 1] - '0') < 10) |     \
        (b.lead & ((1ull << 54) - 1));                                       \
    if (m) return i + (size_t)__builtin_ctzll(m);                            \
    i += 54;                                                                 \
  }                                                                          \
  return i

#if DKCPR__HAVE_X86 && defined(__SSE2__)
/* Bytes that begin an escape: '%', '&', backslash. */
static inline __m128i escape16(__m128i v) {
  return _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('%')),
                                   _mm_cmpeq_epi8(v, _mm_set1_epi8('&'))),
                      _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
}

static inline __m128i mark16(__m128i v) {
  const __m128i zero_ch = _mm_set1_epi8('0');
  const __m128i nine = _mm_set1_epi8(9);
  const __m128i lead = _mm_set1_epi8((char)0xD9);
  __m128i d = _mm_sub_epi8(v, zero_ch);
  __m128i is_digit = _mm_cmpeq_epi8(_mm_min_epu8(d, nine), d);
  __m128i is_lead = _mm_cmpeq_epi8(_mm_max_epu8(v, lead), v);
  return _mm_or_si128(_mm_or_si128(is_digit, is_lead), escape16(v));
}

static size_t skip_sse2(const unsigned char *p, size_t i, size_t n) {
  while (i + 64 <= n) {
    const __m128i *q = (const __m128i *)(const void *)(p + i);
    __m128i a = mark16(_mm_loadu_si128(q));
    __m128i b = mark16(_mm_loadu_si128(q + 1));
    __m128i c = mark16(_mm_loadu_si128(q + 2));
    __m128i d = mark16(_mm_loadu_si128(q + 3));
    __m128i any = _mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d));
    if (_mm_movemask_epi8(any) == 0) {
      i += 64;
      continue;
    }
    uint64_t m = (uint64_t)(unsigned)_mm_movemask_epi8(a) |
                 (uint64_t)(unsigned)_mm_movemask_epi8(b) << 16 |
                 (uint64_t)(unsigned)_mm_movemask_epi8(c) << 32 |
                 (uint64_t)(unsigned)_mm_movemask_epi8(d) << 48;
    return i + (size_t)__builtin_ctzll(m);
  }
  return skip_scalar(p, i, n);
}

__attribute__((target("avx2"))) static inline __m256i escape32(__m256i v) {
  return _mm256_or_si256(
      _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('%')),
                      _mm256_cmpeq_epi8(v, _mm256_set1_epi8('&'))),
      _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\\')));
}

__attribute__((target("avx2"))) static inline __m256i mark32(__m256i v) {
  const __m256i zero_ch = _mm256_set1_epi8('0');
  const __m256i nine = _mm256_set1_epi8(9);
  const __m256i lead = _mm256_set1_epi8((char)0xD9);
  __m256i d = _mm256_sub_epi8(v, zero_ch);
  __m256i is_digit = _mm256_cmpeq_epi8(_mm256_min_epu8(d, nine), d);
  __m256i is_lead = _mm256_cmpeq_epi8(_mm256_max_epu8(v, lead), v);
  return _mm256_or_si256(_mm256_or_si256(is_digit, is_lead), escape32(v));
}

__attribute__((target("avx2"))) static size_t skip_avx2(const unsigned char *p,
                                                        size_t i, size_t n) {
  while (i + 64 <= n) {
    const __m256i *q = (const __m256i *)(const void *)(p + i);
    __m256i a = mark32(_mm256_loadu_si256(q));
    __m256i b = mark32(_mm256_loadu_si256(q + 1));
    if (_mm256_testz_si256(_mm256_or_si256(a, b), _mm256_or_si256(a, b))) {
      i += 64;
      continue;
    }
    uint64_t m = (uint64_t)(unsigned)_mm256_movemask_epi8(a) |
                 (uint64_t)(unsigned)_mm256_movemask_epi8(b) << 32;
    return i + (size_t)__builtin_ctzll(m);
  }
  return skip_sse2(p, i, n);
}

static inline uint64_t movemask16(__m128i v) {
  return (uint64_t)(unsigned)_mm_movemask_epi8(v);
}

static inline void masks_sse2(const unsigned char *p, block_masks *b) {
  const __m128i zero_ch = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
  const __m128i lead = _mm_set1_epi8((char)0xD9);
  const __m128i dash = _mm_set1_epi8('-'), dot = _mm_set1_epi8('.');
  const __m128i slash = _mm_set1_epi8('/');
  int k;
  memset(b, 0, sizeof *b);
  for (k = 0; k < 4; k++) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * (size_t)k));
    __m128i x = _mm_sub_epi8(v, zero_ch);
    __m128i is_dot = _mm_cmpeq_epi8(v, dot);
    __m128i g = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dash), is_dot),
                             _mm_cmpeq_epi8(v, slash));
    b->digit |= movemask16(_mm_cmpeq_epi8(_mm_min_epu8(x, nine), x)) << (16 * k);
    b->lead |= movemask16(_mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, lead), v),
                                       escape16(v))) << (16 * k);
    b->group |= movemask16(g) << (16 * k);
    b->dot |= movemask16(is_dot) << (16 * k);
  }
}

__attribute__((target("avx2"))) static inline uint64_t
movemask64(__m256i lo, __m256i hi) {
  return (uint64_t)(unsigned)_mm256_movemask_epi8(lo) |
         (uint64_t)(unsigned)_mm256_movemask_epi8(hi) << 32;
}

__attribute__((target("avx2"))) static inline void
masks_avx2(const unsigned char *p, block_masks *b) {
  const __m256i zero_ch = _mm256_set1_epi8('0'), nine = _mm256_set1_epi8(9);
  const __m256i lead = _mm256_set1_epi8((char)0xD9);
  const __m256i dash = _mm256_set1_epi8('-'), dot = _mm256_set1_epi8('.');
  const __m256i slash = _mm256_set1_epi8('/');
  __m256i v[2], digit[2], lead_m[2], group[2], dot_m[2];
  int k;
  for (k = 0; k < 2; k++) {
    __m256i x;
    v[k] = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32 * (size_t)k));
    x = _mm256_sub_epi8(v[k], zero_ch);
    digit[k] = _mm256_cmpeq_epi8(_mm256_min_epu8(x, nine), x);
    lead_m[k] = _mm256_or_si256(
        _mm256_cmpeq_epi8(_mm256_max_epu8(v[k], lead), v[k]), escape32(v[k]));
    dot_m[k] = _mm256_cmpeq_epi8(v[k], dot);
    group[k] = _mm256_or_si256(
        _mm256_or_si256(_mm256_cmpeq_epi8(v[k], dash), dot_m[k]),
        _mm256_cmpeq_epi8(v[k], slash));
  }
  b->digit = movemask64(digit[0], digit[1]);
  b->lead = movemask64(lead_m[0], lead_m[1]);
  b->group = movemask64(group[0], group[1]);
  b->dot = movemask64(dot_m[0], dot_m[1]);
}


static size_t dense_sse2(const unsigned char *p, size_t i, size_t n) {
  size_t i0 = i;
  DENSE_LOOP(masks_sse2);
}

__attribute__((target("avx2"))) static size_t
dense_avx2(const unsigned char *p, size_t i, size_t n) {
  size_t i0 = i;
  DENSE_LOOP(masks_avx2);
}
#endif

static inline void masks_portable(const unsigned char *p, block_masks *b) {
  int k;
  memset(b, 0, sizeof *b);
  for (k = 0; k < 64; k++) {
    b->digit |= (uint64_t)((unsigned char)(p[k] - '0') < 10) << k;
    b->lead |= (uint64_t)(p[k] >= 0xD9 || p[k] == '%' || p[k] == '&' ||
                          p[k] == '\\') << k;
    b->group |= (uint64_t)(p[k] == '-' || p[k] == '.' || p[k] == '/') << k;
    b->dot |= (uint64_t)(p[k] == '.') << k;
  }
}

/* Portable: the same, with the masks built byte by byte. */
static size_t dense_portable(const unsigned char *p, size_t i, size_t n) {
  size_t i0 = i;
  DENSE_LOOP(masks_portable);
}

dkcpr__skip_fn dkcpr__dense_select(void) {
#if DKCPR__HAVE_X86 && defined(__SSE2__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2"))
    return dense_avx2;
  return dense_sse2;
#else
  return dense_portable;
#endif
}

size_t dkcpr__dense_portable(const unsigned char *p, size_t i, size_t n) {
  return dense_portable(p, i, n);
}

dkcpr__skip_fn dkcpr__skip_select(void) {
#if DKCPR__HAVE_X86 && defined(__SSE2__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2"))
    return skip_avx2;
  return skip_sse2;
#else
  return skip_scalar;
#endif
}

size_t dkcpr__skip_portable(const unsigned char *p, size_t i, size_t n) {
  return skip_scalar(p, i, n);
}
