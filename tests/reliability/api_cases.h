/* One call of every C entry point, as a table of cases the reliability tests
 * share (signal state, dlclose cycles, fork, threads, flat memory).
 *
 * The library is reached only through dlopen()/dlsym() (api_open), so a test
 * can look at the process before the library is loaded. Each case makes one
 * call and describes everything it returned as one malloc'd string (status,
 * error detail and output), so that two runs can be compared byte for byte.
 * Inputs come from tests/fixtures (the fixtures folder is passed in) or are
 * written inline when they are short. */
#ifndef ANALYZE_RELIABILITY_API_CASES_H
#define ANALYZE_RELIABILITY_API_CASES_H

#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <analyze.h>

#include "../c/check.h"

/** Every exported function, resolved with dlsym(). */
struct analyze_api {
  void *handle;
  int (*version_number)(void);
  const char *(*version_string)(void);
  int (*abi_version)(void);
  const char *(*strerror)(int);
  void (*free)(void *);
  int (*json_normalize)(char **, const char *, size_t, analyze_error_t *);
  int (*request_validate)(char **, const char *, size_t, const char *, size_t, analyze_error_t *);
  int (*request_build)(char **, const char *, size_t, const char *, size_t, analyze_error_t *);
  int (*request_build_retrieve)(char **, const char *, size_t, const char *, size_t, analyze_error_t *);
  int (*request_build_delete)(char **, const char *, size_t, const char *, size_t, analyze_error_t *);
  int (*request_build_list)(char **, const char *, size_t, const char *, size_t, analyze_error_t *);
  int (*idempotency_key)(char **, analyze_error_t *);
  int (*response_parse)(char **, int, int, const char *, size_t, const char *, size_t, const char *, size_t,
                        analyze_error_t *);
  int (*task_parse)(char **, const char *, size_t, const char *, size_t, analyze_error_t *);
  int (*segments_export)(char **, const char *, size_t, const char *, const char *, size_t, analyze_error_t *);
  int (*webhook_parse)(char **, const char *, size_t, const char *, size_t, analyze_error_t *);
  int (*webhook_verify)(const char *, size_t, const char *, size_t, const char *, size_t, long long, long long,
                        analyze_error_t *);
  int (*webhook_sign)(char **, const char *, size_t, const char *, size_t, long long, analyze_error_t *);
  int (*poll_next)(char **, const char *, size_t, unsigned, const char *, size_t, analyze_error_t *);
};

/** Loads the library at `path` (RTLD_NOW | RTLD_LOCAL) and resolves every entry point; 0 on success. */
static inline int api_open(struct analyze_api *api, const char *path) {
  memset(api, 0, sizeof *api);
  api->handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (api->handle == NULL) {
    fprintf(stderr, "dlopen %s: %s\n", path, dlerror());
    return -1;
  }
#define API_SYM(field, name)                                              \
  do {                                                                    \
    *(void **)(&api->field) = dlsym(api->handle, name);                   \
    if (api->field == NULL) {                                             \
      fprintf(stderr, "dlsym %s: %s\n", name, dlerror());                 \
      return -1;                                                          \
    }                                                                     \
  } while (0)
  API_SYM(version_number, "analyze_version_number");
  API_SYM(version_string, "analyze_version_string");
  API_SYM(abi_version, "analyze_abi_version");
  API_SYM(strerror, "analyze_strerror");
  API_SYM(free, "analyze_free");
  API_SYM(json_normalize, "analyze_json_normalize");
  API_SYM(request_validate, "analyze_request_validate");
  API_SYM(request_build, "analyze_request_build");
  API_SYM(request_build_retrieve, "analyze_request_build_retrieve");
  API_SYM(request_build_delete, "analyze_request_build_delete");
  API_SYM(request_build_list, "analyze_request_build_list");
  API_SYM(idempotency_key, "analyze_idempotency_key");
  API_SYM(response_parse, "analyze_response_parse");
  API_SYM(task_parse, "analyze_task_parse");
  API_SYM(segments_export, "analyze_segments_export");
  API_SYM(webhook_parse, "analyze_webhook_parse");
  API_SYM(webhook_verify, "analyze_webhook_verify");
  API_SYM(webhook_sign, "analyze_webhook_sign");
  API_SYM(poll_next, "analyze_poll_next");
#undef API_SYM
  return 0;
}

/** A fixture file's bytes, read once by api_fixtures_load. */
struct api_fixture {
  const char *name;
  char *bytes;
  size_t len;
};

/* The fixtures the cases read, relative to tests/fixtures. */
enum {
  FX_REQUEST_VALID,
  FX_REQUEST_INVALID,
  FX_CREATE,
  FX_LIST,
  FX_TASK_SEGMENTS,
  FX_TASK_JSON,
  FX_ERROR_429,
  FX_WEBHOOK,
  FX_WEBHOOK_SIGNATURE,
  FX_COUNT
};

