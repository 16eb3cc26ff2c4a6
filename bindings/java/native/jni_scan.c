/* JNI helpers for finding numbers in text, whole or streamed. */
#include "dkcpr_jni.h"

#include <stdint.h>
#include <stdlib.h>

#include "jni_support.h"

jlongArray dkcpr_jni_scan(JNIEnv *env, jbyteArray text, jint policy, jint flags,
                          jint ry, jint rm, jint rd, jlong dates,
                          jint scan_flags, jint min_confidence) {
  dkcpr_jni__buf b;
  dkcpr_scan_options so;
  dkcpr_match small[16];
  dkcpr_match *m = small;
  size_t cap = sizeof small / sizeof small[0], count = 0;
  jlongArray a = NULL;
  dkcpr_status st;
  if (!dkcpr_jni__get(env, &b, text, 0, -1)) {
    return NULL;
  }
  st = dkcpr_jni__scan_options(&so, policy, flags, ry, rm, rd, dates,
                               scan_flags, min_confidence);
  if (st == DKCPR_OK) {
    st = dkcpr_scan(m, cap, &count, b.p, b.n, &so);
  }
  if (st == DKCPR_E_BUFSIZE && count > cap) {
    cap = count;
    m = (dkcpr_match *)malloc(cap * sizeof *m);
    st = m == NULL ? DKCPR_E_NOMEM : dkcpr_scan(m, cap, &count, b.p, b.n, &so);
  }
  if (st == DKCPR_OK) {
    a = dkcpr_jni__match_array(env, m, count);
  } else {
    dkcpr_jni__throw(env, st, NULL);
  }
  if (m != small) {
    free(m);
  }
  dkcpr_jni__release(&b);
  return a;
}

jlong dkcpr_jni_scanner_new(JNIEnv *env, jint policy, jint flags, jint ry,
                            jint rm, jint rd, jlong dates, jint scan_flags,
                            jint min_confidence) {
  dkcpr_scan_options so;
  dkcpr_scanner *s = NULL;
  dkcpr_status st = dkcpr_jni__scan_options(&so, policy, flags, ry, rm, rd,
                                            dates, scan_flags, min_confidence);
  if (st == DKCPR_OK) {
    st = dkcpr_scanner_new(&s, &so);
  }
  if (st != DKCPR_OK) {
    dkcpr_jni__throw(env, st, NULL);
    return 0;
  }
  return DKCPR_JNI_HANDLE(s);
}

/* Feed len bytes from chunk at off (finish != 0: then end the input) and
 * take every match that became available. */
jlongArray dkcpr_jni_scanner_feed(JNIEnv *env, jlong h, jbyteArray chunk,
                                  jint off, jint len, jint finish) {
  dkcpr_scanner *s = DKCPR_JNI_PTR(dkcpr_scanner, h);
  dkcpr_jni__buf b;
  dkcpr_match *m = NULL, *grown;
  size_t cap = 0, count = 0;
  jlongArray a = NULL;
  dkcpr_status st;
  if (!dkcpr_jni__get(env, &b, chunk, off, len)) {
    return NULL;
  }
  st = dkcpr_scanner_feed(s, b.p, b.n);
  dkcpr_jni__release(&b);
  if (st == DKCPR_OK && finish) {
    st = dkcpr_scanner_finish(s);
  }
  while (st == DKCPR_OK) {
    if (count == cap) {
      cap = cap ? cap * 2 : 16;
      grown = (dkcpr_match *)realloc(m, cap * sizeof *m);
      if (grown == NULL) {
        st = DKCPR_E_NOMEM;
        break;
      }
      m = grown;
    }
    st = dkcpr_scanner_next(&m[count], s);
    if (st == DKCPR_OK) {
      count++;
    }
  }
  if (st == DKCPR_E_RANGE) {
    a = dkcpr_jni__match_array(env, m, count);
  } else {
    dkcpr_jni__throw(env, st, NULL);
  }
  free(m);
  return a;
}

void dkcpr_jni_scanner_free(jlong h) {
  dkcpr_scanner_free(DKCPR_JNI_PTR(dkcpr_scanner, h));
}
