// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the shared TSV vectors in tests/vectors (see its README). */
final class Vectors {
  private Vectors() {}

  static Path dir() {
    String dir = System.getProperty("dkcpr.vectors");
    if (dir == null) {
      throw new IllegalStateException("run with -Ddkcpr.vectors=<source>/tests/vectors");
    }
    return Path.of(dir);
  }

  /** Every line after the header as column name to value. */
  static List<Map<String, String>> read(String name) throws IOException {
    List<String> lines = Files.readAllLines(dir().resolve(name), StandardCharsets.UTF_8);
    String[] header = lines.get(0).split("\t", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != header.length) {
        throw new IllegalStateException(name + ": wrong field count in: " + line);
      }
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], fields[i]);
      }
      rows.add(row);
    }
    return rows;
  }

  /** Decodes \t \n \r \\ and \xHH; empty if the bytes are not valid UTF-8 (no Java string has them). */
  static Optional<String> unescape(String field) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] raw = field.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] != '\\' || i + 1 >= raw.length) {
        bytes.write(raw[i]);
        continue;
      }
      char c = (char) raw[++i];
      switch (c) {
        case 't' -> bytes.write('\t');
        case 'n' -> bytes.write('\n');
        case 'r' -> bytes.write('\r');
        case '\\' -> bytes.write('\\');
        case 'x' -> {
          bytes.write(Integer.parseInt(new String(raw, i + 1, 2, StandardCharsets.US_ASCII), 16));
          i += 2;
        }
        default -> throw new IllegalArgumentException("bad escape in " + field);
      }
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  static Policy policy(String name) {
    return switch (name) {
      case "default" -> Policy.DEFAULT;
      case "known-dates" -> Policy.KNOWN_DATES;
      case "strict" -> Policy.STRICT;
      default -> throw new IllegalArgumentException("policy " + name);
    };
  }

  static Status status(String name) {
    return Status.valueOf(name.substring("DKCPR_".length()));
  }

  static Optional<ReplacementKind> kind(String name) {
    return switch (name) {
      case "cpr" -> Optional.empty();
      case "replacement" -> Optional.of(ReplacementKind.CPR_OFFICE);
      case "x-ecpr" -> Optional.of(ReplacementKind.X_ECPR);
      case "d-ecpr" -> Optional.of(ReplacementKind.D_ECPR);
      default -> throw new IllegalArgumentException("kind " + name);
    };
  }

  /** Equal lists, reported by the first differing index rather than in full. */
  static void assertListEquals(String what, List<String> expected, List<String> actual) {
    org.junit.Assert.assertEquals(what + ": size", expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      org.junit.Assert.assertEquals(what + ": element " + i, expected.get(i), actual.get(i));
    }
  }

  /** A key made of the bytes 0, 1, ..., 31: fixed, so outputs can be compared across runs. */
  static byte[] testKey() {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) i;
    }
    return key;
  }
}
