/* The JSON options object handed to the library, written from the option
 * declarations, and library option errors blamed back on the option that fed
 * them (see options.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <analyze.h>

#include "buffer.h"
#include "io.h"
#include "options.h"

/* True when `key` is listed in `only` (or `only` is NULL: every key). */
static int wanted(const char *const *only, const char *key) {
  if (only == NULL) return 1;
  for (; *only != NULL; only++)
    if (key != NULL && strcmp(*only, key) == 0) return 1;
  return 0;
}

/* Appends "key":<the JSON document of file `path`, normalized>; 0 after printing why not. */
static int append_file(struct cli_buffer *b, const struct cli_option *o, const char *path) {
  size_t len = 0;
  char *text = cli_read_input(path, &len), *normalized = NULL;
  analyze_error_t err;
  int rc;
  if (text == NULL) return 0;
  rc = analyze_json_normalize(&normalized, text, len, &err);
  free(text);
  if (rc != ANALYZE_OK) {
    struct cli_buffer label;
    cli_buffer_init(&label, o->name);
    cli_buffer_append(&label, " ", 1);
    cli_buffer_append(&label, path, strlen(path));
    cli_report_error(label.data ? label.data : path, rc, &err);
    cli_buffer_free(&label);
    return 0;
  }
  cli_buffer_append_key(b, o->key, strlen(o->key));
  cli_buffer_append(b, normalized, strlen(normalized));
  analyze_free(normalized);
  return 1;
}

/* Appends each KEY=VALUE of a CLI_INTO_PAIRS option, VALUE normalized JSON; 0 after a usage error. */
static int append_pairs(struct cli_buffer *b, const struct cli_args *args, const struct cli_option *o) {
  const char *const *item;
  for (item = cli_items(args, o->name); *item != NULL; item++) {
    const char *equals = strchr(*item, '=');
    char *normalized = NULL;
    analyze_error_t err;
    if (analyze_json_normalize(&normalized, equals + 1, strlen(equals + 1), &err) != ANALYZE_OK) {
      struct cli_buffer shown;
      cli_quote_value(&shown, *item);
      cli_usage_error(args->command, "%s: %s: VALUE is not JSON: %s", o->name, cli_buffer_text(&shown),
                      err.message);
      cli_buffer_free(&shown);
      return 0;
    }
    cli_buffer_append_key(b, *item, (size_t)(equals - *item));
    cli_buffer_append(b, normalized, strlen(normalized));
    analyze_free(normalized);
  }
  return 1;
}

int cli_library_options(const struct cli_args *args, const char *const *only, char **json, size_t *len) {
  struct cli_buffer b;
  size_t k;
  cli_buffer_init(&b, "{");
  for (k = 0; k < args->option_count; k++) {
    const struct cli_option *o = &args->command->options[k];
    const char *value = args->values[k];
    if (value == NULL || o->into == CLI_INTO_NOTHING || !wanted(only, o->key)) continue;
    switch (o->into) {
    case CLI_INTO_STRING:
      cli_buffer_append_key(&b, o->key, strlen(o->key));
      cli_buffer_append_quoted(&b, value, strlen(value));
      break;
    case CLI_INTO_NUMBER:
      cli_buffer_append_key(&b, o->key, strlen(o->key));
      cli_buffer_append(&b, value, strlen(value));
      break;
    case CLI_INTO_FILE:
      if (!append_file(&b, o, value)) goto fail;
      break;
    default:
      if (!append_pairs(&b, args, o)) goto fail;
      break;
    }
  }
  cli_buffer_append(&b, "}", 1);
  if (b.data == NULL) {
    fputs("analyze: out of memory\n", stderr);
    return 0;
  }
  *json = b.data;
  *len = b.len;
  return 1;
fail:
  cli_buffer_free(&b);
  return 0;
}

int cli_library_error(const struct cli_args *args, int code, const struct analyze_error *err) {
  const char *message = err->message[0] ? err->message : analyze_strerror(code);
  const struct cli_option *o, *blamed = NULL;
  size_t key_len = strcspn(err->path, ".[");
  struct cli_buffer label;
  int usage, shown_path;
  if (code == ANALYZE_EINVAL || (code == ANALYZE_EJSON && strncmp(message, "options: ", 9) == 0)) {
    for (o = args->command->options; o->name != NULL && blamed == NULL; o++)
      if (o->key != NULL && strlen(o->key) == key_len && strncmp(o->key, err->path, key_len) == 0) blamed = o;
    for (o = args->command->options; o->name != NULL && blamed == NULL; o++)
      if (o->into == CLI_INTO_PAIRS) blamed = o;
  }
  if (blamed == NULL) {
    cli_report_error(args->operand, code, err);
    return EXIT_UNUSABLE;
  }
  /* The label says where the value came from; the path is shown when it says more than the option's own key. */
  cli_buffer_init(&label, blamed->into == CLI_INTO_PAIRS ? args->command->name : "");
  if (blamed->into == CLI_INTO_PAIRS) cli_buffer_append(&label, " ", 1);
  cli_buffer_append(&label, blamed->name, strlen(blamed->name));
  if (args->from_env[blamed - args->command->options]) {
    cli_buffer_append(&label, " (from $", 8);
    cli_buffer_append(&label, blamed->default_env, strlen(blamed->default_env));
    cli_buffer_append(&label, ")", 1);
  }
  shown_path = blamed->into == CLI_INTO_PAIRS || err->path[key_len] != '\0';
  usage = cli_usage_error(args->command, "%s: %s%s%s%s", label.data ? label.data : blamed->name, message,
                         shown_path ? " (at " : "", shown_path ? err->path : "", shown_path ? ")" : "");
  cli_buffer_free(&label);
  return usage;
}

int cli_print_result(const struct cli_args *args, int code, char *out, const struct analyze_error *err,
                     void (*print)(const char *out)) {
  if (code != ANALYZE_OK) {
    analyze_free(out);
    return cli_library_error(args, code, err);
  }
  if (print != NULL)
    print(out);
  else
    puts(out);
  analyze_free(out);
  return EXIT_OK_;
}

int cli_read_command_input(const struct cli_args *args, char **input, size_t *len, char **options, size_t *options_len) {
  *input = NULL;
  if (!cli_library_options(args, NULL, options, options_len)) return 0;
  *input = cli_read_input(args->operand, len);
  if (*input != NULL) return 1;
  free(*options);
  *options = NULL;
  return 0;
}
