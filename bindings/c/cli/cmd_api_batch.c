/* analyze batch-submit / batch-wait / batch-results (also spelled `analyze
 * batch submit` ...): batches of the API (revision 2026-10), sent and read
 * like the task commands of cmd_api.c (options, usage and help in the tables
 * at the end). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <analyze.h>

#include "api_session.h"
#include "commands.h"
#include "io.h"

/* Builds the create-batch body from the JSON Lines and validates it; prints the
 * issues. Returns EXIT_OK_ with the body in *body when it may be sent. */
static int batch_body(const struct cli_args *args, const char *jsonl, size_t len, char **body) {
  static const char *const from_keys[] = {"model_name", "analysis_mode", "defaults", NULL};
  static const char *const validate_keys[] = {"video_duration", "api_revision", NULL};
  char *options = NULL, *report = NULL;
  size_t options_len = 0;
  analyze_error_t err;
  int rc, code = EXIT_OK_;
  if (!cli_library_options(args, from_keys, &options, &options_len)) return EXIT_UNUSABLE;
  rc = analyze_batch_from_jsonl(body, jsonl, len, options, options_len, &err);
  free(options);
  if (rc != ANALYZE_OK) return cli_library_error(args, rc, &err);
  if (!cli_library_options(args, validate_keys, &options, &options_len)) return EXIT_UNUSABLE;
  rc = analyze_batch_validate(&report, *body, strlen(*body), options, options_len, &err);
  free(options);
  if (rc != ANALYZE_OK) return cli_library_error(args, rc, &err);
  if (strstr(report, "\"issues\":[]") == NULL) code = cli_print_issues(report, stderr) ? EXIT_OK_ : EXIT_REJECTED;
  analyze_free(report);
  if (code != EXIT_OK_) fputs("analyze: the batch was not sent\n", stderr);
  return code;
}

static int cmd_batch_submit(const struct cli_args *args) {
  static const char *const create_keys[] = {"idempotency_key", "video_duration", NULL};
  struct cli_api api;
  size_t len = 0;
  char *jsonl = cli_read_input(args->operand, &len), *body = NULL, *options = NULL, *request = NULL, *created = NULL;
  analyze_error_t err;
  int rc, code;
  if (jsonl == NULL) return EXIT_UNUSABLE;
  code = batch_body(args, jsonl, len, &body);
  if (code == EXIT_OK_) {
    code = cli_api_open(&api, args, create_keys);
    if (code == EXIT_OK_ && (options = cli_api_create_options(&api)) == NULL) code = EXIT_UNUSABLE;
    if (code == EXIT_OK_) {
      rc = analyze_request_build_batch_create(&request, body, strlen(body), options, strlen(options), &err);
      code = rc == ANALYZE_OK ? cli_api_call(&api, request, ANALYZE_RESPONSE_BATCH_CREATE, NULL, &created)
                              : cli_library_error(args, rc, &err);
    }
    if (code == EXIT_OK_) puts(created);
    cli_api_close(&api);
  }
  free(options);
  analyze_free(created);
  analyze_free(request);
  analyze_free(body);
  free(jsonl);
  return code;
}

/* What batch-wait polls. */
static const struct cli_api_target batch_target = {"batch", analyze_request_build_batch_retrieve,
                                                   ANALYZE_RESPONSE_BATCH_RETRIEVE, "completed"};

static int cmd_batch_wait(const struct cli_args *args) {
  struct cli_api api;
  int code = cli_api_open(&api, args, NULL);
  if (code == EXIT_OK_) code = cli_api_wait(&api, &batch_target, args->operand, NULL);
  cli_api_close(&api);
  return code;
}

