/* SPDX-License-Identifier: Apache-2.0 */
/* Invariant 4: frozen golden vectors (tests/vectors/pseudonyms.tsv, read by
 * the C, Python and Java tests). Each line is checked both ways and against
 * the independent properties (valid, kind, kept attributes). The file was
 * produced once by `test_pseudonym_golden --write FILE` and then frozen:
 * changing the mapping needs a new algorithm identifier. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "pseudonym_util.h"

#define MAXLINE 512

typedef struct vec {
  char key_hex[65], ctx_hex[129];
  unsigned keep, flags, policy, parse_flags;
  char in[64], out[64];
} vec;

static size_t unhex(uint8_t *out, const char *hex) {
  size_t n = strlen(hex) / 2;
  for (size_t i = 0; i < n; i++) {
    unsigned v;
    sscanf(hex + 2 * i, "%2x", &v);
    out[i] = (uint8_t)v;
  }
  return n;
}

static void tohex(char *out, const uint8_t *b, size_t n) {
  for (size_t i = 0; i < n; i++) sprintf(out + 2 * i, "%02x", b[i]);
  out[2 * n] = '\0';
}

static dkcpr_pseudonymizer *handle_of(const vec *v) {
  uint8_t key[32], ctx[64];
  size_t clen = unhex(ctx, v->ctx_hex);
  dkcpr_pseudonymizer *p = NULL;
  unhex(key, v->key_hex);
  if (dkcpr_pseudonymizer_new(&p, key, 32, ctx, clen, v->keep, v->flags) != DKCPR_OK) return NULL;
  return p;
}

static dkcpr_options opts_of(const vec *v) {
  return tu_opts((dkcpr_policy)v->policy, v->parse_flags);
}

/* ---- writing (once) --------------------------------------------------- */

static const char *const contexts[] = {"", "golden", "Region Hovedstaden/2026"};

static void emit(FILE *f, const uint8_t *key, const char *context, unsigned keep,
                 unsigned flags, unsigned policy, unsigned parse_flags, const char *in) {
  vec v;
  dkcpr_pseudonymizer *p;
  dkcpr_options o;
  size_t len;
  tohex(v.key_hex, key, 32);
  tohex(v.ctx_hex, (const uint8_t *)context, strlen(context));
  v.keep = keep, v.flags = flags, v.policy = policy, v.parse_flags = parse_flags;
  p = handle_of(&v);
  o = opts_of(&v);
  if (dkcpr_pseudonymize(v.out, sizeof v.out, &len, p, in, strlen(in), &o) != DKCPR_OK) {
    fprintf(stderr, "cannot pseudonymize %s\n", in);
    exit(1);
  }
  fprintf(f, "%s\t%s\t%u\t%u\t%u\t%u\t%s\t%s\n", v.key_hex, v.ctx_hex, keep, flags, policy,
          parse_flags, in, v.out);
  dkcpr_pseudonymizer_free(p);
}