static struct api_fixture api_fixtures[FX_COUNT] = {
    {"requests/valid_pegasus12.json", NULL, 0},
    {"requests/invalid_segments.json", NULL, 0},
    {"responses/create_202.json", NULL, 0},
    {"responses/list_200.json", NULL, 0},
    {"responses/task_ready_segments_seconds.json", NULL, 0},
    {"responses/task_ready_json_issues.json", NULL, 0},
    {"responses/error_429_too_many_requests.json", NULL, 0},
    {"webhook/event-ready.json", NULL, 0},
    {"webhook/event-ready.signature", NULL, 0},
};

/** Reads every fixture from `dir` (tests/fixtures); 0 on success. */
static inline int api_fixtures_load(const char *dir) {
  int i;
  char path[4096];
  for (i = 0; i < FX_COUNT; i++) {
    snprintf(path, sizeof path, "%s/%s", dir, api_fixtures[i].name);
    api_fixtures[i].bytes = check_read_file(path, &api_fixtures[i].len);
    if (api_fixtures[i].bytes == NULL) {
      fprintf(stderr, "cannot read %s\n", path);
      return -1;
    }
  }
  /* The signature file ends with a newline that is not part of the header. */
  while (api_fixtures[FX_WEBHOOK_SIGNATURE].len > 0 &&
         api_fixtures[FX_WEBHOOK_SIGNATURE].bytes[api_fixtures[FX_WEBHOOK_SIGNATURE].len - 1] == '\n')
    api_fixtures[FX_WEBHOOK_SIGNATURE].bytes[--api_fixtures[FX_WEBHOOK_SIGNATURE].len] = 0;
  return 0;
}

static inline void api_fixtures_free(void) {
  int i;
  for (i = 0; i < FX_COUNT; i++) {
    free(api_fixtures[i].bytes);
    api_fixtures[i].bytes = NULL;
  }
}

#define FX(i) api_fixtures[i].bytes, api_fixtures[i].len
#define LIT(s) s, sizeof(s) - 1

static const char api_build_options[] = "{\"api_key\":\"k\",\"idempotency_key\":\"key-1\",\"user_agent\":\"rel/1\"}";
static const char api_key_options[] = "{\"api_key\":\"k\"}";

/** Describes one call's outcome, "rc=.. code=.. path=.. message=.. pos=..\n<out>" (malloc'd), and
 * releases `out` with analyze_free(). */
static inline char *api_describe(const struct analyze_api *api, int rc, const analyze_error_t *err, char *out) {
  size_t n = strlen(err->message) + strlen(err->path) + (out ? strlen(out) : 6) + 96;
  char *text = malloc(n);
  if (text != NULL)
    snprintf(text, n, "rc=%d code=%d path=%s message=%s pos=%lld\n%s", rc, err->code, err->path, err->message,
             err->position, out ? out : "(null)");
  api->free(out);
  return text;
}

/** The number of cases api_case_run knows. */
#define API_CASE_COUNT 26

