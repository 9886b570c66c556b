/* analyze validate / build-request: the request group of the command line.
 *
 *   analyze validate [--json] [--video-duration SECONDS] FILE|-
 *   analyze build-request --api-key KEY [--idempotency-key K] [--base-url URL]
 *                         [--user-agent UA] [--video-duration SECONDS] FILE|-
 *
 * validate prints one line per issue ("<severity> <code> <path>: <message>",
 * "(document)" for the empty path) and a summary line, or with --json exactly
 * the report; it exits 0 when the request is valid (warnings allowed), 1 when
 * it is not, 2 when the input is unreadable or not JSON or the usage is wrong.
 * build-request prints the HTTP request JSON, or exits 1 with the issues on
 * standard error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <analyze.h>

#include "commands.h"
#include "io.h"

/* ---- Reading the report ------------------------------------------------- */

/* Reads the JSON string at *p (just after its opening quote) into out (NUL
 * terminated, at most size-1 bytes), decoding escapes to UTF-8; leaves *p after
 * the closing quote. The report is the library's own output, so it is well-formed. */
static void read_string(const char **p, char *out, size_t size) {
  const char *s = *p;
  size_t n = 0;
  while (*s && *s != '"') {
    unsigned long code = (unsigned char)*s++;
    char buf[4];
    size_t len = 1, i;
    if (code == '\\') {
      char e = *s++;
      switch (e) {
        case 'n': code = '\n'; break;
        case 't': code = '\t'; break;
        case 'r': code = '\r'; break;
        case 'b': code = '\b'; break;
        case 'f': code = '\f'; break;
        case 'u': code = strtoul((char[5]){s[0], s[1], s[2], s[3], 0}, NULL, 16); s += 4; break;
        default: code = (unsigned char)e; break;
      }
      if (e == 'u' && code >= 0x80) {
        if (code < 0x800) {
          buf[0] = (char)(0xC0 | (code >> 6));
          buf[1] = (char)(0x80 | (code & 0x3F));
          len = 2;
        } else {
          buf[0] = (char)(0xE0 | (code >> 12));
          buf[1] = (char)(0x80 | ((code >> 6) & 0x3F));
          buf[2] = (char)(0x80 | (code & 0x3F));
          len = 3;
        }
      } else {
        buf[0] = (char)code;
      }
    } else {
      buf[0] = (char)code;
    }
    for (i = 0; i < len; i++)
      if (n + 1 < size) out[n++] = buf[i];
  }
  out[n] = '\0';
  *p = *s ? s + 1 : s;
}

/* Reads the value of member `key` (a string) of the issue object starting at *p. */
static void read_member(const char **p, const char *key, char *out, size_t size) {
  char pattern[32];
  snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
  *p = strstr(*p, pattern);
  if (*p == NULL) {
    out[0] = '\0';
    return;
  }
  *p += strlen(pattern);
  read_string(p, out, size);
}

/* Prints the report's issues as lines and a summary line; returns 1 when valid. */
static int print_issues(const char *report, FILE *to) {
  const char *p = strstr(report, "\"issues\":[");
  size_t errors = 0, warnings = 0, cap = strlen(report) + 1;
  char *severity = malloc(cap), *code = malloc(cap), *path = malloc(cap), *message = malloc(cap);
  int valid = strncmp(report, "{\"valid\":true", 13) == 0;
  if (severity && code && path && message && p != NULL) {
    p += strlen("\"issues\":[");
    while (*p == '{') {
      read_member(&p, "severity", severity, cap);
      read_member(&p, "code", code, cap);
      read_member(&p, "path", path, cap);
      read_member(&p, "message", message, cap);
      if (p == NULL) break;
      fprintf(to, "%s %s %s: %s\n", severity, code, path[0] ? path : "(document)", message);
      if (strcmp(severity, "error") == 0) errors++; else warnings++;
      p++; /* '}' */
      if (*p == ',') p++;
    }
  }
  fprintf(to, "%s: %zu error%s, %zu warning%s\n", valid ? "valid" : "invalid", errors, errors == 1 ? "" : "s",
          warnings, warnings == 1 ? "" : "s");
  free(severity);
  free(code);
  free(path);
  free(message);
  return valid;
}

