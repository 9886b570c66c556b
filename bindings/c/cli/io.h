/* Input helpers of the analyze command-line tool. */
#ifndef ANALYZE_CLI_IO_H
#define ANALYZE_CLI_IO_H

#include <stddef.h>

/* Exit codes of every subcommand. */
enum {
  EXIT_OK_ = 0,       /* success (valid, verified, printed) */
  EXIT_REJECTED = 1,  /* the input was read but fails the check (invalid request, rejected webhook) */
  EXIT_UNUSABLE = 2,  /* usage error, unreadable file, or input that is not JSON / not the expected shape */
  EXIT_TRANSPORT = 3  /* API commands: no answer, an answer that is not the API's, or the time ran out */
};

/* The exit codes in words, for --help. */
#define CLI_EXIT_CODES "exit codes: 0 success, 1 input fails the check, 2 usage error or unusable input"

/* Reads a whole file ("-" for standard input) into a malloc'd buffer with a
 * trailing NUL (not counted in *len). Returns NULL and prints to stderr on failure. */
char *cli_read_input(const char *path, size_t *len);

/* Prints "analyze: <what>: <message> [at <path>] " for a library failure. */
struct analyze_error;
void cli_report_error(const char *what, int code, const struct analyze_error *err);

#endif
