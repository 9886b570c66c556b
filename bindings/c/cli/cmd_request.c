/* analyze validate / build-request / api-revisions: the request group of the
 * command line (options, usage and help in the tables at the end), and the
 * validate and build runners the batch commands share (commands.h).
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

const char *const cli_validation_modes[] = {"strict", "warn", "off", NULL};

static const struct cli_option validate_options[] = {CLI_VALIDATE_OPTIONS, {0}};

static const struct cli_option build_options[] = {CLI_BUILD_OPTIONS, {0}};

/* The library options validate takes, for build-request's list of every issue. */
static const char *const validate_keys[] = {"video_duration", "api_revision", "validate", NULL};

int cli_run_validate(const struct cli_args *args, cli_request_fn validate) {
  size_t len = 0, options_len = 0;
  char *input, *options = NULL, *report = NULL;
  analyze_error_t err;
  int rc, valid;
  if (!cli_read_command_input(args, &input, &len, &options, &options_len)) return EXIT_UNUSABLE;
  rc = validate(&report, input, len, options, options_len, &err);
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

int cli_run_build(const struct cli_args *args, cli_request_fn build, cli_request_fn validate) {
  size_t len = 0, options_len = 0;
  char *input, *options = NULL, *out = NULL;
  analyze_error_t err;
  int rc;
  if (!cli_read_command_input(args, &input, &len, &options, &options_len)) return EXIT_UNUSABLE;
  rc = build(&out, input, len, options, options_len, &err);
  free(options);
  if (rc == ANALYZE_EVALIDATION) {
    /* Print every issue, not only the first: validate with the same validation options. */
    char *report = NULL;
    if (cli_library_options(args, validate_keys, &options, &options_len) &&
        validate(&report, input, len, options, options_len, NULL) == ANALYZE_OK)
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

int cli_run_print(const struct cli_args *args, cli_request_fn function, void (*print)(const char *out)) {
  size_t len = 0, options_len = 0;
  char *input, *options = NULL, *out = NULL;
  analyze_error_t err;
  int rc;
  if (!cli_read_command_input(args, &input, &len, &options, &options_len)) return EXIT_UNUSABLE;
  rc = function(&out, input, len, options, options_len, &err);
  free(input);
  free(options);
  return cli_print_result(args, rc, out, &err, print);
}

static int cmd_validate(const struct cli_args *args) { return cli_run_validate(args, analyze_request_validate); }

static int cmd_build_request(const struct cli_args *args) {
  return cli_run_build(args, analyze_request_build, analyze_request_validate);
}

static int cmd_api_revisions(const struct cli_args *args) {
  char *out = NULL;
  analyze_error_t err;
  int rc = analyze_api_revisions(&out, &err);
  return cli_print_result(args, rc, out, &err, NULL);
}

static const struct cli_option no_options[] = {{0}};

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
    {"api-revisions", "print the API revisions the library knows (JSON)",
     "Print the API revisions the library knows and what each accepts (models and their inputs, features, "
     "max_tokens ranges, the analysis window, field types) as JSON; pass a name to --api-revision.",
     no_options, NULL, NULL, cmd_api_revisions},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL}};
