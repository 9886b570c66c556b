/* analyze verify-webhook / sign-webhook / poll-next (see commands.h).
 *
 * Options take their value in the next argument (`--now 1700000000`); each may
 * be given once, except --option. The input FILE ("-" for standard input) is
 * the only positional argument. The CLI is a host: it reads the clock for
 * verify-webhook and sign-webhook when --now / --timestamp are not given. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <analyze.h>

#include "commands.h"
#include "io.h"

#define USAGE_VERIFY                                                                                   \
  "usage: analyze verify-webhook (--secret S | --secret-file FILE) --signature HEADER [--now UNIX] " \
  "[--tolerance SECONDS] FILE|-\n"
#define USAGE_SIGN "usage: analyze sign-webhook (--secret S | --secret-file FILE) [--timestamp UNIX] FILE|-\n"
#define USAGE_POLL "usage: analyze poll-next --attempt N [--option KEY=VALUE]... FILE|-\n"

/* The parsed command line of the three commands. */
struct webhook_args {
  const char *secret, *secret_file, *signature, *now, *tolerance, *timestamp, *attempt, *input;
  const char *options[16];
  size_t option_count;
};

/* Prints `problem` (if any) and the usage line; returns EXIT_UNUSABLE. */
static int usage_error(const char *problem, const char *detail, const char *usage) {
  if (problem != NULL) fprintf(stderr, "analyze: %s%s\n", problem, detail ? detail : "");
  fputs(usage, stderr);
  return EXIT_UNUSABLE;
}

/* Stores the value of option `name` in *slot; fails when it was already given. */
static int take(const char **slot, const char *name, const char *value, const char *usage) {
  if (*slot != NULL) return usage_error("option given twice: ", name, usage);
  *slot = value;
  return EXIT_OK_;
}

/* Parses argv against the options `allowed` (a space-separated list ending in a space). */
static int parse_args(int argc, char **argv, const char *allowed, const char *usage, struct webhook_args *a) {
  int i;
  memset(a, 0, sizeof *a);
  for (i = 0; i < argc; i++) {
    const char *arg = argv[i];
    char key[32];
    const char **slot = NULL;
    if (strncmp(arg, "--", 2) != 0) {
      if (a->input != NULL) return usage_error("more than one input file", NULL, usage);
      a->input = arg;
      continue;
    }
    snprintf(key, sizeof key, "%s ", arg);
    if (strlen(arg) > 20 || strstr(allowed, key) == NULL) return usage_error("unknown option: ", arg, usage);
    if (i + 1 >= argc) return usage_error("missing value for ", arg, usage);
    if (strcmp(arg, "--option") == 0) {
      if (a->option_count == sizeof a->options / sizeof *a->options)
        return usage_error("too many --option", NULL, usage);
      a->options[a->option_count++] = argv[++i];
      continue;
    }
    if (strcmp(arg, "--secret") == 0) slot = &a->secret;
    else if (strcmp(arg, "--secret-file") == 0) slot = &a->secret_file;
    else if (strcmp(arg, "--signature") == 0) slot = &a->signature;
    else if (strcmp(arg, "--now") == 0) slot = &a->now;
    else if (strcmp(arg, "--tolerance") == 0) slot = &a->tolerance;
    else if (strcmp(arg, "--timestamp") == 0) slot = &a->timestamp;
    else slot = &a->attempt;
    if (take(slot, arg, argv[++i], usage) != EXIT_OK_) return EXIT_UNUSABLE;
  }
  if (a->input == NULL) return usage_error("missing input FILE (or - for standard input)", NULL, usage);
  return EXIT_OK_;
}

/* Parses a decimal integer ("-" allowed when `negative_ok`) into *value. */
static int parse_integer(const char *text, int negative_ok, long long *value) {
  const char *digits = text;
  char *end = NULL;
  if (*digits == '-' && negative_ok) digits++;
  if (*digits < '0' || *digits > '9') return 0;
  for (; *digits; digits++)
    if (*digits < '0' || *digits > '9') return 0;
  errno = 0;
  *value = strtoll(text, &end, 10);
  return errno == 0 && end != NULL && *end == '\0';
}

/* The secret from --secret or --secret-file (one trailing newline dropped); NULL after printing why not. */
static char *read_secret(const struct webhook_args *a, size_t *len, const char *usage) {
  char *secret;
  if ((a->secret == NULL) == (a->secret_file == NULL)) {
    usage_error("give exactly one of --secret and --secret-file", NULL, usage);
    return NULL;
  }
  if (a->secret != NULL) {
    *len = strlen(a->secret);
    secret = malloc(*len + 1);
    if (secret != NULL) memcpy(secret, a->secret, *len + 1);
    return secret;
  }
  secret = cli_read_input(a->secret_file, len);
  if (secret == NULL) return NULL;
  if (*len > 0 && secret[*len - 1] == '\n') (*len)--;
  if (*len > 0 && secret[*len - 1] == '\r') (*len)--;
  return secret;
}

