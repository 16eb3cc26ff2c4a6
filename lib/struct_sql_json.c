/* SPDX-License-Identifier: Apache-2.0 */
/* JSON values inside SQL dumps (see struct_sql_json.h): a small JSON lexer
 * that knows strings, keys and numbers, under the SQL level's escapes. */
#include <string.h>

#include "struct_sql_json.h"

void dkcpr__sql_json_start(dkcpr__sql_json *j, int sql_escapes) {
  memset(j, 0, sizeof *j);
  j->active = 1;
  j->sql_escapes = sql_escapes;
}

static int number_char(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

dkcpr_status dkcpr__sql_json_flush(dkcpr_struct_washer *w, dkcpr__sql_json *j) {
  if (!j->in_num) return DKCPR_OK;
  j->in_num = 0;
  return dkcpr__value_wash(w, j->num, j->num_len, DKCPR__VALUE_INTEGER, j->key_cpr, '"');
}

/* The JSON lexer on one character of the decoded value. */
static void lex(const dkcpr_struct_washer *w, dkcpr__sql_json *j, char c) {
  if (j->in_str) {
    if (j->esc) j->esc = 0;
    else if (c == '\\') j->esc = 1;
    else if (c == '"') {
      j->in_str = 0;
      j->after_str = 1;
    }
    else if (j->key_len < sizeof j->key) j->key[j->key_len++] = c;
    else j->key_long = 1;
    return;
  }
  switch (c) {
  case '"':
    j->in_str = 1;
    j->after_str = 0;
    j->key_len = 0;
    j->key_long = 0;
    break;
  case ':':
    j->key_cpr = j->after_str && !j->key_long && dkcpr__struct_field_cpr(w, j->key, j->key_len);
    j->arrays = 0;
    break;
  case '[': j->arrays++; break;
  case ']': if (j->arrays > 0) j->arrays--; break;
  case '{': case '}': j->key_cpr = 0; j->arrays = 0; break;
  case ',': if (j->arrays == 0) j->key_cpr = 0; break;
  default: break;
  }
  if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '"') j->after_str = 0;
}

dkcpr_status dkcpr__sql_json_byte(dkcpr_struct_washer *w, dkcpr__sql_json *j, char raw) {
  dkcpr_status st;
  char c = raw;
  if (j->in_num) {
    if (!j->sql_bs && number_char(raw)) {
      if (j->num_len < sizeof j->num) {
        j->num[j->num_len++] = raw;
        return DKCPR_OK;
      }
      j->in_num = 0; /* too long to be a number: text */
      if ((st = dkcpr__text_put(&w->text, j->num, j->num_len)) != DKCPR_OK) return st;
      return dkcpr__text_put(&w->text, &raw, 1);
    }
    if ((st = dkcpr__sql_json_flush(w, j)) != DKCPR_OK) return st;
  }
  if (j->sql_bs) { /* the character an SQL escape stands for */
    j->sql_bs = 0;
    if (raw == 't') c = '\t';
    else if (raw == 'n') c = '\n';
    else if (raw == 'r') c = '\r';
  } else if (j->sql_escapes && raw == '\\') {
    j->sql_bs = 1;
    return dkcpr__text_put(&w->text, &raw, 1);
  } else if (!j->in_str && ((raw >= '0' && raw <= '9') || raw == '-')) {
    j->in_num = 1;
    j->num[0] = raw;
    j->num_len = 1;
    j->after_str = 0;
    return DKCPR_OK;
  }
  lex(w, j, c);
  return dkcpr__text_put(&w->text, &raw, 1);
}
