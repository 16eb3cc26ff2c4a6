/* Keys and synthetic numbers for Python. */
#include "dkcpr_py.h" /* first: Python.h sets feature macros */

#include <stdlib.h>
#include <string.h>

PyObject *dkcpr_py_keygen(void) {
  PyObject *key = PyBytes_FromStringAndSize(NULL, DKCPR_KEY_BYTES);
  dkcpr_status st;
  if (key == NULL) return NULL;
  st = dkcpr_keygen((uint8_t *)PyBytes_AS_STRING(key), DKCPR_KEY_BYTES);
  if (st != DKCPR_OK) {
    Py_DECREF(key);
    return dkcpr_py_raise(st, -1);
  }
  return key;
}

PyObject *dkcpr_py_key_from_hex(PyObject *hex) {
  const char *bytes;
  size_t len;
  PyObject *hold = NULL, *key;
  dkcpr_status st;
  if (dkcpr_py_utf8(hex, &bytes, &len, &hold, -1) < 0) return NULL;
  key = PyBytes_FromStringAndSize(NULL, DKCPR_KEY_BYTES);
  if (key == NULL) {
    Py_XDECREF(hold);
    return NULL;
  }
  st = dkcpr_key_from_hex((uint8_t *)PyBytes_AS_STRING(key), DKCPR_KEY_BYTES,
                          bytes, len);
  Py_XDECREF(hold);
  if (st != DKCPR_OK) {
    Py_DECREF(key);
    return dkcpr_py_raise(st, -1);
  }
  return key;
}

PyObject *dkcpr_py_generate(const dkcpr_generate_options *opts,
                            const uint8_t *seed, size_t seed_len,
                            unsigned long long first, size_t count) {
  enum { STRIDE = 11 };
  char *out;
  PyObject *list;
  dkcpr_status st;
  size_t i;
  if (count > (size_t)PY_SSIZE_T_MAX / STRIDE) return PyErr_NoMemory();
  out = PyMem_RawMalloc(count * STRIDE + 1);
  if (out == NULL) return PyErr_NoMemory();
  Py_BEGIN_ALLOW_THREADS
  st = dkcpr_generate(out, STRIDE, NULL, opts, seed, seed_len,
                      (uint64_t)first, count);
  Py_END_ALLOW_THREADS
  if (st != DKCPR_OK) {
    PyMem_RawFree(out);
    return dkcpr_py_raise(st, -1);
  }
  list = PyList_New((Py_ssize_t)count);
  for (i = 0; list != NULL && i < count; i++) {
    PyObject *item = PyUnicode_DecodeASCII(out + i * STRIDE, 10, "strict");
    if (item == NULL) Py_CLEAR(list);
    else PyList_SET_ITEM(list, (Py_ssize_t)i, item);
  }
  PyMem_RawFree(out);
  return list;
}
