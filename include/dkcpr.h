/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file dkcpr.h
 * @brief Danish CPR numbers: parse and validate them exactly, pseudonymize
 *        them with keyed, reversible, valid CPR numbers, and find and wash
 *        them in text.
 *
 * Conventions
 * - Every fallible function returns a ::dkcpr_status; ::DKCPR_OK is 0 and
 *   every error is negative. Future versions may add new negative codes, so
 *   test for `!= DKCPR_OK` rather than for a list of known codes.
 * - Outputs come first. Every input buffer has an explicit length and is
 *   not assumed to be NUL-terminated. Text is UTF-8.
 * - Output strings are written as (out, out_cap, out_len): on success the
 *   result is NUL-terminated and *out_len (if out_len is not NULL) is its
 *   length without the NUL. If out_cap is too small the call fails with
 *   ::DKCPR_E_BUFSIZE and writes nothing.
 * - There is no global state and no initialisation call. Every function is
 *   thread-safe; handles marked immutable may be shared by any number of
 *   threads, the others (scanner, washer) belong to one thread at a time.
 * - Key material is copied into handles and wiped when they are freed.
 * - Structs that cross the boundary by pointer start with `unsigned int
 *   version`. Fill an options struct with its `*_init(&o, VERSION)` call;
 *   every version from 1 to the current one is accepted, and the library
 *   reads (or, for results, writes) only the fields that version has. New
 *   fields are only ever appended, with a version bump (docs/api-stability.md).
 */
#ifndef DKCPR_H
#define DKCPR_H

#include <stddef.h>
#include <stdint.h>

#include "dkcpr_export.h"
#include "dkcpr_version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Status                                                                    */
/* ------------------------------------------------------------------------ */

/**
 * Every status: name suffix, pinned value, message. Values never change and
 * are never reused; new codes are appended.
 */
#define DKCPR_STATUS_MAP(XX)                                                  \
  XX(OK, 0, "success")                                                        \
  XX(E_NULL, -1, "a required pointer argument is NULL")                       \
  XX(E_LENGTH, -2, "wrong length for a CPR number")                           \
  XX(E_CHAR, -3, "invalid character in CPR number")                           \
  XX(E_SEPARATOR, -4, "invalid separator in CPR number")                      \
  XX(E_UTF8, -5, "input is not valid UTF-8")                                  \
  XX(E_DATE, -6, "the birth date in the CPR number does not exist")           \
  XX(E_MOD11, -7, "modulus 11 check failed, and the policy requires it")      \
  XX(E_FUTURE, -8, "the birth date is after the reference date (not yet born)") \
  XX(E_REPLACEMENT, -9, "replacement numbers are not allowed")                \
  XX(E_BUFSIZE, -10, "output buffer too small")                               \
  XX(E_NOMEM, -11, "out of memory")                                           \
  XX(E_ARG, -12, "invalid argument value")                                    \
  XX(E_KEY, -13, "the key has the wrong length or is not 64 hex characters")  \
  XX(E_KIND, -14, "this kind of number is not supported by the operation")    \
  XX(E_CRYPTO, -15, "the cryptographic library failed")                       \
  XX(E_RANDOM, -16, "the system random generator failed")                     \
  XX(E_RANGE, -17, "not enough numbers satisfy the request")                  \
  XX(E_SYNTAX, -18, "malformed text")                                         \
  XX(E_STATE, -19, "the handle cannot be used in its current state")

/** Internal: counts the map's entries. */
#define DKCPR_STATUS_COUNT_(name, value, msg) +1

/** Result of every fallible call. */
typedef enum dkcpr_status {
#define DKCPR_STATUS_ENUM_(name, value, msg) DKCPR_##name = value,
  DKCPR_STATUS_MAP(DKCPR_STATUS_ENUM_)
#undef DKCPR_STATUS_ENUM_
  /** internal, never returned: the lowest code; derived from the map,
   *  whose values run 0, -1, -2, ... without gaps */
  DKCPR_STATUS_LAST_ = 1 - (0 DKCPR_STATUS_MAP(DKCPR_STATUS_COUNT_))
} dkcpr_status;

/**
 * A short English message for a status; never NULL (an unknown value gives
 * "unknown status"). The string is static.
 */
DKCPR_API const char *dkcpr_strerror(dkcpr_status st);

/**
 * The status constant's name, e.g. "DKCPR_E_DATE"; never NULL (an unknown
 * value gives "DKCPR_E_UNKNOWN"). The string is static.
 */
DKCPR_API const char *dkcpr_status_name(dkcpr_status st);

/* ------------------------------------------------------------------------ */
/* Version                                                                   */
/* ------------------------------------------------------------------------ */

/** The library's version as "MAJOR.MINOR.PATCH", equal to DKCPR_VERSION_STRING. */
DKCPR_API const char *dkcpr_version_string(void);

/** The library's version as MAJOR*10000 + MINOR*100 + PATCH, equal to DKCPR_VERSION_NUMBER. */
DKCPR_API unsigned int dkcpr_version_number(void);

/* ------------------------------------------------------------------------ */
/* Parsing and validation                                                    */
/* ------------------------------------------------------------------------ */

/** How strictly modulus 11 is required. */
typedef enum dkcpr_policy {
  /** Mod 11 not required: the CPR office's rule since 2007. */
  DKCPR_POLICY_DEFAULT = 0,
  /** Mod 11 required unless the birth date is on the known-dates list. */
  DKCPR_POLICY_KNOWN_DATES = 1,
  /** Mod 11 required for every all-digit CPR number. */
  DKCPR_POLICY_STRICT = 2
} dkcpr_policy;

/** Parse flags (dkcpr_options.flags). */
#define DKCPR_PARSE_LENIENT 0x1u /**< white space, Unicode dashes/spaces/digits */
#define DKCPR_PARSE_ALLOW_REPLACEMENT 0x2u /**< accept replacement numbers */
#define DKCPR_PARSE_ALLOW_FUTURE 0x4u /**< accept birth dates after the reference date */

/** What kind of number a parse found. */
typedef enum dkcpr_kind {
  DKCPR_KIND_CPR = 0,         /**< an ordinary CPR number */
  DKCPR_KIND_REPLACEMENT = 1, /**< CPR office replacement scheme: day + 60 */
  DKCPR_KIND_XECPR = 2,       /**< national healthcare e-CPR, 7th char 1 or 7 */
  DKCPR_KIND_DECPR = 3        /**< regional healthcare e-CPR, 7th char 0, 5 or 6 */
} dkcpr_kind;

