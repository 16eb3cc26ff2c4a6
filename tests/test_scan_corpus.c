/* SPDX-License-Identifier: Apache-2.0 */
/* Precision and recall over the labelled corpus (tests/corpus/, written by
 * make_corpus.py; one file per format): every true number found with its
 * exact span and digits, no negative touched, chunked scanning equal to one
 * piece, and a pseudonym wash of each file undone byte for byte by reveal.
 * Recall and precision are printed per format and minimum confidence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dkcpr.h"

#define MAX_LABELS 12000
#define MAX_FILES 32

typedef struct label {
  char file[32];
  uint64_t start, end;
  int positive; /* 1 true number, 0 negative, -1 valid look-alike */
  char digits[11];
  char kind[24];
  char format[24];
} label;

/* Files in the order labels.tsv names them, each with its format. */
static char files[MAX_FILES][32];
static char formats[MAX_FILES][24];
static size_t n_files;

static label labels[MAX_LABELS];
static size_t n_labels;

static char *slurp(const char *name, size_t *len) {
  char path[512];
  FILE *f;
  char *buf;
  long n;
  snprintf(path, sizeof path, "%s/%s", DKCPR_CORPUS_DIR, name);
  f = fopen(path, "rb");
  assert_non_null(f);
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  buf = malloc((size_t)n + 1);
  assert_non_null(buf);
  assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
  fclose(f);
  buf[n] = '\0';
  *len = (size_t)n;
  return buf;
}

static int load_labels(void **state) {
  size_t len, i = 0;
  char *text = slurp("labels.tsv", &len);
  char *line = strchr(text, '\n') + 1; /* header */
  (void)state;
  while (*line) {
    char *next = strchr(line, '\n');
    label *l = &labels[n_labels];
    char lab[8], what[128];
    *next = '\0';
    if (n_labels == MAX_LABELS ||
        sscanf(line, "%31[^\t]\t%llu\t%llu\t%7[^\t]\t%127[^\t]\t%23[^\t]\t%23s",
               l->file, (unsigned long long *)&l->start,
               (unsigned long long *)&l->end, lab, what, l->kind, l->format) != 7)
      return -1;
    if (n_files == 0 || strcmp(files[n_files - 1], l->file) != 0) {
      if (n_files == MAX_FILES) return -1;
      snprintf(files[n_files], sizeof files[0], "%s", l->file);
      snprintf(formats[n_files], sizeof formats[0], "%s", l->format);
      n_files++;
    }
    l->positive = strcmp(lab, "pos") == 0 ? 1 : strcmp(lab, "amb") == 0 ? -1 : 0;
    if (l->positive != 0) snprintf(l->digits, sizeof l->digits, "%s", what);
    n_labels++;
    line = next + 1;
    i++;
  }
  free(text);
  return n_labels > 0 ? 0 : -1;
}

static dkcpr_scan_options options(dkcpr_confidence min) {
  dkcpr_scan_options o;
  assert_int_equal(dkcpr_scan_options_init(&o, DKCPR_SCAN_OPTIONS_VERSION), DKCPR_OK);
  o.min_confidence = min;
  return o;
}

static size_t scan_file(const char *name, dkcpr_match *m, size_t cap,
                        dkcpr_confidence min) {
  size_t len, n;
  char *text = slurp(name, &len);
  dkcpr_scan_options o = options(min);
  assert_int_equal(dkcpr_scan(m, cap, &n, text, len, &o), DKCPR_OK);
  free(text);
  return n;
}

typedef struct counts {
  size_t tp, fp, fn, neg_hit, lookalikes, pos, neg, amb;
} counts;

/* Counts for one file at one minimum confidence. */
static void measure(size_t f, dkcpr_confidence min, counts *c, int verbose) {
  static dkcpr_match m[4000];
  size_t n = scan_file(files[f], m, 4000, min), i, k;
  char *used = calloc(n + 1, 1);
  memset(c, 0, sizeof *c);
  for (k = 0; k < n_labels; k++) {
    const label *l = &labels[k];
    int hit = 0;
    if (strcmp(l->file, files[f]) != 0) continue;
    if (l->positive > 0) c->pos++;
    else if (l->positive == 0) c->neg++;
    else c->amb++;
    for (i = 0; i < n; i++) {
      if (l->positive != 0 && m[i].start == l->start && m[i].end == l->end &&
          strcmp(m[i].digits, l->digits) == 0) {
        hit = 1;
        used[i] = l->positive > 0 ? 1 : 2;
      } else if (l->positive == 0 && m[i].start < l->end && m[i].end > l->start) {
        hit = 1;
      }
    }
    if (l->positive < 0 && hit) c->lookalikes++;
    if (l->positive > 0 && !hit) {
      c->fn++;
      if (verbose) printf("  missed %s %llu %s (%s)\n", l->file,
                          (unsigned long long)l->start, l->digits, l->kind);
    }
    if (l->positive == 0 && hit) {
      c->neg_hit++;
      if (verbose) printf("  negative found %s %llu (%s)\n", l->file,
                          (unsigned long long)l->start, l->kind);
    }
  }
  for (i = 0; i < n; i++) {
    if (used[i] == 1) c->tp++;
    else if (used[i] == 0) {
      c->fp++;
      if (verbose) printf("  false positive %s %llu %s\n", files[f],
                          (unsigned long long)m[i].start, m[i].digits);
    }
  }
  free(used);
}

