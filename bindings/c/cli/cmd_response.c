/* analyze parse-task / parse-response / segments / parse-webhook (see commands.h).
 *
 * Every command reads one body (FILE or - for standard input) and prints what
 * the library returns. The human summary of parse-task reads the library's own
 * normalized JSON (compact, valid, keys in a fixed order) with the small
 * scanner below and prints strings as JSON literals, so no control character
 * of a hostile body reaches the terminal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <analyze.h>

#include "commands.h"
#include "io.h"

/* ---- Reading the library's normalized JSON ------------------------------ */

/* The end of the JSON string starting at p (at its opening quote). */
static const char *skip_string(const char *p) {
  for (p++; *p && *p != '"'; p++)
    if (*p == '\\' && p[1]) p++;
  return *p ? p + 1 : p;
}

/* The end of the JSON value starting at p. */
static const char *skip_value(const char *p) {
  int depth = 0;
  do {
    if (*p == '"') {
      p = skip_string(p);
      continue;
    }
    if (*p == '{' || *p == '[') depth++;
    if (*p == '}' || *p == ']') depth--;
    if (*p == '\0') return p;
    p++;
    if (depth == 0) {
      while (*p && *p != ',' && *p != '}' && *p != ']') p++;
    }
  } while (depth > 0);
  return p;
}

/* The value of member `key` of the object at p, or NULL. */
static const char *member(const char *p, const char *key) {
  size_t len = strlen(key);
  if (p == NULL || *p != '{') return NULL;
  for (p++; *p == '"';) {
    const char *name = p + 1, *value = skip_string(p) + 1;
    if ((size_t)(value - name - 2) == len && strncmp(name, key, len) == 0) return value;
    p = skip_value(value);
    if (*p == ',') p++;
  }
  return NULL;
}

/* Prints the JSON text of the value at p. */
static void print_value(const char *p) {
  if (p == NULL) {
    fputs("null", stdout);
    return;
  }
  fwrite(p, 1, (size_t)(skip_value(p) - p), stdout);
}

/* Number of elements of the array at p. */
static int count_elements(const char *p) {
  int count = 0;
  if (p == NULL || *p != '[') return 0;
  for (p++; *p && *p != ']'; count++) {
    p = skip_value(p);
    if (*p == ',') p++;
  }
  return count;
}

static int is_null(const char *p) { return p == NULL || strncmp(p, "null", 4) == 0; }

static const char *kind_name(const char *p) {
  switch (p ? *p : 'n') {
  case '{': return "object";
  case '[': return "array";
  case '"': return "string";
  case 'n': return "null";
  case 't': case 'f': return "boolean";
  default: return "number";
  }
}

/* The short human summary of a normalized task (mirrored by cli_responses.py). */
static void print_summary(const char *task) {
  const char *result = member(task, "result"), *error = member(task, "error"), *p;
  printf("task_id: ");
  print_value(member(task, "task_id"));
  printf("\ncustom_id: ");
  print_value(member(task, "custom_id"));
  printf("\nstatus: ");
  print_value(member(task, "status"));
  if (strncmp(member(task, "terminal"), "true", 4) == 0) printf(" (terminal)");
  printf("\ncreated_at: ");
  print_value(member(task, "created_at"));
  printf("\ncompleted_at: ");
  print_value(member(task, "completed_at"));
  putchar('\n');
  if (!is_null(error)) {
    printf("error: ");
    print_value(member(error, "message"));
    putchar('\n');
  }
  if (is_null(result)) return;
  printf("result: finish_reason ");
  print_value(member(result, "finish_reason"));
  printf(", output_tokens ");
  print_value(member(member(result, "usage"), "output_tokens"));
  printf(", truncated ");
  print_value(member(result, "truncated"));
  putchar('\n');
  if ((p = member(result, "segments")) != NULL) {
    printf("segments:");
    if (*p == '{') {
      int first = 1;
      for (p++; *p == '"'; first = 0) {
        const char *value = skip_string(p) + 1;
        printf("%s ", first ? "" : ",");
        fwrite(p, 1, (size_t)(value - 1 - p), stdout);
        printf(" %d", count_elements(value));
        p = skip_value(value);
        if (*p == ',') p++;
      }
      if (first) printf(" none");
    } else {
      printf(" null");
    }
    putchar('\n');
  }
  if ((p = member(result, "json")) != NULL) printf("json: %s\n", kind_name(p));
  p = member(result, "issues");
  printf("issues: %d\n", count_elements(p));
  for (p = p ? p + 1 : p; p && *p == '{';) {
    printf("  ");
    print_value(member(p, "code"));
    printf(" at ");
    print_value(member(p, "path"));
    printf(": ");
    print_value(member(p, "message"));
    putchar('\n');
    p = skip_value(p);
    if (*p == ',') p++;
  }
}

