/* SPDX-License-Identifier: Apache-2.0 */
/* Python part of the dkcpr interface, included by dkcpr.i under
 * SWIGPYTHON: typemaps, exceptions, the GIL, the Pseudonymizer class, and
 * the C functions in bindings/python/native/ that move whole columns and
 * texts through one library call. The package dkcpr/ builds the public API
 * on top of this module (dkcpr._native). */

%{
#include <stdlib.h>

#include "dkcpr_py.h"

typedef dkcpr_status (*dkcpr_swig_one_fn)(char *, size_t, size_t *,
                                          const dkcpr_pseudonymizer *,
                                          const char *, size_t,
                                          const dkcpr_options *);

/* One number through fn into a malloc'd string (NULL on error). */
static char *dkcpr_swig_one(dkcpr_swig_one_fn fn, const dkcpr_pseudonymizer *p,
                            const char *in, size_t in_len,
                            const dkcpr_options *opts, dkcpr_status *st) {
  char *out = malloc(in_len + 1);
  if (out == NULL) {
    *st = DKCPR_E_NOMEM;
    return NULL;
  }
  *st = fn(out, in_len + 1, NULL, p, in, in_len, opts);
  if (*st != DKCPR_OK) {
    free(out);
    return NULL;
  }
  return out;
}
%}

%include <stdint.i>

/* What the package reaches through native/ or not at all: out-pointer
 * constructors, result structs filled there, the streaming handles
 * (wrapped below as Washer), and pointers the library does not own. */
%ignore DKCPR_STATUS_MAP;
%ignore DKCPR_STATUS_LAST_;
%ignore dkcpr_datelist_new;
%ignore dkcpr_datelist_free;
%ignore dkcpr_datelist_add;
%ignore dkcpr_datelist_load;
%ignore dkcpr_datelist_contains;
%ignore dkcpr_cpr;
%ignore dkcpr_match;
%ignore dkcpr_wash_stats;
%ignore dkcpr_pseudonymizer_new;
%ignore dkcpr_pseudonymizer_free;
%ignore dkcpr_scanner_new;
%ignore dkcpr_scanner_free;
%ignore dkcpr_scanner_feed;
%ignore dkcpr_scanner_finish;
%ignore dkcpr_scanner_next;
%ignore dkcpr_wash_options::placeholder;
%ignore dkcpr_wash_options::placeholder_len;
%ignore dkcpr_washer_new;
%ignore dkcpr_washer_free;
%ignore dkcpr_washer_bound;
%ignore dkcpr_washer_stats;
%ignore dkcpr_rules_parse;
%ignore dkcpr_rules_free;
/* Priming serves one stream washed on several threads, which the
 * bindings do not do. */
%ignore dkcpr_washer_prime;

%init %{
  if (dkcpr_py_init(d) < 0) return NULL;
%}

/* Exceptions are always on: a failed status raises CprError (MemoryError
 * for DKCPR_E_NOMEM); success returns None. */
%typemap(out) dkcpr_status {
  if ($1 != DKCPR_OK) {
    dkcpr_py_raise($1, -1);
    SWIG_fail;
  }
  $result = SWIG_Py_Void();
}
%typemap(in, numinputs=0) dkcpr_status *STATUS (dkcpr_status tmp = DKCPR_OK) {
  $1 = &tmp;
}
%typemap(argout) dkcpr_status *STATUS {
  if (*$1 != DKCPR_OK) {
    dkcpr_py_raise(*$1, -1);
    SWIG_fail;
  }
}
/* CPR numbers are str (TypeError otherwise), read as UTF-8 in place. */
%typemap(in) (const char *in, size_t in_len) (PyObject *hold = NULL) {
  if (dkcpr_py_utf8($input, (const char **)&$1, &$2, &hold, -1) < 0) SWIG_fail;
}
%typemap(freearg) (const char *in, size_t in_len) {
  Py_XDECREF(hold$argnum);
}
%apply (const char *in, size_t in_len) {
  (const char *s, size_t s_len), (const char *hex, size_t hex_len)
};

/* Parsing, validation, age and keys are the header's own functions, with
 * their outputs mapped here. A parsed number crosses as a tuple: the
 * dkcpr_cpr fields in order, then its dashed and masked forms (see
 * dkcpr_py_cpr_tuple); an age call takes that tuple back. */
