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
int dkcpr_py_utf8(PyObject *o, const char **s, size_t *len, PyObject **hold) {
  Py_ssize_t n;
  if (!PyUnicode_Check(o)) {
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
  /* The call's arguments. */
  PyObject *seq, *missing;
  int op;
  unsigned int flags;
  const dkcpr_options *opts;
  const dkcpr_pseudonymizer *p;
  size_t token_chars;
  /* The chunk: elements [base, base + n) of seq. */
  Py_ssize_t base, n, held;
  PyObject **objs;   /* the elements (or their encodings), held while the GIL is released */
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
  int overflow = 0;
  PyObject *i;
  if (PyFloat_Check(o)) {
    double d = PyFloat_AS_DOUBLE(o);
    if (d == floor(d) && d >= 0 && d < 1e10) v = (long long)d;
  } else {
    if ((i = PyNumber_Index(o)) == NULL) return -1;
    v = PyLong_AsLongLongAndOverflow(i, &overflow);
    Py_DECREF(i);
    if (v == -1 && !overflow && PyErr_Occurred()) return -1;
  }
  *len = (size_t)(v < 0 || v > 9999999999LL ? snprintf(buf, DIGITS, "-")
                                            : snprintf(buf, DIGITS, "%010lld", v));
  return 0;
}

static int is_missing(PyObject *o, PyObject *missing) {
  Py_ssize_t i;
  if (o == Py_None || (PyFloat_Check(o) && isnan(PyFloat_AS_DOUBLE(o)))) return 1;
  for (i = 0; PyTuple_Check(missing) && i < PyTuple_GET_SIZE(missing); i++)
    if (PyTuple_GET_ITEM(missing, i) == o) return 1;
  return 0;
}

/* The chunk's elements, each held and fetched afresh: an __index__ method
 * may change the list under the call. */
static int column_read(column *c) {
  int nine = (c->flags & DKCPR_PY_NINE_DIGITS) != 0;
  Py_ssize_t i, at;
  for (i = 0, at = c->base; i < c->n; i++, at++) {
    PyObject *o, *hold = NULL;
    char *d = c->digits + (size_t)i * DIGITS;
    if (at >= PySequence_Fast_GET_SIZE(c->seq)) {
      PyErr_SetString(PyExc_RuntimeError, "the list changed size during the call");
      return -1;
    }
    o = c->objs[c->held++] = Py_NewRef(PySequence_Fast_ITEMS(c->seq)[at]);
    c->in[i] = NULL;
    c->lens[i] = 0;
    if (PyUnicode_Check(o)) {
      if (dkcpr_py_utf8(o, &c->in[i], &c->lens[i], &hold) < 0) return -1;
      if (hold != NULL) { /* held in place of the str */
        Py_DECREF(o);
        c->objs[c->held - 1] = hold;
      }
      if (nine && c->lens[i] == 9 && strspn(c->in[i], "0123456789") >= 9) {
        c->lens[i] = (size_t)snprintf(d, DIGITS, "0%.9s", c->in[i]);
        c->in[i] = d;
      }
    } else if (!is_missing(o, c->missing)) {
      if (!nine || PyBool_Check(o) || !(PyFloat_Check(o) || PyIndex_Check(o))) {
        PyErr_Format(PyExc_TypeError, "item %zd: expected str or a missing value, not %.100s%s",
                     at, Py_TYPE(o)->tp_name, nine ? "" : " (nine_digits=True accepts integers)");
        return -1;
      }
      if (integer_digits(o, d, &c->lens[i]) < 0) return -1;
      c->in[i] = d;
    }
  }
  return 0;
}

/* The library's work for the chunk; runs without the GIL. */
static void column_run(column *c) {
  size_t n = (size_t)c->n, i;
  const dkcpr_options *opts = c->opts;
  dkcpr_options today, dated;
  /* "Today" (no reference date) is read once per chunk, from the date
   * dkcpr_options_init sets: the clock per element would cost more than
   * the check itself. */
  if ((opts == NULL || (opts->ref_year == 0 && opts->ref_month == 0 && opts->ref_day == 0)) &&
      dkcpr_options_init(&today, DKCPR_OPTIONS_VERSION) == DKCPR_OK) {
    dated = opts != NULL ? *opts : today;
    dated.ref_year = today.ref_year, dated.ref_month = today.ref_month;
    dated.ref_day = today.ref_day;
    opts = &dated;
  }
  switch (c->op) { /* a loop per operation: validation is a few ns a number */
  case DKCPR_PY_VALIDATE:
    for (i = 0; i < n; i++) c->sts[i] = dkcpr_validate(c->in[i], c->lens[i], opts);
    break;
  case DKCPR_PY_PARSE:
    for (i = 0; i < n; i++) c->sts[i] = dkcpr_parse(&c->cprs[i], c->in[i], c->lens[i], opts);
    break;
  case DKCPR_PY_TOKEN:
    for (i = 0; i < n; i++)
      c->sts[i] = dkcpr_token(c->out + i * SLOT, SLOT, &c->out_lens[i], c->p, c->in[i],
                              c->lens[i], c->token_chars, opts);
    break;
  default:
    (c->op == DKCPR_PY_REVEAL ? dkcpr_reveal_many : dkcpr_pseudonymize_many)(
        c->out, SLOT, c->out_lens, c->sts, c->p, c->in, c->lens, n, opts);
  }
}

/* Element i's result: None for a missing value (or a rejected one, as the
 * flags say), True or False, a tuple or a str. */
static PyObject *element(const column *c, Py_ssize_t i) {
  dkcpr_status st = c->sts[i];
  PyObject *s = NULL;
  char *out;
  size_t len = 0;
  if (c->in[i] == NULL) return Py_NewRef(Py_None);
  if (c->op == DKCPR_PY_VALIDATE && st != DKCPR_E_NOMEM) return PyBool_FromLong(st == DKCPR_OK);
  if (st == DKCPR_OK)
    return c->op == DKCPR_PY_PARSE ? dkcpr_py_cpr_tuple(&c->cprs[i])
           : PyUnicode_DecodeUTF8(c->out + (size_t)i * SLOT, (Py_ssize_t)c->out_lens[i],
                                  "surrogateescape");
  if (st == DKCPR_E_BUFSIZE && c->op != DKCPR_PY_TOKEN) { /* too long for a slot: alone */
    if ((out = PyMem_Malloc(c->lens[i] + 1)) == NULL) return PyErr_NoMemory();
    st = (c->op == DKCPR_PY_REVEAL ? dkcpr_reveal : dkcpr_pseudonymize)(
        out, c->lens[i] + 1, &len, c->p, c->in[i], c->lens[i], c->opts);
    if (st == DKCPR_OK) s = PyUnicode_DecodeUTF8(out, (Py_ssize_t)len, "surrogateescape");
    PyMem_Free(out);
    if (st == DKCPR_OK) return s;
  }
  if ((c->flags & DKCPR_PY_NONE_ON_ERROR) && st != DKCPR_E_NOMEM) return Py_NewRef(Py_None);
  return dkcpr_py_raise(st, c->base + i);
}

PyObject *dkcpr_py_column(PyObject *items, int op, unsigned int flags, PyObject *missing,
                          const dkcpr_options *opts, const dkcpr_pseudonymizer *p,
                          size_t token_chars) {
  column c = {.missing = missing, .op = op, .flags = flags, .opts = opts, .p = p,
              .token_chars = token_chars};
  PyObject *list = NULL, *s;
  Py_ssize_t total, k, i;
  char *block;
  if (op < DKCPR_PY_VALIDATE || op > DKCPR_PY_TOKEN || (op >= DKCPR_PY_PSEUDONYMIZE && !p)) {
    PyErr_SetString(PyExc_ValueError, "bad column operation");
    return NULL;
  }
  if ((c.seq = PySequence_Fast(items, "expected an iterable")) == NULL) return NULL;
  total = PySequence_Fast_GET_SIZE(c.seq);
  k = total < CHUNK(op) ? (total > 0 ? total : 1) : CHUNK(op);
  /* One block for the chunk's arrays, the most aligned first. */
  block = PyMem_Malloc((size_t)k * (sizeof(PyObject *) + sizeof(char *) + 2 * sizeof(size_t) +
                                    sizeof(dkcpr_cpr) + sizeof(dkcpr_status) + DIGITS + SLOT));
  if (block == NULL) {
    Py_DECREF(c.seq);
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
  list = PyList_New(total);
  for (c.base = 0; list != NULL && c.base < total; c.base += k) {
    c.n = total - c.base < k ? total - c.base : k;
    if (column_read(&c) == 0) {
      Py_BEGIN_ALLOW_THREADS
      column_run(&c);
      Py_END_ALLOW_THREADS
      for (i = 0; i < c.n && (s = element(&c, i)) != NULL; i++)
        PyList_SET_ITEM(list, c.base + i, s);
    }
    if (PyErr_Occurred()) Py_CLEAR(list); /* unset items are NULL, which the list's free skips */
    while (c.held > 0) Py_DECREF(c.objs[--c.held]);
  }
  PyMem_Free(block);
  Py_DECREF(c.seq);
  return list;
}
