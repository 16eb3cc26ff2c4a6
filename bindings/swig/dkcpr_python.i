/* SPDX-License-Identifier: Apache-2.0 */
/* Python part of the dkcpr interface, included by dkcpr.i under SWIGPYTHON.
 *
 * SWIG wraps the real header into dkcpr._native (private): option and
 * result structs become classes with attributes, handles become classes
 * (made by the header's own *_new functions, freed by their *_free, through
 * the constructors that dkcpr.i shares with Java), enums
 * and macros become constants. The package dkcpr/ is the idiomatic face
 * over them; CprError and its messages are Python (dkcpr/_errors.py).
 *
 * Typemaps, one per shape of argument in the header:
 * - a returned dkcpr_status: CprError (MemoryError for DKCPR_E_NOMEM)
 *   unless DKCPR_OK, raised before any output is made (freearg cleans up);
 * - (const char *s, size_t s_len) and the hex key: str, as UTF-8 read in
 *   place (lone surrogates reach the library as the invalid UTF-8 they are);
 * - every other (pointer, length) pair: any bytes-like object, or None;
 * - (char *out, size_t out_cap, size_t *out_len): the caller gives out_cap,
 *   and gets a bytes object of the length written;
 * - uint8_t *key: a bytearray, written in place;
 * The GIL is released around calls that may take long (NOGIL below).
 *
 * Hand-written C beyond the typemaps, each piece with its reason: the
 * column calls (bindings/python/native/column.c), a parsed number as one
 * tuple, the matches of a scan, and the %extend methods below. */

%{
#include "column.h"
/* Raise for a failed status and leave the wrapper (SWIG_fail). */
#define DKCPR_FAIL(st) do { dkcpr_py_raise((st), -1); SWIG_fail; } while (0)
%}

%include <stdint.i>
%include <typemaps.i>
%include <pybuffer.i>

/* ---- What Python leaves out ----------------------------------------------
 * Handles the package does not use, results it reads as tuples, members
 * that would copy (and leak) a C string, and priming, which serves one
 * stream washed on several threads. */
%ignore DKCPR_STATUS_MAP;
%ignore DKCPR_STATUS_LAST_;
%ignore dkcpr_cpr;
%ignore dkcpr_match;
%ignore dkcpr_scanner_new;
%ignore dkcpr_scanner_free;
%ignore dkcpr_scanner_feed;
%ignore dkcpr_scanner_finish;
%ignore dkcpr_scanner_next;
%ignore dkcpr_washer_prime;
%immutable dkcpr_struct_error::message;
%immutable dkcpr_sniffed::charset;
%immutable dkcpr_sniffed::what;
%immutable dkcpr_sniffed::way_out;
/* dkcpr.i leaves these to each language; the typemaps here serve them. */
%rename("%(strip:[dkcpr_])s") dkcpr_washer_feed;
%rename("%(strip:[dkcpr_])s") dkcpr_washer_finish;
%rename("%(strip:[dkcpr_])s") dkcpr_struct_washer_bound;
%rename("%(strip:[dkcpr_])s") dkcpr_struct_washer_feed;
%rename("%(strip:[dkcpr_])s") dkcpr_struct_washer_finish;
%rename("%(strip:[dkcpr_])s") dkcpr_struct_washer_stats;
%rename("%(strip:[dkcpr_])s") dkcpr_struct_washer_error;
%rename("%(strip:[dkcpr_])s") dkcpr_struct_washer_rule_matched;
%rename("%(strip:[dkcpr_])s") dkcpr_rules_field;
%rename(_parse) dkcpr_parse;
%rename(_validate) dkcpr_validate;
%rename(_age) dkcpr_age;
%rename(_keygen) dkcpr_keygen;
%rename(_key_from_hex) dkcpr_key_from_hex;
%rename(_scan) dkcpr_scan;