/* ---- Options ------------------------------------------------------------- */

/* True when text is a JSON number (RFC 8259 grammar). */
static int is_json_number(const char *s) {
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
  return *s == '\0';
}

/* Appends "key":"value" (JSON-escaped) to the options object being built in buf. */
static void append_string(char *buf, size_t size, const char *key, const char *value) {
  size_t n = strlen(buf);
  const unsigned char *v = (const unsigned char *)value;
  n += (size_t)snprintf(buf + n, size - n, "%s\"%s\":\"", n > 1 ? "," : "", key);
  for (; *v && n + 8 < size; v++) {
    if (*v == '"' || *v == '\\') {
      buf[n++] = '\\';
      buf[n++] = (char)*v;
    } else if (*v < 0x20) {
      n += (size_t)snprintf(buf + n, size - n, "\\u%04x", *v);
    } else {
      buf[n++] = (char)*v;
    }
  }
  if (n + 2 < size) buf[n++] = '"';
  buf[n] = '\0';
}

/* The parsed arguments of both commands. */
struct request_args {
  int json;
  const char *file, *duration, *api_key, *idempotency_key, *base_url, *user_agent;
};

/* Parses argv; returns 0 on a usage error (after printing why). */
static int parse_args(int argc, char **argv, struct request_args *a, int build, const char *usage) {
  int i;
  memset(a, 0, sizeof *a);
  for (i = 0; i < argc; i++) {
    const char *arg = argv[i];
    const char **value = NULL;
    if (!build && strcmp(arg, "--json") == 0) {
      a->json = 1;
      continue;
    }
    if (strcmp(arg, "--video-duration") == 0) value = &a->duration;
    else if (build && strcmp(arg, "--api-key") == 0) value = &a->api_key;
    else if (build && strcmp(arg, "--idempotency-key") == 0) value = &a->idempotency_key;
    else if (build && strcmp(arg, "--base-url") == 0) value = &a->base_url;
    else if (build && strcmp(arg, "--user-agent") == 0) value = &a->user_agent;
    if (value != NULL) {
      if (i + 1 >= argc) {
        fprintf(stderr, "analyze: %s needs a value\n%s", arg, usage);
        return 0;
      }
      *value = argv[++i];
      continue;
    }
    if (arg[0] == '-' && arg[1] != '\0') {
      fprintf(stderr, "analyze: unknown option %s\n%s", arg, usage);
      return 0;
    }
    if (a->file != NULL) {
      fprintf(stderr, "analyze: more than one input file\n%s", usage);
      return 0;
    }
    a->file = arg;
  }
  if (a->file == NULL) {
    fprintf(stderr, "analyze: no input file\n%s", usage);
    return 0;
  }
  if (build && a->api_key == NULL) {
    fprintf(stderr, "analyze: --api-key is required\n%s", usage);
    return 0;
  }
  if (a->duration != NULL && !is_json_number(a->duration)) {
    fprintf(stderr, "analyze: --video-duration must be a number of seconds\n%s", usage);
    return 0;
  }
  return 1;
}

