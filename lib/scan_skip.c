/* The hot loop of the scanner: skip bytes that cannot start a digit.
 *
 * A digit is an ASCII digit or a Unicode decimal digit; the first non-ASCII
 * decimal digits are at U+0660 (lead byte 0xD9), so every byte below 0xD9
 * other than '0'-'9' is skipped (Latin-1 letters such as æ, ø, å included).
 * Whole 64-byte blocks are tested with SSE2 or, where the CPU has it, AVX2. */
#include <stddef.h>

#include "internal.h"
#include "scan_skip.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define DKCPR__HAVE_X86 1
#endif

static int interesting(unsigned char b) {
  return (unsigned char)(b - '0') < 10 || b >= 0xD9;
}

static size_t skip_scalar(const unsigned char *p, size_t i, size_t n) {
  while (i < n && !interesting(p[i]))
    i++;
  return i;
}

/* Bit k: a digit run of exactly 6, 7, 9 or 10 digits starts at byte k
 * (k <= 53, so that the 11 bytes it depends on are in the 64 of d). Only
 * such runs begin a candidate. */
static inline uint64_t run_starts(uint64_t d, uint64_t digit_before) {
  uint64_t start = d & ~((d << 1) | digit_before);
  uint64_t g2 = d & (d >> 1);
  uint64_t g4 = g2 & (g2 >> 2);
  uint64_t g6 = g4 & (g2 >> 4);
  uint64_t g8 = g6 & (g2 >> 6);
  uint64_t g9 = g8 & (d >> 8);
  uint64_t g11 = g9 & (g2 >> 9);
  return start & ((g6 & ~g8) | (g9 & ~g11)) & ((1ull << 54) - 1);
}

#if DKCPR__HAVE_X86 && defined(__SSE2__)
static inline __m128i mark16(__m128i v) {
  const __m128i zero_ch = _mm_set1_epi8('0');
  const __m128i nine = _mm_set1_epi8(9);
  const __m128i lead = _mm_set1_epi8((char)0xD9);
  __m128i d = _mm_sub_epi8(v, zero_ch);
  __m128i is_digit = _mm_cmpeq_epi8(_mm_min_epu8(d, nine), d);
  __m128i is_lead = _mm_cmpeq_epi8(_mm_max_epu8(v, lead), v);
  return _mm_or_si128(is_digit, is_lead);
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

__attribute__((target("avx2"))) static inline __m256i mark32(__m256i v) {
  const __m256i zero_ch = _mm256_set1_epi8('0');
  const __m256i nine = _mm256_set1_epi8(9);
  const __m256i lead = _mm256_set1_epi8((char)0xD9);
  __m256i d = _mm256_sub_epi8(v, zero_ch);
  __m256i is_digit = _mm256_cmpeq_epi8(_mm256_min_epu8(d, nine), d);
  __m256i is_lead = _mm256_cmpeq_epi8(_mm256_max_epu8(v, lead), v);
  return _mm256_or_si256(is_digit, is_lead);
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

/* Digit and lead-byte masks of the 64 bytes at p. */
static inline void masks_sse2(const unsigned char *p, uint64_t *digits,
                              uint64_t *leads) {
  const __m128i zero_ch = _mm_set1_epi8('0');
  const __m128i nine = _mm_set1_epi8(9);
  const __m128i lead = _mm_set1_epi8((char)0xD9);
  uint64_t d = 0, h = 0;
  int k;
  for (k = 0; k < 4; k++) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
    __m128i x = _mm_sub_epi8(v, zero_ch);
    d |= (uint64_t)(unsigned)_mm_movemask_epi8(
             _mm_cmpeq_epi8(_mm_min_epu8(x, nine), x)) << (16 * k);
    h |= (uint64_t)(unsigned)_mm_movemask_epi8(
             _mm_cmpeq_epi8(_mm_max_epu8(v, lead), v)) << (16 * k);
  }
  *digits = d;
  *leads = h;
}

__attribute__((target("avx2"))) static inline void
masks_avx2(const unsigned char *p, uint64_t *digits, uint64_t *leads) {
  const __m256i zero_ch = _mm256_set1_epi8('0');
  const __m256i nine = _mm256_set1_epi8(9);
  const __m256i lead = _mm256_set1_epi8((char)0xD9);
  __m256i a = _mm256_loadu_si256((const __m256i *)(const void *)p);
  __m256i b = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32));
  __m256i xa = _mm256_sub_epi8(a, zero_ch), xb = _mm256_sub_epi8(b, zero_ch);
  *digits = (uint64_t)(unsigned)_mm256_movemask_epi8(
                _mm256_cmpeq_epi8(_mm256_min_epu8(xa, nine), xa)) |
            (uint64_t)(unsigned)_mm256_movemask_epi8(
                _mm256_cmpeq_epi8(_mm256_min_epu8(xb, nine), xb))
                << 32;
  *leads = (uint64_t)(unsigned)_mm256_movemask_epi8(
               _mm256_cmpeq_epi8(_mm256_max_epu8(a, lead), a)) |
           (uint64_t)(unsigned)_mm256_movemask_epi8(
               _mm256_cmpeq_epi8(_mm256_max_epu8(b, lead), b))
               << 32;
}

#define DENSE_LOOP(masks)                                                    \
  while (i + 64 <= n) {                                                      \
    uint64_t d, h, m;                                                        \
    masks(p + i, &d, &h);                                                    \
    m = run_starts(d, i > i0 && (unsigned char)(p[i - 1] - '0') < 10) |      \
        (h & ((1ull << 54) - 1));                                            \
    if (m) return i + (size_t)__builtin_ctzll(m);                            \
    i += 54;                                                                 \
  }                                                                          \
  return i

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

/* Portable: test each 54-byte step by bytes. */
static size_t dense_portable(const unsigned char *p, size_t i, size_t n) {
  size_t i0 = i;
  while (i + 64 <= n) {
    uint64_t d = 0, h = 0, m;
    int k;
    for (k = 0; k < 64; k++) {
      d |= (uint64_t)((unsigned char)(p[i + k] - '0') < 10) << k;
      h |= (uint64_t)(p[i + k] >= 0xD9) << k;
    }
    m = run_starts(d, i > i0 && (unsigned char)(p[i - 1] - '0') < 10) |
        (h & ((1ull << 54) - 1));
    if (m) return i + (size_t)__builtin_ctzll(m);
    i += 54;
  }
  return i;
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
