/*
 * analyze.h — the C interface of libanalyze.
 *
 * libanalyze models, validates, builds and parses the messages of the
 * asynchronous video-analysis API ("analyze tasks"). It does no network I/O:
 * it turns requests into HTTP requests described as JSON, and turns the HTTP
 * responses, results and webhooks that the host received back into checked,
 * normalized JSON. The host owns the transport, the clock and the threads.
 *
 * Conventions (the header is the contract):
 *
 *  - Every fallible function returns `int`: ANALYZE_OK (0) or one of the
 *    negative ANALYZE_E* codes below. Codes are never renumbered; new ones are
 *    only added. analyze_strerror() gives static text for each.
 *  - Out-parameters come first and are set to NULL on failure. The last
 *    parameter is an optional caller-allocated analyze_error_t (NULL allowed)
 *    that receives the code, a message, the JSON path of the offending field
 *    and, for JSON syntax errors, the byte position, line and column.
 *  - Input strings are (pointer, length) pairs of UTF-8 and need not be
 *    NUL-terminated. They are borrowed for the duration of the call only.
 *  - Every string the library returns is NUL-terminated, allocated by the
 *    library, and released with analyze_free() (which accepts NULL).
 *  - JSON the library returns is compact, keys in a stable order, and readable
 *    by jansson's json_loads() (with JSON_ALLOW_NUL when a string holds
 *    \u0000). It never contains a raw NUL byte.
 *  - No global mutable state and no init function: every function is
 *    reentrant and may be called from any thread at the same time.
 *  - Names are analyze_<noun>_<verb> (analyze_request_validate,
 *    analyze_webhook_verify, analyze_batch_results_parse); builders of HTTP
 *    requests are analyze_request_build[_<endpoint>]. The one older export
 *    without a verb, analyze_idempotency_key(), keeps its name (the ABI is
 *    stable); every new function follows the pattern.
 *
 * JSON input rules (every function that reads JSON):
 *
 *  - RFC 8259 text in valid UTF-8; a document nests at most
 *    ANALYZE_JSON_MAX_DEPTH deep and is at most ANALYZE_INPUT_MAX_BYTES long.
 *  - Duplicate keys in one object are rejected (ANALYZE_EJSON, with the path
 *    of the duplicate): two readers of the same text must never disagree.
 *  - Integers are kept exact when they fit in a signed 64-bit integer (the
 *    range of jansson's json_int_t); larger integers are rejected as
 *    ANALYZE_EJSON rather than silently rounded. Numbers with a fraction or
 *    an exponent are IEEE doubles; one that overflows a double is rejected.
 */
#ifndef ANALYZE_H
#define ANALYZE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Visibility -------------------------------------------------------- */

#if defined(_WIN32)
#define ANALYZE_EXTERN(type) __declspec(dllimport) type
#elif defined(__GNUC__) && __GNUC__ >= 4
#define ANALYZE_EXTERN(type) __attribute__((visibility("default"))) type
#else
#define ANALYZE_EXTERN(type) type
#endif

/* ---- Versions ---------------------------------------------------------- */

#define ANALYZE_VERSION_MAJOR 0
#define ANALYZE_VERSION_MINOR 2
#define ANALYZE_VERSION_PATCH 0
/** MAJOR * 10000 + MINOR * 100 + PATCH. */
#define ANALYZE_VERSION_NUMBER \
  (ANALYZE_VERSION_MAJOR * 10000 + ANALYZE_VERSION_MINOR * 100 + ANALYZE_VERSION_PATCH)
#define ANALYZE_VERSION_STRING "0.2.0"
/** Changes only when the ABI breaks; it is also the SONAME suffix (libanalyze.so.1). */
#define ANALYZE_ABI_VERSION 1

/** Runtime ANALYZE_VERSION_NUMBER of the loaded library. */
ANALYZE_EXTERN(int) analyze_version_number(void);
/** Runtime ANALYZE_VERSION_STRING of the loaded library. Ownership: static, never freed. */
ANALYZE_EXTERN(const char *) analyze_version_string(void);
/** Runtime ANALYZE_ABI_VERSION of the loaded library; a host compares it with the header's. */
ANALYZE_EXTERN(int) analyze_abi_version(void);

/* ---- Limits ------------------------------------------------------------ */

/** Deepest nesting of arrays and objects accepted in any JSON input. */
#define ANALYZE_JSON_MAX_DEPTH 128
/** Largest input, in bytes, accepted by any function (512 MiB). */
#define ANALYZE_INPUT_MAX_BYTES ((size_t)512 * 1024 * 1024)

/* ---- Status codes (pinned: never renumbered, only added to) ------------ */

typedef enum analyze_status {
  /** Success. */
  ANALYZE_OK = 0,
  /** A required pointer was NULL, a length or option was out of range. */
  ANALYZE_EINVAL = -1,
  /** Memory could not be allocated. */
  ANALYZE_ENOMEM = -2,
  /** The input is not acceptable JSON (see the JSON input rules above). */
  ANALYZE_EJSON = -3,
  /** The request breaks a rule of the API; the validation report says which. */
  ANALYZE_EVALIDATION = -4,
  /** The HTTP response is an error response of the API (or of a proxy). */
  ANALYZE_EAPI = -5,
  /** Webhook: no signature in the header matches the body and the secret. */
  ANALYZE_EWEBHOOK_SIGNATURE = -6,
  /** Webhook: the signature header is missing or malformed. */
  ANALYZE_EWEBHOOK_HEADER = -7,
  /** Webhook: the signature's timestamp is outside the tolerance. */
  ANALYZE_EWEBHOOK_TIMESTAMP = -8,
  /** Webhook: the secret is empty. */
  ANALYZE_EWEBHOOK_SECRET = -9,
  /** A response, task or webhook body lacks a required field or has a wrong type. */
  ANALYZE_ERESPONSE = -10
} analyze_status;

/** Static English text for a status code ("unknown status" for others). Ownership: static. */
ANALYZE_EXTERN(const char *) analyze_strerror(int code);

/* ---- Error detail ------------------------------------------------------ */

#define ANALYZE_ERROR_MESSAGE_LENGTH 320
#define ANALYZE_ERROR_PATH_LENGTH 256

/**
 * Caller-allocated detail of a failure, filled by every function that takes
 * one (it may be passed as NULL). On success `code` is ANALYZE_OK and the
 * strings are empty. Strings are NUL-terminated and cut (on a UTF-8 character
 * boundary) to fit.
 */
typedef struct analyze_error {
  /** The status code the function returned. */
  int code;
  /** What went wrong, in English. Never contains a secret or an API key. */
  char message[ANALYZE_ERROR_MESSAGE_LENGTH];
  /** Dotted JSON path of the offending field ("a.b[2].c"); empty for the whole input. */
  char path[ANALYZE_ERROR_PATH_LENGTH];
  /** Byte offset of a JSON syntax error in the input, or -1. */
  long long position;
  /** 1-based line and column (in bytes) of a JSON syntax error, or 0. */
  int line;
  int column;
} analyze_error_t;

