/* Submit a video URL, wait, print the segments: a whole host in C.
 *
 * The request is built with jansson and validated by libanalyze; libcurl sends
 * what the library's builders describe; the library parses every answer and
 * decides, with its poll policy, when to poll again (honouring Retry-After).
 *
 * Usage: submit_and_wait VIDEO_URL [INITIAL_DELAY_MS]
 * Environment: TWELVELABS_API_KEY (required), TWELVELABS_BASE_URL (default
 * https://api.twelvelabs.io/v1.3). Prints one line per segment:
 *   goal 12.5-18.0 {"scorer":"...","team":"home"}
 * Exit 0 when the task is ready, 1 otherwise. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include <analyze_jansson.h>

/* The request: goals, with the scorer and the team, in a football match. */
static json_t *segmentation_request(const char *video_url) {
  return json_pack("{s:s, s:{s:s, s:s}, s:s, s:{s:s, s:[{s:s, s:s, s:[{s:s, s:s, s:s}, {s:s, s:s, s:s, s:[s, s]}]}]}}",
                   "model_name", "pegasus1.5", "video", "type", "url", "url", video_url, "analysis_mode",
                   "time_based_metadata", "response_format", "type", "segment_definitions", "segment_definitions",
                   "id", "goal", "description", "A goal is scored, from the last pass to the celebration", "fields",
                   "name", "scorer", "type", "string", "description", "Name or shirt number of the scorer", "name",
                   "team", "type", "string", "description", "Which team scored", "enum", "home", "away");
}

/* ---- The transport: libcurl -------------------------------------------------- */

struct answer {
  long status;
  json_t *headers; /* [[name, value], ...] as analyze_response_parse() reads them */
  char *body;
  size_t body_len;
};

static size_t on_body(char *data, size_t size, size_t count, void *context) {
  struct answer *a = context;
  char *bigger = realloc(a->body, a->body_len + size * count + 1);
  if (bigger == NULL) return 0;
  memcpy(bigger + a->body_len, data, size * count);
  a->body = bigger;
  a->body_len += size * count;
  a->body[a->body_len] = '\0';
  return size * count;
}

static size_t on_header(char *line, size_t size, size_t count, void *context) {
  struct answer *a = context;
  size_t n = size * count, end = n;
  const char *colon = memchr(line, ':', n), *value;
  if (n >= 5 && memcmp(line, "HTTP/", 5) == 0) json_array_clear(a->headers); /* a new response begins */
  if (colon == NULL || colon == line) return n;
  for (value = colon + 1; value < line + n && (*value == ' ' || *value == '\t'); value++) {}
  while (end > (size_t)(value - line) && (line[end - 1] == '\r' || line[end - 1] == '\n' || line[end - 1] == ' ')) end--;
  json_array_append_new(a->headers, json_pack("[s#, s#]", line, (int)(colon - line), value, (int)(end - (size_t)(value - line))));
  return n;
}

/* Sends an HTTP request the library built. Returns 0 when an answer came. */
static int send_request(CURL *curl, const json_t *request, struct answer *a) {
  const char *method = json_string_value(json_object_get(request, "method"));
  const char *body = json_string_value(json_object_get(request, "body"));
  struct curl_slist *headers = curl_slist_append(NULL, "Expect:");
  const char *name;
  json_t *value;
  CURLcode rc;
  json_object_foreach(json_object_get(request, "headers"), name, value) {
    char field[4096];
    snprintf(field, sizeof field, "%s: %s", name, json_string_value(value));
    headers = curl_slist_append(headers, field);
  }
  memset(a, 0, sizeof *a);
  a->headers = json_array();
  curl_easy_reset(curl);
  curl_easy_setopt(curl, CURLOPT_URL, json_string_value(json_object_get(request, "url")));
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method);
  if (body != NULL) curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, a);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, a);
  rc = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  if (rc != CURLE_OK) {
    fprintf(stderr, "transport: %s\n", curl_easy_strerror(rc));
    return -1;
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &a->status);
  return 0;
}

/* Sends `request` and parses the answer as `kind` into *out (a result, or an API error object). */
static int exchange(CURL *curl, const json_t *request, int kind, const json_t *parse_options, json_t **out,
                    analyze_error_t *err) {
  struct answer a;
  int rc;
  if (send_request(curl, request, &a) != 0) return -1;
  rc = analyze_response_parse_jansson(out, kind, (int)a.status, a.headers, a.body, a.body_len, parse_options, err);
  json_decref(a.headers);
  free(a.body);
  return rc;
}

static void sleep_ms(long long ms) {
  struct timespec t;
  t.tv_sec = (time_t)(ms / 1000);
  t.tv_nsec = (long)(ms % 1000) * 1000000L;
  nanosleep(&t, NULL);
}

