/* SPDX-License-Identifier: Apache-2.0 */
/* dkcpr scan's reports: text for people, JSON lines for scripts, a SARIF
 * 2.1.0 log for code-scanning services and GitHub Actions workflow
 * commands for annotations. Results are written as they are found, so
 * memory stays constant whatever the number of findings. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "scan.h"

/* The SARIF schema's own address (its "id"), as the specification gives it. */
#define SARIF_SCHEMA                                                          \
  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"      \
  "sarif-schema-2.1.0.json"

/* One rule per kind, in dkcpr_kind order, so ruleIndex is the kind. */
static const char *const rule_text[] = {
    "A Danish CPR number (personal identity number)",
    "A CPR office replacement number (day + 60)",
    "A national healthcare e-CPR replacement number (X-eCPR)",
    "A regional healthcare e-CPR replacement number (D-eCPR)"};
#define RULE_COUNT (sizeof rule_text / sizeof rule_text[0])

int scan_format_parse(const char *s, scan_format *out) {
  static const char *const names[] = {"text", "json", "sarif", "github"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (strcmp(s, names[i]) == 0) {
      *out = (scan_format)i;
      return 0;
    }
  cli_error("scan", "--report-format must be text, json, sarif or github");
  return -1;
}

/* A file name as a URI reference: unreserved bytes and '/' as they are,
 * every other byte percent-encoded; absolute paths as file:// URIs. */
static void put_uri(FILE *f, const char *s, size_t len) {
  static const char hex[] = "0123456789ABCDEF";
  putc('"', f);
  if (len && s[0] == '/')
    fputs("file://", f);
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
        (c >= '0' && c <= '9') || strchr("-._~/", c) != NULL) {
      putc(c, f);
    } else {
      putc('%', f);
      putc(hex[c >> 4], f);
      putc(hex[c & 15], f);
    }
  }
  putc('"', f);
}

/* Workflow commands end at a line break and split properties at ':' and
 * ','; GitHub's runner decodes these percent escapes. */
static void put_github(FILE *f, const char *s, size_t len, int property) {
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (c == '%')
      fputs("%25", f);
    else if (c == '\r')
      fputs("%0D", f);
    else if (c == '\n')
      fputs("%0A", f);
    else if (property && c == ':')
      fputs("%3A", f);
    else if (property && c == ',')
      fputs("%2C", f);
    else
      putc(c, f);
  }
}

static const char *shown(const scan_finding *x) {
  return x->number ? x->number : x->masked;
}

void scan_report_begin(scan_report *r, FILE *out, scan_format format) {
  r->out = out;
  r->format = format;
  r->results = 0;
  if (format != SCAN_FORMAT_SARIF)
    return;
  const char *v = dkcpr_version_string();
  fprintf(out,
          "{\"$schema\":\"%s\",\"version\":\"2.1.0\",\"runs\":[{\"tool\":"
          "{\"driver\":{\"name\":\"dkcpr\",\"version\":\"%s\","
          "\"semanticVersion\":\"%s\",\"rules\":[",
          SARIF_SCHEMA, v, v);
  for (size_t k = 0; k < RULE_COUNT; k++) {
    const char *id = dkcpr_kind_name((dkcpr_kind)k);
    fprintf(out,
            "%s{\"id\":\"%s\",\"shortDescription\":{\"text\":\"%s\"},"
            "\"defaultConfiguration\":{\"level\":\"error\"}}",
            k ? "," : "", id, rule_text[k]);
  }
  fputs("]}},\"columnKind\":\"unicodeCodePoints\",\"results\":[", out);
}

static void finding_sarif(scan_report *r, const scan_finding *x) {
  FILE *f = r->out;
  const char *kind = dkcpr_kind_name(x->kind);
  fprintf(f,
          "%s{\"ruleId\":\"%s\",\"ruleIndex\":%d,\"level\":\"error\","
          "\"message\":{\"text\":\"%s number %s (confidence %s)\"},"
          "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":",
          r->results ? "," : "", kind, (int)x->kind,
          x->kind == DKCPR_KIND_CPR ? "CPR" : "Replacement", shown(x),
          dkcpr_confidence_name(x->confidence));
  put_uri(f, x->file, x->file_len);
  fprintf(f,
          "},\"region\":{\"startLine\":%llu,\"startColumn\":%llu}}}],"
          "\"properties\":{\"kind\":\"%s\",\"confidence\":\"%s\"}}",
          (unsigned long long)x->line, (unsigned long long)x->column_cp, kind,
          dkcpr_confidence_name(x->confidence));
}

static void finding_json(scan_report *r, const scan_finding *x) {
  FILE *f = r->out;
  /* "file" is exact for UTF-8 names; any other name is also given byte
   * for byte in "file_base64" (its "file" has U+FFFD for the bad bytes). */
  fputs("{\"file\":", f);
  cli_json_string(f, x->file, x->file_len);
  if (!cli_utf8_valid(x->file, x->file_len)) {
    fputs(",\"file_base64\":", f);
    cli_json_base64(f, x->file, x->file_len);
  }
  fprintf(f,
          ",\"line\":%llu,\"column\":%llu,\"offset\":%llu,\"length\":%llu,"
          "\"masked\":\"%s\",\"kind\":\"%s\",\"confidence\":\"%s\"",
          (unsigned long long)x->line, (unsigned long long)x->column,
          (unsigned long long)x->offset, (unsigned long long)x->length,
          x->masked, dkcpr_kind_name(x->kind),
          dkcpr_confidence_name(x->confidence));
  if (x->number)
    fprintf(f, ",\"number\":\"%s\"", x->number);
  fputs("}\n", f);
}

static void finding_github(scan_report *r, const scan_finding *x) {
  FILE *f = r->out;
  fputs("::error file=", f);
  put_github(f, x->file, x->file_len, 1);
  fprintf(f, ",line=%llu,col=%llu,title=",
          (unsigned long long)x->line, (unsigned long long)x->column_cp);
  put_github(f, "CPR number found", 16, 1);
  fprintf(f, "::%s %s (%s, confidence %s)\n",
          x->kind == DKCPR_KIND_CPR ? "CPR number" : "Replacement number",
          shown(x), dkcpr_kind_name(x->kind),
          dkcpr_confidence_name(x->confidence));
}

void scan_report_finding(scan_report *r, const scan_finding *x) {
  switch (r->format) {
  case SCAN_FORMAT_SARIF: finding_sarif(r, x); break;
  case SCAN_FORMAT_JSON: finding_json(r, x); break;
  case SCAN_FORMAT_GITHUB: finding_github(r, x); break;
  case SCAN_FORMAT_TEXT:
  default:
    /* Escaped: a newline or escape sequence in a name cannot forge a line. */
    cli_put_text(r->out, x->file, x->file_len, CLI_TEXT_ESCAPE);
    fprintf(r->out, ":%llu:%llu: %s %s %s\n", (unsigned long long)x->line,
            (unsigned long long)x->column, shown(x), dkcpr_kind_name(x->kind),
            dkcpr_confidence_name(x->confidence));
    break;
  }
  r->results++;
}

void scan_report_end(scan_report *r, int exit_code, int errors) {
  if (r->format != SCAN_FORMAT_SARIF)
    return;
  /* executionSuccessful: every input was read; findings do not change it. */
  fprintf(r->out,
          "],\"invocations\":[{\"executionSuccessful\":%s,\"exitCode\":%d}]}]}\n",
          errors ? "false" : "true", exit_code);
}