/* ---- Memory ------------------------------------------------------------ */

/** Releases anything the library returned. Accepts NULL. */
ANALYZE_EXTERN(void) analyze_free(void *ptr);

/* ---- JSON -------------------------------------------------------------- */

/**
 * Reads a JSON document and writes it back compact: no insignificant white
 * space, object keys in their input order, strings with the minimal RFC 8259
 * escapes (plus \u escapes for U+2028 and U+2029), integers exact, other
 * numbers as the shortest text that reads back as the same double.
 *
 * @param out   receives the normalized JSON text; NULL on failure.
 * @param json  the input (UTF-8, not necessarily NUL-terminated).
 * @param len   its length in bytes.
 * @param err   optional error detail.
 * @return ANALYZE_OK; ANALYZE_EINVAL when out is NULL, json is NULL with a
 *         non-zero len, or len exceeds ANALYZE_INPUT_MAX_BYTES; ANALYZE_EJSON
 *         when the input is not acceptable JSON (err has position/line/column
 *         for syntax errors, the path for duplicate keys and huge integers);
 *         ANALYZE_ENOMEM.
 * Ownership: *out is new, release it with analyze_free().
 */
ANALYZE_EXTERN(int) analyze_json_normalize(char **out, const char *json, size_t len,
                                           analyze_error_t *err);

/* ---- Requests: validation and HTTP request building -------------------- */

/*
 * A create-task request is the JSON body of POST /analyze/tasks (model_name,
 * video_id or video, prompt or prompt_v2, analysis_mode, response_format...).
 * Validation checks every rule of the API (docs/validation.md lists them) and
 * returns EVERY issue at once as a report:
 *
 *   {"valid":false,"issues":[{"severity":"error","code":"parameter_invalid",
 *     "path":"response_format.segment_definitions[0].fields[1].format",
 *     "message":"format is required when type is timestamp; allowed: ..."}]}
 *
 * Keys always in that order; issues in document order (an issue about a
 * missing field comes after the other members of its object); "severity" is
 * "error" (the API would reject the request) or "warning" (accepted, likely a
 * mistake); "code" is parameter_invalid, parameter_not_provided or
 * parameter_unknown; "path" is dotted with [i] for array elements, "" for the
 * whole document; "valid" is true exactly when no issue is an error. The
 * same input always gives the same bytes.
 *
 * The builders describe HTTP requests as JSON for the host's transport:
 *
 *   {"method":"POST","url":"https://api.twelvelabs.io/v1.3/analyze/tasks",
 *    "headers":{"x-api-key":"...","Content-Type":"application/json",
 *               "Idempotency-Key":"...","User-Agent":"..."},
 *    "body":"{\"video_id\":\"...\",\"prompt\":\"...\"}"}
 *
 * "body" is a JSON string holding the canonical request body (only the fields
 * the caller set, in the documented order, json_schema kept verbatim), or null
 * for GET and DELETE. Headers appear only when they apply (Content-Type with a
 * body, Idempotency-Key and User-Agent when given), in the order shown.
 *
 * Builder options (a JSON object; NULL/0 means none, which fails because
 * api_key is required):
 *   "api_key"          required, non-empty, visible ASCII; sent as x-api-key
 *                      and never included in any error message;
 *   "base_url"         absolute http(s) URL without query or fragment
 *                      (default "https://api.twelvelabs.io/v1.3"; trailing
 *                      slashes are dropped);
 *   "user_agent"       printable ASCII, sent as User-Agent;
 *   "idempotency_key"  (create only) 1-255 visible ASCII characters, sent as
 *                      Idempotency-Key (see analyze_idempotency_key());
 *   "video_duration"   (create only) seconds, > 0: also check start_time,
 *                      end_time and time_ranges against the video's length;
 *   "api_revision"     the API revision whose rules apply: "2026-05" (the
 *                      default, the brief) or "2026-10" (today's API); see
 *                      analyze_api_revisions(). Another name is ANALYZE_EINVAL;
 *   "validate"         (create only) "strict" (default: any error fails the
 *                      build), "warn" (the request is built anyway with the
 *                      request text as given as its body, and the report is
 *                      added to the HTTP request JSON as "validation":{report})
 *                      or "off" (only JSON well-formedness is checked; the text
 *                      as given is the body; no "validation" member).
 * An unknown key, a wrong type or a bad value is ANALYZE_EINVAL naming the
 * option in err->message and err->path.
 */

/**
 * Validates a create-task request and returns its report.
 *
 * @param report       receives the report JSON (see above), valid or not;
 *                     NULL on failure.
 * @param json         the request (UTF-8 JSON text, not necessarily NUL-terminated).
 * @param len          its length in bytes.
 * @param options      optional JSON object {"video_duration": seconds > 0,
 *                     "api_revision": "2026-05"|"2026-10"}; NULL/0 for none.
 * @param options_len  its length in bytes.
 * @param err          optional error detail.
 * @return ANALYZE_OK whenever the input is JSON, valid request or not (a
 *         document that is not an object gets one issue with path ""; an
 *         integer beyond 64 bits in well-formed JSON gets an error issue at
 *         its path);
 *         ANALYZE_EJSON when the input is not acceptable JSON (err has the
 *         position/line/column or path); ANALYZE_EINVAL when report is NULL,
 *         json is NULL with a non-zero len, a length exceeds
 *         ANALYZE_INPUT_MAX_BYTES, or the options are not a JSON object of
 *         known keys with valid values; ANALYZE_ENOMEM.
 * Ownership: *report is new, release it with analyze_free().
 */
ANALYZE_EXTERN(int) analyze_request_validate(char **report, const char *json, size_t len,
                                             const char *options, size_t options_len,
                                             analyze_error_t *err);

/**
 * Builds the HTTP request creating an analysis task (POST {base_url}/analyze/tasks)
 * from a valid create-task request. Warnings do not prevent building.
 *
 * @param http_request receives the HTTP request JSON (see above); NULL on failure.
 * @param json         the request (UTF-8 JSON text).
 * @param len          its length in bytes.
 * @param options      JSON object: api_key (required), base_url, idempotency_key,
 *                     user_agent, video_duration, api_revision, validate (see above).
 * @param options_len  its length in bytes.
 * @param err          optional error detail.
 * @return ANALYZE_OK (with "validate":"warn" also for an invalid request, the
 *         report in the output's "validation" member); ANALYZE_EVALIDATION
 *         when ("validate" strict) the request breaks a rule:
 *         err->message is "request is invalid: N error(s); first: <path>:
 *         <message>" and err->path the first error's path (call
 *         analyze_request_validate() for every issue); ANALYZE_EJSON when the
 *         request is not JSON; ANALYZE_EINVAL for NULL or oversized arguments
 *         and bad or unknown options (checked first); ANALYZE_ENOMEM.
 * Ownership: *http_request is new, release it with analyze_free().
 */
