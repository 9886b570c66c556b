/* Responses, tasks, segments and webhook events through the real libanalyze.so:
 * every shared fixture case against its expected bytes (the same files pytest
 * and the Swift tests compare against), the json_t twins, NULL and length
 * arguments, the API-error exception to "out is NULL on failure", and hostile
 * bodies (every truncation, invalid UTF-8, deep nesting, huge numbers). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <analyze_jansson.h>

#include "check.h"

static const char *fixtures = ".";

static char *read_fixture(const char *name, size_t *len) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", fixtures, name);
  return check_read_file(path, len);
}

static int kind_number(const char *kind) {
  if (strcmp(kind, "create") == 0) return ANALYZE_RESPONSE_CREATE;
  if (strcmp(kind, "retrieve") == 0) return ANALYZE_RESPONSE_RETRIEVE;
  if (strcmp(kind, "list") == 0) return ANALYZE_RESPONSE_LIST;
  if (strcmp(kind, "delete") == 0) return ANALYZE_RESPONSE_DELETE;
  return 0;
}

/* Compact text of an optional manifest member (NULL for absent or null); free() it. */
static char *compact(json_t *value) {
  if (value == NULL || json_is_null(value)) return NULL;
  return json_dumps(value, JSON_COMPACT | JSON_PRESERVE_ORDER);
}

