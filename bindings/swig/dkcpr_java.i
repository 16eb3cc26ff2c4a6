/* SPDX-License-Identifier: Apache-2.0 */
/* Java part of the dkcpr interface, included by dkcpr.i under SWIGJAVA.
 *
 * SWIG wraps the real header into org.dkcpr.internal (generated, not API):
 * option and result structs become classes with getters and setters,
 * handles become classes through %extend (constructor = *_new, delete() =
 * *_free), enums become Java enums, macros compile-time constants. The
 * hand-written classes in org.dkcpr are the idiomatic face over them.
 *
 * Typemaps, one per shape of argument in the header:
 * - a returned dkcpr_status: a CprException (OutOfMemoryError for
 *   DKCPR_E_NOMEM) unless DKCPR_OK, raised after every output is copied;
 * - (const char *, size_t), (const uint8_t *, size_t), (const void *,
 *   size_t): byte[]; text crosses as UTF-8 encoded by Java, never as JNI's
 *   modified UTF-8;
 * - (char *out, size_t out_cap, size_t *out_len): a byte[] the caller sizes
 *   (out_cap is its length); the call returns the number of bytes written;
 * - (const int *, size_t) and (int *, size_t): int[] (counted arrays);
 * - uint64_t: long (counts and offsets stay far below 2^63).
 */

%include "enums.swg"
%include "typemaps.i"

/* Sizes the public Java API repeats as compile-time constants (javadoc
 * {@value}); every other constant is read from the library when loaded
 * (SWIG would copy an unsigned literal's "u" into Java). */
%javaconst(1) DKCPR_KEY_BYTES;
%javaconst(1) DKCPR_TOKEN_MIN_CHARS;
%javaconst(1) DKCPR_TOKEN_MAX_CHARS;
%javaconst(1) DKCPR_TOKEN_DEFAULT_CHARS;

%pragma(java) moduleclassmodifiers="public final class"
%pragma(java) jniclassclassmodifiers="final class"
%pragma(java) jniclasscode=%{
  static {
    NativeLoader.load();
  }
%}

%{
#include <stdlib.h>
#include <string.h>

/* The one way a wrapper fails: CprException.raise(code) throws the
 * CprException or OutOfMemoryError, so the exception and its message are
 * made in Java. An exception already pending is left to propagate. */
static void dkcpr_java_throw(JNIEnv *jenv, dkcpr_status st) {
  jclass cls = (*jenv)->ExceptionCheck(jenv) ? NULL
               : (*jenv)->FindClass(jenv, "org/dkcpr/CprException");
  jmethodID raise = cls != NULL ? (*jenv)->GetStaticMethodID(jenv, cls, "raise", "(I)V") : NULL;
  if (raise != NULL) (*jenv)->CallStaticVoidMethod(jenv, cls, raise, (jint)st);
  if (cls != NULL) (*jenv)->DeleteLocalRef(jenv, cls);
}
#define DKCPR_FAIL(st) dkcpr_java_throw(jenv, (st))

/* Copies of inputs hold CPR numbers, keys and seeds: wiped before release. */
static void dkcpr_java_wipe(void *p, size_t n) {
  volatile unsigned char *v = (volatile unsigned char *)p;
  while (n-- > 0) *v++ = 0;
}
%}

/* ---- Status --------------------------------------------------------------
 * The call returns an int: 0, or what an output typemap below puts there.
 * The exception is raised in "ret", after argout and freearg have run, so
 * nothing leaks and outputs such as a bad line number are still written. */
%typemap(jni) dkcpr_status "jint"
%typemap(jtype) dkcpr_status "int"
%typemap(jstype) dkcpr_status "int"
%typemap(javaout) dkcpr_status { return $jnicall; }
%typemap(out) dkcpr_status "$result = 0;"
%typemap(ret) dkcpr_status "if ($1 != DKCPR_OK) dkcpr_java_throw(jenv, $1);"
/* Parameters of the status type are plain ints (STYLE.md section 4), so
 * any code, known or not, has a message and a name. */
