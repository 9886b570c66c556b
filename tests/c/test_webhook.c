/* analyze_webhook_verify / analyze_webhook_sign through the real libanalyze.so.
 * Expected signatures are computed here independently with libcrypto's HMAC(),
 * and one vector (the fixture) was computed with Python's hmac module. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <analyze.h>

#include "check.h"

#define SECRET "whsec_test"
#define T0 1700000000LL
static const char BODY[] =
    "{\"id\":\"evt_1\",\"created_at\":\"2025-01-01T00:00:00Z\",\"type\":\"analyze.task.ready\","
    "\"data\":{\"id\":\"task_1\",\"status\":\"ready\",\"custom_id\":null}}";
/* Python: hmac.new(b"whsec_test", b"1700000000." + BODY, hashlib.sha256).hexdigest() */
static const char PY_V1[] = "826fc0f3ca47b261d29cc89ab428e0c7d8f6d7a49da3cfc96259e25bb9e2aef1";

/* Lowercase hex HMAC-SHA256 of "<t_text>.<body>" computed with libcrypto directly. */
static void expected_v1(char hex[65], const char *secret, size_t secret_len, const char *t_text,
                        const char *body, size_t body_len) {
  size_t t_len = strlen(t_text), i;
  unsigned char *payload = malloc(t_len + 1 + body_len + 1), digest[32];
  unsigned int digest_len = 0;
  memcpy(payload, t_text, t_len);
  payload[t_len] = '.';
  if (body_len) memcpy(payload + t_len + 1, body, body_len);
  HMAC(EVP_sha256(), secret, (int)secret_len, payload, t_len + 1 + body_len, digest, &digest_len);
  free(payload);
  for (i = 0; i < 32; i++) sprintf(hex + 2 * i, "%02x", digest[i]);
  hex[64] = '\0';
}

static int verify(const char *secret, const char *header, const char *body, size_t body_len,
                  long long now, long long tolerance, analyze_error_t *err) {
  return analyze_webhook_verify(secret, secret ? strlen(secret) : 0, header, header ? strlen(header) : 0,
                                body, body_len, now, tolerance, err);
}

static int verify_default(const char *header, analyze_error_t *err) {
  return verify(SECRET, header, BODY, strlen(BODY), T0, ANALYZE_WEBHOOK_DEFAULT_TOLERANCE, err);
}

/* Checks the code and the exact message of a rejection. */
static void check_rejected(const char *header, int code, const char *message) {
  analyze_error_t err;
  CHECK_INT(verify_default(header, &err), code);
  CHECK_INT(err.code, code);
  CHECK_STR(err.message, message);
  CHECK_STR(err.path, "");
  CHECK_INT(err.position, -1);
}

static char *header_for(const char *v1_a, const char *v1_b) {
  static char buffer[512];
  if (v1_b)
    snprintf(buffer, sizeof buffer, "t=%lld,v1=%s,v1=%s", T0, v1_a, v1_b);
  else
    snprintf(buffer, sizeof buffer, "t=%lld,v1=%s", T0, v1_a);
  return buffer;
}

static void test_python_vector_and_sign(void) {
  char *out = (char *)1, mine[65];
  analyze_error_t err;
  expected_v1(mine, SECRET, strlen(SECRET), "1700000000", BODY, strlen(BODY));
  CHECK_STR(mine, PY_V1); /* libcrypto here and Python agree */
  CHECK_INT(verify_default(header_for(PY_V1, NULL), &err), ANALYZE_OK);
  CHECK_INT(err.code, ANALYZE_OK);
  CHECK_STR(err.message, "");
  CHECK_INT(analyze_webhook_sign(&out, SECRET, strlen(SECRET), BODY, strlen(BODY), T0, &err), ANALYZE_OK);
  CHECK_STR(out, header_for(PY_V1, NULL));
  analyze_free(out);
}

