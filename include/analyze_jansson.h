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

/* Internal: like analyze__jansson_dump(), but a NULL value gives a NULL text (no options/headers). */
static inline int analyze__jansson_dump_optional(const json_t *json, char **text, analyze_error_t *err) {
  *text = NULL;
  if (json == NULL) return ANALYZE_OK;
  return analyze__jansson_dump(json, text, err);
}

/* Internal: the signature shared by the (input JSON, options JSON) -> JSON functions. */
typedef int (*analyze__json_options_fn)(char **, const char *, size_t, const char *, size_t, analyze_error_t *);

/* Internal: the body of every twin of an analyze__json_options_fn. `input`
 * may be NULL only when input_optional is non-zero; `options` may be NULL. */
static inline int analyze__jansson_call(analyze__json_options_fn fn, json_t **out, const char *out_is_null,
                                        const json_t *input, int input_optional, const json_t *options,
                                        analyze_error_t *err) {
  char *text = NULL, *options_text = NULL, *result = NULL;
  int rc;
  if (out == NULL) return analyze__jansson_fail(ANALYZE_EINVAL, out_is_null, err);
  *out = NULL;
  rc = input_optional ? analyze__jansson_dump_optional(input, &text, err) : analyze__jansson_dump(input, &text, err);
  if (rc != ANALYZE_OK) return rc;
  rc = analyze__jansson_dump_optional(options, &options_text, err);
  if (rc == ANALYZE_OK)
    rc = fn(&result, text, text ? strlen(text) : 0, options_text, options_text ? strlen(options_text) : 0, err);
  free(text);
  free(options_text);
  if (rc != ANALYZE_OK) return rc;
  return analyze__jansson_load(out, result, err);
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

/**
 * json_t twin of analyze_request_validate(): `*report` is the report object.
 * `options` may be NULL. Returns the codes of analyze_request_validate(), and
 * ANALYZE_EINVAL when report or request is NULL.
 * Ownership: `request`, `options` borrowed; `*report` new reference (json_decref).
 */
static inline int analyze_request_validate_jansson(json_t **report, const json_t *request,
                                                   const json_t *options, analyze_error_t *err) {
  return analyze__jansson_call(analyze_request_validate, report, "report is NULL", request, 0, options, err);
}

/**
 * json_t twin of analyze_request_build(): `*http_request` is the HTTP request
 * object ({"method","url","headers","body"}; "body" is a string of JSON text).
 * Returns the codes of analyze_request_build(), and ANALYZE_EINVAL when
 * http_request, request or options is NULL.
 * Ownership: `request`, `options` borrowed; `*http_request` new reference (json_decref).
 */
static inline int analyze_request_build_jansson(json_t **http_request, const json_t *request,
                                                const json_t *options, analyze_error_t *err) {
  return analyze__jansson_call(analyze_request_build, http_request, "http_request is NULL", request, 0, options, err);
}

/* Internal: the shared body of the task-id and batch-id builders' twins;
 * `id_is_null` is the message for a NULL id. */
static inline int analyze__jansson_id_request(analyze__json_options_fn build, json_t **out, const char *task_id,
                                              const char *id_is_null, const json_t *options, analyze_error_t *err) {
  char *opts, *result;
  int rc;
  if (out == NULL) return analyze__jansson_fail(ANALYZE_EINVAL, "out is NULL", err);
  *out = NULL;
  if (task_id == NULL) return analyze__jansson_fail(ANALYZE_EINVAL, id_is_null, err);
  rc = analyze__jansson_dump_optional(options, &opts, err);
  if (rc != ANALYZE_OK) return rc;
  rc = build(&result, task_id, strlen(task_id), opts, opts ? strlen(opts) : 0, err);
  free(opts);
  if (rc != ANALYZE_OK) return rc;
  return analyze__jansson_load(out, result, err);
}

/**
 * json_t twin of analyze_request_build_retrieve(): `task_id` is a
 * NUL-terminated UTF-8 string, `*out` the HTTP request object. Returns the
 * codes of analyze_request_build_retrieve(), and ANALYZE_EINVAL when out or
 * task_id is NULL.
 * Ownership: `task_id`, `options` borrowed; `*out` new reference (json_decref).
 */
static inline int analyze_request_build_retrieve_jansson(json_t **out, const char *task_id, const json_t *options,
                                                         analyze_error_t *err) {
  return analyze__jansson_id_request(analyze_request_build_retrieve, out, task_id, "task_id is NULL", options, err);
}

/**
 * json_t twin of analyze_request_build_delete(); as
 * analyze_request_build_retrieve_jansson().
 * Ownership: `task_id`, `options` borrowed; `*out` new reference (json_decref).
 */
static inline int analyze_request_build_delete_jansson(json_t **out, const char *task_id, const json_t *options,
                                                       analyze_error_t *err) {
  return analyze__jansson_id_request(analyze_request_build_delete, out, task_id, "task_id is NULL", options, err);
}

/**
 * json_t twin of analyze_request_build_cancel(); as
 * analyze_request_build_retrieve_jansson().
 * Ownership: `task_id`, `options` borrowed; `*out` new reference (json_decref).
 */
static inline int analyze_request_build_cancel_jansson(json_t **out, const char *task_id, const json_t *options,
                                                       analyze_error_t *err) {
  return analyze__jansson_id_request(analyze_request_build_cancel, out, task_id, "task_id is NULL", options, err);
}

/**
 * json_t twin of analyze_batch_validate(): `*report` is the report object.
 * Returns the codes of analyze_batch_validate(), and ANALYZE_EINVAL when
 * report or batch is NULL.
 * Ownership: `batch`, `options` borrowed; `*report` new reference (json_decref).
 */
static inline int analyze_batch_validate_jansson(json_t **report, const json_t *batch, const json_t *options,
                                                 analyze_error_t *err) {
  return analyze__jansson_call(analyze_batch_validate, report, "report is NULL", batch, 0, options, err);
}

/**
 * json_t twin of analyze_request_build_batch_create(): `*out` is the HTTP
 * request object. Returns its codes, and ANALYZE_EINVAL when out or batch is NULL.
 * Ownership: `batch`, `options` borrowed; `*out` new reference (json_decref).
 */
static inline int analyze_request_build_batch_create_jansson(json_t **out, const json_t *batch, const json_t *options,
                                                             analyze_error_t *err) {
  return analyze__jansson_call(analyze_request_build_batch_create, out, "out is NULL", batch, 0, options, err);
}

/**
 * json_t twin of analyze_request_build_batch_list(): `query` may be NULL.
 * Ownership: `query`, `options` borrowed; `*out` new reference (json_decref).
 */
static inline int analyze_request_build_batch_list_jansson(json_t **out, const json_t *query, const json_t *options,
                                                           analyze_error_t *err) {
  return analyze__jansson_call(analyze_request_build_batch_list, out, "out is NULL", query, 1, options, err);
}

/**
 * json_t twins of analyze_request_build_batch_retrieve(), _cancel(), _delete()
 * and _results(); as analyze_request_build_retrieve_jansson().
 * Ownership: `batch_id`, `options` borrowed; `*out` new reference (json_decref).
 */
static inline int analyze_request_build_batch_retrieve_jansson(json_t **out, const char *batch_id, const json_t *options,
                                                               analyze_error_t *err) {
  return analyze__jansson_id_request(analyze_request_build_batch_retrieve, out, batch_id, "batch_id is NULL", options, err);
}
/** See analyze_request_build_batch_retrieve_jansson(). */
static inline int analyze_request_build_batch_cancel_jansson(json_t **out, const char *batch_id, const json_t *options,
                                                             analyze_error_t *err) {
  return analyze__jansson_id_request(analyze_request_build_batch_cancel, out, batch_id, "batch_id is NULL", options, err);
}
/** See analyze_request_build_batch_retrieve_jansson(). */
static inline int analyze_request_build_batch_delete_jansson(json_t **out, const char *batch_id, const json_t *options,
                                                             analyze_error_t *err) {
  return analyze__jansson_id_request(analyze_request_build_batch_delete, out, batch_id, "batch_id is NULL", options, err);
}
/** See analyze_request_build_batch_retrieve_jansson(). */
static inline int analyze_request_build_batch_results_jansson(json_t **out, const char *batch_id, const json_t *options,
                                                              analyze_error_t *err) {
  return analyze__jansson_id_request(analyze_request_build_batch_results, out, batch_id, "batch_id is NULL", options, err);
}

/**
 * json_t twin of analyze_batch_results_parse(): `body` is the raw JSON Lines
 * text (NUL-terminated; not JSON, so not a json_t), `*out` the parsed object.
 * Ownership: `body`, `options` borrowed; `*out` new reference (json_decref).
 */
static inline int analyze_batch_results_parse_jansson(json_t **out, const char *body, const json_t *options,
                                                      analyze_error_t *err) {
  char *options_text = NULL, *result = NULL;
  int rc;
  if (out == NULL) return analyze__jansson_fail(ANALYZE_EINVAL, "out is NULL", err);
  *out = NULL;
  if (body == NULL) return analyze__jansson_fail(ANALYZE_EINVAL, "body is NULL", err);
  rc = analyze__jansson_dump_optional(options, &options_text, err);
  if (rc == ANALYZE_OK)
    rc = analyze_batch_results_parse(&result, body, strlen(body), options_text, options_text ? strlen(options_text) : 0, err);
  free(options_text);
  if (rc != ANALYZE_OK) return rc;
  return analyze__jansson_load(out, result, err);
}

/**
 * json_t twin of analyze_api_revisions(): `*out` is the revisions object.
 * Returns the codes of analyze_api_revisions().
 * Ownership: `*out` new reference (json_decref).
 */
static inline int analyze_api_revisions_jansson(json_t **out, analyze_error_t *err) {
  char *text = NULL;
  int rc;
  if (out == NULL) return analyze__jansson_fail(ANALYZE_EINVAL, "out is NULL", err);
  *out = NULL;
  rc = analyze_api_revisions(&text, err);
  if (rc != ANALYZE_OK) return rc;
  return analyze__jansson_load(out, text, err);
}

/**
 * json_t twin of analyze_request_build_list(): `query` may be NULL (no
 * filters). Returns the codes of analyze_request_build_list(), and
 * ANALYZE_EINVAL when out is NULL.
 * Ownership: `query`, `options` borrowed; `*out` new reference (json_decref).
 */
static inline int analyze_request_build_list_jansson(json_t **out, const json_t *query, const json_t *options,
                                                     analyze_error_t *err) {
  return analyze__jansson_call(analyze_request_build_list, out, "out is NULL", query, 1, options, err);
}


/* ---- Responses, tasks, segments and webhook events --------------------- */

/**
 * json_t twin of analyze_response_parse(): headers and options are json_t
 * objects (NULL for none); the body stays raw bytes, since an error body need
 * not be JSON. `*out` is the normalized result, or with ANALYZE_EAPI the API
 * error object (set in that case too). Returns the codes of
 * analyze_response_parse(), and ANALYZE_EINVAL when out is NULL.
 * Ownership: inputs borrowed; `*out` new reference (json_decref), also with ANALYZE_EAPI.
 */
static inline int analyze_response_parse_jansson(json_t **out, int kind, int http_status,
                                                 const json_t *headers, const char *body, size_t body_len,
                                                 const json_t *options, analyze_error_t *err) {
  char *headers_text, *options_text, *result = NULL;
  int rc, load_rc;
  if (out == NULL) return analyze__jansson_fail(ANALYZE_EINVAL, "out is NULL", err);
  *out = NULL;
  rc = analyze__jansson_dump_optional(headers, &headers_text, err);
  if (rc != ANALYZE_OK) return rc;
  rc = analyze__jansson_dump_optional(options, &options_text, err);
  if (rc != ANALYZE_OK) {
    free(headers_text);
    return rc;
  }
  rc = analyze_response_parse(&result, kind, http_status, headers_text, headers_text ? strlen(headers_text) : 0,
                              body, body_len, options_text, options_text ? strlen(options_text) : 0, err);
  free(headers_text);
  free(options_text);
  if (result == NULL) return rc;
  load_rc = analyze__jansson_load(out, result, rc == ANALYZE_OK ? err : NULL);
  return load_rc != ANALYZE_OK ? load_rc : rc;
}

/**
 * json_t twin of analyze_task_parse(): `task` is the task body, `options`
 * the options object or NULL. Returns the codes of analyze_task_parse(), and
 * ANALYZE_EINVAL when out or task is NULL.
 * Ownership: inputs borrowed; `*out` new reference (json_decref).
 */
static inline int analyze_task_parse_jansson(json_t **out, const json_t *task, const json_t *options,
                                             analyze_error_t *err) {
  return analyze__jansson_call(analyze_task_parse, out, "out is NULL", task, 0, options, err);
}

/**
 * json_t twin of analyze_segments_export(): the task body is a json_t; the
 * output is text (WebVTT, CSV or JSON), as from analyze_segments_export().
 * Returns its codes, and ANALYZE_EINVAL when out or task is NULL.
 * Ownership: inputs borrowed; `*out` is new, release it with analyze_free().
 */
static inline int analyze_segments_export_jansson(char **out, const json_t *task, const char *format,
                                                  const json_t *options, analyze_error_t *err) {
  char *text, *options_text;
  int rc;
  if (out == NULL) return analyze__jansson_fail(ANALYZE_EINVAL, "out is NULL", err);
  *out = NULL;
  rc = analyze__jansson_dump(task, &text, err);
  if (rc != ANALYZE_OK) return rc;
  rc = analyze__jansson_dump_optional(options, &options_text, err);
  if (rc == ANALYZE_OK)
    rc = analyze_segments_export(out, text, strlen(text), format, options_text,
                                 options_text ? strlen(options_text) : 0, err);
  free(text);
  free(options_text);
  return rc;
}

/**
 * json_t twin of analyze_segments_hls() for part "all" (the default): `*out`
 * is the {"media","playlist","segments"} object. The text parts ("playlist",
 * "media", "segment") are not JSON: ask analyze_segments_hls() for them (here
 * they fail with ANALYZE_EJSON). Returns the codes of analyze_segments_hls(),
 * and ANALYZE_EINVAL when out or task is NULL.
 * Ownership: inputs borrowed; `*out` new reference (json_decref).
 */
static inline int analyze_segments_hls_jansson(json_t **out, const json_t *task, const json_t *options,
                                               analyze_error_t *err) {
  return analyze__jansson_call(analyze_segments_hls, out, "out is NULL", task, 0, options, err);
}

/**
 * json_t twin of analyze_webhook_parse(). Verify the signature on the raw
 * bytes before building the json_t. Returns the codes of
 * analyze_webhook_parse(), and ANALYZE_EINVAL when out or event is NULL.
 * Ownership: inputs borrowed; `*out` new reference (json_decref).
 */
static inline int analyze_webhook_parse_jansson(json_t **out, const json_t *event, const json_t *options,
                                                analyze_error_t *err) {
  return analyze__jansson_call(analyze_webhook_parse, out, "out is NULL", event, 0, options, err);
}


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
