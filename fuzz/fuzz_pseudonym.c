/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz pseudonymize/reveal on inputs that parse: the pseudonym is valid
 * under the same options, of the same kind, keeps what was asked and the
 * input's length and layout, reveals back to the input byte for byte, and
 * the batch call agrees with the single call. */
#include <string.h>

#include "dkcpr.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const uint8_t fuzz_key[DKCPR_KEY_BYTES] = {
    0x60, 0x3d, 0xeb, 0x10, 0x15, 0xca, 0x71, 0xbe, 0x2b, 0x73, 0xae,
    0xf0, 0x85, 0x7d, 0x77, 0x81, 0x1f, 0x35, 0x2c, 0x07, 0x3b, 0x61,
    0x08, 0xd7, 0x2d, 0x98, 0x10, 0xa3, 0x09, 0x14, 0xdf, 0xf4};

#define OUT_CAP 256

/* Other numbers that share a batch with the input, so that lanes interleave. */
static const char *const batch_mates[] = {
    "2110625629", "0101901234", "1412363988", "2607341993", "0306701053",
    "2804363370", "1002362844", "2410921234", "010190-1AB2", "711062-5629"};
#define N_MATES (sizeof batch_mates / sizeof batch_mates[0])
#define N_BATCH (2 * N_MATES + 1)

/* The batch calls give, element by element, what the single calls give, and
 * reveal_many undoes pseudonymize_many; the input sits in the middle. */
static void check_batch(const dkcpr_pseudonymizer *p, const dkcpr_options *opts,
                        const char *s, size_t len, const char *out,
                        size_t out_len) {
  static char res[N_BATCH * OUT_CAP], back[N_BATCH * OUT_CAP];
  const char *in[N_BATCH], *res_in[N_BATCH];
  size_t lens[N_BATCH], res_lens[N_BATCH], back_lens[N_BATCH];
  dkcpr_status st[N_BATCH], back_st[N_BATCH];
  size_t i;
  for (i = 0; i < N_BATCH; i++) {
    in[i] = i == N_MATES ? s : batch_mates[i % N_MATES];
    lens[i] = i == N_MATES ? len : strlen(in[i]);
  }
  (void)dkcpr_pseudonymize_many(res, OUT_CAP, res_lens, st, p, in, lens,
                                N_BATCH, opts);
  FUZZ_CHECK(st[N_MATES] == DKCPR_OK && res_lens[N_MATES] == out_len &&
             memcmp(res + N_MATES * OUT_CAP, out, out_len + 1) == 0);
  for (i = 0; i < N_BATCH; i++) {
    char one[OUT_CAP];
    size_t one_len = 0;
    dkcpr_status one_st =
        dkcpr_pseudonymize(one, sizeof one, &one_len, p, in[i], lens[i], opts);
    FUZZ_CHECK(one_st == st[i]);
    if (one_st == DKCPR_OK)
      FUZZ_CHECK(res_lens[i] == one_len &&
                 memcmp(res + i * OUT_CAP, one, one_len + 1) == 0);
    res_in[i] = st[i] == DKCPR_OK ? res + i * OUT_CAP : in[i];
  }
  (void)dkcpr_reveal_many(back, OUT_CAP, back_lens, back_st, p, res_in,
                          res_lens, N_BATCH, opts);
  for (i = 0; i < N_BATCH; i++)
    if (st[i] == DKCPR_OK)
      FUZZ_CHECK(back_st[i] == DKCPR_OK && back_lens[i] == lens[i] &&
                 memcmp(back + i * OUT_CAP, in[i], lens[i]) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_input in = {data, size};
  unsigned choice = fuzz_take_byte(&in);
  unsigned keep = choice & 0x7u;
  unsigned flags = (choice & 0x8u) ? DKCPR_NEVER_REAL : 0;
  const dkcpr_pseudonymizer *p;
  dkcpr_options opts;
  dkcpr_cpr orig, pseudo;
  char out[OUT_CAP], back[OUT_CAP], token[64];
  size_t out_len = 0, back_len = 0, token_len = 0;
  dkcpr_status st;
  const char *s = (const char *)in.data;

  if (in.size + 1 > OUT_CAP) return 0;
  FUZZ_CHECK(dkcpr_options_init(&opts, DKCPR_OPTIONS_VERSION) == DKCPR_OK);
  opts.policy = (dkcpr_policy)(((choice >> 4) & 3u) % 3u);
  opts.flags = DKCPR_PARSE_ALLOW_FUTURE;
  if (choice & 0x40u) opts.flags |= DKCPR_PARSE_LENIENT;
  if (choice & 0x80u) opts.flags |= DKCPR_PARSE_ALLOW_REPLACEMENT;
  opts.ref_year = FUZZ_REF_YEAR;
  opts.ref_month = FUZZ_REF_MONTH;
  opts.ref_day = FUZZ_REF_DAY;

  if (dkcpr_parse(&orig, s, in.size, &opts) != DKCPR_OK) return 0;
  p = fuzz_pseudonymizer(fuzz_key, keep, flags);
  if (p == NULL) return 0; /* a keep combination the engine refuses */

  st = dkcpr_pseudonymize(out, sizeof out, &out_len, p, s, in.size, &opts);
  if (flags & DKCPR_NEVER_REAL && orig.kind == DKCPR_KIND_REPLACEMENT) {
    FUZZ_CHECK(st == DKCPR_E_KIND);
    return 0;
  }
  FUZZ_CHECK(st == DKCPR_OK);
  FUZZ_CHECK(out_len == in.size && out[out_len] == '\0');

  /* Never-real pseudonyms are replacement numbers: read them as such. */
  if (flags & DKCPR_NEVER_REAL) opts.flags |= DKCPR_PARSE_ALLOW_REPLACEMENT;
  FUZZ_CHECK(dkcpr_parse(&pseudo, out, out_len, &opts) == DKCPR_OK);
  if (flags & DKCPR_NEVER_REAL && orig.kind == DKCPR_KIND_CPR)
    FUZZ_CHECK(pseudo.kind == DKCPR_KIND_REPLACEMENT);
  else
    FUZZ_CHECK(pseudo.kind == orig.kind);
  if (pseudo.kind == orig.kind) FUZZ_CHECK(pseudo.mod11 == orig.mod11);
  if (keep & DKCPR_KEEP_SEX) FUZZ_CHECK(pseudo.sex == orig.sex);
  if (keep & (DKCPR_KEEP_YEAR | DKCPR_KEEP_DATE))
    FUZZ_CHECK(pseudo.year == orig.year);
  if (keep & DKCPR_KEEP_DATE)
    FUZZ_CHECK(pseudo.month == orig.month && pseudo.day == orig.day);

  FUZZ_CHECK(dkcpr_reveal(back, sizeof back, &back_len, p, out, out_len,
                          &opts) == DKCPR_OK);
  FUZZ_CHECK(back_len == in.size && memcmp(back, s, in.size) == 0);

  check_batch(p, &opts, s, in.size, out, out_len);

  FUZZ_CHECK(dkcpr_token(token, sizeof token, &token_len, p, s, in.size,
                         DKCPR_TOKEN_DEFAULT_CHARS, &opts) == DKCPR_OK);
  FUZZ_CHECK(token_len == DKCPR_TOKEN_DEFAULT_CHARS);
  return 0;
}
