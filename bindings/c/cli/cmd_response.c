/* analyze parse-task / parse-response / segments / parse-webhook (see commands.h).
 *
 * Every command reads one body (FILE or - for standard input) and prints what
 * the library returns. The human summary of parse-task reads the library's own
 * normalized JSON with json_reader.h and prints strings as JSON literals, so
 * no control character of a hostile body reaches the terminal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <analyze.h>

#include "buffer.h"
#include "commands.h"
#include "io.h"
#include "json_reader.h"

/* ---- The human summary --------------------------------------------------- */

/* Prints the JSON text of the value at p. */
static void print_value(const char *p) {
  if (p == NULL) {
    fputs("null", stdout);
    return;
  }
  fwrite(p, 1, (size_t)(cli_json_skip_value(p) - p), stdout);
}

/* Number of elements of the array at p. */
static int count_elements(const char *p) {
  int count = 0;
  for (p = cli_json_first(p); p != NULL; p = cli_json_next(p)) count++;
  return count;
}

static int is_null(const char *p) { return p == NULL || strncmp(p, "null", 4) == 0; }

static int is_true(const char *p) { return p != NULL && strncmp(p, "true", 4) == 0; }

static const char *kind_name(const char *p) {
  switch (p ? *p : 'n') {
  case '{': return "object";
  case '[': return "array";
  case '"': return "string";
  case 'n': return "null";
  case 't': case 'f': return "boolean";
  default: return "number";
  }
}

/* The short human summary of a normalized task (mirrored by cli_responses.py). */
static void print_summary(const char *task) {
  static const char *const lines[] = {"task_id", "custom_id", "status", "created_at", "completed_at", NULL};
  const char *result = cli_json_member(task, "result"), *error = cli_json_member(task, "error"), *p;
  const char *const *name;
  for (name = lines; *name != NULL; name++) {
    printf("%s: ", *name);
    print_value(cli_json_member(task, *name));
    if (strcmp(*name, "status") == 0 && is_true(cli_json_member(task, "terminal"))) printf(" (terminal)");
    putchar('\n');
  }
  if (!is_null(error)) {
    printf("error: ");
    print_value(cli_json_member(error, "message"));
    putchar('\n');
  }
  if (is_null(result)) return;
  printf("result: finish_reason ");
  print_value(cli_json_member(result, "finish_reason"));
  printf(", output_tokens ");
  print_value(cli_json_member(cli_json_member(result, "usage"), "output_tokens"));
  printf(", truncated ");
  print_value(cli_json_member(result, "truncated"));
  putchar('\n');
  if ((p = cli_json_member(result, "segments")) != NULL) {
    printf("segments:");
    if (*p == '{') {
      int first = 1;
      for (p++; *p == '"'; first = 0) {
        const char *value = cli_json_skip_value(p) + 1; /* after the key and its ':' */
        printf("%s ", first ? "" : ",");
        fwrite(p, 1, (size_t)(value - 1 - p), stdout);
        printf(" %d", count_elements(value));
        p = cli_json_skip_value(value);
        if (*p == ',') p++;
      }
      if (first) printf(" none");
    } else {
      printf(" null");
    }
    putchar('\n');
  }
  if ((p = cli_json_member(result, "json")) != NULL) printf("json: %s\n", kind_name(p));
  p = cli_json_member(result, "issues");
  printf("issues: %d\n", count_elements(p));
  for (p = cli_json_first(p); p != NULL; p = cli_json_next(p)) {
    printf("  ");
    print_value(cli_json_member(p, "code"));
    printf(" at ");
    print_value(cli_json_member(p, "path"));
    printf(": ");
    print_value(cli_json_member(p, "message"));
    putchar('\n');
  }
}

/* ---- Options and headers ------------------------------------------------ */

/* True for "Name: value": a colon that is not the first character. */
static int is_header(const char *text) {
  const char *colon = strchr(text, ':');
  return colon != NULL && colon != text;
}

/* True for digits, optionally followed by '.' and at least one digit: the only --now
 * spellings spliced into the options JSON (no sign, exponent, hex, nan or inf). */