ANALYZE_EXTERN(int) analyze_request_build(char **http_request, const char *json, size_t len,
                                          const char *options, size_t options_len,
                                          analyze_error_t *err);

/**
 * Builds GET {base_url}/analyze/tasks/{task_id}, which returns a task's status
 * and, once ready, its result.
 *
 * @param out          receives the HTTP request JSON ("body": null); NULL on failure.
 * @param task_id      the task id (UTF-8, any bytes; percent-encoded into the path).
 * @param len          its length in bytes (must not be 0).
 * @param options      JSON object: api_key (required), base_url, user_agent,
 *                     api_revision.
 * @param options_len  its length in bytes.
 * @param err          optional error detail.
 * @return ANALYZE_OK; ANALYZE_EINVAL when out is NULL, task_id is empty, NULL
 *         or not valid UTF-8, or the options are bad; ANALYZE_ENOMEM.
 * Ownership: *out is new, release it with analyze_free().
 */
ANALYZE_EXTERN(int) analyze_request_build_retrieve(char **out, const char *task_id, size_t len,
                                                   const char *options, size_t options_len,
                                                   analyze_error_t *err);

/**
 * Builds DELETE {base_url}/analyze/tasks/{task_id}. Parameters, return codes
 * and ownership as analyze_request_build_retrieve().
 */
ANALYZE_EXTERN(int) analyze_request_build_delete(char **out, const char *task_id, size_t len,
                                                 const char *options, size_t options_len,
                                                 analyze_error_t *err);

/**
 * Builds POST {base_url}/analyze/tasks/{task_id}/cancel (no body), which
 * cancels a queued, pending or processing task; read the reply with
 * analyze_response_parse() kind ANALYZE_RESPONSE_CANCEL. Parameters, return
 * codes and ownership as analyze_request_build_retrieve().
 */
ANALYZE_EXTERN(int) analyze_request_build_cancel(char **out, const char *task_id, size_t len,
                                                 const char *options, size_t options_len,
                                                 analyze_error_t *err);

/**
 * Builds GET {base_url}/analyze/tasks?... listing tasks, newest first.
 *
 * @param out          receives the HTTP request JSON ("body": null); NULL on failure.
 * @param query_json   optional JSON object of filters, NULL/0 for none:
 *                     "page" (integer >= 1), "page_limit" (integer 1-50),
 *                     "status" (queued, pending, processing, ready, failed,
 *                     canceled), "video_url" (absolute http(s) URL), "asset_id",
 *                     "video_id" (revision 2026-05 only; non-empty strings), "analysis_mode"
 *                     (general, time_based_metadata). Values are
 *                     percent-encoded and written in that order.
 * @param len          its length in bytes.
 * @param options      JSON object: api_key (required), base_url, user_agent,
 *                     api_revision.
 * @param options_len  its length in bytes.
 * @param err          optional error detail.
 * @return ANALYZE_OK; ANALYZE_EVALIDATION when a filter is unknown, of the
 *         wrong type or out of range ("query is invalid: N error(s); first:
 *         <path>: <message>", err->path the parameter); ANALYZE_EJSON when
 *         query_json is not JSON; ANALYZE_EINVAL for NULL or oversized
 *         arguments and bad options; ANALYZE_ENOMEM.
 * Ownership: *out is new, release it with analyze_free().
 */
ANALYZE_EXTERN(int) analyze_request_build_list(char **out, const char *query_json, size_t len,
                                               const char *options, size_t options_len,
                                               analyze_error_t *err);

/* ---- Batches (up to 1,000 items, run by the platform) -------------------- */

/**
 * Validates a create-batch body (POST /analyze/batches) and returns its report,
 * in the format of analyze_request_validate(). The batch rules: model_name
 * (required, pegasus1.5), analysis_mode (required), defaults (prompt,
 * response_format, temperature, max_tokens, min/max_segment_duration,
 * start/end_time), requests (1-1,000 items {video: {type: "asset_id",
 * asset_id}, custom_id, and the fields of defaults}), custom_ids unique, prompt
 * an object {input_text, media_sources}, max_tokens an integer. Each item is
 * then checked as the task it becomes: its fields over defaults (objects
 * replaced whole, not merged) with the batch's model and mode; each issue is
 * reported where it comes from ("requests[37].max_tokens",
 * "defaults.response_format...").
 *
 * @param report       receives the report JSON; NULL on failure.
 * @param json         the batch body (UTF-8 JSON).
 * @param len          its length in bytes.
 * @param options      optional JSON object {"video_duration", "api_revision"}
 *                     (as analyze_request_validate()); NULL/0 for none.
 * @param options_len  its length in bytes.
 * @param err          optional error detail.
 * @return as analyze_request_validate().
 * Ownership: *report is new, release it with analyze_free().
 */
ANALYZE_EXTERN(int) analyze_batch_validate(char **report, const char *json, size_t len,
                                           const char *options, size_t options_len, analyze_error_t *err);

/**
 * Builds a create-batch body from JSON Lines: one item object per line (blank
 * lines skipped), in order, into {"model_name","analysis_mode","defaults"?,
 * "requests":[...]}. Validate the result with analyze_batch_validate().
 *
 * @param out          receives the body JSON; NULL on failure.
 * @param jsonl        the items (UTF-8 JSON Lines, LF or CRLF).
 * @param len          its length in bytes.
 * @param options      optional JSON object: "model_name" (default
 *                     "pegasus1.5"), "analysis_mode" (default "general"),
 *                     "defaults" (an object); NULL/0 for none.
 * @param options_len  its length in bytes.
 * @param err          optional error detail.
 * @return ANALYZE_OK; ANALYZE_EJSON when a line is not a JSON object
 *         (err->message starts with "line N: "); ANALYZE_EINVAL for NULL or
 *         oversized arguments and bad options; ANALYZE_ENOMEM.
 * Ownership: *out is new, release it with analyze_free().
 */
ANALYZE_EXTERN(int) analyze_batch_from_jsonl(char **out, const char *jsonl, size_t len,
                                             const char *options, size_t options_len, analyze_error_t *err);

/**
 * Builds POST {base_url}/analyze/batches. The body is the batch text as given;
 * options as analyze_request_build() (api_key required, base_url,
 * idempotency_key, user_agent, video_duration, api_revision, validate). With
 * "validate" strict (default) a batch that breaks a rule is
 * ANALYZE_EVALIDATION ("batch is invalid: N error(s); first: <path>:
 * <message>"); warn adds "validation"; off checks only JSON.
 * Return codes and ownership as analyze_request_build().
 */
