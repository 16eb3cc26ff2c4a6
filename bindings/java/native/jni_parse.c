/* JNI helpers for parsing, formatting, ages and keys. */
#include "dkcpr_jni.h"

#include <stdint.h>
#include <stdio.h>

#include "jni_support.h"

/* Canonical characters of an already parsed number back to dkcpr_cpr: they
 * parsed once, so every rule that can depend on options is relaxed here. */
static int reparse(JNIEnv *env, dkcpr_cpr *c, jbyteArray digits) {
  dkcpr_jni__buf b;
  dkcpr_options o;
  dkcpr_status st;
  if (!dkcpr_jni__get(env, &b, digits, 0, -1)) {
    return 0;
  }
  dkcpr_jni__options(&o, DKCPR_POLICY_DEFAULT,
                     DKCPR_PARSE_ALLOW_REPLACEMENT | DKCPR_PARSE_ALLOW_FUTURE,
                     0, 0, 0, 0);
  st = dkcpr_parse(c, b.p, b.n, &o);
  dkcpr_jni__release(&b);
  if (st != DKCPR_OK) {
    dkcpr_jni__throw(env, st, NULL);
    return 0;
  }
  return 1;
}

/* Parse UTF-8 bytes; fields receives year, month, day, sex, kind, mod11,
 * known_date, century_digit. Returns the 10 canonical characters. */
jbyteArray dkcpr_jni_parse(JNIEnv *env, jbyteArray in, jint policy, jint flags,
                           jint ry, jint rm, jint rd, jlong dates,
                           jintArray fields) {
  dkcpr_jni__buf b;
  dkcpr_options o;
  dkcpr_cpr c;
  dkcpr_status st;
  jint f[8];
  if (fields == NULL || (*env)->GetArrayLength(env, fields) < 8) {
    dkcpr_jni__throw(env, DKCPR_E_ARG, "fields array too short");
    return NULL;
  }
  if (!dkcpr_jni__get(env, &b, in, 0, -1)) {
    return NULL;
  }
  dkcpr_jni__options(&o, policy, flags, ry, rm, rd, dates);
  st = dkcpr_parse(&c, b.p, b.n, &o);
  dkcpr_jni__release(&b);
  if (st != DKCPR_OK) {
    dkcpr_jni__throw(env, st, NULL);
    return NULL;
  }
  f[0] = c.year;
  f[1] = c.month;
  f[2] = c.day;
  f[3] = (jint)c.sex;
  f[4] = (jint)c.kind;
  f[5] = c.mod11;
  f[6] = c.known_date;
  f[7] = c.century_digit;
  (*env)->SetIntArrayRegion(env, fields, 0, 8, f);
  return dkcpr_jni__new_bytes(env, c.digits, 10);
}

/* The status of a validation, without throwing. */
int dkcpr_jni_validate(JNIEnv *env, jbyteArray in, jint policy, jint flags,
                       jint ry, jint rm, jint rd, jlong dates) {
  dkcpr_jni__buf b;
  dkcpr_options o;
  dkcpr_status st;
  if (!dkcpr_jni__get(env, &b, in, 0, -1)) {
    return DKCPR_E_NULL;
  }
  dkcpr_jni__options(&o, policy, flags, ry, rm, rd, dates);
  st = dkcpr_validate(b.p, b.n, &o);
  dkcpr_jni__release(&b);
  return (int)st;
}

jbyteArray dkcpr_jni_format(JNIEnv *env, jbyteArray digits, jint style) {
  dkcpr_cpr c;
  char out[DKCPR_FORMAT_BUFSIZE];
  size_t n = 0;
  dkcpr_status st;
  if (!reparse(env, &c, digits)) {
    return NULL;
  }
  st = dkcpr_format(out, sizeof out, &n, &c, (dkcpr_format_style)style);
  if (st != DKCPR_OK) {
    dkcpr_jni__throw(env, st, NULL);
    return NULL;
  }
  return dkcpr_jni__new_bytes(env, out, n);
}

