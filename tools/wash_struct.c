/* SPDX-License-Identifier: Apache-2.0 */
/* Washing one input by its structure (see wash_struct.h). */
#include <stdlib.h>
#include <string.h>

#include "struct_buf.h"
#include "struct_totals.h"
#include "wash_struct.h"
#include "wash_struct_par.h"

void struct_syntax_message(const wash_stream *x, const dkcpr_struct_error *e,
                           dkcpr_data_format f, int fallback) {
  const char *msg = e->message ? e->message : "not valid";
  if (fallback)
    cli_note(x->cmd, "'%s' is not %s (line %llu, column %llu: %s): washed as text",
             x->name, dkcpr_data_format_name(f), (unsigned long long)e->line,
             (unsigned long long)e->column, msg);
  else
    cli_error(x->cmd, "'%s' is not valid %s: line %llu, column %llu: %s", x->name,
              dkcpr_data_format_name(f), (unsigned long long)e->line,
              (unsigned long long)e->column, msg);
}

static void syntax_message(const wash_stream *x, const dkcpr_struct_washer *w,
                           dkcpr_data_format f, int fallback) {
  dkcpr_struct_error e = {DKCPR_STRUCT_ERROR_VERSION, 0, 0, 0, NULL};
  if (dkcpr_struct_washer_error(&e, w) != DKCPR_OK)
    e.message = "not valid";
  struct_syntax_message(x, &e, f, fallback);
}

/* The notes on an input washed by structure, from its totals. */
static int washed(wash_stream *x, const dkcpr_wash_stats *s, const dkcpr_struct_counts *c) {
  wash_add_stats(x->sum, s);
  x->irreversible += s->irreversible;
  if (c->unrecognised)
    cli_note(x->cmd, "'%s': %llu value%s in CPR fields %s not a CPR number (washed as text)",
             x->name, (unsigned long long)c->unrecognised, c->unrecognised == 1 ? "" : "s",
             c->unrecognised == 1 ? "is" : "are");
  if (c->rule_values && !x->quiet)
    cli_note(x->cmd, "'%s': %llu value%s rewritten by --rules", x->name,
             (unsigned long long)c->rule_values, c->rule_values == 1 ? "" : "s");
  if (c->rule_unusable)
    cli_warn(x->cmd,
             "'%s': %llu value%s with a rule could not be rewritten (a companion without "
             "a CPR number in its row, or a lookalike without a key): given the placeholder "
             "(null in JSON, NULL in SQL)",
             x->name, (unsigned long long)c->rule_unusable, c->rule_unusable == 1 ? "" : "s");
  if (c->rule_irreversible && !x->quiet && x->wo && x->wo->mode == DKCPR_WASH_PSEUDONYM)
    cli_note(x->cmd,
             "'%s': reveal cannot give back %llu of them (redacted, emptied, lookalikes, "
             "or companions that did not agree with their row's CPR number)",
             x->name, (unsigned long long)c->rule_irreversible);
  return 0;
}

/* What the library says of a washer for these rules in format f. */
static dkcpr_status probe(const wash_stream *x, const struct_choice *choice,
                          dkcpr_data_format f, const dkcpr_wash_options *wo) {
  dkcpr_struct_options so;
  dkcpr_struct_washer *w = NULL;
  dkcpr_struct_options_init(&so, DKCPR_STRUCT_OPTIONS_VERSION);
  so.format = f;
  so.rules = choice->rules;
  dkcpr_status st = dkcpr_struct_washer_new(&w, x->p, x->so, wo, &so);
  dkcpr_struct_washer_free(w);
  return st;
}

/* 1 when the rules rewrite values, which text has none of. */
static int rules_need_rows(const wash_stream *x, const struct_choice *choice) {
  return choice->rules && probe(x, choice, DKCPR_DATA_TEXT, x->wo) == DKCPR_E_ARG;
}

/* 1 when the rules have a layout: the fixed format accepts them. */
static int rules_have_layout(const wash_stream *x, const struct_choice *choice) {
  dkcpr_wash_options wo;
  if (!choice->rules)
    return 0;
  dkcpr_wash_options_init(&wo, DKCPR_WASH_OPTIONS_VERSION);
  wo.mode = DKCPR_WASH_MASK; /* the question is the layout, not the mode */
  return probe(x, choice, DKCPR_DATA_FIXED, &wo) == DKCPR_OK;
}

/* The run's record of rules that named a field: w's added. */
static void rules_matched(const struct_choice *choice, const dkcpr_struct_washer *w) {
  for (size_t i = 0; choice->matched && i < dkcpr_rules_count(choice->rules); i++)
    choice->matched[i] |= (unsigned char)dkcpr_struct_washer_rule_matched(w, i);
}