ANALYZE_EXTERN(int) analyze_request_build_batch_create(char **http_request, const char *json, size_t len,
                                                       const char *options, size_t options_len,
                                                       analyze_error_t *err);

/**
 * Builds GET {base_url}/analyze/batches/{batch_id}. `batch_id` as the task_id
 * of analyze_request_build_retrieve(); parameters, return codes (the messages
 * name batch_id) and ownership as that function.
 */
ANALYZE_EXTERN(int) analyze_request_build_batch_retrieve(char **out, const char *batch_id, size_t len,
                                                         const char *options, size_t options_len,
                                                         analyze_error_t *err);

/** Builds POST {base_url}/analyze/batches/{batch_id}/cancel (no body); as analyze_request_build_batch_retrieve(). */
ANALYZE_EXTERN(int) analyze_request_build_batch_cancel(char **out, const char *batch_id, size_t len,
                                                       const char *options, size_t options_len,
                                                       analyze_error_t *err);

/** Builds DELETE {base_url}/analyze/batches/{batch_id}; as analyze_request_build_batch_retrieve(). */
ANALYZE_EXTERN(int) analyze_request_build_batch_delete(char **out, const char *batch_id, size_t len,
                                                       const char *options, size_t options_len,
                                                       analyze_error_t *err);

/**
 * Builds GET {base_url}/analyze/batches/{batch_id}/results (a JSON Lines body:
 * read it with analyze_batch_results_parse()); as
 * analyze_request_build_batch_retrieve().
 */
ANALYZE_EXTERN(int) analyze_request_build_batch_results(char **out, const char *batch_id, size_t len,
                                                        const char *options, size_t options_len,
                                                        analyze_error_t *err);

/**
 * Builds GET {base_url}/analyze/batches?... from an optional query object:
 * "page" (integer >= 1), "page_limit" (integer 1-50), "status" (pending,
 * processing, canceling, canceled, completed, expired) and "analysis_mode"
 * (general, time_based_metadata), each of the last two a string or an array
 * of strings written as repeated parameters (status=processing&status=canceling).
 * Parameters, return codes and ownership as analyze_request_build_list().
 */
ANALYZE_EXTERN(int) analyze_request_build_batch_list(char **out, const char *query_json, size_t len,
                                                     const char *options, size_t options_len,
                                                     analyze_error_t *err);

/**
 * Parses the JSON Lines body of a batch results response line by line into
 * {"results":[{"line","task_id","custom_id","status","terminal","known",
 * "result","error"}],"errors":[{"line","message","path"}]}. `result` is the
 * line's data normalized like a task's result (see the normalized task),
 * checked against the "request" option (the batch defaults or an item, for
 * the segment definitions) or null; `error` is {message, code} or null. A line
 * that is not JSON or not a result is an entry of "errors" with its 1-based
 * line number, never dropped; blank lines are skipped. Each line is parsed and
 * released on its own.
 *
 * @param out          receives the JSON; NULL on failure.
 * @param body         the response body.
 * @param len          its length in bytes.
 * @param options      optional JSON object: "request", "json_schema",
 *                     "include_data" (as analyze_task_parse()); NULL/0 for none.
 * @param options_len  its length in bytes.
 * @param err          optional error detail.
 * @return ANALYZE_OK whatever the lines hold; ANALYZE_EINVAL for NULL or
 *         oversized arguments and bad options; ANALYZE_ENOMEM.
 * Ownership: *out is new, release it with analyze_free().
 */
ANALYZE_EXTERN(int) analyze_batch_results_parse(char **out, const char *body, size_t len,
                                                const char *options, size_t options_len, analyze_error_t *err);

/**
 * Creates a random idempotency key: a UUID version 4 in lower-case
 * 8-4-4-4-12 form (36 characters) from the system's secure random source.
 * Send the same key when retrying the same create request.
 *
 * @param out  receives the key; NULL on failure.
 * @param err  optional error detail.
 * @return ANALYZE_OK; ANALYZE_EINVAL when out is NULL; ANALYZE_ENOMEM.
 * Ownership: *out is new, release it with analyze_free().
 */
ANALYZE_EXTERN(int) analyze_idempotency_key(char **out, analyze_error_t *err);

/**
 * Lists the API revisions the library knows and what each accepts, as compact
 * JSON: {"default":"2026-05","revisions":[{"name","default" (bool),
 * "default_model","models":[{"name","inputs":[...],"features":[...],
 * "prompt_token_limit" (int|null),"max_tokens":{"<mode>":{"min","max",
 * "default"}}}],"analysis_window":{"min_seconds","max_seconds" (number|null)},
 * "reserved_field_names","media_source_base64_mb","field_types":[...]}]}.
 * Pass a revision's name as the "api_revision" option.
 *
 * @param out  receives the JSON; NULL on failure.
 * @param err  optional error detail.
 * @return ANALYZE_OK; ANALYZE_EINVAL when out is NULL; ANALYZE_ENOMEM.
 * Ownership: *out is new, release it with analyze_free().
 */
ANALYZE_EXTERN(int) analyze_api_revisions(char **out, analyze_error_t *err);


/* ---- Responses, tasks, segments and webhook events --------------------- */

