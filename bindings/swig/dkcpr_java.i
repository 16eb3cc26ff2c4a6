/* Java part of the dkcpr interface, included by dkcpr.i under SWIGJAVA.
 *
 * SWIG generates the JNI glue into org.dkcpr.internal (not API). The public
 * classes in org.dkcpr are hand-written over the helpers declared in
 * bindings/java/native/dkcpr_jni.h, because:
 * - text crosses as UTF-8 byte[] encoded by Java: JNI's string functions
 *   use "modified UTF-8", which is wrong for text with emoji;
 * - native handles cross as jlong, guarded on the Java side by a
 *   read-write lock, so close() waits for running calls and a closed
 *   handle is never used (SWIG's proxy delete() cannot promise that);
 * - bulk calls pass whole arrays once, not one JNI call per element.
 */

%include "enums.swg"

%pragma(java) moduleclassmodifiers="public final class"
%pragma(java) jniclassclassmodifiers="final class"
%pragma(java) jniclasscode=%{
  static {
    NativeLoader.load();
  }
%}

/* A returned dkcpr_status becomes void, or a CprException. */
%typemap(jni) dkcpr_status "void"
%typemap(jtype) dkcpr_status "void"
%typemap(jstype) dkcpr_status "void"
%typemap(javaout) dkcpr_status { $jnicall; }
%typemap(out) dkcpr_status {
  if ($1 != DKCPR_OK) {
    dkcpr_jni__throw(jenv, $1, NULL);
  }
}
/* Parameters of the status type stay ordinary enums (STYLE.md section 4). */
%apply enum SWIGTYPE { dkcpr_status st };

/* dkcpr_sniff reads the first bytes of a stream: a byte[] (SWIG's own
 * typemap pins the array for the call). */
%apply (char *STRING, size_t LENGTH) { (const void *head, size_t head_len) };
/* Priming serves one stream washed on several threads, which the
 * bindings do not do. */
%ignore dkcpr_washer_prime;

/* The JNI environment reaches a helper without showing up in Java. */
%typemap(in, numinputs=0) JNIEnv *env "$1 = jenv;"

/* Java sees the C API through the helpers only; what is left of the
 * header is status names and messages, version and algorithm. */
%ignore dkcpr_options;
%ignore dkcpr_cpr;
%ignore dkcpr_match;
%ignore dkcpr_scan_options;
%ignore dkcpr_wash_options;
%ignore dkcpr_wash_stats;
%ignore dkcpr_generate_options;
%ignore dkcpr_datelist_new;
%ignore dkcpr_datelist_free;
%ignore dkcpr_datelist_add;
%ignore dkcpr_datelist_load;
%ignore dkcpr_datelist_contains;
%ignore dkcpr_options_init;
%ignore dkcpr_parse;
%ignore dkcpr_validate;
%ignore dkcpr_age;
%ignore dkcpr_pseudonymizer_new;
%ignore dkcpr_pseudonymizer_free;
%ignore dkcpr_generate_options_init;
%ignore dkcpr_scan_options_init;
%ignore dkcpr_scanner_new;
%ignore dkcpr_scanner_free;
%ignore dkcpr_scanner_feed;
%ignore dkcpr_scanner_finish;
%ignore dkcpr_scanner_next;
%ignore dkcpr_wash_options_init;
%ignore dkcpr_washer_new;
%ignore dkcpr_washer_free;
%ignore dkcpr_washer_bound;
%ignore dkcpr_washer_stats;

%rename(parse) dkcpr_jni_parse;
%rename(validate) dkcpr_jni_validate;
%rename(format) dkcpr_jni_format;
%rename(age) dkcpr_jni_age;
%rename(keygen) dkcpr_jni_keygen;
%rename(statusMessage) dkcpr_jni_status_message;
%rename(statusName) dkcpr_jni_status_name;
%rename(keyFromHex) dkcpr_jni_key_from_hex;
%rename(datelistNew) dkcpr_jni_datelist_new;
%rename(datelistFree) dkcpr_jni_datelist_free;
%rename(datelistContains) dkcpr_jni_datelist_contains;
%rename(pseudonymizerNew) dkcpr_jni_pseudonymizer_new;
%rename(pseudonymizerFree) dkcpr_jni_pseudonymizer_free;
%rename(pseudonymize) dkcpr_jni_pseudonymize;
%rename(pseudonymizeMany) dkcpr_jni_pseudonymize_many;
%rename(token) dkcpr_jni_token;
%rename(generateTotal) dkcpr_jni_generate_total;
%rename(generate) dkcpr_jni_generate;
%rename(scan) dkcpr_jni_scan;
%rename(scannerNew) dkcpr_jni_scanner_new;
%rename(scannerFeed) dkcpr_jni_scanner_feed;
%rename(scannerFree) dkcpr_jni_scanner_free;
%rename(washerNew) dkcpr_jni_washer_new;
%rename(washerBound) dkcpr_jni_washer_bound;
%rename(washerFeed) dkcpr_jni_washer_feed;
%rename(washerStats) dkcpr_jni_washer_stats;
%rename(washerFree) dkcpr_jni_washer_free;

%{
#include "dkcpr_jni.h"
#include "jni_support.h"
%}
%include "dkcpr_jni.h"