%apply int { dkcpr_status st };

/* Validation answers with its status instead of throwing. */
%typemap(out) dkcpr_status dkcpr_validate "$result = (jint)$1;"
%typemap(ret) dkcpr_status dkcpr_validate ""
/* 1 when a match was taken, 0 when none is available (DKCPR_E_RANGE). */
%typemap(out) dkcpr_status dkcpr_scanner_next "$result = $1 == DKCPR_OK;"
%typemap(ret) dkcpr_status dkcpr_scanner_next
  "if ($1 != DKCPR_OK && $1 != DKCPR_E_RANGE) dkcpr_java_throw(jenv, $1);"

/* ---- Bytes in ------------------------------------------------------------
 * SWIG matches multi-argument typemaps by name too, so every (pointer,
 * length) pair of the header is listed once here. SWIG's own (char *STRING,
 * size_t LENGTH) takes the JVM's copy of the array, which nothing wipes,
 * and refuses null. */
%typemap(jni) (const char *BYTES, size_t LENGTH) "jbyteArray"
%typemap(jtype) (const char *BYTES, size_t LENGTH) "byte[]"
%typemap(jstype) (const char *BYTES, size_t LENGTH) "byte[]"
%typemap(javain) (const char *BYTES, size_t LENGTH) "$javainput"
/* null is (NULL, 0); a short input is copied to the stack. No typemap
 * returns early (that would skip the cleanup of the others): on a failed
 * allocation the exception is pending and the call gets NULL, which fails. */
%typemap(in) (const char *BYTES, size_t LENGTH) (char small[128], char *heap = NULL, jsize n = 0) {
  char *p = small;
  n = $input != NULL ? (*jenv)->GetArrayLength(jenv, $input) : 0;
  if ((size_t)n > sizeof small && (p = heap = (char *)malloc((size_t)n)) == NULL) {
    dkcpr_java_throw(jenv, DKCPR_E_NOMEM);
    n = 0;
  }
  if (n > 0) (*jenv)->GetByteArrayRegion(jenv, $input, 0, n, (jbyte *)p);
  $1 = ($1_ltype)($input != NULL ? p : NULL);
  $2 = (size_t)n;
}
%typemap(freearg) (const char *BYTES, size_t LENGTH)
  "dkcpr_java_wipe(heap$argnum ? heap$argnum : small$argnum, (size_t)n$argnum); free(heap$argnum);"
%apply (const char *BYTES, size_t LENGTH) {
  (const char *s, size_t s_len), (const char *text, size_t text_len),
  (const char *hex, size_t hex_len), (const char *in, size_t in_len),
  (const char *chunk, size_t chunk_len), (const char *placeholder, size_t placeholder_len),
  (const uint8_t *key, size_t key_len), (const uint8_t *context, size_t context_len),
  (const uint8_t *seed, size_t seed_len), (const void *head, size_t head_len),
  (const char *name, size_t name_len), (const char *cpr_fields, size_t cpr_fields_len)
};

/* ---- Bytes out -----------------------------------------------------------
 * SWIG has no typemap for an (out, out_cap, out_len) buffer. */