/*
 * The host sends the HTTP requests and hands the library what came back. These
 * functions check every reply against the documented shapes (a missing
 * required member or a wrong type is ANALYZE_ERESPONSE with the JSON path in
 * err->path; members the library does not know are ignored, since the API
 * grows) and return compact, normalized JSON with keys in a fixed order.
 *
 * The normalized task (analyze_task_parse, a retrieve response, each element
 * of a list response, the "task" of a webhook event), members in this order:
 *
 *   task_id          string
 *   custom_id        string or null (null also when the member is absent)
 *   batch_id         string or null (set for tasks created by a batch)
 *   status           "queued" | "pending" | "processing" | "ready" | "failed"
 *                    | "canceled", or any other string the API sends (then
 *                    known is false; never an error)
 *   terminal         true exactly for "ready", "failed" and "canceled"
 *   known            false for a status the library does not know
 *   created_at       the RFC 3339 text as sent (checked), and
 *   created_at_ms    its Unix time in milliseconds (fraction truncated)
 *   completed_at     the same pair, null when absent
 *   completed_at_ms
 *   video_source     {type, url, asset_id, video_id, index_id, duration} or
 *                    null; each member null when absent, duration (seconds)
 *                    from video_source.system_metadata
 *   request_params   copied as sent back, or null
 *   webhooks         [{url, delivered, attempts, last_error}] ([] when
 *                    absent; last_error null when absent)
 *   error            {message, code} or null (code null when absent;
 *                    e.g. user_canceled, batch_canceled, batch_expired,
 *                    batch_processing_timeout; unknown codes passed through)
 *   result           null, or {generation_id, data, finish_reason, usage:
 *                    {output_tokens, input_tokens}, truncated,
 *                    truncation_message (only when truncated: the task's
 *                    error.message), segments (time_based_metadata only) or
 *                    json (json_schema only), issues}
 *
 * result.data is the raw string, untouched (null with the option include_data
 * false; segments and json are still read from it). truncated is true when
 * finish_reason is "length". For time_based_metadata tasks, result.segments is
 * an object keyed by segment-definition id, each an array of
 * {start_time, end_time, metadata} whose times are numbers of seconds whatever
 * the segment_time_format ("hh:mm:ss" and "hh:mm:ss.fff" are parsed); timestamp
 * fields of metadata are converted the same way when the definitions are
 * known. For json_schema tasks, result.json is data parsed, checked against the
 * schema. When data cannot be parsed, segments/json is null and an issue says
 * why ("output truncated at max_tokens" when finish_reason is "length").
 * The analysis mode, definitions and schema come from request_params, or from
 * the options below when request_params lacks them.
 *
 * result.issues lists every problem found in the result, in document order, as
 * {"severity":"warning","code":...,"path":...,"message":...} with paths into
 * the normalized task, e.g. "result.segments.goal[2].metadata.team" or
 * "result.json.rating". Values are never dropped because of an issue. The
 * codes are listed in docs/responses.md.
 *
 * Options (a JSON object, NULL/0 for none; unknown keys are ANALYZE_EINVAL):
 *   "request"      the caller's create request object; used for the analysis
 *                  mode, segment definitions, segment_time_format and schema
 *                  when request_params does not give them.
 *   "json_schema"  a schema to check json_schema results against; when given
 *                  it wins over the task's own.
 *   "now"          (analyze_response_parse only) the current Unix time in
 *                  seconds, needed to turn a Retry-After HTTP date into a delay.
 *   "include_data" a boolean, default true; false writes result.data as null
 *                  (for callers that hold the body anyway: it saves copying and
 *                  re-escaping data, often half the output).
 *   "segments_encoding"  (analyze_task_parse and analyze_response_parse only)
 *                  "json" (the default) or "pickle": each result.segments is
 *                  written as the byte count of the same value pickled for
 *                  Python (protocol 4, one frame, data opcodes only: dicts,
 *                  lists, str, int, float, bool, None; what json.loads reads
 *                  from the JSON form, type for type), and a successful output
 *                  (2xx for analyze_response_parse) goes on after the text's
 *                  NUL: the trailer's size in bytes (8 bytes, little-endian),
 *                  then the pickles in document order (a size of 0 when there
 *                  are none). For language bindings: CPython's pickle decoder
 *                  builds segments about twice as fast as its JSON decoder.
 */

/** The kinds of HTTP responses analyze_response_parse() reads. */
typedef enum analyze_response_kind {
  /** POST /analyze/tasks: 202 {task_id, status}. */
  ANALYZE_RESPONSE_CREATE = 1,
  /** GET /analyze/tasks/{task_id}: 200 task. */
  ANALYZE_RESPONSE_RETRIEVE = 2,
  /** GET /analyze/tasks: 200 {data, page_info}. */
  ANALYZE_RESPONSE_LIST = 3,
  /** DELETE /analyze/tasks/{task_id}: 200 with an empty body. */
  ANALYZE_RESPONSE_DELETE = 4,
  /** POST /analyze/tasks/{task_id}/cancel: 200 {task_id, status}; 409 (the
   * task is already ready or failed) and others are API errors. */
  ANALYZE_RESPONSE_CANCEL = 5,
  /** POST /analyze/batches: 201, the batch object plus "tasks":[{task_id, custom_id}]. */
  ANALYZE_RESPONSE_BATCH_CREATE = 6,
  /** GET /analyze/batches/{batch_id}: 200, the batch object (below). */
  ANALYZE_RESPONSE_BATCH_RETRIEVE = 7,
  /** GET /analyze/batches: 200 {data: [batch objects], page_info}. */
  ANALYZE_RESPONSE_BATCH_LIST = 8,
  /** POST /analyze/batches/{batch_id}/cancel: 202, the batch object; 409 (already terminal) is an API error. */
  ANALYZE_RESPONSE_BATCH_CANCEL = 9,
  /** DELETE /analyze/batches/{batch_id}: 200 {deleted: true}; 409 (not terminal) is an API error. */
  ANALYZE_RESPONSE_BATCH_DELETE = 10,
  /** GET /analyze/batches/{batch_id}/results: 200 JSON Lines, as analyze_batch_results_parse(). */
  ANALYZE_RESPONSE_BATCH_RESULTS = 11
} analyze_response_kind;

/*
 * The normalized batch object (ANALYZE_RESPONSE_BATCH_*), members in order:
 * batch_id, model_name, analysis_mode (null when absent), status ("pending",
 * "processing", "canceling", "canceled", "completed", "expired", or another
 * string with known false), terminal (true for completed, canceled, expired),
 * known, total_items, items {queued, processing, ready, failed, canceled}
 * (the *_items counts, null when absent), created_at, created_at_ms,
 * expires_at, expires_at_ms, completed_at, completed_at_ms, canceled_at,
 * canceled_at_ms, expired_at, expired_at_ms (null when absent), webhooks.
 * analyze_poll_next() reads it like a task.
 */