static double pct(size_t a, size_t b) { return b ? 100.0 * (double)a / (double)b : 100.0; }

static void add(counts *sum, const counts *c) {
  sum->tp += c->tp; sum->fp += c->fp; sum->fn += c->fn;
  sum->neg_hit += c->neg_hit; sum->lookalikes += c->lookalikes;
  sum->pos += c->pos; sum->neg += c->neg; sum->amb += c->amb;
}

static void print_row(const char *name, dkcpr_confidence min, const counts *c) {
  printf("| %-12s | %-6s | %5zu | %5zu | %4zu | %8.2f | %7.2f | %4zu | %4zu | %3zu/%-3zu |\n",
         name, dkcpr_confidence_name(min), c->pos, c->neg, c->amb,
         pct(c->tp, c->tp + c->fp), pct(c->tp, c->tp + c->fn), c->fn, c->fp,
         c->lookalikes, c->amb);
}

/* Structured data names the number (an HL7 type, an XML element, a FHIR
 * system, a CSV header): medium confidence must hold. */
static int structured(const char *format) {
  return strcmp(format, "hl7") == 0 || strcmp(format, "medcom-xml") == 0 ||
         strcmp(format, "fhir-json") == 0 || strcmp(format, "csv") == 0 ||
         strcmp(format, "excel-csv") == 0 || strcmp(format, "tsv") == 0;
}

static void precision_and_recall(void **state) {
  dkcpr_confidence c;
  counts total[4];
  size_t f;
  (void)state;
  memset(total, 0, sizeof total);
  printf("| format       | min    |  true |  neg |  amb | precision | recall | fn   | fp   | look-alikes |\n"
         "|--------------|--------|-------|------|------|-----------|--------|------|------|-------------|\n");
  for (f = 0; f < n_files; f++) {
    for (c = DKCPR_CONFIDENCE_LOW; c <= DKCPR_CONFIDENCE_HIGH; c++) {
      counts k;
      measure(f, c, &k, 0);
      print_row(formats[f], c, &k);
      add(&total[c], &k);
      if (c == DKCPR_CONFIDENCE_LOW) { /* the default: every valid number */
        if (pct(k.tp, k.tp + k.fn) < 99.5 || pct(k.tp, k.tp + k.fp) < 99.0 ||
            k.neg_hit) {
          measure(f, c, &k, 1);
          fail_msg("%s: below target at the default minimum confidence", formats[f]);
        }
      }
      if (c == DKCPR_CONFIDENCE_MEDIUM && structured(formats[f]) &&
          pct(k.tp, k.tp + k.fn) < 99.5) {
        measure(f, c, &k, 1);
        fail_msg("%s: structured data below target at medium", formats[f]);
      }
    }
  }
  for (c = DKCPR_CONFIDENCE_LOW; c <= DKCPR_CONFIDENCE_HIGH; c++)
    print_row("all", c, &total[c]);
  printf("(look-alikes: valid CPR numbers in other roles, such as HL7 control IDs and "
         "Unix times; not counted in precision. With them as false positives, "
         "precision at low is %.2f %%.)\n",
         pct(total[1].tp, total[1].tp + total[1].fp + total[1].lookalikes));
  assert_true(pct(total[1].tp, total[1].tp + total[1].fn) >= 99.5);
  assert_true(pct(total[1].tp, total[1].tp + total[1].fp) >= 99.0);
  assert_int_equal(total[1].neg_hit, 0);
}

