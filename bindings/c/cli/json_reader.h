/* Reading the library's own JSON output (compact, valid, keys in a fixed
 * order): just enough to find members and elements and to decode strings, for
 * the human outputs of validate and parse-task. Not a parser of untrusted JSON:
 * every input here was written by libanalyze. */
#ifndef ANALYZE_CLI_JSON_READER_H
#define ANALYZE_CLI_JSON_READER_H

#include <stddef.h>

/* The end of the JSON value starting at p. */
const char *cli_json_skip_value(const char *p);

/* The value of member `key` of the object at p, or NULL (also when p is NULL or not an object). */
const char *cli_json_member(const char *p, const char *key);

/* The first element of the array at p, or NULL when p is not an array or it is empty. */
const char *cli_json_first(const char *p);

/* The element after the one at p, or NULL at the end of the array. */
const char *cli_json_next(const char *p);

/* Decodes the JSON string at p (at its opening quote) into out, NUL-terminated,
 * at most size-1 bytes, escapes turned into UTF-8; "" when p is not a string. */
void cli_json_decode(const char *p, char *out, size_t size);

#endif
