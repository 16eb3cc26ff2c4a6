/* SPDX-License-Identifier: Apache-2.0 */
/* A streaming washer for Python: bytes in, bytes out, GIL released. */
#include "dkcpr_py.h" /* first: Python.h sets feature macros */

#include <string.h>

dkcpr_py_washer *dkcpr_py_wash_new(const dkcpr_pseudonymizer *p,
                                     const dkcpr_scan_options *scan,
                                     const dkcpr_wash_options *opts,
                                     const char *placeholder,
                                     size_t placeholder_len, int format,
                                     const char *cpr_fields,
                                     size_t cpr_fields_len,
                                     const dkcpr_rules *rules,
                                     dkcpr_status *status) {
  dkcpr_wash_options own;
  dkcpr_struct_options so;
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
  pw->rules = rules != NULL;
  if (rules != NULL) { /* for stats: which rules named no field */
    size_t i, n = dkcpr_rules_count(rules);
    pw->rule_names = PyList_New((Py_ssize_t)n);
    for (i = 0; pw->rule_names != NULL && i < n; i++) {
      const char *name;
      uint64_t line;
      PyObject *t = NULL;
      if (dkcpr_rules_field(&name, &line, rules, i) == DKCPR_OK)
        t = Py_BuildValue("(sK)", name, (unsigned long long)line);
      if (t == NULL) {
        PyErr_Clear();
        Py_CLEAR(pw->rule_names);
        break;
      }
      PyList_SET_ITEM(pw->rule_names, (Py_ssize_t)i, t);
    }
    if (pw->rule_names == NULL) {
      PyErr_Clear();
      dkcpr_py_wash_free(pw);
      *status = DKCPR_E_NOMEM;
      return NULL;
    }
  }
  *status = dkcpr_struct_options_init(&so, DKCPR_STRUCT_OPTIONS_VERSION);
  so.format = pw->format = (dkcpr_data_format)format;
  so.cpr_fields = cpr_fields; /* copied, as are the rules */
  so.cpr_fields_len = cpr_fields_len;
  so.rules = rules;
  /* Text with rules is checked as dkcpr wash does (rules that rewrite
   * values need rows), then washed as text. */
  if (*status == DKCPR_OK && (format != DKCPR_DATA_TEXT || rules != NULL))
    *status = dkcpr_struct_washer_new(&pw->sw, p, scan, &own, &so);
  if (*status == DKCPR_OK && format == DKCPR_DATA_TEXT) {
    dkcpr_struct_washer_free(pw->sw);
    pw->sw = NULL;
    *status = dkcpr_washer_new(&pw->w, p, scan, &own);
  }
  if (*status != DKCPR_OK) {
    dkcpr_py_wash_free(pw);
    return NULL;
  }
  return pw;
}

void dkcpr_py_wash_free(dkcpr_py_washer *pw) {
  if (pw == NULL) return;
  Py_CLEAR(pw->rule_names);
  dkcpr_washer_free(pw->w);
  dkcpr_struct_washer_free(pw->sw);
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

static dkcpr_status run(dkcpr_py_washer *pw, char *out, size_t cap, size_t *out_len,
                        const char *in, size_t in_len) {
  if (pw->sw != NULL)
    return in != NULL ? dkcpr_struct_washer_feed(out, cap, out_len, pw->sw, in, in_len)
                      : dkcpr_struct_washer_finish(out, cap, out_len, pw->sw);
  return in != NULL ? dkcpr_washer_feed(out, cap, out_len, pw->w, in, in_len)
                    : dkcpr_washer_finish(out, cap, out_len, pw->w);
}

static PyObject *failed(const dkcpr_py_washer *pw, dkcpr_status st) {
  dkcpr_struct_error e;
  e.version = DKCPR_STRUCT_ERROR_VERSION;
  if (st == DKCPR_E_SYNTAX && pw->sw != NULL && dkcpr_struct_washer_error(&e, pw->sw) == DKCPR_OK)
    return dkcpr_py_raise_syntax(dkcpr_data_format_name(pw->format), &e);
  return dkcpr_py_raise(st, -1);
}

/* Feed (or finish, when in is NULL) and return the output as bytes. */
static PyObject *step(dkcpr_py_washer *pw, const char *in, size_t in_len) {
  size_t cap = pw->sw != NULL ? dkcpr_struct_washer_bound(pw->sw, in_len)
                              : dkcpr_washer_bound(pw->w, in_len),
         out_len = 0;
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
  st = run(pw, PyBytes_AS_STRING(out), cap, &out_len, in, in_len);
  Py_END_ALLOW_THREADS
  pw->busy = 0;
  if (st != DKCPR_OK) {
    Py_DECREF(out);
    return failed(pw, st);
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
  dkcpr_struct_counts c;
  dkcpr_status st;
  PyObject *d;
  memset(&c, 0, sizeof c); /* a text washer has no rule counts */
  s.version = DKCPR_WASH_STATS_VERSION;
  c.version = DKCPR_STRUCT_COUNTS_VERSION;
  st = pw->sw != NULL ? dkcpr_struct_washer_stats(&s, &c, pw->sw) : dkcpr_washer_stats(&s, pw->w);
  if (st != DKCPR_OK) return dkcpr_py_raise(st, -1);
  d = Py_BuildValue("{s:K,s:K,s:N,s:N,s:K,s:K}", "bytes_in",
                    (unsigned long long)s.bytes_in, "bytes_out",
                    (unsigned long long)s.bytes_out, "found",
                    by_kind((const uint64_t(*)[4])s.found), "replaced",
                    by_kind((const uint64_t(*)[4])s.replaced), "irreversible",
                    (unsigned long long)s.irreversible, "failed",
                    (unsigned long long)s.failed);
  if (d != NULL && pw->sw != NULL) { /* and what the CPR fields held */
    PyObject *fields = Py_BuildValue(
        "{s:K,s:K,s:K,s:K,s:K,s:K}", "values", (unsigned long long)c.values, "replaced",
        (unsigned long long)c.replaced, "irreversible", (unsigned long long)c.irreversible,
        "unrecognised", (unsigned long long)c.unrecognised, "failed",
        (unsigned long long)c.failed, "integers", (unsigned long long)c.integers);
    if (fields == NULL || PyDict_SetItemString(d, "cpr_fields", fields) < 0) Py_CLEAR(d);
    Py_XDECREF(fields);
  }
  if (d != NULL && pw->rules) { /* and what the rules rewrote, and which named nothing */
    PyObject *none = PyList_New(0), *r = NULL;
    Py_ssize_t i;
    for (i = 0; none != NULL && i < PyList_GET_SIZE(pw->rule_names); i++)
      if ((pw->sw == NULL || !dkcpr_struct_washer_rule_matched(pw->sw, (size_t)i)) &&
          PyList_Append(none, PyList_GET_ITEM(pw->rule_names, i)) < 0)
        Py_CLEAR(none);
    if (none != NULL)
      r = Py_BuildValue("{s:K,s:K,s:K,s:n,s:O}", "values", (unsigned long long)c.rule_values,
                        "unusable", (unsigned long long)c.rule_unusable, "irreversible",
                        (unsigned long long)c.rule_irreversible, "unmatched",
                        PyList_GET_SIZE(none), "unmatched_rules", none);
    if (r == NULL || PyDict_SetItemString(d, "rules", r) < 0) Py_CLEAR(d);
    Py_XDECREF(r);
    Py_XDECREF(none);
  }
  return d;
}