static void test_sign_matches_libcrypto(void) {
  /* Binary bodies (with NUL bytes), empty bodies, long secrets, a 1 MiB body. */
  static const char binary[] = {'a', 0, 'b', (char)0xff, 0, '\n'};
  char secret_long[200], expected[65], header[128], t_text[32], *out = NULL;
  size_t big_len = 1 << 20, i;
  char *big = malloc(big_len);
  for (i = 0; i < big_len; i++) big[i] = (char)(i * 31);
  memset(secret_long, 'k', sizeof secret_long);
  {
    struct {
      const char *secret;
      size_t secret_len;
      const char *body;
      size_t body_len;
      long long t;
    } cases[] = {{SECRET, 10, binary, sizeof binary, 0},
                 {SECRET, 10, NULL, 0, 1},
                 {secret_long, sizeof secret_long, BODY, strlen(BODY), T0},
                 {"\0x", 2, BODY, 5, LLONG_MAX},
                 {SECRET, 10, big, big_len, T0}};
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
      snprintf(t_text, sizeof t_text, "%lld", cases[i].t);
      expected_v1(expected, cases[i].secret, cases[i].secret_len, t_text, cases[i].body, cases[i].body_len);
      snprintf(header, sizeof header, "t=%s,v1=%s", t_text, expected);
      CHECK_INT(analyze_webhook_sign(&out, cases[i].secret, cases[i].secret_len, cases[i].body, cases[i].body_len,
                                     cases[i].t, NULL),
                ANALYZE_OK);
      CHECK_STR(out, header);
      analyze_free(out);
      out = NULL;
      CHECK_INT(analyze_webhook_verify(cases[i].secret, cases[i].secret_len, header, strlen(header), cases[i].body,
                                       cases[i].body_len, cases[i].t, 0, NULL),
                ANALYZE_OK);
    }
  }
  /* One flipped bit anywhere in a big body is caught. */
  expected_v1(expected, SECRET, 10, "5", big, big_len);
  snprintf(header, sizeof header, "t=5,v1=%s", expected);
  big[big_len / 2] ^= 1;
  CHECK_INT(analyze_webhook_verify(SECRET, 10, header, strlen(header), big, big_len, 5, 0, NULL),
            ANALYZE_EWEBHOOK_SIGNATURE);
  free(big);
}

static void test_rejections(void) {
  char wrong_secret[65], tampered[65];
  analyze_error_t err;
  expected_v1(wrong_secret, "other", 5, "1700000000", BODY, strlen(BODY));
  expected_v1(tampered, SECRET, strlen(SECRET), "1700000000", BODY, strlen(BODY) - 1);
  /* Tampered body: the body lost its last byte. */
  CHECK_INT(verify(SECRET, header_for(PY_V1, NULL), BODY, strlen(BODY) - 1, T0, 300, &err), ANALYZE_EWEBHOOK_SIGNATURE);
  CHECK_STR(err.message, "the v1 signature does not match the body and the secret");
  CHECK_INT(verify(SECRET, header_for(tampered, NULL), BODY, strlen(BODY) - 1, T0, 300, NULL), ANALYZE_OK);
  /* Wrong secret. */
  CHECK_INT(verify("other", header_for(PY_V1, NULL), BODY, strlen(BODY), T0, 300, NULL), ANALYZE_EWEBHOOK_SIGNATURE);
  CHECK_INT(verify("other", header_for(wrong_secret, NULL), BODY, strlen(BODY), T0, 300, NULL), ANALYZE_OK);
  /* Several signatures: one matching among several, or none. */
  CHECK_INT(verify_default(header_for(wrong_secret, PY_V1), NULL), ANALYZE_OK);
  CHECK_INT(verify_default(header_for(PY_V1, wrong_secret), NULL), ANALYZE_OK);
  check_rejected(header_for(wrong_secret, tampered), ANALYZE_EWEBHOOK_SIGNATURE,
                 "none of the 2 v1 signatures matches the body and the secret");
}

