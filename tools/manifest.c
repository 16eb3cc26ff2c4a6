/* SPDX-License-Identifier: Apache-2.0 */
/* Writing and reading wash manifests (see manifest.h) with yajl. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <unicode/utf8.h>
#include <yajl/yajl_gen.h>
#include <yajl/yajl_tree.h>

#include "manifest.h"

#define MANIFEST_FORMAT "dkcpr-manifest"
#define MANIFEST_MAX_BYTES (16u << 20)

static const char key_check_label[] = "dkcpr key check value 1";

void manifest_key_check(const uint8_t key[DKCPR_KEY_BYTES],
                        char out[MANIFEST_KEY_CHECK_HEX + 1]) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  out[0] = '\0';
  if (!HMAC(EVP_sha256(), key, DKCPR_KEY_BYTES,
            (const unsigned char *)key_check_label, sizeof key_check_label - 1,
            mac, &len) || len * 2 < MANIFEST_KEY_CHECK_HEX)
    return;
  for (int i = 0; i < MANIFEST_KEY_CHECK_HEX / 2; i++)
    snprintf(out + 2 * i, 3, "%02x", mac[i]);
}

int cli_digest_init(cli_digest *d) {
  d->bytes = 0;
  d->md = EVP_MD_CTX_new();
  if (!d->md || !EVP_DigestInit_ex(d->md, EVP_sha256(), NULL)) {
    cli_digest_free(d);
    return -1;
  }
  return 0;
}

void cli_digest_update(cli_digest *d, const void *buf, size_t len) {
  if (d && d->md) {
    EVP_DigestUpdate(d->md, buf, len);
    d->bytes += len;
  }
}

void cli_digest_final(cli_digest *d, char out[65]) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  out[0] = '\0';
  if (d->md && EVP_DigestFinal_ex(d->md, md, &len) && len == 32)
    for (unsigned i = 0; i < len; i++)
      snprintf(out + 2 * i, 3, "%02x", md[i]);
  cli_digest_free(d);
}

void cli_digest_free(cli_digest *d) {
  EVP_MD_CTX_free(d->md);
  d->md = NULL;
}

const char *manifest_mode_name(dkcpr_wash_mode m) {
  switch (m) {
  case DKCPR_WASH_PSEUDONYM: return "pseudonym";
  case DKCPR_WASH_MASK: return "mask";
  case DKCPR_WASH_TOKEN: return "token";
  case DKCPR_WASH_REDACT: return "redact";
  case DKCPR_WASH_REVEAL: return "reveal";
  }
  return "?";
}

const char *manifest_binary_name(cli_binary b) {
  switch (b) {
  case CLI_BINARY_ERROR: return "error";
  case CLI_BINARY_PASS: return "pass";
  case CLI_BINARY_WASH: return "wash";
  case CLI_BINARY_SKIP: return "skip";
  }
  return "?";
}

static const char *policy_name(dkcpr_policy p) {
  return p == DKCPR_POLICY_STRICT ? "strict"
         : p == DKCPR_POLICY_KNOWN_DATES ? "known-dates" : "default";
}

/* The --keep list that gives keep back. */
static void keep_name(unsigned int keep, char out[32]) {
  snprintf(out, 32, "%s%s%s", keep & DKCPR_KEEP_SEX ? "sex," : "",
           keep & DKCPR_KEEP_YEAR ? "year," : "", keep & DKCPR_KEEP_DATE ? "date," : "");
  size_t n = strlen(out);
  if (n)
    out[n - 1] = '\0';
  else
    snprintf(out, 32, "none");
}

static int valid_utf8(const char *s, size_t len) {
  for (int32_t i = 0; i < (int32_t)len;) {
    UChar32 c;
    U8_NEXT(s, i, (int32_t)len, c);
    if (c < 0)
      return 0;
  }
  return 1;
}

static void put(yajl_gen g, const char *s) {
  yajl_gen_string(g, (const unsigned char *)s, strlen(s));
}

