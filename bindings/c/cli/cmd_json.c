/* analyze version / normalize. */
#include <stdio.h>
#include <stdlib.h>

#include <analyze.h>

#include "commands.h"
#include "io.h"

static int cmd_version(const struct cli_args *args) {
  (void)args;
  printf("libanalyze %s (abi %d)\n", analyze_version_string(), analyze_abi_version());
  return EXIT_OK_;
}

static int cmd_normalize(const struct cli_args *args) {
  size_t len = 0;
  char *input = cli_read_input(args->operand, &len), *out = NULL;
  analyze_error_t err;
  int rc;
  if (input == NULL) return EXIT_UNUSABLE;
  rc = analyze_json_normalize(&out, input, len, &err);
  free(input);
  return cli_print_result(args, rc, out, &err, NULL);
}

static const struct cli_option no_options[] = {{0}};

const struct cli_command cli_json_commands[] = {
    {"version", "print the library version and ABI version",
     "Print the version of the loaded libanalyze and its ABI version: \"libanalyze 0.2.0 (abi 1)\".", no_options, NULL,
     NULL, cmd_version},
    {"normalize", "print a JSON document compact (keys in input order)",
     "Print a JSON document compact: no insignificant white space, keys in input order, numbers shortest.",
     no_options, "FILE|-", "the JSON document", cmd_normalize},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL}};