/** Number of kinds: dkcpr_kind values run from 0 to DKCPR_KIND_COUNT - 1. */
#define DKCPR_KIND_COUNT 4

/** Sex as encoded by the last digit: even female, odd male. */
typedef enum dkcpr_sex { DKCPR_SEX_FEMALE = 0, DKCPR_SEX_MALE = 1 } dkcpr_sex;

/** Short lower-case name of a kind ("cpr", "replacement", "x-ecpr", "d-ecpr"); never NULL. */
DKCPR_API const char *dkcpr_kind_name(dkcpr_kind kind);

/**
 * A caller-owned list of birth dates known to have CPR numbers without
 * mod 11. Created holding the CPR office's 26 dates of its 2023 list;
 * dates can be added. Not thread-safe while being modified; read-only use
 * from many threads is safe.
 */
typedef struct dkcpr_datelist dkcpr_datelist;

/**
 * Create a list holding the shipped dates.
 * @param[out] out  the new list; free with dkcpr_datelist_free().
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_NOMEM.
 */
DKCPR_API dkcpr_status dkcpr_datelist_new(dkcpr_datelist **out);

/** Free a list; NULL is a no-op. */
DKCPR_API void dkcpr_datelist_free(dkcpr_datelist *list);

/**
 * Add one date (adding a date already present is not an error).
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_DATE (no such date in 1858-2057),
 *         DKCPR_E_NOMEM.
 */
DKCPR_API dkcpr_status dkcpr_datelist_add(dkcpr_datelist *list, int year,
                                          int month, int day);

/**
 * Add dates from text: one ISO date (YYYY-MM-DD) per line; blank lines and
 * lines starting with '#' are ignored; surrounding white space is allowed.
 * On error nothing is added.
 * @param[out] bad_line  if not NULL, the 1-based line of the first error (0 if none).
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_SYNTAX, DKCPR_E_DATE, DKCPR_E_NOMEM.
 */
DKCPR_API dkcpr_status dkcpr_datelist_load(size_t *bad_line,
                                           dkcpr_datelist *list,
                                           const char *text, size_t text_len);

/** 1 if the date is on the list, else 0 (also 0 for a NULL list). */
DKCPR_API int dkcpr_datelist_contains(const dkcpr_datelist *list, int year,
                                      int month, int day);

/** Version of dkcpr_options understood by this header. */
#define DKCPR_OPTIONS_VERSION 1

/**
 * Parsing options. Initialise with dkcpr_options_init() and change fields
 * afterwards; new fields are only ever appended, with a version bump.
 */
typedef struct dkcpr_options {
  unsigned int version;  /**< DKCPR_OPTIONS_VERSION */
  dkcpr_policy policy;   /**< default DKCPR_POLICY_DEFAULT */
  unsigned int flags;    /**< DKCPR_PARSE_* bits, default 0 */
  /** Reference date for the not-yet-born check. dkcpr_options_init() sets
   *  today's local date; all three 0 means "today" read at every call. */
  int ref_year, ref_month, ref_day;
  /** Known-dates list for DKCPR_POLICY_KNOWN_DATES and the known_date
   *  flag; NULL means the shipped list. Not owned. */
  const dkcpr_datelist *known_dates;
} dkcpr_options;

/**
 * Fill opts with the defaults: default policy, no flags, today's date as the
 * reference date, the shipped known-dates list. Only the fields of the
 * given version are written.
 * @param version  1 to DKCPR_OPTIONS_VERSION (normally DKCPR_OPTIONS_VERSION).
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_ARG (unknown version).
 */
DKCPR_API dkcpr_status dkcpr_options_init(dkcpr_options *opts,
                                          unsigned int version);

/** A parsed number. Plain data; safe to copy. */
typedef struct dkcpr_cpr {
  char digits[11];   /**< canonical 10 characters + NUL (e-CPR letters kept) */
  int year;          /**< birth year (for day + 60 numbers, of the real date) */
  int month;         /**< 1-12 */
  int day;           /**< 1-31 (day + 60 numbers: the day minus 60) */
  dkcpr_sex sex;     /**< from the last digit */
  dkcpr_kind kind;   /**< CPR number or which replacement scheme */
  int mod11;         /**< 1 if the weighted digit sum is 0 mod 11 (0 for e-CPR) */
  int known_date;    /**< 1 if the birth date is on the known-dates list */
  int century_digit; /**< the 7th character as a digit */
  int reserved[4];   /**< zero; room for later fields */
} dkcpr_cpr;

/**
 * Parse and validate a CPR number.
 * Accepted forms: 10 digits, DDMMYY-SSSS or DDMMYY SSSS (ASCII); with
 * DKCPR_PARSE_LENIENT also surrounding white space, any Unicode dash or
 * space as the separator and any Unicode decimal digits.
 * @param[out] out   the result (may be NULL to validate only); written only on success.
 * @param[in]  s     UTF-8 bytes, s_len of them.
 * @param[in]  opts  options, or NULL for the defaults (today read per call).
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_LENGTH, DKCPR_E_CHAR,
 *   DKCPR_E_SEPARATOR, DKCPR_E_UTF8, DKCPR_E_DATE, DKCPR_E_MOD11,
 *   DKCPR_E_FUTURE, DKCPR_E_REPLACEMENT, DKCPR_E_ARG.
 */
DKCPR_API dkcpr_status dkcpr_parse(dkcpr_cpr *out, const char *s, size_t s_len,
                                   const dkcpr_options *opts);

/** dkcpr_parse() without a result: the fast path for validation. */
DKCPR_API dkcpr_status dkcpr_validate(const char *s, size_t s_len,
                                      const dkcpr_options *opts);

/**
 * Age in whole years on a date.
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_DATE (at is not a date),
 *   DKCPR_E_FUTURE (at is before the birth date).
 */
DKCPR_API dkcpr_status dkcpr_age(int *out_years, const dkcpr_cpr *cpr,
                                 int at_year, int at_month, int at_day);

/** Output styles for dkcpr_format(). */
typedef enum dkcpr_format_style {
  DKCPR_FORMAT_DASHED = 0,     /**< DDMMYY-SSSS */
  DKCPR_FORMAT_COMPACT = 1,    /**< DDMMYYSSSS */
  DKCPR_FORMAT_MASKED = 2,     /**< DDMMYY-XXXX */
  DKCPR_FORMAT_MASKED_FULL = 3 /**< XXXXXX-XXXX */
} dkcpr_format_style;

