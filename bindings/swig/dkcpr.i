/* SPDX-License-Identifier: Apache-2.0 */
/* dkcpr: the language-neutral SWIG interface: what the languages share (the
 * handles' classes, generate). Per-language typemaps and helpers live in
 * dkcpr_<language>.i, included below. */
%module dkcpr

%{
#include "dkcpr.h"
%}

/* The export macro means nothing to SWIG's parser. */
#define DKCPR_API

%rename("%(strip:[dkcpr_])s") "";
%rename("%(strip:[DKCPR_])s", %$isconstant) "";
%rename("%(strip:[DKCPR_])s", %$isenumitem) "";
%rename(Status) dkcpr_status;

/* Raw (out, out_cap, out_len) buffer functions are never exposed as they
 * are; each language wraps them in methods that own the buffers. */
%ignore dkcpr_pseudonymize;
%ignore dkcpr_reveal;
%ignore dkcpr_pseudonymize_many;
%ignore dkcpr_reveal_many;
%ignore dkcpr_token;
%ignore dkcpr_format;
%ignore dkcpr_generate;
#ifndef SWIGPYTHON /* Python maps their key buffers with typemaps */
%ignore dkcpr_keygen;
%ignore dkcpr_key_from_hex;
#endif
%ignore dkcpr_scan;
%ignore dkcpr_washer_feed;
%ignore dkcpr_washer_finish;
/* The structured washer's raw buffers: each language wraps them again in
 * dkcpr_<language>.i. */
%ignore dkcpr_struct_washer_new;
%ignore dkcpr_struct_washer_free;
%ignore dkcpr_struct_washer_prime;
%ignore dkcpr_struct_washer_bound;
%ignore dkcpr_struct_washer_feed;
%ignore dkcpr_struct_washer_finish;
%ignore dkcpr_struct_washer_stats;
%ignore dkcpr_struct_washer_error;
%ignore dkcpr_struct_washer_rule_matched;
%ignore dkcpr_rules_count;
%ignore dkcpr_rules_field;
%ignore dkcpr_field_is_cpr;
/* Handles are made and freed through their classes below. */
%ignore dkcpr_datelist_new;
%ignore dkcpr_datelist_free;
%ignore dkcpr_pseudonymizer_new;
%ignore dkcpr_pseudonymizer_free;
%ignore dkcpr_washer_new;
%ignore dkcpr_washer_free;
%ignore dkcpr_rules_parse;
%ignore dkcpr_rules_free;
%ignore dkcpr_struct_options;
%ignore dkcpr_struct_options_init;

/* A hidden status for the %extend constructors below, which must return
 * the handle: DKCPR_FAIL, defined by each language, raises or throws. */
%typemap(in, numinputs=0) dkcpr_status *STATUS (dkcpr_status st = DKCPR_OK) "$1 = &st;"
%typemap(argout) dkcpr_status *STATUS "if (st$argnum != DKCPR_OK) DKCPR_FAIL(st$argnum);"

#if defined(SWIGPYTHON)
%include "dkcpr_python.i"
#elif defined(SWIGJAVA)
%include "dkcpr_java.i"
#endif

/* ---- Handles --------------------------------------------------------------
 * The header declares them opaque; these make SWIG give them classes. Each
 * is made by its *_new with a hidden status and freed by its *_free (SWIG
 * cannot make a constructor of a function with an out-parameter); the
 * washers' placeholder and the CPR field names are lent for the call only
 * (the library copies them: as struct members, SWIG would copy them into
 * memory nobody frees). */
struct dkcpr_datelist {};
struct dkcpr_pseudonymizer {};
struct dkcpr_washer {};
struct dkcpr_struct_washer {};
struct dkcpr_rules {};

%extend dkcpr_datelist {
  dkcpr_datelist(dkcpr_status *STATUS) {
    dkcpr_datelist *l = NULL;
    *STATUS = dkcpr_datelist_new(&l);
    return l;
  }
  ~dkcpr_datelist() { dkcpr_datelist_free($self); }
}

%extend dkcpr_pseudonymizer {
  dkcpr_pseudonymizer(const uint8_t *key, size_t key_len, const uint8_t *context,
                      size_t context_len, unsigned int keep, unsigned int flags,
                      dkcpr_status *STATUS) {
    dkcpr_pseudonymizer *p = NULL;
    *STATUS = dkcpr_pseudonymizer_new(&p, key, key_len, context, context_len, keep, flags);
    return p;
  }
  ~dkcpr_pseudonymizer() { dkcpr_pseudonymizer_free($self); }
}