static void put_uint(yajl_gen g, const char *key, uint64_t v) {
  char num[24];
  put(g, key);
  snprintf(num, sizeof num, "%llu", (unsigned long long)v);
  yajl_gen_number(g, num, strlen(num));
}

/* Bytes as a JSON string when they are UTF-8, else as hex under key_hex,
 * so reading gives back exactly the same bytes. */
static void put_bytes(yajl_gen g, const char *key, const char *s, size_t len) {
  if (valid_utf8(s, len)) {
    put(g, key);
    yajl_gen_string(g, (const unsigned char *)s, len);
    return;
  }
  char name[64];
  snprintf(name, sizeof name, "%s_hex", key);
  put(g, name);
  char *hex = malloc(2 * len + 1);
  if (!hex) {
    yajl_gen_null(g);
    return;
  }
  for (size_t i = 0; i < len; i++)
    snprintf(hex + 2 * i, 3, "%02x", (unsigned char)s[i]);
  yajl_gen_string(g, (const unsigned char *)hex, 2 * len);
  free(hex);
}

static void put_part(yajl_gen g, const manifest_part *p, int counts) {
  yajl_gen_map_open(g);
  if (p->name)
    put_bytes(g, "name", p->name, strlen(p->name));
  else {
    put(g, "name");
    yajl_gen_null(g);
  }
  if (p->format) {
    put(g, "format");
    put(g, p->format);
  }
  if (p->structure) {
    put(g, "structure");
    put(g, p->structure);
  }
  put_uint(g, "bytes", p->bytes);
  put(g, "sha256");
  put(g, p->sha256);
  if (counts) {
    put_uint(g, "found", p->found);
    put_uint(g, "replaced", p->replaced);
    put_uint(g, "irreversible", p->irreversible);
    put_uint(g, "left_unchanged", p->unchanged);
  }
  yajl_gen_map_close(g);
}

