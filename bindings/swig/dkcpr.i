/* dkcpr: the language-neutral SWIG interface. Each language adds its own
 * typemaps and idioms in dkcpr_<language>.i, picked below. */
%module dkcpr

%{
#include <stdlib.h>

#include "dkcpr.h"

typedef dkcpr_status (*dkcpr_swig_one_fn)(char *, size_t, size_t *,
                                          const dkcpr_pseudonymizer *,
                                          const char *, size_t,
                                          const dkcpr_options *);

/* One number through fn into a malloc'd string (NULL on error). */
static char *dkcpr_swig_one(dkcpr_swig_one_fn fn, const dkcpr_pseudonymizer *p,
                            const char *in, size_t in_len,
                            const dkcpr_options *opts, dkcpr_status *st) {
  char *out = malloc(in_len + 1);
  if (out == NULL) {
    *st = DKCPR_E_NOMEM;
    return NULL;
  }
  *st = fn(out, in_len + 1, NULL, p, in, in_len, opts);
  if (*st != DKCPR_OK) {
    free(out);
    return NULL;
  }
  return out;
}
%}

/* SWIG's preprocessor cannot parse the export attribute. */
#define DKCPR_API

/* dkcpr_parse -> parse, DKCPR_E_DATE -> E_DATE, dkcpr_options -> options. */
%rename("%(strip:[dkcpr_])s") "";
%rename("%(strip:[DKCPR_])s", %$isconstant) "";
%rename("%(strip:[DKCPR_])s", %$isenumitem) "";
%rename(Pseudonymizer) dkcpr_pseudonymizer;
%rename(Status) dkcpr_status;

/* Raw buffer and capacity signatures, out-pointer constructors and the
 * streaming handles are not wrapped as they are: each language exposes
 * them through its own idiomatic methods. */
%ignore DKCPR_STATUS_MAP;
%ignore DKCPR_STATUS_LAST_;
%ignore dkcpr_datelist;
%ignore dkcpr_datelist_new;
%ignore dkcpr_datelist_free;
%ignore dkcpr_datelist_add;
%ignore dkcpr_datelist_load;
%ignore dkcpr_datelist_contains;
%ignore dkcpr_options::known_dates;
%ignore dkcpr_cpr::reserved;
%ignore dkcpr_match::reserved;
%ignore dkcpr_parse;
%ignore dkcpr_validate;
%ignore dkcpr_age;
%ignore dkcpr_format;
%ignore dkcpr_keygen;
%ignore dkcpr_key_from_hex;
%ignore dkcpr_pseudonymizer_new;
%ignore dkcpr_pseudonymizer_free;
%ignore dkcpr_pseudonymize;
%ignore dkcpr_reveal;
%ignore dkcpr_pseudonymize_many;
%ignore dkcpr_reveal_many;
%ignore dkcpr_token;
%ignore dkcpr_generate;
%ignore dkcpr_scan;
%ignore dkcpr_scanner_new;
%ignore dkcpr_scanner_free;
%ignore dkcpr_scanner_feed;
%ignore dkcpr_scanner_finish;
%ignore dkcpr_scanner_next;
%ignore dkcpr_wash_options::placeholder;
%ignore dkcpr_wash_options::placeholder_len;
%ignore dkcpr_washer_new;
%ignore dkcpr_washer_free;
%ignore dkcpr_washer_bound;
%ignore dkcpr_washer_feed;
%ignore dkcpr_washer_finish;
%ignore dkcpr_washer_stats;

#if defined(SWIGPYTHON)
%include "dkcpr_python.i"
#elif defined(SWIGJAVA)
%include "dkcpr_java.i"
#endif

%include "dkcpr.h"

/* The pseudonymizer is a class. Each language provides the typemaps for
 * dkcpr_status *STATUS (raise or throw), (const char *in, size_t in_len)
 * (a string as UTF-8) and (const uint8_t *key, size_t key_len) and
 * (const uint8_t *context, size_t context_len) (bytes). */
struct dkcpr_pseudonymizer {};
%newobject dkcpr_pseudonymizer::pseudonymize;
%newobject dkcpr_pseudonymizer::reveal;
%newobject dkcpr_pseudonymizer::token;
%extend dkcpr_pseudonymizer {
  dkcpr_pseudonymizer(const uint8_t *key, size_t key_len,
                      const uint8_t *context, size_t context_len,
                      unsigned int keep, unsigned int flags,
                      dkcpr_status *STATUS) {
    dkcpr_pseudonymizer *p = NULL;
    *STATUS = dkcpr_pseudonymizer_new(&p, key, key_len, context, context_len,
                                      keep, flags);
    return p;
  }
  ~dkcpr_pseudonymizer() { dkcpr_pseudonymizer_free($self); }
  char *pseudonymize(const char *in, size_t in_len, const dkcpr_options *opts,
                     dkcpr_status *STATUS) {
    return dkcpr_swig_one(dkcpr_pseudonymize, $self, in, in_len, opts, STATUS);
  }
  char *reveal(const char *in, size_t in_len, const dkcpr_options *opts,
               dkcpr_status *STATUS) {
    return dkcpr_swig_one(dkcpr_reveal, $self, in, in_len, opts, STATUS);
  }
  char *token(const char *in, size_t in_len, size_t token_chars,
              const dkcpr_options *opts, dkcpr_status *STATUS) {
    char *out = malloc(DKCPR_TOKEN_MAX_CHARS + 1);
    if (out == NULL) {
      *STATUS = DKCPR_E_NOMEM;
      return NULL;
    }
    *STATUS = dkcpr_token(out, DKCPR_TOKEN_MAX_CHARS + 1, NULL, $self, in,
                          in_len, token_chars, opts);
    if (*STATUS != DKCPR_OK) {
      free(out);
      return NULL;
    }
    return out;
  }
}