/** Buffer size that holds any dkcpr_format() result, with its NUL. */
#define DKCPR_FORMAT_BUFSIZE 12

/**
 * Write a parsed number in a style.
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_ARG (bad style or cpr), DKCPR_E_BUFSIZE.
 */
DKCPR_API dkcpr_status dkcpr_format(char *out, size_t out_cap, size_t *out_len,
                                    const dkcpr_cpr *cpr,
                                    dkcpr_format_style style);

/* ------------------------------------------------------------------------ */
/* Keys                                                                      */
/* ------------------------------------------------------------------------ */

/** Key length in bytes (AES-256). */
#define DKCPR_KEY_BYTES 32
/** Key length in hexadecimal characters, as in key files and variables. */
#define DKCPR_KEY_HEX_CHARS 64

/** DKCPR_KEY_BYTES as a function, for bindings. */
DKCPR_API size_t dkcpr_key_bytes(void);

/**
 * Fill key with bytes from the operating system's random generator.
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_KEY (key_len is not DKCPR_KEY_BYTES),
 *   DKCPR_E_RANDOM.
 */
DKCPR_API dkcpr_status dkcpr_keygen(uint8_t *key, size_t key_len);

/**
 * Decode a key from 64 hexadecimal characters (either case), optionally
 * followed by one "\n" or "\r\n". Nothing is written on error.
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_KEY.
 */
DKCPR_API dkcpr_status dkcpr_key_from_hex(uint8_t *key, size_t key_len,
                                          const char *hex, size_t hex_len);

/* ------------------------------------------------------------------------ */
/* Pseudonymization                                                          */
/* ------------------------------------------------------------------------ */

/** What a pseudonym keeps of the original (bit set). */
#define DKCPR_KEEP_NONE 0x0u
#define DKCPR_KEEP_SEX 0x1u
#define DKCPR_KEEP_YEAR 0x2u
#define DKCPR_KEEP_DATE 0x4u /**< the whole birth date (implies the year) */
#define DKCPR_KEEP_DEFAULT (DKCPR_KEEP_YEAR | DKCPR_KEEP_SEX)

/** Pseudonymizer flags. */
#define DKCPR_NEVER_REAL 0x1u /**< map CPR numbers into the day + 60 space */

/** Identifier of the pseudonym mapping; a changed mapping gets a new one. */
#define DKCPR_ALGORITHM "dkcpr-fpe-1"

/** DKCPR_ALGORITHM as a function, for bindings. */
DKCPR_API const char *dkcpr_algorithm(void);

/**
 * A keyed pseudonymizer. Its mapping is immutable after creation: share it
 * freely between threads. Small classes (those of a kept birth date) have
 * their permutations cached in the handle once met twice, at most 64 MiB of
 * tables behind the handle's own locks; the cache changes no result, only
 * the speed, and is wiped with the handle.
 */
typedef struct dkcpr_pseudonymizer dkcpr_pseudonymizer;

/**
 * Create a pseudonymizer.
 * @param[out] out      the handle; free with dkcpr_pseudonymizer_free().
 * @param[in]  key      DKCPR_KEY_BYTES secret bytes (copied).
 * @param[in]  context  tweak bytes separating datasets or systems; may be
 *                      NULL when context_len is 0.
 * @param      keep     DKCPR_KEEP_* bits.
 * @param      flags    0 or DKCPR_NEVER_REAL.
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_KEY, DKCPR_E_ARG (unknown bits),
 *   DKCPR_E_NOMEM, DKCPR_E_CRYPTO.
 */
DKCPR_API dkcpr_status dkcpr_pseudonymizer_new(dkcpr_pseudonymizer **out,
                                               const uint8_t *key,
                                               size_t key_len,
                                               const uint8_t *context,
                                               size_t context_len,
                                               unsigned int keep,
                                               unsigned int flags);

/** Free a pseudonymizer, wiping its key material; NULL is a no-op. */
DKCPR_API void dkcpr_pseudonymizer_free(dkcpr_pseudonymizer *p);

/**
 * Pseudonymize one number. The input must be valid under opts (the
 * not-yet-born check aside: the mapping may not depend on the day it
 * runs). The output is written the way the input was (separator, digit
 * script, surrounding white space), so out_cap >= in_len + 1 always suffices.
 * @return DKCPR_OK, any dkcpr_parse() error, DKCPR_E_KIND (a day + 60
 *   number under DKCPR_NEVER_REAL), DKCPR_E_BUFSIZE, DKCPR_E_CRYPTO.
 */
DKCPR_API dkcpr_status dkcpr_pseudonymize(char *out, size_t out_cap,
                                          size_t *out_len,
                                          const dkcpr_pseudonymizer *p,
                                          const char *in, size_t in_len,
                                          const dkcpr_options *opts);

/** The inverse of dkcpr_pseudonymize(); same contract. */
DKCPR_API dkcpr_status dkcpr_reveal(char *out, size_t out_cap,
                                    size_t *out_len,
                                    const dkcpr_pseudonymizer *p,
                                    const char *in, size_t in_len,
                                    const dkcpr_options *opts);

/**
 * Pseudonymize many numbers in one call (the fast path).
 * Element i is read from in[i] (in_lens[i] bytes) and written to
 * out + i * out_stride, NUL-terminated, its length in out_lens[i] (0 on
 * error) and its status in statuses[i]; one bad element does not stop
 * the others.
 * @return DKCPR_OK if every element succeeded, else the status of the
 *   first failed element; DKCPR_E_NULL for a NULL array (count > 0).
 */
DKCPR_API dkcpr_status dkcpr_pseudonymize_many(
    char *out, size_t out_stride, size_t *out_lens, dkcpr_status *statuses,
    const dkcpr_pseudonymizer *p, const char *const *in,
    const size_t *in_lens, size_t count, const dkcpr_options *opts);

/** The inverse of dkcpr_pseudonymize_many(); same contract. */
DKCPR_API dkcpr_status dkcpr_reveal_many(
    char *out, size_t out_stride, size_t *out_lens, dkcpr_status *statuses,
    const dkcpr_pseudonymizer *p, const char *const *in,
    const size_t *in_lens, size_t count, const dkcpr_options *opts);

/** Token lengths accepted by dkcpr_token() (base32 characters). */
#define DKCPR_TOKEN_MIN_CHARS 16
#define DKCPR_TOKEN_MAX_CHARS 52
#define DKCPR_TOKEN_DEFAULT_CHARS 26