%typemap(jni) (char *out, size_t out_cap, size_t *out_len) "jbyteArray"
%typemap(jtype) (char *out, size_t out_cap, size_t *out_len) "byte[]"
%typemap(jstype) (char *out, size_t out_cap, size_t *out_len) "byte[]"
%typemap(javain) (char *out, size_t out_cap, size_t *out_len) "$javainput"
%typemap(in) (char *out, size_t out_cap, size_t *out_len)
    (char small[128], char *heap = NULL, size_t len = 0) {
  jsize n = $input != NULL ? (*jenv)->GetArrayLength(jenv, $input) : 0;
  $1 = $input != NULL ? small : NULL; /* null: the call fails with DKCPR_E_NULL */
  if ((size_t)n > sizeof small && ($1 = heap = (char *)malloc((size_t)n)) == NULL) {
    dkcpr_java_throw(jenv, DKCPR_E_NOMEM);
    n = 0;
  }
  $2 = (size_t)n;
  $3 = &len;
}
%typemap(argout) (char *out, size_t out_cap, size_t *out_len) {
  if (result == DKCPR_OK && len$argnum <= $2 && !(*jenv)->ExceptionCheck(jenv)) {
    (*jenv)->SetByteArrayRegion(jenv, $input, 0, (jsize)len$argnum, (const jbyte *)$1);
    $result = (jint)len$argnum;
  }
}
%typemap(freearg) (char *out, size_t out_cap, size_t *out_len) "free(heap$argnum);"

/* A key written by the library: the caller's byte[DKCPR_KEY_BYTES] (another
 * length gives DKCPR_E_KEY), copied in and back as the bytes above, so the
 * C copy is wiped. */
%apply (const char *BYTES, size_t LENGTH) { (uint8_t *key, size_t key_len) };
%typemap(argout) (uint8_t *key, size_t key_len)
  "if (result == DKCPR_OK) (*jenv)->SetByteArrayRegion(jenv, $input, 0, (jsize)$2, (const jbyte *)$1);"

/* ---- Counted int arrays (the bulk path) ----------------------------------
 * arrays_java.i maps a pointer without its length, copying element by
 * element; these pin the array and pass its length. */
%define DKCPR_JAVA_INTS(TYPE, LEN, MODE)
%typemap(jni) (TYPE, LEN) "jintArray"
%typemap(jtype) (TYPE, LEN) "int[]"
%typemap(jstype) (TYPE, LEN) "int[]"
%typemap(javain) (TYPE, LEN) "$javainput"
/* null (or a failed copy, with its exception pending) is (NULL, 0). */
%typemap(in) (TYPE, LEN) {
  $1 = $input != NULL ? ($1_ltype)(*jenv)->GetIntArrayElements(jenv, $input, NULL) : NULL;
  $2 = $1 != NULL ? (size_t)(*jenv)->GetArrayLength(jenv, $input) : 0;
}
%typemap(freearg) (TYPE, LEN)
  "if ($1 != NULL) (*jenv)->ReleaseIntArrayElements(jenv, $input, (jint *)$1, MODE);"
%enddef
DKCPR_JAVA_INTS(const int *ends, size_t count, JNI_ABORT)
DKCPR_JAVA_INTS(int *results, size_t results_len, 0)

/* ---- Numbers -------------------------------------------------------------- */
%apply long long { uint64_t };
%apply long long *OUTPUT { uint64_t *total };
%apply unsigned long *OUTPUT { size_t *bad_line };
%apply int *OUTPUT { int *out_years };

/* Stripped, dkcpr_cpr would be the class "cpr", which the header also
 * names parameters of that type: the generated Java would not compile
 * cleanly. It keeps its C name. */
%rename(dkcpr_cpr) dkcpr_cpr;

/* ---- What Java leaves out ------------------------------------------------- */
%ignore dkcpr_cpr::reserved;
%ignore dkcpr_match::reserved;
%immutable dkcpr_sniffed::charset;
%immutable dkcpr_sniffed::what;
%immutable dkcpr_sniffed::way_out;
/* Priming serves one stream washed on several threads, which Java does not. */
%ignore dkcpr_washer_prime;
/* The scanner is made and freed through its class below. */
%ignore dkcpr_scanner_new;
%ignore dkcpr_scanner_free;
/* dkcpr.i leaves these to each language; the typemaps above serve them. */
%rename("%(strip:[dkcpr_])s") dkcpr_pseudonymize;
%rename("%(strip:[dkcpr_])s") dkcpr_reveal;
%rename("%(strip:[dkcpr_])s") dkcpr_token;
%rename("%(strip:[dkcpr_])s") dkcpr_format;
%rename("%(strip:[dkcpr_])s") dkcpr_keygen;
%rename("%(strip:[dkcpr_])s") dkcpr_key_from_hex;
%rename("%(strip:[dkcpr_])s") dkcpr_washer_feed;
%rename("%(strip:[dkcpr_])s") dkcpr_washer_finish;
%rename("%(strip:[dkcpr_])s") dkcpr_struct_washer_bound;
%rename("%(strip:[dkcpr_])s") dkcpr_struct_washer_feed;
%rename("%(strip:[dkcpr_])s") dkcpr_struct_washer_finish;
%rename("%(strip:[dkcpr_])s") dkcpr_struct_washer_stats;
%rename("%(strip:[dkcpr_])s") dkcpr_struct_washer_error;

