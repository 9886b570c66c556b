/* analyze_poll_next through the real libanalyze.so: every reason with exact
 * delays, jitter, Retry-After, deadlines, huge attempts, bad states and
 * options, NULL arguments, and the json_t twin from analyze_jansson.h. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <analyze_jansson.h>

#include "check.h"

static const char RUNNING[] = "{\"task_id\":\"t1\",\"custom_id\":null,\"status\":\"processing\",\"terminal\":false}";

/* Runs analyze_poll_next and returns the output (static buffer) or "ERR <code> <path>: <message>". */
static const char *poll(const char *state, unsigned attempt, const char *options) {
  static char result[1024];
  char *out = (char *)1;
  analyze_error_t err;
  int rc = analyze_poll_next(&out, state, strlen(state), attempt, options, options ? strlen(options) : 0, &err);
  if (rc == ANALYZE_OK) {
    snprintf(result, sizeof result, "%s", out);
    analyze_free(out);
  } else {
    CHECK(out == NULL);
    CHECK_INT(err.code, rc);
    snprintf(result, sizeof result, "ERR %d %s: %s", rc, err.path, err.message);
  }
  return result;
}

/* The delay_ms of a decision, -1 when null, -2 on failure. */
static long long delay_of(const char *state, unsigned attempt, const char *options) {
  const char *text = poll(state, attempt, options);
  const char *at = strstr(text, "\"delay_ms\":");
  if (strncmp(text, "ERR", 3) == 0 || at == NULL) return -2;
  at += strlen("\"delay_ms\":");
  return strncmp(at, "null", 4) == 0 ? -1 : atoll(at);
}

static void test_backoff(void) {
  static const long long expected[] = {2000, 3000, 4500, 6750, 10125, 15188, 22781, 30000, 30000, 30000};
  unsigned attempt;
  for (attempt = 0; attempt < sizeof expected / sizeof *expected; attempt++)
    CHECK_INT(delay_of(RUNNING, attempt, NULL), expected[attempt]);
  CHECK_INT(delay_of(RUNNING, 0, NULL), ANALYZE_POLL_DEFAULT_INITIAL_DELAY_MS);
  CHECK_INT(delay_of(RUNNING, 1, NULL), (long long)(ANALYZE_POLL_DEFAULT_INITIAL_DELAY_MS * ANALYZE_POLL_DEFAULT_FACTOR));
  CHECK_INT(delay_of(RUNNING, 100, NULL), ANALYZE_POLL_DEFAULT_MAX_DELAY_MS);
  CHECK_INT(delay_of(RUNNING, UINT_MAX, NULL), 30000);
  CHECK_INT(delay_of(RUNNING, UINT_MAX, "{\"factor\":1}"), 2000);
  CHECK_INT(delay_of(RUNNING, UINT_MAX, "{\"factor\":1e308,\"max_delay_ms\":9007199254740991}"), 9007199254740991LL);
  CHECK_INT(delay_of(RUNNING, UINT_MAX, "{\"initial_delay_ms\":0,\"factor\":1e308}"), 0);
  CHECK_INT(delay_of(RUNNING, 3, "{\"initial_delay_ms\":100,\"factor\":2,\"max_delay_ms\":1000}"), 800);
  CHECK_INT(delay_of(RUNNING, 4, "{\"initial_delay_ms\":100,\"factor\":2,\"max_delay_ms\":1000}"), 1000);
  CHECK_STR(poll(RUNNING, 0, NULL),
            "{\"done\":false,\"delay_ms\":2000,\"reason\":\"backoff\",\"message\":\"task status \\\"processing\\\" is not "
            "terminal; poll again in 2000 ms\"}");
  /* Options given as an empty object or empty text are the defaults. */
  CHECK_INT(delay_of(RUNNING, 2, "{}"), 4500);
  CHECK_INT(delay_of(RUNNING, 2, ""), 4500);
}

static void test_jitter(void) {
  CHECK_INT(delay_of(RUNNING, 0, "{\"jitter\":0}"), 2000);
  CHECK_INT(delay_of(RUNNING, 0, "{\"jitter\":0.25}"), 1750);
  CHECK_INT(delay_of(RUNNING, 0, "{\"jitter\":0.5}"), 1500);
  CHECK_INT(delay_of(RUNNING, 0, "{\"jitter\":1}"), 1000);
  CHECK_INT(delay_of(RUNNING, 5, "{\"jitter\":0.5}"), 11391);
  CHECK_INT(delay_of(RUNNING, 40, "{\"jitter\":0.999}"), 15015);
}

