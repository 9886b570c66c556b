/* The hostile-input catalogue through the C ABI: every input has a defined
 * error or result, asserted exactly. Hostile JSON values through every JSON
 * entry point (which must all agree with analyze_json_normalize), nesting
 * 100,000 deep, a 100 MB string, truncation at every byte of every fixture,
 * 1 MB signature headers, absurd t= values, NULL pointers and zero lengths for
 * every parameter of every function, lengths above the input limit (with a
 * short buffer: the library must refuse before reading). Run against the
 * release .so and the sanitizer build. Usage: test_hostile LIBRARY FIXTURES_DIR */
#include <dirent.h>
#include <limits.h>
#include <sys/stat.h>

#include "api_cases.h"

static struct analyze_api api;
static analyze_error_t err;

#define TOO_LONG (ANALYZE_INPUT_MAX_BYTES + 1)

/* Checks rc, that err.code agrees, and (when given) that err.message starts with `prefix`. */
static void check_fail(int rc, int expected, const char *prefix, int line) {
  check_count++;
  if (rc != expected || err.code != expected ||
      (prefix != NULL && strncmp(err.message, prefix, strlen(prefix)) != 0)) {
    check_failures++;
    fprintf(stderr, "%s:%d: rc %d (err.code %d, \"%s\"), expected %d \"%s...\"\n", __FILE__, line, rc, err.code,
            err.message, expected, prefix ? prefix : "");
  }
}
#define CHECK_FAIL(rc, expected, prefix) check_fail((rc), (expected), (prefix), __LINE__)

/* ---- Hostile JSON values: one answer from every JSON entry point ---------- */

struct json_case {
  const char *text;
  size_t len; /* 0: strlen(text) */
  int rc;
  const char *result; /* normalize's output (rc OK) or its message prefix (rc EJSON) */
};

static const struct json_case json_cases[] = {
    {"1e400", 0, ANALYZE_EJSON, "number 1e400 is out of range of a double"},
    {"1e-400", 0, ANALYZE_OK, "0.0"},
    {"-0", 0, ANALYZE_OK, "0"},
    {"-0.0", 0, ANALYZE_OK, "-0.0"},
    {"18446744073709551616", 0, ANALYZE_EJSON, "integer 18446744073709551616 is out of range: integers must fit in a signed 64-bit integer"},
    {"9223372036854775808", 0, ANALYZE_EJSON, "integer 9223372036854775808 is out of range: integers must fit in a signed 64-bit integer"},
    {"-9223372036854775809", 0, ANALYZE_EJSON, "integer -9223372036854775809 is out of range"},
    {"9223372036854775807", 0, ANALYZE_OK, "9223372036854775807"},
    {"123456789012345678901234567890.5", 0, ANALYZE_OK, "1.2345678901234568e+29"},
    {"NaN", 0, ANALYZE_EJSON, "unexpected character where a value was expected"},
    {"Infinity", 0, ANALYZE_EJSON, "unexpected character where a value was expected"},
    {"-Infinity", 0, ANALYZE_EJSON, "invalid number: a digit is missing"},
    {"[1,NaN]", 0, ANALYZE_EJSON, NULL},
    {"\"\xff\"", 0, ANALYZE_EJSON, "invalid UTF-8 byte at line 1, column 2 (byte 1)"},
    {"\"\xc0\xaf\"", 0, ANALYZE_EJSON, "invalid UTF-8 byte at line 1, column 2 (byte 1)"},          /* overlong '/' */
    {"\"\xf0\x82\x82\xac\"", 0, ANALYZE_EJSON, "invalid UTF-8 sequence at line 1, column 2 (byte 1)"}, /* overlong euro */
    {"\"\xed\xa0\x80\"", 0, ANALYZE_EJSON, "invalid UTF-8 sequence"},                               /* UTF-8 surrogate */
    {"\"\xf4\x90\x80\x80\"", 0, ANALYZE_EJSON, "invalid UTF-8 sequence"},                           /* above U+10FFFF */
    {"\"\\ud800\"", 0, ANALYZE_EJSON, "invalid \\u escape: high surrogate without a low surrogate"},
    {"\"\\udc00x\"", 0, ANALYZE_EJSON, "invalid \\u escape: lone low surrogate"},
    {"\"\\ud83d\\ude00\"", 0, ANALYZE_OK, "\"\xf0\x9f\x98\x80\""},
    {"\"a\0b\"", 5, ANALYZE_EJSON, "unexpected NUL byte in string (must be escaped as \\u0000)"},
    {"{}\0", 3, ANALYZE_EJSON, "unexpected content after the JSON value"},
    {"\"\\u0000\"", 0, ANALYZE_OK, "\"\\u0000\""},
    {"{\"a\":1,\"a\":2}", 0, ANALYZE_EJSON, "duplicate key \"a\" in object"},
    {"", 0, ANALYZE_EJSON, "empty input: no JSON value"},
    {"   ", 0, ANALYZE_EJSON, "empty input: no JSON value"},
    {"\xef\xbb\xbf{}", 0, ANALYZE_EJSON, "unexpected character where a value was expected"},
};

