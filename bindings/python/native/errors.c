/* SPDX-License-Identifier: Apache-2.0 */
/* CprError, status-to-exception mapping and str conversions. Hand-written
 * because SWIG makes no exception class of its own with attributes (status,
 * code, index, line), and its str typemap cannot pass lone surrogates
 * through as the invalid UTF-8 the library must see and reject. */
#include "dkcpr_py.h"

PyObject *dkcpr_py_error_type = NULL;

static const char error_doc[] =
    "A CPR number or an argument was rejected by the dkcpr library.\n\n"
    "A ValueError. Attributes: status, the C status name (e.g. 'DKCPR_E_DATE');\n"
    "code, its negative number; index, the failing element of a batch call;\n"
    "line, the bad line of a known-dates text or of an input washed by its\n"
    "structure, with column and offset for the latter (None otherwise).\n"
    "Messages never contain the rejected input.";

int dkcpr_py_init(PyObject *module_dict) {
  PyObject *attrs = Py_BuildValue("{s:O,s:O,s:O,s:O,s:O,s:O}", "status", Py_None,
                                  "code", Py_None, "index", Py_None, "line",
                                  Py_None, "column", Py_None, "offset", Py_None);
  if (attrs == NULL) return -1;
  dkcpr_py_error_type = PyErr_NewExceptionWithDoc(
      "dkcpr.CprError", error_doc, PyExc_ValueError, attrs);
  Py_DECREF(attrs);
  if (dkcpr_py_error_type == NULL) return -1;
  return PyDict_SetItemString(module_dict, "CprError", dkcpr_py_error_type);
}

static int set_attr(PyObject *obj, const char *name, PyObject *value) {
  int rc;
  if (value == NULL) return -1;
  rc = PyObject_SetAttrString(obj, name, value);
  Py_DECREF(value);
  return rc;
}

/* A CprError with msg (consumed), status and code; NULL on failure. */
static PyObject *new_error(PyObject *msg, dkcpr_status st) {
  PyObject *exc;
  if (msg == NULL) return NULL;
  exc = PyObject_CallOneArg(dkcpr_py_error_type, msg);
  Py_DECREF(msg);
  if (exc != NULL &&
      (set_attr(exc, "status", PyUnicode_FromString(dkcpr_status_name(st))) < 0 ||
       set_attr(exc, "code", PyLong_FromLong((long)st)) < 0))
    Py_CLEAR(exc);
  return exc;
}

/* Raise exc (consumed) unless setting its attributes failed (ok == 0). */
static PyObject *raise_error(PyObject *exc, int ok) {
  if (exc != NULL && ok) PyErr_SetObject(dkcpr_py_error_type, exc);
  Py_XDECREF(exc);
  return NULL;
}

/* Raise CprError with msg; index and line (when >= 0) become attributes. */
static PyObject *raise_with(PyObject *msg, dkcpr_status st, Py_ssize_t index,
                            Py_ssize_t line) {
  PyObject *exc = new_error(msg, st);
  return raise_error(exc, exc != NULL &&
                              (index < 0 || set_attr(exc, "index", PyLong_FromSsize_t(index)) == 0) &&
                              (line < 0 || set_attr(exc, "line", PyLong_FromSsize_t(line)) == 0));
}

PyObject *dkcpr_py_raise(dkcpr_status st, Py_ssize_t index) {
  if (st == DKCPR_E_NOMEM) return PyErr_NoMemory();
  if (index >= 0)
    return raise_with(PyUnicode_FromFormat("item %zd: %s (%s)", index,
                                           dkcpr_strerror(st),
                                           dkcpr_status_name(st)),
                      st, index, -1);
  return raise_with(PyUnicode_FromFormat("%s (%s)", dkcpr_strerror(st),
                                         dkcpr_status_name(st)),
                    st, -1, -1);
}

PyObject *dkcpr_py_raise_line(dkcpr_status st, size_t line) {
  if (st == DKCPR_E_NOMEM) return PyErr_NoMemory();
  return raise_with(PyUnicode_FromFormat("line %zu: %s (%s)", line,
                                         dkcpr_strerror(st),
                                         dkcpr_status_name(st)),
                    st, -1, (Py_ssize_t)line);
}

PyObject *dkcpr_py_raise_syntax(const char *format, const dkcpr_struct_error *e) {
  PyObject *exc = new_error(
      PyUnicode_FromFormat("not valid %s: line %llu, column %llu: %s", format,
                           (unsigned long long)e->line, (unsigned long long)e->column,
                           e->message ? e->message : "syntax error"),
      DKCPR_E_SYNTAX);
  return raise_error(exc, exc != NULL &&
                              set_attr(exc, "line", PyLong_FromUnsignedLongLong(e->line)) == 0 &&
                              set_attr(exc, "column", PyLong_FromUnsignedLongLong(e->column)) == 0 &&
                              set_attr(exc, "offset", PyLong_FromUnsignedLongLong(e->offset)) == 0);
}

int dkcpr_py_utf8(PyObject *o, const char **s, size_t *len, PyObject **hold,
                  Py_ssize_t index) {
  Py_ssize_t n;
  if (!PyUnicode_Check(o)) {
    if (index >= 0)
      PyErr_Format(PyExc_TypeError, "item %zd: expected str, not %.100s",
                   index, Py_TYPE(o)->tp_name);
    else
      PyErr_Format(PyExc_TypeError, "expected str, not %.100s",
                   Py_TYPE(o)->tp_name);
    return -1;
  }
  *s = PyUnicode_AsUTF8AndSize(o, &n);
  if (*s == NULL) {
    if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) return -1;
    PyErr_Clear();
    *hold = PyUnicode_AsEncodedString(o, "utf-8", "surrogatepass");
    if (*hold == NULL) return -1;
    *s = PyBytes_AS_STRING(*hold);
    n = PyBytes_GET_SIZE(*hold);
  }
  *len = (size_t)n;
  return 0;
}

PyObject *dkcpr_py_str(const char *s, size_t len) {
  return PyUnicode_DecodeUTF8(s, (Py_ssize_t)len, "surrogateescape");
}
