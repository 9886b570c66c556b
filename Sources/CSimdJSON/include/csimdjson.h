/* A C view of simdjson's DOM for Swift: one call parses, and hands back the
 * document's tape and string buffer, which Swift then reads on its own
 * (Sources/AnalyzeCore/JSON/JSONTape.swift). Error codes only, no exceptions.
 *
 * The tape format is simdjson's (3.x, documented in simdjson's
 * doc/tape.md and in `simdjson::internal::tape_type`): 64-bit words, the top
 * 8 bits a type character, the low 56 bits a payload. Word 0 and the last word
 * are 'r' (payload of word 0: the number of words); the root value
 * starts at word 1. '[' and '{': low 32 bits the index one past the matching
 * ']' / '}', bits 32..55 the element or member count (saturated at 0xFFFFFF).
 * 'l', 'u', 'd': the next word holds the int64, uint64 or double bits. '"':
 * the payload is an offset into the string buffer, where a 4-byte
 * little-endian length, the bytes and a NUL are. 't', 'f', 'n': true, false,
 * null. An object's members are a '"' key word followed by the value. */
#ifndef CSIMDJSON_H
#define CSIMDJSON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A parsed document: owns its tape and its string buffer (nothing else: the
 * parser's copy of the input and its index of structural characters are freed
 * before `csj_parse` returns). */
typedef struct csj_document csj_document;

/** What Swift reads of a parsed document. */
typedef struct csj_tape {
  /** The tape: `count` words. */
  const uint64_t *words;
  /** Number of tape words (word 0 and word `count - 1` are 'r'). */
  size_t count;
  /** The string buffer the '"' words point into. */
  const uint8_t *strings;
  /** The size of the string buffer's allocation: at least the bytes the
   * strings use plus `CSJ_PADDING` (see `csj_parse`). */
  size_t strings_capacity;
} csj_tape;

/** simdjson's SIMDJSON_PADDING: the readable bytes it needs after an input
 * that it is told not to copy. */
extern const size_t CSJ_PADDING;

/** Parses `len` bytes at `buf`, nesting at most `max_depth` deep. When
 * `padded` is 0 the input is copied into a padded buffer first; when it is 1,
 * `buf` must have `CSJ_PADDING` readable bytes after `len` (such as the bytes
 * of a string of another document: its string buffer is allocated with
 * 5 * input / 3 + CSJ_PADDING bytes, while its strings use at most
 * 5 * input / 3 of them). Returns 0 and sets `*out_doc`/`*out_tape`, or a
 * simdjson error code (then `*out_doc` is NULL). `CSJ_ALLOCATION_FAILED` when
 * memory runs out. */
int csj_parse(const char *buf, size_t len, size_t max_depth, int padded,
              csj_document **out_doc, csj_tape *out_tape);

/** The simdjson error code for an allocation failure. */
extern const int CSJ_ALLOCATION_FAILED;
/** The simdjson error code for nesting deeper than the maximum depth. */
extern const int CSJ_DEPTH_ERROR;

/** Releases a document; NULL is allowed. */
void csj_document_free(csj_document *doc);

/** simdjson's static text for an error code. */
const char *csj_error_message(int code);

/** What `csj_check_input_rules` found. */
typedef struct csj_rules {
  /** The nesting depth of the value (a scalar is 0, `[]` is 1). */
  size_t nesting;
  /** One past the last string byte (its NUL) used in the string buffer; 0
   * when the value holds no string. */
  size_t strings_end;
  /** The tape word of the problem: the repeated key's word, or the 'u' word
   * of the integer out of range. */
  size_t position;
} csj_rules;

/** The value has no duplicate key and no integer above INT64_MAX. */
#define CSJ_RULES_OK 0
/** A key repeats an earlier key of its object (`position`: its word). */
#define CSJ_RULES_DUPLICATE_KEY 1
/** An integer above INT64_MAX (`position`: its 'u' word). */
#define CSJ_RULES_INTEGER_RANGE 2
/** Memory ran out (sorting the keys of an object of over 16 members). */
#define CSJ_RULES_OUT_OF_MEMORY 3

/** Checks the rules simdjson does not (input_rules.cpp) over the tape words
 * [`begin`, `end`) of a value of a parsed document, in document order; an
 * object's keys are checked when the pass reaches its '{', before its
 * members' values. Returns one of the `CSJ_RULES_` codes; fills `*out`
 * (`nesting` and `strings_end` only with `CSJ_RULES_OK`). Work is linear in
 * the words, and O(n log n) in the keys of an object of n > 16 members. */
int csj_check_input_rules(const uint64_t *words, const uint8_t *strings, size_t begin, size_t end, csj_rules *out);

/** Reads the text of a JSON string (string_text.cpp) from `*index`, a byte
 * not inside an escape, as long as it is written as JSONWriter writes strings:
 * any byte but the quote, the backslash, the control characters and U+2028 /
 * U+2029, and the two-byte escapes of the quote, the backslash, b, f, n, r and
 * t (each one counted into `*escapes`). Stops, leaving `*index` on it, at the
 * closing quote, at the backslash of an escape of '/' or 'u' (or of an escape
 * cut off by `len`), at a control character or U+2028/U+2029, or at `len`.
 * Reads only the `len` bytes at `text`, 64 at a time (AVX2 when the CPU has
 * it, SSE2 otherwise). */
void csj_skip_plain_string_text(const uint8_t *text, size_t len, size_t *index, size_t *escapes);

/* The same scan with one kernel, for the tests that compare them: 0 byte by
 * byte, 1 SSE2, 2 AVX2. Returns 0, having read nothing, when this build or
 * this CPU has no such kernel (or `text` is NULL); 1 otherwise. */
int csj_skip_plain_string_text_with(int kernel, const uint8_t *text, size_t len, size_t *index, size_t *escapes);

#ifdef __cplusplus
}
#endif
#endif
