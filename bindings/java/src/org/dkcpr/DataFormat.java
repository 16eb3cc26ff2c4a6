// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import org.dkcpr.internal.DkcprNative;
import org.dkcpr.internal.data_format;

/**
 * The structure a {@link Washer} reads its input by ({@code dkcpr_data_format}), as
 * {@code dkcpr wash --format} does: in a structured format a value in a field whose name
 * means CPR ({@code cpr}, {@code cpr_nr}, {@code personnummer}, ...) is a CPR number in any
 * written form, integers stay integers, and everything else is washed as text.
 */
public enum DataFormat {
  /**
   * Guessed from the first bytes, as {@code dkcpr wash --format=auto} does (a stream has no
   * name to go by), and text when unsure or when the first chunk does not parse in the
   * guessed structure; {@link WashStats#structure()} says which was used.
   */
  AUTO(data_format.DATA_TEXT),
  /** No structure: every CPR number found by its look (the default). */
  TEXT(data_format.DATA_TEXT),
  /** RFC 4180 CSV; the first record names the fields; semicolons when it has more of them. */
  CSV(data_format.DATA_CSV),
  /** The same with tabs. */
  TSV(data_format.DATA_TSV),
  /** One JSON value; a field is named by its key. */
  JSON(data_format.DATA_JSON),
  /** JSON values one after another (JSON Lines). */
  JSONL(data_format.DATA_JSONL),
  /** A pg_dump plain dump or a MySQL/MariaDB dump; columns from COPY, INSERT and CREATE TABLE. */
  SQL(data_format.DATA_SQL),
  /**
   * HL7 version 2 messages (delimiters from MSH); fields named as {@code PID-3} or
   * {@code PID-5.1}, and an identifier whose assigning authority or type is CPR holds a CPR
   * number.
   */
  HL7(data_format.DATA_HL7),
  /**
   * XML 1.0 (checked with expat); a field is an element's text or an attribute, named by its
   * local name, and an identifier whose root (HL7 CDA) or system (FHIR) is the CPR register's
   * OID holds a CPR number; each child element of the root element is a row for rules.
   */
  XML(data_format.DATA_XML),
  /**
   * Fixed-width records, one a line (such as CPR-register extracts), by the layout of the
   * rules ({@link Washer.Builder#rules}), which this format needs; every value keeps its width.
   */
  FIXED(data_format.DATA_FIXED);

  final data_format c; // AUTO: never passed to the library

  DataFormat(data_format c) {
    this.c = c;
  }

  /** The structure the library guesses for an input beginning with these bytes. */
  static DataFormat guess(byte[] head) {
    data_format f = DkcprNative.data_format_guess(null, head);
    for (DataFormat d : values()) {
      if (d != AUTO && d.c == f) {
        return d;
      }
    }
    return TEXT;
  }
}