static int cmd_verify_webhook(int argc, char **argv) {
  struct webhook_args a;
  long long now = (long long)time(NULL), tolerance = ANALYZE_WEBHOOK_DEFAULT_TOLERANCE;
  size_t secret_len = 0, body_len = 0;
  char *secret, *body;
  analyze_error_t err;
  int rc;
  if (parse_args(argc, argv, "--secret --secret-file --signature --now --tolerance ", USAGE_VERIFY, &a) != EXIT_OK_)
    return EXIT_UNUSABLE;
  if (a.signature == NULL) return usage_error("missing --signature", NULL, USAGE_VERIFY);
  if (a.now != NULL && !parse_integer(a.now, 1, &now))
    return usage_error("--now must be an integer number of Unix seconds: ", a.now, USAGE_VERIFY);
  if (a.tolerance != NULL && !parse_integer(a.tolerance, 0, &tolerance))
    return usage_error("--tolerance must be a non-negative integer number of seconds: ", a.tolerance, USAGE_VERIFY);
  secret = read_secret(&a, &secret_len, USAGE_VERIFY);
  if (secret == NULL) return EXIT_UNUSABLE;
  body = cli_read_input(a.input, &body_len);
  if (body == NULL) {
    free(secret);
    return EXIT_UNUSABLE;
  }
  rc = analyze_webhook_verify(secret, secret_len, a.signature, strlen(a.signature), body, body_len, now, tolerance, &err);
  free(secret);
  free(body);
  switch (rc) {
  case ANALYZE_OK:
    puts("verified");
    return EXIT_OK_;
  case ANALYZE_EWEBHOOK_HEADER:
  case ANALYZE_EWEBHOOK_SIGNATURE:
  case ANALYZE_EWEBHOOK_TIMESTAMP:
    cli_report_error("rejected", rc, &err);
    return EXIT_REJECTED;
  default:
    cli_report_error(a.input, rc, &err);
    return EXIT_UNUSABLE;
  }
}

static int cmd_sign_webhook(int argc, char **argv) {
  struct webhook_args a;
  long long timestamp = (long long)time(NULL);
  size_t secret_len = 0, body_len = 0;
  char *secret, *body, *header = NULL;
  analyze_error_t err;
  int rc;
  if (parse_args(argc, argv, "--secret --secret-file --timestamp ", USAGE_SIGN, &a) != EXIT_OK_) return EXIT_UNUSABLE;
  if (a.timestamp != NULL && !parse_integer(a.timestamp, 0, &timestamp))
    return usage_error("--timestamp must be a non-negative integer number of Unix seconds: ", a.timestamp, USAGE_SIGN);
  secret = read_secret(&a, &secret_len, USAGE_SIGN);
  if (secret == NULL) return EXIT_UNUSABLE;
  body = cli_read_input(a.input, &body_len);
  if (body == NULL) {
    free(secret);
    return EXIT_UNUSABLE;
  }
  rc = analyze_webhook_sign(&header, secret, secret_len, body, body_len, timestamp, &err);
  free(secret);
  free(body);
  if (rc != ANALYZE_OK) {
    cli_report_error(a.input, rc, &err);
    return EXIT_UNUSABLE;
  }
  puts(header);
  analyze_free(header);
  return EXIT_OK_;
}

/* Builds {"KEY":VALUE,...} from KEY=VALUE arguments (VALUE is JSON, checked by the library). */
static char *build_options(const struct webhook_args *a, size_t *len) {
  size_t i, total = 3;
  char *json;
  for (i = 0; i < a->option_count; i++) total += strlen(a->options[i]) + 4;
  json = malloc(total);
  if (json == NULL) return NULL;
  strcpy(json, "{");
  for (i = 0; i < a->option_count; i++) {
    const char *option = a->options[i], *equals = strchr(option, '='), *c;
    if (equals == NULL || equals == option) {
      free(json);
      usage_error("--option must be KEY=VALUE: ", option, USAGE_POLL);
      return NULL;
    }
    for (c = option; c < equals; c++)
      if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '_')) {
        free(json);
        usage_error("--option KEY must be letters, digits and _: ", option, USAGE_POLL);
        return NULL;
      }
    if (i > 0) strcat(json, ",");
    strcat(json, "\"");
    strncat(json, option, (size_t)(equals - option));
    strcat(json, "\":");
    strcat(json, equals + 1);
  }
  strcat(json, "}");
  *len = strlen(json);
  return json;
}

static int cmd_poll_next(int argc, char **argv) {
  struct webhook_args a;
  long long attempt = 0;
  size_t state_len = 0, options_len = 0;
  char *state, *options, *out = NULL;
  analyze_error_t err;
  int rc;
  if (parse_args(argc, argv, "--attempt --option ", USAGE_POLL, &a) != EXIT_OK_) return EXIT_UNUSABLE;
  if (a.attempt == NULL) return usage_error("missing --attempt", NULL, USAGE_POLL);
  if (!parse_integer(a.attempt, 0, &attempt) || attempt > (long long)UINT_MAX)
    return usage_error("--attempt must be an integer from 0 to 4294967295: ", a.attempt, USAGE_POLL);
  options = build_options(&a, &options_len);
  if (options == NULL) return EXIT_UNUSABLE;
  state = cli_read_input(a.input, &state_len);
  if (state == NULL) {
    free(options);
    return EXIT_UNUSABLE;
  }
  rc = analyze_poll_next(&out, state, state_len, (unsigned)attempt, options, options_len, &err);
  free(state);
  free(options);
  if (rc != ANALYZE_OK) {
    cli_report_error(a.input, rc, &err);
    return EXIT_UNUSABLE;
  }
  puts(out);
  analyze_free(out);
  return EXIT_OK_;
}

const struct cli_command cli_webhook_commands[] = {
    {"verify-webhook", "[options] FILE|-", "check a signature: --secret S --signature H [--now T] [--tolerance S]",
     cmd_verify_webhook},
    {"sign-webhook", "[options] FILE|-", "print a signature header: --secret S [--timestamp T]", cmd_sign_webhook},
    {"poll-next", "[options] FILE|-", "next poll after a task or API error: --attempt N [--option K=V]...",
     cmd_poll_next},
    {NULL, NULL, NULL, NULL}};
