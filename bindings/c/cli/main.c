/* analyze — command-line front end of libanalyze, written against the public header only.
 *
 * Exit codes: 0 success; 1 the input was read but fails the check; 2 usage
 * error, unreadable input, or input that is not JSON. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "io.h"

static const struct cli_command *const groups[] = {cli_json_commands, cli_request_commands,
                                                   cli_response_commands, cli_webhook_commands};

static void print_usage(FILE *to) {
  size_t g;
  const struct cli_command *c;
  fputs("usage: analyze <command> [options]\n\ncommands:\n", to);
  for (g = 0; g < sizeof groups / sizeof *groups; g++)
    for (c = groups[g]; c->name != NULL; c++) {
      int width = fprintf(to, "  %s %s", c->name, c->args);
      fprintf(to, "%*s%s\n", width < 28 ? 28 - width : 1, "", c->help);
    }
  fputs("\nexit codes: 0 success, 1 input fails the check, 2 usage error or unusable input\n", to);
}

int main(int argc, char **argv) {
  size_t g;
  const struct cli_command *c;
  if (argc < 2) {
    print_usage(stderr);
    return EXIT_UNUSABLE;
  }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
    print_usage(stdout);
    return EXIT_OK_;
  }
  if (strcmp(argv[1], "--version") == 0) return cli_json_commands[0].run(0, argv + 2);
  for (g = 0; g < sizeof groups / sizeof *groups; g++)
    for (c = groups[g]; c->name != NULL; c++)
      if (strcmp(argv[1], c->name) == 0) return c->run(argc - 2, argv + 2);
  fprintf(stderr, "analyze: unknown command '%s'\n\n", argv[1]);
  print_usage(stderr);
  return EXIT_UNUSABLE;
}
