/*
 * The native side of the Java binding: one function per JNI call, wrapped
 * by SWIG (bindings/swig/dkcpr_java.i) and used only by the hand-written
 * classes in org.dkcpr. Text crosses as UTF-8 byte[] encoded by Java;
 * handles cross as jlong and are guarded by the Java side, which never
 * passes a freed or NULL handle. Errors throw org.dkcpr.CprException (or
 * OutOfMemoryError) and return 0/NULL.
 *
 * Parse options always travel as policy, DKCPR_PARSE_* flags, the reference
 * date year, month, day (all 0: today, read at every call) and a
 * known-dates list handle from dkcpr_jni_datelist_new (0: the shipped list).
 */
#ifndef DKCPR_JNI_H
#define DKCPR_JNI_H

#ifndef SWIG
#include <jni.h>
#endif

#include "dkcpr.h"

/* Parsing (jni_parse.c). */

/* Parse; fields[0..7] receive year, month, day, sex, kind, mod11,
 * known_date, century digit. Returns the 10 canonical characters. */
jbyteArray dkcpr_jni_parse(JNIEnv *env, jbyteArray in, jint policy, jint flags,
                           jint ry, jint rm, jint rd, jlong dates,
                           jintArray fields);
/* The status of a validation; never throws for invalid input. */
int dkcpr_jni_validate(JNIEnv *env, jbyteArray in, jint policy, jint flags,
                       jint ry, jint rm, jint rd, jlong dates);
/* dkcpr_format() of a number given by its canonical characters. */
jbyteArray dkcpr_jni_format(JNIEnv *env, jbyteArray digits, jint style);
/* dkcpr_age() of a number given by its canonical characters. */
jint dkcpr_jni_age(JNIEnv *env, jbyteArray digits, jint y, jint m, jint d);
jbyteArray dkcpr_jni_keygen(JNIEnv *env);
/* dkcpr_strerror() and dkcpr_status_name() for any int, known or not. */
const char *dkcpr_jni_status_message(int code);
const char *dkcpr_jni_status_name(int code);
jbyteArray dkcpr_jni_key_from_hex(JNIEnv *env, jbyteArray hex);

/* Known-dates lists (jni_parse.c): the shipped dates plus dates packed as
 * year * 10000 + month * 100 + day, plus ISO lines of text (may be NULL).
 * Never modified after creation, so any number of threads may read one. */
jlong dkcpr_jni_datelist_new(JNIEnv *env, jintArray dates, jbyteArray text);
void dkcpr_jni_datelist_free(jlong list);
int dkcpr_jni_datelist_contains(jlong list, jint y, jint m, jint d);

/* Pseudonyms (jni_pseudonym.c); op 0 pseudonymizes, 1 reveals. */

jlong dkcpr_jni_pseudonymizer_new(JNIEnv *env, jbyteArray key,
                                  jbyteArray context, jint keep, jint flags);
void dkcpr_jni_pseudonymizer_free(jlong p);
jbyteArray dkcpr_jni_pseudonymize(JNIEnv *env, jlong p, jint op, jbyteArray in,
                                  jint policy, jint flags, jint ry, jint rm,
                                  jint rd, jlong dates);
/* Element i is in[ends[i-1] .. ends[i]) (ends[-1] = 0); its result goes to
 * out at the same offset, its length to out_lens[i], its status to
 * statuses[i]. Returns the first failed index, or -1. */
jint dkcpr_jni_pseudonymize_many(JNIEnv *env, jlong p, jint op, jbyteArray in,
                                 jintArray ends, jint policy, jint flags,
                                 jint ry, jint rm, jint rd, jlong dates,
                                 jbyteArray out, jintArray out_lens,
                                 jintArray statuses);
jbyteArray dkcpr_jni_token(JNIEnv *env, jlong p, jbyteArray in, jint chars,
                           jint policy, jint flags, jint ry, jint rm, jint rd,
                           jlong dates);

/* Synthetic numbers (jni_generate.c). Birth dates are packed as
 * year * 10000 + month * 100 + day, 0 for the default (from 1858-01-01, to
 * today); sex and mod11 are -1 for any, flags DKCPR_GENERATE_* bits. */

/* How many distinct numbers match. */
jlong dkcpr_jni_generate_total(JNIEnv *env, jint from, jint to, jint sex,
                               jint mod11, jint flags);
/* Elements first .. first + count - 1 of the seed's sequence, 10 ASCII
 * characters each, one after the other. */
jbyteArray dkcpr_jni_generate(JNIEnv *env, jint from, jint to, jint sex,
                              jint mod11, jint flags, jbyteArray seed,
                              jlong first, jint count);

/* Scanning (jni_scan.c). Matches come packed, 5 longs each: start, end,
 * kind | mod11 << 8 | confidence << 16, characters 0-7 and 8-9 little-endian.
 */

jlongArray dkcpr_jni_scan(JNIEnv *env, jbyteArray text, jint policy, jint flags,
                          jint ry, jint rm, jint rd, jlong dates,
                          jint scan_flags, jint min_confidence);
jlong dkcpr_jni_scanner_new(JNIEnv *env, jint policy, jint flags, jint ry,
                            jint rm, jint rd, jlong dates, jint scan_flags,
                            jint min_confidence);
/* Feed len bytes of chunk from off (then finish if finish != 0) and take
 * every match now available. */
jlongArray dkcpr_jni_scanner_feed(JNIEnv *env, jlong h, jbyteArray chunk,
                                  jint off, jint len, jint finish);
void dkcpr_jni_scanner_free(jlong h);

/* Washing (jni_wash.c). p may be 0 for the mask and redact modes. */

jlong dkcpr_jni_washer_new(JNIEnv *env, jlong p, jint policy, jint flags,
                           jint ry, jint rm, jint rd, jlong dates,
                           jint scan_flags, jint min_confidence, jint mode,
                           jint token_chars, jbyteArray placeholder);
jlong dkcpr_jni_washer_bound(jlong h, jint len);
/* Wash len bytes of in from off into out (len < 0: finish); returns the
 * number of bytes written to out, which must hold the bound. */
jint dkcpr_jni_washer_feed(JNIEnv *env, jlong h, jbyteArray in, jint off,
                           jint len, jbyteArray out);
/* kinds K, confidences C, bytes_in, bytes_out, found[K][C], replaced[K][C],
 * failed, irreversible. */
jlongArray dkcpr_jni_washer_stats(JNIEnv *env, jlong h);
void dkcpr_jni_washer_free(jlong h);

#endif /* DKCPR_JNI_H */
