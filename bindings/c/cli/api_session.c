/* Sending the library's requests with retries and parsing the answers (see api_session.h). */
#define _POSIX_C_SOURCE 200809L
#include "api_session.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <analyze.h>

#include "buffer.h"
#include "http_curl.h"
#include "io.h"
#include "json_reader.h"

/* Default --request-timeout, --retries and --poll-delay-ms. */
#define DEFAULT_REQUEST_TIMEOUT_S 30
#define DEFAULT_RETRIES 4
/* Room for one message of an attempt (an API error's summary, a transport failure). */
#define MESSAGE_SIZE 512

/* The state handed to analyze_poll_next() when no answer came (a refused,
 * dropped or timed-out connection): a task still running, so the decision is
 * the policy's plain backoff delay for that attempt. */
static const char no_answer_state[] = "{\"status\":\"processing\",\"terminal\":false}";

static double monotonic_seconds(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

double cli_api_elapsed(const struct cli_api *api) { return monotonic_seconds() - api->started; }

void cli_api_sleep(long long ms) {
  struct timespec left;
  left.tv_sec = (time_t)(ms / 1000);
  left.tv_nsec = (long)(ms % 1000) * 1000000L;
  while (nanosleep(&left, &left) != 0 && errno == EINTR) {}
}

int cli_api_open(struct cli_api *api, const struct cli_args *args, const char *const *extra_keys) {
  static const char *const builder_keys[] = {"api_key", "base_url", "api_revision", NULL};
  const char *fallback_key = getenv("TWELVE_LABS_API_KEY");
  char *given = NULL, *extra = NULL;
  size_t given_len = 0, extra_len = 0;
  struct cli_buffer b;
  memset(api, 0, sizeof *api);
  api->args = args;
  api->retries = cli_integer(args, "--retries", DEFAULT_RETRIES);
  api->poll_delay_ms = cli_integer(args, "--poll-delay-ms", ANALYZE_POLL_DEFAULT_INITIAL_DELAY_MS);
  api->deadline_ms = cli_integer(args, "--timeout", -1);
  if (api->deadline_ms > 0) api->deadline_ms *= 1000;
  api->started = monotonic_seconds();
  if (cli_text(args, "--api-key") == NULL && (fallback_key == NULL || fallback_key[0] == '\0'))
    return cli_usage_error(args->command, "no API key: set TWELVELABS_API_KEY or give --api-key KEY");
  if (!cli_library_options(args, builder_keys, &given, &given_len)) return EXIT_UNUSABLE;
  if (extra_keys != NULL && !cli_library_options(args, extra_keys, &extra, &extra_len)) {
    free(given);
    return EXIT_UNUSABLE;
  }
  /* {given..., extra..., "user_agent", and the second variable's key when --api-key is absent} */
  cli_buffer_init(&b, "");
  cli_buffer_append(&b, given, given_len - 1);
  if (extra != NULL && extra_len > 2) {
    if (b.len > 1) cli_buffer_append(&b, ",", 1);
    cli_buffer_append(&b, extra + 1, extra_len - 2);
  }
  cli_buffer_append_key(&b, "user_agent", 10);
  cli_buffer_append(&b, "\"analyze-cli/", 13);
  cli_buffer_append(&b, analyze_version_string(), strlen(analyze_version_string()));
  cli_buffer_append(&b, "\"", 1);
  if (cli_text(args, "--api-key") == NULL) {
    cli_buffer_append_key(&b, "api_key", 7);
    cli_buffer_append_quoted(&b, fallback_key, strlen(fallback_key));
  }
  cli_buffer_append(&b, "}", 1);
  free(given);
  free(extra);
  if (b.data == NULL) {
    fputs("analyze: out of memory\n", stderr);
    return EXIT_UNUSABLE;
  }
  api->options = b.data;
  api->options_len = b.len;
  api->http = cli_http_open(cli_integer(args, "--request-timeout", DEFAULT_REQUEST_TIMEOUT_S) * 1000);
  return api->http != NULL ? EXIT_OK_ : EXIT_TRANSPORT;
}

void cli_api_close(struct cli_api *api) {
  cli_http_close(api->http);
  free(api->options);
  memset(api, 0, sizeof *api);
}

int cli_api_decide(struct cli_api *api, const char *state, unsigned attempt, char *reason, size_t reason_size,
                   long long *delay_ms) {
  char options[160], *decision = NULL;
  const char *delay;
  analyze_error_t err;
  long long elapsed_ms = (long long)(cli_api_elapsed(api) * 1000);
  if (api->deadline_ms >= 0)
    snprintf(options, sizeof options, "{\"initial_delay_ms\":%lld,\"elapsed_ms\":%lld,\"deadline_ms\":%lld}",
             api->poll_delay_ms, elapsed_ms, api->deadline_ms);
  else
    snprintf(options, sizeof options, "{\"initial_delay_ms\":%lld}", api->poll_delay_ms);
  if (analyze_poll_next(&decision, state, strlen(state), attempt, options, strlen(options), &err) != ANALYZE_OK) {
    cli_report_error("the poll policy", err.code, &err);
    return 0;
  }
  cli_json_decode(cli_json_member(decision, "reason"), reason, reason_size);
  delay = cli_json_member(decision, "delay_ms");
  *delay_ms = delay != NULL && *delay != 'n' ? strtoll(delay, NULL, 10) : -1;
  analyze_free(decision);
  return 1;
}

/* The parse options: "now" and the members of `extra` (a JSON object or NULL); NULL when out of memory (printed). */
static char *parse_options(const char *extra) {
  char now[48];
  struct cli_buffer b;
  size_t extra_len = extra != NULL ? strlen(extra) : 0;
  snprintf(now, sizeof now, "{\"now\":%lld", (long long)time(NULL));
  cli_buffer_init(&b, now);
  if (extra_len > 2) {
    cli_buffer_append(&b, ",", 1);
    cli_buffer_append(&b, extra + 1, extra_len - 2);
  }
  cli_buffer_append(&b, "}", 1);
  if (b.data == NULL) fputs("analyze: out of memory\n", stderr);
  return b.data;
}

/* What one attempt gave: an answer parsed (EXIT_OK_), an API error or no answer
 * (both maybe worth retrying, *state set), or a failure already printed. */
enum attempt_result { ATTEMPT_DONE, ATTEMPT_API_ERROR, ATTEMPT_NO_ANSWER, ATTEMPT_FAILED };

static enum attempt_result attempt_once(struct cli_api *api, const char *request, int kind, const char *options,
                                        char **out, char **state, char *message, size_t message_size) {
  struct cli_http_response response;
  analyze_error_t err;
  int rc;
  switch (cli_http_send(api->http, request, &response, message, message_size)) {
  case CLI_HTTP_FATAL:
    fprintf(stderr, "analyze: %s\n", message);
    return ATTEMPT_FAILED;
  case CLI_HTTP_TRANSIENT:
    *state = NULL;
    return ATTEMPT_NO_ANSWER;
  default:
    break;
  }
  rc = analyze_response_parse(out, kind, (int)response.status, response.headers, response.headers_len, response.body,
                              response.body_len, options, strlen(options), &err);
  cli_http_response_free(&response);
  if (rc == ANALYZE_OK) return ATTEMPT_DONE;
  if (rc == ANALYZE_EAPI) {
    *state = *out;
    *out = NULL;
    snprintf(message, message_size, "%s", err.message);
    return ATTEMPT_API_ERROR;
  }
  analyze_free(*out);
  *out = NULL;
  cli_report_error("the server's answer is not the API's", rc, &err);
  return ATTEMPT_FAILED;
}

int cli_api_call(struct cli_api *api, const char *request, int kind, const char *parse_extra, char **out) {
  char *options = parse_options(parse_extra), message[MESSAGE_SIZE], reason[32];
  unsigned attempt;
  int code = EXIT_TRANSPORT;
  *out = NULL;
  if (options == NULL) return EXIT_UNUSABLE;
  for (attempt = 0;; attempt++) {
    char *state = NULL;
    long long delay_ms = -1;
    enum attempt_result result = attempt_once(api, request, kind, options, out, &state, message, sizeof message);
    if (result == ATTEMPT_DONE || result == ATTEMPT_FAILED) {
      code = result == ATTEMPT_DONE ? EXIT_OK_ : EXIT_TRANSPORT;
      break;
    }
    code = result == ATTEMPT_API_ERROR ? EXIT_REJECTED : EXIT_TRANSPORT;
    reason[0] = '\0';
    if (attempt >= api->retries ||
        !cli_api_decide(api, state ? state : no_answer_state, attempt, reason, sizeof reason, &delay_ms) ||
        delay_ms < 0) {
      if (attempt >= api->retries && attempt > 0)
        fprintf(stderr, "analyze: %s (gave up after %u retries)\n", message, attempt);
      else if (strcmp(reason, "deadline") == 0)
        fprintf(stderr, "analyze: %s; timed out: no time left for a retry\n", message);
      else
        fprintf(stderr, "analyze: %s\n", message);
      if (strcmp(reason, "deadline") == 0) code = EXIT_TRANSPORT;
      analyze_free(state);
      break;
    }
    fprintf(stderr, "analyze: %s; retry %u of %lld in %.1f s\n", message, attempt + 1, api->retries,
            (double)delay_ms / 1000);
    analyze_free(state);
    cli_api_sleep(delay_ms);
  }
  free(options);
  return code;
}

char *cli_api_build_for(const struct cli_api *api, cli_api_builder build, const char *id, int *code) {
  char *request = NULL;
  analyze_error_t err;
  int rc = build(&request, id, strlen(id), api->options, api->options_len, &err);
  if (rc != ANALYZE_OK) *code = cli_library_error(api->args, rc, &err);
  return request;
}

int cli_api_wait(struct cli_api *api, const struct cli_api_target *target, const char *id, const char *parse_extra) {
  int code = EXIT_UNUSABLE;
  char *request = cli_api_build_for(api, target->build, id, &code);
  unsigned attempt;
  if (request == NULL) return code;
  for (attempt = 0;; attempt++) {
    char *state = NULL, reason[32], status[32];
    long long delay_ms = -1;
    code = cli_api_call(api, request, target->kind, parse_extra, &state);
    if (code != EXIT_OK_) break;
    cli_json_decode(cli_json_member(state, "status"), status, sizeof status);
    if (!cli_api_decide(api, state, attempt, reason, sizeof reason, &delay_ms)) {
      code = EXIT_UNUSABLE;
    } else if (strcmp(reason, "terminal") == 0) {
      char message[ANALYZE_ERROR_MESSAGE_LENGTH];
      puts(state);
      code = strcmp(status, target->success) == 0 ? EXIT_OK_ : EXIT_REJECTED;
      cli_json_decode(cli_json_member(cli_json_member(state, "error"), "message"), message, sizeof message);
      if (code != EXIT_OK_)
        fprintf(stderr, "analyze: %s %s is %s%s%s\n", target->noun, id, status, message[0] ? ": " : "", message);
    } else if (delay_ms < 0) {
      fprintf(stderr, "analyze: %s %s is still %s after %.1f s: timed out (--timeout %lld)\n", target->noun, id,
              status, cli_api_elapsed(api), api->deadline_ms / 1000);
      code = EXIT_TRANSPORT;
    } else {
      fprintf(stderr, "analyze: %s %s: %s, %.1f s elapsed, next poll in %.1f s\n", target->noun, id, status,
              cli_api_elapsed(api), (double)delay_ms / 1000);
      analyze_free(state);
      cli_api_sleep(delay_ms);
      continue;
    }
    analyze_free(state);
    break;
  }
  analyze_free(request);
  return code;
}

char *cli_json_with_member(const char *object, const char *key, const char *value) {
  struct cli_buffer b;
  cli_buffer_init(&b, "{");
  cli_buffer_append_key(&b, key, strlen(key));
  cli_buffer_append(&b, value, strlen(value));
  if (object[1] != '}') cli_buffer_append(&b, ",", 1);
  cli_buffer_append(&b, object + 1, strlen(object + 1));
  if (b.data == NULL) fputs("analyze: out of memory\n", stderr);
  return b.data;
}

char *cli_api_create_options(const struct cli_api *api) {
  char quoted[64], *key = NULL;
  analyze_error_t err;
  if (cli_text(api->args, "--idempotency-key") != NULL) {
    char *copy = malloc(api->options_len + 1);
    if (copy == NULL) fputs("analyze: out of memory\n", stderr);
    else memcpy(copy, api->options, api->options_len + 1);
    return copy;
  }
  if (analyze_idempotency_key(&key, &err) != ANALYZE_OK) {
    cli_report_error("the idempotency key", err.code, &err);
    return NULL;
  }
  snprintf(quoted, sizeof quoted, "\"%s\"", key); /* a UUID: nothing to escape */
  analyze_free(key);
  return cli_json_with_member(api->options, "idempotency_key", quoted);
}