/**
 * Parses an HTTP response of the API.
 *
 * For a 2xx status `*out` is the normalized result: create and cancel give
 * {"task_id","status"}; retrieve the normalized task; list
 * {"data":[normalized tasks],"page_info":{"limit_per_page","page",
 * "total_page","total_results"}} (null members when absent); delete
 * {"deleted":true} (the body is ignored).
 *
 * For any other status the function returns ANALYZE_EAPI and — the one
 * exception to "out is NULL on failure" — sets `*out` to the API error object
 * {"http_status","code","message","details","retryable","retry_after_ms","raw"}:
 * code, message and details from a body {"error":{code,message,details}}
 * (also read: a flat {code,message} and {"error":"text"}), each null when
 * missing; retryable is true exactly for 429, 500, 502, 503 and 504;
 * retry_after_ms from a Retry-After header in delay-seconds, or as an HTTP date
 * relative to options "now" (null without "now", or when the value is
 * unreadable or does not fit in 64 bits of milliseconds; 0 for a date in the
 * past); raw is the body text when it is not such a JSON error object (invalid
 * UTF-8 replaced by U+FFFD, cut to at most 2048 bytes on a character
 * boundary), null otherwise or when the body is empty. A 409 to a delete
 * without a message gets "the task is still processing and cannot be deleted
 * yet". err->message summarizes it ("HTTP 429 too_many_requests: ...").
 *
 * @param out          receives the result or the API error object (see above).
 * @param kind         an analyze_response_kind.
 * @param http_status  the HTTP status code (100-599).
 * @param headers_json the response headers: a JSON object of name to value (a
 *                     string, or an array of strings for a repeated field), or
 *                     a JSON array of [name, value] string pairs in the order
 *                     received. Names are case-insensitive; a field received
 *                     more than once is combined as RFC 9110 says (values
 *                     joined with ", " in order; Set-Cookie kept apart). NULL
 *                     with headers_len 0 (or "null") for none.
 * @param headers_len  its length in bytes.
 * @param body         the response body bytes (need not be JSON for errors);
 *                     NULL with body_len 0 for an empty body.
 * @param body_len     its length in bytes.
 * @param options      optional JSON options: "now", "request", "json_schema",
 *                     "include_data", "segments_encoding".
 * @param options_len  its length in bytes.
 * @param err          optional error detail.
 * @return ANALYZE_OK (2xx); ANALYZE_EAPI (other statuses, *out set);
 *         ANALYZE_EINVAL when out is NULL, a pointer is NULL with a non-zero
 *         length, kind or http_status is out of range, or the headers or
 *         options are unusable (err->path names the header or option);
 *         ANALYZE_EJSON when a 2xx body (other than delete's) is not JSON;
 *         ANALYZE_ERESPONSE when it lacks a required member or has a wrong
 *         type (err->path, e.g. "data[2].created_at"); ANALYZE_ENOMEM.
 * Ownership: *out is new (also with ANALYZE_EAPI), release it with analyze_free().
 */
ANALYZE_EXTERN(int) analyze_response_parse(char **out, int kind, int http_status,
                                           const char *headers_json, size_t headers_len,
                                           const char *body, size_t body_len,
                                           const char *options, size_t options_len,
                                           analyze_error_t *err);

/**
 * Parses a task body (what GET /analyze/tasks/{task_id} returns with 200) into
 * the normalized task described above.
 *
 * @param out          receives the normalized task; NULL on failure.
 * @param body         the task body (JSON).
 * @param len          its length in bytes.
 * @param options      optional JSON options: "request", "json_schema",
 *                     "include_data", "segments_encoding".
 * @param options_len  its length in bytes.
 * @param err          optional error detail.
 * @return ANALYZE_OK (problems in the result are result.issues, not failures);
 *         ANALYZE_EINVAL for NULL/length or option problems; ANALYZE_EJSON;
 *         ANALYZE_ERESPONSE (with err->path); ANALYZE_ENOMEM.
 * Ownership: *out is new, release it with analyze_free().
 */
ANALYZE_EXTERN(int) analyze_task_parse(char **out, const char *body, size_t len,
                                       const char *options, size_t options_len,
                                       analyze_error_t *err);

/**
 * Writes the segments of a time_based_metadata task body.
 *
 * "vtt": WebVTT ("WEBVTT" header, LF line ends), one cue per segment, numbered
 * from 1 in order of start time (ties keep result order), timings
 * hh:mm:ss.ttt; each cue's payload is one line of JSON
 * {"definition":id,"metadata":{...}} in which "-->" is written "--\u003e" (so
 * the payload never holds "-->", a blank line or a NUL). A segment lacking a
 * time, with a negative time, or with end_time not after start_time cannot be
 * a cue and is listed in a "NOTE skipped <path>: <reason>" block instead.
 * "csv": RFC 4180 with CRLF line ends, header
 * definition_id,index,start_time,end_time,metadata and one row per segment in
 * result order (index within its definition; times in seconds, empty when
 * unknown; metadata as compact JSON); fields holding a comma, quote, CR or LF
 * are quoted. "json": the normalized result.segments object. "svg": an SVG
 * 1.1 timeline, one lane per definition on a time axis from 0 to the video's
 * duration (or the last end), each drawable segment a bar labelled with its
 * first scalar metadata value, its metadata as the bar's <title> (see
 * docs/responses.md for the layout).
 *
 * @param out          receives the text; NULL on failure.
 * @param task_body    the task body (JSON), as for analyze_task_parse().
 * @param len          its length in bytes.
 * @param format       "vtt", "csv", "json" or "svg" (NUL-terminated).
 * @param options      optional JSON options: "request".
 * @param options_len  its length in bytes.
 * @param err          optional error detail.
 * @return ANALYZE_OK; ANALYZE_EINVAL when format is NULL or unknown, and for
 *         NULL/length or option problems; ANALYZE_EJSON; ANALYZE_ERESPONSE for
 *         a malformed task, a task with no result yet (err->path "result"),
 *         one that is not time_based_metadata ("result"), or whose data holds
 *         no segments ("result.data", err->message says why, e.g. "output
 *         truncated at max_tokens: ..."); ANALYZE_ENOMEM.
 * Ownership: *out is new, release it with analyze_free().
 */
ANALYZE_EXTERN(int) analyze_segments_export(char **out, const char *task_body, size_t len,
                                            const char *format,
                                            const char *options, size_t options_len,
                                            analyze_error_t *err);

/** Most segments analyze_segments_hls() cuts a rendition into. */
#define ANALYZE_HLS_MAX_SEGMENTS 100000

