/* SPDX-License-Identifier: Apache-2.0 */
/* The column calls for Python (see column.h). Hand-written because this is
 * the bulk path: per element, a SWIG wrapper and a Python loop would cost
 * ten times the library's own work, and the GIL is released for the whole
 * list instead of per element. */
#include "dkcpr_py.h" /* first: Python.h sets feature macros */

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "column.h"

/* Output slot per element for pseudonyms and tokens. Every written form of
 * a CPR number fits (ten three-byte digits and a separator), and so does
 * the longest token; a longer element (lenient input with much white
 * space) gets DKCPR_E_BUFSIZE from the batch and is redone alone. */
#define SLOT 64
/* Room for the ten digits made from an integer or a nine-digit str. */
#define DIGITS 16
/* Elements per library call: the buffers stay small and are reused from
 * the cache, instead of fresh pages for a whole column. The batch
 * pseudonymizer gets more, to keep its 64 lanes full to the end. */
#define CHUNK 512
#define CHUNK_MANY 4096
#define CHUNK_OF(op) \
  ((op) == DKCPR_PY_PSEUDONYMIZE || (op) == DKCPR_PY_REVEAL ? CHUNK_MANY : CHUNK)

typedef struct column {
  Py_ssize_t n;
  Py_ssize_t held;   /* references in objs */
  PyObject **objs;   /* the chunk's elements, held while the GIL is released */
  const char **in;
  size_t *in_lens;
  unsigned char *missing;
  dkcpr_status *statuses;
  char *digits;      /* DIGITS per element, with DKCPR_PY_NINE_DIGITS */
  char *out;         /* SLOT per element for str results */
  size_t *out_lens;
  dkcpr_cpr *cprs;   /* one per element for parse */
  PyObject *holds;   /* encodings of str with lone surrogates */
} column;

/* Drop the chunk's references. */
static void column_release(column *c) {
  while (c->held > 0) Py_DECREF(c->objs[--c->held]);
}

static void column_free(column *c) {
  column_release(c);
  PyMem_Free(c->objs);
  PyMem_Free(c->in);
  PyMem_Free(c->in_lens);
  PyMem_Free(c->missing);
  PyMem_Free(c->statuses);
  PyMem_Free(c->digits);
  PyMem_Free(c->out);
  PyMem_Free(c->out_lens);
  PyMem_Free(c->cprs);
  Py_XDECREF(c->holds);
}

static int column_alloc(column *c, Py_ssize_t n, int op, unsigned int flags) {
  size_t count = n < 1 ? 1 : n < CHUNK_OF(op) ? (size_t)n : CHUNK_OF(op);
  memset(c, 0, sizeof *c);
  c->objs = PyMem_Malloc(count * sizeof *c->objs);
  c->in = PyMem_Malloc(count * sizeof *c->in);
  c->in_lens = PyMem_Malloc(count * sizeof *c->in_lens);
  c->missing = PyMem_Malloc(count);
  c->statuses = PyMem_Malloc(count * sizeof *c->statuses);
  if (!c->objs || !c->in || !c->in_lens || !c->missing || !c->statuses)
    return -1;
  if ((flags & DKCPR_PY_NINE_DIGITS) &&
      (c->digits = PyMem_Malloc(count * DIGITS)) == NULL)
    return -1;
  if (op == DKCPR_PY_PARSE)
    return (c->cprs = PyMem_Malloc(count * sizeof *c->cprs)) ? 0 : -1;
  if (op != DKCPR_PY_VALIDATE) {
    c->out = PyMem_Malloc(count * SLOT);
    c->out_lens = PyMem_Malloc(count * sizeof *c->out_lens);
    if (!c->out || !c->out_lens) return -1;
  }
  return 0;
}

static int is_missing(PyObject *o, PyObject *missing) {
  Py_ssize_t i;
  if (o == Py_None) return 1;
  if (PyFloat_Check(o)) return isnan(PyFloat_AS_DOUBLE(o));
  if (missing != NULL && PyTuple_Check(missing))
    for (i = 0; i < PyTuple_GET_SIZE(missing); i++)
      if (PyTuple_GET_ITEM(missing, i) == o) return 1;
  return 0;
}

static int all_digits(const char *s, size_t len) {
  size_t i;
  for (i = 0; i < len; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}

/* An integer, or an integral float (an integer column with missing values
 * in pandas), as ten digits. A negative, fractional or too large value
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
  if (v < 0 || v > 9999999999LL) {
    buf[0] = '-';
    *len = 1;
  } else {
    *len = (size_t)snprintf(buf, DIGITS, "%010lld", v);
  }
  return 0;
}

static int keep_hold(column *c, PyObject *hold) {
  int rc = -1;
  if (c->holds == NULL) c->holds = PyList_New(0);
  if (c->holds != NULL) rc = PyList_Append(c->holds, hold);
  Py_DECREF(hold); /* the list keeps the bytes alive */
  return rc;
}