/**
 * A keyed one-way token of a number: HMAC-SHA-256 of its canonical
 * digits under the key and context, in lower-case base32 (RFC 4648
 * alphabet, no padding), token_chars long.
 * @return DKCPR_OK, any dkcpr_parse() error, DKCPR_E_ARG (token_chars out
 *   of [DKCPR_TOKEN_MIN_CHARS, DKCPR_TOKEN_MAX_CHARS]), DKCPR_E_BUFSIZE,
 *   DKCPR_E_CRYPTO.
 */
DKCPR_API dkcpr_status dkcpr_token(char *out, size_t out_cap, size_t *out_len,
                                   const dkcpr_pseudonymizer *p,
                                   const char *in, size_t in_len,
                                   size_t token_chars,
                                   const dkcpr_options *opts);

/* ------------------------------------------------------------------------ */
/* Synthetic numbers                                                         */
/* ------------------------------------------------------------------------ */

#define DKCPR_GENERATE_OPTIONS_VERSION 1
#define DKCPR_GENERATE_NEVER_REAL 0x1u /**< produce day + 60 numbers */

/** What dkcpr_generate() produces. Initialise with dkcpr_generate_options_init(). */
typedef struct dkcpr_generate_options {
  unsigned int version;               /**< DKCPR_GENERATE_OPTIONS_VERSION */
  int from_year, from_month, from_day; /**< first birth date, default 1858-01-01 */
  int to_year, to_month, to_day;       /**< last birth date, default today */
  int sex;                             /**< -1 any (default), DKCPR_SEX_FEMALE, DKCPR_SEX_MALE */
  int mod11;                           /**< -1 any (default), 0 failing, 1 passing */
  unsigned int flags;                  /**< DKCPR_GENERATE_* bits */
} dkcpr_generate_options;

/** Fill opts with the defaults. @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_ARG. */
DKCPR_API dkcpr_status dkcpr_generate_options_init(dkcpr_generate_options *opts,
                                                   unsigned int version);

/**
 * Generate distinct valid numbers matching opts, reproducibly from a seed.
 * The sequence for a seed is fixed: element `first + i` is always the same
 * number, so a long sequence can be produced in pieces. Each number is
 * written as 10 digits plus NUL at out + i * out_stride (out_stride >= 11).
 * @param[out] total  if not NULL, how many distinct numbers match opts.
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_ARG (bad options or stride),
 *   DKCPR_E_RANGE (first + count exceeds the matching numbers), DKCPR_E_CRYPTO.
 */
DKCPR_API dkcpr_status dkcpr_generate(char *out, size_t out_stride,
                                      uint64_t *total,
                                      const dkcpr_generate_options *opts,
                                      const uint8_t *seed, size_t seed_len,
                                      uint64_t first, size_t count);

/* ------------------------------------------------------------------------ */
/* Finding numbers in text                                                   */
/* ------------------------------------------------------------------------ */

/** How likely a match is a CPR number. */
typedef enum dkcpr_confidence {
  DKCPR_CONFIDENCE_LOW = 1,
  DKCPR_CONFIDENCE_MEDIUM = 2,
  DKCPR_CONFIDENCE_HIGH = 3
} dkcpr_confidence;

/** Number of confidences: they run from 1 to DKCPR_CONFIDENCE_COUNT. */
#define DKCPR_CONFIDENCE_COUNT 3

/** Short lower-case name ("low", "medium", "high"); never NULL. */
DKCPR_API const char *dkcpr_confidence_name(dkcpr_confidence c);

#define DKCPR_SCAN_OPTIONS_VERSION 1
#define DKCPR_SCAN_NINE_DIGITS 0x1u /**< also 9-digit numbers (leading zero lost) */

/**
 * What is found in text. Initialise with dkcpr_scan_options_init(). The
 * not-yet-born check is never applied in text (scan and wash agree, and
 * wash and reveal are exact inverses), so there is no reference date.
 */
typedef struct dkcpr_scan_options {
  unsigned int version;             /**< DKCPR_SCAN_OPTIONS_VERSION */
  dkcpr_policy policy;              /**< default DKCPR_POLICY_DEFAULT */
  unsigned int parse_flags;         /**< DKCPR_PARSE_* bits, default
                                         DKCPR_PARSE_ALLOW_REPLACEMENT */
  const dkcpr_datelist *known_dates; /**< NULL: the shipped list. Not owned. */
  unsigned int flags;               /**< DKCPR_SCAN_* bits, default 0 */
  dkcpr_confidence min_confidence;  /**< default DKCPR_CONFIDENCE_LOW */
} dkcpr_scan_options;

/**
 * Defaults as documented on the fields; only the fields of the given
 * version are written.
 * @param version  1 to DKCPR_SCAN_OPTIONS_VERSION.
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_ARG.
 */
DKCPR_API dkcpr_status dkcpr_scan_options_init(dkcpr_scan_options *opts,
                                               unsigned int version);

/** One number found in text. */
typedef struct dkcpr_match {
  uint64_t start;        /**< byte offset of the first byte, from the stream start */
  uint64_t end;          /**< byte offset one past the last byte */
  char digits[11];       /**< canonical 10 characters + NUL */
  dkcpr_kind kind;
  int mod11;             /**< as in dkcpr_cpr */
  dkcpr_confidence confidence;
  int reserved[4];
} dkcpr_match;

/**
 * Find every number in a whole buffer.
 * @param[out] out    room for out_cap matches (may be NULL if out_cap is 0).
 * @param[out] count  how many were found; if more than out_cap, the call
 *                    returns DKCPR_E_BUFSIZE and *count is the number needed.
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_ARG, DKCPR_E_BUFSIZE, DKCPR_E_NOMEM.
 */
DKCPR_API dkcpr_status dkcpr_scan(dkcpr_match *out, size_t out_cap,
                                  size_t *count, const char *text,
                                  size_t text_len,
                                  const dkcpr_scan_options *opts);

/** A streaming scanner: feed chunks, then take matches. One thread at a time. */
typedef struct dkcpr_scanner dkcpr_scanner;

/** @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_ARG, DKCPR_E_NOMEM. opts may be NULL. */
DKCPR_API dkcpr_status dkcpr_scanner_new(dkcpr_scanner **out,
                                         const dkcpr_scan_options *opts);

/** Free a scanner; NULL is a no-op. */
DKCPR_API void dkcpr_scanner_free(dkcpr_scanner *s);

