/* JNI helpers for the pseudonymizer: one number, many numbers, tokens. */
#include "dkcpr_jni.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jni_support.h"

jlong dkcpr_jni_pseudonymizer_new(JNIEnv *env, jbyteArray key,
                                  jbyteArray context, jint keep, jint flags) {
  dkcpr_jni__buf k, c;
  dkcpr_pseudonymizer *p = NULL;
  dkcpr_status st;
  if (!dkcpr_jni__get(env, &k, key, 0, -1)) {
    return 0;
  }
  if (context == NULL) {
    c.p = c.small;
    c.n = 0;
  } else if (!dkcpr_jni__get(env, &c, context, 0, -1)) {
    dkcpr_jni__wipe(k.p, k.n);
    dkcpr_jni__release(&k);
    return 0;
  }
  st = dkcpr_pseudonymizer_new(&p, (const uint8_t *)k.p, k.n,
                               (const uint8_t *)c.p, c.n, (unsigned int)keep,
                               (unsigned int)flags);
  dkcpr_jni__wipe(k.p, k.n);
  dkcpr_jni__release(&k);
  dkcpr_jni__release(&c);
  if (st != DKCPR_OK) {
    dkcpr_jni__throw(env, st, NULL);
    return 0;
  }
  return DKCPR_JNI_HANDLE(p);
}

void dkcpr_jni_pseudonymizer_free(jlong p) {
  dkcpr_pseudonymizer_free(DKCPR_JNI_PTR(dkcpr_pseudonymizer, p));
}

/* One number: op 0 pseudonymizes, 1 reveals. */
jbyteArray dkcpr_jni_pseudonymize(JNIEnv *env, jlong p, jint op, jbyteArray in,
                                  jint policy, jint flags, jint ry, jint rm,
                                  jint rd, jlong dates) {
  dkcpr_jni__buf b;
  dkcpr_options o;
  char small[128];
  char *out = small;
  size_t n = 0;
  jbyteArray a = NULL;
  dkcpr_status st;
  if (!dkcpr_jni__get(env, &b, in, 0, -1)) {
    return NULL;
  }
  if (b.n + 1 > sizeof small && (out = (char *)malloc(b.n + 1)) == NULL) {
    dkcpr_jni__release(&b);
    dkcpr_jni__throw(env, DKCPR_E_NOMEM, NULL);
    return NULL;
  }
  dkcpr_jni__options(&o, policy, flags, ry, rm, rd, dates);
  st = op == 0 ? dkcpr_pseudonymize(out, b.n + 1, &n,
                                    DKCPR_JNI_PTR(const dkcpr_pseudonymizer, p),
                                    b.p, b.n, &o)
               : dkcpr_reveal(out, b.n + 1, &n,
                              DKCPR_JNI_PTR(const dkcpr_pseudonymizer, p), b.p,
                              b.n, &o);
  if (st == DKCPR_OK) {
    a = dkcpr_jni__new_bytes(env, out, n);
  } else {
    dkcpr_jni__throw(env, st, NULL);
  }
  if (out != small) {
    free(out);
  }
  dkcpr_jni__release(&b);
  return a;
}

/* Many numbers, the bulk fast path. Element i is in[ends[i-1] .. ends[i])
 * (ends[-1] = 0); its result is written to out at the same offset (results
 * are never longer than their input), its length to out_lens[i] and its
 * status to statuses[i]. Returns the index of the first failed element, or
 * -1. Elements go to the C bulk call in slices of bounded memory. */
