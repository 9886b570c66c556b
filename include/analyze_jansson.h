/*
 * analyze_jansson.h — jansson (json_t *) twins of the string functions of analyze.h.
 *
 * Everything here is static inline and compiled in the host against the
 * host's own jansson: libanalyze itself does not link jansson, so the host and
 * the library never share an allocator or a struct layout. Each twin
 * serializes its json_t input with json_dumps(), calls the string function,
 * and reads the result back with json_loads().
 *
 * Ownership: a `const json_t *` input is borrowed, never stolen or changed.
 * A `json_t **out` receives a new reference (NULL on failure) that the caller
 * releases with json_decref().
 *
 * Include <jansson.h> (or let this header do it) and link the host with
 * -ljansson in addition to -lanalyze.
 */
#ifndef ANALYZE_JANSSON_H
#define ANALYZE_JANSSON_H

#include <jansson.h>
#include <string.h>

#include "analyze.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Internal: fills err (if any) for a failure that happened on the host side. */
static inline int analyze__jansson_fail(int code, const char *message, analyze_error_t *err) {
  if (err != NULL) {
    memset(err, 0, sizeof *err);
    err->code = code;
    err->position = -1;
    strncpy(err->message, message, ANALYZE_ERROR_MESSAGE_LENGTH - 1);
  }
  return code;
}

/* Internal: json_t -> compact text (caller frees with free()). */
static inline int analyze__jansson_dump(const json_t *json, char **text, analyze_error_t *err) {
  *text = NULL;
  if (json == NULL) return analyze__jansson_fail(ANALYZE_EINVAL, "json is NULL", err);
  *text = json_dumps(json, JSON_COMPACT | JSON_ENCODE_ANY | JSON_PRESERVE_ORDER);
  if (*text == NULL) return analyze__jansson_fail(ANALYZE_EJSON, "jansson could not serialize the value", err);
  return ANALYZE_OK;
}

/* Internal: library text -> json_t; releases the text with analyze_free(). */
static inline int analyze__jansson_load(json_t **out, char *text, analyze_error_t *err) {
  json_error_t jerr;
  *out = json_loads(text, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
  analyze_free(text);
  if (*out == NULL) return analyze__jansson_fail(ANALYZE_EJSON, "jansson could not read the library's output", err);
  return ANALYZE_OK;
}

/**
 * json_t twin of analyze_json_normalize(): `*out` is a new value equal to
 * `json` after a round trip through the library's reader and writer.
 * Returns the codes of analyze_json_normalize(), and ANALYZE_EINVAL when
 * out or json is NULL.
 * Ownership: `json` borrowed; `*out` new reference (json_decref).
 */
static inline int analyze_json_normalize_jansson(json_t **out, const json_t *json, analyze_error_t *err) {
  char *text, *result;
  int rc;
  if (out == NULL) return analyze__jansson_fail(ANALYZE_EINVAL, "out is NULL", err);
  *out = NULL;
  rc = analyze__jansson_dump(json, &text, err);
  if (rc != ANALYZE_OK) return rc;
  rc = analyze_json_normalize(&result, text, strlen(text), err);
  free(text);
  if (rc != ANALYZE_OK) return rc;
  return analyze__jansson_load(out, result, err);
}

/* ---- Requests: validation and HTTP request building -------------------- */

/* ---- Responses, tasks, segments and webhook events --------------------- */

/* ---- Webhook signatures and polling ------------------------------------ */

/*
 * analyze_webhook_verify() and analyze_webhook_sign() have no json_t twins on
 * purpose: a signature covers the raw body bytes, and a body that went
 * through json_t and back is not those bytes.
 */

/**
 * json_t twin of analyze_poll_next(): `*out` is the decision object
 * {"done", "delay_ms", "reason", "message"}.
 * @param state    the task or API error object (borrowed).
 * @param options  the options object, or NULL for the defaults (borrowed).
 * Returns the codes of analyze_poll_next(), and ANALYZE_EINVAL when out or
 * state is NULL.
 * Ownership: `state` and `options` borrowed; `*out` new reference (json_decref).
 */
static inline int analyze_poll_next_jansson(json_t **out, const json_t *state, unsigned attempt,
                                            const json_t *options, analyze_error_t *err) {
  char *state_text, *options_text = NULL, *result;
  int rc;
  if (out == NULL) return analyze__jansson_fail(ANALYZE_EINVAL, "out is NULL", err);
  *out = NULL;
  rc = analyze__jansson_dump(state, &state_text, err);
  if (rc != ANALYZE_OK) return rc;
  if (options != NULL) {
    rc = analyze__jansson_dump(options, &options_text, err);
    if (rc != ANALYZE_OK) {
      free(state_text);
      return rc;
    }
  }
  rc = analyze_poll_next(&result, state_text, strlen(state_text), attempt, options_text,
                         options_text ? strlen(options_text) : 0, err);
  free(state_text);
  free(options_text);
  if (rc != ANALYZE_OK) return rc;
  return analyze__jansson_load(out, result, err);
}

#ifdef __cplusplus
}
#endif
#endif /* ANALYZE_JANSSON_H */
