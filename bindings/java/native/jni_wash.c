/* JNI helpers for the streaming washer. */
#include "dkcpr_jni.h"

#include <stdint.h>
#include <stdlib.h>

#include "jni_support.h"

/* A washer together with its placeholder text, which the washer does not own.
 */
typedef struct jni_washer {
  dkcpr_washer *w;
  char *placeholder;
} jni_washer;

jlong dkcpr_jni_washer_new(JNIEnv *env, jlong p, jint policy, jint flags,
                           jint ry, jint rm, jint rd, jlong dates,
                           jint scan_flags, jint min_confidence, jint mode,
                           jint token_chars, jbyteArray placeholder) {
  dkcpr_wash_options wo;
  jni_washer *jw;
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
  st = dkcpr_jni__scan_options(&wo.scan, policy, flags, ry, rm, rd, dates,
                               scan_flags, min_confidence);
  wo.mode = (dkcpr_wash_mode)mode;
  if (token_chars > 0) {
    wo.token_chars = (size_t)token_chars;
  }
  if (st == DKCPR_OK && placeholder != NULL) {
    jsize n = (*env)->GetArrayLength(env, placeholder);
    jw->placeholder = (char *)malloc((size_t)n + 1);
    if (jw->placeholder == NULL) {
      st = DKCPR_E_NOMEM;
    } else {
      (*env)->GetByteArrayRegion(env, placeholder, 0, n,
                                 (jbyte *)jw->placeholder);
      jw->placeholder[n] = '\0';
      wo.placeholder = jw->placeholder;
      wo.placeholder_len = (size_t)n;
    }
  }
  if (st == DKCPR_OK) {
    st = dkcpr_washer_new(&jw->w, DKCPR_JNI_PTR(const dkcpr_pseudonymizer, p),
                          &wo);
  }
  if (st != DKCPR_OK) {
    free(jw->placeholder);
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
  st = len >= 0 ? dkcpr_washer_feed(jw->w, dst, cap, &n, b.p, b.n)
                : dkcpr_washer_finish(jw->w, dst, cap, &n);
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

/* bytes_in, bytes_out, found[4][3], replaced[4][3], failed. */
jlongArray dkcpr_jni_washer_stats(JNIEnv *env, jlong h) {
  const jni_washer *jw = DKCPR_JNI_PTR(const jni_washer, h);
  dkcpr_wash_stats s;
  jlong v[27];
  jlongArray a;
  int k, c;
  dkcpr_status st = dkcpr_washer_stats(jw->w, &s);
  if (st != DKCPR_OK) {
    dkcpr_jni__throw(env, st, NULL);
    return NULL;
  }
  v[0] = (jlong)s.bytes_in;
  v[1] = (jlong)s.bytes_out;
  for (k = 0; k < 4; k++) {
    for (c = 0; c < 3; c++) {
      v[2 + k * 3 + c] = (jlong)s.found[k][c];
      v[14 + k * 3 + c] = (jlong)s.replaced[k][c];
    }
  }
  v[26] = (jlong)s.failed;
  a = (*env)->NewLongArray(env, 27);
  if (a != NULL) {
    (*env)->SetLongArrayRegion(env, a, 0, 27, v);
  }
  return a;
}

void dkcpr_jni_washer_free(jlong h) {
  jni_washer *jw = DKCPR_JNI_PTR(jni_washer, h);
  if (jw != NULL) {
    dkcpr_washer_free(jw->w);
    free(jw->placeholder);
    free(jw);
  }
}