/**
 * Feed the next chunk (any size, including 0). Matches completed by it
 * become available to dkcpr_scanner_next() (a match is complete once the
 * characters that may still change it are seen: up to about two hundred
 * bytes after it, or the finish); take them all before the next feed to
 * keep memory bounded.
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_STATE (after finish), DKCPR_E_NOMEM.
 */
DKCPR_API dkcpr_status dkcpr_scanner_feed(dkcpr_scanner *s, const char *chunk,
                                          size_t chunk_len);

/** Signal the end of the input. @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_STATE. */
DKCPR_API dkcpr_status dkcpr_scanner_finish(dkcpr_scanner *s);

/**
 * Take the next available match.
 * @return DKCPR_OK (one written to *out), DKCPR_E_RANGE (none available now),
 *   DKCPR_E_NULL.
 */
DKCPR_API dkcpr_status dkcpr_scanner_next(dkcpr_match *out, dkcpr_scanner *s);

/* ------------------------------------------------------------------------ */
/* Washing text                                                              */
/* ------------------------------------------------------------------------ */

/** What replaces each number found. */
typedef enum dkcpr_wash_mode {
  DKCPR_WASH_PSEUDONYM = 0, /**< the pseudonym (same length and layout) */
  DKCPR_WASH_MASK = 1,      /**< digits 7-10 become X, layout kept */
  DKCPR_WASH_TOKEN = 2,     /**< the keyed token */
  DKCPR_WASH_REDACT = 3,    /**< a fixed placeholder */
  DKCPR_WASH_REVEAL = 4     /**< undo a pseudonym wash */
} dkcpr_wash_mode;

/** Version 1 had the fields up to placeholder_len; 2 added fallback. */
#define DKCPR_WASH_OPTIONS_VERSION 2

/** How numbers are replaced. Initialise with dkcpr_wash_options_init(). */
typedef struct dkcpr_wash_options {
  unsigned int version;     /**< DKCPR_WASH_OPTIONS_VERSION */
  dkcpr_wash_mode mode;     /**< default DKCPR_WASH_PSEUDONYM */
  size_t token_chars;       /**< default DKCPR_TOKEN_DEFAULT_CHARS */
  const char *placeholder;  /**< redact text, default "[CPR]"; copied by
                                 dkcpr_washer_new(); at most
                                 DKCPR_PLACEHOLDER_MAX_BYTES bytes */
  size_t placeholder_len;
  /** Version 2. What the pseudonym mode writes for a number it cannot map
   *  reversibly (a replacement number under DKCPR_NEVER_REAL, whose
   *  pseudonym would be indistinguishable from the pseudonyms of real
   *  numbers; a nine-digit number there): DKCPR_WASH_TOKEN (the default,
   *  the keyed token of token_chars characters) or DKCPR_WASH_REDACT (the
   *  placeholder). Such numbers are never left unchanged, are counted apart
   *  (dkcpr_wash_stats.irreversible) and are left as they are by reveal. */
  dkcpr_wash_mode fallback;
} dkcpr_wash_options;

/** The longest placeholder, in bytes: a longer one makes dkcpr_washer_new()
 * fail with DKCPR_E_ARG in any mode (output grows with it). */
#define DKCPR_PLACEHOLDER_MAX_BYTES 256

/**
 * Defaults as documented on the fields; only the fields of the given
 * version are written.
 * @param version  1 to DKCPR_WASH_OPTIONS_VERSION.
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_ARG.
 */
DKCPR_API dkcpr_status dkcpr_wash_options_init(dkcpr_wash_options *opts,
                                               unsigned int version);

#define DKCPR_WASH_STATS_VERSION 1

/**
 * Counts kept by a washer. found and replaced are indexed
 * [kind][confidence - 1]; only [< DKCPR_KIND_COUNT][< DKCPR_CONFIDENCE_COUNT]
 * is used, the rest is zero (room for later kinds and confidences).
 * found = replaced + irreversible + failed, summed over the cells.
 */
typedef struct dkcpr_wash_stats {
  unsigned int version;    /**< set by the caller: DKCPR_WASH_STATS_VERSION */
  uint64_t bytes_in;
  uint64_t bytes_out;
  uint64_t found[8][4];    /**< numbers found at or above the minimum confidence */
  uint64_t replaced[8][4]; /**< numbers replaced (pseudonym mode: reversibly) */
  uint64_t failed;         /**< found but left unchanged (e.g. reveal of a non-pseudonym) */
  uint64_t irreversible;   /**< replaced so that reveal cannot give the bytes back: by the
                                pseudonym mode's fallback, or (structured washer) in a
                                written form reveal does not restore */
} dkcpr_wash_stats;

/** A streaming washer. One thread at a time; the pseudonymizer may be shared. */
typedef struct dkcpr_washer dkcpr_washer;

/**
 * Create a washer. Both option structs are copied (the placeholder too).
 * @param[out] out  the washer; free with dkcpr_washer_free().
 * @param p     the pseudonymizer (not owned, must outlive the washer); may be
 *              NULL for the mask and redact modes.
 * @param scan  what is found, or NULL for the defaults: what dkcpr_scan()
 *              reports with these options, with replacement numbers always
 *              allowed (reveal must find never-real pseudonyms).
 * @param wash  how it is replaced, or NULL for the defaults.
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_ARG (bad version, mode, fallback or
 *   token length, or a placeholder longer than DKCPR_PLACEHOLDER_MAX_BYTES),
 *   DKCPR_E_NOMEM.
 */
DKCPR_API dkcpr_status dkcpr_washer_new(dkcpr_washer **out,
                                        const dkcpr_pseudonymizer *p,
                                        const dkcpr_scan_options *scan,
                                        const dkcpr_wash_options *wash);

/** Free a washer; NULL is a no-op. */
DKCPR_API void dkcpr_washer_free(dkcpr_washer *w);

/** Bytes of output room that a feed of in_len bytes (or finish, in_len 0) may need. */
DKCPR_API size_t dkcpr_washer_bound(const dkcpr_washer *w, size_t in_len);

/**
 * Wash the next chunk. Output is held back only while a number may still
 * be continuing at the end of the chunk, or context words may still follow
 * it (a few hundred bytes at most), so output lags input by a bounded
 * amount.
 * @param out_cap  at least dkcpr_washer_bound(w, in_len).
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_BUFSIZE (nothing consumed),
 *   DKCPR_E_STATE, DKCPR_E_NOMEM.
 */
