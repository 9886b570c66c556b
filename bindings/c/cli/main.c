/* analyze — command-line front end of libanalyze, written against the public header only.
 *
 * Each command is a table of option declarations (options.h); parsing, the
 * usage lines, --help and the usage errors are derived from the tables.
 * Exit codes: 0 success; 1 the input was read but fails the check (or the API
 * said no); 2 usage error, unreadable input, or input that is not JSON; 3 (the
 * API commands) no answer, an answer that is not the API's, or a timeout. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "io.h"

static const struct cli_command *const groups[] = {cli_json_commands,     cli_request_commands, cli_batch_commands,
                                                   cli_response_commands, cli_webhook_commands, cli_api_commands,
                                                   cli_api_batch_commands};

/* Width of the command column of `analyze --help`. */
#define COMMAND_COLUMN 23

static void print_usage(FILE *to) {
  size_t g;
  const struct cli_command *c;
  fputs("usage: analyze COMMAND [OPTION...] [FILE|-]\n"
        "       analyze COMMAND --help\n"
        "       analyze help [COMMAND]\n"
        "       analyze --version\n"
        "\ncommands:\n",
        to);
  for (g = 0; g < sizeof groups / sizeof *groups; g++)
    for (c = groups[g]; c->name != NULL; c++) fprintf(to, "  %-*s%s\n", COMMAND_COLUMN - 2, c->name, c->summary);
  fputs("\nRun 'analyze COMMAND --help' for the options of a command.\n" CLI_EXIT_CODES "\n", to);
}

/* The command called `name`, or NULL. */
static const struct cli_command *find_command(const char *name) {
  size_t g;
  const struct cli_command *c;
  for (g = 0; g < sizeof groups / sizeof *groups; g++)
    for (c = groups[g]; c->name != NULL; c++)
      if (strcmp(name, c->name) == 0) return c;
  return NULL;
}

/* Reports an unknown command name with every command there is; returns EXIT_UNUSABLE. */
static int unknown_command(const char *name) {
  fprintf(stderr, "analyze: unknown command '%s'; run 'analyze --help' for the commands\n\n", name);
  print_usage(stderr);
  return EXIT_UNUSABLE;
}

/* Parses the arguments of `command` and runs it. */
static int run(const struct cli_command *command, int argc, char **argv) {
  struct cli_args args;
  int code = cli_parse(command, argc, argv, &args);
  if (code == 0) code = command->run(&args);
  else if (code == CLI_HELP_SHOWN) code = EXIT_OK_;
  cli_args_free(&args);
  return code;
}

int main(int argc, char **argv) {
  const struct cli_command *command;
  if (argc < 2) {
    fputs("analyze: missing COMMAND\n\n", stderr);
    print_usage(stderr);
    return EXIT_UNUSABLE;
  }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
      (strcmp(argv[1], "help") == 0 && (argc == 2 || strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0))) {
    print_usage(stdout);
    return EXIT_OK_;
  }
  if (strcmp(argv[1], "help") == 0) {
    if (argc > 3) {
      fprintf(stderr, "analyze: help takes one COMMAND, not '%s'\n\n", argv[3]);
      print_usage(stderr);
      return EXIT_UNUSABLE;
    }
    command = find_command(argv[2]);
    if (command == NULL) return unknown_command(argv[2]);
    cli_print_help(command, stdout);
    return EXIT_OK_;
  }
  if (strcmp(argv[1], "--version") == 0) return run(find_command("version"), argc - 2, argv + 2);
  if (strcmp(argv[1], "batch") == 0 && argc > 2) {
    /* `analyze batch submit ...` is `analyze batch-submit ...` */
    char name[32];
    snprintf(name, sizeof name, "batch-%s", argv[2]);
    command = find_command(name);
    if (command != NULL) return run(command, argc - 3, argv + 3);
  }
  command = find_command(argv[1]);
  if (command == NULL) return unknown_command(argv[1]);
  return run(command, argc - 2, argv + 2);
}
