/* JNI helpers for synthetic numbers (dkcpr_generate). */
#include "dkcpr_jni.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jni_support.h"

/* Options from what the Java side carries: dates packed as
 * year * 10000 + month * 100 + day (0 keeps the default), sex and mod11 as
 * in dkcpr_generate_options. */
static dkcpr_status options(dkcpr_generate_options *g, jint from, jint to,
                            jint sex, jint mod11, jint flags) {
  dkcpr_status st =
      dkcpr_generate_options_init(g, DKCPR_GENERATE_OPTIONS_VERSION);
  if (st != DKCPR_OK) {
    return st;
  }
  if (from != 0) {
    g->from_year = from / 10000;
    g->from_month = from / 100 % 100;
    g->from_day = from % 100;
  }
  if (to != 0) {
    g->to_year = to / 10000;
    g->to_month = to / 100 % 100;
    g->to_day = to % 100;
  }
  g->sex = sex;
  g->mod11 = mod11;
  g->flags = (unsigned int)flags;
  return DKCPR_OK;
}

jlong dkcpr_jni_generate_total(JNIEnv *env, jint from, jint to, jint sex,
                               jint mod11, jint flags) {
  dkcpr_generate_options g;
  uint64_t total = 0;
  dkcpr_status st = options(&g, from, to, sex, mod11, flags);
  if (st == DKCPR_OK) {
    st = dkcpr_generate(NULL, 11, &total, &g, NULL, 0, 0, 0);
  }
  if (st != DKCPR_OK) {
    dkcpr_jni__throw(env, st, NULL);
    return 0;
  }
  return (jlong)total;
}

/* count numbers from element first of the seed's sequence, as 10 ASCII
 * characters each, one after the other. */
jbyteArray dkcpr_jni_generate(JNIEnv *env, jint from, jint to, jint sex,
                              jint mod11, jint flags, jbyteArray seed,
                              jlong first, jint count) {
  enum { STRIDE = 11 };
  dkcpr_generate_options g;
  dkcpr_jni__buf s;
  char *out;
  jbyteArray a = NULL;
  jint i;
  dkcpr_status st;
  if (first < 0 || count < 0 || count > INT32_MAX / STRIDE) {
    dkcpr_jni__throw(env, DKCPR_E_ARG, "first or count out of range");
    return NULL;
  }
  st = options(&g, from, to, sex, mod11, flags);
  if (st != DKCPR_OK) {
    dkcpr_jni__throw(env, st, NULL);
    return NULL;
  }
  if (!dkcpr_jni__get(env, &s, seed, 0, -1)) {
    dkcpr_jni__release(&s);
    return NULL;
  }
  out = (char *)malloc((size_t)count * STRIDE + 1);
  if (out == NULL) {
    dkcpr_jni__wipe(s.p, s.n);
    dkcpr_jni__release(&s);
    dkcpr_jni__throw(env, DKCPR_E_NOMEM, NULL);
    return NULL;
  }
  st = dkcpr_generate(out, STRIDE, NULL, &g, (const uint8_t *)s.p, s.n,
                      (uint64_t)first, (size_t)count);
  /* A seed drawn at random is as good as a key to the sequence. */
  dkcpr_jni__wipe(s.p, s.n);
  dkcpr_jni__release(&s);
  if (st == DKCPR_OK) {
    /* Pack the NUL-terminated numbers into 10 characters each. */
    for (i = 1; i < count; i++) {
      memmove(out + (size_t)i * 10, out + (size_t)i * STRIDE, 10);
    }
    a = dkcpr_jni__new_bytes(env, out, (size_t)count * 10);
  } else {
    dkcpr_jni__throw(env, st, NULL);
  }
  free(out);
  return a;
}
