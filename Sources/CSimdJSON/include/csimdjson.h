/* A C view of simdjson's DOM for Swift: error codes only, no exceptions.
 *
 * Elements and iterators are opaque 16-byte copies of simdjson's own value
 * types (simdjson::dom::element and its iterators); they stay valid while the
 * document that produced them is alive. */
#ifndef CSIMDJSON_H
#define CSIMDJSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A parsed document: owns the parser, its tape and its string buffer. */
typedef struct csj_document csj_document;

/** An element of a document (a copy of simdjson::dom::element). */
typedef struct csj_element { uint64_t opaque[2]; } csj_element;

/** A position inside an array or an object (a copy of simdjson's iterator). */
typedef struct csj_iterator { uint64_t opaque[2]; } csj_iterator;

/** The type of an element, as simdjson's element_type characters. */
typedef enum csj_type {
  CSJ_ARRAY = '[',
  CSJ_OBJECT = '{',
  CSJ_INT64 = 'l',
  CSJ_UINT64 = 'u',
  CSJ_DOUBLE = 'd',
  CSJ_STRING = '"',
  CSJ_BOOL = 't',
  CSJ_NULL = 'n'
} csj_type;

/** Parses `len` bytes at `buf` (copied into a padded buffer), nesting at most
 * `max_depth` deep. Returns 0 and sets `*out_doc`/`*out_root`, or a simdjson
 * error code (then `*out_doc` is NULL). `CSJ_ALLOCATION_FAILED` when memory runs out. */
int csj_parse(const char *buf, size_t len, size_t max_depth,
              csj_document **out_doc, csj_element *out_root);

/** The simdjson error code for an allocation failure. */
extern const int CSJ_ALLOCATION_FAILED;
/** The simdjson error code for nesting deeper than the maximum depth. */
extern const int CSJ_DEPTH_ERROR;

/** Releases a document; NULL is allowed. */
void csj_document_free(csj_document *doc);

/** simdjson's static text for an error code. */
const char *csj_error_message(int code);

csj_type csj_element_type(csj_element e);
int64_t csj_get_int64(csj_element e);
uint64_t csj_get_uint64(csj_element e);
double csj_get_double(csj_element e);
bool csj_get_bool(csj_element e);
/** The string's bytes (not NUL-terminated inside JSON strings with \u0000); `*len` gets its length. */
const char *csj_get_string(csj_element e, size_t *len);

/** Iteration over an array or an object: from `begin` to `end`. */
csj_iterator csj_begin(csj_element container);
csj_iterator csj_end(csj_element container);
/** One step of an array iterator, in one call: false when `*it` is `end`;
 * otherwise `*value` gets the element it points at and `*it` advances. */
bool csj_array_step(csj_iterator *it, csj_iterator end, csj_element *value);
/** One step of an object iterator, in one call: false when `*it` is `end`;
 * otherwise `*key`/`*len` get the member's key bytes, `*value` its value, and
 * `*it` advances. */
bool csj_object_step(csj_iterator *it, csj_iterator end, const char **key, size_t *len,
                     csj_element *value);

#ifdef __cplusplus
}
#endif
#endif