DKCPR_API dkcpr_status dkcpr_washer_feed(char *out, size_t out_cap,
                                         size_t *out_len, dkcpr_washer *w,
                                         const char *in, size_t in_len);

/** Flush the held-back bytes at the end of the input. Same contract as feed. */
DKCPR_API dkcpr_status dkcpr_washer_finish(char *out, size_t out_cap,
                                           size_t *out_len, dkcpr_washer *w);

/**
 * Copy the counts so far: the fields of the version in out->version, which
 * the caller sets (normally to DKCPR_WASH_STATS_VERSION).
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_ARG (unknown version).
 */
DKCPR_API dkcpr_status dkcpr_washer_stats(dkcpr_wash_stats *out,
                                          const dkcpr_washer *w);

/**
 * Give the washer the text that came before its input, read only for
 * context: words before a number, a CSV header line. Nothing in it is
 * washed, written or counted. A washer that takes up a stream in the
 * middle (a part of a file washed on another thread) then finds and rates
 * every number as one washer over the whole stream would. Pass everything
 * before the input, or the stream's first DKCPR_WASHER_PRIME_BYTES bytes
 * followed by the last DKCPR_WASHER_PRIME_BYTES bytes before the input (or
 * everything before it when that is shorter): the washer reads the first
 * line of it (when it is short) and its last DKCPR_WASHER_PRIME_BYTES bytes.
 * Call before the first feed.
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_STATE (after a feed).
 */
DKCPR_API dkcpr_status dkcpr_washer_prime(dkcpr_washer *w, const char *before,
                                          size_t len);
/** The context a number can draw on before it, in bytes (see dkcpr_washer_prime). */
#define DKCPR_WASHER_PRIME_BYTES 1024

/* ------------------------------------------------------------------------ */
/* What an input is                                                          */
/* ------------------------------------------------------------------------ */

/** Compression told from an input's first bytes. */
typedef enum dkcpr_compression {
  DKCPR_COMPRESSION_NONE = 0,
  DKCPR_COMPRESSION_GZIP = 1,
  DKCPR_COMPRESSION_ZSTD = 2,
  DKCPR_COMPRESSION_XZ = 3,
  DKCPR_COMPRESSION_BZIP2 = 4
} dkcpr_compression;

/** What dkcpr_sniff found. */
typedef enum dkcpr_sniff_kind {
  DKCPR_SNIFF_TEXT = 0,       /**< text: UTF-8, or the charset named */
  DKCPR_SNIFF_COMPRESSED = 1, /**< decompress, then sniff what comes out */
  DKCPR_SNIFF_CONTAINER = 2,  /**< a known format that is not text */
  DKCPR_SNIFF_BINARY = 3      /**< not text in any encoding it knows */
} dkcpr_sniff_kind;

#define DKCPR_SNIFFED_VERSION 1
/** Bytes dkcpr_sniff looks at; give it this many (or the whole input). */
#define DKCPR_SNIFF_BYTES 65536

/** The verdict on an input's first bytes. Set version before the call. */
typedef struct dkcpr_sniffed {
  unsigned int version;          /**< DKCPR_SNIFFED_VERSION */
  dkcpr_sniff_kind kind;
  dkcpr_compression compression; /**< with DKCPR_SNIFF_COMPRESSED */
  /** With DKCPR_SNIFF_TEXT: NULL for UTF-8 (a BOM is part of the text),
   *  else an ICU converter name: "UTF-16LE", "UTF-16BE", "UTF-32LE",
   *  "UTF-32BE" or "windows-1252" (legacy single-byte text). */
  const char *charset;
  /** With CONTAINER or BINARY: what it is ("an SQLite database", "binary
   *  data") and how to get washable text out of it. Static strings. */
  const char *what;
  const char *way_out;
  size_t binary_at;              /**< with BINARY: the first byte that is not text */
} dkcpr_sniffed;

/**
 * Classify an input by its first bytes, so nothing is washed as text that
 * is not text: compression by magic number, then containers (pg_dump
 * archives, SQLite, zip/xlsx/docx/ods, OLE2, PDF, tar, 7z, rar, Parquet,
 * Avro, images), then text by its BOM, by where NUL bytes fall (UTF-16 and
 * UTF-32 without BOM), or by whether it is UTF-8 (else Windows-1252).
 * @param head    the first DKCPR_SNIFF_BYTES bytes, or the whole input.
 * @param at_eof  non-zero when head is the whole input (a sequence cut at
 *                its end is then evidence of binary data).
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_ARG (unknown version).
 */
DKCPR_API dkcpr_status dkcpr_sniff(dkcpr_sniffed *out, const void *head,
                                   size_t head_len, int at_eof);

/** "gzip", "zstd", "xz", "bzip2", or "uncompressed". */
DKCPR_API const char *dkcpr_compression_name(dkcpr_compression c);

/* ------------------------------------------------------------------------ */
/* Washing structured data: CSV, TSV, JSON, JSON Lines, SQL dumps, HL7 v2,  */
/* XML, fixed-width records                                                 */
/* ------------------------------------------------------------------------ */

/** The structure a structured washer reads. */
typedef enum dkcpr_data_format {
  DKCPR_DATA_TEXT = 0,  /**< no structure: the text washer's behaviour */
  DKCPR_DATA_CSV = 1,   /**< RFC 4180, comma; the first record names the fields */
  DKCPR_DATA_TSV = 2,   /**< the same with tabs */
  DKCPR_DATA_JSON = 3,  /**< one JSON value (RFC 8259) */
  DKCPR_DATA_JSONL = 4, /**< JSON values one after another (JSON Lines) */
  /** An SQL dump: pg_dump plain output (COPY blocks, INSERT statements) or a
   *  MySQL/MariaDB dump; columns named by COPY/INSERT column lists or by
   *  CREATE TABLE, integer columns known from CREATE TABLE. */
  DKCPR_DATA_SQL = 5,
  /** HL7 version 2 messages (pipe-and-hat encoding, delimiters from MSH);
   *  fields named as rules write them (PID-3, PID-5.1); an identifier whose
   *  assigning authority or type is CPR (or the CPR OID) holds a CPR number. */
  DKCPR_DATA_HL7 = 6,
  /** XML 1.0 in UTF-8, checked with expat; a field is an element (its text)
   *  or an attribute, named by its local name; an identifier whose root or
   *  system is the CPR OID (HL7 CDA, FHIR) holds a CPR number. */
  DKCPR_DATA_XML = 7,
  /** Fixed-width records, one a line (such as CPR-register extracts), by
   *  the `layout:` of the rules (dkcpr_struct_options.rules), which this
   *  format needs; a field whose name means CPR is a CPR number inside any
   *  run of digits. Every value keeps its width: the token and redact modes
   *  are refused (DKCPR_E_ARG). */
  DKCPR_DATA_FIXED = 8
} dkcpr_data_format;