/* ---- Options and headers ------------------------------------------------ */

/* Appends `text` to the growing buffer *buf (NULL on allocation failure). */
static void append(char **buf, size_t *len, const char *text, size_t n) {
  char *bigger;
  if (*buf == NULL) return;
  bigger = realloc(*buf, *len + n + 1);
  if (bigger == NULL) {
    free(*buf);
    *buf = NULL;
    return;
  }
  memcpy(bigger + *len, text, n);
  *len += n;
  bigger[*len] = '\0';
  *buf = bigger;
}

/* Appends `text` (n bytes) as a JSON string. */
static void append_quoted(char **buf, size_t *len, const char *text, size_t n) {
  size_t i;
  append(buf, len, "\"", 1);
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c == '"' || c == '\\') {
      char escaped[2] = {'\\', (char)c};
      append(buf, len, escaped, 2);
    } else if (c < 0x20) {
      char escaped[8];
      snprintf(escaped, sizeof escaped, "\\u%04x", c);
      append(buf, len, escaped, 6);
    } else {
      append(buf, len, (const char *)&c, 1);
    }
  }
  append(buf, len, "\"", 1);
}

/* Appends ,"key":<the JSON of FILE, normalized>; returns 0 after printing why not. */
static int append_file_option(char **buf, size_t *len, const char *key, const char *path) {
  size_t file_len = 0;
  char *text = cli_read_input(path, &file_len), *normalized = NULL;
  analyze_error_t err;
  int rc;
  if (text == NULL) return 0;
  rc = analyze_json_normalize(&normalized, text, file_len, &err);
  free(text);
  if (rc != ANALYZE_OK) {
    cli_report_error(path, rc, &err);
    return 0;
  }
  append(buf, len, *len > 1 ? "," : "", *len > 1 ? 1 : 0);
  append_quoted(buf, len, key, strlen(key));
  append(buf, len, ":", 1);
  append(buf, len, normalized, strlen(normalized));
  analyze_free(normalized);
  return 1;
}

/* What --now takes (the Python CLI prints the same words). */
#define NOW_USAGE "--now takes Unix seconds as a plain decimal number: digits, optionally '.' and more digits"

/* True for digits, optionally followed by '.' and at least one digit: the only --now
 * spellings spliced into the options JSON (no sign, exponent, hex, nan or inf). */
static int is_plain_decimal(const char *text) {
  const char *p = text;
  while (*p >= '0' && *p <= '9') p++;
  if (p == text) return 0;
  if (*p == '.') {
    const char *fraction = ++p;
    while (*p >= '0' && *p <= '9') p++;
    if (p == fraction) return 0;
  }
  return *p == '\0';
}

/* Options shared by the commands: --request FILE, --schema FILE, --now UNIX. */
struct options {
  char *json; /* the options object, malloc'd */
  size_t len;
  const char *input;
};

/* Parses `argv` into options and the one input; returns 0 (after printing usage) on a usage error.
 * `allowed` lists the flags the command takes, e.g. "rs" for --request and --schema. */
static int parse_common(int argc, char **argv, const char *allowed, const char *usage, struct options *o,
                        int (*extra)(const char *flag, const char *value, void *state), void *state) {
  int i;
  o->json = malloc(2);
  o->len = 1;
  o->input = NULL;
  if (o->json == NULL) return 0;
  strcpy(o->json, "{");
  for (i = 0; i < argc; i++) {
    const char *arg = argv[i];
    int has_value = i + 1 < argc;
    if (strcmp(arg, "--request") == 0 && strchr(allowed, 'r') && has_value) {
      if (!append_file_option(&o->json, &o->len, "request", argv[++i])) goto fail;
    } else if (strcmp(arg, "--schema") == 0 && strchr(allowed, 's') && has_value) {
      if (!append_file_option(&o->json, &o->len, "json_schema", argv[++i])) goto fail;
    } else if (strcmp(arg, "--now") == 0 && strchr(allowed, 'n') && has_value) {
      const char *value = argv[++i];
      if (!is_plain_decimal(value)) {
        fprintf(stderr, "analyze: %s\n", NOW_USAGE);
        goto usage;
      }
      append(&o->json, &o->len, o->len > 1 ? ",\"now\":" : "\"now\":", o->len > 1 ? 7 : 6);
      append(&o->json, &o->len, value, strlen(value));
    } else if (arg[0] == '-' && arg[1] == '-' && extra && has_value && extra(arg, argv[i + 1], state)) {
      i++;
    } else if (arg[0] == '-' && arg[1] != '\0') {
      goto usage;
    } else if (o->input == NULL) {
      o->input = arg;
    } else {
      goto usage;
    }
    if (o->json == NULL) goto fail;
  }
  if (o->input == NULL) goto usage;
  append(&o->json, &o->len, "}", 1);
  if (o->json != NULL) return 1;
  goto fail;
usage:
  fprintf(stderr, "usage: analyze %s\n", usage);
fail:
  free(o->json);
  o->json = NULL;
  return 0;
}