static int write_vectors(const char *path) {
  FILE *f = fopen(path, "w");
  uint8_t key2[32];
  uint64_t rs = 20261126;
  unsigned n = 0;
  static const char *const edges[] = {"0101585000", "3112575009", "2902004001", "2802001234",
                                      "0101360019", "3112369998", "0101379001", "0101000000",
                                      "6101585000", "8902004001"};
  static const char *const forms[] = {"211062-5629", "211062 5629",
                                      "211062\xe2\x80\x93" "5629",
                                      "\xef\xbc\x92\xef\xbc\x91\xef\xbc\x91\xef\xbc\x90\xef\xbc\x96"
                                      "\xef\xbc\x92\xef\xbc\x95\xef\xbc\x96\xef\xbc\x92\xef\xbc\x99",
                                      "0203291WQ3", "310105-7JC9"};
  if (f == NULL) return 1;
  for (int i = 0; i < 32; i++) key2[i] = (uint8_t)i;
  fprintf(f, "key_hex\tcontext_hex\tkeep\tflags\tpolicy\tparse_flags\tinput\toutput\n");
  /* every keep mode x never-real x kind, mod-11 pass and fail */
  for (unsigned fl = 0; fl <= 1; fl++)
    for (size_t k = 0; k < TU_NKEEPS; k++)
      for (int kind = 0; kind <= 3; kind++)
        for (int j = 0; j < 3; j++) {
          char in[11];
          if (fl && kind == DKCPR_KIND_REPLACEMENT) continue;
          tu_random(in, kind, kind <= 1 ? j < 2 : -1, &rs);
          emit(f, n % 2 ? key2 : test_key, contexts[n % 3], tu_keeps[k], fl, 0,
               DKCPR_PARSE_ALLOW_REPLACEMENT, in);
          n++;
        }
  /* separator and digit-script forms */
  for (size_t k = 0; k < TU_NKEEPS; k++)
    for (size_t j = 0; j < sizeof forms / sizeof forms[0]; j++)
      emit(f, test_key, contexts[1], tu_keeps[k], 0, 0,
           DKCPR_PARSE_LENIENT | DKCPR_PARSE_ALLOW_REPLACEMENT, forms[j]);
  /* span edges, leap days, century boundaries */
  for (size_t k = 0; k < 3; k++)
    for (size_t j = 0; j < sizeof edges / sizeof edges[0]; j++)
      emit(f, key2, contexts[2], tu_keeps[k * 2 + 1], 0, 0, DKCPR_PARSE_ALLOW_REPLACEMENT,
           edges[j]);
  /* policies: strict (mod-11 pass), known-dates failures on listed dates */
  for (size_t k = 0; k < TU_NKEEPS; k++) {
    char in[11];
    tu_random(in, DKCPR_KIND_CPR, 1, &rs);
    emit(f, test_key, contexts[0], tu_keeps[k], 0, DKCPR_POLICY_STRICT, 0, in);
    for (int j = 0; j < 2; j++) {
      int tail;
      do {
        tail = (int)(tu_rand(&rs) % 1000);
        snprintf(in, sizeof in, "0101%s%03d", j ? "654" : "909", tail);
      } while (tu_facts(in).mod11);
      emit(f, test_key, contexts[0], tu_keeps[k], 0, DKCPR_POLICY_KNOWN_DATES, 0, in);
    }
  }
  /* more of the default keep, every kind */
  for (int j = 0; j < 36; j++) {
    char in[11];
    tu_random(in, j % 4, -1, &rs);
    emit(f, test_key, contexts[j % 3], DKCPR_KEEP_DEFAULT, 0, 0, DKCPR_PARSE_ALLOW_REPLACEMENT, in);
  }
  return fclose(f) != 0;
}

/* ---- checking --------------------------------------------------------- */

static size_t read_vectors(vec **out) {
  FILE *f = fopen(DKCPR_VECTORS_DIR "/pseudonyms.tsv", "r");
  char line[MAXLINE];
  size_t n = 0, cap = 512;
  vec *v = malloc(cap * sizeof *v);
  assert_non_null(f);
  assert_non_null(v);
  assert_non_null(fgets(line, sizeof line, f));
  assert_memory_equal(line, "key_hex\tcontext_hex\tkeep", 24);
  while (fgets(line, sizeof line, f) != NULL) {
    vec *x = &v[n];
    char *field[8], *s = line;
    line[strcspn(line, "\n")] = '\0';
    for (int i = 0; i < 8; i++) {
      field[i] = s;
      s = strchr(s, '\t');
      if (i < 7) {
        assert_non_null(s);
        *s++ = '\0';
      }
    }
    assert_null(s);
    snprintf(x->key_hex, sizeof x->key_hex, "%s", field[0]);
    snprintf(x->ctx_hex, sizeof x->ctx_hex, "%s", field[1]);
    x->keep = (unsigned)atoi(field[2]);
    x->flags = (unsigned)atoi(field[3]);
    x->policy = (unsigned)atoi(field[4]);
    x->parse_flags = (unsigned)atoi(field[5]);
    snprintf(x->in, sizeof x->in, "%s", field[6]);
    snprintf(x->out, sizeof x->out, "%s", field[7]);
    assert_int_equal(strlen(x->key_hex), 64);
    if (++n == cap) {
      cap *= 2;
      v = realloc(v, cap * sizeof *v);
      assert_non_null(v);
    }
  }
  fclose(f);
  *out = v;
  return n;
}

