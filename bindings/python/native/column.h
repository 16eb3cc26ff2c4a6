/* SPDX-License-Identifier: Apache-2.0 */
/* The hand-written C of the Python module (column.c): the column calls, and
 * three helpers the typemaps in bindings/swig/dkcpr_python.i share with them.
 * Read by SWIG as well as by the C compiler, so the codes exist once. */
#ifndef DKCPR_PY_COLUMN_H
#define DKCPR_PY_COLUMN_H

/* What a column call does with each element, and what it returns for it. */
enum dkcpr_py_op {
  DKCPR_PY_VALIDATE = 0,     /* True or False */
  DKCPR_PY_PARSE = 1,        /* the tuple of dkcpr_py_cpr_tuple() */
  DKCPR_PY_PSEUDONYMIZE = 2, /* str */
  DKCPR_PY_REVEAL = 3,       /* str */
  DKCPR_PY_TOKEN = 4         /* str */
};

/* None instead of an exception for a rejected element. */
#define DKCPR_PY_NONE_ON_ERROR 0x1
/* Integers, integral floats and nine-digit str are numbers that lost their
 * leading zero (a spreadsheet or integer column): the zero is put back. */
#define DKCPR_PY_NINE_DIGITS 0x2

/* A list with one result per element of the sequence items. None, NaN and
 * the objects in the tuple missing (pandas.NA, pandas.NaT) are missing
 * values and give None. p is needed by the pseudonym and token operations,
 * token_chars by the token. A rejected element raises CprError naming its
 * index, unless DKCPR_PY_NONE_ON_ERROR; validation never raises for one. */
PyObject *dkcpr_py_column(PyObject *items, int op, unsigned int flags,
                          PyObject *missing, const dkcpr_options *opts,
                          const dkcpr_pseudonymizer *p, size_t token_chars);

#ifndef SWIG
/* Raise the exception for a failed status: MemoryError, or the CprError
 * that dkcpr._errors makes (index >= 0 names a batch element). NULL. */
PyObject *dkcpr_py_raise(dkcpr_status st, Py_ssize_t index);
/* The UTF-8 bytes of a str; one with lone surrogates is encoded with
 * "surrogatepass" into *hold (the caller drops it), so that the library
 * sees the invalid UTF-8 and rejects it. TypeError for anything else.
 * 0, or -1 with an exception. */
int dkcpr_py_utf8(PyObject *o, const char **s, size_t *len, PyObject **hold);
/* A parsed number as (digits, year, month, day, sex, kind, mod11,
 * known_date, century_digit, dashed, masked), the last two dkcpr_format's. */
PyObject *dkcpr_py_cpr_tuple(const dkcpr_cpr *cpr);
#endif

#endif /* DKCPR_PY_COLUMN_H */