/* Calls JSON entry point `which` on (text, len); returns rc (err is filled). */
static int json_entry(int which, const char *text, size_t len, char **out) {
  switch (which) {
  case 0: return api.json_normalize(out, text, len, &err);
  case 1: return api.request_validate(out, text, len, NULL, 0, &err);
  case 2: return api.request_build(out, text, len, LIT("{\"api_key\":\"k\"}"), &err);
  case 3: return api.request_build_list(out, text, len, LIT("{\"api_key\":\"k\"}"), &err);
  case 4: return api.task_parse(out, text, len, NULL, 0, &err);
  case 5: return api.response_parse(out, ANALYZE_RESPONSE_RETRIEVE, 200, NULL, 0, text, len, NULL, 0, &err);
  case 6: return api.response_parse(out, ANALYZE_RESPONSE_LIST, 200, NULL, 0, text, len, NULL, 0, &err);
  case 7: return api.segments_export(out, text, len, "vtt", NULL, 0, &err);
  case 8: return api.webhook_parse(out, text, len, NULL, 0, &err);
  case 9: return api.poll_next(out, text, len, 0, NULL, 0, &err);
  default: return 1;
  }
}
#define JSON_ENTRIES 10

/* Input that is not JSON gets the same EJSON error (message and position) from every entry point;
 * a well-formed request whose only problem is an integer beyond 64 bits is a validation issue
 * instead (a report from validate, ANALYZE_EVALIDATION from build: docs/validation.md). */
static void check_everywhere(const char *text, size_t len, int normalize_rc, const char *message) {
  char expected[ANALYZE_ERROR_MESSAGE_LENGTH];
  long long position;
  char *out = NULL;
  int which;
  CHECK_FAIL(json_entry(0, text, len, &out), normalize_rc, normalize_rc == ANALYZE_OK ? NULL : message);
  if (normalize_rc == ANALYZE_OK) {
    CHECK_STR(out, message);
    api.free(out);
    return;
  }
  CHECK(out == NULL);
  memcpy(expected, err.message, sizeof expected);
  position = err.position;
  for (which = 1; which < JSON_ENTRIES; which++) {
    if (which == 3 && len == 0) continue; /* an empty list query means no filters */
    out = NULL;
    if ((which == 1 || which == 2) && strstr(expected, "must fit in a signed 64-bit integer") != NULL) {
      int rc = json_entry(which, text, len, &out);
      CHECK_INT(rc, which == 1 ? ANALYZE_OK : ANALYZE_EVALIDATION);
      if (which == 1) CHECK(out != NULL && strstr(out, "\"valid\":false") != NULL && strstr(out, "must fit in a signed 64-bit integer") != NULL);
      api.free(out);
      continue;
    }
    CHECK_FAIL(json_entry(which, text, len, &out), ANALYZE_EJSON, expected);
    CHECK_INT(err.position, position);
    CHECK(out == NULL);
  }
}