static void golden(void **state) {
  vec *v;
  size_t n = read_vectors(&v);
  unsigned kinds = 0, keeps = 0, never_real = 0, lenient = 0, policies = 0, dashed = 0;
  (void)state;
  assert_true(n >= 200);
  for (size_t i = 0; i < n; i++) {
    dkcpr_pseudonymizer *p = handle_of(&v[i]);
    dkcpr_options o = opts_of(&v[i]);
    char out[64], back[64];
    size_t len = 0, inlen = strlen(v[i].in);
    dkcpr_cpr a, b;
    const char *in_ptr[1] = {v[i].in};
    dkcpr_status st;
    assert_non_null(p);
    /* the frozen mapping, both ways, one at a time and batched */
    assert_int_equal(dkcpr_pseudonymize(out, sizeof out, &len, p, v[i].in, inlen, &o), DKCPR_OK);
    assert_string_equal(out, v[i].out);
    assert_int_equal(dkcpr_reveal(back, sizeof back, &len, p, v[i].out, strlen(v[i].out), &o),
                     DKCPR_OK);
    assert_string_equal(back, v[i].in);
    assert_int_equal(dkcpr_pseudonymize_many(out, sizeof out, NULL, &st, p, in_ptr, &inlen, 1, &o),
                     DKCPR_OK);
    assert_string_equal(out, v[i].out);
    /* independent properties */
    o.flags |= DKCPR_PARSE_ALLOW_REPLACEMENT;
    assert_int_equal(dkcpr_parse(&a, v[i].in, inlen, &o), DKCPR_OK);
    assert_int_equal(dkcpr_parse(&b, v[i].out, strlen(v[i].out), &o), DKCPR_OK);
    assert_true(tu_facts(b.digits).ok);
    if (v[i].flags && a.kind == DKCPR_KIND_CPR) {
      assert_int_equal(b.kind, DKCPR_KIND_REPLACEMENT);
    } else {
      assert_int_equal(b.kind, a.kind);
      assert_int_equal(b.mod11, a.mod11);
    }
    if (v[i].keep & DKCPR_KEEP_SEX) assert_int_equal(b.sex, a.sex);
    if (v[i].keep & (DKCPR_KEEP_YEAR | DKCPR_KEEP_DATE)) assert_int_equal(b.year, a.year);
    if (v[i].keep & DKCPR_KEEP_DATE) {
      assert_int_equal(b.month, a.month);
      assert_int_equal(b.day, a.day);
    }
    kinds |= 1u << a.kind;
    keeps |= 1u << v[i].keep;
    never_real |= v[i].flags;
    lenient |= v[i].parse_flags & DKCPR_PARSE_LENIENT;
    policies |= 1u << v[i].policy;
    dashed |= strchr(v[i].in, '-') != NULL;
    dkcpr_pseudonymizer_free(p);
  }
  /* coverage of the file */
  assert_int_equal(kinds, 0xf);
  assert_int_equal(keeps, 1u << 0 | 1u << 1 | 1u << 2 | 1u << 3 | 1u << 4 | 1u << 5);
  assert_true(never_real && lenient && dashed);
  assert_int_equal(policies, 7);
  free(v);
}

int main(int argc, char **argv) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(golden)};
  if (argc == 3 && strcmp(argv[1], "--write") == 0) return write_vectors(argv[2]);
  return cmocka_run_group_tests(tests, NULL, NULL);
}