/** Runs case `i` once through `api` and returns its description (malloc'd; NULL when out of memory). */
static inline char *api_case_run(const struct analyze_api *api, int i) {
  char *out = NULL;
  analyze_error_t err;
  int rc = 0;
  memset(&err, 0, sizeof err);
  switch (i) {
  case 0:
    /* The four functions without an error detail; their answers go in the message. */
    rc = api->version_number() == ANALYZE_VERSION_NUMBER && api->abi_version() == ANALYZE_ABI_VERSION &&
                 strcmp(api->version_string(), ANALYZE_VERSION_STRING) == 0
             ? ANALYZE_OK
             : ANALYZE_EINVAL;
    snprintf(err.message, sizeof err.message, "%s / %s", api->strerror(ANALYZE_EJSON), api->strerror(12345));
    break;
  case 1: rc = api->json_normalize(&out, LIT("{ \"a\" : [1, 2.50, \"\\u00e9\"], \"b\": null }"), &err); break;
  case 2: rc = api->json_normalize(&out, LIT("{\"a\":[1,2,"), &err); break;
  case 3: rc = api->request_validate(&out, FX(FX_REQUEST_VALID), NULL, 0, &err); break;
  case 4: rc = api->request_validate(&out, FX(FX_REQUEST_INVALID), LIT("{\"video_duration\":60}"), &err); break;
  case 5: rc = api->request_validate(&out, LIT("{\"video_id\":\"v\",\"prompt\":\"p\",\"promt\":1,\"x\":[]}"), NULL, 0, &err); break;
  case 6: rc = api->request_build(&out, FX(FX_REQUEST_VALID), LIT(api_build_options), &err); break;
  case 7: rc = api->request_build(&out, FX(FX_REQUEST_INVALID), LIT(api_build_options), &err); break;
  case 8: rc = api->request_build_retrieve(&out, LIT("task 1/é"), LIT(api_key_options), &err); break;
  case 9: rc = api->request_build_delete(&out, LIT("task_1"), LIT(api_key_options), &err); break;
  case 10: rc = api->request_build_list(&out, LIT("{\"page\":2,\"status\":\"ready\"}"), LIT(api_key_options), &err); break;
  case 11:
    rc = api->idempotency_key(&out, &err);
    /* Random by design: describe its shape, not its value. */
    if (out != NULL) {
      snprintf(err.message, sizeof err.message, "length %zu, version %c", strlen(out),
               strlen(out) > 14 ? out[14] : '?');
      api->free(out);
      out = NULL;
    }
    break;
  case 12: rc = api->response_parse(&out, ANALYZE_RESPONSE_CREATE, 202, NULL, 0, FX(FX_CREATE), NULL, 0, &err); break;
  case 13:
    rc = api->response_parse(&out, ANALYZE_RESPONSE_RETRIEVE, 200, LIT("{\"Content-Type\":\"application/json\"}"),
                             FX(FX_TASK_JSON), NULL, 0, &err);
    break;
  case 14: rc = api->response_parse(&out, ANALYZE_RESPONSE_LIST, 200, NULL, 0, FX(FX_LIST), NULL, 0, &err); break;
  case 15: rc = api->response_parse(&out, ANALYZE_RESPONSE_DELETE, 204, NULL, 0, NULL, 0, NULL, 0, &err); break;
  case 16:
    rc = api->response_parse(&out, ANALYZE_RESPONSE_RETRIEVE, 429, LIT("{\"Retry-After\":\"7\"}"), FX(FX_ERROR_429),
                             LIT("{\"now\":1700000000}"), &err);
    break;
  case 17: rc = api->task_parse(&out, FX(FX_TASK_SEGMENTS), NULL, 0, &err); break;
  case 18: rc = api->segments_export(&out, FX(FX_TASK_SEGMENTS), "vtt", NULL, 0, &err); break;
  case 19: rc = api->segments_export(&out, FX(FX_TASK_SEGMENTS), "csv", NULL, 0, &err); break;
  case 20: rc = api->segments_export(&out, FX(FX_TASK_SEGMENTS), "json", NULL, 0, &err); break;
  case 21: rc = api->webhook_parse(&out, FX(FX_WEBHOOK), NULL, 0, &err); break;
  case 22:
    rc = api->webhook_verify(LIT("whsec_test"), FX(FX_WEBHOOK_SIGNATURE), FX(FX_WEBHOOK), 1700000060,
                             ANALYZE_WEBHOOK_DEFAULT_TOLERANCE, &err);
    break;
  case 23:
    rc = api->webhook_verify(LIT("wrong"), FX(FX_WEBHOOK_SIGNATURE), FX(FX_WEBHOOK), 1700000060,
                             ANALYZE_WEBHOOK_DEFAULT_TOLERANCE, &err);
    break;
  case 24: rc = api->webhook_sign(&out, LIT("whsec_test"), FX(FX_WEBHOOK), 1700000000, &err); break;
  case 25:
    rc = api->poll_next(&out, LIT("{\"status\":\"processing\",\"terminal\":false}"), 3,
                        LIT("{\"jitter\":0.5,\"elapsed_ms\":1000,\"deadline_ms\":600000}"), &err);
    break;
  default: return NULL;
  }
  return api_describe(api, rc, &err, out);
}

/** The status each case must return (the exact output is compared between runs). */
static const int api_case_status[API_CASE_COUNT] = {
    ANALYZE_OK, ANALYZE_OK, ANALYZE_EJSON, ANALYZE_OK, ANALYZE_OK, ANALYZE_OK,
    ANALYZE_OK, ANALYZE_EVALIDATION, ANALYZE_OK, ANALYZE_OK, ANALYZE_OK, ANALYZE_OK, ANALYZE_OK,
    ANALYZE_OK, ANALYZE_OK, ANALYZE_OK, ANALYZE_EAPI, ANALYZE_OK, ANALYZE_OK, ANALYZE_OK, ANALYZE_OK,
    ANALYZE_OK, ANALYZE_OK, ANALYZE_EWEBHOOK_SIGNATURE, ANALYZE_OK, ANALYZE_OK};

/** Runs every case once, checking each one's status; returns the descriptions (free with api_results_free). */
static inline char **api_run_all(const struct analyze_api *api) {
  char **results = calloc(API_CASE_COUNT, sizeof *results);
  int i;
  if (results == NULL) return NULL;
  for (i = 0; i < API_CASE_COUNT; i++) {
    char expected[32];
    results[i] = api_case_run(api, i);
    CHECK(results[i] != NULL);
    if (results[i] == NULL) continue;
    snprintf(expected, sizeof expected, "rc=%d ", api_case_status[i]);
    if (strncmp(results[i], expected, strlen(expected)) != 0) {
      fprintf(stderr, "case %d: expected %s, got %.300s\n", i, expected, results[i]);
      CHECK(0);
    }
  }
  return results;
}

static inline void api_results_free(char **results) {
  int i;
  if (results == NULL) return;
  for (i = 0; i < API_CASE_COUNT; i++) free(results[i]);
  free(results);
}

#endif