jint dkcpr_jni_age(JNIEnv *env, jbyteArray digits, jint y, jint m, jint d) {
  dkcpr_cpr c;
  int years = 0;
  dkcpr_status st;
  if (!reparse(env, &c, digits)) {
    return 0;
  }
  st = dkcpr_age(&years, &c, y, m, d);
  if (st != DKCPR_OK) {
    dkcpr_jni__throw(env, st, NULL);
    return 0;
  }
  return years;
}

jbyteArray dkcpr_jni_keygen(JNIEnv *env) {
  uint8_t key[DKCPR_KEY_BYTES];
  jbyteArray a;
  dkcpr_status st = dkcpr_keygen(key, sizeof key);
  if (st != DKCPR_OK) {
    dkcpr_jni__throw(env, st, NULL);
    return NULL;
  }
  a = dkcpr_jni__new_bytes(env, (const char *)key, sizeof key);
  dkcpr_jni__wipe(key, sizeof key);
  return a;
}

jbyteArray dkcpr_jni_key_from_hex(JNIEnv *env, jbyteArray hex) {
  uint8_t key[DKCPR_KEY_BYTES];
  dkcpr_jni__buf b;
  jbyteArray a;
  dkcpr_status st;
  if (!dkcpr_jni__get(env, &b, hex, 0, -1)) {
    return NULL;
  }
  st = dkcpr_key_from_hex(key, sizeof key, b.p, b.n);
  dkcpr_jni__wipe(b.p, b.n);
  dkcpr_jni__release(&b);
  if (st != DKCPR_OK) {
    dkcpr_jni__throw(env, st, NULL);
    return NULL;
  }
  a = dkcpr_jni__new_bytes(env, (const char *)key, sizeof key);
  dkcpr_jni__wipe(key, sizeof key);
  return a;
}

const char *dkcpr_jni_status_message(int code) {
  return dkcpr_strerror((dkcpr_status)code);
}

const char *dkcpr_jni_status_name(int code) {
  return dkcpr_status_name((dkcpr_status)code);
}

jlong dkcpr_jni_datelist_new(JNIEnv *env, jintArray dates, jbyteArray text) {
  dkcpr_datelist *list = NULL;
  dkcpr_status st = dkcpr_datelist_new(&list);
  jsize n = dates == NULL ? 0 : (*env)->GetArrayLength(env, dates);
  jsize i;
  char detail[96];
  for (i = 0; st == DKCPR_OK && i < n; i++) {
    jint v;
    (*env)->GetIntArrayRegion(env, dates, i, 1, &v);
    st = dkcpr_datelist_add(list, v / 10000, v / 100 % 100, v % 100);
  }
  if (st == DKCPR_OK && text != NULL) {
    dkcpr_jni__buf b;
    size_t bad_line = 0;
    if (!dkcpr_jni__get(env, &b, text, 0, -1)) {
      dkcpr_datelist_free(list);
      return 0;
    }
    st = dkcpr_datelist_load(&bad_line, list, b.p, b.n);
    dkcpr_jni__release(&b);
    if (st != DKCPR_OK && bad_line > 0) {
      snprintf(detail, sizeof detail, "line %lu: %s", (unsigned long)bad_line,
               dkcpr_strerror(st));
      dkcpr_datelist_free(list);
      dkcpr_jni__throw(env, st, detail);
      return 0;
    }
  }
  if (st != DKCPR_OK) {
    dkcpr_datelist_free(list);
    dkcpr_jni__throw(env, st, NULL);
    return 0;
  }
  return DKCPR_JNI_HANDLE(list);
}

void dkcpr_jni_datelist_free(jlong list) {
  dkcpr_datelist_free(DKCPR_JNI_PTR(dkcpr_datelist, list));
}

int dkcpr_jni_datelist_contains(jlong list, jint y, jint m, jint d) {
  return dkcpr_datelist_contains(DKCPR_JNI_PTR(const dkcpr_datelist, list), y,
                                 m, d);
}