/* Elements [base, base + c->n) of seq (a list or tuple). Each is held, and
 * fetched afresh, since an __index__ method or, while the GIL is released,
 * another thread may change a list under the call. */
static int column_read(column *c, PyObject *seq, Py_ssize_t base,
                       unsigned int flags, PyObject *missing) {
  int nine = (flags & DKCPR_PY_NINE_DIGITS) != 0;
  Py_ssize_t i;
  for (i = 0; i < c->n; i++) {
    PyObject *o, *hold = NULL;
    char *d = nine ? c->digits + (size_t)i * DIGITS : NULL;
    if (base + i >= PySequence_Fast_GET_SIZE(seq)) {
      PyErr_SetString(PyExc_RuntimeError, "the list changed size during the call");
      return -1;
    }
    o = PySequence_Fast_ITEMS(seq)[base + i];
    Py_INCREF(o);
    c->objs[c->held++] = o;
    c->missing[i] = 0;
    if (PyUnicode_Check(o)) {
      if (dkcpr_py_utf8(o, &c->in[i], &c->in_lens[i], &hold, base + i) < 0)
        return -1;
      if (hold != NULL && keep_hold(c, hold) < 0) return -1;
      if (nine && c->in_lens[i] == 9 && all_digits(c->in[i], 9)) {
        d[0] = '0';
        memcpy(d + 1, c->in[i], 9);
        c->in[i] = d;
        c->in_lens[i] = 10;
      }
    } else if (is_missing(o, missing)) {
      c->missing[i] = 1;
      c->in[i] = "";
      c->in_lens[i] = 0;
    } else if (nine && !PyBool_Check(o) && (PyFloat_Check(o) || PyIndex_Check(o))) {
      if (integer_digits(o, d, &c->in_lens[i]) < 0) return -1;
      c->in[i] = d;
    } else {
      PyErr_Format(PyExc_TypeError, "item %zd: expected str or a missing value, not %.100s%s",
                   base + i, Py_TYPE(o)->tp_name,
                   nine ? "" : " (nine_digits=True accepts integers)");
      return -1;
    }
  }
  return 0;
}

/* The library's work for the whole list; runs without the GIL. */
static void column_run(column *c, int op, const dkcpr_options *opts,
                       const dkcpr_pseudonymizer *p, size_t token_chars) {
  size_t n = (size_t)c->n, i;
  dkcpr_options dated;
  /* "Today" (no reference date) is read once for the whole column: reading
   * the clock per element would cost more than the check itself. */
  if (dkcpr_options_init(&dated, DKCPR_OPTIONS_VERSION) == DKCPR_OK &&
      (opts == NULL || (opts->ref_year == 0 && opts->ref_month == 0 &&
                        opts->ref_day == 0))) {
    if (opts != NULL) {
      int y = dated.ref_year, m = dated.ref_month, d = dated.ref_day;
      dated = *opts;
      dated.ref_year = y;
      dated.ref_month = m;
      dated.ref_day = d;
    }
    opts = &dated;
  }
  switch (op) {
  case DKCPR_PY_VALIDATE:
    for (i = 0; i < n; i++)
      c->statuses[i] = dkcpr_validate(c->in[i], c->in_lens[i], opts);
    break;
  case DKCPR_PY_PARSE:
    for (i = 0; i < n; i++)
      c->statuses[i] = dkcpr_parse(&c->cprs[i], c->in[i], c->in_lens[i], opts);
    break;
  case DKCPR_PY_PSEUDONYMIZE:
    dkcpr_pseudonymize_many(c->out, SLOT, c->out_lens, c->statuses, p, c->in,
                            c->in_lens, n, opts);
    break;
  case DKCPR_PY_REVEAL:
    dkcpr_reveal_many(c->out, SLOT, c->out_lens, c->statuses, p, c->in,
                      c->in_lens, n, opts);
    break;
  default:
    for (i = 0; i < n; i++)
      c->statuses[i] = c->missing[i]
          ? DKCPR_E_NULL
          : dkcpr_token(c->out + i * SLOT, SLOT, &c->out_lens[i], p, c->in[i],
                        c->in_lens[i], token_chars, opts);
  }
}

/* An element too long for its slot, done on its own. */
static PyObject *redo_long(const column *c, Py_ssize_t i, int op,
                           const dkcpr_options *opts,
                           const dkcpr_pseudonymizer *p, dkcpr_status *st) {
  size_t len = 0, cap = c->in_lens[i] + 1;
  char *out = PyMem_Malloc(cap);
  PyObject *s;
  if (out == NULL) return PyErr_NoMemory();
  Py_BEGIN_ALLOW_THREADS
  *st = (op == DKCPR_PY_REVEAL ? dkcpr_reveal : dkcpr_pseudonymize)(
      out, cap, &len, p, c->in[i], c->in_lens[i], opts);
  Py_END_ALLOW_THREADS
  s = *st == DKCPR_OK ? dkcpr_py_str(out, len) : Py_NewRef(Py_None);
  PyMem_Free(out);
  return s;
}

