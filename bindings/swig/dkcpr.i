/* SPDX-License-Identifier: Apache-2.0 */
/* dkcpr: the language-neutral SWIG interface. Per-language typemaps and
 * helpers live in dkcpr_<language>.i, included below. */
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

#if defined(SWIGPYTHON)
%include "dkcpr_python.i"
#elif defined(SWIGJAVA)
%include "dkcpr_java.i"
#endif

%include "dkcpr.h"
