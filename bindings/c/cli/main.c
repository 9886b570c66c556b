/* analyze — command-line front end of libanalyze, written against the public header only.
 *
 * Exit codes: 0 success; 1 the input was read but fails the check; 2 usage
 * error, unreadable input, or input that is not JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <analyze.h>

#include "io.h"

static const char usage[] =
    "usage: analyze <command> [options]\n"
    "\n"
    "commands:\n"
    "  version                 print the library version and ABI version\n"
    "  normalize FILE|-        print the JSON document compact (keys in input order)\n"
    "\n"
    "exit codes: 0 success, 1 input fails the check, 2 usage error or unusable input\n";

static int cmd_version(void) {
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

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs(usage, stderr);
    return EXIT_UNUSABLE;
  }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
    fputs(usage, stdout);
    return EXIT_OK_;
  }
  if (strcmp(argv[1], "version") == 0 || strcmp(argv[1], "--version") == 0) return cmd_version();
  if (strcmp(argv[1], "normalize") == 0) return cmd_normalize(argc - 2, argv + 2);
  fprintf(stderr, "analyze: unknown command '%s'\n\n%s", argv[1], usage);
  return EXIT_UNUSABLE;
}
