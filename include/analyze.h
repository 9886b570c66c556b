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

/* ---- Webhook signatures and polling ------------------------------------ */

#ifdef __cplusplus
}
#endif
#endif /* ANALYZE_H */