static int cmd_batch_results(const struct cli_args *args) {
  static const char *const request_key[] = {"request", NULL};
  struct cli_api api;
  char *parse_extra = NULL, *request = NULL, *results = NULL;
  size_t parse_len = 0;
  int code = cli_library_options(args, request_key, &parse_extra, &parse_len) ? cli_api_open(&api, args, NULL)
                                                                            : EXIT_UNUSABLE;
  if (parse_extra == NULL) return code;
  if (code == EXIT_OK_ && (request = cli_api_build_for(&api, analyze_request_build_batch_results, args->operand, &code)))
    code = cli_api_call(&api, request, ANALYZE_RESPONSE_BATCH_RESULTS, parse_extra, &results);
  if (code == EXIT_OK_) puts(results);
  analyze_free(results);
  analyze_free(request);
  cli_api_close(&api);
  free(parse_extra);
  return code;
}

/* ---- Tables ------------------------------------------------------------------------------ */

static const char *const analysis_modes[] = {"general", "time_based_metadata", NULL};

static const struct cli_option submit_options[] = {
    CLI_API_OPTIONS,
    {.name = "--model-name", .placeholder = "MODEL", .kind = CLI_STRING, .what = "a model name", .key = "model_name",
     .into = CLI_INTO_STRING, .help = "the batch's model (default pegasus1.5)"},
    {.name = "--analysis-mode", .kind = CLI_STRING, .choices = analysis_modes, .key = "analysis_mode",
     .into = CLI_INTO_STRING, .help = "the batch's analysis mode (default general)"},
    {.name = "--defaults", .placeholder = "FILE", .kind = CLI_STRING, .what = "a file name", .key = "defaults",
     .into = CLI_INTO_FILE, .help = "a JSON object of fields every item gets unless it sets them (prompt, ...)"},
    {.name = "--idempotency-key", .placeholder = "K", .kind = CLI_STRING, .what = "an idempotency key",
     .key = "idempotency_key", .into = CLI_INTO_STRING,
     .help = "sent as Idempotency-Key on every attempt (default: a new random key)"},
    {.name = "--video-duration", .placeholder = "SECONDS", .kind = CLI_NUMBER, .what = "a number of seconds",
     .key = "video_duration", .into = CLI_INTO_NUMBER,
     .help = "the videos' length: also check start_time, end_time against it"},
    {0}};

static const struct cli_option wait_options[] = {
    CLI_API_OPTIONS,
    {.name = "--timeout", .placeholder = "SECONDS", .kind = CLI_INTEGER, .min = 1, .max = 2592000,
     .what = "a number of seconds", .help = "give up waiting after this long (exit 3); default: wait as long as it takes"},
    {0}};

static const struct cli_option results_options[] = {
    CLI_API_OPTIONS,
    {.name = "--request", .placeholder = "FILE", .kind = CLI_STRING, .what = "a file name", .key = "request",
     .into = CLI_INTO_FILE, .help = "the batch defaults or an item, for the segment definitions of the results"},
    {0}};

const struct cli_command cli_api_batch_commands[] = {
    {"batch-submit", "validate a batch of requests (JSON Lines) and send it to the API",
     "Build a create-batch body from JSON Lines (one item a line: video, custom_id and the fields that differ from "
     "--defaults), validate it; when it breaks a rule, print every issue to standard error and exit 1 without "
     "sending it. Otherwise send POST /analyze/batches (one Idempotency-Key for every retry) and print the "
     "normalized batch with its tasks. Also spelled 'analyze batch submit'." CLI_API_EXIT_CODES,
     submit_options, "FILE|-", "the batch items (JSON Lines)", cmd_batch_submit},
    {"batch-wait", "poll a batch until it is completed, canceled or expired",
     "Poll GET /analyze/batches/ID as the library's poll policy says, with a progress line on standard error per "
     "poll, and print the terminal batch. Exit 0 when it is completed, 1 when it was canceled or expired or the API "
     "said no, 3 when no answer came or --timeout passed. Also spelled 'analyze batch wait'.",
     wait_options, "ID", "the batch id", cmd_batch_wait},
    {"batch-results", "print the results of a batch",
     "Send GET /analyze/batches/ID/results and print {results, errors}: each JSON Lines result normalized (its "
     "result read like a task's), each line that is not a result in errors with its line number. Also spelled "
     "'analyze batch results'." CLI_API_EXIT_CODES,
     results_options, "ID", "the batch id", cmd_batch_results},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL}};