/* Runs one manifest case through the string API and its json_t twin. */
static void check_case(json_t *c) {
  const char *name = json_string_value(json_object_get(c, "name"));
  const char *call = json_string_value(json_object_get(c, "call"));
  const char *body_name = json_string_value(json_object_get(c, "body"));
  char *options = compact(json_object_get(c, "options"));
  char *headers = compact(json_object_get(c, "headers"));
  json_t *options_json = json_object_get(c, "options");
  size_t body_len = 0, expected_len = 0;
  char *body = body_name ? read_fixture(body_name, &body_len) : NULL;
  char *expected = read_fixture(json_string_value(json_object_get(c, "expected")), &expected_len);
  char *out = NULL;
  analyze_error_t err;
  int rc, want = (int)json_integer_value(json_object_get(c, "rc"));
  size_t options_len = options ? strlen(options) : 0;
  json_t *twin = NULL, *expected_json, *body_json;
  json_error_t jerr;

  if (options_json && json_is_null(options_json)) options_json = NULL;
  CHECK(expected != NULL);
  if (strcmp(call, "task") == 0) {
    rc = analyze_task_parse(&out, body, body_len, options, options_len, &err);
  } else if (strcmp(call, "webhook") == 0) {
    rc = analyze_webhook_parse(&out, body, body_len, options, options_len, &err);
  } else if (strcmp(call, "segments") == 0) {
    rc = analyze_segments_export(&out, body, body_len, json_string_value(json_object_get(c, "format")), options,
                                 options_len, &err);
  } else {
    rc = analyze_response_parse(&out, kind_number(json_string_value(json_object_get(c, "kind"))),
                                (int)json_integer_value(json_object_get(c, "status")), headers,
                                headers ? strlen(headers) : 0, body, body_len, options, options_len, &err);
  }
  CHECK_INT(rc, want);
  CHECK_INT(err.code, want);
  if (out == NULL || expected == NULL || strlen(out) != expected_len || memcmp(out, expected, expected_len) != 0) {
    check_failures++;
    fprintf(stderr, "%s: output differs from the expected file (rc %d: %s)\n", name, rc, err.message);
  }
  check_count++;

  /* The json_t twin gives the same value. */
  expected_json = json_loadb(expected ? expected : "", expected_len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
  body_json = body ? json_loadb(body, body_len, JSON_DECODE_ANY, &jerr) : NULL;
  if (strcmp(call, "segments") == 0) {
    char *text = NULL;
    CHECK_INT(analyze_segments_export_jansson(&text, body_json, json_string_value(json_object_get(c, "format")),
                                              options_json, NULL), ANALYZE_OK);
    CHECK(text != NULL && expected != NULL && strcmp(text, expected) == 0);
    analyze_free(text);
  } else {
    if (strcmp(call, "task") == 0) {
      rc = analyze_task_parse_jansson(&twin, body_json, options_json, &err);
    } else if (strcmp(call, "webhook") == 0) {
      rc = analyze_webhook_parse_jansson(&twin, body_json, options_json, &err);
    } else {
      json_t *headers_json = json_object_get(c, "headers");
      rc = analyze_response_parse_jansson(&twin, kind_number(json_string_value(json_object_get(c, "kind"))),
                                          (int)json_integer_value(json_object_get(c, "status")),
                                          json_is_null(headers_json) ? NULL : headers_json, body, body_len,
                                          options_json, &err);
    }
    CHECK_INT(rc, want);
    if (twin == NULL || expected_json == NULL || !json_equal(twin, expected_json)) {
      check_failures++;
      fprintf(stderr, "%s: the json_t twin gives a different value\n", name);
    }
    check_count++;
  }
  json_decref(twin);
  json_decref(expected_json);
  json_decref(body_json);
  analyze_free(out);
  free(body);
  free(expected);
  free(options);
  free(headers);
}

static void check_manifest(void) {
  size_t len, i;
  char *text = read_fixture("cases.json", &len);
  json_error_t jerr;
  json_t *cases = text ? json_loadb(text, len, 0, &jerr) : NULL;
  CHECK(json_is_array(cases));
  CHECK_INT(json_array_size(cases), 46);
  for (i = 0; i < json_array_size(cases); i++) check_case(json_array_get(cases, i));
  json_decref(cases);
  free(text);
}

/* A failure leaves *out NULL and fills err. */
static void check_failure_shape(int rc, char *out, const analyze_error_t *err, int code, const char *message,
                                const char *path) {
  CHECK_INT(rc, code);
  CHECK(out == NULL);
  CHECK_INT(err->code, code);
  if (message) CHECK_STR(err->message, message);
  if (path) CHECK_STR(err->path, path);
}

static void check_arguments(void) {
  char *out = (char *)1;
  analyze_error_t err;
  const char *task = "{\"task_id\":\"t\",\"custom_id\":null,\"status\":\"queued\",\"created_at\":\"2026-01-05T08:00:00Z\"}";
  int rc;

  CHECK_INT(analyze_task_parse(NULL, task, strlen(task), NULL, 0, &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "out is NULL");
  rc = analyze_task_parse(&out, NULL, 5, NULL, 0, &err);
  check_failure_shape(rc, out, &err, ANALYZE_EINVAL, "body is NULL but its length is 5", "");
  out = (char *)1;
  rc = analyze_task_parse(&out, task, (size_t)-1, NULL, 0, &err);
  check_failure_shape(rc, out, &err, ANALYZE_EINVAL, NULL, "");
  out = (char *)1;
  rc = analyze_task_parse(&out, NULL, 0, NULL, 0, &err);
  check_failure_shape(rc, out, &err, ANALYZE_EJSON, NULL, "");
  out = (char *)1;
  rc = analyze_task_parse(&out, task, strlen(task), NULL, 3, &err);
  check_failure_shape(rc, out, &err, ANALYZE_EINVAL, "options is NULL but its length is 3", "");
  out = (char *)1;
  rc = analyze_task_parse(&out, task, strlen(task), "{\"x\":1}", 7, &err);
  check_failure_shape(rc, out, &err, ANALYZE_EINVAL, "unknown option \"x\" (allowed: request, json_schema, include_data, segments_encoding)", "x");
  /* err may be NULL. */
  CHECK_INT(analyze_task_parse(&out, task, strlen(task), NULL, 0, NULL), ANALYZE_OK);
  analyze_free(out);
  out = (char *)1;
  CHECK_INT(analyze_task_parse(&out, "{}", 2, NULL, 0, NULL), ANALYZE_ERESPONSE);
  CHECK(out == NULL);

  out = (char *)1;
  rc = analyze_segments_export(&out, task, strlen(task), NULL, NULL, 0, &err);
  check_failure_shape(rc, out, &err, ANALYZE_EINVAL, "format is NULL (expected vtt, csv, json or svg)", "");
  out = (char *)1;
  rc = analyze_segments_export(&out, task, strlen(task), "srt", NULL, 0, &err);
  check_failure_shape(rc, out, &err, ANALYZE_EINVAL, "format \"srt\" is not one of vtt, csv, json, svg", "");
  out = (char *)1;
  rc = analyze_segments_export(&out, task, strlen(task), "vtt", NULL, 0, &err);
  check_failure_shape(rc, out, &err, ANALYZE_ERESPONSE, "the task has no result (status is queued)", "result");
  CHECK_INT(analyze_segments_export(NULL, task, strlen(task), "vtt", NULL, 0, NULL), ANALYZE_EINVAL);

  out = (char *)1;
  rc = analyze_webhook_parse(&out, "{\"id\":\"e\"}", 10, NULL, 0, &err);
  check_failure_shape(rc, out, &err, ANALYZE_ERESPONSE, "created_at is required", "created_at");
  CHECK_INT(analyze_webhook_parse(NULL, "{}", 2, NULL, 0, NULL), ANALYZE_EINVAL);

  out = (char *)1;
  rc = analyze_response_parse(&out, 12, 200, NULL, 0, "{}", 2, NULL, 0, &err);
  check_failure_shape(rc, out, &err, ANALYZE_EINVAL, "kind 12 is not a response kind (1 create, 2 retrieve, 3 list, 4 delete, 5 cancel, 6-11 batch create, retrieve, list, cancel, delete, results)", "");
  out = (char *)1;
  rc = analyze_response_parse(&out, ANALYZE_RESPONSE_RETRIEVE, 1000, NULL, 0, "{}", 2, NULL, 0, &err);
  check_failure_shape(rc, out, &err, ANALYZE_EINVAL, "http_status 1000 is not an HTTP status (100-599)", "");
  out = (char *)1;
  {
    const char *twice = "{\"Retry-After\":\"1\",\"retry-after\":\"2\"}";
    rc = analyze_response_parse(&out, ANALYZE_RESPONSE_RETRIEVE, 503, twice, strlen(twice), NULL, 0, NULL, 0, &err);
  }
  /* A repeated field is combined ("1, 2"), which is no delay for the singleton Retry-After. */
  CHECK_INT(rc, ANALYZE_EAPI);
  CHECK(strstr(out, "\"retry_after_ms\":null") != NULL);
  analyze_free(out);
  {
    const char *pairs = "[[\"Retry-After\",\"3\"],[\"Set-Cookie\",\"a=1\"],[\"Set-Cookie\",\"b=2\"]]";
    rc = analyze_response_parse(&out, ANALYZE_RESPONSE_RETRIEVE, 503, pairs, strlen(pairs), NULL, 0, NULL, 0, &err);
  }
  CHECK_INT(rc, ANALYZE_EAPI);
  CHECK(strstr(out, "\"retry_after_ms\":3000") != NULL);
  analyze_free(out);
  out = (char *)1;
  rc = analyze_response_parse(&out, ANALYZE_RESPONSE_RETRIEVE, 503, NULL, 4, NULL, 0, NULL, 0, &err);
  check_failure_shape(rc, out, &err, ANALYZE_EINVAL, "headers_json is NULL but its length is 4", "");
  /* A status the library does not know is passed through, not an error. */
  CHECK_INT(analyze_response_parse(&out, ANALYZE_RESPONSE_CREATE, 202, NULL, 0, "{\"task_id\":\"t\",\"status\":\"new\"}", 30,
                                   NULL, 0, &err), ANALYZE_OK);
  CHECK_STR(out, "{\"task_id\":\"t\",\"status\":\"new\"}");
  analyze_free(out);
  out = (char *)1;
  rc = analyze_response_parse(&out, ANALYZE_RESPONSE_CREATE, 202, NULL, 0, "{\"task_id\":\"t\",\"status\":1}", 26,
                              NULL, 0, &err);
  check_failure_shape(rc, out, &err, ANALYZE_ERESPONSE, "status must be a string, got integer", "status");
  CHECK_INT(analyze_response_parse(NULL, 2, 200, NULL, 0, "{}", 2, NULL, 0, NULL), ANALYZE_EINVAL);

  /* The twins refuse NULL values and outputs. */
  {
    json_t *value = NULL;
    char *text = NULL;
    CHECK_INT(analyze_task_parse_jansson(NULL, NULL, NULL, NULL), ANALYZE_EINVAL);
    CHECK_INT(analyze_task_parse_jansson(&value, NULL, NULL, &err), ANALYZE_EINVAL);
    CHECK_STR(err.message, "json is NULL");
    CHECK_INT(analyze_webhook_parse_jansson(&value, NULL, NULL, NULL), ANALYZE_EINVAL);
    CHECK_INT(analyze_segments_export_jansson(&text, NULL, "vtt", NULL, NULL), ANALYZE_EINVAL);
    CHECK_INT(analyze_response_parse_jansson(NULL, 2, 200, NULL, "{}", 2, NULL, NULL), ANALYZE_EINVAL);
    CHECK(value == NULL && text == NULL);
  }
}

/* The API-error exception: ANALYZE_EAPI with *out set to the error object and err summarizing it. */
static void check_api_error(void) {
  char *out = NULL;
  analyze_error_t err;
  const char *body = "{\"error\":{\"code\":\"too_many_requests\",\"message\":\"Slow down\"}}";
  json_t *object = NULL, *headers = json_pack("{s:s}", "RETRY-after", "3");
  int rc = analyze_response_parse(&out, ANALYZE_RESPONSE_RETRIEVE, 429, "{\"retry-AFTER\":\" 3 \"}", 21, body,
                                  strlen(body), NULL, 0, &err);
  CHECK_INT(rc, ANALYZE_EAPI);
  CHECK_STR(out, "{\"http_status\":429,\"code\":\"too_many_requests\",\"message\":\"Slow down\",\"details\":null,"
                 "\"retryable\":true,\"retry_after_ms\":3000,\"raw\":null}");
  CHECK_INT(err.code, ANALYZE_EAPI);
  CHECK_STR(err.message, "HTTP 429 too_many_requests: Slow down");
  CHECK_STR(analyze_strerror(rc), "the API returned an error response");
  analyze_free(out);
  rc = analyze_response_parse_jansson(&object, ANALYZE_RESPONSE_RETRIEVE, 429, headers, body, strlen(body), NULL, &err);
  CHECK_INT(rc, ANALYZE_EAPI);
  CHECK(object != NULL);
  CHECK_INT(json_integer_value(json_object_get(object, "retry_after_ms")), 3000);
  CHECK_STR(err.message, "HTTP 429 too_many_requests: Slow down");
  json_decref(object);
  json_decref(headers);
}

/* Calls every parser on (text, len); returns nothing, checks no output leaks on failure. */
static void run_every_parser(const char *text, size_t len, int *statuses) {
  char *out;
  int i = 0;
  out = (char *)1;
  statuses[i] = analyze_task_parse(&out, text, len, NULL, 0, NULL);
  if (statuses[i++] != ANALYZE_OK) CHECK(out == NULL);
  analyze_free(out);
  out = (char *)1;
  statuses[i] = analyze_webhook_parse(&out, text, len, NULL, 0, NULL);
  if (statuses[i++] != ANALYZE_OK) CHECK(out == NULL);
  analyze_free(out);
  out = (char *)1;
  statuses[i] = analyze_segments_export(&out, text, len, "vtt", NULL, 0, NULL);
  if (statuses[i++] != ANALYZE_OK) CHECK(out == NULL);
  analyze_free(out);
  out = (char *)1;
  statuses[i] = analyze_response_parse(&out, ANALYZE_RESPONSE_LIST, 200, NULL, 0, text, len, NULL, 0, NULL);
  if (statuses[i++] != ANALYZE_OK) CHECK(out == NULL);
  analyze_free(out);
  out = NULL;
  statuses[i] = analyze_response_parse(&out, ANALYZE_RESPONSE_RETRIEVE, 502, text, len, text, len, NULL, 0, NULL);
  analyze_free(out);
  out = (char *)1;
  statuses[i + 1] = analyze_task_parse(&out, "{}", 2, text, len, NULL);
  if (statuses[i + 1] != ANALYZE_OK) CHECK(out == NULL);
  analyze_free(out);
}

static void check_hostile(void) {
  size_t len, cut;
  char *text = read_fixture("task_ready_segments_clock_ms.json", &len);
  int statuses[6];
  CHECK(text != NULL);
  /* Every truncation is an error, never a crash. */
  for (cut = 0; text && cut < len - 2; cut++) {
    run_every_parser(text, cut, statuses);
    if (statuses[0] != ANALYZE_EJSON) {
      check_failures++;
      fprintf(stderr, "truncation at %zu: status %d\n", cut, statuses[0]);
    }
  }
  free(text);
  {
    static const char bad_utf8[] = "{\"task_id\":\"t\xff\",\"custom_id\":null,\"status\":\"queued\",\"created_at\":\"2026-01-05T08:00:00Z\"}";
    char deep[600];
    const char *huge = "{\"task_id\":\"t\",\"custom_id\":null,\"status\":\"queued\",\"created_at\":\"2026-01-05T08:00:00Z\","
                       "\"webhooks\":[{\"url\":\"u\",\"delivered\":true,\"attempts\":18446744073709551615}]}";
    const char *wrong = "{\"task_id\":\"t\",\"custom_id\":null,\"status\":\"queued\",\"created_at\":1767600000}";
    const char *nul = "{\"task_id\":\"t\\u0000\",\"custom_id\":null,\"status\":\"queued\",\"created_at\":\"2026-01-05T08:00:00Z\"}";
    char *out = NULL;
    analyze_error_t err;
    run_every_parser(bad_utf8, sizeof bad_utf8 - 1, statuses);
    CHECK_INT(statuses[0], ANALYZE_EJSON);
    CHECK_INT(statuses[4], ANALYZE_EINVAL); /* the same bytes as headers_json are unusable */
    memset(deep, '[', 300);
    memset(deep + 300, ']', 300);
    run_every_parser(deep, sizeof deep, statuses);
    CHECK_INT(statuses[0], ANALYZE_EJSON);
    CHECK_INT(statuses[5], ANALYZE_EINVAL);
    run_every_parser(huge, strlen(huge), statuses);
    CHECK_INT(statuses[0], ANALYZE_EJSON);
    CHECK_INT(analyze_task_parse(&out, huge, strlen(huge), NULL, 0, &err), ANALYZE_EJSON);
    CHECK_STR(err.path, "webhooks[0].attempts");
    CHECK_INT(analyze_task_parse(&out, wrong, strlen(wrong), NULL, 0, &err), ANALYZE_ERESPONSE);
    CHECK_STR(err.message, "created_at must be a string, got integer");
    CHECK_STR(err.path, "created_at");
    /* A NUL inside a string is kept (escaped), and the output reads back with JSON_ALLOW_NUL. */
    CHECK_INT(analyze_task_parse(&out, nul, strlen(nul), NULL, 0, &err), ANALYZE_OK);
    CHECK(out != NULL && strstr(out, "\"task_id\":\"t\\u0000\"") != NULL);
    analyze_free(out);
    /* A raw NUL byte in a body is malformed JSON. */
    CHECK_INT(analyze_task_parse(&out, "{\"a\":1}\0", 8, NULL, 0, &err), ANALYZE_EJSON);
  }
}

/* Revision 2026-10 in responses: canceled, unknown statuses, error codes,
 * batch_id, the cancel kind, canceled webhooks, time_array results, polling. */
static void check_canceled_and_unknown(void) {
  char *out = NULL;
  analyze_error_t err;
  json_t *task;
  const char *canceled = "{\"task_id\":\"t1\",\"custom_id\":null,\"batch_id\":\"b1\",\"status\":\"canceled\","
                         "\"created_at\":\"2026-11-30T10:00:00Z\",\"completed_at\":\"2026-11-30T10:01:00Z\","
                         "\"error\":{\"code\":\"batch_canceled\",\"message\":\"The batch was canceled.\"}}";
  const char *later = "{\"task_id\":\"t2\",\"status\":\"archived\",\"created_at\":\"2026-11-30T10:00:00Z\"}";
  const char *event = "{\"id\":\"e1\",\"created_at\":\"2026-11-30T10:00:00Z\",\"type\":\"analyze.task.canceled\","
                      "\"data\":{\"id\":\"t1\",\"custom_id\":\"c\",\"created_at\":\"2026-11-30T09:00:00Z\",\"status\":\"canceled\"}}";
  const char *mismatch = "{\"id\":\"e1\",\"created_at\":\"2026-11-30T10:00:00Z\",\"type\":\"analyze.task.canceled\","
                         "\"data\":{\"id\":\"t1\",\"status\":\"ready\"}}";

  CHECK_INT(analyze_task_parse(&out, canceled, strlen(canceled), NULL, 0, &err), ANALYZE_OK);
  task = out ? json_loads(out, 0, NULL) : NULL;
  CHECK(json_is_true(json_object_get(task, "terminal")));
  CHECK(json_is_true(json_object_get(task, "known")));
  CHECK_STR(json_string_value(json_object_get(task, "batch_id")), "b1");
  CHECK_STR(json_string_value(json_object_get(json_object_get(task, "error"), "code")), "batch_canceled");
  CHECK(json_is_null(json_object_get(task, "result")));
  json_decref(task);
  analyze_free(out);

  CHECK_INT(analyze_task_parse(&out, later, strlen(later), NULL, 0, &err), ANALYZE_OK);
  CHECK(out != NULL && strstr(out, "\"status\":\"archived\",\"terminal\":false,\"known\":false") != NULL);
  /* poll_next backs off on an unknown status, then stops with unknown_status. */
  {
    char *decision = NULL;
    CHECK_INT(analyze_poll_next(&decision, out, strlen(out), 4, NULL, 0, &err), ANALYZE_OK);
    CHECK(decision != NULL && strstr(decision, "\"reason\":\"backoff\"") != NULL);
    analyze_free(decision);
    CHECK_INT(analyze_poll_next(&decision, out, strlen(out), 5, NULL, 0, &err), ANALYZE_OK);
    CHECK_STR(decision, "{\"done\":true,\"delay_ms\":null,\"reason\":\"unknown_status\","
                        "\"message\":\"task status \\\"archived\\\" is not one the library knows; stopped after 5 attempts\"}");
    analyze_free(decision);
    CHECK_INT(analyze_poll_next(&decision, "{\"status\":\"canceled\"}", 21, 0, NULL, 0, &err), ANALYZE_OK);
    CHECK(decision != NULL && strstr(decision, "\"reason\":\"terminal\"") != NULL);
    analyze_free(decision);
    CHECK_INT(analyze_poll_next(&decision, "{\"status\":\"expired\"}", 20, 0, NULL, 0, &err), ANALYZE_OK);
    CHECK(decision != NULL && strstr(decision, "\"reason\":\"terminal\"") != NULL);
    analyze_free(decision);
    CHECK_INT(analyze_poll_next(&decision, "{\"status\":\"canceling\"}", 22, 9, NULL, 0, &err), ANALYZE_OK);
    CHECK(decision != NULL && strstr(decision, "\"reason\":\"backoff\"") != NULL);
    analyze_free(decision);
    CHECK_INT(analyze_poll_next(&decision, "{\"status\":\"x\",\"known\":1}", 24, 0, NULL, 0, &err), ANALYZE_ERESPONSE);
    CHECK_STR(err.path, "known");
  }
  analyze_free(out);

  CHECK_INT(analyze_response_parse(&out, ANALYZE_RESPONSE_CANCEL, 200, NULL, 0, "{\"task_id\":\"t1\",\"status\":\"canceled\"}",
                                   36, NULL, 0, &err), ANALYZE_OK);
  CHECK_STR(out, "{\"task_id\":\"t1\",\"status\":\"canceled\"}");
  analyze_free(out);
  CHECK_INT(analyze_response_parse(&out, ANALYZE_RESPONSE_CANCEL, 409, NULL, 0,
                                   "{\"code\":\"task_not_cancelable\",\"message\":\"The task is ready.\"}", 61, NULL, 0, &err),
            ANALYZE_EAPI);
  CHECK(out != NULL && strstr(out, "\"http_status\":409") != NULL);
  analyze_free(out);
  CHECK_INT(analyze_response_parse(&out, ANALYZE_RESPONSE_CANCEL, 200, NULL, 0, "{\"status\":\"canceled\"}", 21, NULL, 0, &err),
            ANALYZE_ERESPONSE);
  CHECK_STR(err.path, "task_id");

  CHECK_INT(analyze_webhook_parse(&out, event, strlen(event), NULL, 0, &err), ANALYZE_OK);
  task = out ? json_loads(out, 0, NULL) : NULL;
  CHECK(json_is_true(json_object_get(task, "known")));
  CHECK_STR(json_string_value(json_object_get(json_object_get(task, "task"), "status")), "canceled");
  CHECK(json_is_null(json_object_get(json_object_get(task, "task"), "error")));
  json_decref(task);
  analyze_free(out);
  CHECK_INT(analyze_webhook_parse(&out, mismatch, strlen(mismatch), NULL, 0, &err), ANALYZE_ERESPONSE);
  CHECK_STR(err.path, "data.status");
}

/* time_array events: times in seconds, inside their segment, fields checked;
 * an undeclared segment_time_format is inferred, not assumed to be seconds. */
static void check_time_array_results(void) {
  char *out = NULL;
  analyze_error_t err;
  json_t *task, *issues, *events;
  const char *body =
      "{\"task_id\":\"t\",\"status\":\"ready\",\"created_at\":\"2026-11-30T10:00:00Z\","
      "\"request_params\":{\"analysis_mode\":\"time_based_metadata\",\"response_format\":{\"type\":\"segment_definitions\","
      "\"segment_definitions\":[{\"id\":\"play\",\"description\":\"d\",\"fields\":[{\"name\":\"goals\",\"type\":\"time_array\","
      "\"description\":\"g\",\"items\":{\"type\":\"object\",\"fields\":[{\"name\":\"team\",\"type\":\"string\",\"description\":\"t\"}]}}]}]}},"
      "\"result\":{\"data\":\"{\\\"play\\\":[{\\\"start_time\\\":\\\"00:00:10\\\",\\\"end_time\\\":\\\"00:01:00\\\",\\\"metadata\\\":{\\\"goals\\\":"
      "[{\\\"start_time\\\":\\\"00:00:12\\\",\\\"end_time\\\":\\\"00:00:20\\\",\\\"team\\\":\\\"home\\\"},"
      "{\\\"start_time\\\":\\\"00:00:50\\\",\\\"end_time\\\":\\\"00:01:05\\\",\\\"team\\\":3},"
      "{\\\"start_time\\\":15,\\\"end_time\\\":\\\"00:00:16\\\"}]}}]}\",\"generation_id\":\"g\",\"finish_reason\":\"stop\",\"usage\":{\"output_tokens\":5}}}";
  CHECK_INT(analyze_task_parse(&out, body, strlen(body), NULL, 0, &err), ANALYZE_OK);
  if (out == NULL) fprintf(stderr, "  %s\n", err.message);
  task = out ? json_loads(out, 0, NULL) : NULL;
  events = json_object_get(json_object_get(json_array_get(json_object_get(json_object_get(json_object_get(task, "result"), "segments"), "play"), 0),
                                           "metadata"), "goals");
  CHECK_INT((int)json_array_size(events), 3);
  CHECK(json_real_value(json_object_get(json_array_get(events, 0), "start_time")) == 12.0);
  CHECK(json_real_value(json_object_get(json_array_get(events, 0), "end_time")) == 20.0);
  CHECK_STR(json_string_value(json_object_get(json_array_get(events, 0), "team")), "home");
  issues = json_object_get(json_object_get(task, "result"), "issues");
  {
    const char *want[][2] = {
        {"event_outside_segment", "result.segments.play[0].metadata.goals[1].end_time"},
        {"field_type", "result.segments.play[0].metadata.goals[1].team"},
        {"time_format", "result.segments.play[0].metadata.goals[2].start_time"},
        {"field_missing", "result.segments.play[0].metadata.goals[2].team"},
    };
    size_t i;
    CHECK_INT((int)json_array_size(issues), 4);
    for (i = 0; i < 4 && i < json_array_size(issues); i++) {
      CHECK_STR(json_string_value(json_object_get(json_array_get(issues, i), "code")), want[i][0]);
      CHECK_STR(json_string_value(json_object_get(json_array_get(issues, i), "path")), want[i][1]);
    }
  }
  json_decref(task);
  analyze_free(out);
}

/* Batch responses and JSON Lines results. */
static void check_batch_responses(void) {
  char *out = NULL;
  analyze_error_t err;
  json_t *value, *twin = NULL;
  const char *status = "{\"batch_id\":\"b1\",\"analysis_mode\":\"general\",\"model_name\":\"pegasus1.5\",\"status\":\"canceling\","
                       "\"total_items\":3,\"created_at\":\"2026-11-30T10:00:00Z\",\"expires_at\":\"2026-12-01T10:00:00Z\","
                       "\"queued_items\":0,\"processing_items\":1,\"ready_items\":1,\"failed_items\":0,\"canceled_items\":1}";
  const char *created = "{\"batch_id\":\"b1\",\"status\":\"pending\",\"total_items\":1,\"created_at\":\"2026-11-30T10:00:00Z\","
                        "\"expires_at\":\"2026-12-01T10:00:00Z\",\"items\":[{\"task_id\":\"t1\",\"custom_id\":null}]}";
  const char *results = "{\"task_id\":\"t1\",\"custom_id\":\"a\",\"status\":\"ready\",\"data\":{\"generation_id\":\"g\","
                        "\"data\":\"hi\",\"finish_reason\":\"stop\",\"usage\":{\"output_tokens\":1}}}\n"
                        "oops\n\n{\"task_id\":\"t2\",\"custom_id\":null,\"status\":\"failed\",\"error\":{\"message\":\"m\"}}\n";
  CHECK_INT(analyze_response_parse(&out, ANALYZE_RESPONSE_BATCH_RETRIEVE, 200, NULL, 0, status, strlen(status), NULL, 0, &err),
            ANALYZE_OK);
  CHECK_STR(out, "{\"batch_id\":\"b1\",\"model_name\":\"pegasus1.5\",\"analysis_mode\":\"general\",\"status\":\"canceling\","
                 "\"terminal\":false,\"known\":true,\"total_items\":3,\"items\":{\"queued\":0,\"processing\":1,\"ready\":1,"
                 "\"failed\":0,\"canceled\":1},\"created_at\":\"2026-11-30T10:00:00Z\",\"created_at_ms\":1796032800000,"
                 "\"expires_at\":\"2026-12-01T10:00:00Z\",\"expires_at_ms\":1796119200000,\"completed_at\":null,"
                 "\"completed_at_ms\":null,\"canceled_at\":null,\"canceled_at_ms\":null,\"expired_at\":null,"
                 "\"expired_at_ms\":null,\"webhooks\":[]}");
  /* poll_next reads a batch object. */
  {
    char *decision = NULL;
    CHECK_INT(analyze_poll_next(&decision, out, strlen(out), 0, NULL, 0, &err), ANALYZE_OK);
    CHECK(decision != NULL && strstr(decision, "\"reason\":\"backoff\"") != NULL);
    analyze_free(decision);
  }
  analyze_free(out);
  CHECK_INT(analyze_response_parse(&out, ANALYZE_RESPONSE_BATCH_CANCEL, 202, NULL, 0, status, strlen(status), NULL, 0, &err),
            ANALYZE_OK);
  analyze_free(out);
  CHECK_INT(analyze_response_parse(&out, ANALYZE_RESPONSE_BATCH_CREATE, 201, NULL, 0, created, strlen(created), NULL, 0, &err),
            ANALYZE_OK);
  value = out ? json_loads(out, 0, NULL) : NULL;
  CHECK_STR(json_string_value(json_object_get(json_array_get(json_object_get(value, "tasks"), 0), "task_id")), "t1");
  CHECK(json_is_null(json_object_get(json_object_get(value, "items"), "ready")));
  json_decref(value);
  analyze_free(out);
  CHECK_INT(analyze_response_parse(&out, ANALYZE_RESPONSE_BATCH_CREATE, 201, NULL, 0, status, strlen(status), NULL, 0, &err),
            ANALYZE_ERESPONSE);
  CHECK_STR(err.path, "items");
  CHECK_INT(analyze_response_parse(&out, ANALYZE_RESPONSE_BATCH_DELETE, 200, NULL, 0, "", 0, NULL, 0, &err), ANALYZE_OK);
  CHECK_STR(out, "{\"deleted\":true}");
  analyze_free(out);
  CHECK_INT(analyze_response_parse(&out, ANALYZE_RESPONSE_BATCH_DELETE, 409, NULL, 0,
                                   "{\"code\":\"batch_not_terminal\",\"message\":\"processing\"}", 52, NULL, 0, &err),
            ANALYZE_EAPI);
  CHECK(out != NULL && strstr(out, "batch_not_terminal") != NULL);
  analyze_free(out);
  {
    char list[2048];
    snprintf(list, sizeof list, "{\"data\":[%s],\"page_info\":{\"page\":1}}", status);
    CHECK_INT(analyze_response_parse(&out, ANALYZE_RESPONSE_BATCH_LIST, 200, NULL, 0, list, strlen(list), NULL, 0, &err), ANALYZE_OK);
    value = out ? json_loads(out, 0, NULL) : NULL;
    CHECK_STR(json_string_value(json_object_get(json_array_get(json_object_get(value, "data"), 0), "batch_id")), "b1");
    CHECK(json_is_null(json_object_get(json_object_get(value, "page_info"), "total_page")));
    json_decref(value);
    analyze_free(out);
  }
  CHECK_INT(analyze_batch_results_parse(&out, results, strlen(results), NULL, 0, &err), ANALYZE_OK);
  value = out ? json_loads(out, 0, NULL) : NULL;
  CHECK_INT((int)json_array_size(json_object_get(value, "results")), 2);
  CHECK_INT((int)json_integer_value(json_object_get(json_array_get(json_object_get(value, "results"), 1), "line")), 4);
  CHECK_INT((int)json_integer_value(json_object_get(json_array_get(json_object_get(value, "errors"), 0), "line")), 2);
  CHECK_STR(json_string_value(json_object_get(json_object_get(json_array_get(json_object_get(value, "results"), 0), "result"), "data")), "hi");
  CHECK_INT(analyze_batch_results_parse_jansson(&twin, results, NULL, &err), ANALYZE_OK);
  CHECK(twin != NULL && json_equal(twin, value));
  json_decref(twin);
  json_decref(value);
  analyze_free(out);
  CHECK_INT(analyze_response_parse(&out, ANALYZE_RESPONSE_BATCH_RESULTS, 200, NULL, 0, results, strlen(results), NULL, 0, &err),
            ANALYZE_OK);
  CHECK(out != NULL && strstr(out, "\"errors\":[{\"line\":2,") != NULL);
  analyze_free(out);
  CHECK_INT(analyze_batch_results_parse(&out, "", 0, NULL, 0, &err), ANALYZE_OK);
  CHECK_STR(out, "{\"results\":[],\"errors\":[]}");
  analyze_free(out);
  CHECK_INT(analyze_batch_results_parse(&out, "\xff\n", 2, NULL, 0, &err), ANALYZE_OK);
  CHECK(out != NULL && strstr(out, "\"errors\":[{\"line\":1,") != NULL);
  analyze_free(out);
  CHECK_INT(analyze_batch_results_parse(&out, NULL, 3, NULL, 0, &err), ANALYZE_EINVAL);
  CHECK_INT(analyze_batch_results_parse(&out, "", 0, "{\"now\":1}", 9, &err), ANALYZE_EINVAL);
  CHECK_INT(analyze_batch_results_parse_jansson(&twin, NULL, NULL, &err), ANALYZE_EINVAL);
}

/* {"include_data": false}: result.data is null and nothing else changes, in
 * every function that normalizes tasks; other types are ANALYZE_EINVAL. */
static void check_include_data(void) {
  size_t len = 0;
  char *body = read_fixture("task_ready_segments_seconds.json", &len);
  char *full = NULL, *bare = NULL, *out = NULL;
  const char *no_data = "{\"include_data\":false}";
  analyze_error_t err;
  json_error_t jerr;
  int rc;

  CHECK(body != NULL);
  CHECK_INT(analyze_task_parse(&full, body, len, NULL, 0, &err), ANALYZE_OK);
  CHECK_INT(analyze_task_parse(&bare, body, len, no_data, strlen(no_data), &err), ANALYZE_OK);
  json_t *full_json = json_loads(full, 0, &jerr), *bare_json = json_loads(bare, 0, &jerr);
  CHECK(full_json != NULL && bare_json != NULL);
  CHECK(json_is_string(json_object_get(json_object_get(full_json, "result"), "data")));
  CHECK(json_is_null(json_object_get(json_object_get(bare_json, "result"), "data")));
  CHECK(json_object_get(json_object_get(bare_json, "result"), "segments") != NULL);
  json_object_set_new(json_object_get(full_json, "result"), "data", json_null());
  CHECK(json_equal(full_json, bare_json));
  CHECK(strlen(bare) + 100 < strlen(full));

  const char *with_data = "{\"include_data\":true}";
  CHECK_INT(analyze_task_parse(&out, body, len, with_data, strlen(with_data), &err), ANALYZE_OK);
  CHECK_STR(out, full);
  analyze_free(out);

  CHECK_INT(analyze_response_parse(&out, ANALYZE_RESPONSE_RETRIEVE, 200, NULL, 0, body, len, no_data,
                                   strlen(no_data), &err), ANALYZE_OK);
  CHECK_STR(out, bare);
  analyze_free(out);

  const char *wrong = "{\"include_data\":\"no\"}";
  out = (char *)1;
  rc = analyze_task_parse(&out, body, len, wrong, strlen(wrong), &err);
  check_failure_shape(rc, out, &err, ANALYZE_EINVAL, "option include_data must be a boolean, got string", "include_data");

  json_decref(full_json);
  json_decref(bare_json);
  analyze_free(full);
  analyze_free(bare);
  free(body);
}

/* {"segments_encoding": "pickle"}: the text is that of the default encoding
 * with each result.segments replaced by its pickle's byte count; after the
 * text's NUL come the trailer's size (8 bytes, little-endian) and the pickle
 * (protocol 4: 0x80 0x04, one frame, STOP at the end). Without segments the
 * trailer is empty. */
/* The output does not depend on how the body escapes result.data: written as
 * the library writes strings it is copied (JSONSourceText), written otherwise
 * (here \/ and \u00E9, jansson's JSON_ESCAPE_SLASH and JSON_ENSURE_ASCII) it
 * is unescaped and escaped again; both give the same bytes. */
static void check_data_escapes(void) {
  size_t len = 0;
  char *text = read_fixture("task_ready_segments_seconds.json", &len);
  json_error_t jerr;
  CHECK(text != NULL);
  json_t *doc = json_loads(text, 0, &jerr);
  json_t *result = json_object_get(doc, "result");
  json_t *data = json_loads(json_string_value(json_object_get(result, "data")), 0, &jerr);
  CHECK(doc != NULL && data != NULL);
  json_t *first = json_array_get(json_object_get(data, "goal"), 0);
  json_object_set_new(json_object_get(first, "metadata"), "link", json_string("https://example.com/a \xc3\xa9 \"b\""));
  char *inner = json_dumps(data, JSON_COMPACT | JSON_PRESERVE_ORDER);
  json_object_set_new(result, "data", json_string(inner));
  char *plain = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER);
  char *other = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ESCAPE_SLASH | JSON_ENSURE_ASCII);
  CHECK(plain != NULL && other != NULL);
  CHECK(strstr(plain, "https://example.com/a \xc3\xa9") != NULL);
  CHECK(strstr(other, "https:\\/\\/example.com\\/a \\u00E9") != NULL);
  char *from_plain = NULL, *from_other = NULL;
  analyze_error_t err;
  CHECK_INT(analyze_task_parse(&from_plain, plain, strlen(plain), NULL, 0, &err), ANALYZE_OK);
  CHECK_INT(analyze_task_parse(&from_other, other, strlen(other), NULL, 0, &err), ANALYZE_OK);
  CHECK(from_plain != NULL && from_other != NULL && strcmp(from_plain, from_other) == 0);
  json_t *parsed = json_loads(from_plain, 0, &jerr);
  CHECK(parsed != NULL);
  CHECK(strcmp(json_string_value(json_object_get(json_object_get(parsed, "result"), "data")), inner) == 0);
  json_decref(parsed);
  analyze_free(from_plain);
  analyze_free(from_other);
  free(plain);
  free(other);
  free(inner);
  json_decref(data);
  json_decref(doc);
  free(text);
}

