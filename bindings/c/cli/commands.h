/* The commands of the analyze tool: each group lives in its own file (cmd_*.c)
 * and exports a table of commands (see options.h) ended by an entry whose name
 * is NULL. main.c dispatches on these tables and derives `analyze --help` from them. */
#ifndef ANALYZE_CLI_COMMANDS_H
#define ANALYZE_CLI_COMMANDS_H

#include <stdio.h>

#include "options.h"

extern const struct cli_command cli_json_commands[];     /* cmd_json.c: version, normalize */
extern const struct cli_command cli_request_commands[];  /* cmd_request.c: validate, build-request */
extern const struct cli_command cli_response_commands[]; /* cmd_response.c: parse-task, parse-response, segments, parse-webhook */
extern const struct cli_command cli_webhook_commands[];  /* cmd_webhook.c: verify-webhook, sign-webhook, poll-next */
extern const struct cli_command cli_api_commands[];      /* cmd_api.c: submit, get, wait, list, cancel, delete */
extern const struct cli_command cli_api_batch_commands[]; /* cmd_api_batch.c: batch-submit, batch-wait, batch-results */

/* Prints a validation report's issues, one line each ("<severity> <code>
 * <path>: <message>"), and a summary line; returns 1 when the request is valid
 * (cmd_request.c; submit prints its report the same way). */
int cli_print_issues(const char *report, FILE *to);

#endif
