/* Usage lines, --help and usage errors, all derived from the option tables (see options.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "buffer.h"
#include "io.h"
#include "options.h"

/* Columns of the usage line before it wraps. */
#define USAGE_WIDTH 80
/* Width of the option column of --help; longer entries put their help on the next line. */
#define HELP_COLUMN 26

static void append_text(struct cli_buffer *out, const char *text) { cli_buffer_append(out, text, strlen(text)); }

void cli_append_placeholder(struct cli_buffer *out, const struct cli_option *o) {
  const char *const *choice;
  if (o->placeholder != NULL || o->choices == NULL) {
    if (o->placeholder != NULL) append_text(out, o->placeholder);
    return;
  }
  for (choice = o->choices; *choice != NULL; choice++) {
    if (choice != o->choices) append_text(out, "|");
    append_text(out, *choice);
  }
}

void cli_describe_allowed(const struct cli_option *o, int full, struct cli_buffer *out) {
  char range[96];
  const char *const *choice;
  cli_buffer_init(out, "");
  if (o->choices != NULL) {
    append_text(out, "one of ");
    for (choice = o->choices; *choice != NULL; choice++) {
      if (choice != o->choices) append_text(out, ", ");
      append_text(out, *choice);
    }
    return;
  }
  if (o->kind == CLI_INTEGER) {
    snprintf(range, sizeof range, o->min < 0 ? "an integer from %lld to %lld" : "an integer %lld-%lld", o->min, o->max);
    if (full && o->what != NULL) {
      append_text(out, o->what);
      append_text(out, " (");
      append_text(out, range);
      append_text(out, ")");
    } else {
      append_text(out, range);
    }
  } else if (o->syntax != NULL) {
    if (full) append_text(out, o->syntax->description);
  } else if (o->kind == CLI_NUMBER) {
    if (full && o->what != NULL) {
      append_text(out, o->what);
      append_text(out, " (a JSON number)");
    } else {
      append_text(out, "a JSON number");
    }
  } else if (full && o->kind != CLI_FLAG) {
    if (o->what != NULL) append_text(out, o->what);
    else cli_append_placeholder(out, o);
  }
}

void cli_quote_value(struct cli_buffer *out, const char *text) {
  const unsigned char *p;
  cli_buffer_init(out, "'");
  for (p = (const unsigned char *)text; *p != '\0'; p++) {
    char hex[8];
    if (*p >= 0x20 && *p != 0x7f) {
      cli_buffer_append(out, (const char *)p, 1);
      continue;
    }
    snprintf(hex, sizeof hex, "\\x%02X", *p);
    append_text(out, hex);
  }
  append_text(out, "'");
}

/* Appends the usage token of the option at `o` (with the rest of its group) and
 * returns how many table entries it covered. */
static size_t usage_token(const struct cli_option *o, struct cli_buffer *out) {
  size_t n = 1;
  int optional = !o->required;
  cli_buffer_init(out, "");
  if (o->group != 0)
    while (o[n].name != NULL && o[n].group == o->group) n++;
  append_text(out, o->group != 0 ? (optional ? "[" : "(") : (optional ? "[" : ""));
  for (size_t i = 0; i < n; i++) {
    if (i > 0) append_text(out, " | ");
    append_text(out, o[i].name);
    if (o[i].kind != CLI_FLAG) {
      append_text(out, " ");
      cli_append_placeholder(out, &o[i]);
    }
  }
  append_text(out, o->group != 0 ? (optional ? "]" : ")") : (optional ? "]" : ""));
  if (o->kind == CLI_REPEATED) append_text(out, "...");
  return n;
}

/* Prints one token of the usage line, wrapping under the first token when the line would pass USAGE_WIDTH. */
static void print_token(FILE *to, const struct cli_buffer *token, int indent, int *column) {
  if (token->data == NULL) return;
  if (*column > indent && *column + 1 + (int)token->len > USAGE_WIDTH) *column = fprintf(to, "\n%*s", indent, "") - 1;
  *column += fprintf(to, " %s", token->data);
}

void cli_print_usage(const struct cli_command *command, FILE *to) {
  const struct cli_option *o = command->options;
  int indent = fprintf(to, "usage: analyze %s", command->name), column = indent;
  struct cli_buffer token;
  while (o->name != NULL) {
    o += usage_token(o, &token);
    print_token(to, &token, indent, &column);
    cli_buffer_free(&token);
  }
  if (command->operand != NULL) {
    cli_buffer_init(&token, command->operand);
    print_token(to, &token, indent, &column);
    cli_buffer_free(&token);
  }
  fputc('\n', to);
}

