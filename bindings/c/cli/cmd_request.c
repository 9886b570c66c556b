/* analyze validate / build-request: the request group of the command line
 * (options, usage and help in the tables at the end).
 *
 * validate prints one line per issue ("<severity> <code> <path>: <message>",
 * "(document)" for the empty path) and a summary line, or with --json exactly
 * the report; it exits 0 when the request is valid (warnings allowed), 1 when
 * it is not, 2 when the input is unreadable or not JSON or the usage is wrong.
 * build-request prints the HTTP request JSON, or exits 1 with the issues on
 * standard error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <analyze.h>

#include "commands.h"
#include "io.h"
#include "json_reader.h"

/* ---- Printing the report ------------------------------------------------ */

int cli_print_issues(const char *report, FILE *to) {
  size_t errors = 0, warnings = 0, cap = strlen(report) + 1;
  char *severity = malloc(cap), *code = malloc(cap), *path = malloc(cap), *message = malloc(cap);
  const char *issue;
  int valid = strncmp(report, "{\"valid\":true", 13) == 0;
  if (severity && code && path && message) {
    for (issue = cli_json_first(cli_json_member(report, "issues")); issue != NULL; issue = cli_json_next(issue)) {
      cli_json_decode(cli_json_member(issue, "severity"), severity, cap);
      cli_json_decode(cli_json_member(issue, "code"), code, cap);
      cli_json_decode(cli_json_member(issue, "path"), path, cap);
      cli_json_decode(cli_json_member(issue, "message"), message, cap);
      fprintf(to, "%s %s %s: %s\n", severity, code, path[0] ? path : "(document)", message);
      if (strcmp(severity, "error") == 0) errors++; else warnings++;
    }
  }
  fprintf(to, "%s: %zu error%s, %zu warning%s\n", valid ? "valid" : "invalid", errors, errors == 1 ? "" : "s",
          warnings, warnings == 1 ? "" : "s");
  free(severity);
  free(code);
  free(path);
  free(message);
  return valid;
}

/* ---- Commands ------------------------------------------------------------ */

/* The option both commands take. */
#define VIDEO_DURATION                                                                                   \
  {.name = "--video-duration", .placeholder = "SECONDS", .kind = CLI_NUMBER, .what = "a number of seconds", \
   .key = "video_duration", .into = CLI_INTO_NUMBER,                                                     \
   .help = "the video's length: also check start_time, end_time and time_ranges against it"}

static const char *const validation_modes[] = {"strict", "warn", "off", NULL};

/* The API revision and the validation mode: library options that take effect
 * once the library knows revision 2026-10 (until then it rejects the keys, and
 * the CLI passes its message through, blamed on the option). */
#define REVISION_OPTIONS                                                                                       \
  {.name = "--api-revision", .placeholder = "REV", .kind = CLI_STRING, .what = "an API revision",            \
   .key = "api_revision", .into = CLI_INTO_STRING, .default_env = "ANALYZE_API_REVISION",                      \
   .help = "the API revision to check against, e.g. 2026-05 or 2026-10 (effective once the library knows "     \
           "revision 2026-10)"},                                                                               \
  {.name = "--validate", .kind = CLI_STRING, .choices = validation_modes, .key = "validate",                  \
   .into = CLI_INTO_STRING,                                                                                    \
   .help = "a broken rule is an error, a warning, or not checked (effective once the library knows revision "  \
           "2026-10)"}

static const struct cli_option validate_options[] = {
    {.name = "--json", .kind = CLI_FLAG, .help = "print the library's report JSON instead of one line per issue"},
    VIDEO_DURATION,
    REVISION_OPTIONS,
    {0}};

