/* JNI helpers for the streaming washer. */
#include "dkcpr_jni.h"

#include <stdint.h>
#include <stdlib.h>

#include "jni_support.h"

/* A washer; a struct so the handle can grow without changing Java. */
typedef struct jni_washer {
  dkcpr_washer *w;
} jni_washer;

jlong dkcpr_jni_washer_new(JNIEnv *env, jlong p, jint policy, jint flags,
                           jint ry, jint rm, jint rd, jlong dates,
                           jint scan_flags, jint min_confidence, jint mode,
                           jint token_chars, jbyteArray placeholder) {
  dkcpr_scan_options so;
  dkcpr_wash_options wo;
  jni_washer *jw;
  char *text = NULL;
  dkcpr_status st = dkcpr_wash_options_init(&wo, DKCPR_WASH_OPTIONS_VERSION);
  if (st != DKCPR_OK) {
    dkcpr_jni__throw(env, st, NULL);
    return 0;
  }
  jw = (jni_washer *)calloc(1, sizeof *jw);
  if (jw == NULL) {
    dkcpr_jni__throw(env, DKCPR_E_NOMEM, NULL);
    return 0;
  }
  st = dkcpr_jni__scan_options(&so, policy, flags, ry, rm, rd, dates,
                               scan_flags, min_confidence);
  wo.mode = (dkcpr_wash_mode)mode;
  if (token_chars > 0) {
    wo.token_chars = (size_t)token_chars;
  }
  if (st == DKCPR_OK && placeholder != NULL) {
    jsize n = (*env)->GetArrayLength(env, placeholder);
    text = (char *)malloc((size_t)n + 1);
    if (text == NULL) {
      st = DKCPR_E_NOMEM;
    } else {
      (*env)->GetByteArrayRegion(env, placeholder, 0, n, (jbyte *)text);
      wo.placeholder = text;
      wo.placeholder_len = (size_t)n;
    }
  }
  if (st == DKCPR_OK) {
    /* The washer copies the placeholder. */
    st = dkcpr_washer_new(&jw->w, DKCPR_JNI_PTR(const dkcpr_pseudonymizer, p),
                          &so, &wo);
  }
  free(text);
  if (st != DKCPR_OK) {
    free(jw);
    dkcpr_jni__throw(env, st, NULL);
    return 0;
  }
  return DKCPR_JNI_HANDLE(jw);
}

jlong dkcpr_jni_washer_bound(jlong h, jint len) {
  const jni_washer *jw = DKCPR_JNI_PTR(const jni_washer, h);
  return (jlong)dkcpr_washer_bound(jw->w, len < 0 ? 0 : (size_t)len);
}

/* Wash len bytes of in from off into out; len < 0 finishes the input.
 * Returns how many bytes of out were written. */
jint dkcpr_jni_washer_feed(JNIEnv *env, jlong h, jbyteArray in, jint off,
                           jint len, jbyteArray out) {
  jni_washer *jw = DKCPR_JNI_PTR(jni_washer, h);
  dkcpr_jni__buf b;
  char *dst;
  size_t cap, n = 0;
  dkcpr_status st;
  if (out == NULL) {
    dkcpr_jni__throw(env, DKCPR_E_NULL, NULL);
    return 0;
  }
  b.p = b.small;
  b.n = 0;
  if (len >= 0 && !dkcpr_jni__get(env, &b, in, off, len)) {
    return 0;
  }
  cap = (size_t)(*env)->GetArrayLength(env, out);
  dst = (char *)malloc(cap ? cap : 1);
  if (dst == NULL) {
    dkcpr_jni__release(&b);
    dkcpr_jni__throw(env, DKCPR_E_NOMEM, NULL);
    return 0;
  }
  st = len >= 0 ? dkcpr_washer_feed(dst, cap, &n, jw->w, b.p, b.n)
                : dkcpr_washer_finish(dst, cap, &n, jw->w);
  dkcpr_jni__release(&b);
  if (st == DKCPR_OK) {
    (*env)->SetByteArrayRegion(env, out, 0, (jsize)n, (const jbyte *)dst);
  } else {
    dkcpr_jni__throw(env, st, NULL);
    n = 0;
  }
  free(dst);
  return (jint)n;
}

/* kinds K, confidences C, bytes_in, bytes_out, found[K][C], replaced[K][C],
 * failed, irreversible: the shape travels with the counts. */
#define CELLS (DKCPR_KIND_COUNT * DKCPR_CONFIDENCE_COUNT)
#define VALUES (4 + 2 * CELLS + 2)
jlongArray dkcpr_jni_washer_stats(JNIEnv *env, jlong h) {
  const jni_washer *jw = DKCPR_JNI_PTR(const jni_washer, h);
  dkcpr_wash_stats s;
  jlong v[VALUES];
  jlongArray a;
  int k, c;
  dkcpr_status st;
  s.version = DKCPR_WASH_STATS_VERSION;
  st = dkcpr_washer_stats(&s, jw->w);
  if (st != DKCPR_OK) {
    dkcpr_jni__throw(env, st, NULL);
    return NULL;
  }
  v[0] = DKCPR_KIND_COUNT;
  v[1] = DKCPR_CONFIDENCE_COUNT;
  v[2] = (jlong)s.bytes_in;
  v[3] = (jlong)s.bytes_out;
  for (k = 0; k < DKCPR_KIND_COUNT; k++) {
    for (c = 0; c < DKCPR_CONFIDENCE_COUNT; c++) {
      v[4 + k * DKCPR_CONFIDENCE_COUNT + c] = (jlong)s.found[k][c];
      v[4 + CELLS + k * DKCPR_CONFIDENCE_COUNT + c] = (jlong)s.replaced[k][c];
    }
  }
  v[4 + 2 * CELLS] = (jlong)s.failed;
  v[5 + 2 * CELLS] = (jlong)s.irreversible;
  a = (*env)->NewLongArray(env, VALUES);
  if (a != NULL) {
    (*env)->SetLongArrayRegion(env, a, 0, VALUES, v);
  }
  return a;
}

void dkcpr_jni_washer_free(jlong h) {
  jni_washer *jw = DKCPR_JNI_PTR(jni_washer, h);
  if (jw != NULL) {
    dkcpr_washer_free(jw->w);
    free(jw);
  }
}