/* ---- Status ---------------------------------------------------------------- */
%typemap(out) dkcpr_status {
  if ($1 != DKCPR_OK) DKCPR_FAIL($1);
  $result = SWIG_Py_Void();
}
/* Validation answers True or False; only a failed allocation raises. */
%typemap(out) dkcpr_status dkcpr_validate {
  if ($1 == DKCPR_E_NOMEM) DKCPR_FAIL($1);
  $result = PyBool_FromLong($1 == DKCPR_OK);
}
/* A known-dates text answers (status, bad line): CprError names the line. */
%typemap(out) dkcpr_status dkcpr_datelist_load "$result = PyLong_FromLong((long)$1);"
%apply size_t *OUTPUT { size_t *bad_line };
/* A rule's field name and line: [name, line]. */
%typemap(in, numinputs=0) const char **name (const char *n = NULL) "$1 = ($1_ltype)&n;"
%typemap(argout) const char **name "$result = SWIG_Python_AppendOutput($result, SWIG_FromCharPtr(n$argnum));"
%apply unsigned long long *OUTPUT { uint64_t *line };
%apply int *OUTPUT { int *out_years };

/* ---- Bytes in ---------------------------------------------------------------- */
%typemap(in) (const char *s, size_t s_len) (PyObject *hold = NULL) {
  if (dkcpr_py_utf8($input, (const char **)&$1, &$2, &hold) < 0) SWIG_fail;
}
%typemap(freearg) (const char *s, size_t s_len) "Py_XDECREF(hold$argnum);"
%apply (const char *s, size_t s_len) { (const char *hex, size_t hex_len) };

/* Any bytes-like object, or None: SWIG's (char *STRING, size_t LENGTH) takes
 * str, not bytes, and pybuffer.i's read-only buffer refuses None. */
%typemap(in) (const char *BYTES, size_t LENGTH) (Py_buffer view, int have_view = 0) {
  if ($input != Py_None) { /* a str has no buffer: TypeError */
    if (PyObject_GetBuffer($input, &view, PyBUF_SIMPLE) < 0) SWIG_fail;
    have_view = 1;
  }
  $1 = have_view ? ($1_ltype)view.buf : NULL;
  $2 = have_view ? (size_t)view.len : 0;
}
%typemap(freearg) (const char *BYTES, size_t LENGTH) "if (have_view$argnum) PyBuffer_Release(&view$argnum);"
%apply (const char *BYTES, size_t LENGTH) {
  (const char *text, size_t text_len), (const char *in, size_t in_len),
  (const char *placeholder, size_t placeholder_len), (const uint8_t *key, size_t key_len),
  (const uint8_t *context, size_t context_len), (const uint8_t *seed, size_t seed_len),
  (const void *head, size_t head_len), (const char *name, size_t name_len),
  (const char *cpr_fields, size_t cpr_fields_len)
};

/* ---- Bytes out ----------------------------------------------------------------
 * SWIG has no typemap for an (out, out_cap, out_len) buffer: the bytes
 * object is made at out_cap and cut to the length written. */
%typemap(in) (char *out, size_t out_cap, size_t *out_len) (PyObject *buf = NULL, size_t len = 0) {
  $2 = PyLong_AsSize_t($input);
  if (!PyErr_Occurred() && $2 > (size_t)PY_SSIZE_T_MAX) PyErr_NoMemory();
  if (PyErr_Occurred() || (buf = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)$2)) == NULL)
    SWIG_fail;
  $1 = PyBytes_AS_STRING(buf);
  $3 = &len;
}
%typemap(argout) (char *out, size_t out_cap, size_t *out_len) {
  if (_PyBytes_Resize(&buf$argnum, (Py_ssize_t)len$argnum) < 0) SWIG_fail;
  $result = SWIG_Python_AppendOutput($result, buf$argnum);
  buf$argnum = NULL;
}
%typemap(freearg) (char *out, size_t out_cap, size_t *out_len) "Py_XDECREF(buf$argnum);"

/* A number in, its pseudonym or token out as str (the %extend methods
 * below): room for the input, so the pseudonym's, or the longest token. */