%rename(_parse) dkcpr_parse;
%rename(_validate) dkcpr_validate;
%rename(_age) dkcpr_age;
%rename(_keygen) dkcpr_keygen;
%rename(_key_from_hex) dkcpr_key_from_hex;
%typemap(in, numinputs=0) dkcpr_cpr *out (dkcpr_cpr tmp) {
  $1 = &tmp;
}
%typemap(argout) dkcpr_cpr *out {
  PyObject *cpr_tuple = dkcpr_py_cpr_tuple($1);
  if (cpr_tuple == NULL) SWIG_fail;
  $result = SWIG_Python_AppendOutput($result, cpr_tuple);
}
%typemap(in) const dkcpr_cpr *cpr (dkcpr_cpr tmp) {
  if (dkcpr_py_cpr_from_tuple($input, &tmp) < 0) SWIG_fail;
  $1 = &tmp;
}
%include <typemaps.i>
%apply int *OUTPUT { int *out_years };
/* Validation answers True or False; only a failed allocation raises. */
%typemap(out) dkcpr_status dkcpr_validate {
  if ($1 == DKCPR_E_NOMEM) {
    PyErr_NoMemory();
    SWIG_fail;
  }
  $result = PyBool_FromLong($1 == DKCPR_OK);
}
/* A CPR number is short: releasing the GIL would cost more than the
 * check, except for long (lenient, white-space padded) input. LEN is
 * SWIG's name for the s_len argument (argN, N its position). */
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
/* Key bytes the library writes: a new bytes object of DKCPR_KEY_BYTES. */
%typemap(in, numinputs=0) (uint8_t *key, size_t key_len) (PyObject *buf = NULL) {
  buf = PyBytes_FromStringAndSize(NULL, DKCPR_KEY_BYTES);
  if (buf == NULL) SWIG_fail;
  $1 = (uint8_t *)PyBytes_AS_STRING(buf);
  $2 = DKCPR_KEY_BYTES;
}
%typemap(argout) (uint8_t *key, size_t key_len) {
  $result = SWIG_Python_AppendOutput($result, buf$argnum);
  buf$argnum = NULL;
}
%typemap(freearg) (uint8_t *key, size_t key_len) {
  Py_XDECREF(buf$argnum);
}

/* Key, context, seed and placeholder bytes: any bytes-like object, through
 * the buffer protocol (SWIG's own (char *, size_t) typemap wants str). */
%define DKCPR_PY_BYTES(PTR, LEN)
%typemap(in) (PTR, size_t LEN) (Py_buffer view, int have_view = 0) {
  if ($input == Py_None) {
    $1 = NULL;
    $2 = 0;
  } else {
    if (PyUnicode_Check($input)) {
      PyErr_SetString(PyExc_TypeError, "expected bytes, not str");
      SWIG_fail;
    }
    if (PyObject_GetBuffer($input, &view, PyBUF_SIMPLE) < 0) SWIG_fail;
    have_view = 1;
    $1 = ($1_ltype)view.buf;
    $2 = (size_t)view.len;
  }
}
%typemap(freearg) (PTR, size_t LEN) {
  if (have_view$argnum) PyBuffer_Release(&view$argnum);
}
%enddef
DKCPR_PY_BYTES(const uint8_t *key, key_len)
DKCPR_PY_BYTES(const uint8_t *context, context_len)
DKCPR_PY_BYTES(const uint8_t *seed, seed_len)
DKCPR_PY_BYTES(const char *placeholder, placeholder_len)
DKCPR_PY_BYTES(const char *cpr_fields, cpr_fields_len)
DKCPR_PY_BYTES(const void *head, head_len)
DKCPR_PY_BYTES(const char *name, name_len)
DKCPR_PY_BYTES(const char *yaml, yaml_len)

/* The pseudonymizer is immutable: release the GIL while it works. */
%define DKCPR_PY_NOGIL(NAME)
%exception NAME {
  Py_BEGIN_ALLOW_THREADS
  $action
  Py_END_ALLOW_THREADS
}
%enddef
DKCPR_PY_NOGIL(dkcpr_pseudonymizer::dkcpr_pseudonymizer)
DKCPR_PY_NOGIL(dkcpr_pseudonymizer::pseudonymize)
DKCPR_PY_NOGIL(dkcpr_pseudonymizer::reveal)
DKCPR_PY_NOGIL(dkcpr_pseudonymizer::token)

/* The immutable pseudonymizer handle as a class; the package's
 * Pseudonymizer holds one and drops it on close(), so the C handle (and
 * its key copy) is freed when the last call using it returns. */
