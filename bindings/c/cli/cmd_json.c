/* analyze version / normalize. */
#include <stdio.h>
#include <stdlib.h>

#include <analyze.h>

#include "commands.h"
#include "io.h"

static int cmd_version(int argc, char **argv) {
  (void)argv;
  if (argc != 0) {
    fputs("usage: analyze version\n", stderr);
    return EXIT_UNUSABLE;
  }
  printf("libanalyze %s (abi %d)\n", analyze_version_string(), analyze_abi_version());
  return EXIT_OK_;
}

static int cmd_normalize(int argc, char **argv) {
  size_t len = 0;
  char *input, *out = NULL;
  analyze_error_t err;
  int rc;
  if (argc != 1) {
    fputs("usage: analyze normalize FILE|-\n", stderr);
    return EXIT_UNUSABLE;
  }
  input = cli_read_input(argv[0], &len);
  if (input == NULL) return EXIT_UNUSABLE;
  rc = analyze_json_normalize(&out, input, len, &err);
  free(input);
  if (rc != ANALYZE_OK) {
    cli_report_error(argv[0], rc, &err);
    return EXIT_UNUSABLE;
  }
  puts(out);
  analyze_free(out);
  return EXIT_OK_;
}

const struct cli_command cli_json_commands[] = {
    {"version", "", "print the library version and ABI version", cmd_version},
    {"normalize", "FILE|-", "print the JSON document compact (keys in input order)", cmd_normalize},
    {NULL, NULL, NULL, NULL}};
