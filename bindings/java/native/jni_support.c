/* Shared pieces of the JNI helpers: exceptions, buffers, options. */
#include "jni_support.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The exception class is looked up per throw: errors are the slow path,
 * and caching a global reference would be global mutable state. */
void dkcpr_jni__throw(JNIEnv *env, dkcpr_status st, const char *detail) {
  jclass cls;
  jmethodID ctor;
  jstring msg;
  if ((*env)->ExceptionCheck(env)) {
    return;
  }
  if (st == DKCPR_E_NOMEM) {
    cls = (*env)->FindClass(env, "java/lang/OutOfMemoryError");
    if (cls != NULL) {
      (*env)->ThrowNew(env, cls, dkcpr_strerror(st));
      (*env)->DeleteLocalRef(env, cls);
    }
    return;
  }
  cls = (*env)->FindClass(env, "org/dkcpr/CprException");
  if (cls == NULL) {
    return;
  }
  ctor = (*env)->GetMethodID(env, cls, "<init>", "(ILjava/lang/String;)V");
  /* Both texts are static ASCII, so modified UTF-8 is plain UTF-8 here. */
  msg = ctor == NULL ? NULL
                     : (*env)->NewStringUTF(
                           env, detail != NULL ? detail : dkcpr_strerror(st));
  if (msg != NULL) {
    jobject ex = (*env)->NewObject(env, cls, ctor, (jint)st, msg);
    if (ex != NULL) {
      (*env)->Throw(env, (jthrowable)ex);
      (*env)->DeleteLocalRef(env, ex);
    }
    (*env)->DeleteLocalRef(env, msg);
  }
  (*env)->DeleteLocalRef(env, cls);
}

void dkcpr_jni__wipe(void *p, size_t n) {
  volatile unsigned char *v = (volatile unsigned char *)p;
  while (n-- > 0) {
    *v++ = 0;
  }
}

/* Every field of version DKCPR_OPTIONS_VERSION is set here, so
 * dkcpr_options_init() is not needed; it would read the clock on every
 * call only for the reference date overwritten below. */
void dkcpr_jni__options(dkcpr_options *o, jint policy, jint flags, jint ry,
                        jint rm, jint rd, jlong dates) {
  memset(o, 0, sizeof *o);
  o->version = DKCPR_OPTIONS_VERSION;
  o->policy = (dkcpr_policy)policy;
  o->flags = (unsigned int)flags;
  o->ref_year = ry;
  o->ref_month = rm;
  o->ref_day = rd;
  o->known_dates = DKCPR_JNI_PTR(const dkcpr_datelist, dates);
}

dkcpr_status dkcpr_jni__scan_options(dkcpr_scan_options *s, jint policy,
                                     jint flags, jint ry, jint rm, jint rd,
                                     jlong dates, jint scan_flags,
                                     jint min_confidence) {
  dkcpr_options parse;
  dkcpr_status st = dkcpr_scan_options_init(s, DKCPR_SCAN_OPTIONS_VERSION);
  if (st != DKCPR_OK) {
    return st;
  }
  /* Text has no reference date (the not-yet-born check never applies
   * there), but a bad one is still the caller's error. */
  dkcpr_jni__options(&parse, policy, flags, ry, rm, rd, dates);
  if (dkcpr_validate("0707614285", 10, &parse) == DKCPR_E_ARG) {
    return DKCPR_E_ARG;
  }
  s->policy = parse.policy;
  s->parse_flags = parse.flags;
  s->known_dates = parse.known_dates;
  s->flags = (unsigned int)scan_flags;
  s->min_confidence = (dkcpr_confidence)min_confidence;
  return DKCPR_OK;
}

int dkcpr_jni__get(JNIEnv *env, dkcpr_jni__buf *b, jbyteArray a, jint off,
                   jint len) {
  jsize size;
  b->p = b->small;
  b->n = 0;
  if (a == NULL) {
    dkcpr_jni__throw(env, DKCPR_E_NULL, NULL);
    return 0;
  }
  size = (*env)->GetArrayLength(env, a);
  if (len < 0) {
    len = size - off;
  }
  if (off < 0 || len < 0 || off > size - len) {
    dkcpr_jni__throw(env, DKCPR_E_ARG, "offset or length out of range");
    return 0;
  }
  if ((size_t)len > sizeof b->small) {
    b->p = (char *)malloc((size_t)len);
    if (b->p == NULL) {
      b->p = b->small;
      dkcpr_jni__throw(env, DKCPR_E_NOMEM, NULL);
      return 0;
    }
  }
  b->n = (size_t)len;
  (*env)->GetByteArrayRegion(env, a, off, len, (jbyte *)b->p);
  return 1;
}

void dkcpr_jni__release(dkcpr_jni__buf *b) {
  if (b->p != b->small) {
    free(b->p);
  }
  b->p = b->small;
  b->n = 0;
}

jbyteArray dkcpr_jni__new_bytes(JNIEnv *env, const char *p, size_t n) {
  jbyteArray a = (*env)->NewByteArray(env, (jsize)n);
  if (a != NULL) {
    (*env)->SetByteArrayRegion(env, a, 0, (jsize)n, (const jbyte *)p);
  }
  return a;
}

static void pack_match(jlong *d, const dkcpr_match *m) {
  uint64_t lo = 0, hi;
  int i;
  for (i = 7; i >= 0; i--) {
    lo = (lo << 8) | (unsigned char)m->digits[i];
  }
  hi = ((uint64_t)(unsigned char)m->digits[9] << 8) |
       (unsigned char)m->digits[8];
  d[0] = (jlong)m->start;
  d[1] = (jlong)m->end;
  d[2] = (jlong)((unsigned)m->kind | ((unsigned)(m->mod11 != 0) << 8) |
                 ((unsigned)m->confidence << 16));
  d[3] = (jlong)lo;
  d[4] = (jlong)hi;
}

jlongArray dkcpr_jni__match_array(JNIEnv *env, const dkcpr_match *m,
                                  size_t count) {
  jlongArray a;
  jlong *tmp;
  size_t i, n;
  if (count > (size_t)INT32_MAX / DKCPR_JNI_MATCH_LONGS) {
    dkcpr_jni__throw(env, DKCPR_E_NOMEM, NULL);
    return NULL;
  }
  n = count * DKCPR_JNI_MATCH_LONGS;
  tmp = (jlong *)malloc((n ? n : 1) * sizeof *tmp);
  if (tmp == NULL) {
    dkcpr_jni__throw(env, DKCPR_E_NOMEM, NULL);
    return NULL;
  }
  for (i = 0; i < count; i++) {
    pack_match(tmp + i * DKCPR_JNI_MATCH_LONGS, &m[i]);
  }
  a = (*env)->NewLongArray(env, (jsize)n);
  if (a != NULL) {
    (*env)->SetLongArrayRegion(env, a, 0, (jsize)n, tmp);
  }
  free(tmp);
  return a;
}