static int is_plain_decimal(const char *text) {
  const char *p = text;
  while (*p >= '0' && *p <= '9') p++;
  if (p == text) return 0;
  if (*p == '.') {
    const char *fraction = ++p;
    while (*p >= '0' && *p <= '9') p++;
    if (p == fraction) return 0;
  }
  return *p == '\0';
}

static const struct cli_syntax header_syntax = {is_header, "'Name: value'"};
static const struct cli_syntax plain_decimal = {
    is_plain_decimal, "Unix seconds as a plain decimal number (digits, optionally '.' and more digits)"};

/* The options of several commands. */
#define REQUEST_OPTION                                                                                      \
  {.name = "--request", .placeholder = "FILE", .kind = CLI_STRING, .what = "a file name", .key = "request",  \
   .into = CLI_INTO_FILE,                                                                                   \
   .help = "the create request of the task (JSON): its analysis mode, segment definitions and schema "      \
           "when the task does not echo them"}
#define SCHEMA_OPTION                                                                                       \
  {.name = "--schema", .placeholder = "FILE", .kind = CLI_STRING, .what = "a file name", .key = "json_schema", \
   .into = CLI_INTO_FILE, .help = "a JSON schema to check json_schema results against (wins over the task's own)"}

static const struct cli_option task_options[] = {
    {.name = "--json", .kind = CLI_FLAG, .help = "print the normalized task JSON instead of a summary"},
    REQUEST_OPTION,
    SCHEMA_OPTION,
    {0}};

/* In the order of analyze_response_kind, from ANALYZE_RESPONSE_CREATE. */
static const char *const kinds[] = {"create",         "retrieve",     "list",         "delete",
                                    "cancel",         "batch-create", "batch-retrieve", "batch-list",
                                    "batch-cancel",   "batch-delete", "batch-results", NULL};
static const char *const formats[] = {"vtt", "csv", "json", "svg", NULL};

static const struct cli_option response_options[] = {
    {.name = "--kind", .placeholder = "KIND", .kind = CLI_STRING, .required = 1, .choices = kinds,
     .help = "the request the response answers (batch-results: a JSON Lines body, parsed line by line)"},
    {.name = "--status", .placeholder = "N", .kind = CLI_INTEGER, .required = 1, .what = "an HTTP status code",
     .min = 100, .max = 599, .help = "the HTTP status code of the response"},
    {.name = "--header", .placeholder = "'Name: value'", .kind = CLI_REPEATED, .syntax = &header_syntax,
     .help = "a response header, e.g. 'Retry-After: 5' (white space around the value is dropped; a repeated "
             "field is combined as HTTP says)"},
    {.name = "--now", .placeholder = "UNIX", .kind = CLI_NUMBER, .syntax = &plain_decimal, .key = "now",
     .into = CLI_INTO_NUMBER, .help = "the current time in Unix seconds, digits with an optional '.' and fraction digits: turns a "
             "Retry-After HTTP date into a delay"},
    REQUEST_OPTION,
    SCHEMA_OPTION,
    {0}};

static const struct cli_option segments_options[] = {
    {.name = "--format", .kind = CLI_STRING, .required = 1, .choices = formats,
     .help = "WebVTT cues, CSV rows (CRLF), the normalized segments JSON or an SVG timeline picture"},
    REQUEST_OPTION,
    {0}};

static const struct cli_option webhook_options[] = {REQUEST_OPTION, SCHEMA_OPTION, {0}};

/* The --header values as the JSON array of [name, value] pairs the library
 * takes, in order (it combines repeated fields); NULL when memory is short. */
static char *headers_json(const struct cli_args *args, size_t *len) {
  const char *const *item;
  struct cli_buffer b;
  cli_buffer_init(&b, "[");
  for (item = cli_items(args, "--header"); *item != NULL; item++) {
    const char *colon = strchr(*item, ':'), *start, *stop;
    for (start = colon + 1; *start == ' ' || *start == '\t'; start++) {}
    for (stop = start + strlen(start); stop > start && (stop[-1] == ' ' || stop[-1] == '\t'); stop--) {}
    if (b.len > 1) cli_buffer_append(&b, ",", 1);
    cli_buffer_append(&b, "[", 1);
    cli_buffer_append_quoted(&b, *item, (size_t)(colon - *item));
    cli_buffer_append(&b, ",", 1);
    cli_buffer_append_quoted(&b, start, (size_t)(stop - start));
    cli_buffer_append(&b, "]", 1);
  }
  cli_buffer_append(&b, "]", 1);
  *len = b.len;
  return b.data;
}

