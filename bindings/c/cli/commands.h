/* The command table of the analyze tool: each group of commands lives in its
 * own file (cmd_*.c) and exports a table ended by an entry with name NULL. */
#ifndef ANALYZE_CLI_COMMANDS_H
#define ANALYZE_CLI_COMMANDS_H

/* Runs a command with the arguments after its name; returns the exit code. */
typedef int (*cli_command_fn)(int argc, char **argv);

struct cli_command {
  const char *name;     /* the subcommand, e.g. "normalize" */
  const char *args;     /* the arguments, for --help: "FILE|-" */
  const char *help;     /* one line of help */
  cli_command_fn run;
};

extern const struct cli_command cli_json_commands[];     /* cmd_json.c */
extern const struct cli_command cli_request_commands[];  /* cmd_request.c */
extern const struct cli_command cli_response_commands[]; /* cmd_response.c */
extern const struct cli_command cli_webhook_commands[];  /* cmd_webhook.c */

#endif
