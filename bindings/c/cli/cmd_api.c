/* analyze submit / get / wait / list / cancel / delete: the commands that talk to the
 * API (options, usage and help in the tables at the end). Each one builds its
 * HTTP request with the library, sends it over libcurl (http_curl.c) with the
 * retries of api_session.c, parses the answer with the library and prints the
 * library's normalized JSON on standard output; progress and errors go to
 * standard error. Exit codes: 0 done; 1 the API said no, the task failed or
 * the request is invalid; 2 usage error or unusable input; 3 no answer, an
 * answer that is not the API's, or the time ran out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <analyze.h>

#include "api_session.h"
#include "buffer.h"
#include "commands.h"
#include "io.h"
#include "json_reader.h"

/* ---- Helpers --------------------------------------------------------------- */

/* The library options of `keys` given on the command line ({} for none); NULL after printing why not. */
static char *given_options(const struct cli_args *args, const char *const *keys) {
  char *json = NULL;
  size_t len = 0;
  return cli_library_options(args, keys, &json, &len) ? json : NULL;
}

/* ---- wait (and submit --wait) ------------------------------------------------ */

/* What wait and submit --wait poll. */
static const struct cli_api_target task_target = {"task", analyze_request_build_retrieve, ANALYZE_RESPONSE_RETRIEVE,
                                                  "ready"};

static int cmd_wait(const struct cli_args *args) {
  static const char *const request_key[] = {"request", NULL};
  struct cli_api api;
  char *parse_extra = given_options(args, request_key);
  int code = parse_extra == NULL ? EXIT_UNUSABLE : cli_api_open(&api, args, NULL);
  if (code == EXIT_OK_) code = cli_api_wait(&api, &task_target, args->operand, parse_extra);
  if (parse_extra != NULL) cli_api_close(&api);
  free(parse_extra);
  return code;
}

/* ---- submit -------------------------------------------------------------------- */

/* Validates the request; prints its issues on standard error. Returns EXIT_OK_ when it may be sent. */
static int check_request(const struct cli_args *args, const char *input, size_t len) {
  static const char *const validate_keys[] = {"video_duration", "api_revision", NULL};
  char *options = given_options(args, validate_keys), *report = NULL;
  analyze_error_t err;
  int rc, code;
  if (options == NULL) return EXIT_UNUSABLE;
  rc = analyze_request_validate(&report, input, len, options, strlen(options), &err);
  free(options);
  if (rc != ANALYZE_OK) return cli_library_error(args, rc, &err);
  code = EXIT_OK_;
  if (strstr(report, "\"issues\":[]") == NULL) code = cli_print_issues(report, stderr) ? EXIT_OK_ : EXIT_REJECTED;
  analyze_free(report);
  if (code != EXIT_OK_) fputs("analyze: the request was not sent\n", stderr);
  return code;
}

/* Sends the create request, with one Idempotency-Key for every retry. */
static int create_task(struct cli_api *api, const char *input, size_t len, char **created) {
  char *options = cli_api_create_options(api), *request = NULL;
  analyze_error_t err;
  int rc, code;
  if (options == NULL) return EXIT_UNUSABLE;
  rc = analyze_request_build(&request, input, len, options, strlen(options), &err);
  free(options);
  if (rc != ANALYZE_OK) return cli_library_error(api->args, rc, &err);
  code = cli_api_call(api, request, ANALYZE_RESPONSE_CREATE, NULL, created);
  analyze_free(request);
  return code;
}

/* submit --wait: waits for the task just created, reading its result with the request sent. */
static int wait_for_created(struct cli_api *api, const char *created, const char *input, size_t len) {
  size_t id_size = strlen(created) + 1;
  char *id = malloc(id_size);
  struct cli_buffer parse_extra;
  int code = EXIT_UNUSABLE;
  cli_buffer_init(&parse_extra, "{\"request\":");
  cli_buffer_append(&parse_extra, input, len);
  cli_buffer_append(&parse_extra, "}", 1);
  if (id == NULL || parse_extra.data == NULL) {
    fputs("analyze: out of memory\n", stderr);
  } else {
    cli_json_decode(cli_json_member(created, "task_id"), id, id_size);
    fprintf(stderr, "analyze: created task %s\n", id);
    code = cli_api_wait(api, &task_target, id, parse_extra.data);
  }
  free(id);
  cli_buffer_free(&parse_extra);
  return code;
}

static int cmd_submit(const struct cli_args *args) {
  static const char *const create_keys[] = {"idempotency_key", "video_duration", NULL};
  struct cli_api api;
  size_t len = 0;
  char *input = cli_read_input(args->operand, &len), *created = NULL;
  int code;
  if (input == NULL) return EXIT_UNUSABLE;
  code = check_request(args, input, len);
  if (code == EXIT_OK_) {
    code = cli_api_open(&api, args, create_keys);
    if (code == EXIT_OK_) code = create_task(&api, input, len, &created);
    if (code == EXIT_OK_ && cli_text(args, "--wait") == NULL) puts(created);
    else if (code == EXIT_OK_) code = wait_for_created(&api, created, input, len);
    cli_api_close(&api);
  }
  analyze_free(created);
  free(input);
  return code;
}