/* Writes the options object for the library into a new buffer (NULL when none). */
static char *make_options(const struct request_args *a, int build) {
  size_t size = 64;
  char *buf;
  const char *values[] = {a->api_key, a->idempotency_key, a->base_url, a->user_agent, a->duration};
  size_t i;
  for (i = 0; i < sizeof values / sizeof *values; i++)
    if (values[i]) size += 6 * strlen(values[i]) + 32;
  if (!build && a->duration == NULL) return NULL;
  buf = malloc(size);
  if (buf == NULL) return NULL;
  strcpy(buf, "{");
  if (a->api_key) append_string(buf, size, "api_key", a->api_key);
  if (a->base_url) append_string(buf, size, "base_url", a->base_url);
  if (a->idempotency_key) append_string(buf, size, "idempotency_key", a->idempotency_key);
  if (a->user_agent) append_string(buf, size, "user_agent", a->user_agent);
  if (a->duration) {
    size_t n = strlen(buf);
    snprintf(buf + n, size - n, "%s\"video_duration\":%s", n > 1 ? "," : "", a->duration);
  }
  strcat(buf, "}");
  return buf;
}

/* ---- Commands ------------------------------------------------------------ */

static const char VALIDATE_USAGE[] = "usage: analyze validate [--json] [--video-duration SECONDS] FILE|-\n";
static const char BUILD_USAGE[] =
    "usage: analyze build-request --api-key KEY [--idempotency-key K] [--base-url URL] [--user-agent UA]\n"
    "                             [--video-duration SECONDS] FILE|-\n";

static int cmd_validate(int argc, char **argv) {
  struct request_args a;
  size_t len = 0;
  char *input, *options, *report = NULL;
  analyze_error_t err;
  int rc, valid;
  if (!parse_args(argc, argv, &a, 0, VALIDATE_USAGE)) return EXIT_UNUSABLE;
  input = cli_read_input(a.file, &len);
  if (input == NULL) return EXIT_UNUSABLE;
  options = make_options(&a, 0);
  rc = analyze_request_validate(&report, input, len, options, options ? strlen(options) : 0, &err);
  free(input);
  free(options);
  if (rc != ANALYZE_OK) {
    cli_report_error(a.file, rc, &err);
    return EXIT_UNUSABLE;
  }
  if (a.json) {
    puts(report);
    valid = strncmp(report, "{\"valid\":true", 13) == 0;
  } else {
    valid = print_issues(report, stdout);
  }
  analyze_free(report);
  return valid ? EXIT_OK_ : EXIT_REJECTED;
}

static int cmd_build_request(int argc, char **argv) {
  struct request_args a;
  size_t len = 0;
  char *input, *options, *out = NULL;
  analyze_error_t err;
  int rc;
  if (!parse_args(argc, argv, &a, 1, BUILD_USAGE)) return EXIT_UNUSABLE;
  input = cli_read_input(a.file, &len);
  if (input == NULL) return EXIT_UNUSABLE;
  options = make_options(&a, 1);
  rc = analyze_request_build(&out, input, len, options, options ? strlen(options) : 0, &err);
  if (rc == ANALYZE_EVALIDATION) {
    /* Print every issue, not only the first: validate with the same video duration. */
    struct request_args only_duration;
    char *report = NULL, *duration_options;
    memset(&only_duration, 0, sizeof only_duration);
    only_duration.duration = a.duration;
    duration_options = make_options(&only_duration, 0);
    if (analyze_request_validate(&report, input, len, duration_options,
                                 duration_options ? strlen(duration_options) : 0, NULL) == ANALYZE_OK) {
      print_issues(report, stderr);
    }
    analyze_free(report);
    free(duration_options);
  } else if (rc != ANALYZE_OK) {
    cli_report_error(a.file, rc, &err);
  } else {
    puts(out);
  }
  analyze_free(out);
  free(input);
  free(options);
  if (rc == ANALYZE_OK) return EXIT_OK_;
  return rc == ANALYZE_EVALIDATION ? EXIT_REJECTED : EXIT_UNUSABLE;
}

const struct cli_command cli_request_commands[] = {
    {"validate", "[--json] FILE|-", "check a create-task request; print every issue", cmd_validate},
    {"build-request", "--api-key KEY FILE|-", "print the HTTP request that creates the task", cmd_build_request},
    {NULL, NULL, NULL, NULL}};
