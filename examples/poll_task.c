/* The whole client loop in C: build the GET request, let the host send it,
 * parse the answer, ask the library when to poll again, stop on a terminal
 * status. The README quotes wait_for_task(). Here the host's transport is
 * simulated with recorded answers (processing, a 429, then ready), so it runs
 * without a network; a real host would send `request` with libcurl or its own
 * event loop. Usage: poll_task EXAMPLES_DIR */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <analyze_jansson.h>

/* ---- The host's transport (simulated) --------------------------------- */

static const char *examples_dir = "examples";

struct http_response {
  int status;
  char headers[128]; /* a JSON object of header name -> value */
  char *body;
  size_t body_len;
};

static char *slurp(const char *name, size_t *len) {
  char path[1024];
  FILE *f;
  char *buf;
  long size;
  snprintf(path, sizeof path, "%s/%s", examples_dir, name);
  if ((f = fopen(path, "rb")) == NULL) return NULL;
  fseek(f, 0, SEEK_END);
  size = ftell(f);
  fseek(f, 0, SEEK_SET);
  buf = malloc((size_t)size + 1);
  *len = buf && fread(buf, 1, (size_t)size, f) == (size_t)size ? (size_t)size : 0;
  fclose(f);
  return buf;
}

/* Sends the request the library built (here: answers from recorded files). */
static int http_send(const char *request_json, struct http_response *response) {
  static unsigned calls = 0;
  static const char *answers[] = {"task-processing.json", "error-429.json", "task-ready-segments.json"};
  unsigned index = calls < 2 ? calls : 2;
  (void)request_json; /* {"method":"GET","url":...,"headers":{...},"body":null} */
  calls++;
  response->status = index == 1 ? 429 : 200;
  strcpy(response->headers, index == 1 ? "{\"Retry-After\":\"7\"}" : "{}");
  response->body = slurp(answers[index], &response->body_len);
  return response->body != NULL ? 0 : -1;
}

static void host_sleep_ms(long long ms) { printf("  (host sleeps %lld ms)\n", ms); }

/* ---- The loop (quoted in the README) ---------------------------------- */

/* Polls until the task is terminal; returns its normalized JSON (analyze_free), or NULL. */
static char *wait_for_task(const char *task_id, const char *options) {
  unsigned attempt;
  for (attempt = 0; attempt < 100; attempt++) {
    char *request = NULL, *state = NULL, *decision_text = NULL;
    struct http_response response;
    analyze_error_t err;
    json_t *decision;
    int rc;

    if (analyze_request_build_retrieve(&request, task_id, strlen(task_id), options, strlen(options), &err) != ANALYZE_OK ||
        http_send(request, &response) != 0) {
      fprintf(stderr, "cannot send: %s\n", err.message);
      analyze_free(request);
      return NULL;
    }
    analyze_free(request);
    rc = analyze_response_parse(&state, ANALYZE_RESPONSE_RETRIEVE, response.status, response.headers,
                                strlen(response.headers), response.body, response.body_len, NULL, 0, &err);
    free(response.body);
    if (rc != ANALYZE_OK && rc != ANALYZE_EAPI) { /* a 200 that is not a task */
      fprintf(stderr, "bad response: %s (at %s)\n", err.message, err.path);
      return NULL;
    }
    /* state is the normalized task, or (ANALYZE_EAPI) the API error object. */
    if (analyze_poll_next(&decision_text, state, strlen(state), attempt, "{\"jitter\":0.5}", 14, &err) != ANALYZE_OK) {
      analyze_free(state);
      return NULL;
    }
    decision = json_loads(decision_text, 0, NULL);
    printf("attempt %u: %s\n", attempt, json_string_value(json_object_get(decision, "message")));
    analyze_free(decision_text);
    if (json_is_true(json_object_get(decision, "done"))) {
      int terminal = strcmp(json_string_value(json_object_get(decision, "reason")), "terminal") == 0;
      json_decref(decision);
      if (terminal) return state; /* ready or failed: read status, result, error */
      analyze_free(state);        /* a non-retryable API error, or the deadline */
      return NULL;
    }
    host_sleep_ms(json_integer_value(json_object_get(decision, "delay_ms")));
    json_decref(decision);
    analyze_free(state);
  }
  return NULL;
}

int main(int argc, char **argv) {
  char *task;
  json_t *parsed;
  if (argc > 1) examples_dir = argv[1];
  task = wait_for_task("6745a1b2c3d4e5f678900012", "{\"api_key\":\"demo-key\"}");
  if (task == NULL) return 1;
  parsed = json_loads(task, 0, NULL);
  printf("task %s: %s, %d goal segment(s)\n",
         json_string_value(json_object_get(parsed, "task_id")),
         json_string_value(json_object_get(parsed, "status")),
         (int)json_array_size(json_object_get(json_object_get(json_object_get(parsed, "result"), "segments"), "goal")));
  json_decref(parsed);
  analyze_free(task);
  return 0;
}
