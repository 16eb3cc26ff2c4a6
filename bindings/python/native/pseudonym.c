/* Batch pseudonymization for Python: one library call for a whole list. */
#include "dkcpr_py.h" /* first: Python.h sets feature macros */

#include <string.h>

/* Output slot per element. Every written form of a CPR number fits (ten
 * three-byte digits and a separator); a longer element (lenient input with
 * much white space) gets DKCPR_E_BUFSIZE from the batch and is redone alone. */
#define SLOT 64

typedef struct batch {
  Py_ssize_t n;
  const char **in;
  size_t *in_lens;
  size_t *out_lens;
  dkcpr_status *statuses;
  char *out;
  PyObject *holds; /* list of encodings of str with lone surrogates */
} batch;

static void batch_free(batch *b) {
  PyMem_Free(b->in);
  PyMem_Free(b->in_lens);
  PyMem_Free(b->out_lens);
  PyMem_Free(b->statuses);
  PyMem_Free(b->out);
  Py_XDECREF(b->holds);
}

static int batch_alloc(batch *b, Py_ssize_t n) {
  size_t count = n > 0 ? (size_t)n : 1;
  memset(b, 0, sizeof *b);
  b->n = n;
  if (count > (size_t)PY_SSIZE_T_MAX / SLOT) return -1;
  b->in = PyMem_Malloc(count * sizeof *b->in);
  b->in_lens = PyMem_Malloc(count * sizeof *b->in_lens);
  b->out_lens = PyMem_Malloc(count * sizeof *b->out_lens);
  b->statuses = PyMem_Malloc(count * sizeof *b->statuses);
  b->out = PyMem_Malloc(count * SLOT);
  if (!b->in || !b->in_lens || !b->out_lens || !b->statuses || !b->out)
    return -1;
  return 0;
}

/* none_on_error: a None element (a missing value in a data column) is
 * passed as an empty string, which fails, so its output is None too. */
static int batch_read(batch *b, PyObject *const *items, int none_on_error) {
  Py_ssize_t i;
  for (i = 0; i < b->n; i++) {
    PyObject *hold = NULL;
    if (items[i] == Py_None && none_on_error) {
      b->in[i] = "";
      b->in_lens[i] = 0;
      continue;
    }
    if (dkcpr_py_utf8(items[i], &b->in[i], &b->in_lens[i], &hold, i) < 0)
      return -1;
    if (hold != NULL) {
      int rc = -1;
      if (b->holds == NULL) b->holds = PyList_New(0);
      if (b->holds != NULL) rc = PyList_Append(b->holds, hold);
      Py_DECREF(hold); /* the list keeps the bytes alive */
      if (rc < 0) return -1;
    }
  }
  return 0;
}

typedef dkcpr_status (*one_fn)(char *, size_t, size_t *,
                               const dkcpr_pseudonymizer *, const char *,
                               size_t, const dkcpr_options *);

/* An element too long for its slot, done on its own. */
static PyObject *redo_long(const dkcpr_pseudonymizer *p, const batch *b,
                           Py_ssize_t i, const dkcpr_options *opts,
                           int reveal, dkcpr_status *st) {
  one_fn fn = reveal ? dkcpr_reveal : dkcpr_pseudonymize;
  size_t len = 0, cap = b->in_lens[i] + 1;
  char *out = PyMem_Malloc(cap);
  PyObject *s = NULL;
  if (out == NULL) return PyErr_NoMemory();
  Py_BEGIN_ALLOW_THREADS
  *st = fn(out, cap, &len, p, b->in[i], b->in_lens[i], opts);
  Py_END_ALLOW_THREADS
  if (*st == DKCPR_OK) s = dkcpr_py_str(out, len);
  else s = Py_NewRef(Py_None);
  PyMem_Free(out);
  return s;
}

static int is_ascii(const char *s, size_t len) {
  unsigned char any = 0;
  size_t i;
  for (i = 0; i < len; i++) any |= (unsigned char)s[i];
  return any < 0x80;
}

static PyObject *element(const dkcpr_pseudonymizer *p, const batch *b,
                         PyObject *item, Py_ssize_t i,
                         const dkcpr_options *opts, int reveal,
                         int none_on_error) {
  dkcpr_status st = b->statuses[i];
  const char *out = b->out + (size_t)i * SLOT;
  PyObject *s;
  if (st == DKCPR_OK) {
    /* Output is written like the input: ASCII in, ASCII out, copied
     * straight into a new str. */
    if (PyUnicode_IS_ASCII(item) && is_ascii(out, b->out_lens[i])) {
      s = PyUnicode_New((Py_ssize_t)b->out_lens[i], 127);
      if (s != NULL) memcpy(PyUnicode_DATA(s), out, b->out_lens[i]);
      return s;
    }
    return dkcpr_py_str(out, b->out_lens[i]);
  }
  if (st == DKCPR_E_BUFSIZE && b->in_lens[i] + 1 > SLOT) {
    s = redo_long(p, b, i, opts, reveal, &st);
    if (s == NULL || st == DKCPR_OK || none_on_error) return s;
    Py_DECREF(s);
  }
  if (none_on_error && st != DKCPR_E_NOMEM) return Py_NewRef(Py_None);
  return dkcpr_py_raise(st, i);
}

PyObject *dkcpr_py_many(const dkcpr_pseudonymizer *p, PyObject *items,
                        const dkcpr_options *opts, int reveal,
                        int none_on_error) {
  PyObject *seq, *list = NULL;
  PyObject *const *objs;
  batch b;
  Py_ssize_t i;
  seq = PySequence_Fast(items, "expected an iterable of str");
  if (seq == NULL) return NULL;
  objs = PySequence_Fast_ITEMS(seq);
  if (batch_alloc(&b, PySequence_Fast_GET_SIZE(seq)) < 0) {
    PyErr_NoMemory();
    goto done;
  }
  if (batch_read(&b, objs, none_on_error) < 0) goto done;
  if (b.n > 0) {
    Py_BEGIN_ALLOW_THREADS
    if (reveal)
      dkcpr_reveal_many(b.out, SLOT, b.out_lens, b.statuses, p, b.in,
                        b.in_lens, (size_t)b.n, opts);
    else
      dkcpr_pseudonymize_many(b.out, SLOT, b.out_lens, b.statuses, p, b.in,
                              b.in_lens, (size_t)b.n, opts);
    Py_END_ALLOW_THREADS
  }
  list = PyList_New(b.n);
  for (i = 0; list != NULL && i < b.n; i++) {
    PyObject *s = element(p, &b, objs[i], i, opts, reveal, none_on_error);
    if (s == NULL) Py_CLEAR(list);
    else PyList_SET_ITEM(list, i, s);
  }
done:
  batch_free(&b);
  Py_DECREF(seq);
  return list;
}