static void test_timestamps(void) {
  const char *header = header_for(PY_V1, NULL);
  char copy[256];
  analyze_error_t err;
  strcpy(copy, header);
  CHECK_INT(verify(SECRET, copy, BODY, strlen(BODY), T0 + 300, 300, NULL), ANALYZE_OK);
  CHECK_INT(verify(SECRET, copy, BODY, strlen(BODY), T0 - 300, 300, NULL), ANALYZE_OK);
  CHECK_INT(verify(SECRET, copy, BODY, strlen(BODY), T0 + 301, 300, &err), ANALYZE_EWEBHOOK_TIMESTAMP);
  CHECK_STR(err.message, "the signature timestamp is 301 seconds in the past, beyond the tolerance of 300 seconds");
  CHECK_INT(verify(SECRET, copy, BODY, strlen(BODY), T0 - 301, 300, &err), ANALYZE_EWEBHOOK_TIMESTAMP);
  CHECK_STR(err.message, "the signature timestamp is 301 seconds in the future, beyond the tolerance of 300 seconds");
  CHECK_INT(verify(SECRET, copy, BODY, strlen(BODY), T0, 0, NULL), ANALYZE_OK);
  CHECK_INT(verify(SECRET, copy, BODY, strlen(BODY), T0 + 1, 0, NULL), ANALYZE_EWEBHOOK_TIMESTAMP);
  CHECK_INT(verify(SECRET, copy, BODY, strlen(BODY), LLONG_MIN, 300, &err), ANALYZE_EWEBHOOK_TIMESTAMP);
  CHECK_STR(err.message,
            "the signature timestamp is 9223372038554775808 seconds in the future, beyond the tolerance of 300 seconds");
  CHECK_INT(verify(SECRET, copy, BODY, strlen(BODY), LLONG_MAX, LLONG_MAX, NULL), ANALYZE_OK);
  CHECK_INT(verify(SECRET, copy, BODY, strlen(BODY), T0, -1, &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "tolerance must not be negative (got -1 seconds)");
  /* A forged header with a stale timestamp gets "signature", not "timestamp". */
  CHECK_INT(verify(SECRET, "t=1,v1=826fc0f3ca47b261d29cc89ab428e0c7d8f6d7a49da3cfc96259e25bb9e2aef1", BODY,
                   strlen(BODY), T0, 300, NULL),
            ANALYZE_EWEBHOOK_SIGNATURE);
}

static void test_header_grammar(void) {
  char buffer[512];
  snprintf(buffer, sizeof buffer, " v0=zz ,\tv1 = %s\t, t= 1700000000 ,x=", PY_V1);
  CHECK_INT(verify_default(buffer, NULL), ANALYZE_OK);
  check_rejected("", ANALYZE_EWEBHOOK_HEADER, "the signature header is missing or empty");
  check_rejected(" \t", ANALYZE_EWEBHOOK_HEADER, "the signature header is missing or empty");
  check_rejected("v1=826fc0f3ca47b261d29cc89ab428e0c7d8f6d7a49da3cfc96259e25bb9e2aef1", ANALYZE_EWEBHOOK_HEADER,
                 "the signature header has no timestamp t=");
  check_rejected("t=1700000000", ANALYZE_EWEBHOOK_HEADER, "the signature header has no v1= signature");
  check_rejected("t=1700000000,v0=ab", ANALYZE_EWEBHOOK_HEADER,
                 "the signature header has no v1= signature (only other schemes, which are ignored)");
  check_rejected("t=abc,v1=826fc0f3ca47b261d29cc89ab428e0c7d8f6d7a49da3cfc96259e25bb9e2aef1", ANALYZE_EWEBHOOK_HEADER,
                 "the timestamp t is not a non-negative decimal integer");
  check_rejected("t=-5,v1=826fc0f3ca47b261d29cc89ab428e0c7d8f6d7a49da3cfc96259e25bb9e2aef1", ANALYZE_EWEBHOOK_HEADER,
                 "the timestamp t is not a non-negative decimal integer");
  check_rejected("t=18446744073709551616,v1=826fc0f3ca47b261d29cc89ab428e0c7d8f6d7a49da3cfc96259e25bb9e2aef1",
                 ANALYZE_EWEBHOOK_HEADER, "the timestamp t is out of range (above 9223372036854775807)");
  check_rejected("t=1,t=1700000000,v1=826fc0f3ca47b261d29cc89ab428e0c7d8f6d7a49da3cfc96259e25bb9e2aef1",
                 ANALYZE_EWEBHOOK_HEADER, "the signature header has more than one timestamp t");
  check_rejected("t=1700000000,v1=826fc0f3ca47b261d29cc89ab428e0c7d8f6d7a49da3cfc96259e25bb9e2aef", ANALYZE_EWEBHOOK_HEADER,
                 "signature v1 number 1 has 63 characters, not 64 hex digits");
  check_rejected("t=1700000000,v1=826fc0f3ca47b261d29cc89ab428e0c7d8f6d7a49da3cfc96259e25bb9e2aefZ", ANALYZE_EWEBHOOK_HEADER,
                 "signature v1 number 1 is not hexadecimal");
  check_rejected("t=1700000000;v1=826fc0f3ca47b261d29cc89ab428e0c7d8f6d7a49da3cfc96259e25bb9e2aef1",
                 ANALYZE_EWEBHOOK_HEADER, "the timestamp t is not a non-negative decimal integer");
  check_rejected("t=1700000000,,v1=826fc0f3ca47b261d29cc89ab428e0c7d8f6d7a49da3cfc96259e25bb9e2aef1", ANALYZE_EWEBHOOK_HEADER,
                 "item 2 of the signature header is empty");
  check_rejected("t=1700000000,v1", ANALYZE_EWEBHOOK_HEADER, "item 2 of the signature header is not a key=value pair");
  /* The header is (pointer, length): bytes after the length are not read. */
  strcpy(buffer, header_for(PY_V1, NULL));
  strcat(buffer, "GARBAGE");
  CHECK_INT(analyze_webhook_verify(SECRET, 10, buffer, strlen(buffer) - 7, BODY, strlen(BODY), T0, 300, NULL), ANALYZE_OK);
  /* A NUL byte inside the header is just a byte. */
  CHECK_INT(analyze_webhook_verify(SECRET, 10, "t=1\0,v1=00", 10, BODY, strlen(BODY), T0, 300, NULL),
            ANALYZE_EWEBHOOK_HEADER);
}

static void test_arguments(void) {
  analyze_error_t err;
  char *out = (char *)1;
  /* Empty secret comes first, even before a missing header. */
  CHECK_INT(analyze_webhook_verify(NULL, 0, NULL, 0, NULL, 0, T0, 300, &err), ANALYZE_EWEBHOOK_SECRET);
  CHECK_STR(err.message, "the webhook secret is empty");
  CHECK_INT(analyze_webhook_verify("", 0, header_for(PY_V1, NULL), 80, BODY, strlen(BODY), T0, 300, NULL),
            ANALYZE_EWEBHOOK_SECRET);
  /* A missing header (NULL, 0). */
  CHECK_INT(analyze_webhook_verify(SECRET, 10, NULL, 0, BODY, strlen(BODY), T0, 300, &err), ANALYZE_EWEBHOOK_HEADER);
  CHECK_STR(err.message, "the signature header is missing or empty");
  /* NULL with a length, negative and huge lengths. */
  CHECK_INT(analyze_webhook_verify(NULL, 3, "t=1", 3, BODY, 1, T0, 300, &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "secret is NULL but its length is 3");
  CHECK_INT(analyze_webhook_verify(SECRET, 10, NULL, 5, BODY, 1, T0, 300, &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "signature_header is NULL but its length is 5");
  CHECK_INT(analyze_webhook_verify(SECRET, 10, "t=1", 3, NULL, 1, T0, 300, &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "body is NULL but its length is 1");
  CHECK_INT(analyze_webhook_verify(SECRET, (size_t)-1, "t=1", 3, BODY, 1, T0, 300, &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "secret length is out of range (at most 536870912 bytes)");
  CHECK_INT(analyze_webhook_verify(SECRET, 10, "t=1", SIZE_MAX / 2, BODY, 1, T0, 300, NULL), ANALYZE_EINVAL);
  CHECK_INT(analyze_webhook_verify(SECRET, 10, "t=1", 3, BODY, ANALYZE_INPUT_MAX_BYTES + 1, T0, 300, NULL),
            ANALYZE_EINVAL);
  /* sign */
  CHECK_INT(analyze_webhook_sign(NULL, SECRET, 10, BODY, 1, T0, &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "out is NULL");
  CHECK_INT(analyze_webhook_sign(&out, "", 0, BODY, 1, T0, &err), ANALYZE_EWEBHOOK_SECRET);
  CHECK(out == NULL);
  out = (char *)1;
  CHECK_INT(analyze_webhook_sign(&out, SECRET, 10, BODY, 1, -1, &err), ANALYZE_EINVAL);
  CHECK(out == NULL);
  CHECK_STR(err.message, "timestamp must not be negative (got -1)");
  CHECK_INT(analyze_webhook_sign(&out, SECRET, 10, NULL, 7, T0, NULL), ANALYZE_EINVAL);
  CHECK_INT(analyze_webhook_sign(&out, SECRET, (size_t)-2, BODY, 1, T0, NULL), ANALYZE_EINVAL);
}

static void test_messages_hide_secrets(void) {
  static const char secret[] = "TOP-secret-9f2";
  char expected[65], header[128];
  analyze_error_t err;
  int codes[4], i;
  expected_v1(expected, secret, strlen(secret), "1700000000", BODY, strlen(BODY));
  snprintf(header, sizeof header, "t=1700000000,v1=%s", PY_V1);
  codes[0] = verify(secret, header, BODY, strlen(BODY), T0, 300, &err);
  CHECK(strstr(err.message, secret) == NULL && strstr(err.message, expected) == NULL);
  snprintf(header, sizeof header, "t=1700000000,v1=%s", expected);
  codes[1] = verify(secret, header, BODY, strlen(BODY), 0, 300, &err);
  CHECK(strstr(err.message, secret) == NULL && strstr(err.message, expected) == NULL);
  codes[2] = verify(secret, "t=zz,v1=1", BODY, strlen(BODY), T0, 300, &err);
  CHECK(strstr(err.message, secret) == NULL);
  codes[3] = verify(secret, header, BODY, strlen(BODY) - 1, T0, 300, &err);
  CHECK(strstr(err.message, secret) == NULL && strstr(err.message, expected) == NULL);
  for (i = 0; i < 4; i++) CHECK(codes[i] != ANALYZE_OK);
}

static void test_fixture(const char *dir) {
  char path[1024], body[4096], header[256];
  size_t body_len, header_len;
  FILE *f;
  snprintf(path, sizeof path, "%s/event-ready.json", dir);
  f = fopen(path, "rb");
  CHECK(f != NULL);
  if (!f) return;
  body_len = fread(body, 1, sizeof body, f);
  fclose(f);
  snprintf(path, sizeof path, "%s/event-ready.signature", dir);
  f = fopen(path, "rb");
  CHECK(f != NULL);
  if (!f) return;
  header_len = fread(header, 1, sizeof header - 1, f);
  fclose(f);
  while (header_len > 0 && (header[header_len - 1] == '\n' || header[header_len - 1] == '\r')) header_len--;
  CHECK_INT(analyze_webhook_verify(SECRET, 10, header, header_len, body, body_len, T0 + 60, 300, NULL), ANALYZE_OK);
  CHECK_INT(body_len, strlen(BODY));
  CHECK(memcmp(body, BODY, body_len) == 0);
}

int main(int argc, char **argv) {
  test_python_vector_and_sign();
  test_sign_matches_libcrypto();
  test_rejections();
  test_timestamps();
  test_header_grammar();
  test_arguments();
  test_messages_hide_secrets();
  if (argc > 1) test_fixture(argv[1]);
  return CHECK_DONE();
}
