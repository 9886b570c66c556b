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
#define ANALYZE_VERSION_MINOR 1
#define ANALYZE_VERSION_PATCH 0
/** MAJOR * 10000 + MINOR * 100 + PATCH. */
#define ANALYZE_VERSION_NUMBER \
  (ANALYZE_VERSION_MAJOR * 10000 + ANALYZE_VERSION_MINOR * 100 + ANALYZE_VERSION_PATCH)
#define ANALYZE_VERSION_STRING "0.1.0"
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
 *                      end_time and time_ranges against the video's length.
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
 * @param options      optional JSON object {"video_duration": seconds > 0}; NULL/0 for none.
 * @param options_len  its length in bytes.
 * @param err          optional error detail.
 * @return ANALYZE_OK whenever the input is JSON, valid request or not (a
 *         document that is not an object gets one issue with path "");
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
 *                     user_agent, video_duration (see above).
 * @param options_len  its length in bytes.
 * @param err          optional error detail.
 * @return ANALYZE_OK; ANALYZE_EVALIDATION when the request breaks a rule:
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
 * @param options      JSON object: api_key (required), base_url, user_agent.
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
 * Builds GET {base_url}/analyze/tasks?... listing tasks, newest first.
 *
 * @param out          receives the HTTP request JSON ("body": null); NULL on failure.
 * @param query_json   optional JSON object of filters, NULL/0 for none:
 *                     "page" (integer >= 1), "page_limit" (integer 1-50),
 *                     "status" (queued, pending, processing, ready, failed),
 *                     "video_url" (absolute http(s) URL), "asset_id",
 *                     "video_id" (non-empty strings), "analysis_mode"
 *                     (general, time_based_metadata). Values are
 *                     percent-encoded and written in that order.
 * @param len          its length in bytes.
 * @param options      JSON object: api_key (required), base_url, user_agent.
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


/* ---- Responses, tasks, segments and webhook events --------------------- */

/* ---- Webhook signatures and polling ------------------------------------ */

#ifdef __cplusplus
}
#endif
#endif /* ANALYZE_H */
