/* Request validation and HTTP request building through the real libanalyze.so:
 * the shared catalogue (tests/fixtures/requests/catalogue.json) through the
 * string API and the json_t twins, building from every case, the task
 * builders, idempotency keys, API revisions, the validate modes, and
 * NULL/length/option errors. */
#include <stdlib.h>
#include <string.h>

#include <analyze_jansson.h>

#include "check.h"

static const char *const OPTIONS = "{\"api_key\":\"tlk_SECRET_KEY\"}";

static char *dump(const json_t *value) {
  return json_dumps(value, JSON_COMPACT | JSON_ENCODE_ANY | JSON_PRESERVE_ORDER);
}

/* The expected issues of a case, with the messages when the catalogue has them. */
static int issues_match(const json_t *expected, const json_t *actual) {
  size_t i;
  if (!json_is_array(actual) || json_array_size(expected) != json_array_size(actual)) return 0;
  for (i = 0; i < json_array_size(expected); i++) {
    const json_t *want = json_array_get(expected, i), *got = json_array_get(actual, i);
    const char *keys[] = {"severity", "code", "path", "message"};
    size_t k;
    for (k = 0; k < 4; k++) {
      const json_t *w = json_object_get(want, keys[k]);
      if (w == NULL && k == 3) continue;
      if (!json_equal(w, json_object_get(got, keys[k]))) return 0;
    }
  }
  return 1;
}

static int has_error(const json_t *issues) {
  size_t i;
  for (i = 0; i < json_array_size(issues); i++)
    if (strcmp(json_string_value(json_object_get(json_array_get(issues, i), "severity")), "error") == 0) return 1;
  return 0;
}

/* Building agrees with the report: a valid request gives its body back, an
 * invalid one fails with the first error. */
static void check_build(const char *name, const char *request, const json_t *options, const json_t *report) {
  json_t *opts = json_pack("{s:s}", "api_key", "tlk_SECRET_KEY");
  char *opts_text, *out = (char *)1;
  analyze_error_t err;
  int rc;
  if (json_is_object(options)) json_object_update(opts, (json_t *)options);
  opts_text = dump(opts);
  rc = analyze_request_build(&out, request, strlen(request), opts_text, strlen(opts_text), &err);
  if (json_is_true(json_object_get(report, "valid"))) {
    json_t *http = out ? json_loads(out, 0, NULL) : NULL;
    json_t *body = http ? json_loads(json_string_value(json_object_get(http, "body")), JSON_DECODE_ANY, NULL) : NULL;
    json_t *original = json_loads(request, JSON_DECODE_ANY, NULL);
    CHECK_INT(rc, ANALYZE_OK);
    CHECK(body != NULL && json_equal(body, original));
    if (body == NULL || !json_equal(body, original)) fprintf(stderr, "  %s: body differs: %s\n", name, out ? out : "(null)");
    json_decref(http);
    json_decref(body);
    json_decref(original);
  } else {
    const json_t *issues = json_object_get(report, "issues"), *first = NULL;
    size_t i, errors = 0;
    char expected[ANALYZE_ERROR_MESSAGE_LENGTH * 2];
    for (i = 0; i < json_array_size(issues); i++) {
      const json_t *issue = json_array_get(issues, i);
      if (strcmp(json_string_value(json_object_get(issue, "severity")), "error") != 0) continue;
      if (first == NULL) first = issue;
      errors++;
    }
    CHECK_INT(rc, ANALYZE_EVALIDATION);
    CHECK(out == NULL);
    if (first != NULL) {
      const char *path = json_string_value(json_object_get(first, "path"));
      snprintf(expected, sizeof expected, "request is invalid: %zu error(s); first: %s: %s", errors,
               path[0] ? path : "(document)", json_string_value(json_object_get(first, "message")));
      expected[ANALYZE_ERROR_MESSAGE_LENGTH - 1] = '\0';
      if (strlen(expected) >= ANALYZE_ERROR_MESSAGE_LENGTH - 1) {
        /* Cut to the detail's size on a UTF-8 boundary, as the library does. */
        size_t cut = ANALYZE_ERROR_MESSAGE_LENGTH - 1;
        while (cut > 0 && ((unsigned char)expected[cut] & 0xC0) == 0x80) cut--;
        expected[cut] = '\0';
      }
      CHECK_STR(err.message, expected);
      CHECK_STR(err.path, path);
    }
    CHECK(strstr(err.message, "SECRET") == NULL);
  }
  analyze_free(rc == ANALYZE_OK ? out : NULL);
  free(opts_text);
  json_decref(opts);
}

