/* analyze validate-batch / batch-build / build-batch-request: the batch group
 * of the command line (see commands.h).
 *
 * validate-batch and build-batch-request are validate and build-request for a
 * create-batch body (the same report format, outputs and exit codes, through
 * the runners of cmd_request.c); batch-build turns a JSON Lines file of items,
 * the way users keep a library's worth of requests, into that body. */
#include <stdio.h>
#include <stdlib.h>

#include <analyze.h>

#include "commands.h"
#include "io.h"

static int cmd_validate_batch(const struct cli_args *args) { return cli_run_validate(args, analyze_batch_validate); }

static int cmd_build_batch_request(const struct cli_args *args) {
  return cli_run_build(args, analyze_request_build_batch_create, analyze_batch_validate);
}

static int cmd_batch_build(const struct cli_args *args) { return cli_run_print(args, analyze_batch_from_jsonl, NULL); }

static const struct cli_option validate_options[] = {CLI_VALIDATE_OPTIONS, {0}};

static const struct cli_option build_options[] = {CLI_BUILD_OPTIONS, {0}};

static const struct cli_option from_jsonl_options[] = {
    {.name = "--model-name", .placeholder = "M", .kind = CLI_STRING, .what = "a model name", .key = "model_name",
     .into = CLI_INTO_STRING, .help = "the batch's model_name (default pegasus1.5)"},
    {.name = "--analysis-mode", .placeholder = "A", .kind = CLI_STRING, .what = "an analysis mode",
     .key = "analysis_mode", .into = CLI_INTO_STRING,
     .help = "the batch's analysis_mode, general or time_based_metadata (default general)"},
    {.name = "--defaults", .placeholder = "FILE", .kind = CLI_STRING, .what = "a file name", .key = "defaults",
     .into = CLI_INTO_FILE, .help = "a JSON object of fields every item gets unless it sets them (the batch's defaults)"},
    {0}};

const struct cli_command cli_batch_commands[] = {
    {"validate-batch", "check a create-batch body; print every issue",
     "Check a create-batch body (the body of POST /analyze/batches: model_name, analysis_mode, defaults, 1-1,000 "
     "requests) and each item as the task it becomes, and print each issue as \"<severity> <code> <path>: "
     "<message>\" and a summary line, or with --json the report. Exit 0 when the batch is valid (warnings "
     "allowed), 1 when it is not.",
     validate_options, "FILE|-", "the create-batch body", cmd_validate_batch},
    {"batch-build", "print the create-batch body of a JSON Lines file of items",
     "Read one item object per line (blank lines skipped) and print the create-batch body {model_name, "
     "analysis_mode, defaults, requests}; check it with validate-batch. A line that is not a JSON object is "
     "reported with its number (exit 2).",
     from_jsonl_options, "FILE|-", "the items (JSON Lines)", cmd_batch_build},
    {"build-batch-request", "print the HTTP request that creates the batch",
     "Print the HTTP request that creates the batch (POST /analyze/batches) as JSON {method, url, headers, body}. "
     "When the batch breaks a rule, print every issue (as validate-batch does) to standard error and exit 1.",
     build_options, "FILE|-", "the create-batch body", cmd_build_batch_request},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL}};