int cli_usage_error(const struct cli_command *command, const char *format, ...) {
  va_list list;
  fputs("analyze: ", stderr);
  va_start(list, format);
  vfprintf(stderr, format, list);
  va_end(list);
  fputc('\n', stderr);
  cli_print_usage(command, stderr);
  return EXIT_UNUSABLE;
}

/* Prints text from `column` on, wrapped at USAGE_WIDTH (a word longer than a
 * line stays whole), continuation lines indented by `indent`; ends the line. */
static void print_wrapped(FILE *to, const char *text, int column, int indent) {
  int start = column;
  while (*text != '\0') {
    size_t word = strcspn(text, " ");
    if (column > start && column + 1 + (int)word > USAGE_WIDTH) {
      column = fprintf(to, "\n%*s", indent, "") - 1;
      start = column;
    }
    if (column > start) column += fprintf(to, " ");
    column += fprintf(to, "%.*s", (int)word, text);
    text += word;
    while (*text == ' ') text++;
  }
  fputc('\n', to);
}

/* Prints one "  NAME  help" entry of --help, the help on the next line when NAME is long. */
static void help_line(FILE *to, const char *name, const char *help) {
  int width = fprintf(to, "  %s", name);
  if (width + 2 > HELP_COLUMN) width = fprintf(to, "\n%*s", HELP_COLUMN, "") - 1;
  else width += fprintf(to, "%*s", HELP_COLUMN - width, "");
  print_wrapped(to, help, width, HELP_COLUMN);
}

void cli_group_names(const struct cli_command *command, int group, struct cli_buffer *out) {
  const struct cli_option *o;
  size_t total = 0, seen = 0;
  for (o = command->options; o->name != NULL; o++) total += o->group == group;
  cli_buffer_init(out, "");
  for (o = command->options; o->name != NULL; o++) {
    if (o->group != group) continue;
    if (seen > 0) append_text(out, seen + 1 == total ? " and " : ", ");
    append_text(out, o->name);
    seen++;
  }
}

/* Appends one remark to the parenthesized list after an option's help. */
static void remark(struct cli_buffer *out, int *count, const char *text) {
  append_text(out, (*count)++ == 0 ? " (" : "; ");
  append_text(out, text);
}

/* Writes the help of option o: its text, then what the table says about it in parentheses. */
static void option_help(const struct cli_command *command, const struct cli_option *o, struct cli_buffer *out) {
  struct cli_buffer text;
  int count = 0;
  cli_buffer_init(out, o->help);
  if (o->required && o->group == 0) remark(out, &count, "required");
  if (o->group != 0) {
    cli_group_names(command, o->group, &text);
    append_text(&text, o->required ? ": give exactly one" : ": give at most one");
    remark(out, &count, cli_buffer_text(&text));
    cli_buffer_free(&text);
  }
  cli_describe_allowed(o, 0, &text);
  if (text.len > 0) remark(out, &count, cli_buffer_text(&text));
  cli_buffer_free(&text);
  if (o->kind == CLI_REPEATED) remark(out, &count, "may be repeated");
  if (o->default_env != NULL) {
    cli_buffer_init(&text, "default: $");
    append_text(&text, o->default_env);
    remark(out, &count, cli_buffer_text(&text));
    cli_buffer_free(&text);
  }
  if (count > 0) append_text(out, ")");
}

void cli_print_help(const struct cli_command *command, FILE *to) {
  const struct cli_option *o;
  struct cli_buffer name, help;
  cli_print_usage(command, to);
  fputc('\n', to);
  print_wrapped(to, command->description, 0, 0);
  if (command->operand != NULL) {
    fputs("\ninput:\n", to);
    cli_buffer_init(&help, command->operand_help);
    if (strncmp(command->operand, "FILE", 4) == 0) append_text(&help, ": a file name, or - for standard input");
    help_line(to, command->operand, help.data ? help.data : command->operand_help);
    cli_buffer_free(&help);
  }
  fputs("\noptions:\n", to);
  for (o = command->options; o->name != NULL; o++) {
    cli_buffer_init(&name, o->name);
    if (o->kind != CLI_FLAG) {
      append_text(&name, " ");
      cli_append_placeholder(&name, o);
    }
    option_help(command, o, &help);
    help_line(to, name.data ? name.data : o->name, help.data ? help.data : o->help);
    cli_buffer_free(&name);
    cli_buffer_free(&help);
  }
  help_line(to, "--help", "print this help and exit");
  fputs("\n" CLI_EXIT_CODES "\n", to);
}
