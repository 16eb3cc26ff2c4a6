/* SPDX-License-Identifier: Apache-2.0 */
/* C functions behind the Python module dkcpr._native: conversions between
 * Python objects and the C API, with the GIL released around library calls.
 * The SWIG interface (bindings/swig/dkcpr_python.i) wraps the functions
 * marked "wrapped"; the rest are shared between these files. */
#ifndef DKCPR_PY_H
#define DKCPR_PY_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <limits.h>

#include "dkcpr.h"

#include "column.h"

/* dkcpr.CprError, created once when the module is initialised. */
extern PyObject *dkcpr_py_error_type;

/* Create CprError and add it to the module's dictionary; -1 on failure. */
int dkcpr_py_init(PyObject *module_dict);

/* Raise the exception for a status (MemoryError for DKCPR_E_NOMEM, else
 * CprError); index >= 0 names the failing element of a batch. Returns NULL. */
PyObject *dkcpr_py_raise(dkcpr_status st, Py_ssize_t index);

/* CprError for a bad line of a known-dates text (line >= 1): the message
 * and the attribute "line" name it. Returns NULL. */
PyObject *dkcpr_py_raise_line(dkcpr_status st, size_t line);

/* Raise CprError for an input that does not parse as its format, with the
 * line, column and offset as attributes. */
PyObject *dkcpr_py_raise_syntax(const char *format, const dkcpr_struct_error *e);

/* The UTF-8 bytes of a str. A str holding lone surrogates is encoded with
 * "surrogatepass" into *hold (the caller releases it), so that the library
 * sees invalid UTF-8 and reports it. TypeError for anything but str;
 * index >= 0 is named in that message. Returns 0, or -1 with an exception. */
int dkcpr_py_utf8(PyObject *o, const char **s, size_t *len, PyObject **hold,
                  Py_ssize_t index);

/* A str from bytes the library wrote. */
PyObject *dkcpr_py_str(const char *s, size_t len);

/* A parsed number as the tuple (digits, year, month, day, sex, kind, mod11,
 * known_date, century_digit, dashed, masked): the dkcpr_cpr fields, then
 * its two written forms from dkcpr_format() (cpr.c). */
PyObject *dkcpr_py_cpr_tuple(const dkcpr_cpr *cpr);

/* Such a tuple (the first nine fields are read) back into a dkcpr_cpr.
 * Returns 0, or -1 with TypeError. */
int dkcpr_py_cpr_from_tuple(PyObject *t, dkcpr_cpr *cpr);

/* Wrapped: synthetic numbers (generate.c). */
PyObject *dkcpr_py_generate(const dkcpr_generate_options *opts,
                            const uint8_t *seed, size_t seed_len,
                            unsigned long long first, size_t count);

/* Wrapped: finding numbers in text, with code-point offsets (scan.c). */
PyObject *dkcpr_py_scan(PyObject *text, const dkcpr_scan_options *opts);

/* A streaming washer (wash.c), of text or by structure (format other than
 * DKCPR_DATA_TEXT), with rules or none (NULL; copied). Wrapped as the
 * class Washer; one thread at a time (a second caller gets an error). */
typedef struct dkcpr_py_washer {
  dkcpr_washer *w;
  dkcpr_struct_washer *sw;
  dkcpr_data_format format;
  int rules; /* rules were given: the stats count what they rewrote */
  PyObject *rule_names; /* the rules' (name, line), in order; NULL without rules */
  int busy;
} dkcpr_py_washer;

dkcpr_py_washer *dkcpr_py_wash_new(const dkcpr_pseudonymizer *p,
                                     const dkcpr_scan_options *scan,
                                     const dkcpr_wash_options *opts,
                                     const char *placeholder,
                                     size_t placeholder_len, int format,
                                     const char *cpr_fields,
                                     size_t cpr_fields_len,
                                     const dkcpr_rules *rules,
                                     dkcpr_status *status);
void dkcpr_py_wash_free(dkcpr_py_washer *pw);
PyObject *dkcpr_py_wash_feed(dkcpr_py_washer *pw, PyObject *data);
PyObject *dkcpr_py_wash_finish(dkcpr_py_washer *pw);
PyObject *dkcpr_py_wash_stats(const dkcpr_py_washer *pw);

#endif /* DKCPR_PY_H */