static void chunked_equals_one_piece(void **state) {
  static dkcpr_match whole[2000];
  size_t f;
  uint64_t rng = 12345;
  (void)state;
  for (f = 0; f < n_files; f++) {
    size_t len, n, at = 0, k = 0;
    char *text = slurp(files[f], &len);
    dkcpr_scan_options o = options(DKCPR_CONFIDENCE_LOW);
    dkcpr_scanner *s;
    dkcpr_match m;
    assert_int_equal(dkcpr_scan(whole, 2000, &n, text, len, &o), DKCPR_OK);
    assert_int_equal(dkcpr_scanner_new(&s, &o), DKCPR_OK);
    while (at < len) {
      size_t c;
      rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
      c = 1 + rng % 40;
      if (c > len - at) c = len - at;
      assert_int_equal(dkcpr_scanner_feed(s, text + at, c), DKCPR_OK);
      at += c;
      while (dkcpr_scanner_next(&m, s) == DKCPR_OK) {
        assert_true(k < n);
        assert_memory_equal(&m, &whole[k++], sizeof m);
      }
    }
    assert_int_equal(dkcpr_scanner_finish(s), DKCPR_OK);
    while (dkcpr_scanner_next(&m, s) == DKCPR_OK) assert_memory_equal(&m, &whole[k++], sizeof m);
    assert_int_equal(k, n);
    dkcpr_scanner_free(s);
    free(text);
  }
}

static char *wash_all(const dkcpr_pseudonymizer *p, dkcpr_wash_mode mode,
                      const char *in, size_t len, size_t *out_len,
                      dkcpr_wash_stats *st) {
  dkcpr_wash_options o;
  dkcpr_washer *w;
  size_t cap, n, m;
  char *out;
  assert_int_equal(dkcpr_wash_options_init(&o, DKCPR_WASH_OPTIONS_VERSION), DKCPR_OK);
  o.mode = mode;
  assert_int_equal(dkcpr_washer_new(&w, p, NULL, &o), DKCPR_OK);
  cap = dkcpr_washer_bound(w, len);
  out = malloc(cap);
  assert_int_equal(dkcpr_washer_feed(out, cap, &n, w, in, len), DKCPR_OK);
  assert_int_equal(dkcpr_washer_finish(out + n, cap - n, &m, w), DKCPR_OK);
  st->version = DKCPR_WASH_STATS_VERSION;
  assert_int_equal(dkcpr_washer_stats(st, w), DKCPR_OK);
  dkcpr_washer_free(w);
  *out_len = n + m;
  return out;
}

static void wash_and_reveal_every_file(void **state) {
  static const uint8_t key[DKCPR_KEY_BYTES] = {9, 8, 7};
  dkcpr_pseudonymizer *p;
  size_t f;
  (void)state;
  assert_int_equal(dkcpr_pseudonymizer_new(&p, key, sizeof key, NULL, 0,
                                           DKCPR_KEEP_DEFAULT, 0), DKCPR_OK);
  for (f = 0; f < n_files; f++) {
    size_t len, n1, n2, k, pos = 0;
    uint64_t replaced = 0;
    dkcpr_wash_stats st;
    char *text = slurp(files[f], &len);
    char *washed = wash_all(p, DKCPR_WASH_PSEUDONYM, text, len, &n1, &st);
    char *back;
    for (k = 0; k < DKCPR_KIND_COUNT * DKCPR_CONFIDENCE_COUNT; k++)
      replaced += st.replaced[k / DKCPR_CONFIDENCE_COUNT][k % DKCPR_CONFIDENCE_COUNT];
    for (k = 0; k < n_labels; k++)
      if (labels[k].positive > 0 && strcmp(labels[k].file, files[f]) == 0) pos++;
    if (st.failed) fail_msg("%s: %llu numbers not pseudonymized", files[f],
                            (unsigned long long)st.failed);
    assert_true(replaced >= pos);
    assert_int_equal(n1, len);
    for (k = 0; k < n_labels; k++) { /* every true number changed */
      const label *l = &labels[k];
      if (l->positive > 0 && strcmp(l->file, files[f]) == 0)
        assert_memory_not_equal(washed + l->start, text + l->start, l->end - l->start);
    }
    back = wash_all(p, DKCPR_WASH_REVEAL, washed, n1, &n2, &st);
    assert_int_equal(n2, len);
    assert_memory_equal(back, text, len);
    free(back);
    free(washed);
    free(text);
  }
  dkcpr_pseudonymizer_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(precision_and_recall),
      cmocka_unit_test(chunked_equals_one_piece),
      cmocka_unit_test(wash_and_reveal_every_file),
  };
  return cmocka_run_group_tests(tests, load_labels, NULL);
}
