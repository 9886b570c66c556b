/* analyze verify-webhook / sign-webhook / poll-next (options in the tables below).
 *
 * The CLI is a host: it reads the clock for verify-webhook and sign-webhook
 * when --now / --timestamp are not given. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <analyze.h>

#include "commands.h"
#include "io.h"

/* True for KEY=VALUE with a non-empty KEY. */
static int is_key_value(const char *text) {
  const char *equals = strchr(text, '=');
  return equals != NULL && equals != text;
}

static const struct cli_syntax key_value = {is_key_value, "KEY=VALUE (VALUE a JSON value)"};

#define SECRET_OPTIONS                                                                                     \
  {.name = "--secret", .placeholder = "S", .kind = CLI_STRING, .required = 1, .group = 1,                 \
   .what = "the webhook secret", .help = "the webhook secret"},                                            \
  {.name = "--secret-file", .placeholder = "FILE", .kind = CLI_STRING, .required = 1, .group = 1,          \
   .what = "a file name", .help = "a file holding the webhook secret (one trailing newline dropped)"}

static const struct cli_option verify_options[] = {
    SECRET_OPTIONS,
    {.name = "--signature", .placeholder = "HEADER", .kind = CLI_STRING, .required = 1,
     .what = "the TL-Signature header value", .help = "the TL-Signature header value (t=...,v1=...)"},
    {.name = "--now", .placeholder = "UNIX", .kind = CLI_INTEGER, .what = "Unix seconds", .min = LLONG_MIN,
     .max = LLONG_MAX, .help = "the current time (default: the clock)"},
    {.name = "--tolerance", .placeholder = "SECONDS", .kind = CLI_INTEGER, .what = "a number of seconds", .min = 0,
     .max = LLONG_MAX, .help = "the largest accepted |now - t| (default 300)"},
    {0}};

static const struct cli_option sign_options[] = {
    SECRET_OPTIONS,
    {.name = "--timestamp", .placeholder = "UNIX", .kind = CLI_INTEGER, .what = "Unix seconds", .min = 0,
     .max = LLONG_MAX, .help = "the signature time (default: the clock)"},
    {0}};

static const struct cli_option poll_options[] = {
    {.name = "--attempt", .placeholder = "N", .kind = CLI_INTEGER, .required = 1, .what = "a number of polls",
     .min = 0, .max = UINT_MAX, .help = "the polls made before this decision, from 0"},
    {.name = "--option", .placeholder = "KEY=VALUE", .kind = CLI_REPEATED, .syntax = &key_value,
     .into = CLI_INTO_PAIRS, .help = "a polling option of the library, VALUE as JSON, e.g. jitter=0.5 or deadline_ms=600000 (the keys are "
             "listed in analyze(1))"},
    {0}};

/* The secret from --secret or --secret-file (one trailing newline dropped); NULL after printing why not. */
static char *read_secret(const struct cli_args *args, size_t *len) {
  const char *secret = cli_text(args, "--secret");
  char *copy;
  if (secret != NULL) {
    *len = strlen(secret);
    copy = malloc(*len + 1);
    if (copy != NULL) memcpy(copy, secret, *len + 1);
    else fputs("analyze: out of memory\n", stderr);
    return copy;
  }
  copy = cli_read_input(cli_text(args, "--secret-file"), len);
  if (copy == NULL) return NULL;
  if (*len > 0 && copy[*len - 1] == '\n') (*len)--;
  if (*len > 0 && copy[*len - 1] == '\r') (*len)--;
  return copy;
}

/* The secret (read_secret) and the body (the operand); 0 after printing why not, with nothing left allocated. */
static int read_secret_and_body(const struct cli_args *args, char **secret, size_t *secret_len, char **body,
                                size_t *body_len) {
  *body = NULL;
  *secret = read_secret(args, secret_len);
  if (*secret == NULL) return 0;
  *body = cli_read_input(args->operand, body_len);
  if (*body != NULL) return 1;
  free(*secret);
  *secret = NULL;
  return 0;
}

static int cmd_verify_webhook(const struct cli_args *args) {
  const char *signature = cli_text(args, "--signature");
  long long now = cli_integer(args, "--now", (long long)time(NULL));
  size_t secret_len = 0, body_len = 0;
  char *secret, *body;
  analyze_error_t err;
  int rc;
  if (!read_secret_and_body(args, &secret, &secret_len, &body, &body_len)) return EXIT_UNUSABLE;
  rc = analyze_webhook_verify(secret, secret_len, signature, strlen(signature), body, body_len, now,
                              cli_integer(args, "--tolerance", ANALYZE_WEBHOOK_DEFAULT_TOLERANCE), &err);
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
    return cli_library_error(args, rc, &err);
  }
}

static int cmd_sign_webhook(const struct cli_args *args) {
  size_t secret_len = 0, body_len = 0;
  char *secret, *body, *header = NULL;
  analyze_error_t err;
  int rc;
  if (!read_secret_and_body(args, &secret, &secret_len, &body, &body_len)) return EXIT_UNUSABLE;
  rc = analyze_webhook_sign(&header, secret, secret_len, body, body_len,
                            cli_integer(args, "--timestamp", (long long)time(NULL)), &err);
  free(secret);
  free(body);
  return cli_print_result(args, rc, header, &err, NULL);
}

static int cmd_poll_next(const struct cli_args *args) {
  size_t state_len = 0, options_len = 0;
  char *state, *options = NULL, *out = NULL;
  analyze_error_t err;
  int rc;
  if (!cli_read_command_input(args, &state, &state_len, &options, &options_len)) return EXIT_UNUSABLE;
  rc = analyze_poll_next(&out, state, state_len, (unsigned)cli_integer(args, "--attempt", 0), options, options_len,
                         &err);
  free(state);
  free(options);
  return cli_print_result(args, rc, out, &err, NULL);
}

const struct cli_command cli_webhook_commands[] = {
    {"verify-webhook", "check a webhook's TL-Signature against its body and secret",
     "Check a webhook request: its TL-Signature header against the raw body and the secret, and its timestamp "
     "against the clock. Print \"verified\", or the reason on standard error and exit 1.",
     verify_options, "FILE|-", "the raw request body", cmd_verify_webhook},
    {"sign-webhook", "print the TL-Signature header of a body",
     "Sign a body as the API does (for tests and webhook simulators) and print the header t=<unix>,v1=<hex>.",
     sign_options, "FILE|-", "the body to sign", cmd_sign_webhook},
    {"poll-next", "print the next step after a poll: stop, or wait and poll again",
     "Decide what to do after a poll from what it returned (a normalized task or an API error object) and print "
     "{done, delay_ms, reason, message}. The tool never sleeps.",
     poll_options, "FILE|-", "the task or API error", cmd_poll_next},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL}};
