/* Shared pieces of the JNI helpers: exceptions, buffers, options. */
#ifndef DKCPR_JNI_SUPPORT_H
#define DKCPR_JNI_SUPPORT_H

#include <jni.h>
#include <stddef.h>

#include "dkcpr.h"

/* Throw org.dkcpr.CprException(code, detail or the status message), or
 * OutOfMemoryError for DKCPR_E_NOMEM. Does nothing if an exception is
 * already pending. */
void dkcpr_jni__throw(JNIEnv *env, dkcpr_status st, const char *detail);

/* Wipe memory in a way the compiler cannot drop (copies of keys). */
void dkcpr_jni__wipe(void *p, size_t n);

/* Parse options from what every call carries: policy, flags, the
 * reference date (all 0: today, read at every call) and a known-dates
 * list handle (0: the shipped list). */
void dkcpr_jni__options(dkcpr_options *o, jint policy, jint flags, jint ry,
                        jint rm, jint rd, jlong dates);

/* Scan options: parse options as above, DKCPR_SCAN_* flags, confidence. */
dkcpr_status dkcpr_jni__scan_options(dkcpr_scan_options *s, jint policy,
                                     jint flags, jint ry, jint rm, jint rd,
                                     jlong dates, jint scan_flags,
                                     jint min_confidence);

/* A Java byte[] range copied into C memory: a small inline buffer or the heap.
 */
typedef struct dkcpr_jni__buf {
  char *p;
  size_t n;
  char small[128];
} dkcpr_jni__buf;

/* Copy len bytes of a from off (len < 0: to the end). On failure an
 * exception is pending and 0 is returned; release is still safe. */
int dkcpr_jni__get(JNIEnv *env, dkcpr_jni__buf *b, jbyteArray a, jint off,
                   jint len);
void dkcpr_jni__release(dkcpr_jni__buf *b);

/* A new byte[] holding n bytes of p (NULL with an exception pending on
 * failure). */
jbyteArray dkcpr_jni__new_bytes(JNIEnv *env, const char *p, size_t n);

/* Matches as DKCPR_JNI_MATCH_LONGS longs each: start, end,
 * kind | mod11 << 8 | confidence << 16, and the 10 canonical characters
 * packed little-endian into two longs. */
#define DKCPR_JNI_MATCH_LONGS 5
jlongArray dkcpr_jni__match_array(JNIEnv *env, const dkcpr_match *m,
                                  size_t count);

/* Handles travel to Java as jlong. */
#define DKCPR_JNI_PTR(type, h) ((type *)(intptr_t)(h))
#define DKCPR_JNI_HANDLE(p) ((jlong)(intptr_t)(p))

#endif /* DKCPR_JNI_SUPPORT_H */