/* ---- Commands ------------------------------------------------------------ */

static int cmd_parse_task(int argc, char **argv) {
  struct options o;
  size_t len = 0;
  char *input, *out = NULL, **rest;
  analyze_error_t err;
  int rc, i, kept = 0, as_json = 0;
  /* --json may come anywhere; the other arguments go to parse_common. */
  rest = malloc(sizeof *rest * (size_t)(argc + 1));
  if (rest == NULL) return EXIT_UNUSABLE;
  for (i = 0; i < argc; i++) {
    if (strcmp(argv[i], "--json") == 0)
      as_json = 1;
    else
      rest[kept++] = argv[i];
  }
  rc = parse_common(kept, rest, "rs", "parse-task [--json] [--request FILE] [--schema FILE] FILE|-", &o, NULL, NULL);
  free(rest);
  if (!rc) return EXIT_UNUSABLE;
  input = cli_read_input(o.input, &len);
  if (input == NULL) {
    free(o.json);
    return EXIT_UNUSABLE;
  }
  rc = analyze_task_parse(&out, input, len, o.json, o.len, &err);
  free(input);
  free(o.json);
  if (rc != ANALYZE_OK) {
    cli_report_error(o.input, rc, &err);
    return EXIT_UNUSABLE;
  }
  if (as_json)
    puts(out);
  else
    print_summary(out);
  analyze_free(out);
  return EXIT_OK_;
}

/* State of parse-response's own flags. */
struct response_flags {
  int kind, status;
  char *headers; /* JSON array of [name, value] pairs being built */
  size_t headers_len;
  int bad;
};

static int response_flag(const char *flag, const char *value, void *state) {
  struct response_flags *f = state;
  if (strcmp(flag, "--kind") == 0) {
    static const char *const kinds[] = {"create", "retrieve", "list", "delete"};
    int k;
    f->kind = 0;
    for (k = 0; k < 4; k++)
      if (strcmp(value, kinds[k]) == 0) f->kind = k + 1;
    if (f->kind == 0) f->bad = 1;
    return 1;
  }
  if (strcmp(flag, "--status") == 0) {
    char *end;
    long status = strtol(value, &end, 10);
    if (*value == '\0' || *end != '\0' || status < 100 || status > 599) f->bad = 1;
    f->status = (int)status;
    return 1;
  }
  if (strcmp(flag, "--header") == 0) {
    const char *colon = strchr(value, ':'), *start, *stop;
    if (colon == NULL || colon == value) {
      f->bad = 1;
      return 1;
    }
    for (start = colon + 1; *start == ' ' || *start == '\t'; start++) {}
    for (stop = start + strlen(start); stop > start && (stop[-1] == ' ' || stop[-1] == '\t'); stop--) {}
    /* [name, value] pairs in order: the library combines repeated fields. */
    append(&f->headers, &f->headers_len, f->headers_len > 1 ? ",[" : "[", f->headers_len > 1 ? 2 : 1);
    append_quoted(&f->headers, &f->headers_len, value, (size_t)(colon - value));
    append(&f->headers, &f->headers_len, ",", 1);
    append_quoted(&f->headers, &f->headers_len, start, (size_t)(stop - start));
    append(&f->headers, &f->headers_len, "]", 1);
    return 1;
  }
  return 0;
}