%typemap(in) (const char *s, size_t s_len, char *text, size_t text_cap, size_t *text_len)
    (PyObject *hold = NULL, size_t len = 0) {
  if (dkcpr_py_utf8($input, (const char **)&$1, &$2, &hold) < 0) SWIG_fail;
  $4 = $2 > DKCPR_TOKEN_MAX_CHARS ? $2 + 1 : DKCPR_TOKEN_MAX_CHARS + 1;
  if (($3 = PyMem_Malloc($4)) == NULL) DKCPR_FAIL(DKCPR_E_NOMEM);
  $5 = &len;
}
%typemap(argout) (const char *s, size_t s_len, char *text, size_t text_cap, size_t *text_len) {
  PyObject *str = PyUnicode_DecodeUTF8($3, (Py_ssize_t)len$argnum, "surrogateescape");
  if (str == NULL) SWIG_fail;
  $result = SWIG_Python_AppendOutput($result, str);
}
%typemap(freearg) (const char *s, size_t s_len, char *text, size_t text_cap, size_t *text_len) {
  Py_XDECREF(hold$argnum);
  PyMem_Free($3);
}

/* A key the library writes: into a bytearray of DKCPR_KEY_BYTES (SWIG's
 * writable buffer typemap). */
%pybuffer_mutable_binary(uint8_t *key, size_t key_len);

/* ---- Results -------------------------------------------------------------------- */
/* A parsed number crosses as a tuple (dkcpr_py_cpr_tuple); age takes the
 * first nine fields back. */
%typemap(in, numinputs=0) dkcpr_cpr *out (dkcpr_cpr tmp) "$1 = &tmp;"
%typemap(argout) dkcpr_cpr *out {
  PyObject *t = dkcpr_py_cpr_tuple($1);
  if (t == NULL) SWIG_fail;
  $result = SWIG_Python_AppendOutput($result, t);
}
%typemap(in) const dkcpr_cpr *cpr (dkcpr_cpr tmp, const char *d = NULL, Py_ssize_t n = 0,
                                   int sx = 0, int kd = 0, PyObject *rest = NULL) {
  memset(&tmp, 0, sizeof tmp); /* the library checks the fields (DKCPR_E_ARG) */
  if (!PyArg_ParseTuple($input, "s#iiiiiiii|OO", &d, &n, &tmp.year, &tmp.month, &tmp.day,
                        &sx, &kd, &tmp.mod11, &tmp.known_date, &tmp.century_digit, &rest, &rest))
    SWIG_fail;
  memcpy(tmp.digits, d, n < 10 ? (size_t)n : 10);
  tmp.sex = (dkcpr_sex)sx;
  tmp.kind = (dkcpr_kind)kd;
  $1 = &tmp;
}

/* The matches of a scan as (start, end, digits, kind, mod11, confidence)
 * tuples, offsets in bytes (the package counts code points). Hand-written
 * because the count is known only after the call: %exception below calls
 * again with room for all. */
%typemap(in, numinputs=0) (dkcpr_match *out, size_t out_cap, size_t *count) (size_t n = 0) {
  if (($1 = malloc(64 * sizeof *$1)) == NULL) DKCPR_FAIL(DKCPR_E_NOMEM);
  $2 = 64;
  $3 = &n;
}
%typemap(argout) (dkcpr_match *out, size_t out_cap, size_t *count) {
  PyObject *list = PyList_New((Py_ssize_t)n$argnum);
  size_t i;
  for (i = 0; list != NULL && i < n$argnum; i++) {
    PyObject *t = Py_BuildValue("(KKs#iii)", (unsigned long long)$1[i].start,
                                (unsigned long long)$1[i].end, $1[i].digits, (Py_ssize_t)10,
                                (int)$1[i].kind, $1[i].mod11, (int)$1[i].confidence);
    if (t == NULL) Py_CLEAR(list);
    else PyList_SET_ITEM(list, (Py_ssize_t)i, t);
  }
  if (list == NULL) SWIG_fail;
  $result = SWIG_Python_AppendOutput($result, list);
}
%typemap(freearg) (dkcpr_match *out, size_t out_cap, size_t *count) "free($1);"
%exception dkcpr_scan {
  void *more = NULL;
  Py_BEGIN_ALLOW_THREADS
  for (;;) {
    $action
    if (result != DKCPR_E_BUFSIZE || *arg3 <= arg2) break;
    if ((more = realloc(arg1, *arg3 * sizeof *arg1)) == NULL) {
      result = DKCPR_E_NOMEM;
      break;
    }
    arg1 = more;
    arg2 = *arg3;
  }
  Py_END_ALLOW_THREADS
}