/* ---- get, cancel, delete ------------------------------------------------------------------ */

static int cmd_get(const struct cli_args *args) {
  static const char *const request_key[] = {"request", NULL};
  struct cli_api api;
  char *parse_extra = given_options(args, request_key), *request = NULL, *task = NULL;
  int code = parse_extra == NULL ? EXIT_UNUSABLE : cli_api_open(&api, args, NULL);
  if (code == EXIT_OK_ && (request = cli_api_build_for(&api, analyze_request_build_retrieve, args->operand, &code)))
    code = cli_api_call(&api, request, ANALYZE_RESPONSE_RETRIEVE, parse_extra, &task);
  if (code == EXIT_OK_) puts(task);
  analyze_free(task);
  analyze_free(request);
  if (parse_extra != NULL) cli_api_close(&api);
  free(parse_extra);
  return code;
}

/* Sends the request `build` makes for the task (cancel or delete) and prints the answer parsed as `kind`. */
static int act_on_task(const struct cli_args *args, cli_api_builder build, int kind) {
  struct cli_api api;
  char *request = NULL, *out = NULL;
  int code = cli_api_open(&api, args, NULL);
  if (code == EXIT_OK_ && (request = cli_api_build_for(&api, build, args->operand, &code)))
    code = cli_api_call(&api, request, kind, NULL, &out);
  if (code == EXIT_OK_) puts(out);
  analyze_free(out);
  analyze_free(request);
  cli_api_close(&api);
  return code;
}

static int cmd_delete(const struct cli_args *args) {
  return act_on_task(args, analyze_request_build_delete, ANALYZE_RESPONSE_DELETE);
}

static int cmd_cancel(const struct cli_args *args) {
  return act_on_task(args, analyze_request_build_cancel, ANALYZE_RESPONSE_CANCEL);
}

/* ---- list ------------------------------------------------------------------------------ */

/* The list filters of the library's list builder, except "page". */
static const char *const filter_keys[] = {"page_limit", "status", "video_url", "asset_id", "video_id",
                                          "analysis_mode", NULL};

/* Fetches page `page` of the list with `filters`; EXIT_OK_ with the normalized page in *out. */
static int list_page(struct cli_api *api, const char *filters, long long page, char **out) {
  char number[24], *query, *request = NULL;
  analyze_error_t err;
  int rc, code;
  snprintf(number, sizeof number, "%lld", page);
  query = cli_json_with_member(filters, "page", number);
  if (query == NULL) return EXIT_UNUSABLE;
  rc = analyze_request_build_list(&request, query, strlen(query), api->options, api->options_len, &err);
  free(query);
  if (rc == ANALYZE_EVALIDATION) {
    fprintf(stderr, "analyze: list: %s\n", err.message);
    return EXIT_UNUSABLE;
  }
  if (rc != ANALYZE_OK) return cli_library_error(api->args, rc, &err);
  code = cli_api_call(api, request, ANALYZE_RESPONSE_LIST, NULL, out);
  analyze_free(request);
  return code;
}

/* Prints each task of a normalized page on a line of its own; returns how many. */
static size_t print_tasks(const char *page) {
  const char *task;
  size_t count = 0;
  for (task = cli_json_first(cli_json_member(page, "data")); task != NULL; task = cli_json_next(task), count++) {
    fwrite(task, 1, (size_t)(cli_json_skip_value(task) - task), stdout);
    fputc('\n', stdout);
  }
  return count;
}

static int cmd_list(const struct cli_args *args) {
  struct cli_api api;
  char *filters = given_options(args, filter_keys), *page_json = NULL;
  long long page = cli_integer(args, "--page", 1), total = 0;
  int code = filters == NULL ? EXIT_UNUSABLE : cli_api_open(&api, args, NULL);
  while (code == EXIT_OK_) {
    const char *total_page;
    code = list_page(&api, filters, page, &page_json);
    if (code != EXIT_OK_) break;
    if (cli_text(args, "--all") == NULL) {
      puts(page_json);
      break;
    }
    total_page = cli_json_member(cli_json_member(page_json, "page_info"), "total_page");
    total = total_page != NULL && *total_page != 'n' ? strtoll(total_page, NULL, 10) : 0;
    /* Every page until the last one the API counts (an empty page ends it too). */
    if (print_tasks(page_json) == 0 || page >= total) break;
    analyze_free(page_json);
    page_json = NULL;
    page++;
  }
  analyze_free(page_json);
  if (filters != NULL) cli_api_close(&api);
  free(filters);
  return code;
}

/* ---- Tables ------------------------------------------------------------------------------ */

#define TIMEOUT_OPTION                                                                                           \
  {.name = "--timeout", .placeholder = "SECONDS", .kind = CLI_INTEGER, .min = 1, .max = 2592000,               \
   .what = "a number of seconds", .help = "give up waiting after this long (exit 3); default: wait as long as it takes"}

#define REQUEST_OPTION                                                                                           \
  {.name = "--request", .placeholder = "FILE", .kind = CLI_STRING, .what = "a file name", .key = "request",    \
   .into = CLI_INTO_FILE,                                                                                      \
   .help = "the create request, for the segment definitions or schema when the task does not echo them"}

