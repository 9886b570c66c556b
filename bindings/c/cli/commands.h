/* The commands of the analyze tool: each group lives in its own file (cmd_*.c)
 * and exports a table of commands (see options.h) ended by an entry whose name
 * is NULL. main.c dispatches on these tables and derives `analyze --help` from them. */
#ifndef ANALYZE_CLI_COMMANDS_H
#define ANALYZE_CLI_COMMANDS_H

#include <stdio.h>

#include "options.h"

extern const struct cli_command cli_json_commands[];     /* cmd_json.c: version, normalize */
extern const struct cli_command cli_request_commands[];  /* cmd_request.c: validate, build-request, api-revisions */
extern const struct cli_command cli_response_commands[]; /* cmd_response.c: parse-task, parse-response, segments, parse-webhook */
extern const struct cli_command cli_batch_commands[];    /* cmd_batch.c: validate-batch, batch-build, build-batch-request */
extern const struct cli_command cli_webhook_commands[];  /* cmd_webhook.c: verify-webhook, sign-webhook, poll-next */
extern const struct cli_command cli_api_commands[];      /* cmd_api.c: submit, get, wait, list, cancel, delete */
extern const struct cli_command cli_api_batch_commands[]; /* cmd_api_batch.c: batch-submit, batch-wait, batch-results */

/* Prints a validation report's issues, one line each ("<severity> <code>
 * <path>: <message>"), and a summary line; returns 1 when the request is valid
 * (cmd_request.c; submit prints its report the same way). */
int cli_print_issues(const char *report, FILE *to);

/* ---- What the request and batch commands share (cmd_request.c) ---------- */

struct analyze_error;

/* A library call over (input, options): analyze_request_validate(),
 * analyze_batch_validate(), analyze_request_build(), ... */
typedef int (*cli_request_fn)(char **out, const char *json, size_t len, const char *options, size_t options_len,
                               struct analyze_error *err);

/* Runs a validate command: prints one line per issue and a summary line, or with
 * --json exactly the report; exit 0 when valid (warnings allowed), 1 when not. */
int cli_run_validate(const struct cli_args *args, cli_request_fn validate);

/* Runs a build command: prints the HTTP request JSON, or (ANALYZE_EVALIDATION)
 * every issue `validate` reports on standard error and exits 1. */
int cli_run_build(const struct cli_args *args, cli_request_fn build, cli_request_fn validate);

/* Runs a command that prints what `function` returns for its input and library
 * options (batch-build, parse-task, parse-webhook), with `print` or as one line
 * when it is NULL (see cli_print_result): exit 0, or the library's error. */
int cli_run_print(const struct cli_args *args, cli_request_fn function, void (*print)(const char *out));

/* NULL-terminated values of --validate. */
extern const char *const cli_validation_modes[];

/* The options of validate-like and build-like commands (--json for validate). */
#define CLI_VIDEO_DURATION_OPTION                                                                         \
  {.name = "--video-duration", .placeholder = "SECONDS", .kind = CLI_NUMBER, .what = "a number of seconds", \
   .key = "video_duration", .into = CLI_INTO_NUMBER,                                                     \
   .help = "the video's length: also check start_time, end_time and time_ranges against it"}
#define CLI_REVISION_OPTIONS                                                                                  \
  {.name = "--api-revision", .placeholder = "REV", .kind = CLI_STRING, .what = "an API revision",           \
   .key = "api_revision", .into = CLI_INTO_STRING, .default_env = "ANALYZE_API_REVISION",                     \
   .help = "the API revision whose rules apply: 2026-05 (the default) or 2026-10 (see api-revisions)"},      \
  {.name = "--validate", .kind = CLI_STRING, .choices = cli_validation_modes, .key = "validate",             \
   .into = CLI_INTO_STRING, .help = "a broken rule is an error (strict), a warning (warn), or not checked (off)"}
#define CLI_VALIDATE_OPTIONS                                                                                 \
  {.name = "--json", .kind = CLI_FLAG, .help = "print the library's report JSON instead of one line per issue"}, \
      CLI_VIDEO_DURATION_OPTION, CLI_REVISION_OPTIONS
#define CLI_BUILD_OPTIONS                                                                                    \
  {.name = "--api-key", .placeholder = "KEY", .kind = CLI_STRING, .required = 1, .what = "an API key",     \
   .key = "api_key", .into = CLI_INTO_STRING, .help = "the API key, sent as x-api-key (never printed)"},    \
      {.name = "--idempotency-key", .placeholder = "K", .kind = CLI_STRING, .what = "an idempotency key",   \
       .key = "idempotency_key", .into = CLI_INTO_STRING,                                                  \
       .help = "sent as Idempotency-Key; send the same key when retrying the same create"},                \
      {.name = "--base-url", .placeholder = "URL", .kind = CLI_STRING, .what = "a URL", .key = "base_url",  \
       .into = CLI_INTO_STRING, .help = "the API's base URL (default https://api.twelvelabs.io/v1.3)"},     \
      {.name = "--user-agent", .placeholder = "UA", .kind = CLI_STRING, .what = "a User-Agent value",       \
       .key = "user_agent", .into = CLI_INTO_STRING, .help = "sent as User-Agent"},                        \
      CLI_VIDEO_DURATION_OPTION, CLI_REVISION_OPTIONS

#endif