/* ---- Handles (the others are in dkcpr.i) ---------------------------------- */
struct dkcpr_scanner {};

%extend dkcpr_pseudonymizer {
  /* The bulk path, hand-written because dkcpr_pseudonymize_many's arrays
   * of pointers and sizes have no Java shape that costs less than one
   * object per element. Element i is in[ends[i-1] .. ends[i]) (ends[-1] =
   * 0); its result is written at the same offset of out (never longer than
   * its input), its length to results[2i] and its status to results[2i+1].
   * Elements go to the C bulk call in slices; one too long for a slot goes
   * alone. Returns DKCPR_E_ARG for inconsistent sizes, else DKCPR_OK. */
  dkcpr_status many(char *out, size_t out_cap, size_t *out_len, int *results,
                    size_t results_len, int reveal, const char *in, size_t in_len,
                    const int *ends, size_t count, const dkcpr_options *opts) {
    enum { SLICE = 256, SLOT = 64 };
    char buf[SLICE * SLOT];
    const char *ptrs[SLICE];
    size_t lens[SLICE], olens[SLICE], i, k, j, start = 0, end;
    dkcpr_status sts[SLICE];
    if (out_cap < in_len + 1 || results_len / 2 < count) return DKCPR_E_ARG;
    for (i = 0; i < count; i += k) {
      k = count - i < SLICE ? count - i : SLICE;
      for (j = 0; j < k; j++, start = end) {
        end = (size_t)ends[i + j]; /* a negative end is too large */
        if (end < start || end > in_len) return DKCPR_E_ARG;
        ptrs[j] = in + start;
        lens[j] = end - start;
      }
      (reveal ? dkcpr_reveal_many : dkcpr_pseudonymize_many)(buf, SLOT, olens, sts, $self, ptrs,
                                                             lens, k, opts);
      for (j = 0; j < k; j++) {
        char *at = out + (ptrs[j] - in);
        if (sts[j] == DKCPR_E_BUFSIZE) /* longer than a slot: alone */
          sts[j] = (reveal ? dkcpr_reveal : dkcpr_pseudonymize)(at, lens[j] + 1, &olens[j], $self,
                                                                ptrs[j], lens[j], opts);
        else if (sts[j] == DKCPR_OK)
          memcpy(at, buf + j * SLOT, olens[j]);
        results[2 * (i + j)] = sts[j] == DKCPR_OK ? (int)olens[j] : 0;
        results[2 * (i + j) + 1] = (int)sts[j];
      }
    }
    *out_len = in_len;
    return DKCPR_OK;
  }
}

%extend dkcpr_scanner {
  dkcpr_scanner(const dkcpr_scan_options *opts, dkcpr_status *STATUS) {
    dkcpr_scanner *s = NULL;
    *STATUS = dkcpr_scanner_new(&s, opts);
    return s;
  }
  ~dkcpr_scanner() { dkcpr_scanner_free($self); }
}

/* The number of elements, for Generator's size. */
%extend dkcpr_generate_options {
  dkcpr_status total(uint64_t *total) {
    return dkcpr_generate(NULL, 11, total, $self, NULL, 0, 0, 0);
  }
}