/* Rules from YAML text; after DKCPR_E_SYNTAX, err says where. */
%extend dkcpr_rules {
  dkcpr_rules(dkcpr_struct_error *err, const char *text, size_t text_len,
              dkcpr_status *STATUS) {
    dkcpr_rules *r = NULL;
    *STATUS = dkcpr_rules_parse(&r, err, text, text_len);
    return r;
  }
  ~dkcpr_rules() { dkcpr_rules_free($self); }
  /* dkcpr_rules_count: its parameter "rules" would hide Java's class. */
  size_t field_count() { return dkcpr_rules_count($self); }
}

/* p may be null for the mask and redact modes; the placeholder (null: the
 * one in wash) replaces wash's. */
%extend dkcpr_washer {
  dkcpr_washer(const dkcpr_pseudonymizer *p, const dkcpr_scan_options *scan,
               const dkcpr_wash_options *wash, const char *placeholder, size_t placeholder_len,
               dkcpr_status *STATUS) {
    dkcpr_washer *w = NULL;
    dkcpr_wash_options o;
    if (wash != NULL && placeholder != NULL) {
      o = *wash;
      o.placeholder = placeholder;
      o.placeholder_len = placeholder_len;
      wash = &o;
    }
    *STATUS = dkcpr_washer_new(&w, p, scan, wash);
    return w;
  }
  ~dkcpr_washer() { dkcpr_washer_free($self); }
}

/* The structured washer: the same, with the structure, the extra CPR field
 * names (comma-separated) and the rules (null for none). */
%extend dkcpr_struct_washer {
  dkcpr_struct_washer(const dkcpr_pseudonymizer *p, const dkcpr_scan_options *scan,
                      const dkcpr_wash_options *wash, const char *placeholder, size_t placeholder_len,
                      int format, const char *cpr_fields, size_t cpr_fields_len,
                      const dkcpr_rules *rule_set, dkcpr_status *STATUS) {
    dkcpr_struct_washer *w = NULL;
    dkcpr_wash_options o;
    dkcpr_struct_options so;
    if (wash != NULL && placeholder != NULL) {
      o = *wash;
      o.placeholder = placeholder;
      o.placeholder_len = placeholder_len;
      wash = &o;
    }
    *STATUS = dkcpr_struct_options_init(&so, DKCPR_STRUCT_OPTIONS_VERSION);
    so.format = (dkcpr_data_format)format;
    so.cpr_fields = cpr_fields;
    so.cpr_fields_len = cpr_fields_len;
    so.rules = rule_set; /* not "rules": a Java parameter would hide the class */
    if (*STATUS == DKCPR_OK) *STATUS = dkcpr_struct_washer_new(&w, p, scan, wash, &so);
    return w;
  }
  ~dkcpr_struct_washer() { dkcpr_struct_washer_free($self); }
}
%ignore dkcpr_wash_options::placeholder;
%ignore dkcpr_wash_options::placeholder_len;

/* A washer's [kind][confidence - 1] tables, read a cell at a time over the
 * header's DKCPR_KIND_COUNT and DKCPR_CONFIDENCE_COUNT: no typemap for a
 * 2-D array member in each language, and the tables may grow. */
%ignore dkcpr_wash_stats::found;
%ignore dkcpr_wash_stats::replaced;
%extend dkcpr_wash_stats {
  /* found[k][c] (replaced 0) or replaced[k][c] (1); 0 outside the tables. */
  uint64_t cell(int replaced, int k, int c) {
    return k >= 0 && k < DKCPR_KIND_COUNT && c >= 0 && c < DKCPR_CONFIDENCE_COUNT
               ? (replaced ? $self->replaced : $self->found)[k][c] : 0;
  }
}

/* dkcpr_generate's strided output as an (out, out_cap, out_len) buffer of
 * count NUL-terminated numbers of 11 bytes, the room checked against count. */
%extend dkcpr_generate_options {
  dkcpr_status generate(char *out, size_t out_cap, size_t *out_len, const uint8_t *seed,
                        size_t seed_len, uint64_t first, size_t count) {
    dkcpr_status st = count > out_cap / 11 ? DKCPR_E_BUFSIZE
                      : dkcpr_generate(out, 11, NULL, $self, seed, seed_len, first, count);
    *out_len = st == DKCPR_OK ? count * 11 : 0;
    return st;
  }
}

%include "dkcpr.h"