int manifest_write(const char *cmd, const char *path, const manifest *m) {
  yajl_gen g = yajl_gen_alloc(NULL);
  if (!g) {
    cli_error(cmd, "out of memory");
    return CLI_EXIT_INTERNAL;
  }
  yajl_gen_config(g, yajl_gen_beautify, 1);
  const manifest_mapping *map = &m->map;
  char keep[32], created[32];
  time_t now = time(NULL);
  struct tm tm;
  strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &tm));
  keep_name(map->keep, keep);

  yajl_gen_map_open(g);
  put(g, "format");
  put(g, MANIFEST_FORMAT);
  put_uint(g, "version", MANIFEST_VERSION);
  put(g, "program");
  put(g, "dkcpr");
  put(g, "program_version");
  put(g, dkcpr_version_string());
  put(g, "created");
  put(g, created);
  put(g, "algorithm");
  put(g, dkcpr_algorithm());
  put(g, "key_check");
  if (m->key_check[0])
    put(g, m->key_check);
  else
    yajl_gen_null(g);

  put(g, "mapping");
  yajl_gen_map_open(g);
  put(g, "mode");
  put(g, manifest_mode_name(map->mode));
  put_bytes(g, "context", map->context ? map->context : "", map->context_len);
  put(g, "keep");
  put(g, keep);
  put(g, "never_real");
  yajl_gen_bool(g, map->never_real);
  put(g, "fallback");
  put(g, manifest_mode_name(map->fallback));
  put_uint(g, "token_chars", map->token_chars);
  put_bytes(g, "placeholder", map->placeholder ? map->placeholder : "[CPR]",
            map->placeholder ? strlen(map->placeholder) : 5);
  put(g, "policy");
  put(g, policy_name(map->policy));
  put(g, "known_dates_sha256");
  if (map->known_dates_sha256[0])
    put(g, map->known_dates_sha256);
  else
    yajl_gen_null(g);
  put(g, "min_confidence");
  put(g, dkcpr_confidence_name(map->min_confidence));
  put(g, "nine_digits");
  yajl_gen_bool(g, map->nine_digits);
  put(g, "encoding");
  if (map->encoding)
    put(g, map->encoding);
  else
    yajl_gen_null(g);
  put(g, "binary");
  put(g, manifest_binary_name(map->binary));
  put(g, "structure");
  put(g, map->structure ? map->structure : "text");
  if (map->cpr_fields && map->cpr_fields[0]) {
    put_bytes(g, "cpr_fields", map->cpr_fields, strlen(map->cpr_fields));
  } else {
    put(g, "cpr_fields");
    yajl_gen_null(g);
  }
  if (map->rules) {
    put_bytes(g, "rules", map->rules, map->rules_len);
  } else {
    put(g, "rules");
    yajl_gen_null(g);
  }
  yajl_gen_map_close(g);

  put(g, "inputs");
  yajl_gen_array_open(g);
  manifest_part total = {0};
  for (size_t i = 0; i < m->n_inputs; i++) {
    put_part(g, &m->inputs[i], 1);
    total.found += m->inputs[i].found;
    total.replaced += m->inputs[i].replaced;
    total.irreversible += m->inputs[i].irreversible;
    total.unchanged += m->inputs[i].unchanged;
  }
  yajl_gen_array_close(g);
  put(g, "output");
  put_part(g, &m->output, 0);
  put(g, "counts");
  yajl_gen_map_open(g);
  put_uint(g, "found", total.found);
  put_uint(g, "replaced", total.replaced);
  put_uint(g, "irreversible", total.irreversible);
  put_uint(g, "left_unchanged", total.unchanged);
  yajl_gen_map_close(g);
  yajl_gen_map_close(g);

  const unsigned char *buf;
  size_t len;
  int rc = 0;
  if (yajl_gen_get_buf(g, &buf, &len) != yajl_gen_status_ok) {
    cli_error(cmd, "cannot make the manifest");
    rc = CLI_EXIT_INTERNAL;
  } else {
    cli_out out;
    rc = cli_out_open(&out, cmd, path);
    if (rc == 0) {
      rc = cli_out_write(&out, cmd, buf, len);
      if (rc == 0)
        rc = cli_out_commit(&out, cmd);
      else
        cli_out_abort(&out);
    }
  }
  yajl_gen_free(g);
  return rc;
}

/* --- reading --- */

static yajl_val get(yajl_val root, const char *a, const char *b, yajl_type t) {
  const char *path[] = {a, b, NULL};
  return yajl_tree_get(root, path, t);
}

static const char *get_string(yajl_val root, const char *a, const char *b) {
  yajl_val v = get(root, a, b, yajl_t_string);
  return v ? YAJL_GET_STRING(v) : NULL;
}

