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
 *   status           "queued" | "pending" | "processing" | "ready" | "failed"
 *                    (any other value is ANALYZE_ERESPONSE)
 *   terminal         true exactly for "ready" and "failed"
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
 *   error            {message} or null
 *   result           null, or {generation_id, data, finish_reason, usage:
 *                    {output_tokens, input_tokens}, truncated,
 *                    truncation_message (only when truncated: the task's
 *                    error.message), segments (time_based_metadata only) or
 *                    json (json_schema only), issues}
 *
 * result.data is always the raw string, untouched. truncated is true when
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
  ANALYZE_RESPONSE_DELETE = 4
} analyze_response_kind;

/**
 * Parses an HTTP response of the API.
 *
 * For a 2xx status `*out` is the normalized result: create gives
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
 * @param headers_json the response headers as a JSON object of name to string
 *                     value (names case-insensitive; the same name twice is
 *                     ANALYZE_EINVAL); NULL with headers_len 0 for none.
 * @param headers_len  its length in bytes.
 * @param body         the response body bytes (need not be JSON for errors);
 *                     NULL with body_len 0 for an empty body.
 * @param body_len     its length in bytes.
 * @param options      optional JSON options: "now", "request", "json_schema".
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
 * @param options      optional JSON options: "request", "json_schema".
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
 * are quoted. "json": the normalized result.segments object.
 *
 * @param out          receives the text; NULL on failure.
 * @param task_body    the task body (JSON), as for analyze_task_parse().
 * @param len          its length in bytes.
 * @param format       "vtt", "csv" or "json" (NUL-terminated).
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

/**
 * Parses a webhook event body into
 * {"id","created_at","created_at_ms","type","known","task"} and, for unknown
 * types only, "data" (the event's data as sent, or null). Verify the signature
 * on the raw bytes first; this function does not.
 *
 * known is true for "analyze.task.ready" and "analyze.task.failed". Their data
 * must be an object with the task id (as "id" or "task_id") and a status that
 * agrees with the type; task is that data as a normalized task as far as
 * present (absent members null; created_at may be missing). Other types are
 * passed through with known false and task null, not rejected.
 *
 * @param out          receives the event; NULL on failure.
 * @param body         the raw event body (JSON).
 * @param len          its length in bytes.
 * @param options      optional JSON options: "request", "json_schema".
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

#ifdef __cplusplus
}
#endif
#endif /* ANALYZE_H */
