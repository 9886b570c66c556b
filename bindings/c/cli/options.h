/* Declared options of the analyze tool: each command is a table of option
 * declarations, and the parser, the usage line, --help and every usage error
 * are derived from that table (the swift-argument-parser idea, in C).
 *
 * Arguments are read left to right: an option takes its value from the next
 * argument, whatever it looks like (so `--signature ''` and `--secret -x`
 * work); names match exactly; `--` ends the options; `-` is standard input;
 * --help (or -h) anywhere among the options prints the help and exits 0.
 * Every usage error names the argument, the value and what is allowed, then
 * prints the usage line to standard error; the command exits 2. */
#ifndef ANALYZE_CLI_OPTIONS_H
#define ANALYZE_CLI_OPTIONS_H

#include <stddef.h>
#include <stdio.h>

struct analyze_error;

/* How an option's value is read. */
enum cli_kind {
  CLI_FLAG,     /* no value: given or not */
  CLI_STRING,   /* any text, one of `choices`, or what `syntax` accepts */
  CLI_INTEGER,  /* a decimal integer from `min` to `max` (digits, '-' only when min < 0) */
  CLI_NUMBER,   /* a JSON number, finite (or what `syntax` accepts) */
  CLI_REPEATED  /* text that may be given many times, kept in order */
};

/* Where a value goes in the JSON options object handed to the library. */
enum cli_into {
  CLI_INTO_NOTHING, /* the command reads the value itself */
  CLI_INTO_STRING,  /* "key": the value as a JSON string */
  CLI_INTO_NUMBER,  /* "key": the value's text (a checked number) */
  CLI_INTO_FILE,    /* "key": the JSON document of the file the value names */
  CLI_INTO_PAIRS    /* each KEY=VALUE: "KEY": VALUE (VALUE is JSON text) */
};

/* A check of a value's spelling and the words that say what it accepts. */
struct cli_syntax {
  int (*accepts)(const char *text);
  const char *description; /* e.g. "'Name: value'" */
};

/* One option of a command. Tables end with an entry whose name is NULL. */
struct cli_option {
  const char *name;        /* "--status" */
  const char *placeholder; /* "N" in the usage line; NULL for a flag or for choices (then "a|b|c") */
  enum cli_kind kind;
  int required;            /* 1: must be given (for a group: one of the group must be given) */
  int group;               /* options of a command sharing a non-zero group exclude each other */
  const char *what;        /* what a value is, for messages: "an HTTP status code" */
  const char *const *choices; /* NULL-terminated allowed values, or NULL */
  long long min, max;      /* CLI_INTEGER range */
  const struct cli_syntax *syntax; /* CLI_STRING/CLI_NUMBER/CLI_REPEATED spelling, or NULL */
  const char *key;         /* the library option it feeds, or NULL */
  enum cli_into into;      /* how the value goes into the library options */
  const char *default_env; /* environment variable giving the value when the option is absent, or NULL */
  const char *help;        /* one line for --help */
};

struct cli_args;

/* Runs a parsed command; returns its exit code. */
typedef int (*cli_command_fn)(const struct cli_args *args);

/* One command: its name, what it does, its options and its input. */
struct cli_command {
  const char *name;            /* "parse-response" */
  const char *summary;         /* one line for `analyze --help` */
  const char *description;     /* a paragraph for `analyze CMD --help` */
  const struct cli_option *options;
  const char *operand;         /* "FILE|-", or NULL when the command takes no input */
  const char *operand_help;    /* what the input is: "the task body" */
  cli_command_fn run;
};

/* The parsed command line of one command. */
struct cli_args {
  const struct cli_command *command;
  const char *operand;
  size_t option_count;
  const char **values;   /* per option: the value text (or the flag's name), NULL when absent */
  long long *integers;   /* per option: the CLI_INTEGER value, or the number of CLI_REPEATED values */
  const char ***items;   /* per option: the CLI_REPEATED values in order (NULL-terminated), or NULL */
  unsigned char *from_env; /* per option: 1 when the value came from its default_env */
};

/* The exit code cli_parse() returns after printing --help: the command must stop with EXIT_OK_. */
#define CLI_HELP_SHOWN (-1)

/* Parses the arguments after the command name. Returns 0 when the command
 * should run, CLI_HELP_SHOWN after printing its help, or EXIT_UNUSABLE after a
 * usage error (printed). Release with cli_args_free() in every case. */
int cli_parse(const struct cli_command *command, int argc, char **argv, struct cli_args *args);

/* Releases what cli_parse() allocated. */
void cli_args_free(struct cli_args *args);

/* The value text of option `name` (a flag's name when given), or NULL. */
const char *cli_text(const struct cli_args *args, const char *name);

/* The value of CLI_INTEGER option `name`, or `fallback` when absent. */
long long cli_integer(const struct cli_args *args, const char *name, long long fallback);

/* The values of CLI_REPEATED option `name`, NULL-terminated (never NULL). */
const char *const *cli_items(const struct cli_args *args, const char *name);

/* Prints "analyze: <text>", the command's usage line, and returns EXIT_UNUSABLE. */
int cli_usage_error(const struct cli_command *command, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

struct cli_buffer;

/* Writes what option o accepts: "one of vtt, csv, json", "an integer 100-599"
 * and so on. `full` adds the option's `what` ("an HTTP status code (an
 * integer 100-599)"), for messages; without it plain strings get nothing. */
void cli_describe_allowed(const struct cli_option *o, int full, struct cli_buffer *out);

/* Appends the placeholder of o's value: its own, or its choices joined by '|'. */
void cli_append_placeholder(struct cli_buffer *out, const struct cli_option *o);

/* Writes the names of the options of `group`, joined for a message: "--a and --b". */
void cli_group_names(const struct cli_command *command, int group, struct cli_buffer *out);

/* Writes text single-quoted for a message, control bytes as \xHH. */
void cli_quote_value(struct cli_buffer *out, const char *text);

/* Prints the usage line ("usage: analyze CMD ...", wrapped at 80 columns). */
void cli_print_usage(const struct cli_command *command, FILE *to);

/* Prints the whole --help of a command to `to`. */
void cli_print_help(const struct cli_command *command, FILE *to);

/* Writes the library options object of the options given ("{...}", malloc'd)
 * into *json. When `only` is not NULL it lists (NULL-terminated) the keys to
 * include. Returns 0 after printing why not (a --request file that is not
 * JSON, a VALUE of --option that is not JSON, memory). */
int cli_library_options(const struct cli_args *args, const char *const *only, char **json, size_t *len);

/* Reads a command's library options (all of them) and then its input file;
 * returns 0 after printing why not, with nothing left allocated. */
int cli_read_command_input(const struct cli_args *args, char **input, size_t *len, char **options, size_t *options_len);

/* Reports a failure of a library call. A problem with one of the library
 * options (ANALYZE_EINVAL or an "options: " JSON error whose path names a
 * declared key, or any option problem when the command takes --option pairs)
 * is a usage error blamed on that option: exit 2 after the usage line. Any
 * other failure is printed as "analyze: <input>: <message>" and returns
 * EXIT_UNUSABLE as well. */
int cli_library_error(const struct cli_args *args, int code, const struct analyze_error *err);

/* Ends a command that prints what one library call returned: for ANALYZE_OK,
 * prints `out` (with `print`, or as one line when `print` is NULL) and returns
 * EXIT_OK_; otherwise returns cli_library_error. Frees `out` either way. */
int cli_print_result(const struct cli_args *args, int code, char *out, const struct analyze_error *err,
                     void (*print)(const char *out));

#endif