/* ---- The host ------------------------------------------------------------------ */

int main(int argc, char **argv) {
  const char *key = getenv("TWELVELABS_API_KEY"), *base_url = getenv("TWELVELABS_BASE_URL");
  json_t *request, *report = NULL, *options, *http = NULL, *created = NULL, *poll_options, *parse_options;
  char *idempotency_key = NULL;
  const char *task_id;
  analyze_error_t err;
  CURL *curl;
  unsigned attempt;
  int code = 1;
  if (argc < 2 || key == NULL) {
    fputs("usage: TWELVELABS_API_KEY=... submit_and_wait VIDEO_URL [INITIAL_DELAY_MS]\n", stderr);
    return 2;
  }
  request = segmentation_request(argv[1]);
  if (analyze_request_validate_jansson(&report, request, NULL, &err) != ANALYZE_OK ||
      !json_is_true(json_object_get(report, "valid"))) {
    char *text = report ? json_dumps(report, 0) : NULL;
    fprintf(stderr, "invalid request: %s\n", text ? text : err.message);
    free(text);
    return 1;
  }
  analyze_idempotency_key(&idempotency_key, NULL);
  options = json_pack("{s:s, s:s, s:s}", "api_key", key, "base_url", base_url ? base_url : "https://api.twelvelabs.io/v1.3",
                      "idempotency_key", idempotency_key);
  poll_options = json_pack("{s:I}", "initial_delay_ms", (json_int_t)(argc > 2 ? atoll(argv[2]) : 2000));
  parse_options = json_pack("{s:O}", "request", request);
  curl = curl_easy_init();

  /* Create: the same Idempotency-Key on every retry. */
  analyze_request_build_jansson(&http, request, options, &err);
  for (attempt = 0;; attempt++) {
    json_t *decision = NULL;
    int rc = exchange(curl, http, ANALYZE_RESPONSE_CREATE, NULL, &created, &err);
    if (rc == ANALYZE_OK) break;
    if (rc != ANALYZE_EAPI || analyze_poll_next_jansson(&decision, created, attempt, poll_options, NULL) != ANALYZE_OK ||
        json_is_true(json_object_get(decision, "done"))) {
      fprintf(stderr, "create failed: %s\n", rc == -1 ? "no answer" : err.message);
      return 1;
    }
    sleep_ms(json_integer_value(json_object_get(decision, "delay_ms")));
    json_decref(decision);
    json_decref(created);
  }
  json_decref(http);
  task_id = json_string_value(json_object_get(created, "task_id"));
  printf("task %s\n", task_id);

  /* Wait: poll as the library says, until the task is terminal. */
  json_object_del(options, "idempotency_key");
  analyze_request_build_retrieve_jansson(&http, task_id, options, &err);
  for (attempt = 0;; attempt++) {
    json_t *state = NULL, *decision = NULL;
    int rc = exchange(curl, http, ANALYZE_RESPONSE_RETRIEVE, parse_options, &state, &err);
    if ((rc != ANALYZE_OK && rc != ANALYZE_EAPI) ||
        analyze_poll_next_jansson(&decision, state, attempt, poll_options, &err) != ANALYZE_OK) {
      fprintf(stderr, "poll failed: %s\n", rc == -1 ? "no answer" : err.message);
      break;
    }
    if (json_is_true(json_object_get(decision, "done"))) {
      const char *definition;
      json_t *segments;
      const char *status = json_string_value(json_object_get(state, "status"));
      printf("%s\n", json_string_value(json_object_get(decision, "message")));
      json_object_foreach(json_object_get(json_object_get(state, "result"), "segments"), definition, segments) {
        size_t i;
        json_t *segment;
        json_array_foreach(segments, i, segment) {
          char *metadata = json_dumps(json_object_get(segment, "metadata"), JSON_COMPACT | JSON_SORT_KEYS);
          printf("%s %.1f-%.1f %s\n", definition, json_number_value(json_object_get(segment, "start_time")),
                 json_number_value(json_object_get(segment, "end_time")), metadata ? metadata : "null");
          free(metadata);
        }
      }
      code = status != NULL && strcmp(status, "ready") == 0 ? 0 : 1;
      json_decref(state);
      json_decref(decision);
      break;
    }
    sleep_ms(json_integer_value(json_object_get(decision, "delay_ms")));
    json_decref(state);
    json_decref(decision);
  }
  json_decref(http);
  json_decref(created);
  json_decref(parse_options);
  json_decref(poll_options);
  json_decref(options);
  json_decref(report);
  json_decref(request);
  analyze_free(idempotency_key);
  curl_easy_cleanup(curl);
  return code;
}