static void check_segments_pickle(void) {
  size_t len = 0;
  char *body = read_fixture("task_ready_segments_seconds.json", &len);
  char *plain = NULL, *out = NULL;
  const char *pickle = "{\"include_data\":false,\"segments_encoding\":\"pickle\"}";
  const char *no_data = "{\"include_data\":false}";
  analyze_error_t err;
  json_error_t jerr;

  CHECK(body != NULL);
  CHECK_INT(analyze_task_parse(&plain, body, len, no_data, strlen(no_data), &err), ANALYZE_OK);
  CHECK_INT(analyze_task_parse(&out, body, len, pickle, strlen(pickle), &err), ANALYZE_OK);
  json_t *plain_json = json_loads(plain, 0, &jerr), *out_json = json_loads(out, 0, &jerr);
  CHECK(plain_json != NULL && out_json != NULL);
  json_t *size = json_object_get(json_object_get(out_json, "result"), "segments");
  CHECK(json_is_integer(size));
  size_t text = strlen(out);
  uint64_t trailer = 0;
  for (int k = 7; k >= 0; k--) trailer = trailer << 8 | (unsigned char)out[text + 1 + k];
  CHECK(trailer == (uint64_t)json_integer_value(size) && trailer > 11);
  const unsigned char *bytes = (const unsigned char *)out + text + 9;
  CHECK(bytes[0] == 0x80 && bytes[1] == 4 && bytes[2] == 0x95 && bytes[trailer - 1] == '.');
  json_object_set(json_object_get(out_json, "result"), "segments",
                  json_object_get(json_object_get(plain_json, "result"), "segments"));
  CHECK(json_equal(out_json, plain_json));
  analyze_free(out);

  /* No segments (a text result): the trailer is there, and empty. */
  free(body);
  body = read_fixture("task_ready_text.json", &len);
  CHECK(body != NULL);
  CHECK_INT(analyze_task_parse(&out, body, len, pickle, strlen(pickle), &err), ANALYZE_OK);
  text = strlen(out);
  static const char empty[9] = {0};
  CHECK(memcmp(out + text, empty, 9) == 0);
  analyze_free(out);

  const char *wrong = "{\"segments_encoding\":\"xml\"}";
  out = (char *)1;
  int rc = analyze_task_parse(&out, body, len, wrong, strlen(wrong), &err);
  check_failure_shape(rc, out, &err, ANALYZE_EINVAL, "option segments_encoding must be \"json\" or \"pickle\", got \"xml\"",
                      "segments_encoding");

  json_decref(plain_json);
  json_decref(out_json);
  analyze_free(plain);
  free(body);
}

int main(int argc, char **argv) {
  if (argc > 1) fixtures = argv[1];
  check_manifest();
  check_arguments();
  check_api_error();
  check_hostile();
  check_canceled_and_unknown();
  check_time_array_results();
  check_batch_responses();
  check_include_data();
  check_segments_pickle();
  check_data_escapes();
  return CHECK_DONE();
}