static void check_catalogue(const char *path) {
  json_error_t jerr;
  json_t *catalogue = json_load_file(path, 0, &jerr), *cases;
  size_t i, valid = 0;
  CHECK(catalogue != NULL);
  if (catalogue == NULL) {
    fprintf(stderr, "  cannot read %s: %s\n", path, jerr.text);
    return;
  }
  cases = json_object_get(catalogue, "cases");
  CHECK(json_array_size(cases) > 200);
  for (i = 0; i < json_array_size(cases); i++) {
    const json_t *entry = json_array_get(cases, i);
    const char *name = json_string_value(json_object_get(entry, "name"));
    const json_t *options = json_object_get(entry, "options");
    const json_t *expected = json_object_get(entry, "issues");
    char *request = dump(json_object_get(entry, "request"));
    char *options_text = options ? dump(options) : NULL;
    char *report_text = NULL, *again = NULL;
    json_t *report, *twin = NULL;
    analyze_error_t err;
    int rc = analyze_request_validate(&report_text, request, strlen(request), options_text,
                                      options_text ? strlen(options_text) : 0, &err);
    CHECK_INT(rc, ANALYZE_OK);
    report = report_text ? json_loads(report_text, 0, NULL) : NULL;
    if (!issues_match(expected, json_object_get(report, "issues"))) {
      check_failures++;
      fprintf(stderr, "  %s: unexpected report %s\n", name, report_text ? report_text : err.message);
    }
    CHECK(json_is_boolean(json_object_get(report, "valid")));
    CHECK(json_is_true(json_object_get(report, "valid")) == !has_error(expected));
    /* Same bytes every time. */
    CHECK_INT(analyze_request_validate(&again, request, strlen(request), options_text,
                                       options_text ? strlen(options_text) : 0, NULL), ANALYZE_OK);
    CHECK_STR(again, report_text ? report_text : "");
    /* The json_t twin gives the same report. */
    CHECK_INT(analyze_request_validate_jansson(&twin, json_object_get(entry, "request"), options, NULL), ANALYZE_OK);
    CHECK(twin != NULL && json_equal(twin, report));
    if (report) check_build(name, request, options, report);
    if (json_is_true(json_object_get(report, "valid"))) valid++;
    json_decref(report);
    json_decref(twin);
    analyze_free(report_text);
    analyze_free(again);
    free(request);
    free(options_text);
  }
  CHECK(valid > 50);
  json_decref(catalogue);
}

