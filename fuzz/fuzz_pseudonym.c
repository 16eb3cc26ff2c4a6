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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_input in = {data, size};
  unsigned choice = fuzz_take_byte(&in);
  unsigned keep = choice & 0x7u;
  unsigned flags = (choice & 0x8u) ? DKCPR_NEVER_REAL : 0;
  dkcpr_pseudonymizer *p = NULL;
  dkcpr_options opts;
  dkcpr_cpr orig, pseudo;
  char out[OUT_CAP], back[OUT_CAP], batch[OUT_CAP], token[64];
  size_t out_len = 0, back_len = 0, batch_len = 0, token_len = 0;
  dkcpr_status st, batch_st = DKCPR_E_STATE;
  const char *s = (const char *)in.data;
  const char *in_list[1];
  size_t in_lens[1];

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
  if (dkcpr_pseudonymizer_new(&p, fuzz_key, sizeof fuzz_key,
                              (const uint8_t *)"fuzz", 4, keep,
                              flags) != DKCPR_OK)
    return 0; /* a keep combination the engine refuses */

  st = dkcpr_pseudonymize(out, sizeof out, &out_len, p, s, in.size, &opts);
  if (flags & DKCPR_NEVER_REAL && orig.kind == DKCPR_KIND_REPLACEMENT) {
    FUZZ_CHECK(st == DKCPR_E_KIND);
    dkcpr_pseudonymizer_free(p);
    return 0;
  }
  FUZZ_CHECK(st == DKCPR_OK);
  FUZZ_CHECK(out_len == in.size && out[out_len] == '\0');

  FUZZ_CHECK(dkcpr_parse(&pseudo, out, out_len, &opts) == DKCPR_OK);
  if (flags & DKCPR_NEVER_REAL && orig.kind == DKCPR_KIND_CPR)
    FUZZ_CHECK(pseudo.kind == DKCPR_KIND_REPLACEMENT);
  else
    FUZZ_CHECK(pseudo.kind == orig.kind);
  if (pseudo.kind == orig.kind) FUZZ_CHECK(pseudo.mod11 == orig.mod11);
  if (orig.kind == DKCPR_KIND_XECPR || orig.kind == DKCPR_KIND_DECPR)
    FUZZ_CHECK(memcmp(pseudo.digits + 7, orig.digits + 7, 2) == 0);
  if (keep & DKCPR_KEEP_SEX) FUZZ_CHECK(pseudo.sex == orig.sex);
  if (keep & (DKCPR_KEEP_YEAR | DKCPR_KEEP_DATE))
    FUZZ_CHECK(pseudo.year == orig.year);
  if (keep & DKCPR_KEEP_DATE)
    FUZZ_CHECK(pseudo.month == orig.month && pseudo.day == orig.day);

  FUZZ_CHECK(dkcpr_reveal(back, sizeof back, &back_len, p, out, out_len,
                          &opts) == DKCPR_OK);
  FUZZ_CHECK(back_len == in.size && memcmp(back, s, in.size) == 0);

  in_list[0] = s;
  in_lens[0] = in.size;
  FUZZ_CHECK(dkcpr_pseudonymize_many(batch, sizeof batch, &batch_len,
                                     &batch_st, p, in_list, in_lens, 1,
                                     &opts) == DKCPR_OK);
  FUZZ_CHECK(batch_st == DKCPR_OK && batch_len == out_len &&
             memcmp(batch, out, out_len + 1) == 0);
  in_list[0] = out;
  in_lens[0] = out_len;
  FUZZ_CHECK(dkcpr_reveal_many(batch, sizeof batch, &batch_len, &batch_st, p,
                               in_list, in_lens, 1, &opts) == DKCPR_OK);
  FUZZ_CHECK(batch_st == DKCPR_OK && batch_len == in.size &&
             memcmp(batch, s, in.size) == 0);

  FUZZ_CHECK(dkcpr_token(token, sizeof token, &token_len, p, s, in.size,
                         DKCPR_TOKEN_DEFAULT_CHARS, &opts) == DKCPR_OK);
  FUZZ_CHECK(token_len == DKCPR_TOKEN_DEFAULT_CHARS);
  dkcpr_pseudonymizer_free(p);
  return 0;
}