static const struct cli_option build_options[] = {
    {.name = "--api-key", .placeholder = "KEY", .kind = CLI_STRING, .required = 1, .what = "an API key",
     .key = "api_key", .into = CLI_INTO_STRING, .help = "the API key, sent as x-api-key (never printed)"},
    {.name = "--idempotency-key", .placeholder = "K", .kind = CLI_STRING, .what = "an idempotency key",
     .key = "idempotency_key", .into = CLI_INTO_STRING,
     .help = "sent as Idempotency-Key; send the same key when retrying the same create"},
    {.name = "--base-url", .placeholder = "URL", .kind = CLI_STRING, .what = "a URL", .key = "base_url",
     .into = CLI_INTO_STRING, .help = "the API's base URL (default https://api.twelvelabs.io/v1.3)"},
    {.name = "--user-agent", .placeholder = "UA", .kind = CLI_STRING, .what = "a User-Agent value",
     .key = "user_agent", .into = CLI_INTO_STRING, .help = "sent as User-Agent"},
    VIDEO_DURATION,
    REVISION_OPTIONS,
    {0}};

/* The library options validate takes, for build-request's list of every issue. */
static const char *const validate_keys[] = {"video_duration", "api_revision", "validate", NULL};

static int cmd_validate(const struct cli_args *args) {
  size_t len = 0, options_len = 0;
  char *input, *options = NULL, *report = NULL;
  analyze_error_t err;
  int rc, valid;
  if (!cli_library_options(args, NULL, &options, &options_len)) return EXIT_UNUSABLE;
  input = cli_read_input(args->operand, &len);
  if (input == NULL) {
    free(options);
    return EXIT_UNUSABLE;
  }
  rc = analyze_request_validate(&report, input, len, options, options_len, &err);
  free(input);
  free(options);
  if (rc != ANALYZE_OK) return cli_library_error(args, rc, &err);
  if (cli_text(args, "--json") != NULL) {
    puts(report);
    valid = strncmp(report, "{\"valid\":true", 13) == 0;
  } else {
    valid = cli_print_issues(report, stdout);
  }
  analyze_free(report);
  return valid ? EXIT_OK_ : EXIT_REJECTED;
}

static int cmd_build_request(const struct cli_args *args) {
  size_t len = 0, options_len = 0;
  char *input, *options = NULL, *out = NULL;
  analyze_error_t err;
  int rc;
  if (!cli_library_options(args, NULL, &options, &options_len)) return EXIT_UNUSABLE;
  input = cli_read_input(args->operand, &len);
  if (input == NULL) {
    free(options);
    return EXIT_UNUSABLE;
  }
  rc = analyze_request_build(&out, input, len, options, options_len, &err);
  free(options);
  if (rc == ANALYZE_EVALIDATION) {
    /* Print every issue, not only the first: validate with the same validation options. */
    char *report = NULL;
    if (cli_library_options(args, validate_keys, &options, &options_len) &&
        analyze_request_validate(&report, input, len, options, options_len, NULL) == ANALYZE_OK)
      cli_print_issues(report, stderr);
    analyze_free(report);
    free(options);
    rc = EXIT_REJECTED;
  } else if (rc != ANALYZE_OK) {
    rc = cli_library_error(args, rc, &err);
  } else {
    puts(out);
    rc = EXIT_OK_;
  }
  analyze_free(out);
  free(input);
  return rc;
}

const struct cli_command cli_request_commands[] = {
    {"validate", "check a create-task request; print every issue",
     "Check a create-task request (the body of POST /analyze/tasks) against every rule of the API and print each "
     "issue as \"<severity> <code> <path>: <message>\" and a summary line, or with --json the report. Exit 0 when "
     "the request is valid (warnings allowed), 1 when it is not.",
     validate_options, "FILE|-", "the create-task request", cmd_validate},
    {"build-request", "print the HTTP request that creates the task",
     "Print the HTTP request that creates the task as JSON {method, url, headers, body} for any HTTP client. "
     "When the request breaks a rule, print every issue (as validate does) to standard error and exit 1.",
     build_options, "FILE|-", "the create-task request", cmd_build_request},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL}};
