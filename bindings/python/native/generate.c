/* SPDX-License-Identifier: Apache-2.0 */
/* Synthetic numbers for Python: one library call writes them all into one
 * buffer, then one list of str. Hand-written because SWIG has no typemap
 * for a strided output of count elements that count gives only at run
 * time. */
#include "dkcpr_py.h" /* first: Python.h sets feature macros */

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