jint dkcpr_jni_pseudonymize_many(JNIEnv *env, jlong p, jint op, jbyteArray in,
                                 jintArray ends, jint policy, jint flags,
                                 jint ry, jint rm, jint rd, jlong dates,
                                 jbyteArray out, jintArray out_lens,
                                 jintArray statuses) {
  enum { SLICE = 1024, STRIDE = 64 };
  const dkcpr_pseudonymizer *ps = DKCPR_JNI_PTR(const dkcpr_pseudonymizer, p);
  dkcpr_options o;
  jint count, total, first_bad = -1;
  jint *e = NULL, *lens = NULL, *sts = NULL;
  char *src = NULL, *dst = NULL, *slice_out = NULL;
  const char **ptrs = NULL;
  size_t *plens = NULL, *olens = NULL;
  dkcpr_status *pst = NULL;
  jint i;

  if (in == NULL || ends == NULL || out == NULL || out_lens == NULL ||
      statuses == NULL) {
    dkcpr_jni__throw(env, DKCPR_E_NULL, NULL);
    return -1;
  }
  count = (*env)->GetArrayLength(env, ends);
  total = (*env)->GetArrayLength(env, in);
  if ((*env)->GetArrayLength(env, out) < total ||
      (*env)->GetArrayLength(env, out_lens) < count ||
      (*env)->GetArrayLength(env, statuses) < count) {
    dkcpr_jni__throw(env, DKCPR_E_ARG, "output arrays too short");
    return -1;
  }
  dkcpr_jni__options(&o, policy, flags, ry, rm, rd, dates);
  e = (jint *)malloc(((size_t)count + 1) * sizeof *e);
  lens = (jint *)malloc(((size_t)count + 1) * sizeof *lens);
  sts = (jint *)malloc(((size_t)count + 1) * sizeof *sts);
  src = (char *)malloc((size_t)total + 1);
  dst = (char *)malloc((size_t)total + 1);
  slice_out = (char *)malloc((size_t)SLICE * STRIDE);
  ptrs = (const char **)malloc(SLICE * sizeof *ptrs);
  plens = (size_t *)malloc(SLICE * sizeof *plens);
  olens = (size_t *)malloc(SLICE * sizeof *olens);
  pst = (dkcpr_status *)malloc(SLICE * sizeof *pst);
  if (!e || !lens || !sts || !src || !dst || !slice_out || !ptrs || !plens ||
      !olens || !pst) {
    dkcpr_jni__throw(env, DKCPR_E_NOMEM, NULL);
    goto done;
  }
  (*env)->GetIntArrayRegion(env, ends, 0, count, e);
  (*env)->GetByteArrayRegion(env, in, 0, total, (jbyte *)src);
  for (i = 0; i < count; i++) {
    jint start = i == 0 ? 0 : e[i - 1];
    if (e[i] < start || e[i] > total) {
      dkcpr_jni__throw(env, DKCPR_E_ARG, "element ends out of order");
      goto done;
    }
  }

  i = 0;
  while (i < count) {
    /* Gather up to SLICE short elements; a long one goes alone below. */
    jint idx[SLICE];
    size_t k = 0;
    size_t j;
    while (i < count && k < SLICE) {
      jint start = i == 0 ? 0 : e[i - 1];
      size_t n = (size_t)(e[i] - start);
      if (n >= STRIDE) {
        size_t olen = 0;
        dkcpr_status st = op == 0
                              ? dkcpr_pseudonymize(dst + start, n + 1, &olen,
                                                   ps, src + start, n, &o)
                              : dkcpr_reveal(dst + start, n + 1, &olen, ps,
                                             src + start, n, &o);
        /* dst has one spare byte at the end for the last element's NUL;
         * an earlier element's NUL lands on the next one's first byte,
         * which is written after. */
        lens[i] = st == DKCPR_OK ? (jint)olen : 0;
        sts[i] = (jint)st;
        i++;
        continue;
      }
      ptrs[k] = src + start;
      plens[k] = n;
      idx[k] = i;
      k++;
      i++;
    }
    if (k == 0) {
      continue;
    }
    if (op == 0) {
      dkcpr_pseudonymize_many(slice_out, STRIDE, olens, pst, ps, ptrs, plens, k,
                              &o);
    } else {
      dkcpr_reveal_many(slice_out, STRIDE, olens, pst, ps, ptrs, plens, k, &o);
    }
    for (j = 0; j < k; j++) {
      jint at = idx[j];
      jint start = at == 0 ? 0 : e[at - 1];
      dkcpr_status st = pst[j];
      if (st == DKCPR_OK && olens[j] > plens[j]) {
        st = DKCPR_E_BUFSIZE; /* never happens: results keep the input's length
                               */
      }
      sts[at] = (jint)st;
      lens[at] = st == DKCPR_OK ? (jint)olens[j] : 0;
      if (st == DKCPR_OK) {
        memcpy(dst + start, slice_out + j * STRIDE, olens[j]);
      }
    }
  }
  for (i = 0; i < count; i++) {
    if (sts[i] != DKCPR_OK) {
      first_bad = i;
      break;
    }
  }
  /* Long elements were written in place before later short ones; short
   * ones are copied in place; either way each result sits at its start. */
  (*env)->SetByteArrayRegion(env, out, 0, total, (const jbyte *)dst);
  (*env)->SetIntArrayRegion(env, out_lens, 0, count, lens);
  (*env)->SetIntArrayRegion(env, statuses, 0, count, sts);
done:
  free(e);
  free(lens);
  free(sts);
  free(src);
  free(dst);
  free(slice_out);
  free((void *)ptrs);
  free(plens);
  free(olens);
  free(pst);
  return first_bad;
}

jbyteArray dkcpr_jni_token(JNIEnv *env, jlong p, jbyteArray in, jint chars,
                           jint policy, jint flags, jint ry, jint rm, jint rd,
                           jlong dates) {
  dkcpr_jni__buf b;
  dkcpr_options o;
  char out[DKCPR_TOKEN_MAX_CHARS + 1];
  size_t n = 0;
  dkcpr_status st;
  if (!dkcpr_jni__get(env, &b, in, 0, -1)) {
    return NULL;
  }
  dkcpr_jni__options(&o, policy, flags, ry, rm, rd, dates);
  st = chars < 0 ? DKCPR_E_ARG
                 : dkcpr_token(out, sizeof out, &n,
                               DKCPR_JNI_PTR(const dkcpr_pseudonymizer, p), b.p,
                               b.n, (size_t)chars, &o);
  dkcpr_jni__release(&b);
  if (st != DKCPR_OK) {
    dkcpr_jni__throw(env, st, NULL);
    return NULL;
  }
  return dkcpr_jni__new_bytes(env, out, n);
}