static int cmd_parse_response(int argc, char **argv) {
  static const char usage[] =
      "parse-response --kind create|retrieve|list|delete --status N [--header 'Name: value']... "
      "[--now UNIX] [--request FILE] [--schema FILE] FILE|-";
  struct response_flags f = {0, 0, NULL, 1, 0};
  struct options o;
  size_t len = 0;
  char *input, *out = NULL;
  analyze_error_t err;
  int rc;
  f.headers = malloc(2);
  if (f.headers == NULL) return EXIT_UNUSABLE;
  strcpy(f.headers, "[");
  if (!parse_common(argc, argv, "rsn", usage, &o, response_flag, &f)) {
    free(f.headers);
    return EXIT_UNUSABLE;
  }
  append(&f.headers, &f.headers_len, "]", 1);
  if (f.bad || f.kind == 0 || f.status == 0 || f.headers == NULL) {
    fprintf(stderr, "usage: analyze %s\n", usage);
    free(f.headers);
    free(o.json);
    return EXIT_UNUSABLE;
  }
  input = cli_read_input(o.input, &len);
  if (input == NULL) {
    free(f.headers);
    free(o.json);
    return EXIT_UNUSABLE;
  }
  rc = analyze_response_parse(&out, f.kind, f.status, f.headers, f.headers_len, input, len, o.json, o.len, &err);
  free(input);
  free(f.headers);
  free(o.json);
  if (rc != ANALYZE_OK && rc != ANALYZE_EAPI) {
    cli_report_error(o.input, rc, &err);
    return EXIT_UNUSABLE;
  }
  puts(out);
  analyze_free(out);
  if (rc == ANALYZE_EAPI) {
    cli_report_error(o.input, rc, &err);
    return EXIT_REJECTED;
  }
  return EXIT_OK_;
}

static int format_flag(const char *flag, const char *value, void *state) {
  if (strcmp(flag, "--format") != 0) return 0;
  *(const char **)state = value;
  return 1;
}

static int cmd_segments(int argc, char **argv) {
  static const char usage[] = "segments --format vtt|csv|json|svg [--request FILE] FILE|-";
  struct options o;
  const char *format = NULL;
  size_t len = 0;
  char *input, *out = NULL;
  analyze_error_t err;
  int rc;
  if (!parse_common(argc, argv, "r", usage, &o, format_flag, &format)) return EXIT_UNUSABLE;
  if (format == NULL) {
    fprintf(stderr, "usage: analyze %s\n", usage);
    free(o.json);
    return EXIT_UNUSABLE;
  }
  input = cli_read_input(o.input, &len);
  if (input == NULL) {
    free(o.json);
    return EXIT_UNUSABLE;
  }
  rc = analyze_segments_export(&out, input, len, format, o.json, o.len, &err);
  free(input);
  free(o.json);
  if (rc != ANALYZE_OK) {
    cli_report_error(o.input, rc, &err);
    return EXIT_UNUSABLE;
  }
  fputs(out, stdout);
  if (strcmp(format, "json") == 0) putchar('\n');
  analyze_free(out);
  return EXIT_OK_;
}

static int cmd_parse_webhook(int argc, char **argv) {
  struct options o;
  size_t len = 0;
  char *input, *out = NULL;
  analyze_error_t err;
  int rc;
  if (!parse_common(argc, argv, "rs", "parse-webhook [--request FILE] [--schema FILE] FILE|-", &o, NULL, NULL))
    return EXIT_UNUSABLE;
  input = cli_read_input(o.input, &len);
  if (input == NULL) {
    free(o.json);
    return EXIT_UNUSABLE;
  }
  rc = analyze_webhook_parse(&out, input, len, o.json, o.len, &err);
  free(input);
  free(o.json);
  if (rc != ANALYZE_OK) {
    cli_report_error(o.input, rc, &err);
    return EXIT_UNUSABLE;
  }
  puts(out);
  analyze_free(out);
  return EXIT_OK_;
}

const struct cli_command cli_response_commands[] = {
    {"parse-task", "[--json] FILE|-", "print a task body normalized (a summary, or --json)", cmd_parse_task},
    {"parse-response", "--kind K --status N FILE|-", "print an HTTP response's result or API error (exit 1)",
     cmd_parse_response},
    {"segments", "--format vtt|csv|json|svg FILE|-", "print a task's segments as WebVTT, CSV, JSON or an SVG timeline", cmd_segments},
    {"parse-webhook", "FILE|-", "print a webhook event body normalized", cmd_parse_webhook},
    {NULL, NULL, NULL, NULL}};