int wash_structured(wash_stream *x, cli_input *src, const char *path,
                    const struct_choice *choice, dkcpr_data_format *used) {
  char *in = malloc(CLI_CHUNK);
  struct_buf out = {NULL, 0, 0};
  dkcpr_struct_washer *w = NULL;
  int rc = 0;
  if (!in) {
    cli_error(x->cmd, "out of memory");
    return CLI_EXIT_INTERNAL;
  }
  long n = cli_input_read(src, in, CLI_CHUNK);
  if (n < 0) {
    free(in);
    return CLI_EXIT_INPUT;
  }
  dkcpr_data_format f = choice->is_auto ? dkcpr_data_format_guess(path, path ? strlen(path) : 0, in, (size_t)n) : choice->format;
  /* Rules with a layout describe fixed-width records, whatever the name says. */
  if (choice->is_auto && rules_have_layout(x, choice))
    f = DKCPR_DATA_FIXED;
  int eof = (size_t)n < CLI_CHUNK;
  dkcpr_struct_options so;
  dkcpr_struct_options_init(&so, DKCPR_STRUCT_OPTIONS_VERSION);
  so.format = f;
  so.cpr_fields = choice->cpr_fields;
  so.cpr_fields_len = choice->cpr_fields ? strlen(choice->cpr_fields) : 0;
  so.rules = choice->rules;
  /* Text is checked too: rules that rewrite values need rows. */
  dkcpr_status st = f == DKCPR_DATA_TEXT && !choice->rules
                        ? DKCPR_OK
                        : dkcpr_struct_washer_new(&w, x->p, x->so, x->wo, &so);
  if (st == DKCPR_E_ARG && choice->rules && f != DKCPR_DATA_FIXED && rules_have_layout(x, choice)) {
    cli_error(x->cmd, "'%s' is read as %s: the rules have a layout, which describes "
              "fixed-width records (--format=fixed)", x->name, dkcpr_data_format_name(f));
    rc = CLI_EXIT_USAGE;
    goto done;
  }
  if (st == DKCPR_E_ARG && f == DKCPR_DATA_FIXED) {
    cli_error(x->cmd, "'%s': fixed-width records need --rules with a layout, and keep "
              "every value's width: --mode pseudonym, mask or reveal", x->name);
    rc = CLI_EXIT_USAGE;
    goto done;
  }
  if (st == DKCPR_E_ARG && choice->rules) {
    cli_error(x->cmd, "'%s' is read as %s: rules that rewrite values (redact, empty, "
              "lookalikes, companions) need fields: csv, tsv, json, jsonl, sql, hl7, xml or fixed",
              x->name,
              dkcpr_data_format_name(f));
    rc = CLI_EXIT_USAGE;
    goto done;
  }
  if (f == DKCPR_DATA_TEXT) {
    dkcpr_struct_washer_free(w);
    w = NULL;
  }
  if (st != DKCPR_OK) {
    cli_error(x->cmd, "washing '%s': %s", x->name, dkcpr_strerror(st));
    rc = cli_exit_for_status(st);
    goto done;
  }
  if (f != DKCPR_DATA_TEXT) {
    /* The first part decides whether auto falls back to text: nothing is
     * written before it has parsed. */
    st = struct_buf_feed(w, &out, in, (size_t)n, eof);
    /* Rules that rewrite values cannot be kept as text: no fallback then. */
    if (st == DKCPR_E_SYNTAX && choice->is_auto && !rules_need_rows(x, choice)) {
      syntax_message(x, w, f, 1);
      dkcpr_struct_washer_free(w);
      w = NULL;
      f = DKCPR_DATA_TEXT;
    } else {
      dkcpr_wash_stats ws;
      dkcpr_struct_counts wc;
      struct_totals_init(&ws, &wc);
      if (st == DKCPR_OK && !eof && x->jobs > 1 && struct_parallel_format(f)) {
        /* The rest in parts on several threads; the output so far first. */
        rc = wash_struct_parallel(x, src, w, &so, in, (size_t)n, &out, &ws, &wc,
                                  choice->matched);
        if (rc == 0)
          rc = washed(x, &ws, &wc);
        rules_matched(choice, w);
        goto done;
      }
      while (st == DKCPR_OK && !eof) {
        if ((rc = x->sink->push(x->sink, out.data, out.len)) != 0)
          goto done;
        out.len = 0;
        if ((n = cli_input_read(src, in, CLI_CHUNK)) < 0) {
          rc = CLI_EXIT_INPUT;
          goto done;
        }
        eof = (size_t)n < CLI_CHUNK;
        st = struct_buf_feed(w, &out, in, (size_t)n, eof);
      }
      if (st == DKCPR_E_SYNTAX) {
        syntax_message(x, w, f, 0);
        rc = CLI_EXIT_INPUT;
      } else if (st != DKCPR_OK) {
        cli_error(x->cmd, "washing '%s': %s", x->name, dkcpr_strerror(st));
        rc = cli_exit_for_status(st);
      } else if ((rc = x->sink->push(x->sink, out.data, out.len)) == 0 &&
                 dkcpr_struct_washer_stats(&ws, &wc, w) == DKCPR_OK) {
        rc = washed(x, &ws, &wc);
        rules_matched(choice, w);
      }
      goto done;
    }
  }
  /* Text: the part already read first. */
  rc = x->jobs > 1 ? wash_parallel_from(x, src, x->jobs, in, (size_t)n)
                   : wash_sequential(x, src, in, (size_t)n, NULL, 0);
done:
  if (used)
    *used = f;
  dkcpr_struct_washer_free(w);
  free(in);
  free(out.data);
  return rc;
}

int format_parse(const char *name, int *is_auto, dkcpr_data_format *out) {
  static const dkcpr_data_format all[] = {DKCPR_DATA_TEXT, DKCPR_DATA_CSV, DKCPR_DATA_TSV,
                                          DKCPR_DATA_JSON, DKCPR_DATA_JSONL, DKCPR_DATA_SQL,
                                          DKCPR_DATA_HL7, DKCPR_DATA_XML, DKCPR_DATA_FIXED};
  *is_auto = strcmp(name, "auto") == 0;
  *out = DKCPR_DATA_TEXT;
  if (*is_auto) return 0;
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
    if (strcmp(name, dkcpr_data_format_name(all[i])) == 0) {
      *out = all[i];
      return 0;
    }
  return -1;
}