static void hostile_values(void) {
  size_t i;
  for (i = 0; i < sizeof json_cases / sizeof json_cases[0]; i++) {
    const struct json_case *c = &json_cases[i];
    check_everywhere(c->text, c->len ? c->len : strlen(c->text), c->rc, c->result);
  }
}

/* ---- Size: nesting 100,000 deep, a 100 MB string ----------------------- */

static void huge_inputs(void) {
  const size_t depth = 100000, big = 100u * 1000 * 1000;
  char *text = malloc(2 * depth), *out = NULL;
  const char prefix[] = "{\"video_id\":\"v\",\"prompt\":\"";
  size_t len;
  memset(text, '[', depth);
  memset(text + depth, ']', depth);
  check_everywhere(text, 2 * depth, ANALYZE_EJSON, "nesting deeper than 128 levels at line 1, column 129 (byte 128)");
  memset(text, '{', depth); /* objects without keys: the depth error comes first */
  check_everywhere(text, depth, ANALYZE_EJSON, NULL);
  free(text);

  len = sizeof prefix - 1 + big + 2;
  text = malloc(len);
  memcpy(text, prefix, sizeof prefix - 1);
  memset(text + sizeof prefix - 1, 'a', big);
  memcpy(text + len - 2, "\"}", 2);
  CHECK_INT(api.json_normalize(&out, text, len, &err), ANALYZE_OK);
  CHECK(out != NULL && strlen(out) == len);
  api.free(out);
  CHECK_INT(api.request_validate(&out, text, len, NULL, 0, &err), ANALYZE_OK);
  CHECK(out != NULL && strncmp(out, "{\"valid\":false,\"issues\":[{\"severity\":\"error\",\"code\":\"parameter_invalid\",\"path\":\"prompt\"", 85) == 0);
  CHECK(out != NULL && strlen(out) < 4096); /* the report quotes no unbounded copy of the input */
  api.free(out);
  free(text);
}

/* ---- Truncation at every byte of every fixture ------------------------- */

/* Every proper prefix of an object/array document (ignoring trailing white
 * space) is not JSON: normalize and the fixture's own entry point say EJSON. */
static void truncate_file(const char *path, int owner, long *prefixes) {
  size_t len, end, cut;
  char *text = check_read_file(path, &len), *out = NULL;
  if (text == NULL || len == 0 || len > 20000 || (text[0] != '{' && text[0] != '[')) {
    free(text);
    return;
  }
  if (api.json_normalize(&out, text, len, &err) != ANALYZE_OK) { /* not JSON on purpose */
    free(text);
    return;
  }
  api.free(out);
  end = len;
  while (end > 0 && strchr(" \t\r\n", text[end - 1]) != NULL) end--;
  for (cut = 0; cut < end; cut++) {
    char *prefix = malloc(cut + 1); /* exactly `cut` bytes readable past this point: ASan sees overreads */
    memcpy(prefix, text, cut);
    out = NULL;
    if (api.json_normalize(&out, prefix, cut, &err) != ANALYZE_EJSON || out != NULL ||
        err.position < 0 || err.position > (long long)cut) {
      fprintf(stderr, "%s cut at %zu: normalize rc %d\n", path, cut, err.code);
      CHECK(0);
    }
    if (json_entry(owner, prefix, cut, &out) != ANALYZE_EJSON || out != NULL) {
      fprintf(stderr, "%s cut at %zu: entry %d rc %d\n", path, cut, owner, err.code);
      CHECK(0);
    }
    free(prefix);
    (*prefixes)++;
  }
  free(text);
}

