/* One conversation of an API command with the API: the builder options (key,
 * base URL, User-Agent), the HTTP session, and calls that send a request the
 * library built, retry it as the library's poll policy says, and parse the
 * answer with the library. Progress and errors go to standard error; the key
 * is never printed. */
#ifndef ANALYZE_CLI_API_SESSION_H
#define ANALYZE_CLI_API_SESSION_H

#include <stddef.h>

#include "options.h"

struct cli_http;

/* The options every API command takes (entries of its option table). */
#define CLI_API_OPTIONS                                                                                          \
  {.name = "--base-url", .placeholder = "URL", .kind = CLI_STRING, .what = "a URL", .key = "base_url",         \
   .into = CLI_INTO_STRING, .default_env = "TWELVELABS_BASE_URL",                                              \
   .help = "the API's base URL; without it or the variable, https://api.twelvelabs.io/v1.3"},          \
  {.name = "--api-key", .placeholder = "KEY", .kind = CLI_STRING, .what = "an API key", .key = "api_key",      \
   .into = CLI_INTO_STRING, .default_env = "TWELVELABS_API_KEY",                                               \
   .help = "the API key, never printed; without it or the variable, $TWELVE_LABS_API_KEY"},            \
  {.name = "--api-revision", .placeholder = "REV", .kind = CLI_STRING, .what = "an API revision",            \
   .key = "api_revision", .into = CLI_INTO_STRING, .default_env = "ANALYZE_API_REVISION",                      \
   .help = "the API revision whose rules and answers apply: 2026-05 (the default) or 2026-10"},               \
  {.name = "--request-timeout", .placeholder = "SECONDS", .kind = CLI_INTEGER, .min = 1, .max = 3600,          \
   .what = "a number of seconds", .help = "give up on one HTTP request after this long (default 30)"},       \
  {.name = "--retries", .placeholder = "N", .kind = CLI_INTEGER, .min = 0, .max = 100,                         \
   .what = "a number of retries",                                                                              \
   .help = "retry 429, 5xx and connection failures this often (default 4), as the library's policy says"},   \
  {.name = "--poll-delay-ms", .placeholder = "MS", .kind = CLI_INTEGER, .min = 1, .max = 30000,                \
   .what = "milliseconds", .help = "the policy's first delay, growing 1.5 times a poll up to 30 s (default 2000)"}

/* The exit codes of an API command, for the end of its description. */
#define CLI_API_EXIT_CODES \
  " Exit 0 when done, 1 when the API said no, 3 when no answer came (after the retries) or the answer is not the API's."

/* The state of one API command. */
struct cli_api {
  const struct cli_args *args;
  struct cli_http *http;
  char *options;            /* the builder options: api_key, base_url, api_revision, user_agent and `extra_keys` */
  size_t options_len;
  long long retries;
  long long poll_delay_ms;
  long long deadline_ms;    /* the --timeout of a wait in milliseconds, or -1 */
  double started;           /* monotonic seconds when the command started */
};

/* Opens the session: the builder options (with the library options of
 * `extra_keys` too, NULL-terminated or NULL) and the HTTP connection. Returns
 * EXIT_OK_, or the exit code after printing why not (no API key: 2). */
int cli_api_open(struct cli_api *api, const struct cli_args *args, const char *const *extra_keys);

/* Releases the session. */
void cli_api_close(struct cli_api *api);

/* Sends `request` (HTTP request JSON from a builder) and parses the answer as
 * `kind` (an analyze_response_kind) with the current time ("now") and the
 * parse options in `parse_extra` (a JSON object, e.g. {"request":...}, or NULL). Retries 429/5xx answers and
 * connection failures up to --retries times, waiting what analyze_poll_next()
 * says (honouring Retry-After). Returns EXIT_OK_ with the normalized answer in
 * *out (release with analyze_free), or after printing why: EXIT_REJECTED when
 * the API said no, EXIT_TRANSPORT for a transport failure, an answer that is
 * not the API's, or the deadline. */
int cli_api_call(struct cli_api *api, const char *request, int kind, const char *parse_extra, char **out);

/* Asks analyze_poll_next() what to do after `state` (a task or API error) at
 * `attempt`, with the session's policy options and deadline. Returns 1 with
 * the decision's reason ("terminal", "backoff", ...) in `reason` and its delay
 * in *delay_ms (-1 when done), or 0 after printing why not. */
int cli_api_decide(struct cli_api *api, const char *state, unsigned attempt, char *reason, size_t reason_size,
                   long long *delay_ms);

/* The builder options with an Idempotency-Key: --idempotency-key when given
 * (already among them), else a new analyze_idempotency_key(). The same text
 * goes to every retry of a create. NULL after printing why not (malloc'd). */
char *cli_api_create_options(const struct cli_api *api);

/* A copy of JSON object `object` with `"key":value` (value: JSON text) as its
 * first member; NULL after printing that memory is short (malloc'd). */
char *cli_json_with_member(const char *object, const char *key, const char *value);

/* A builder of a request about one task or batch (analyze_request_build_retrieve and its siblings). */
typedef int (*cli_api_builder)(char **out, const char *id, size_t len, const char *options, size_t options_len,
                               struct analyze_error *err);

/* Builds the request `build` makes for `id` with the session's options;
 * NULL after printing why not, with the exit code in *code. */
char *cli_api_build_for(const struct cli_api *api, cli_api_builder build, const char *id, int *code);

/* What a wait polls. */
struct cli_api_target {
  const char *noun;    /* "task" or "batch", for the progress lines */
  cli_api_builder build; /* the retrieve builder */
  int kind;            /* the retrieve response kind */
  const char *success; /* the terminal status that exits 0 ("ready", "completed") */
};

/* Polls `id` until it is terminal or the deadline passes, as
 * analyze_poll_next() says, with a progress line per poll on standard error
 * ("analyze: task ID: processing, 1.2 s elapsed, next poll in 2.0 s"). Prints
 * the terminal object on standard output. Returns EXIT_OK_ for the success
 * status, EXIT_REJECTED for another terminal status or an API refusal,
 * EXIT_TRANSPORT for a transport failure or the deadline. */
int cli_api_wait(struct cli_api *api, const struct cli_api_target *target, const char *id, const char *parse_extra);

/* Seconds since the command started. */
double cli_api_elapsed(const struct cli_api *api);

/* Sleeps `ms` milliseconds. */
void cli_api_sleep(long long ms);

#endif
