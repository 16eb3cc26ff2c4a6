/* Parsing and validation for Python: str in, plain values out. */
#include "dkcpr_py.h"

PyObject *dkcpr_py_is_valid(PyObject *s, const dkcpr_options *opts) {
  const char *bytes;
  size_t len;
  PyObject *hold = NULL;
  dkcpr_status st;
  if (dkcpr_py_utf8(s, &bytes, &len, &hold, -1) < 0) return NULL;
  /* A CPR number is short: releasing the GIL would cost more than the
   * check, except for long (lenient, white-space padded) input. */
  if (len <= 64) {
    st = dkcpr_validate(bytes, len, opts);
  } else {
    Py_BEGIN_ALLOW_THREADS
    st = dkcpr_validate(bytes, len, opts);
    Py_END_ALLOW_THREADS
  }
  Py_XDECREF(hold);
  if (st == DKCPR_E_NOMEM) return PyErr_NoMemory();
  return PyBool_FromLong(st == DKCPR_OK);
}

static PyObject *format_or_none(const dkcpr_cpr *cpr, dkcpr_format_style style) {
  char buf[DKCPR_FORMAT_BUFSIZE];
  size_t len = 0;
  dkcpr_status st = dkcpr_format(buf, sizeof buf, &len, cpr, style);
  if (st != DKCPR_OK) return dkcpr_py_raise(st, -1);
  return PyUnicode_DecodeASCII(buf, (Py_ssize_t)len, "strict");
}

/* (digits, year, month, day, sex, kind, mod11, known_date, century_digit,
 *  dashed, masked) */
PyObject *dkcpr_py_parse(PyObject *s, const dkcpr_options *opts) {
  const char *bytes;
  size_t len;
  PyObject *hold = NULL, *dashed, *masked;
  dkcpr_cpr cpr;
  dkcpr_status st;
  if (dkcpr_py_utf8(s, &bytes, &len, &hold, -1) < 0) return NULL;
  if (len <= 64) {
    st = dkcpr_parse(&cpr, bytes, len, opts);
  } else {
    Py_BEGIN_ALLOW_THREADS
    st = dkcpr_parse(&cpr, bytes, len, opts);
    Py_END_ALLOW_THREADS
  }
  Py_XDECREF(hold);
  if (st != DKCPR_OK) return dkcpr_py_raise(st, -1);
  dashed = format_or_none(&cpr, DKCPR_FORMAT_DASHED);
  if (dashed == NULL) return NULL;
  masked = format_or_none(&cpr, DKCPR_FORMAT_MASKED);
  if (masked == NULL) {
    Py_DECREF(dashed);
    return NULL;
  }
  return Py_BuildValue("(s#iiiiiiiiNN)", cpr.digits, (Py_ssize_t)10, cpr.year,
                       cpr.month, cpr.day, (int)cpr.sex, (int)cpr.kind,
                       cpr.mod11, cpr.known_date, cpr.century_digit, dashed,
                       masked);
}

/* Age from canonical digits: parsed again with every kind and date allowed,
 * since the caller's own parse already applied its options. */
PyObject *dkcpr_py_age(PyObject *digits, int year, int month, int day) {
  const char *bytes;
  size_t len;
  PyObject *hold = NULL;
  dkcpr_options opts;
  dkcpr_cpr cpr;
  dkcpr_status st;
  int years = 0;
  if (dkcpr_py_utf8(digits, &bytes, &len, &hold, -1) < 0) return NULL;
  st = dkcpr_options_init(&opts, DKCPR_OPTIONS_VERSION);
  if (st == DKCPR_OK) {
    opts.flags = DKCPR_PARSE_ALLOW_REPLACEMENT | DKCPR_PARSE_ALLOW_FUTURE;
    st = dkcpr_parse(&cpr, bytes, len, &opts);
  }
  Py_XDECREF(hold);
  if (st == DKCPR_OK) st = dkcpr_age(&years, &cpr, year, month, day);
  if (st != DKCPR_OK) return dkcpr_py_raise(st, -1);
  return PyLong_FromLong(years);
}
