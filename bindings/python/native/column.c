/* SPDX-License-Identifier: Apache-2.0 */
/* The column calls for Python (see column.h). Hand-written because this is
 * the bulk path: per element, a SWIG wrapper and a Python loop would cost
 * ten times the library's own work, and the GIL is released once per chunk
 * of the list instead of per element. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "dkcpr.h"

#include "column.h"

/* Output room per element: every written form of a number fits (ten
 * three-byte digits and a separator), and so does the longest token; a
 * longer element (lenient input padded with white space) gets
 * DKCPR_E_BUFSIZE from the batch and is redone alone. DIGITS: room for the
 * ten digits made from an integer. Elements per library call: the buffers
 * stay small and warm in the cache; the batch pseudonymizer gets more, to
 * keep its 64 lanes full to the end. */
#define SLOT 64
#define DIGITS 16
#define CHUNK(op) ((op) == DKCPR_PY_PSEUDONYMIZE || (op) == DKCPR_PY_REVEAL ? 4096 : 512)

/* Errors are made in Python (dkcpr/_errors.py), once for every path. */
PyObject *dkcpr_py_raise(dkcpr_status st, Py_ssize_t index) {
  PyObject *m;
  if (st == DKCPR_E_NOMEM) return PyErr_NoMemory();
  m = PyImport_ImportModule("dkcpr._errors");
  if (m != NULL) Py_XDECREF(PyObject_CallMethod(m, "_raise", "in", (int)st, index));
  Py_XDECREF(m);
  return NULL;
}

/* SWIG's str typemap cannot pass lone surrogates on as invalid UTF-8. */
int dkcpr_py_utf8(PyObject *o, const char **s, size_t *len, PyObject **hold,
                  Py_ssize_t index) {
  Py_ssize_t n;
  if (!PyUnicode_Check(o)) {
    if (index >= 0)
      PyErr_Format(PyExc_TypeError, "item %zd: expected str, not %.100s", index,
                   Py_TYPE(o)->tp_name);
    else
      PyErr_Format(PyExc_TypeError, "expected str, not %.100s", Py_TYPE(o)->tp_name);
    return -1;
  }
  if ((*s = PyUnicode_AsUTF8AndSize(o, &n)) == NULL) {
    if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) return -1;
    PyErr_Clear();
    if ((*hold = PyUnicode_AsEncodedString(o, "utf-8", "surrogatepass")) == NULL) return -1;
    *s = PyBytes_AS_STRING(*hold);
    n = PyBytes_GET_SIZE(*hold);
  }
  *len = (size_t)n;
  return 0;
}

/* One tuple is four times faster to build and read than a SWIG proxy of
 * dkcpr_cpr read field by field. */
PyObject *dkcpr_py_cpr_tuple(const dkcpr_cpr *c) {
  char dashed[DKCPR_FORMAT_BUFSIZE], masked[DKCPR_FORMAT_BUFSIZE];
  size_t dl = 0, ml = 0;
  dkcpr_status st = dkcpr_format(dashed, sizeof dashed, &dl, c, DKCPR_FORMAT_DASHED);
  if (st == DKCPR_OK) st = dkcpr_format(masked, sizeof masked, &ml, c, DKCPR_FORMAT_MASKED);
  if (st != DKCPR_OK) return dkcpr_py_raise(st, -1);
  return Py_BuildValue("(s#iiiiiiiis#s#)", c->digits, (Py_ssize_t)10, c->year, c->month,
                       c->day, (int)c->sex, (int)c->kind, c->mod11, c->known_date,
                       c->century_digit, dashed, (Py_ssize_t)dl, masked, (Py_ssize_t)ml);
}

typedef struct column {
  Py_ssize_t n, held;
  PyObject **objs;   /* the chunk's elements, held while the GIL is released */
  PyObject *holds;   /* encodings of str with lone surrogates */
  const char **in;   /* NULL for a missing value: the library says DKCPR_E_NULL */
  size_t *lens, *out_lens;
  dkcpr_status *sts;
  char *digits, *out;
  dkcpr_cpr *cprs;
} column;

/* An integer, or an integral float (an integer column with missing values
 * in pandas), as ten digits; a negative, fractional or too large value
 * becomes "-", which the library rejects like any bad number. */
static int integer_digits(PyObject *o, char *buf, size_t *len) {
  long long v = -1;
  if (PyFloat_Check(o)) {
    double d = PyFloat_AS_DOUBLE(o);
    if (d == floor(d) && d >= 0 && d < 1e10) v = (long long)d;
  } else {
    PyObject *i = PyNumber_Index(o);
    if (i == NULL) return -1;
    v = PyLong_AsLongLong(i);
    Py_DECREF(i);
    if (v == -1 && PyErr_Occurred()) {
      if (!PyErr_ExceptionMatches(PyExc_OverflowError)) return -1;
      PyErr_Clear();
    }
  }
  *len = v < 0 || v > 9999999999LL ? (size_t)snprintf(buf, DIGITS, "-")
                                   : (size_t)snprintf(buf, DIGITS, "%010lld", v);
  return 0;
}