static void truncations(const char *fixtures) {
  static const struct { const char *dir; int owner; } dirs[] = {
      {"requests", 1}, {"responses", 4}, {"responses/expected", 0}, {"webhook", 8}};
  long prefixes = 0;
  size_t d;
  for (d = 0; d < sizeof dirs / sizeof dirs[0]; d++) {
    char path[4096];
    DIR *dir;
    struct dirent *entry;
    snprintf(path, sizeof path, "%s/%s", fixtures, dirs[d].dir);
    dir = opendir(path);
    CHECK(dir != NULL);
    if (dir == NULL) continue;
    while ((entry = readdir(dir)) != NULL) {
      size_t n = strlen(entry->d_name);
      if (n < 6 || strcmp(entry->d_name + n - 5, ".json") != 0) continue;
      snprintf(path, sizeof path, "%s/%s/%s", fixtures, dirs[d].dir, entry->d_name);
      truncate_file(path, dirs[d].owner, &prefixes);
    }
    closedir(dir);
  }
  printf("truncated prefixes checked: %ld\n", prefixes);
  CHECK(prefixes > 10000);
}

/* ---- Webhooks: 1 MB headers, absurd t= values --------------------------- */

static int verify(const char *header, size_t len, long long now, long long tolerance) {
  return api.webhook_verify(LIT("whsec_test"), header, len, FX(FX_WEBHOOK), now, tolerance, &err);
}

static void webhook_headers(void) {
  const size_t mib = 1u << 20;
  const char *signature = api_fixtures[FX_WEBHOOK_SIGNATURE].bytes; /* t=1700000000,v1=<64 hex> */
  const char *hex = strstr(signature, "v1=") + 3;
  char *header = malloc(mib + 4096), *out = NULL;
  size_t len, i;

  CHECK_INT(verify(signature, strlen(signature), 1700000060, 300), ANALYZE_OK);
  len = (size_t)sprintf(header, "t=1700000000,v1=");
  memset(header + len, '0', mib);
  CHECK_FAIL(verify(header, len + mib, 1700000060, 300), ANALYZE_EWEBHOOK_HEADER,
             "signature v1 number 1 has 1048576 characters, not 64 hex digits");
  memset(header, ' ', mib);
  CHECK_FAIL(verify(header, mib, 1700000060, 300), ANALYZE_EWEBHOOK_HEADER, "the signature header is missing or empty");
  len = (size_t)sprintf(header, "t=1700000000");
  for (i = 0; i < 15000; i++) len += (size_t)sprintf(header + len, ",v1=%064d", 0);
  CHECK_FAIL(verify(header, len, 1700000060, 300), ANALYZE_EWEBHOOK_SIGNATURE,
             "none of the 15000 v1 signatures matches the body and the secret");
  len = (size_t)sprintf(header, "t=1700000000,");
  memset(header + len, 'x', mib);
  len += mib;
  len += (size_t)sprintf(header + len, "=1,v1=%s", hex); /* an unknown 1 MB scheme is ignored */
  CHECK_INT(verify(header, len, 1700000060, 300), ANALYZE_OK);

  {
    static const struct { const char *t; int rc; const char *message; } stamps[] = {
        {"99999999999999999999", ANALYZE_EWEBHOOK_HEADER, "the timestamp t is out of range (above 9223372036854775807)"},
        {"9223372036854775808", ANALYZE_EWEBHOOK_HEADER, "the timestamp t is out of range (above 9223372036854775807)"},
        {"9223372036854775807", ANALYZE_EWEBHOOK_SIGNATURE, "the v1 signature does not match the body and the secret"},
        {"-1", ANALYZE_EWEBHOOK_HEADER, "the timestamp t is not a non-negative decimal integer"},
        {"+1", ANALYZE_EWEBHOOK_HEADER, "the timestamp t is not a non-negative decimal integer"},
        {"", ANALYZE_EWEBHOOK_HEADER, "the timestamp t is not a non-negative decimal integer"},
        {"0", ANALYZE_EWEBHOOK_SIGNATURE, NULL},
        {"01700000000", ANALYZE_EWEBHOOK_SIGNATURE, NULL}, /* the digits as written are signed */
        {"1700000000,t=1700000000", ANALYZE_EWEBHOOK_HEADER, "the signature header has more than one timestamp t"},
    };
    for (i = 0; i < sizeof stamps / sizeof stamps[0]; i++) {
      len = (size_t)sprintf(header, "t=%s,v1=%s", stamps[i].t, hex);
      CHECK_FAIL(verify(header, len, 1700000060, 300), stamps[i].rc, stamps[i].message);
    }
  }
  /* |now - t| without overflow at the extremes of long long. */
  CHECK_FAIL(verify(signature, strlen(signature), LLONG_MIN, LLONG_MAX), ANALYZE_EWEBHOOK_TIMESTAMP,
             "the signature timestamp is 9223372038554775808 seconds in the future, beyond the tolerance of 9223372036854775807 seconds");
  CHECK_INT(verify(signature, strlen(signature), LLONG_MAX, LLONG_MAX), ANALYZE_OK);
  CHECK_FAIL(verify(signature, strlen(signature), 1700000060, -1), ANALYZE_EINVAL, "tolerance must not be negative");
  CHECK_FAIL(api.webhook_sign(&out, LIT("whsec_test"), FX(FX_WEBHOOK), -1, &err), ANALYZE_EINVAL,
             "timestamp must not be negative (got -1)");
  CHECK_INT(api.webhook_sign(&out, LIT("whsec_test"), FX(FX_WEBHOOK), LLONG_MAX, &err), ANALYZE_OK);
  CHECK(out != NULL && strncmp(out, "t=9223372036854775807,v1=", 25) == 0 && strlen(out) == 25 + 64);
  api.free(out);
  free(header);
}