static void test_terminal_and_errors(void) {
  CHECK_STR(poll("{\"task_id\":\"t1\",\"custom_id\":null,\"status\":\"ready\",\"terminal\":true}", 3, NULL),
            "{\"done\":true,\"delay_ms\":null,\"reason\":\"terminal\",\"message\":\"task status \\\"ready\\\" is terminal\"}");
  CHECK_STR(poll("{\"status\":\"failed\"}", 0, NULL),
            "{\"done\":true,\"delay_ms\":null,\"reason\":\"terminal\",\"message\":\"task status \\\"failed\\\" is terminal\"}");
  CHECK_INT(delay_of("{\"status\":\"pending\"}", 0, NULL), 2000);
  CHECK_STR(poll("{\"http_status\":404,\"code\":\"not_found\",\"message\":\"x\",\"details\":null,\"retryable\":false,"
                 "\"retry_after_ms\":null,\"raw\":null}",
                 0, NULL),
            "{\"done\":true,\"delay_ms\":null,\"reason\":\"error\",\"message\":\"HTTP 404 (not_found) is not retryable\"}");
  CHECK_INT(delay_of("{\"http_status\":401}", 0, NULL), -1);
}

static void test_retry_after(void) {
  CHECK_STR(poll("{\"http_status\":429,\"code\":\"too_many_requests\",\"message\":null,\"details\":null,\"retryable\":true,"
                 "\"retry_after_ms\":5000,\"raw\":null}",
                 0, NULL),
            "{\"done\":false,\"delay_ms\":5000,\"reason\":\"retry\",\"message\":\"HTTP 429 (too_many_requests) is retryable; "
            "retry in 5000 ms (the server asked for at least 5000 ms)\"}");
  CHECK_INT(delay_of("{\"http_status\":429,\"retry_after_ms\":5000}", 6, NULL), 22781);
  CHECK_INT(delay_of("{\"http_status\":503,\"retry_after_ms\":120000}", 50, "{\"jitter\":1}"), 120000);
  CHECK_INT(delay_of("{\"http_status\":502,\"retry_after_ms\":1}", 0, "{\"jitter\":1}"), 1000);
  CHECK_INT(delay_of("{\"http_status\":500}", 1, NULL), 3000);
  CHECK_INT(delay_of("{\"http_status\":504,\"retryable\":false}", 1, NULL), -1);
  CHECK_INT(delay_of("{\"http_status\":408,\"retryable\":true}", 1, NULL), 3000);
}

static void test_deadline(void) {
  const char *at = "{\"elapsed_ms\":55000,\"deadline_ms\":60000}";
  CHECK_INT(delay_of(RUNNING, 1, at), 3000);
  CHECK_STR(poll(RUNNING, 3, at),
            "{\"done\":true,\"delay_ms\":null,\"reason\":\"deadline\",\"message\":\"giving up: the next poll would come at "
            "61750 ms, past the deadline of 60000 ms\"}");
  CHECK_INT(delay_of(RUNNING, 1, "{\"elapsed_ms\":57000,\"deadline_ms\":60000}"), 3000);
  CHECK_INT(delay_of(RUNNING, 1, "{\"elapsed_ms\":57001,\"deadline_ms\":60000}"), -1);
  CHECK_INT(delay_of("{\"http_status\":429,\"retry_after_ms\":9223372036854775807}", 0,
                     "{\"elapsed_ms\":9007199254740991,\"deadline_ms\":9007199254740991}"),
            -1);
  CHECK(strstr(poll("{\"status\":\"ready\"}", 0, "{\"elapsed_ms\":90000,\"deadline_ms\":1}"), "\"terminal\"") != NULL);
  CHECK(strstr(poll("{\"http_status\":400}", 0, "{\"elapsed_ms\":90000,\"deadline_ms\":1}"), "\"error\"") != NULL);
  /* elapsed_ms alone is accepted and changes nothing. */
  CHECK_INT(delay_of(RUNNING, 0, "{\"elapsed_ms\":123456789}"), 2000);
}