%rename(Pseudonymizer) dkcpr_pseudonymizer;
struct dkcpr_pseudonymizer {};
%newobject dkcpr_pseudonymizer::pseudonymize;
%newobject dkcpr_pseudonymizer::reveal;
%newobject dkcpr_pseudonymizer::token;
%extend dkcpr_pseudonymizer {
  dkcpr_pseudonymizer(const uint8_t *key, size_t key_len,
                      const uint8_t *context, size_t context_len,
                      unsigned int keep, unsigned int flags,
                      dkcpr_status *STATUS) {
    dkcpr_pseudonymizer *p = NULL;
    *STATUS = dkcpr_pseudonymizer_new(&p, key, key_len, context, context_len,
                                      keep, flags);
    return p;
  }
  ~dkcpr_pseudonymizer() { dkcpr_pseudonymizer_free($self); }
  char *pseudonymize(const char *in, size_t in_len, const dkcpr_options *opts,
                     dkcpr_status *STATUS) {
    return dkcpr_swig_one(dkcpr_pseudonymize, $self, in, in_len, opts, STATUS);
  }
  char *reveal(const char *in, size_t in_len, const dkcpr_options *opts,
               dkcpr_status *STATUS) {
    return dkcpr_swig_one(dkcpr_reveal, $self, in, in_len, opts, STATUS);
  }
  char *token(const char *in, size_t in_len, size_t token_chars,
              const dkcpr_options *opts, dkcpr_status *STATUS) {
    char *out = malloc(DKCPR_TOKEN_MAX_CHARS + 1);
    if (out == NULL) {
      *STATUS = DKCPR_E_NOMEM;
      return NULL;
    }
    *STATUS = dkcpr_token(out, DKCPR_TOKEN_MAX_CHARS + 1, NULL, $self, in,
                          in_len, token_chars, opts);
    if (*STATUS != DKCPR_OK) {
      free(out);
      return NULL;
    }
    return out;
  }
}

/* A known-dates list as a class. The package builds one completely and
 * never changes it afterwards, so sharing it between threads is safe. */
%rename(DateList) dkcpr_datelist;
struct dkcpr_datelist {};
%extend dkcpr_datelist {
  dkcpr_datelist(dkcpr_status *STATUS) {
    dkcpr_datelist *list = NULL;
    *STATUS = dkcpr_datelist_new(&list);
    return list;
  }
  ~dkcpr_datelist() { dkcpr_datelist_free($self); }
  void add_date(int year, int month, int day, dkcpr_status *STATUS) {
    *STATUS = dkcpr_datelist_add($self, year, month, day);
  }
  /* Lines of YYYY-MM-DD; CprError names the first bad line. */
  PyObject *load_text(const char *in, size_t in_len) {
    size_t bad_line = 0;
    dkcpr_status st = dkcpr_datelist_load(&bad_line, $self, in, in_len);
    if (st != DKCPR_OK) return dkcpr_py_raise_line(st, bad_line);
    Py_RETURN_NONE;
  }
  int has(int year, int month, int day) {
    return dkcpr_datelist_contains($self, year, month, day);
  }
}

/* Rules for washing by structure as a class: parsed once, immutable, so
 * shared by washers and threads. A text that does not parse raises
 * CprError with its line and column; `what` names the text in the message. */
%rename(Rules) dkcpr_rules;
struct dkcpr_rules {};
%exception dkcpr_rules::dkcpr_rules {
  $action
  if (result == NULL) SWIG_fail;
}
%extend dkcpr_rules {
  dkcpr_rules(const char *yaml, size_t yaml_len, const char *what) {
    dkcpr_rules *r = NULL;
    dkcpr_struct_error e = {DKCPR_STRUCT_ERROR_VERSION, 0, 0, 0, NULL};
    dkcpr_status st = dkcpr_rules_parse(&r, &e, yaml, yaml_len);
    if (st == DKCPR_E_SYNTAX)
      dkcpr_py_raise_syntax(what, &e);
    else if (st != DKCPR_OK)
      dkcpr_py_raise(st, -1);
    return r;
  }
  ~dkcpr_rules() { dkcpr_rules_free($self); }
}

/* Private functions for the package (see native/dkcpr_py.h). */
%rename(_generate) dkcpr_py_generate;
%rename(_scan) dkcpr_py_scan;
%rename(_column) dkcpr_py_column;
%include "column.h"
PyObject *dkcpr_py_generate(const dkcpr_generate_options *opts,
                            const uint8_t *seed, size_t seed_len,
                            unsigned long long first, size_t count);
PyObject *dkcpr_py_scan(PyObject *text, const dkcpr_scan_options *opts);

/* The streaming washer: one thread at a time, GIL released. */
%rename(Washer) dkcpr_py_washer;
typedef struct dkcpr_py_washer {} dkcpr_py_washer;
%extend dkcpr_py_washer {
  dkcpr_py_washer(const dkcpr_pseudonymizer *p, const dkcpr_scan_options *scan,
                  const dkcpr_wash_options *opts,
                  const char *placeholder, size_t placeholder_len, int format,
                  const char *cpr_fields, size_t cpr_fields_len,
                  const dkcpr_rules *rules, dkcpr_status *STATUS) {
    return dkcpr_py_wash_new(p, scan, opts, placeholder, placeholder_len, format,
                             cpr_fields, cpr_fields_len, rules, STATUS);
  }
  ~dkcpr_py_washer() { dkcpr_py_wash_free($self); }
  PyObject *feed(PyObject *data) { return dkcpr_py_wash_feed($self, data); }
  PyObject *finish() { return dkcpr_py_wash_finish($self); }
  PyObject *stats() { return dkcpr_py_wash_stats($self); }
}
