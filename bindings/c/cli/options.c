/* Parsing a command line against a command's option table (see options.h). */
#include "options.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"
#include "io.h"

/* The index of option `name` in the command's table, or -1. */
static long find_option(const struct cli_command *command, const char *name) {
  long k;
  for (k = 0; command->options[k].name != NULL; k++)
    if (strcmp(command->options[k].name, name) == 0) return k;
  return -1;
}

/* Reads a decimal integer exactly: an optional '-' (only when min < 0), then
 * digits to the end of the text, within [min, max] (no overflow on the way). */
static int parse_integer(const char *text, long long min, long long max, long long *value) {
  const char *p = text;
  unsigned long long magnitude = 0, limit = (unsigned long long)LLONG_MAX;
  int negative = 0;
  if (*p == '-' && min < 0) {
    negative = 1;
    limit += 1;
    p++;
  }
  if (*p < '0' || *p > '9') return 0;
  for (; *p != '\0'; p++) {
    unsigned digit = (unsigned)(*p - '0');
    if (*p < '0' || *p > '9' || magnitude > (limit - digit) / 10) return 0;
    magnitude = magnitude * 10 + digit;
  }
  if (!negative) *value = (long long)magnitude;
  else *value = magnitude > (unsigned long long)LLONG_MAX ? LLONG_MIN : -(long long)magnitude;
  return *value >= min && *value <= max;
}

/* True when text is a JSON number (RFC 8259 grammar) that a double holds (finite). */
static int is_json_number(const char *text) {
  const char *s = text;
  if (*s == '-') s++;
  if (*s == '0') s++;
  else if (*s >= '1' && *s <= '9') while (*s >= '0' && *s <= '9') s++;
  else return 0;
  if (*s == '.') {
    s++;
    if (!(*s >= '0' && *s <= '9')) return 0;
    while (*s >= '0' && *s <= '9') s++;
  }
  if (*s == 'e' || *s == 'E') {
    s++;
    if (*s == '+' || *s == '-') s++;
    if (!(*s >= '0' && *s <= '9')) return 0;
    while (*s >= '0' && *s <= '9') s++;
  }
  return *s == '\0' && !isinf(strtod(text, NULL));
}

/* Checks `value` of option o; stores an integer's value. Returns 0 after a usage error. */
static int check_value(const struct cli_command *command, const struct cli_option *o, const char *source,
                       const char *value, long long *integer) {
  int ok = 1;
  if (o->choices != NULL) {
    const char *const *choice;
    ok = 0;
    for (choice = o->choices; *choice != NULL; choice++)
      if (strcmp(*choice, value) == 0) ok = 1;
  } else if (o->kind == CLI_INTEGER) {
    ok = parse_integer(value, o->min, o->max, integer);
  } else if (o->syntax != NULL) {
    ok = o->syntax->accepts(value);
  } else if (o->kind == CLI_NUMBER) {
    ok = is_json_number(value);
  }
  if (!ok) {
    struct cli_buffer shown, allowed;
    cli_quote_value(&shown, value);
    cli_describe_allowed(o, 1, &allowed);
    cli_usage_error(command, "%s: %s is not %s", source, cli_buffer_text(&shown),
                    cli_buffer_text(&allowed));
    cli_buffer_free(&shown);
    cli_buffer_free(&allowed);
  }
  return ok;
}

/* Prints the unknown-option error, with every option the command takes. */
static int unknown_option(const struct cli_command *command, const char *arg) {
  struct cli_buffer list, shown;
  const struct cli_option *o;
  int code;
  cli_buffer_init(&list, "");
  for (o = command->options; o->name != NULL; o++) {
    cli_buffer_append(&list, o->name, strlen(o->name));
    cli_buffer_append(&list, ", ", 2);
  }
  cli_buffer_append(&list, "--help", 6);
  cli_quote_value(&shown, arg);
  code = cli_usage_error(command, "%s: unknown option %s (allowed: %s)", command->name, cli_buffer_text(&shown),
                         cli_buffer_text(&list));
  cli_buffer_free(&list);
  cli_buffer_free(&shown);
  return code;
}

/* Stores one more value of a repeated option (the list has room for every
 * argument; integers[k] counts the values, so each store is O(1)). */
static int add_item(struct cli_args *args, long k, const char *value, int argc) {
  if (args->items[k] == NULL) {
    args->items[k] = calloc((size_t)argc + 1, sizeof *args->items[k]);
    if (args->items[k] == NULL) return 0;
  }
  args->items[k][args->integers[k]++] = value;
  return 1;
}

/* Checks required options and exclusive groups once every argument is read. */
static int check_complete(const struct cli_command *command, const struct cli_args *args) {
  size_t k, j;
  for (k = 0; k < args->option_count; k++) {
    const struct cli_option *o = &command->options[k];
    size_t given = 0;
    struct cli_buffer names;
    int code;
    if (o->group == 0) {
      if (!o->required || args->values[k] != NULL) continue;
      cli_buffer_init(&names, "");
      cli_append_placeholder(&names, o);
      code = cli_usage_error(command, "%s %s is required", o->name, cli_buffer_text(&names));
      cli_buffer_free(&names);
      return code;
    }
    for (j = 0; j < k; j++)
      if (command->options[j].group == o->group) break;
    if (j < k) continue; /* the group was checked at its first option */
    for (j = k; j < args->option_count; j++) given += command->options[j].group == o->group && args->values[j];
    if (given == 1 || (given == 0 && !o->required)) continue;
    cli_group_names(command, o->group, &names);
    code = cli_usage_error(command, given == 0 ? "give exactly one of %s" : "give only one of %s",
                           cli_buffer_text(&names));
    cli_buffer_free(&names);
    return code;
  }
  if (command->operand != NULL && args->operand == NULL)
    return cli_usage_error(command, strncmp(command->operand, "FILE", 4) == 0
                                       ? "missing %s: give a FILE, or - for standard input"
                                       : "missing %s",
                           command->operand_help);
  return 0;
}