/* ---- The GIL ------------------------------------------------------------------------
 * Released where the library may work long; the handles are immutable or,
 * for washers, used by one thread at a time (the package's lock). A CPR
 * number is short: releasing the GIL would cost more than the check, except
 * for long (lenient, white-space padded) input. SWIG's -threads would
 * release it around every call. */
%define DKCPR_PY_NOGIL(NAME)
%exception NAME {
  Py_BEGIN_ALLOW_THREADS
  $action
  Py_END_ALLOW_THREADS
}
%enddef
%define DKCPR_PY_NOGIL_LONG(NAME, LEN)
%exception NAME {
  if (LEN <= 64) {
    $action
  } else {
    Py_BEGIN_ALLOW_THREADS
    $action
    Py_END_ALLOW_THREADS
  }
}
%enddef
DKCPR_PY_NOGIL_LONG(dkcpr_parse, arg3)
DKCPR_PY_NOGIL_LONG(dkcpr_validate, arg2)
DKCPR_PY_NOGIL(dkcpr_pseudonymizer::dkcpr_pseudonymizer)
DKCPR_PY_NOGIL(dkcpr_pseudonymizer::pseudonymize)
DKCPR_PY_NOGIL(dkcpr_pseudonymizer::reveal)
DKCPR_PY_NOGIL(dkcpr_pseudonymizer::token)
DKCPR_PY_NOGIL(dkcpr_washer_feed)
DKCPR_PY_NOGIL(dkcpr_washer_finish)
DKCPR_PY_NOGIL(dkcpr_struct_washer_feed)
DKCPR_PY_NOGIL(dkcpr_struct_washer_finish)
DKCPR_PY_NOGIL(dkcpr_generate_options::generate)

/* ---- Handles (made and freed in dkcpr.i) ------------------------------------------- */
%rename(Pseudonymizer) dkcpr_pseudonymizer;
%rename(DateList) dkcpr_datelist;
%rename(Rules) dkcpr_rules;
%rename(Washer) dkcpr_washer;
%rename(StructWasher) dkcpr_struct_washer;

/* Pseudonyms and tokens as methods: the header's output buffer comes
 * first, so these put the number before it for the typemap above. */
%extend dkcpr_pseudonymizer {
  dkcpr_status pseudonymize(const char *s, size_t s_len, char *text, size_t text_cap,
                            size_t *text_len, const dkcpr_options *opts) {
    return dkcpr_pseudonymize(text, text_cap, text_len, $self, s, s_len, opts);
  }
  dkcpr_status reveal(const char *s, size_t s_len, char *text, size_t text_cap,
                      size_t *text_len, const dkcpr_options *opts) {
    return dkcpr_reveal(text, text_cap, text_len, $self, s, s_len, opts);
  }
  dkcpr_status token(const char *s, size_t s_len, char *text, size_t text_cap,
                     size_t *text_len, size_t token_chars, const dkcpr_options *opts) {
    return dkcpr_token(text, text_cap, text_len, $self, s, s_len, token_chars, opts);
  }
}

/* ---- The column calls (column.c) ---------------------------------------------------- */
%rename(_column) dkcpr_py_column;
%include "column.h"
