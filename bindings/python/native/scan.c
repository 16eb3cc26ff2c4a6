/* SPDX-License-Identifier: Apache-2.0 */
/* Finding numbers in a str, with offsets in code points as Python indexes.
 * Hand-written because the library counts UTF-8 bytes: turning every
 * match's offsets into code points in one pass over the text is C work
 * that a typemap per match would repeat from the start. */
#include "dkcpr_py.h"

/* Code points in s[from, to): bytes that do not continue a UTF-8 sequence. */
static uint64_t code_points(const char *s, uint64_t from, uint64_t to) {
  uint64_t n = 0, i;
  for (i = from; i < to; i++) n += ((unsigned char)s[i] & 0xC0) != 0x80;
  return n;
}

/* Turn every byte offset into a code-point offset, walking the text once
 * when the matches come in order. */
static void to_code_points(dkcpr_match *m, size_t count, const char *s) {
  uint64_t at_byte = 0, at_cp = 0;
  size_t i;
  for (i = 0; i < count; i++) {
    uint64_t start = m[i].start, end = m[i].end;
    if (start < at_byte) at_byte = at_cp = 0;
    at_cp += code_points(s, at_byte, start);
    at_byte = start;
    m[i].start = at_cp;
    m[i].end = at_cp + code_points(s, start, end);
  }
}

static dkcpr_status scan_all(dkcpr_match **out, size_t *count, const char *s,
                             size_t len, const dkcpr_scan_options *opts) {
  size_t cap = 64;
  dkcpr_status st;
  dkcpr_match *m = PyMem_RawMalloc(cap * sizeof *m);
  if (m == NULL) return DKCPR_E_NOMEM;
  for (;;) {
    st = dkcpr_scan(m, cap, count, s, len, opts);
    if (st != DKCPR_E_BUFSIZE || *count <= cap) break;
    PyMem_RawFree(m);
    cap = *count;
    m = PyMem_RawMalloc(cap * sizeof *m);
    if (m == NULL) return DKCPR_E_NOMEM;
  }
  if (st == DKCPR_OK) to_code_points(m, *count, s);
  *out = m;
  return st;
}

/* [(start, end, digits, kind, mod11, confidence), ...] */
PyObject *dkcpr_py_scan(PyObject *text, const dkcpr_scan_options *opts) {
  const char *bytes;
  size_t len, count = 0, i;
  PyObject *hold = NULL, *list = NULL;
  dkcpr_match *m = NULL;
  dkcpr_status st;
  if (dkcpr_py_utf8(text, &bytes, &len, &hold, -1) < 0) return NULL;
  Py_BEGIN_ALLOW_THREADS
  st = scan_all(&m, &count, bytes, len, opts);
  Py_END_ALLOW_THREADS
  if (st != DKCPR_OK) {
    dkcpr_py_raise(st, -1);
    goto done;
  }
  list = PyList_New((Py_ssize_t)count);
  for (i = 0; list != NULL && i < count; i++) {
    PyObject *t = Py_BuildValue("(KKs#iii)", (unsigned long long)m[i].start,
                                (unsigned long long)m[i].end, m[i].digits,
                                (Py_ssize_t)10, (int)m[i].kind, m[i].mod11,
                                (int)m[i].confidence);
    if (t == NULL) Py_CLEAR(list);
    else PyList_SET_ITEM(list, (Py_ssize_t)i, t);
  }
done:
  PyMem_RawFree(m);
  Py_XDECREF(hold);
  return list;
}