static const struct cli_option submit_options[] = {
    CLI_API_OPTIONS,
    {.name = "--idempotency-key", .placeholder = "K", .kind = CLI_STRING, .what = "an idempotency key",
     .key = "idempotency_key", .into = CLI_INTO_STRING,
     .help = "sent as Idempotency-Key on every attempt (default: a new random key)"},
    {.name = "--video-duration", .placeholder = "SECONDS", .kind = CLI_NUMBER, .what = "a number of seconds",
     .key = "video_duration", .into = CLI_INTO_NUMBER,
     .help = "the video's length: also check start_time, end_time and time_ranges against it"},
    {.name = "--wait", .kind = CLI_FLAG, .help = "then wait for the task as wait does and print it"},
    TIMEOUT_OPTION,
    {0}};

static const struct cli_option task_options[] = {CLI_API_OPTIONS, REQUEST_OPTION, {0}};
static const struct cli_option wait_options[] = {CLI_API_OPTIONS, REQUEST_OPTION, TIMEOUT_OPTION, {0}};
static const struct cli_option id_options[] = {CLI_API_OPTIONS, {0}};

static const char *const statuses[] = {"queued", "pending", "processing", "ready", "failed", "canceled", NULL};
static const char *const analysis_modes[] = {"general", "time_based_metadata", NULL};

static const struct cli_option list_options[] = {
    CLI_API_OPTIONS,
    {.name = "--page", .placeholder = "N", .kind = CLI_INTEGER, .min = 1, .max = 1000000000, .what = "a page number",
     .help = "the page to read (default 1; with --all, the first one)"},
    {.name = "--page-limit", .placeholder = "N", .kind = CLI_INTEGER, .min = 1, .max = 50, .what = "a page size",
     .key = "page_limit", .into = CLI_INTO_NUMBER, .help = "tasks per page (the API's default is 10)"},
    {.name = "--status", .kind = CLI_STRING, .choices = statuses, .key = "status", .into = CLI_INTO_STRING,
     .help = "only tasks with this status"},
    {.name = "--video-url", .placeholder = "URL", .kind = CLI_STRING, .what = "a URL", .key = "video_url",
     .into = CLI_INTO_STRING, .help = "only tasks of this video URL"},
    {.name = "--asset-id", .placeholder = "ID", .kind = CLI_STRING, .what = "an asset id", .key = "asset_id",
     .into = CLI_INTO_STRING, .help = "only tasks of this asset"},
    {.name = "--video-id", .placeholder = "ID", .kind = CLI_STRING, .what = "a video id", .key = "video_id",
     .into = CLI_INTO_STRING, .help = "only tasks of this indexed video"},
    {.name = "--analysis-mode", .kind = CLI_STRING, .choices = analysis_modes, .key = "analysis_mode",
     .into = CLI_INTO_STRING, .help = "only tasks of this analysis mode"},
    {.name = "--all", .kind = CLI_FLAG,
     .help = "follow every page and print one task a line (JSON Lines) instead of the page"},
    {0}};


const struct cli_command cli_api_commands[] = {
    {"submit", "validate a create-task request and send it to the API",
     "Validate a create-task request (as validate does); when it is invalid, print every issue to standard error and "
     "exit 1 without sending it. Otherwise send POST /analyze/tasks with an Idempotency-Key reused on every retry and "
     "print the API's answer {task_id, status}; with --wait, then wait for the task as wait does." CLI_API_EXIT_CODES,
     submit_options, "FILE|-", "the create-task request", cmd_submit},
    {"get", "print a task of the API", "Send GET /analyze/tasks/ID and print the normalized task." CLI_API_EXIT_CODES,
     task_options, "ID", "the task id", cmd_get},
    {"wait", "poll a task until it is ready, failed or canceled",
     "Poll GET /analyze/tasks/ID as the library's poll policy says (honouring Retry-After), with a progress line on "
     "standard error per poll, and print the terminal task. Exit 0 when it is ready, 1 when it failed, was "
     "canceled or the API said no, 3 when no answer came or --timeout passed.",
     wait_options, "ID", "the task id", cmd_wait},
    {"list", "list the tasks of the API, newest first",
     "Send GET /analyze/tasks with the filters given and print the normalized page {data, page_info}; with --all, "
     "follow every page and print one task a line." CLI_API_EXIT_CODES,
     list_options, NULL, NULL, cmd_list},
    {"cancel", "cancel a queued or running task (revision 2026-10)",
     "Send POST /analyze/tasks/ID/cancel and print the answer {task_id, status}. The API refuses to cancel a task "
     "that is ready or failed (409: exit 1). The API has this endpoint from revision 2026-10 on." CLI_API_EXIT_CODES,
     id_options, "ID", "the task id", cmd_cancel},
    {"delete", "delete a task of the API",
     "Send DELETE /analyze/tasks/ID and print {\"deleted\":true}. A task still processing cannot be deleted (the "
     "API answers 409: exit 1)." CLI_API_EXIT_CODES,
     id_options, "ID", "the task id", cmd_delete},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL}};
