/* SPDX-License-Identifier: Apache-2.0 */
/* JSON inside an SQL dump: a json or jsonb value (a COPY field or an
 * INSERT string) read byte by byte, so a JSON number under a key that means
 * CPR is washed as the JSON washer washes it (nine digits included) and a
 * ten-digit number keeps no leading zero; everything else goes to the text
 * path as it is. */
#ifndef DKCPR_STRUCT_SQL_JSON_H
#define DKCPR_STRUCT_SQL_JSON_H

#include "struct_washer.h"

typedef struct dkcpr__sql_json {
  int active;
  int sql_escapes;        /* backslash escapes at SQL level (COPY, E'', MySQL) */
  int sql_bs;             /* after an SQL-level backslash */
  int in_str, esc;        /* inside a JSON string, after its backslash */
  int after_str;          /* a string ended and nothing else came yet */
  int key_cpr;            /* the value being read sits under a CPR key */
  int arrays;             /* arrays opened under that key */
  char key[DKCPR__FIELD_NAME_MAX];
  size_t key_len;
  int key_long;
  char num[DKCPR__VALUE_HOLD];
  size_t num_len;
  int in_num;
} dkcpr__sql_json;

/* A value starts (sql_escapes: its bytes take backslash escapes). */
void dkcpr__sql_json_start(dkcpr__sql_json *j, int sql_escapes);
/* One raw byte of the value. */
dkcpr_status dkcpr__sql_json_byte(dkcpr_struct_washer *w, dkcpr__sql_json *j, char raw);
/* A number held at the value's end, or before a byte that is not the value's. */
dkcpr_status dkcpr__sql_json_flush(dkcpr_struct_washer *w, dkcpr__sql_json *j);

#endif /* DKCPR_STRUCT_SQL_JSON_H */