/* ---- NULL pointers, zero lengths, lengths above the limit --------------- */

static void arguments(void) {
  char *out = (char *)"untouched";
  const char one[] = "{}";
  const char *sig = api_fixtures[FX_WEBHOOK_SIGNATURE].bytes;
  size_t sig_len = api_fixtures[FX_WEBHOOK_SIGNATURE].len;
  const char *key = "{\"api_key\":\"k\"}";
  size_t key_len = strlen(key);

  /* out NULL: EINVAL everywhere. */
  CHECK_FAIL(api.json_normalize(NULL, LIT("{}"), &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.request_validate(NULL, LIT("{}"), NULL, 0, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.request_build(NULL, LIT("{}"), key, key_len, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.request_build_retrieve(NULL, LIT("t"), key, key_len, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.request_build_delete(NULL, LIT("t"), key, key_len, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.request_build_list(NULL, NULL, 0, key, key_len, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.idempotency_key(NULL, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.response_parse(NULL, ANALYZE_RESPONSE_DELETE, 204, NULL, 0, NULL, 0, NULL, 0, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.task_parse(NULL, FX(FX_TASK_JSON), NULL, 0, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.segments_export(NULL, FX(FX_TASK_SEGMENTS), "vtt", NULL, 0, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.webhook_parse(NULL, FX(FX_WEBHOOK), NULL, 0, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.webhook_sign(NULL, LIT("s"), LIT("{}"), 0, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.poll_next(NULL, LIT("{\"status\":\"ready\"}"), 0, NULL, 0, &err), ANALYZE_EINVAL, NULL);

  /* An input pointer NULL with a non-zero length: EINVAL, and *out set to NULL. */
#define NULL_INPUT(call)                 \
  do {                                   \
    out = (char *)"untouched";           \
    CHECK_FAIL(call, ANALYZE_EINVAL, NULL); \
    CHECK(out == NULL);                  \
  } while (0)
  NULL_INPUT(api.json_normalize(&out, NULL, 2, &err));
  NULL_INPUT(api.request_validate(&out, NULL, 2, NULL, 0, &err));
  NULL_INPUT(api.request_validate(&out, one, 2, NULL, 2, &err));
  NULL_INPUT(api.request_build(&out, NULL, 2, key, key_len, &err));
  NULL_INPUT(api.request_build(&out, one, 2, NULL, 2, &err));
  NULL_INPUT(api.request_build_retrieve(&out, NULL, 1, key, key_len, &err));
  NULL_INPUT(api.request_build_retrieve(&out, "t", 1, NULL, 2, &err));
  NULL_INPUT(api.request_build_delete(&out, NULL, 1, key, key_len, &err));
  NULL_INPUT(api.request_build_list(&out, NULL, 2, key, key_len, &err));
  NULL_INPUT(api.request_build_list(&out, NULL, 0, NULL, 2, &err));
  NULL_INPUT(api.response_parse(&out, ANALYZE_RESPONSE_CREATE, 202, NULL, 2, FX(FX_CREATE), NULL, 0, &err));
  NULL_INPUT(api.response_parse(&out, ANALYZE_RESPONSE_CREATE, 202, NULL, 0, NULL, 2, NULL, 0, &err));
  NULL_INPUT(api.response_parse(&out, ANALYZE_RESPONSE_CREATE, 202, NULL, 0, FX(FX_CREATE), NULL, 2, &err));
  NULL_INPUT(api.task_parse(&out, NULL, 2, NULL, 0, &err));
  NULL_INPUT(api.task_parse(&out, FX(FX_TASK_JSON), NULL, 2, &err));
  NULL_INPUT(api.segments_export(&out, NULL, 2, "vtt", NULL, 0, &err));
  NULL_INPUT(api.segments_export(&out, FX(FX_TASK_SEGMENTS), NULL, NULL, 0, &err));
  NULL_INPUT(api.segments_export(&out, FX(FX_TASK_SEGMENTS), "vtt", NULL, 2, &err));
  NULL_INPUT(api.webhook_parse(&out, NULL, 2, NULL, 0, &err));
  NULL_INPUT(api.webhook_parse(&out, FX(FX_WEBHOOK), NULL, 2, &err));
  NULL_INPUT(api.webhook_sign(&out, NULL, 2, LIT("{}"), 0, &err));
  NULL_INPUT(api.webhook_sign(&out, LIT("s"), NULL, 2, 0, &err));
  NULL_INPUT(api.poll_next(&out, NULL, 2, 0, NULL, 0, &err));
  NULL_INPUT(api.poll_next(&out, LIT("{\"status\":\"ready\"}"), 0, NULL, 2, &err));
  CHECK_FAIL(api.webhook_verify(NULL, 2, sig, sig_len, FX(FX_WEBHOOK), 1700000060, 300, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.webhook_verify(LIT("whsec_test"), NULL, 2, FX(FX_WEBHOOK), 1700000060, 300, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.webhook_verify(LIT("whsec_test"), sig, sig_len, NULL, 2, 1700000060, 300, &err), ANALYZE_EINVAL, NULL);

  /* Lengths above ANALYZE_INPUT_MAX_BYTES with a 2-byte buffer: refused before any read. */
  NULL_INPUT(api.json_normalize(&out, one, TOO_LONG, &err));
  NULL_INPUT(api.request_validate(&out, one, TOO_LONG, NULL, 0, &err));
  NULL_INPUT(api.request_validate(&out, one, 2, one, TOO_LONG, &err));
  NULL_INPUT(api.request_build(&out, one, TOO_LONG, key, key_len, &err));
  NULL_INPUT(api.request_build(&out, one, 2, key, TOO_LONG, &err));
  NULL_INPUT(api.request_build_retrieve(&out, one, TOO_LONG, key, key_len, &err));
  NULL_INPUT(api.request_build_retrieve(&out, "t", 1, key, TOO_LONG, &err));
  NULL_INPUT(api.request_build_delete(&out, one, TOO_LONG, key, key_len, &err));
  NULL_INPUT(api.request_build_list(&out, one, TOO_LONG, key, key_len, &err));
  NULL_INPUT(api.request_build_list(&out, NULL, 0, key, TOO_LONG, &err));
  NULL_INPUT(api.response_parse(&out, ANALYZE_RESPONSE_CREATE, 202, one, TOO_LONG, FX(FX_CREATE), NULL, 0, &err));
  NULL_INPUT(api.response_parse(&out, ANALYZE_RESPONSE_CREATE, 202, NULL, 0, one, TOO_LONG, NULL, 0, &err));
  NULL_INPUT(api.response_parse(&out, ANALYZE_RESPONSE_CREATE, 202, NULL, 0, FX(FX_CREATE), one, TOO_LONG, &err));
  NULL_INPUT(api.task_parse(&out, one, TOO_LONG, NULL, 0, &err));
  NULL_INPUT(api.task_parse(&out, FX(FX_TASK_JSON), one, TOO_LONG, &err));
  NULL_INPUT(api.segments_export(&out, one, TOO_LONG, "vtt", NULL, 0, &err));
  NULL_INPUT(api.segments_export(&out, FX(FX_TASK_SEGMENTS), "vtt", one, TOO_LONG, &err));
  NULL_INPUT(api.webhook_parse(&out, one, TOO_LONG, NULL, 0, &err));
  NULL_INPUT(api.webhook_parse(&out, FX(FX_WEBHOOK), one, TOO_LONG, &err));
  NULL_INPUT(api.webhook_sign(&out, one, TOO_LONG, LIT("{}"), 0, &err));
  NULL_INPUT(api.webhook_sign(&out, LIT("s"), one, TOO_LONG, 0, &err));
  NULL_INPUT(api.poll_next(&out, one, TOO_LONG, 0, NULL, 0, &err));
  NULL_INPUT(api.poll_next(&out, LIT("{\"status\":\"ready\"}"), 0, one, TOO_LONG, &err));
  CHECK_FAIL(api.webhook_verify(one, TOO_LONG, sig, sig_len, FX(FX_WEBHOOK), 1700000060, 300, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.webhook_verify(LIT("whsec_test"), one, TOO_LONG, FX(FX_WEBHOOK), 1700000060, 300, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.webhook_verify(LIT("whsec_test"), sig, sig_len, one, TOO_LONG, 1700000060, 300, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.webhook_verify(LIT("whsec_test"), sig, sig_len, one, (size_t)-1, 1700000060, 300, &err), ANALYZE_EINVAL, NULL);

  /* Zero lengths (NULL or not): the documented meaning. */
  CHECK_FAIL(api.json_normalize(&out, NULL, 0, &err), ANALYZE_EJSON, "empty input: no JSON value");
  CHECK_FAIL(api.request_validate(&out, NULL, 0, NULL, 0, &err), ANALYZE_EJSON, "empty input: no JSON value");
  CHECK_FAIL(api.request_build(&out, LIT("{}"), NULL, 0, &err), ANALYZE_EINVAL, NULL); /* api_key is required */
  CHECK_FAIL(api.request_build_retrieve(&out, "t", 0, key, key_len, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.request_build_delete(&out, NULL, 0, key, key_len, &err), ANALYZE_EINVAL, NULL);
  CHECK_INT(api.request_build_list(&out, NULL, 0, key, key_len, &err), ANALYZE_OK);
  api.free(out);
  CHECK_INT(api.response_parse(&out, ANALYZE_RESPONSE_DELETE, 204, NULL, 0, NULL, 0, NULL, 0, &err), ANALYZE_OK);
  CHECK_STR(out, "{\"deleted\":true}");
  api.free(out);
  CHECK_FAIL(api.response_parse(&out, ANALYZE_RESPONSE_CREATE, 202, NULL, 0, NULL, 0, NULL, 0, &err), ANALYZE_EJSON, NULL);
  CHECK_FAIL(api.response_parse(&out, 0, 200, NULL, 0, NULL, 0, NULL, 0, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.response_parse(&out, 1000, 200, NULL, 0, NULL, 0, NULL, 0, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.response_parse(&out, ANALYZE_RESPONSE_LIST, 99, NULL, 0, NULL, 0, NULL, 0, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.response_parse(&out, ANALYZE_RESPONSE_LIST, 600, NULL, 0, NULL, 0, NULL, 0, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.task_parse(&out, NULL, 0, NULL, 0, &err), ANALYZE_EJSON, NULL);
  CHECK_FAIL(api.segments_export(&out, FX(FX_TASK_SEGMENTS), "", NULL, 0, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.segments_export(&out, FX(FX_TASK_SEGMENTS), "VTT", NULL, 0, &err), ANALYZE_EINVAL, NULL);
  CHECK_FAIL(api.webhook_parse(&out, NULL, 0, NULL, 0, &err), ANALYZE_EJSON, NULL);
  CHECK_FAIL(api.webhook_verify(NULL, 0, sig, sig_len, FX(FX_WEBHOOK), 1700000060, 300, &err), ANALYZE_EWEBHOOK_SECRET, NULL);
  CHECK_FAIL(api.webhook_verify(LIT("whsec_test"), NULL, 0, FX(FX_WEBHOOK), 1700000060, 300, &err), ANALYZE_EWEBHOOK_HEADER, NULL);
  CHECK_FAIL(api.webhook_verify(LIT("whsec_test"), sig, sig_len, NULL, 0, 1700000060, 300, &err), ANALYZE_EWEBHOOK_SIGNATURE, NULL);
  CHECK_FAIL(api.webhook_sign(&out, NULL, 0, NULL, 0, 0, &err), ANALYZE_EWEBHOOK_SECRET, "the webhook secret is empty");
  CHECK_INT(api.webhook_sign(&out, LIT("s"), NULL, 0, 0, &err), ANALYZE_OK);
  api.free(out);
  CHECK_FAIL(api.poll_next(&out, NULL, 0, 0, NULL, 0, &err), ANALYZE_EJSON, NULL);
  CHECK_INT(api.poll_next(&out, LIT("{\"status\":\"processing\"}"), UINT_MAX, NULL, 0, &err), ANALYZE_OK);
  CHECK_STR(out, "{\"done\":false,\"delay_ms\":30000,\"reason\":\"backoff\",\"message\":\"task status \\\"processing\\\" is not terminal; poll again in 30000 ms\"}");
  api.free(out);

  /* err NULL is allowed everywhere; the strings accept any code. */
  CHECK_INT(api.json_normalize(&out, LIT("[1,"), NULL), ANALYZE_EJSON);
  CHECK_INT(api.request_validate(&out, NULL, 2, NULL, 0, NULL), ANALYZE_EINVAL);
  CHECK_INT(api.webhook_verify(NULL, 0, NULL, 0, NULL, 0, 0, 0, NULL), ANALYZE_EWEBHOOK_SECRET);
  CHECK_INT(api.idempotency_key(&out, NULL), ANALYZE_OK);
  api.free(out);
  api.free(NULL);
  CHECK_STR(api.strerror(INT_MIN), "unknown status");
  CHECK_STR(api.strerror(INT_MAX), "unknown status");
#undef NULL_INPUT
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s LIBRARY FIXTURES_DIR\n", argv[0]);
    return 2;
  }
  if (api_fixtures_load(argv[2]) != 0 || api_open(&api, argv[1]) != 0) return 2;
  hostile_values();
  arguments();
  webhook_headers();
  truncations(argv[2]);
  huge_inputs();
  api_fixtures_free();
  return CHECK_DONE();
}
