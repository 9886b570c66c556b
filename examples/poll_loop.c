/* Poll a task until it is done (C): the host drives the loop, the library decides.
 *
 *   poll_loop [--no-sleep]
 *
 * fetch_task() simulates GET /analyze/tasks/{task_id} (processing, a 429 with
 * Retry-After, then ready) so this runs without a network; with libcurl it
 * would perform the request and return the body, or an API error object.
 * Build: cc poll_loop.c $(pkg-config --cflags --libs analyze jansson) */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <analyze_jansson.h>

static const char *fetch_task(unsigned attempt) {
  static const char *responses[] = {
      "{\"_id\":\"t1\",\"status\":\"pending\"}",
      "{\"_id\":\"t1\",\"status\":\"processing\"}",
      "{\"http_status\":429,\"retry_after_ms\":3000}", /* a 429 with Retry-After: 3 */
      "{\"_id\":\"t1\",\"status\":\"ready\"}",
  };
  return responses[attempt < 3 ? attempt : 3];
}

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int main(int argc, char **argv) {
  int sleep_between = !(argc > 1 && strcmp(argv[1], "--no-sleep") == 0);
  long long started = now_ms();
  unsigned attempt;
  srand((unsigned)time(NULL));
  for (attempt = 0;; attempt++) {
    const char *state = fetch_task(attempt);
    char options[128], *text = NULL;
    analyze_error_t err;
    json_t *decision;
    int done, terminal;
    snprintf(options, sizeof options, "{\"jitter\":%.4f,\"elapsed_ms\":%lld,\"deadline_ms\":600000}",
             (double)rand() / RAND_MAX, now_ms() - started);
    if (analyze_poll_next(&text, state, strlen(state), attempt, options, strlen(options), &err) != ANALYZE_OK) {
      fprintf(stderr, "poll_next: %s\n", err.message);
      return 2;
    }
    decision = json_loads(text, 0, NULL);
    analyze_free(text);
    if (decision == NULL) return 2;
    printf("attempt %u: %s: %s\n", attempt, json_string_value(json_object_get(decision, "reason")),
           json_string_value(json_object_get(decision, "message")));
    done = json_is_true(json_object_get(decision, "done"));
    terminal = strcmp(json_string_value(json_object_get(decision, "reason")), "terminal") == 0;
    if (!done && sleep_between) {
      long long ms = json_integer_value(json_object_get(decision, "delay_ms"));
      struct timespec wait;
      wait.tv_sec = (time_t)(ms / 1000);
      wait.tv_nsec = (long)(ms % 1000) * 1000000L;
      nanosleep(&wait, NULL);
    }
    json_decref(decision);
    if (done) return terminal ? 0 : 1;
  }
}