static void check_validate_errors(void) {
  char *out = (char *)1;
  analyze_error_t err;
  CHECK_INT(analyze_request_validate(&out, "{\"prompt\": ", 11, NULL, 0, &err), ANALYZE_EJSON);
  CHECK(out == NULL);
  CHECK_INT(err.line, 1);
  CHECK_INT(err.column, 12);
  CHECK_INT(analyze_request_validate(NULL, "{}", 2, NULL, 0, &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "out is NULL");
  CHECK_INT(analyze_request_validate(&out, NULL, 3, NULL, 0, &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "json is NULL but its length is 3");
  CHECK_INT(analyze_request_validate(&out, "{}", (size_t)-1, NULL, 0, &err), ANALYZE_EINVAL);
  CHECK_INT(analyze_request_validate(&out, "{}", 2, "{\"video_length\":3}", 18, &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "unknown option \"video_length\"; allowed: video_duration, api_revision");
  CHECK_STR(err.path, "video_length");
  CHECK_INT(analyze_request_validate(&out, "{}", 2, "{\"video_duration\":-1}", 21, &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "option video_duration must be a positive number of seconds");
  CHECK_INT(analyze_request_validate(&out, "{}", 2, "[", 1, &err), ANALYZE_EINVAL);
  CHECK(strncmp(err.message, "options are not valid JSON: ", 28) == 0);
  CHECK_INT(analyze_request_validate(&out, "{}", 2, NULL, 5, &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "options is NULL but its length is 5");
  /* Empty input is not JSON. */
  CHECK_INT(analyze_request_validate(&out, "", 0, NULL, 0, &err), ANALYZE_EJSON);
  /* A document that is not an object is still a report. */
  CHECK_INT(analyze_request_validate(&out, "42", 2, NULL, 0, &err), ANALYZE_OK);
  CHECK_STR(out, "{\"valid\":false,\"issues\":[{\"severity\":\"error\",\"code\":\"parameter_invalid\",\"path\":\"\","
                 "\"message\":\"the request must be a JSON object, not an integer\"}]}");
  CHECK_INT(err.code, ANALYZE_OK);
  analyze_free(out);
}

static void check_create(void) {
  const char *request = "{\"prompt\":\"Summarize.\",\"video_id\":\"v1\"}";
  const char *options = "{\"api_key\":\"tlk_SECRET_KEY\",\"idempotency_key\":\"8d3f\",\"user_agent\":\"demo/1\","
                        "\"base_url\":\"http://localhost:8080/v1.3/\"}";
  char *out = NULL;
  analyze_error_t err;
  json_t *twin = NULL, *jrequest, *joptions;
  CHECK_INT(analyze_request_build(&out, request, strlen(request), options, strlen(options), &err), ANALYZE_OK);
  CHECK_STR(out, "{\"method\":\"POST\",\"url\":\"http://localhost:8080/v1.3/analyze/tasks\",\"headers\":{"
                 "\"x-api-key\":\"tlk_SECRET_KEY\",\"Content-Type\":\"application/json\",\"Idempotency-Key\":\"8d3f\","
                 "\"User-Agent\":\"demo/1\"},\"body\":\"{\\\"video_id\\\":\\\"v1\\\",\\\"prompt\\\":\\\"Summarize.\\\"}\"}");
  jrequest = json_loads(request, 0, NULL);
  joptions = json_loads(options, 0, NULL);
  CHECK_INT(analyze_request_build_jansson(&twin, jrequest, joptions, &err), ANALYZE_OK);
  CHECK_STR(json_string_value(json_object_get(twin, "body")), "{\"video_id\":\"v1\",\"prompt\":\"Summarize.\"}");
  CHECK_STR(json_string_value(json_object_get(json_object_get(twin, "headers"), "Idempotency-Key")), "8d3f");
  json_decref(twin);
  analyze_free(out);
  /* Options are required and checked; the key is never echoed. */
  CHECK_INT(analyze_request_build(&out, request, strlen(request), NULL, 0, &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "option api_key is required and must not be empty");
  CHECK_STR(err.path, "api_key");
  CHECK_INT(analyze_request_build(&out, request, strlen(request), "{\"api_key\":\"tlk SECRET\"}", 24, &err), ANALYZE_EINVAL);
  CHECK(strstr(err.message, "SECRET") == NULL);
  CHECK_INT(analyze_request_build_jansson(&twin, jrequest, NULL, &err), ANALYZE_EINVAL);
  CHECK(twin == NULL);
  CHECK_INT(analyze_request_build(&out, "{\"prompt\"", 9, OPTIONS, strlen(OPTIONS), &err), ANALYZE_EJSON);
  CHECK_INT(analyze_request_build(&out, "{\"prompt\":\"p\"}", 14, OPTIONS, strlen(OPTIONS), &err), ANALYZE_EVALIDATION);
  CHECK_STR(err.message, "request is invalid: 1 error(s); first: video_id: required: pegasus1.2 analyzes a pre-indexed "
                         "video named by video_id (model_name defaults to pegasus1.2)");
  CHECK_STR(err.path, "video_id");
  json_decref(jrequest);
  json_decref(joptions);
}

static void check_task_builders(void) {
  char *out = NULL;
  analyze_error_t err;
  json_t *twin = NULL, *query, *key = json_pack("{s:s}", "api_key", "k");
  CHECK_INT(analyze_request_build_retrieve(&out, "6650a3c1 e1", 11, OPTIONS, strlen(OPTIONS), &err), ANALYZE_OK);
  CHECK_STR(out, "{\"method\":\"GET\",\"url\":\"https://api.twelvelabs.io/v1.3/analyze/tasks/6650a3c1%20e1\","
                 "\"headers\":{\"x-api-key\":\"tlk_SECRET_KEY\"},\"body\":null}");
  analyze_free(out);
  CHECK_INT(analyze_request_build_delete(&out, "t/1", 3, OPTIONS, strlen(OPTIONS), &err), ANALYZE_OK);
  CHECK_STR(out, "{\"method\":\"DELETE\",\"url\":\"https://api.twelvelabs.io/v1.3/analyze/tasks/t%2F1\","
                 "\"headers\":{\"x-api-key\":\"tlk_SECRET_KEY\"},\"body\":null}");
  analyze_free(out);
  CHECK_INT(analyze_request_build_retrieve(&out, "", 0, OPTIONS, strlen(OPTIONS), &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "task_id must not be empty");
  CHECK_INT(analyze_request_build_retrieve(&out, NULL, 4, OPTIONS, strlen(OPTIONS), &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "task_id is NULL but its length is 4");
  CHECK_INT(analyze_request_build_delete(&out, "\xff", 1, OPTIONS, strlen(OPTIONS), &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "task_id is not valid UTF-8");
  {
    const char *create_only = "{\"api_key\":\"k\",\"idempotency_key\":\"x\"}";
    CHECK_INT(analyze_request_build_retrieve(&out, "t", 1, create_only, strlen(create_only), &err), ANALYZE_EINVAL);
  }
  CHECK_STR(err.message, "unknown option \"idempotency_key\"; allowed: api_key, base_url, user_agent, api_revision");
  CHECK_INT(analyze_request_build_retrieve_jansson(&twin, "abc", key, &err), ANALYZE_OK);
  CHECK_STR(json_string_value(json_object_get(twin, "url")), "https://api.twelvelabs.io/v1.3/analyze/tasks/abc");
  CHECK(json_is_null(json_object_get(twin, "body")));
  json_decref(twin);

  CHECK_INT(analyze_request_build_list(&out, NULL, 0, OPTIONS, strlen(OPTIONS), &err), ANALYZE_OK);
  CHECK_STR(out, "{\"method\":\"GET\",\"url\":\"https://api.twelvelabs.io/v1.3/analyze/tasks\","
                 "\"headers\":{\"x-api-key\":\"tlk_SECRET_KEY\"},\"body\":null}");
  analyze_free(out);
  query = json_pack("{s:s,s:i,s:i,s:s}", "status", "ready", "page_limit", 50, "page", 3, "video_url",
                    "https://example.com/a.mp4?x=1&y=2");
  CHECK_INT(analyze_request_build_list_jansson(&twin, query, key, &err), ANALYZE_OK);
  CHECK_STR(json_string_value(json_object_get(twin, "url")),
            "https://api.twelvelabs.io/v1.3/analyze/tasks?page=3&page_limit=50&status=ready"
            "&video_url=https%3A%2F%2Fexample.com%2Fa.mp4%3Fx%3D1%26y%3D2");
  json_decref(twin);
  json_decref(query);
  CHECK_INT(analyze_request_build_list(&out, "{\"page_limit\":51}", 17, OPTIONS, strlen(OPTIONS), &err), ANALYZE_EVALIDATION);
  CHECK_STR(err.message, "query is invalid: 1 error(s); first: page_limit: must be between 1 and 50 (default 10); got 51");
  CHECK_STR(err.path, "page_limit");
  CHECK_INT(analyze_request_build_list(&out, "{\"status\":\"done\",\"page\":0}", 26, OPTIONS, strlen(OPTIONS), &err),
            ANALYZE_EVALIDATION);
  CHECK_STR(err.path, "status");
  CHECK_INT(analyze_request_build_list(&out, "{", 1, OPTIONS, strlen(OPTIONS), &err), ANALYZE_EJSON);
  CHECK_INT(analyze_request_build_list_jansson(NULL, NULL, NULL, &err), ANALYZE_EINVAL);
  json_decref(key);
}

/* analyze_api_revisions(), the api_revision and validate options, cancel. */
static void check_revisions(void) {
  char *out = NULL;
  analyze_error_t err;
  json_t *value = NULL, *twin = NULL, *revisions, *key = json_pack("{s:s,s:s}", "api_key", "k", "api_revision", "2026-10");
  const char *r10 = "{\"api_key\":\"tlk_SECRET_KEY\",\"api_revision\":\"2026-10\"}";
  const char *image = "{\"model_name\":\"pegasus1.6\",\"image\":[{\"name\":\"a\",\"url\":\"https://e.com/a.jpg\"}],"
                      "\"prompt\":\"Describe <@a>.\"}";
  const char *big = "{\"video_id\":\"v\",\"prompt\":\"p\",\"max_tokens\":99999999999999999999}";

  CHECK_INT(analyze_api_revisions(&out, &err), ANALYZE_OK);
  value = out ? json_loads(out, 0, NULL) : NULL;
  CHECK_STR(json_string_value(json_object_get(value, "default")), "2026-05");
  revisions = json_object_get(value, "revisions");
  CHECK_INT((int)json_array_size(revisions), 2);
  CHECK_STR(json_string_value(json_object_get(json_array_get(revisions, 1), "name")), "2026-10");
  CHECK_STR(json_string_value(json_object_get(json_array_get(revisions, 1), "default_model")), "pegasus1.5");
  CHECK_INT(analyze_api_revisions_jansson(&twin, &err), ANALYZE_OK);
  CHECK(twin != NULL && json_equal(twin, value));
  json_decref(twin);
  json_decref(value);
  analyze_free(out);
  CHECK_INT(analyze_api_revisions(NULL, &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "out is NULL");
  CHECK_INT(analyze_api_revisions_jansson(NULL, &err), ANALYZE_EINVAL);

  /* api_revision on validate and build. */
  CHECK_INT(analyze_request_validate(&out, image, strlen(image), "{\"api_revision\":\"2026-10\"}", 26, &err), ANALYZE_OK);
  CHECK_STR(out, "{\"valid\":true,\"issues\":[]}");
  analyze_free(out);
  CHECK_INT(analyze_request_validate(&out, image, strlen(image), "{\"api_revision\":\"2027-01\"}", 26, &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "option api_revision \"2027-01\" is not a revision this library knows; known: 2026-05, 2026-10");
  CHECK_STR(err.path, "api_revision");
  CHECK(out == NULL);
  CHECK_INT(analyze_request_validate(&out, image, strlen(image), "{\"api_revision\":null}", 21, &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "option api_revision must be a string, not null");
  CHECK_INT(analyze_request_build(&out, image, strlen(image), OPTIONS, strlen(OPTIONS), &err), ANALYZE_EVALIDATION);
  CHECK_STR(err.path, "model_name");
  CHECK_INT(analyze_request_build(&out, image, strlen(image), r10, strlen(r10), &err), ANALYZE_OK);
  value = out ? json_loads(out, 0, NULL) : NULL;
  CHECK_STR(json_string_value(json_object_get(value, "body")), image);
  CHECK(json_object_get(value, "validation") == NULL);
  json_decref(value);
  analyze_free(out);

  /* An integer beyond 64 bits: an issue, not malformed input. */
  CHECK_INT(analyze_request_validate(&out, big, strlen(big), NULL, 0, &err), ANALYZE_OK);
  CHECK_STR(out, "{\"valid\":false,\"issues\":[{\"severity\":\"error\",\"code\":\"parameter_invalid\",\"path\":\"max_tokens\","
                 "\"message\":\"must fit in a signed 64-bit integer; got 99999999999999999999\"}]}");
  analyze_free(out);
  CHECK_INT(analyze_request_build(&out, big, strlen(big), OPTIONS, strlen(OPTIONS), &err), ANALYZE_EVALIDATION);
  CHECK_STR(err.path, "max_tokens");
  CHECK_INT(analyze_request_validate(&out, "[99999999999999999999", 21, NULL, 0, &err), ANALYZE_EJSON);

  /* validate: warn builds with the report, off checks only JSON. */
  {
    const char *warn = "{\"api_key\":\"k\",\"validate\":\"warn\"}", *off = "{\"api_key\":\"k\",\"validate\":\"off\"}";
    const char *bad = "{\"video_id\":\"v\",\"prompt\":\"p\",\"temperature\":3}";
    CHECK_INT(analyze_request_build(&out, bad, strlen(bad), warn, strlen(warn), &err), ANALYZE_OK);
    value = out ? json_loads(out, 0, NULL) : NULL;
    CHECK_STR(json_string_value(json_object_get(value, "body")), bad);
    CHECK(json_is_false(json_object_get(json_object_get(value, "validation"), "valid")));
    CHECK_STR(json_string_value(json_object_get(json_array_get(json_object_get(json_object_get(value, "validation"), "issues"), 0), "path")),
              "temperature");
    json_decref(value);
    analyze_free(out);
    CHECK_INT(analyze_request_build(&out, big, strlen(big), off, strlen(off), &err), ANALYZE_OK);
    value = out ? json_loads(out, JSON_DECODE_ANY, NULL) : NULL;
    CHECK_STR(json_string_value(json_object_get(value, "body")), big);
    CHECK(json_object_get(value, "validation") == NULL);
    json_decref(value);
    analyze_free(out);
    CHECK_INT(analyze_request_build(&out, "{\"a\":", 5, off, strlen(off), &err), ANALYZE_EJSON);
    CHECK_INT(analyze_request_build(&out, bad, strlen(bad), "{\"api_key\":\"k\",\"validate\":true}", 31, &err), ANALYZE_EINVAL);
    CHECK_STR(err.message, "option validate must be a string, not a boolean");
    CHECK_INT(analyze_request_build(&out, bad, strlen(bad), "{\"api_key\":\"k\",\"validate\":\"no\"}", 31, &err), ANALYZE_EINVAL);
    CHECK_STR(err.message, "option validate must be one of: strict, warn, off; got \"no\"");
  }

  /* Cancel. */
  CHECK_INT(analyze_request_build_cancel(&out, "t 1", 3, OPTIONS, strlen(OPTIONS), &err), ANALYZE_OK);
  CHECK_STR(out, "{\"method\":\"POST\",\"url\":\"https://api.twelvelabs.io/v1.3/analyze/tasks/t%201/cancel\","
                 "\"headers\":{\"x-api-key\":\"tlk_SECRET_KEY\"},\"body\":null}");
  analyze_free(out);
  CHECK_INT(analyze_request_build_cancel(&out, "", 0, OPTIONS, strlen(OPTIONS), &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "task_id must not be empty");
  CHECK_INT(analyze_request_build_cancel(&out, NULL, 2, OPTIONS, strlen(OPTIONS), &err), ANALYZE_EINVAL);
  CHECK_INT(analyze_request_build_cancel(&out, "\xc3", 1, OPTIONS, strlen(OPTIONS), &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "task_id is not valid UTF-8");
  CHECK_INT(analyze_request_build_cancel(&out, "t", 1, NULL, 0, &err), ANALYZE_EINVAL);
  CHECK_INT(analyze_request_build_cancel(NULL, "t", 1, OPTIONS, strlen(OPTIONS), &err), ANALYZE_EINVAL);
  {
    const char *unknown = "{\"api_key\":\"k\",\"api_revision\":\"x\"}";
    CHECK_INT(analyze_request_build_cancel(&out, "t", 1, unknown, strlen(unknown), &err), ANALYZE_EINVAL);
  }
  CHECK_STR(err.path, "api_revision");
  CHECK_INT(analyze_request_build_cancel(&out, "t", (size_t)-1, OPTIONS, strlen(OPTIONS), &err), ANALYZE_EINVAL);
  CHECK_INT(analyze_request_build_cancel_jansson(&twin, "abc", key, &err), ANALYZE_OK);
  CHECK_STR(json_string_value(json_object_get(twin, "url")), "https://api.twelvelabs.io/v1.3/analyze/tasks/abc/cancel");
  CHECK_STR(json_string_value(json_object_get(twin, "method")), "POST");
  json_decref(twin);
  CHECK_INT(analyze_request_build_cancel_jansson(&twin, NULL, key, &err), ANALYZE_EINVAL);

  /* The list filter: canceled in every revision, video_id only in 2026-05. */
  CHECK_INT(analyze_request_build_list(&out, "{\"status\":\"canceled\"}", 21, OPTIONS, strlen(OPTIONS), &err), ANALYZE_OK);
  analyze_free(out);
  CHECK_INT(analyze_request_build_list(&out, "{\"video_id\":\"v\"}", 16, r10, strlen(r10), &err), ANALYZE_EVALIDATION);
  CHECK_STR(err.path, "video_id");
  json_decref(key);
}

/* Batches: validation at the item's or the default's path, building from JSON
 * Lines, the batch request builders. */
static void check_batches(void) {
  char *out = NULL;
  analyze_error_t err;
  json_t *value = NULL, *twin = NULL, *issues, *key = json_pack("{s:s}", "api_key", "k");
  const char *batch =
      "{\"model_name\":\"pegasus1.5\",\"analysis_mode\":\"general\",\"defaults\":{\"prompt\":{\"input_text\":\"Summarize.\"},"
      "\"max_tokens\":1024},\"requests\":[{\"video\":{\"type\":\"asset_id\",\"asset_id\":\"a1\"},\"custom_id\":\"x\"},"
      "{\"video\":{\"type\":\"asset_id\",\"asset_id\":\"a2\"},\"custom_id\":\"x\",\"max_tokens\":100},"
      "{\"video\":{\"type\":\"url\",\"url\":\"https://e.com/v.mp4\"}},{\"custom_id\":\"y\",\"max_tokens\":\"unlimited\"}]}";
  const char *want[][2] = {
      {"parameter_invalid", "requests[1].custom_id"}, {"parameter_invalid", "requests[1].max_tokens"},
      {"parameter_invalid", "requests[2].video.type"}, {"parameter_invalid", "requests[3].max_tokens"},
      {"parameter_not_provided", "requests[3].video"},
  };
  size_t i;
  CHECK_INT(analyze_batch_validate(&out, batch, strlen(batch), NULL, 0, &err), ANALYZE_OK);
  value = out ? json_loads(out, 0, NULL) : NULL;
  issues = json_object_get(value, "issues");
  CHECK(json_is_false(json_object_get(value, "valid")));
  CHECK_INT((int)json_array_size(issues), 5);
  for (i = 0; i < 5 && i < json_array_size(issues); i++) {
    CHECK_STR(json_string_value(json_object_get(json_array_get(issues, i), "code")), want[i][0]);
    CHECK_STR(json_string_value(json_object_get(json_array_get(issues, i), "path")), want[i][1]);
  }
  CHECK_STR(json_string_value(json_object_get(json_array_get(issues, 1), "message")),
            "must be between 512 and 98,304 for pegasus1.5 with analysis_mode general (default 4,096); got 100");
  {
    json_t *parsed = json_loads(batch, 0, NULL);
    CHECK_INT(analyze_batch_validate_jansson(&twin, parsed, NULL, &err), ANALYZE_OK);
    CHECK(twin != NULL && json_equal(twin, value));
    json_decref(twin);
    CHECK_INT(analyze_request_build_batch_create_jansson(&twin, parsed, key, &err), ANALYZE_EVALIDATION);
    CHECK_STR(err.path, "requests[1].custom_id");
    CHECK(twin == NULL);
    json_decref(parsed);
  }
  json_decref(value);
  analyze_free(out);
  CHECK_INT(analyze_batch_validate(&out, "[]", 2, NULL, 0, &err), ANALYZE_OK);
  CHECK_STR(out, "{\"valid\":false,\"issues\":[{\"severity\":\"error\",\"code\":\"parameter_invalid\",\"path\":\"\","
                 "\"message\":\"the batch must be a JSON object, not an array\"}]}");
  analyze_free(out);
  CHECK_INT(analyze_batch_validate(&out, "{", 1, NULL, 0, &err), ANALYZE_EJSON);
  CHECK_INT(analyze_batch_validate(NULL, "{}", 2, NULL, 0, &err), ANALYZE_EINVAL);
  CHECK_INT(analyze_batch_validate(&out, NULL, 2, NULL, 0, &err), ANALYZE_EINVAL);
  CHECK_INT(analyze_batch_validate(&out, "{}", 2, "{\"api_key\":\"k\"}", 15, &err), ANALYZE_EINVAL);
  CHECK_INT(analyze_batch_validate_jansson(NULL, NULL, NULL, &err), ANALYZE_EINVAL);
  CHECK_INT(analyze_batch_validate(&out, "{}", (size_t)-1, NULL, 0, &err), ANALYZE_EINVAL);
  CHECK_INT(analyze_batch_from_jsonl(&out, "{}", (size_t)-1, NULL, 0, &err), ANALYZE_EINVAL);
  CHECK_INT(analyze_batch_from_jsonl(NULL, "{}", 2, NULL, 0, &err), ANALYZE_EINVAL);
  CHECK_INT(analyze_request_build_batch_create(&out, "{}", 2, NULL, 0, &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "option api_key is required and must not be empty");
  CHECK_INT(analyze_request_build_batch_list(&out, "[", 1, OPTIONS, strlen(OPTIONS), &err), ANALYZE_EJSON);
  /* Deep nesting and invalid UTF-8 inside an item are input errors, not traps. */
  {
    char deep[600];
    size_t n;
    for (n = 0; n < 200; n++) deep[n] = '[';
    for (; n < 400; n++) deep[n] = ']';
    CHECK_INT(analyze_batch_validate(&out, deep, 400, NULL, 0, &err), ANALYZE_EJSON);
    CHECK_INT(analyze_batch_validate(&out, "{\"requests\":[\"\xc3\"]}", 18, NULL, 0, &err), ANALYZE_EJSON);
  }

  /* A valid batch builds with its text as the body. */
  {
    const char *good = "{\"model_name\":\"pegasus1.5\",\"analysis_mode\":\"general\",\"requests\":[{\"video\":"
                       "{\"type\":\"asset_id\",\"asset_id\":\"a1\"},\"prompt\":{\"input_text\":\"Describe.\"}}]}";
    CHECK_INT(analyze_request_build_batch_create(&out, good, strlen(good), OPTIONS, strlen(OPTIONS), &err), ANALYZE_OK);
    value = out ? json_loads(out, 0, NULL) : NULL;
    CHECK_STR(json_string_value(json_object_get(value, "url")), "https://api.twelvelabs.io/v1.3/analyze/batches");
    CHECK_STR(json_string_value(json_object_get(value, "method")), "POST");
    CHECK_STR(json_string_value(json_object_get(value, "body")), good);
    json_decref(value);
    analyze_free(out);
  }

  /* JSON Lines items. */
  {
    const char *lines = "{\"video\":{\"type\":\"asset_id\",\"asset_id\":\"a\"}}\r\n\n  \n{\"custom_id\":\"b\"}";
    CHECK_INT(analyze_batch_from_jsonl(&out, lines, strlen(lines), "{\"analysis_mode\":\"time_based_metadata\"}", 39, &err),
              ANALYZE_OK);
    CHECK_STR(out, "{\"model_name\":\"pegasus1.5\",\"analysis_mode\":\"time_based_metadata\",\"requests\":"
                   "[{\"video\":{\"type\":\"asset_id\",\"asset_id\":\"a\"}},{\"custom_id\":\"b\"}]}");
    analyze_free(out);
    CHECK_INT(analyze_batch_from_jsonl(&out, "{}\n[1]\n", 7, NULL, 0, &err), ANALYZE_EJSON);
    CHECK_STR(err.message, "line 2: an item must be a JSON object, not an array");
    CHECK_INT(analyze_batch_from_jsonl(&out, "{}\n{}\n{\"a\":", 11, NULL, 0, &err), ANALYZE_EJSON);
    CHECK(strncmp(err.message, "line 3: ", 8) == 0);
    CHECK_INT(analyze_batch_from_jsonl(&out, "", 0, "{\"defaults\":[]}", 15, &err), ANALYZE_EINVAL);
    CHECK_STR(err.message, "option defaults must be an object, not an array");
  }

  /* The other builders. */
  CHECK_INT(analyze_request_build_batch_retrieve(&out, "b/1", 3, OPTIONS, strlen(OPTIONS), &err), ANALYZE_OK);
  CHECK_STR(out, "{\"method\":\"GET\",\"url\":\"https://api.twelvelabs.io/v1.3/analyze/batches/b%2F1\","
                 "\"headers\":{\"x-api-key\":\"tlk_SECRET_KEY\"},\"body\":null}");
  analyze_free(out);
  CHECK_INT(analyze_request_build_batch_results_jansson(&twin, "b1", key, &err), ANALYZE_OK);
  CHECK_STR(json_string_value(json_object_get(twin, "url")), "https://api.twelvelabs.io/v1.3/analyze/batches/b1/results");
  json_decref(twin);
  CHECK_INT(analyze_request_build_batch_cancel_jansson(&twin, "b1", key, &err), ANALYZE_OK);
  CHECK_STR(json_string_value(json_object_get(twin, "url")), "https://api.twelvelabs.io/v1.3/analyze/batches/b1/cancel");
  CHECK_STR(json_string_value(json_object_get(twin, "method")), "POST");
  json_decref(twin);
  CHECK_INT(analyze_request_build_batch_delete_jansson(&twin, "b1", key, &err), ANALYZE_OK);
  CHECK_STR(json_string_value(json_object_get(twin, "method")), "DELETE");
  json_decref(twin);
  CHECK_INT(analyze_request_build_batch_delete_jansson(&twin, NULL, key, &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "batch_id is NULL");
  CHECK_INT(analyze_request_build_batch_cancel(&out, "", 0, OPTIONS, strlen(OPTIONS), &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "batch_id must not be empty");
  CHECK_INT(analyze_request_build_batch_retrieve(&out, "\xff", 1, OPTIONS, strlen(OPTIONS), &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "batch_id is not valid UTF-8");
  {
    const char *query = "{\"status\":[\"processing\",\"canceling\"],\"analysis_mode\":\"general\",\"page_limit\":5}";
    CHECK_INT(analyze_request_build_batch_list(&out, query, strlen(query), OPTIONS, strlen(OPTIONS), &err), ANALYZE_OK);
    value = out ? json_loads(out, 0, NULL) : NULL;
    CHECK_STR(json_string_value(json_object_get(value, "url")),
              "https://api.twelvelabs.io/v1.3/analyze/batches?page_limit=5&status=processing&status=canceling&analysis_mode=general");
    json_decref(value);
    analyze_free(out);
    CHECK_INT(analyze_request_build_batch_list(&out, "{\"status\":[\"failed\"]}", 21, OPTIONS, strlen(OPTIONS), &err),
              ANALYZE_EVALIDATION);
    CHECK_STR(err.path, "status[0]");
    CHECK_INT(analyze_request_build_batch_list(&out, "{\"status\":[1]}", 14, OPTIONS, strlen(OPTIONS), &err), ANALYZE_EVALIDATION);
    CHECK_INT(analyze_request_build_batch_list_jansson(&twin, NULL, key, &err), ANALYZE_OK);
    CHECK_STR(json_string_value(json_object_get(twin, "url")), "https://api.twelvelabs.io/v1.3/analyze/batches");
    json_decref(twin);
  }
  json_decref(key);
}

static void check_idempotency_keys(void) {
  char *first = NULL, *second = NULL;
  analyze_error_t err;
  size_t i;
  CHECK_INT(analyze_idempotency_key(&first, &err), ANALYZE_OK);
  CHECK_INT(analyze_idempotency_key(&second, NULL), ANALYZE_OK);
  CHECK(first != NULL && second != NULL && strcmp(first, second) != 0);
  CHECK_INT(strlen(first), 36);
  for (i = 0; first && i < 36; i++) {
    if (i == 8 || i == 13 || i == 18 || i == 23)
      CHECK(first[i] == '-');
    else
      CHECK(strchr("0123456789abcdef", first[i]) != NULL);
  }
  CHECK(first && first[14] == '4');
  CHECK(first && strchr("89ab", first[19]) != NULL);
  CHECK_INT(analyze_idempotency_key(NULL, &err), ANALYZE_EINVAL);
  analyze_free(first);
  analyze_free(second);
}

int main(int argc, char **argv) {
  char path[1024];
  if (argc < 2) {
    fputs("usage: test_request FIXTURES_DIR\n", stderr);
    return 2;
  }
  snprintf(path, sizeof path, "%s/catalogue.json", argv[1]);
  check_catalogue(path);
  check_validate_errors();
  check_create();
  check_task_builders();
  check_revisions();
  check_batches();
  check_idempotency_keys();
  return CHECK_DONE();
}