static int hex_value(char c) {
  return c >= '0' && c <= '9' ? c - '0'
         : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The bytes stored by put_bytes(): key, or key_hex. */
static int get_bytes(yajl_val root, const char *key, char **out, size_t *len) {
  const char *s = get_string(root, "mapping", key);
  char hex_key[64];
  *out = NULL;
  *len = 0;
  if (s) {
    *len = strlen(s);
    *out = strdup(s);
    return *out ? 0 : -1;
  }
  snprintf(hex_key, sizeof hex_key, "%s_hex", key);
  if (!(s = get_string(root, "mapping", hex_key)) || strlen(s) % 2)
    return -1;
  *len = strlen(s) / 2;
  if (!(*out = malloc(*len + 1)))
    return -1;
  for (size_t i = 0; i < *len; i++) {
    int hi = hex_value(s[2 * i]), lo = hex_value(s[2 * i + 1]);
    if (hi < 0 || lo < 0)
      return -1;
    (*out)[i] = (char)(hi << 4 | lo);
  }
  (*out)[*len] = '\0';
  return 0;
}

static int bad(const char *cmd, const char *path, const char *what) {
  cli_error(cmd, "manifest '%s': %s", path, what);
  return CLI_EXIT_USAGE;
}

static int read_mapping(const char *cmd, const char *path, yajl_val root,
                        manifest_mapping *map) {
  const char *s;
  yajl_val v;
  if (!(s = get_string(root, "mapping", "mode")) || cli_parse_mode(cmd, s, &map->mode))
    return bad(cmd, path, "no valid mapping.mode");
  if (!(s = get_string(root, "mapping", "fallback")) ||
      cli_parse_mode(cmd, s, &map->fallback))
    return bad(cmd, path, "no valid mapping.fallback");
  if (get_bytes(root, "context", &map->context, &map->context_len))
    return bad(cmd, path, "no valid mapping.context");
  if (!(s = get_string(root, "mapping", "keep")) || cli_parse_keep(cmd, s, &map->keep))
    return bad(cmd, path, "no valid mapping.keep");
  if (!(v = get(root, "mapping", "never_real", yajl_t_any)) ||
      !(YAJL_IS_TRUE(v) || YAJL_IS_FALSE(v)))
    return bad(cmd, path, "no valid mapping.never_real");
  map->never_real = YAJL_IS_TRUE(v);
  if (!(v = get(root, "mapping", "nine_digits", yajl_t_any)) ||
      !(YAJL_IS_TRUE(v) || YAJL_IS_FALSE(v)))
    return bad(cmd, path, "no valid mapping.nine_digits");
  map->nine_digits = YAJL_IS_TRUE(v);
  if (!(v = get(root, "mapping", "token_chars", yajl_t_number)) || !YAJL_IS_INTEGER(v) ||
      YAJL_GET_INTEGER(v) < DKCPR_TOKEN_MIN_CHARS || YAJL_GET_INTEGER(v) > DKCPR_TOKEN_MAX_CHARS)
    return bad(cmd, path, "no valid mapping.token_chars");
  map->token_chars = (uint64_t)YAJL_GET_INTEGER(v);
  size_t placeholder_len;
  if (get_bytes(root, "placeholder", &map->placeholder, &placeholder_len))
    return bad(cmd, path, "no valid mapping.placeholder");
  if (!(s = get_string(root, "mapping", "policy")) || cli_parse_policy(cmd, s, &map->policy))
    return bad(cmd, path, "no valid mapping.policy");
  if (!(s = get_string(root, "mapping", "min_confidence")) ||
      cli_parse_confidence(cmd, s, &map->min_confidence))
    return bad(cmd, path, "no valid mapping.min_confidence");
  map->known_dates_sha256[0] = '\0';
  if ((s = get_string(root, "mapping", "known_dates_sha256")) != NULL) {
    if (strlen(s) != 64)
      return bad(cmd, path, "no valid mapping.known_dates_sha256");
    memcpy(map->known_dates_sha256, s, 65);
  }
  map->encoding = NULL;
  if ((s = get_string(root, "mapping", "encoding")) != NULL &&
      !(map->encoding = strdup(s)))
    return bad(cmd, path, "out of memory");
  if (!(s = get_string(root, "mapping", "binary")))
    return bad(cmd, path, "no valid mapping.binary");
  if (strcmp(s, "error") == 0)
    map->binary = CLI_BINARY_ERROR;
  else if (strcmp(s, "pass") == 0)
    map->binary = CLI_BINARY_PASS;
  else if (strcmp(s, "wash") == 0)
    map->binary = CLI_BINARY_WASH;
  else
    return bad(cmd, path, "no valid mapping.binary");
  /* Manifests from before washing by structure washed text. */
  s = get_string(root, "mapping", "structure");
  if (!(map->structure = strdup(s ? s : "text")))
    return bad(cmd, path, "out of memory");
  map->cpr_fields = NULL;
  v = get(root, "mapping", "cpr_fields", yajl_t_any);
  if ((v && !YAJL_IS_NULL(v)) || get_string(root, "mapping", "cpr_fields_hex")) {
    size_t fields_len;
    if (get_bytes(root, "cpr_fields", &map->cpr_fields, &fields_len) ||
        strlen(map->cpr_fields) != fields_len)
      return bad(cmd, path, "no valid mapping.cpr_fields");
  }
  map->rules = NULL;
  v = get(root, "mapping", "rules", yajl_t_any);
  if ((v && !YAJL_IS_NULL(v)) || get_string(root, "mapping", "rules_hex")) {
    if (get_bytes(root, "rules", &map->rules, &map->rules_len))
      return bad(cmd, path, "no valid mapping.rules");
  }
  return 0;
}

int manifest_read(const char *cmd, const char *path, manifest *m) {
  memset(m, 0, sizeof *m);
  FILE *f = fopen(path, "rb");
  if (!f) {
    cli_error(cmd, "cannot open the manifest '%s': %s", path, strerror(errno));
    return CLI_EXIT_INPUT;
  }
  char *text = malloc(MANIFEST_MAX_BYTES + 1);
  size_t len = text ? fread(text, 1, MANIFEST_MAX_BYTES + 1, f) : 0;
  int read_error = ferror(f);
  fclose(f);
  if (!text) {
    cli_error(cmd, "out of memory");
    return CLI_EXIT_INTERNAL;
  }
  if (read_error || len > MANIFEST_MAX_BYTES) {
    free(text);
    cli_error(cmd, "cannot read the manifest '%s': %s", path,
              read_error ? "read error" : "larger than 16 MiB");
    return CLI_EXIT_INPUT;
  }
  text[len] = '\0';
  char err[256];
  yajl_val root = yajl_tree_parse(text, err, sizeof err);
  free(text);
  if (!root) {
    err[strcspn(err, "\n")] = '\0';
    cli_error(cmd, "manifest '%s' is not valid JSON: %s", path, err);
    return CLI_EXIT_USAGE;
  }
  int rc = 0;
  const char *s;
  yajl_val v;
  if (!(s = get_string(root, "format", NULL)) || strcmp(s, MANIFEST_FORMAT) != 0)
    rc = bad(cmd, path, "not a dkcpr manifest");
  else if (!(v = get(root, "version", NULL, yajl_t_number)) || !YAJL_IS_INTEGER(v) ||
           YAJL_GET_INTEGER(v) != MANIFEST_VERSION)
    rc = bad(cmd, path, "a manifest version this dkcpr does not know");
  else if (!(s = get_string(root, "algorithm", NULL)) || strcmp(s, dkcpr_algorithm()) != 0)
    rc = bad(cmd, path, "made with another pseudonym algorithm than this dkcpr's");
  else
    rc = read_mapping(cmd, path, root, &m->map);
  if (rc == 0) {
    if ((s = get_string(root, "key_check", NULL)) != NULL) {
      if (strlen(s) != MANIFEST_KEY_CHECK_HEX)
        rc = bad(cmd, path, "no valid key_check");
      else
        memcpy(m->key_check, s, MANIFEST_KEY_CHECK_HEX + 1);
    }
    if ((s = get_string(root, "output", "sha256")) != NULL && strlen(s) == 64)
      memcpy(m->output.sha256, s, 65);
    if ((v = get(root, "output", "bytes", yajl_t_number)) && YAJL_IS_INTEGER(v))
      m->output.bytes = (uint64_t)YAJL_GET_INTEGER(v);
  }
  yajl_tree_free(root);
  if (rc)
    manifest_free(m);
  return rc;
}

void manifest_free(manifest *m) {
  free(m->map.context);
  free(m->map.placeholder);
  free(m->map.encoding);
  free(m->map.structure);
  free(m->map.cpr_fields);
  free(m->map.rules);
  for (size_t i = 0; i < m->n_inputs; i++) {
    free(m->inputs[i].name);
    free(m->inputs[i].format);
    free(m->inputs[i].structure);
  }
  free(m->inputs);
  memset(m, 0, sizeof *m);
}