/* Fills absent options that have a default_env from the environment. */
static int apply_environment(const struct cli_command *command, struct cli_args *args) {
  size_t k;
  for (k = 0; k < args->option_count; k++) {
    const struct cli_option *o = &command->options[k];
    const char *value = o->default_env ? getenv(o->default_env) : NULL;
    if (args->values[k] != NULL || value == NULL || value[0] == '\0') continue;
    if (!check_value(command, o, o->default_env, value, &args->integers[k])) return EXIT_UNUSABLE;
    args->values[k] = value;
    args->from_env[k] = 1;
  }
  return 0;
}

/* True when --help (or -h) is among the options, not the value of another option nor after "--". */
static int asks_for_help(const struct cli_command *command, int argc, char **argv) {
  int i;
  for (i = 0; i < argc && strcmp(argv[i], "--") != 0; i++) {
    long k = find_option(command, argv[i]);
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) return 1;
    if (k >= 0 && command->options[k].kind != CLI_FLAG) i++;
  }
  return 0;
}

int cli_parse(const struct cli_command *command, int argc, char **argv, struct cli_args *args) {
  int i, options_done = 0;
  memset(args, 0, sizeof *args);
  args->command = command;
  while (command->options[args->option_count].name != NULL) args->option_count++;
  args->values = calloc(args->option_count + 1, sizeof *args->values);
  args->integers = calloc(args->option_count + 1, sizeof *args->integers);
  args->items = calloc(args->option_count + 1, sizeof *args->items);
  args->from_env = calloc(args->option_count + 1, sizeof *args->from_env);
  if (args->values == NULL || args->integers == NULL || args->items == NULL || args->from_env == NULL) {
    fputs("analyze: out of memory\n", stderr);
    return EXIT_UNUSABLE;
  }
  if (asks_for_help(command, argc, argv)) {
    cli_print_help(command, stdout);
    return CLI_HELP_SHOWN;
  }
  for (i = 0; i < argc; i++) {
    const char *arg = argv[i], *value;
    const struct cli_option *o;
    struct cli_buffer shown;
    long k;
    int code;
    if (!options_done && strcmp(arg, "--") == 0) {
      options_done = 1;
      continue;
    }
    if (!options_done && arg[0] == '-' && arg[1] != '\0') {
      k = find_option(command, arg);
      if (k < 0) return unknown_option(command, arg);
      o = &command->options[k];
      if (o->kind == CLI_FLAG) {
        args->values[k] = o->name;
        continue;
      }
      if (i + 1 >= argc) {
        struct cli_buffer allowed;
        cli_describe_allowed(o, 1, &allowed);
        code = cli_usage_error(command, "%s: missing value; expected %s", arg, cli_buffer_text(&allowed));
        cli_buffer_free(&allowed);
        return code;
      }
      value = argv[++i];
      if (o->kind != CLI_REPEATED && args->values[k] != NULL)
        return cli_usage_error(command, "%s: given twice; give it once", arg);
      if (!check_value(command, o, arg, value, &args->integers[k])) return EXIT_UNUSABLE;
      args->values[k] = value;
      if (o->kind == CLI_REPEATED && !add_item(args, k, value, argc)) {
        fputs("analyze: out of memory\n", stderr);
        return EXIT_UNUSABLE;
      }
      continue;
    }
    if (command->operand != NULL && args->operand == NULL) {
      args->operand = arg;
      continue;
    }
    cli_quote_value(&shown, arg);
    if (command->operand == NULL)
      code = cli_usage_error(command, "unexpected argument %s: %s takes no input", cli_buffer_text(&shown),
                             command->name);
    else
      code = cli_usage_error(command, "unexpected argument %s: %s takes one input %s", cli_buffer_text(&shown),
                             command->name, command->operand);
    cli_buffer_free(&shown);
    return code;
  }
  if (apply_environment(command, args) != 0) return EXIT_UNUSABLE;
  return check_complete(command, args);
}

void cli_args_free(struct cli_args *args) {
  size_t k;
  if (args->items != NULL)
    for (k = 0; k < args->option_count; k++) free((void *)args->items[k]);
  free((void *)args->values);
  free(args->integers);
  free((void *)args->items);
  free(args->from_env);
  memset(args, 0, sizeof *args);
}

const char *cli_text(const struct cli_args *args, const char *name) {
  long k = find_option(args->command, name);
  return k < 0 ? NULL : args->values[k];
}

long long cli_integer(const struct cli_args *args, const char *name, long long fallback) {
  long k = find_option(args->command, name);
  return k < 0 || args->values[k] == NULL ? fallback : args->integers[k];
}

const char *const *cli_items(const struct cli_args *args, const char *name) {
  static const char *const none[] = {NULL};
  long k = find_option(args->command, name);
  return k < 0 || args->items[k] == NULL ? none : args->items[k];
}