/**
 * Cuts the segments of a time_based_metadata task into an HLS WebVTT
 * rendition, so a player loads the analysis as a metadata track beside the
 * video (not as captions): a media playlist, one WebVTT file per target
 * duration, and the line a master playlist needs:
 *
 *   #EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="analysis",NAME="Analysis",DEFAULT=NO,AUTOSELECT=NO,FORCED=NO,URI="analysis.m3u8"
 *
 * (the video variants name the group: #EXT-X-STREAM-INF:...,SUBTITLES="analysis").
 *
 * The cues are those analyze_segments_export() writes as "vtt" (same numbers,
 * timings, payloads; times are media seconds). The rendition ends at the
 * media duration (option "duration", else the task's video_source.duration)
 * or at the last cue's end, whichever is later; it is cut into
 * ceil(end / target_duration) segments (at least one), segment i covering
 * [i * T, (i + 1) * T). A cue appears, with its number, in every segment its
 * time range overlaps. Every segment starts
 *
 *   WEBVTT
 *   X-TIMESTAMP-MAP=MPEGTS:<timestamp_offset>,LOCAL:00:00:00.000
 *
 * so cue times line up with MPEG-TS video whose media time 0 has that
 * presentation timestamp; segment 0 also holds the "NOTE skipped ..." blocks.
 * The playlist is a VOD playlist (#EXT-X-VERSION:3, #EXT-X-TARGETDURATION,
 * #EXT-X-MEDIA-SEQUENCE:0, #EXT-X-PLAYLIST-TYPE:VOD, #EXTINF:<s.mmm>, with
 * the last segment possibly shorter, #EXT-X-ENDLIST), LF line ends.
 *
 * Options (a JSON object, NULL/0 for the defaults; unknown keys are ANALYZE_EINVAL):
 *   "target_duration"   integer seconds per segment, 1..86400 (default 6);
 *   "timestamp_offset"  integer MPEG-TS time (90 kHz) of media time 0,
 *                       0..8589934591 (default 0; set the first video PTS);
 *   "duration"          media length in seconds, > 0 and < 3600000000;
 *   "segment_prefix"    segment i is named "<prefix><i>.vtt" (default "segment");
 *   "playlist_uri"      the URI in the #EXT-X-MEDIA line (default "analysis.m3u8");
 *   "group_id", "name"  GROUP-ID and NAME (defaults "analysis", "Analysis");
 *                       these four are 1..1024 bytes of printable ASCII
 *                       without '"' (and without spaces, except "name");
 *   "part"              what to write: "all" (default) the JSON object
 *                       {"media":text,"playlist":text,"segments":[{"uri":
 *                       string,"duration":seconds,"vtt":text}]}; "playlist",
 *                       "media" or "segment": that text alone;
 *   "segment"           the index written with part "segment" (required
 *                       then, refused otherwise), from 0;
 *   "request"           as for analyze_task_parse().
 * Work is bounded: at most ANALYZE_HLS_MAX_SEGMENTS segments, one pass over
 * the cues for one segment, and at most 256 MiB of text for part "all".
 *
 * @param out          receives the JSON or text (see "part"); NULL on failure.
 * @param task_json    a task body (as for analyze_task_parse()) or a
 *                     normalized task (what analyze_task_parse() writes, or
 *                     the "task" of analyze_webhook_parse()).
 * @param len          its length in bytes.
 * @param options      optional JSON options (above).
 * @param options_len  its length in bytes.
 * @param err          optional error detail.
 * @return ANALYZE_OK; ANALYZE_EINVAL for NULL/length problems, a bad or
 *         unknown option (err->path names it), a "segment" past the last one,
 *         a rendition needing more than ANALYZE_HLS_MAX_SEGMENTS segments
 *         (err->path "target_duration") or more than 256 MiB (err->path
 *         "part"); ANALYZE_EJSON; ANALYZE_ERESPONSE as analyze_segments_export()
 *         (a malformed task, no result, not time_based_metadata, no
 *         segments); ANALYZE_ENOMEM.
 * Ownership: *out is new, release it with analyze_free().
 */
ANALYZE_EXTERN(int) analyze_segments_hls(char **out, const char *task_json, size_t len,
                                         const char *options, size_t options_len,
                                         analyze_error_t *err);

/**
 * Parses a webhook event body into
 * {"id","created_at","created_at_ms","type","known","task"} and, for unknown
 * types only, "data" (the event's data as sent, or null). Verify the signature
 * on the raw bytes first; this function does not.
 *
 * known is true for "analyze.task.ready", "analyze.task.failed" and
 * "analyze.task.canceled" (whose data has no error and no result). Their data
 * must be an object with the task id (as "id" or "task_id") and a status that
 * agrees with the type; task is that data as a normalized task as far as
 * present (absent members null; created_at may be missing). Other types are
 * passed through with known false and task null, not rejected.
 *
 * @param out          receives the event; NULL on failure.
 * @param body         the raw event body (JSON).
 * @param len          its length in bytes.
 * @param options      optional JSON options: "request", "json_schema",
 *                     "include_data".
 * @param options_len  its length in bytes.
 * @param err          optional error detail.
 * @return ANALYZE_OK; ANALYZE_EINVAL for NULL/length or option problems;
 *         ANALYZE_EJSON; ANALYZE_ERESPONSE (with err->path, e.g.
 *         "data.status"); ANALYZE_ENOMEM.
 * Ownership: *out is new, release it with analyze_free().
 */
ANALYZE_EXTERN(int) analyze_webhook_parse(char **out, const char *body, size_t len,
                                          const char *options, size_t options_len,
                                          analyze_error_t *err);


/* ---- Webhook signatures and polling ------------------------------------ */

/** Default largest accepted |now - t| between a webhook's signature timestamp and now, in seconds. */
#define ANALYZE_WEBHOOK_DEFAULT_TOLERANCE 300

/**
 * Verifies a webhook request: its `TL-Signature` header against the raw body
 * and the webhook secret, and the header's timestamp against `now_unix`.
 *
 * The header is `t=<unix seconds>,v1=<hex>[,v1=<hex>...]`. Spaces and tabs
 * around items, keys and values are ignored; items may come in any order;
 * several `v1` are allowed (any one may match); other schemes (`v0=...`) are
 * ignored. Malformed: an empty header, an empty item, an item without `=` or
 * with an empty key, no `t`, more than one `t`, a `t` that is not decimal
 * digits or is above 9223372036854775807, no `v1`, a `v1` that is not exactly
 * 64 hex digits (either case accepted). The signed payload is the header's `t`
 * digits exactly as written, a ".", then the body bytes; each `v1` is compared
 * with HMAC-SHA256(secret, payload) in constant time.
 *
 * Checks run in this order, and the first failure is returned: arguments;
 * the secret; the header; the signature; the timestamp. The signature comes
 * before the timestamp so that a forged request learns nothing about the
 * receiver's clock: ANALYZE_EWEBHOOK_TIMESTAMP means the request was signed
 * with the secret but is stale, replayed or from a skewed clock.
 * No message ever contains the secret or the expected signature.
 *
 * @param secret            the webhook secret, as configured (bytes, not decoded).
 * @param secret_len        its length in bytes.
 * @param signature_header  the value of the `TL-Signature` header; NULL with
 *                          header_len 0 means the request had no such header.
 * @param header_len        its length in bytes.
 * @param body              the raw request body, exactly as received (never
 *                          re-serialized JSON); NULL allowed when body_len is 0.
 * @param body_len          its length in bytes.
 * @param now_unix          the host's current time in Unix seconds (the library
 *                          has no clock).
 * @param tolerance_s       the largest accepted |now_unix - t| in seconds,
 *                          inclusive; ANALYZE_WEBHOOK_DEFAULT_TOLERANCE is the
 *                          usual value, 0 demands the same second.
 * @param err               optional error detail.
 * @return ANALYZE_OK when the webhook is genuine and fresh;
 *         ANALYZE_EINVAL when a pointer is NULL with a non-zero length, a
 *         length exceeds ANALYZE_INPUT_MAX_BYTES, or tolerance_s is negative;
 *         ANALYZE_EWEBHOOK_SECRET when the secret is empty (or NULL with length 0);
 *         ANALYZE_EWEBHOOK_HEADER when the header is missing or malformed;
 *         ANALYZE_EWEBHOOK_SIGNATURE when no `v1` matches;
 *         ANALYZE_EWEBHOOK_TIMESTAMP when |now_unix - t| > tolerance_s
 *         (computed without overflow for any values);
 *         ANALYZE_ENOMEM when libcrypto fails.
 * Ownership: every input is borrowed for the call; nothing is allocated.
 */