static PyObject *text(const char *s, size_t len) {
  PyObject *o;
  unsigned char any = 0;
  size_t i;
  for (i = 0; i < len; i++) any |= (unsigned char)s[i];
  if (any >= 0x80) return dkcpr_py_str(s, len);
  o = PyUnicode_New((Py_ssize_t)len, 127); /* ASCII: copied straight in */
  if (o != NULL) memcpy(PyUnicode_DATA(o), s, len);
  return o;
}

static PyObject *element(const column *c, Py_ssize_t i, Py_ssize_t base, int op,
                         unsigned int flags, const dkcpr_options *opts,
                         const dkcpr_pseudonymizer *p) {
  dkcpr_status st = c->statuses[i];
  PyObject *s;
  if (c->missing[i]) return Py_NewRef(Py_None);
  if (st == DKCPR_OK) {
    if (op == DKCPR_PY_PARSE) return dkcpr_py_cpr_tuple(&c->cprs[i]);
    return text(c->out + (size_t)i * SLOT, c->out_lens[i]);
  }
  if (st == DKCPR_E_BUFSIZE && c->in_lens[i] + 1 > SLOT &&
      (op == DKCPR_PY_PSEUDONYMIZE || op == DKCPR_PY_REVEAL)) {
    s = redo_long(c, i, op, opts, p, &st);
    if (s == NULL || st == DKCPR_OK || (flags & DKCPR_PY_NONE_ON_ERROR)) return s;
    Py_DECREF(s);
  }
  if ((flags & DKCPR_PY_NONE_ON_ERROR) && st != DKCPR_E_NOMEM)
    return Py_NewRef(Py_None);
  return dkcpr_py_raise(st, base + i);
}

/* One chunk into list[base, base + c->n). */
static int column_chunk(column *c, PyObject *list, PyObject *seq,
                        Py_ssize_t base, int op, unsigned int flags,
                        PyObject *missing, const dkcpr_options *opts,
                        const dkcpr_pseudonymizer *p, size_t token_chars) {
  Py_ssize_t i;
  if (column_read(c, seq, base, flags, missing) < 0) return -1;
  Py_BEGIN_ALLOW_THREADS
  column_run(c, op, opts, p, token_chars);
  Py_END_ALLOW_THREADS
  if (op == DKCPR_PY_VALIDATE) {
    for (i = 0; i < c->n; i++) {
      PyObject *v = c->missing[i] ? Py_None
                    : c->statuses[i] == DKCPR_OK ? Py_True : Py_False;
      if (c->statuses[i] == DKCPR_E_NOMEM && !c->missing[i]) {
        PyErr_NoMemory();
        return -1;
      }
      PyList_SET_ITEM(list, base + i, Py_NewRef(v));
    }
    return 0;
  }
  for (i = 0; i < c->n; i++) {
    PyObject *s = element(c, i, base, op, flags, opts, p);
    if (s == NULL) return -1;
    PyList_SET_ITEM(list, base + i, s);
  }
  return 0;
}

PyObject *dkcpr_py_column(PyObject *items, int op, unsigned int flags,
                          PyObject *missing, const dkcpr_options *opts,
                          const dkcpr_pseudonymizer *p, size_t token_chars) {
  PyObject *seq, *list = NULL;
  column c;
  Py_ssize_t n, base;
  if (op < DKCPR_PY_VALIDATE || op > DKCPR_PY_TOKEN ||
      (op >= DKCPR_PY_PSEUDONYMIZE && p == NULL)) {
    PyErr_SetString(PyExc_ValueError, "bad column operation");
    return NULL;
  }
  seq = PySequence_Fast(items, "expected an iterable");
  if (seq == NULL) return NULL;
  n = PySequence_Fast_GET_SIZE(seq);
  if (column_alloc(&c, n, op, flags) < 0) {
    PyErr_NoMemory();
    goto done;
  }
  list = PyList_New(n);
  for (base = 0; list != NULL && base < n; base += CHUNK_OF(op)) {
    c.n = n - base < CHUNK_OF(op) ? n - base : CHUNK_OF(op);
    if (column_chunk(&c, list, seq, base, op, flags, missing, opts, p,
                     token_chars) < 0)
      Py_CLEAR(list); /* unset items are NULL, which the list's free skips */
    column_release(&c);
  }
done:
  column_free(&c);
  Py_DECREF(seq);
  return list;
}