/** Short lower-case name ("text", "csv", "tsv", "json", "jsonl", "sql", "hl7", "xml",
 *  "fixed"); never NULL. */
DKCPR_API const char *dkcpr_data_format_name(dkcpr_data_format f);

/**
 * The structure an input most likely has: by its name's extension (`.csv`,
 * `.tsv`, `.tab`, `.json`, `.jsonl`, `.ndjson`, `.sql`, `.hl7`, `.xml`, also
 * under `.gz`, `.zst`, `.xz`, `.bz2`), else by its first bytes (JSON, JSON
 * Lines, HL7 v2, XML, a SQL dump, TSV, CSV), else ::DKCPR_DATA_TEXT. What `dkcpr wash --format=auto`
 * uses.
 * @param name      a file name or path (not NUL-terminated); NULL for none
 * @param head      the input's first bytes (4 KiB or more is plenty); may be NULL
 */
DKCPR_API dkcpr_data_format dkcpr_data_format_guess(const char *name, size_t name_len,
                                                    const void *head, size_t head_len);

/** Rules for washing by structure, read from YAML (docs/rules.md): which
 *  fields hold CPR numbers, which are redacted or emptied, and companions
 *  (birth date, birth year, age, sex) written from the row's CPR number so
 *  the row stays consistent. Immutable; may be shared between threads. */
typedef struct dkcpr_rules dkcpr_rules;

#define DKCPR_STRUCT_OPTIONS_VERSION 2

/** Structured washer options. Initialise with dkcpr_struct_options_init(). */
typedef struct dkcpr_struct_options {
  unsigned int version;       /**< DKCPR_STRUCT_OPTIONS_VERSION */
  dkcpr_data_format format;   /**< default DKCPR_DATA_TEXT */
  /** More field names that hold CPR numbers, comma-separated, compared as
   *  the built-in names are (case, '_', '-', '.' and spaces ignored); NULL
   *  for none. Copied by dkcpr_struct_washer_new(). */
  const char *cpr_fields;
  size_t cpr_fields_len;
  /** Version 2: rules (NULL for none), copied by dkcpr_struct_washer_new().
   *  Rules other than cpr need a format other than DKCPR_DATA_TEXT (else
   *  dkcpr_struct_washer_new() is DKCPR_E_ARG). */
  const dkcpr_rules *rules;
} dkcpr_struct_options;

/** Defaults as documented on the fields. @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_ARG. */
DKCPR_API dkcpr_status dkcpr_struct_options_init(dkcpr_struct_options *opts,
                                                 unsigned int version);

/**
 * 1 when a field name means a CPR number (cpr, cpr_nr, cprNr, personnummer,
 * PersonCivilRegistrationIdentifier, patient_cpr, ...), else 0.
 */
DKCPR_API int dkcpr_field_is_cpr(const char *name, size_t name_len);

#define DKCPR_STRUCT_COUNTS_VERSION 3

/** What a structured washer did with the values of CPR fields. Set version before the call. */
typedef struct dkcpr_struct_counts {
  unsigned int version;   /**< DKCPR_STRUCT_COUNTS_VERSION */
  uint64_t values;        /**< non-empty values in CPR fields */
  uint64_t replaced;      /**< of them, replaced (pseudonym mode: reversibly) */
  uint64_t irreversible;  /**< of them, given the fallback, or written so that reveal
                               cannot give the bytes back (docs/structured.md) */
  uint64_t unrecognised;  /**< of them, not a CPR number: washed as text */
  uint64_t failed;        /**< of them, left unchanged (reveal of a non-pseudonym) */
  uint64_t integers;      /**< values written as integers (nine digits, JSON numbers) */
  /* Version 2: the values of fields with a rule other than cpr. */
  uint64_t rule_values;   /**< non-empty values rewritten by a rule */
  uint64_t rule_unusable; /**< of them, companions in a row without a CPR number
                               (or where the mode writes none): given the placeholder */
  uint64_t rule_irreversible; /**< of them, not given back by reveal: redacted, emptied,
                                   or a companion that did not agree with its row */
  /* Version 3. */
  uint64_t rule_unmatched; /**< rules that named no field of the input so far (a
                                typo, or a table.column the format has not):
                                dkcpr_struct_washer_rule_matched() says which */
} dkcpr_struct_counts;

#define DKCPR_STRUCT_ERROR_VERSION 1

/** Where the input stopped parsing. Set version before the call. */
typedef struct dkcpr_struct_error {
  unsigned int version;  /**< DKCPR_STRUCT_ERROR_VERSION */
  uint64_t offset;       /**< byte offset from the stream start */
  uint64_t line;         /**< 1-based */
  uint64_t column;       /**< 1-based, in characters */
  const char *message;   /**< static English text, e.g. "quote inside an unquoted field" */
} dkcpr_struct_error;

/**
 * A streaming washer that reads the input's structure: a value in a field
 * that means CPR is a CPR number at high confidence in any written form
 * (nine-digit integers included); integers stay integers (a JSON number's
 * pseudonym has no leading zero, a nine-digit number stays nine digits, and
 * reveal reads them back); everything else, the other fields included, is
 * washed as text by the text washer. Every byte outside rewritten values is
 * kept. Memory is bounded whatever the input. One thread at a time; the
 * pseudonymizer may be shared.
 */
typedef struct dkcpr_struct_washer dkcpr_struct_washer;

/**
 * Create a structured washer.
 * @param p      the pseudonymizer (not owned, must outlive the washer); may
 *               be NULL for the mask and redact modes.
 * @param scan   what is found in text, as for dkcpr_washer_new (NULL: defaults).
 * @param wash   how numbers are replaced, the fallback included, used for
 *               every value (NULL: defaults).
 * @param opts   NULL: defaults (the text format).
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_ARG, DKCPR_E_NOMEM.
 */
DKCPR_API dkcpr_status dkcpr_struct_washer_new(dkcpr_struct_washer **out,
                                               const dkcpr_pseudonymizer *p,
                                               const dkcpr_scan_options *scan,
                                               const dkcpr_wash_options *wash,
                                               const dkcpr_struct_options *opts);