static void test_bad_input(void) {
  char *out = (char *)1;
  analyze_error_t err;
  CHECK_STR(poll("{}", 0, NULL),
            "ERR -10 : the state has neither \"status\" (a task) nor \"http_status\" (an API error)");
  CHECK_STR(poll("[1]", 0, NULL), "ERR -10 : the state must be a JSON object (a task or an API error), not array");
  CHECK_STR(poll("{\"status\":null}", 0, NULL), "ERR -10 status: status must be a string, not null");
  CHECK_STR(poll("{\"status\":\"ready\",\"terminal\":1}", 0, NULL), "ERR -10 terminal: terminal must be a boolean, not integer");
  CHECK_STR(poll("{\"http_status\":600}", 0, NULL), "ERR -10 http_status: http_status must be an integer from 100 to 599");
  CHECK_STR(poll("{\"http_status\":429,\"retry_after_ms\":\"5\"}", 0, NULL),
            "ERR -10 retry_after_ms: retry_after_ms must be a non-negative integer or null, not string");
  CHECK_STR(poll("{\"status\":", 0, NULL), "ERR -3 : unexpected end of input: a value is missing at line 1, column 11 (byte 10)");
  CHECK_STR(poll("{\"status\":\"a\",\"status\":\"b\"}", 0, NULL), "ERR -3 status: duplicate key \"status\" in object");
  CHECK_STR(poll(RUNNING, 0, "{\"jitter\":2}"), "ERR -1 jitter: option jitter must be a number from 0 to 1");
  CHECK_STR(poll(RUNNING, 0, "{\"factor\":0.9}"), "ERR -1 factor: option factor must be a number of at least 1");
  CHECK_STR(poll(RUNNING, 0, "{\"max_delay_ms\":1000}"),
            "ERR -1 initial_delay_ms: option initial_delay_ms (2000) is larger than max_delay_ms (1000)");
  CHECK_STR(poll(RUNNING, 0, "{\"deadline_ms\":1000}"),
            "ERR -1 deadline_ms: option deadline_ms needs elapsed_ms (the library has no clock)");
  CHECK_STR(poll(RUNNING, 0, "{\"elapsed_ms\":-1}"),
            "ERR -1 elapsed_ms: option elapsed_ms must be an integer from 0 to 9007199254740991");
  CHECK_STR(poll(RUNNING, 0, "{\"retries\":3}"),
            "ERR -1 retries: unknown option \"retries\" (known: initial_delay_ms, factor, max_delay_ms, jitter, elapsed_ms, "
            "deadline_ms)");
  CHECK_STR(poll(RUNNING, 0, "7"), "ERR -1 : options must be a JSON object, not integer");
  CHECK_STR(poll(RUNNING, 0, "{\"jitter\":"), "ERR -3 : options: unexpected end of input: a value is missing at line 1, column 11 (byte 10)");
  /* NULL and lengths. */
  CHECK_INT(analyze_poll_next(NULL, RUNNING, strlen(RUNNING), 0, NULL, 0, &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "out is NULL");
  CHECK_INT(analyze_poll_next(&out, NULL, 5, 0, NULL, 0, &err), ANALYZE_EINVAL);
  CHECK(out == NULL);
  CHECK_STR(err.message, "state_json is NULL but its length is 5");
  CHECK_INT(analyze_poll_next(&out, RUNNING, strlen(RUNNING), 0, NULL, 3, &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "options is NULL but its length is 3");
  CHECK_INT(analyze_poll_next(&out, RUNNING, (size_t)-1, 0, NULL, 0, NULL), ANALYZE_EINVAL);
  CHECK_INT(analyze_poll_next(&out, RUNNING, strlen(RUNNING), 0, "{}", (size_t)-1, NULL), ANALYZE_EINVAL);
  CHECK_INT(analyze_poll_next(&out, NULL, 0, 0, NULL, 0, NULL), ANALYZE_EJSON);
  /* A NULL error detail is allowed on success and failure. */
  CHECK_INT(analyze_poll_next(&out, RUNNING, strlen(RUNNING), 0, NULL, 0, NULL), ANALYZE_OK);
  analyze_free(out);
  CHECK_INT(analyze_poll_next(&out, "{}", 2, 0, NULL, 0, NULL), ANALYZE_ERESPONSE);
}

static void test_jansson_twin(void) {
  json_t *state = json_pack("{s:i, s:b, s:i}", "http_status", 429, "retryable", 1, "retry_after_ms", 7000);
  json_t *options = json_pack("{s:f}", "jitter", 0.5);
  json_t *out = NULL;
  analyze_error_t err;
  CHECK_INT(analyze_poll_next_jansson(&out, state, 0, options, &err), ANALYZE_OK);
  CHECK(out != NULL && json_is_false(json_object_get(out, "done")));
  CHECK_INT(json_integer_value(json_object_get(out, "delay_ms")), 7000);
  CHECK_STR(json_string_value(json_object_get(out, "reason")), "retry");
  json_decref(out);
  CHECK_INT(analyze_poll_next_jansson(&out, state, 9, NULL, &err), ANALYZE_OK);
  CHECK_INT(json_integer_value(json_object_get(out, "delay_ms")), 30000);
  json_decref(out);
  json_decref(options);
  options = json_pack("{s:s}", "jitter", "high");
  out = (json_t *)1;
  CHECK_INT(analyze_poll_next_jansson(&out, state, 0, options, &err), ANALYZE_EINVAL);
  CHECK(out == NULL);
  CHECK_STR(err.path, "jitter");
  CHECK_INT(analyze_poll_next_jansson(&out, NULL, 0, NULL, &err), ANALYZE_EINVAL);
  CHECK_INT(analyze_poll_next_jansson(NULL, state, 0, NULL, &err), ANALYZE_EINVAL);
  json_decref(options);
  json_decref(state);
}

int main(void) {
  test_backoff();
  test_jitter();
  test_terminal_and_errors();
  test_retry_after();
  test_deadline();
  test_bad_input();
  test_jansson_twin();
  return CHECK_DONE();
}