/* ---- Commands ------------------------------------------------------------ */

/* Prints text that ends as it should (WebVTT, CSV, SVG). */
static void print_text(const char *text) { fputs(text, stdout); }

static int cmd_parse_task(const struct cli_args *args) {
  return cli_run_print(args, analyze_task_parse, cli_text(args, "--json") != NULL ? NULL : print_summary);
}

static int cmd_parse_response(const struct cli_args *args) {
  size_t len = 0, options_len = 0, headers_len = 0;
  char *input, *options, *headers, *out = NULL;
  analyze_error_t err;
  int rc, k, kind = 0;
  for (k = 0; kinds[k] != NULL; k++)
    if (strcmp(cli_text(args, "--kind"), kinds[k]) == 0) kind = ANALYZE_RESPONSE_CREATE + k;
  headers = headers_json(args, &headers_len);
  if (headers == NULL) {
    fputs("analyze: out of memory\n", stderr);
    return EXIT_UNUSABLE;
  }
  if (!cli_read_command_input(args, &input, &len, &options, &options_len)) {
    free(headers);
    return EXIT_UNUSABLE;
  }
  rc = analyze_response_parse(&out, kind, (int)cli_integer(args, "--status", 0), headers, headers_len, input, len,
                              options, options_len, &err);
  free(input);
  free(headers);
  free(options);
  if (rc == ANALYZE_EINVAL && strncmp(err.message, "header", 6) == 0)
    return cli_usage_error(args->command, "--header: %s", err.message);
  if (rc != ANALYZE_OK && rc != ANALYZE_EAPI) return cli_library_error(args, rc, &err);
  puts(out);
  analyze_free(out);
  if (rc == ANALYZE_EAPI) {
    cli_report_error(args->operand, rc, &err);
    return EXIT_REJECTED;
  }
  return EXIT_OK_;
}

static int cmd_segments(const struct cli_args *args) {
  const char *format = cli_text(args, "--format");
  size_t len = 0, options_len = 0;
  char *input, *options, *out = NULL;
  analyze_error_t err;
  int rc;
  if (!cli_read_command_input(args, &input, &len, &options, &options_len)) return EXIT_UNUSABLE;
  rc = analyze_segments_export(&out, input, len, format, options, options_len, &err);
  free(input);
  free(options);
  /* JSON is printed as one line; the other formats end as they should already. */
  return cli_print_result(args, rc, out, &err, strcmp(format, "json") == 0 ? NULL : print_text);
}

static int cmd_parse_webhook(const struct cli_args *args) { return cli_run_print(args, analyze_webhook_parse, NULL); }

const struct cli_command cli_response_commands[] = {
    {"parse-task", "print a task body normalized (a summary, or --json)",
     "Parse a task body (what GET /analyze/tasks/{task_id} returns with 200) and print a short summary, or with "
     "--json the normalized task. Problems in the result are listed as issues, not failures.",
     task_options, "FILE|-", "the task body", cmd_parse_task},
    {"parse-response", "print an HTTP response's result or API error (exit 1)",
     "Parse an HTTP response of the API and print its normalized result; for a status other than 2xx print the "
     "API error object, the error on standard error, and exit 1.",
     response_options, "FILE|-", "the response body (/dev/null for none)",
     cmd_parse_response},
    {"segments", "print a task's segments as WebVTT, CSV, JSON or an SVG timeline",
     "Print the segments of a time_based_metadata task as WebVTT cues, CSV rows, the normalized segments JSON or an SVG timeline (one lane per definition, each segment a labelled bar).",
     segments_options, "FILE|-", "the task body", cmd_segments},
    {"parse-webhook", "print a webhook event body normalized",
     "Parse a webhook event body and print it normalized (verify its signature first with verify-webhook).",
     webhook_options, "FILE|-", "the event body", cmd_parse_webhook},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL}};