ANALYZE_EXTERN(int) analyze_webhook_verify(const char *secret, size_t secret_len,
                                           const char *signature_header, size_t header_len,
                                           const char *body, size_t body_len,
                                           long long now_unix, long long tolerance_s,
                                           analyze_error_t *err);

/**
 * Signs a body as the API does, for tests and webhook simulators: writes the
 * header `t=<timestamp>,v1=<64 lowercase hex digits>` (no other scheme).
 *
 * @param out_header  receives the header value; NULL on failure.
 * @param secret      the webhook secret; must not be empty.
 * @param secret_len  its length in bytes.
 * @param body        the body to sign; NULL allowed when body_len is 0.
 * @param body_len    its length in bytes.
 * @param timestamp   the signature time in Unix seconds, not negative.
 * @param err         optional error detail.
 * @return ANALYZE_OK; ANALYZE_EINVAL when out_header is NULL, a pointer is
 *         NULL with a non-zero length, a length exceeds ANALYZE_INPUT_MAX_BYTES,
 *         or timestamp is negative; ANALYZE_EWEBHOOK_SECRET when the secret is
 *         empty; ANALYZE_ENOMEM.
 * Ownership: *out_header is new, release it with analyze_free().
 */
ANALYZE_EXTERN(int) analyze_webhook_sign(char **out_header, const char *secret, size_t secret_len,
                                         const char *body, size_t body_len, long long timestamp,
                                         analyze_error_t *err);

/** Default delay after attempt 0 of analyze_poll_next(), in milliseconds. */
#define ANALYZE_POLL_DEFAULT_INITIAL_DELAY_MS 2000
/** Default growth of the delay per attempt. */
#define ANALYZE_POLL_DEFAULT_FACTOR 1.5
/** Default cap of the backoff delay, in milliseconds. */
#define ANALYZE_POLL_DEFAULT_MAX_DELAY_MS 30000

/**
 * Decides what to do after a poll: stop, or poll again after a delay. It
 * never sleeps and reads no clock; the host waits and measures elapsed time.
 *
 * `state_json` is what the last poll returned, in the library's shapes:
 *  - a task (or a batch) — an object with "status" (string), "terminal" and
 *    "known" (booleans), like analyze_task_parse() writes. When "terminal" is
 *    absent (a raw API task or batch body) it is true for the statuses
 *    "ready", "failed", "canceled", "completed" and "expired"; when "known" is
 *    absent it is true for those and "queued", "pending", "processing",
 *    "canceling";
 *  - an API error — an object with "http_status" (integer 100..599) and
 *    optionally "code" (string|null), "retryable" (boolean) and
 *    "retry_after_ms" (integer >= 0 | null), like analyze_response_parse()
 *    writes with ANALYZE_EAPI. When "retryable" is absent it is true for 429,
 *    500, 502, 503 and 504.
 * An object with "http_status" is an error; otherwise one with "status" is a
 * task. Other members are ignored.
 *
 * `attempt` counts the polls made before this decision, from 0: the decision
 * after the first response uses 0, after the second 1, and so on, whatever
 * those responses were.
 *
 * The backoff delay is
 *   round(min(max_delay_ms, initial_delay_ms * factor^attempt) * (1 - jitter / 2))
 * in milliseconds, rounded to nearest with halves up; with the defaults,
 * attempts 0, 1, 2, ... give 2000, 3000, 4500, 6750, 10125, 15188, 22781,
 * then 30000 for every later attempt (factor^attempt saturates, so any
 * `attempt` is safe).
 *
 * The output is a compact object, keys in this order:
 *   {"done": bool, "delay_ms": integer|null, "reason": string, "message": string}
 * with `reason`:
 *  - "terminal": the task's status is terminal; done, delay_ms null.
 *  - "backoff":  the task is still running; poll again after the backoff delay.
 *  - "retry":    a retryable API error; poll again after the larger of the
 *                backoff delay and retry_after_ms (never sooner than the
 *                server asked, even past max_delay_ms).
 *  - "error":    an API error that retrying will not fix; done, delay_ms null.
 *  - "unknown_status": the status is not terminal and not known, and
 *                `attempt` >= 5: a status added to the API later neither
 *                crashes the loop nor keeps it polling until the deadline
 *                (attempts 0-4 back off as for a running task); done.
 *  - "deadline": deadline_ms is set and elapsed_ms + the delay would exceed
 *                it (landing exactly on it is allowed); done, delay_ms null.
 *                "terminal" and "error" win over "deadline".
 * `message` is one English sentence for logs.
 *
 * @param out          receives the decision JSON; NULL on failure.
 * @param state_json   the task or API error object (UTF-8 JSON).
 * @param len          its length in bytes.
 * @param attempt      polls made before this decision, from 0.
 * @param options      NULL (or options_len 0) for the defaults, or a JSON
 *                     object with any of: "initial_delay_ms" (integer,
 *                     default 2000), "factor" (number >= 1, default 1.5),
 *                     "max_delay_ms" (integer, default 30000, not below
 *                     initial_delay_ms), "jitter" (number 0..1, default 0: a
 *                     uniform random draw made by the caller; it takes up to
 *                     half of the backoff delay off), "elapsed_ms" (integer,
 *                     the time spent polling so far), "deadline_ms" (integer,
 *                     requires elapsed_ms). Integers are 0..2^53-1.
 * @param options_len  its length in bytes.
 * @param err          optional error detail.
 * @return ANALYZE_OK; ANALYZE_EINVAL when out is NULL, a pointer is NULL with
 *         a non-zero length, a length exceeds ANALYZE_INPUT_MAX_BYTES, or an
 *         option is unknown, of the wrong type or out of range (err->path
 *         names the key); ANALYZE_EJSON when state_json or options is not
 *         acceptable JSON (an options message starts with "options: ");
 *         ANALYZE_ERESPONSE when the state is neither shape or a member has a
 *         wrong type (err->path names it); ANALYZE_ENOMEM. The state is
 *         checked before the options.
 * Ownership: *out is new, release it with analyze_free().
 */
ANALYZE_EXTERN(int) analyze_poll_next(char **out, const char *state_json, size_t len, unsigned attempt,
                                      const char *options, size_t options_len, analyze_error_t *err);

#ifdef __cplusplus
}
#endif
#endif /* ANALYZE_H */
