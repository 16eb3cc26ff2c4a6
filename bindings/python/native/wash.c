/* SPDX-License-Identifier: Apache-2.0 */
/* A streaming washer for Python: bytes in, bytes out, GIL released. */
#include "dkcpr_py.h" /* first: Python.h sets feature macros */

#include <string.h>

dkcpr_py_washer *dkcpr_py_wash_new(const dkcpr_pseudonymizer *p,
                                     const dkcpr_scan_options *scan,
                                     const dkcpr_wash_options *opts,
                                     const char *placeholder,
                                     size_t placeholder_len,
                                     dkcpr_status *status) {
  dkcpr_wash_options own;
  dkcpr_py_washer *pw;
  if (opts == NULL) {
    *status = dkcpr_wash_options_init(&own, DKCPR_WASH_OPTIONS_VERSION);
    if (*status != DKCPR_OK) return NULL;
  } else {
    own = *opts;
  }
  pw = PyMem_RawCalloc(1, sizeof *pw);
  if (pw == NULL) {
    *status = DKCPR_E_NOMEM;
    return NULL;
  }
  /* The washer copies the placeholder: the bytes object may go. */
  if (placeholder != NULL) {
    own.placeholder = placeholder;
    own.placeholder_len = placeholder_len;
  }
  *status = dkcpr_washer_new(&pw->w, p, scan, &own);
  if (*status != DKCPR_OK) {
    dkcpr_py_wash_free(pw);
    return NULL;
  }
  return pw;
}

void dkcpr_py_wash_free(dkcpr_py_washer *pw) {
  if (pw == NULL) return;
  dkcpr_washer_free(pw->w);
  PyMem_RawFree(pw);
}

static int enter(dkcpr_py_washer *pw) {
  if (pw->busy) {
    PyErr_SetString(PyExc_RuntimeError,
                    "a Washer is used by one thread at a time");
    return -1;
  }
  pw->busy = 1;
  return 0;
}

/* Feed (or finish, when in is NULL) and return the output as bytes. */
static PyObject *step(dkcpr_py_washer *pw, const char *in, size_t in_len) {
  size_t cap = dkcpr_washer_bound(pw->w, in_len), out_len = 0;
  PyObject *out;
  dkcpr_status st;
  if (cap > (size_t)PY_SSIZE_T_MAX) return PyErr_NoMemory();
  out = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)cap);
  if (out == NULL) return NULL;
  if (enter(pw) < 0) {
    Py_DECREF(out);
    return NULL;
  }
  Py_BEGIN_ALLOW_THREADS
  if (in != NULL)
    st = dkcpr_washer_feed(PyBytes_AS_STRING(out), cap, &out_len, pw->w, in,
                           in_len);
  else
    st = dkcpr_washer_finish(PyBytes_AS_STRING(out), cap, &out_len, pw->w);
  Py_END_ALLOW_THREADS
  pw->busy = 0;
  if (st != DKCPR_OK) {
    Py_DECREF(out);
    return dkcpr_py_raise(st, -1);
  }
  if (_PyBytes_Resize(&out, (Py_ssize_t)out_len) < 0) return NULL;
  return out;
}

PyObject *dkcpr_py_wash_feed(dkcpr_py_washer *pw, PyObject *data) {
  Py_buffer view;
  PyObject *out;
  if (PyUnicode_Check(data)) {
    PyErr_SetString(PyExc_TypeError, "Washer.feed expects bytes, not str");
    return NULL;
  }
  if (PyObject_GetBuffer(data, &view, PyBUF_SIMPLE) < 0) return NULL;
  out = step(pw, view.buf, (size_t)view.len);
  PyBuffer_Release(&view);
  return out;
}

PyObject *dkcpr_py_wash_finish(dkcpr_py_washer *pw) {
  return step(pw, NULL, 0);
}

/* Sum a [kind][confidence] table into {kind: n} for the kinds that occur. */
static PyObject *by_kind(const uint64_t table[][4]) {
  PyObject *d = PyDict_New();
  int k, c;
  for (k = 0; d != NULL && k < DKCPR_KIND_COUNT; k++) {
    uint64_t n = 0;
    for (c = 0; c < DKCPR_CONFIDENCE_COUNT; c++) n += table[k][c];
    if (n > 0) {
      PyObject *v = PyLong_FromUnsignedLongLong((unsigned long long)n);
      if (v == NULL ||
          PyDict_SetItemString(d, dkcpr_kind_name((dkcpr_kind)k), v) < 0)
        Py_CLEAR(d);
      Py_XDECREF(v);
    }
  }
  return d;
}

PyObject *dkcpr_py_wash_stats(const dkcpr_py_washer *pw) {
  dkcpr_wash_stats s;
  dkcpr_status st;
  s.version = DKCPR_WASH_STATS_VERSION;
  st = dkcpr_washer_stats(&s, pw->w);
  if (st != DKCPR_OK) return dkcpr_py_raise(st, -1);
  return Py_BuildValue("{s:K,s:K,s:N,s:N,s:K,s:K}", "bytes_in",
                       (unsigned long long)s.bytes_in, "bytes_out",
                       (unsigned long long)s.bytes_out, "found",
                       by_kind((const uint64_t(*)[4])s.found), "replaced",
                       by_kind((const uint64_t(*)[4])s.replaced), "irreversible",
                       (unsigned long long)s.irreversible, "failed",
                       (unsigned long long)s.failed);
}