/** Free a structured washer; NULL is a no-op. */
DKCPR_API void dkcpr_struct_washer_free(dkcpr_struct_washer *w);

/** Bytes of output room that a feed of in_len bytes (or finish, in_len 0) may need. */
DKCPR_API size_t dkcpr_struct_washer_bound(const dkcpr_struct_washer *w,
                                           size_t in_len);

/**
 * Wash the next chunk (any size). Output lags input by a bounded amount.
 * @param out_cap  at least dkcpr_struct_washer_bound(w, in_len).
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_BUFSIZE (nothing consumed),
 *   DKCPR_E_SYNTAX (the input is not in the format: see
 *   dkcpr_struct_washer_error; the washer is then finished), DKCPR_E_STATE,
 *   DKCPR_E_NOMEM.
 */
DKCPR_API dkcpr_status dkcpr_struct_washer_feed(char *out, size_t out_cap,
                                                size_t *out_len,
                                                dkcpr_struct_washer *w,
                                                const char *in, size_t in_len);

/** The end of the input: flush what was held back. Same contract as feed. */
DKCPR_API dkcpr_status dkcpr_struct_washer_finish(char *out, size_t out_cap,
                                                  size_t *out_len,
                                                  dkcpr_struct_washer *w);

/**
 * Counts so far: every number replaced, the text washer's and the CPR
 * fields' (those at high confidence). found = replaced + failed +
 * irreversible. A number is irreversible when it got the fallback, or when
 * its pseudonym is written in a form reveal does not give back byte for
 * byte: a nine-digit text value whose pseudonym has ten digits, an SQL
 * integer written with a leading zero, an integer outside a CPR field whose
 * pseudonym has nine digits (without nine_digits).
 * @param[out] stats   may be NULL.
 * @param[out] counts  may be NULL; its version set by the caller.
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_ARG (unknown counts version).
 */
DKCPR_API dkcpr_status dkcpr_struct_washer_stats(dkcpr_wash_stats *stats,
                                                 dkcpr_struct_counts *counts,
                                                 const dkcpr_struct_washer *w);

/**
 * Whether rule i of the washer's rules (dkcpr_rules_field(), in the rules
 * file's order) named a field of the input read so far: a column, key,
 * element or attribute, whether or not a value of it was rewritten.
 * @return 1 when it did; 0 when not, or when w is NULL or i out of range.
 */
DKCPR_API int dkcpr_struct_washer_rule_matched(const dkcpr_struct_washer *w, size_t i);

/**
 * Take up a stream in the middle: before the first feed, give the washer
 * bytes that come before its input, so that it washes a part of a stream
 * (on another thread, say) as one washer over the whole stream would, its
 * output and counts those of the part. The bytes are parsed and read for
 * context (words before a number, a CSV header), never written or counted.
 * Give the stream's first record (CSV's and TSV's header, a JSON Lines
 * value, a JSON array's "[" and first item; for SQL, the statements before
 * the COPY data, which tell the columns), then the records just before the
 * input (about 16 KiB of them): whole records of the data (CSV records
 * after the header, JSON Lines values, a JSON array's object items each
 * with the comma before it, lines of COPY data) may be left out between
 * them, nothing else. May be called several times; each call's bytes follow
 * the last's. JSON other than an array of objects and the other formats
 * cannot be taken up so. A part of SQL ends inside COPY data, where finish
 * says the input ended too soon: feed a line "\." first, and take it off
 * the output's end; likewise a part of a JSON array: feed "]".
 * @param[out] at_boundary  may be NULL; 1 when the bytes end where a part
 *   may start (between CSV or TSV records after the header, between JSON
 *   Lines values, just after an object item of a top-level JSON array, at a
 *   line of COPY data), else 0: then the washer is not ready for a part
 *   there.
 * @param offset  the stream offset of the input's first byte; when it equals
 *   all the bytes given, they are taken to be all that came before.
 * @param line  the input's first line (1-based): with offset, where syntax
 *   errors are said to be. Bytes counted in stats start from offset.
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_ARG (a format other than CSV,
 *   TSV, JSON, JSON Lines or SQL), DKCPR_E_STATE (after a feed),
 *   DKCPR_E_SYNTAX (the bytes do not parse; the washer is finished),
 *   DKCPR_E_NOMEM.
 */
DKCPR_API dkcpr_status dkcpr_struct_washer_prime(int *at_boundary, dkcpr_struct_washer *w,
                                                 const char *before, size_t len,
                                                 uint64_t offset, uint64_t line);

/**
 * Where the input failed to parse, after DKCPR_E_SYNTAX.
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_ARG (unknown version),
 *   DKCPR_E_STATE (no syntax error happened).
 */
DKCPR_API dkcpr_status dkcpr_struct_washer_error(dkcpr_struct_error *out,
                                                 const dkcpr_struct_washer *w);

/**
 * Read rules from YAML text (docs/rules.md).
 * @param[out] out  the rules; free with dkcpr_rules_free().
 * @param[out] err  where the text is wrong, after DKCPR_E_SYNTAX (may be
 *                  NULL; its version set by the caller).
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_ARG (unknown err version),
 *   DKCPR_E_SYNTAX (not YAML, an unknown key, field or action, a bad
 *   pattern or date), DKCPR_E_NOMEM.
 */
DKCPR_API dkcpr_status dkcpr_rules_parse(dkcpr_rules **out, dkcpr_struct_error *err,
                                         const char *text, size_t text_len);

/** Free rules; NULL is a no-op. */
DKCPR_API void dkcpr_rules_free(dkcpr_rules *rules);

/** How many field rules the rules have (the entries of `fields:`); 0 for NULL. */
DKCPR_API size_t dkcpr_rules_count(const dkcpr_rules *rules);

/**
 * Field rule i (0 to dkcpr_rules_count() - 1, in the file's order): its
 * field name as the rules file writes it (`b.navn`; cut at 255 bytes) and
 * its line there, for messages such as a rule that matched nothing.
 * @param[out] name  NUL-terminated, owned by rules (valid until they are freed).
 * @param[out] line  1-based.
 * @return DKCPR_OK, DKCPR_E_NULL, DKCPR_E_ARG (i out of range).
 */
DKCPR_API dkcpr_status dkcpr_rules_field(const char **name, uint64_t *line,
                                         const dkcpr_rules *rules, size_t i);

#ifdef __cplusplus
}
#endif

#endif /* DKCPR_H */