static int is_missing(PyObject *o, PyObject *missing) {
  Py_ssize_t i;
  if (o == Py_None || (PyFloat_Check(o) && isnan(PyFloat_AS_DOUBLE(o)))) return 1;
  for (i = 0; PyTuple_Check(missing) && i < PyTuple_GET_SIZE(missing); i++)
    if (PyTuple_GET_ITEM(missing, i) == o) return 1;
  return 0;
}

/* Elements [base, base + c->n) of seq, each held and fetched afresh: an
 * __index__ method may change the list under the call. */
static int column_read(column *c, PyObject *seq, Py_ssize_t base, unsigned int flags,
                       PyObject *missing) {
  int nine = (flags & DKCPR_PY_NINE_DIGITS) != 0;
  Py_ssize_t i;
  for (i = 0; i < c->n; i++) {
    PyObject *o, *hold = NULL;
    char *d = nine ? c->digits + (size_t)i * DIGITS : NULL;
    if (base + i >= PySequence_Fast_GET_SIZE(seq)) {
      PyErr_SetString(PyExc_RuntimeError, "the list changed size during the call");
      return -1;
    }
    o = c->objs[c->held++] = Py_NewRef(PySequence_Fast_ITEMS(seq)[base + i]);
    c->in[i] = NULL;
    c->lens[i] = 0;
    if (PyUnicode_Check(o)) {
      if (dkcpr_py_utf8(o, &c->in[i], &c->lens[i], &hold, base + i) < 0) return -1;
      if (hold != NULL) { /* kept until the chunk is done */
        int rc = c->holds != NULL || (c->holds = PyList_New(0)) != NULL
                     ? PyList_Append(c->holds, hold) : -1;
        Py_DECREF(hold);
        if (rc < 0) return -1;
      }
      if (nine && c->lens[i] == 9 && strspn(c->in[i], "0123456789") >= 9) {
        c->lens[i] = (size_t)snprintf(d, DIGITS, "0%.9s", c->in[i]);
        c->in[i] = d;
      }
    } else if (!is_missing(o, missing)) {
      if (!nine || PyBool_Check(o) || !(PyFloat_Check(o) || PyIndex_Check(o))) {
        PyErr_Format(PyExc_TypeError, "item %zd: expected str or a missing value, not %.100s%s",
                     base + i, Py_TYPE(o)->tp_name,
                     nine ? "" : " (nine_digits=True accepts integers)");
        return -1;
      }
      if (integer_digits(o, d, &c->lens[i]) < 0) return -1;
      c->in[i] = d;
    }
  }
  return 0;
}

/* The library's work for a chunk; runs without the GIL. */
static void column_run(column *c, int op, const dkcpr_options *opts,
                       const dkcpr_pseudonymizer *p, size_t token_chars) {
  size_t n = (size_t)c->n, i;
  dkcpr_options dated;
  /* "Today" (no reference date) is read once per chunk: reading the clock
   * per element would cost more than the check itself. */
  if (dkcpr_options_init(&dated, DKCPR_OPTIONS_VERSION) == DKCPR_OK &&
      (opts == NULL || (opts->ref_year == 0 && opts->ref_month == 0 && opts->ref_day == 0))) {
    if (opts != NULL) {
      dkcpr_options today = dated;
      dated = *opts;
      dated.ref_year = today.ref_year;
      dated.ref_month = today.ref_month;
      dated.ref_day = today.ref_day;
    }
    opts = &dated;
  }
  switch (op) { /* a loop per operation: validation is a few ns a number */
  case DKCPR_PY_VALIDATE:
    for (i = 0; i < n; i++) c->sts[i] = dkcpr_validate(c->in[i], c->lens[i], opts);
    break;
  case DKCPR_PY_PARSE:
    for (i = 0; i < n; i++) c->sts[i] = dkcpr_parse(&c->cprs[i], c->in[i], c->lens[i], opts);
    break;
  case DKCPR_PY_TOKEN:
    for (i = 0; i < n; i++)
      c->sts[i] = dkcpr_token(c->out + i * SLOT, SLOT, &c->out_lens[i], p, c->in[i], c->lens[i],
                              token_chars, opts);
    break;
  default:
    (op == DKCPR_PY_REVEAL ? dkcpr_reveal_many : dkcpr_pseudonymize_many)(
        c->out, SLOT, c->out_lens, c->sts, p, c->in, c->lens, n, opts);
  }
}

static PyObject *element(const column *c, Py_ssize_t i, Py_ssize_t base, int op,
                         unsigned int flags, const dkcpr_options *opts,
                         const dkcpr_pseudonymizer *p) {
  dkcpr_status st = c->sts[i];
  char *out = NULL;
  size_t len = 0;
  if (c->in[i] == NULL) return Py_NewRef(Py_None); /* a missing value */
  if (st == DKCPR_OK)
    return op == DKCPR_PY_PARSE ? dkcpr_py_cpr_tuple(&c->cprs[i])
                                : PyUnicode_DecodeUTF8(c->out + (size_t)i * SLOT,
                                                       (Py_ssize_t)c->out_lens[i], "surrogateescape");
  if (st == DKCPR_E_BUFSIZE && op != DKCPR_PY_TOKEN) { /* too long for a slot: alone */
    PyObject *s = NULL;
    if ((out = PyMem_Malloc(c->lens[i] + 1)) == NULL) return PyErr_NoMemory();
    st = (op == DKCPR_PY_REVEAL ? dkcpr_reveal : dkcpr_pseudonymize)(
        out, c->lens[i] + 1, &len, p, c->in[i], c->lens[i], opts);
    if (st == DKCPR_OK) s = PyUnicode_DecodeUTF8(out, (Py_ssize_t)len, "surrogateescape");
    PyMem_Free(out);
    if (st == DKCPR_OK) return s;
  }
  if ((flags & DKCPR_PY_NONE_ON_ERROR) && st != DKCPR_E_NOMEM) return Py_NewRef(Py_None);
  return dkcpr_py_raise(st, base + i);
}

/* One chunk into list[base, base + c->n). */
static int column_chunk(column *c, PyObject *list, PyObject *seq, Py_ssize_t base, int op,
                        unsigned int flags, PyObject *missing, const dkcpr_options *opts,
                        const dkcpr_pseudonymizer *p, size_t token_chars) {
  Py_ssize_t i;
  if (column_read(c, seq, base, flags, missing) < 0) return -1;
  Py_BEGIN_ALLOW_THREADS
  column_run(c, op, opts, p, token_chars);
  Py_END_ALLOW_THREADS
  for (i = 0; i < c->n && op == DKCPR_PY_VALIDATE; i++) { /* True, False or None */
    if (c->sts[i] == DKCPR_E_NOMEM && c->in[i] != NULL) return PyErr_NoMemory() ? 0 : -1;
    PyList_SET_ITEM(list, base + i, Py_NewRef(c->in[i] == NULL       ? Py_None
                                              : c->sts[i] == DKCPR_OK ? Py_True
                                                                      : Py_False));
  }
  for (i = 0; i < c->n && op != DKCPR_PY_VALIDATE; i++) {
    PyObject *s = element(c, i, base, op, flags, opts, p);
    if (s == NULL) return -1;
    PyList_SET_ITEM(list, base + i, s);
  }
  return 0;
}

PyObject *dkcpr_py_column(PyObject *items, int op, unsigned int flags, PyObject *missing,
                          const dkcpr_options *opts, const dkcpr_pseudonymizer *p,
                          size_t token_chars) {
  PyObject *seq, *list = NULL;
  column c = {0};
  Py_ssize_t n, base, k;
  char *block;
  if (op < DKCPR_PY_VALIDATE || op > DKCPR_PY_TOKEN || (op >= DKCPR_PY_PSEUDONYMIZE && !p)) {
    PyErr_SetString(PyExc_ValueError, "bad column operation");
    return NULL;
  }
  if ((seq = PySequence_Fast(items, "expected an iterable")) == NULL) return NULL;
  n = PySequence_Fast_GET_SIZE(seq);
  k = n < CHUNK(op) ? (n > 0 ? n : 1) : CHUNK(op);
  /* One block for the chunk's arrays, the most aligned first. */
  block = PyMem_Malloc((size_t)k * (sizeof(PyObject *) + sizeof(char *) + 2 * sizeof(size_t) +
                                    sizeof(dkcpr_cpr) + sizeof(dkcpr_status) + DIGITS + SLOT));
  if (block == NULL) {
    Py_DECREF(seq);
    return PyErr_NoMemory();
  }
  c.objs = (PyObject **)block;
  c.in = (const char **)(c.objs + k);
  c.lens = (size_t *)(c.in + k);
  c.out_lens = c.lens + k;
  c.cprs = (dkcpr_cpr *)(c.out_lens + k);
  c.sts = (dkcpr_status *)(c.cprs + k);
  c.digits = (char *)(c.sts + k);
  c.out = c.digits + k * DIGITS;
  list = PyList_New(n);
  for (base = 0; list != NULL && base < n; base += k) {
    c.n = n - base < k ? n - base : k;
    if (column_chunk(&c, list, seq, base, op, flags, missing, opts, p, token_chars) < 0)
      Py_CLEAR(list); /* unset items are NULL, which the list's free skips */
    while (c.held > 0) Py_DECREF(c.objs[--c.held]);
    Py_CLEAR(c.holds);
  }
  PyMem_Free(block);
  Py_DECREF(seq);
  return list;
}
