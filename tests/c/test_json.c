/* analyze_json_normalize through the real libanalyze.so: a corpus read back by
 * jansson, every malformed-input class, NULL and length arguments, and the
 * json_t twin from analyze_jansson.h. */
#include <stdlib.h>
#include <string.h>

#include <analyze_jansson.h>

#include "check.h"

/* Normalizes `text` and checks jansson reads the output back equal to the input. */
static void check_round_trip(const char *name, const char *text, size_t len) {
  char *out = NULL;
  analyze_error_t err;
  json_error_t jerr;
  json_t *original, *normalized;
  int rc = analyze_json_normalize(&out, text, len, &err);
  CHECK_INT(rc, ANALYZE_OK);
  if (rc != ANALYZE_OK) {
    fprintf(stderr, "  %s: %s\n", name, err.message);
    return;
  }
  CHECK_INT(err.code, ANALYZE_OK);
  original = json_loadb(text, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
  normalized = json_loads(out, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
  CHECK(original != NULL);
  CHECK(normalized != NULL);
  if (original && normalized && !json_equal(original, normalized)) {
    check_failures++;
    fprintf(stderr, "  %s: jansson reads a different value back: %s\n", name, out);
  }
  /* Normalizing twice changes nothing. */
  {
    char *again = NULL;
    CHECK_INT(analyze_json_normalize(&again, out, strlen(out), NULL), ANALYZE_OK);
    CHECK_STR(again, out);
    analyze_free(again);
  }
  json_decref(original);
  json_decref(normalized);
  analyze_free(out);
}

static void check_corpus(const char *dir) {
  static const char *files[] = {"task_ready.json", "strings.json", "numbers.json", "nested.json", "scalars.json"};
  size_t i;
  for (i = 0; i < sizeof files / sizeof *files; i++) {
    char path[1024];
    size_t len = 0;
    char *text;
    snprintf(path, sizeof path, "%s/%s", dir, files[i]);
    text = check_read_file(path, &len);
    CHECK(text != NULL);
    if (text) check_round_trip(files[i], text, len);
    free(text);
  }
}

static void check_malformed(const char *text, size_t len, long long position, int line, int column,
                            const char *path, const char *prefix) {
  char *out = (char *)1;
  analyze_error_t err;
  int rc = analyze_json_normalize(&out, text, len, &err);
  CHECK_INT(rc, ANALYZE_EJSON);
  CHECK(out == NULL);
  CHECK_INT(err.code, ANALYZE_EJSON);
  CHECK_INT(err.position, position);
  CHECK_INT(err.line, line);
  CHECK_INT(err.column, column);
  CHECK_STR(err.path, path);
  if (strncmp(err.message, prefix, strlen(prefix)) != 0) {
    check_failures++;
    fprintf(stderr, "  message \"%s\" does not start with \"%s\"\n", err.message, prefix);
  }
}

static void check_errors(void) {
  char *out = NULL;
  analyze_error_t err;
  char *deep = malloc(200001);
  size_t i;

  check_malformed("{\"a\": [1, 2", 11, 11, 1, 12, "", "unexpected end of input: unclosed array");
  check_malformed("[\"a\xff\"]", 6, 3, 1, 4, "", "invalid UTF-8 byte");
  check_malformed("[1]\0", 4, 3, 1, 4, "", "unexpected content after the JSON value");
  check_malformed("[\"a\0b\"]", 7, 3, 1, 4, "", "unexpected NUL byte in string");
  check_malformed("", 0, 0, 1, 1, "", "empty input");
  check_malformed("{\n \"x\": 1e400}", 14, 8, 2, 7, "", "number 1e400 is out of range of a double");
  check_malformed("[99999999999999999999]", 22, 1, 1, 2, "", "integer 99999999999999999999 is out of range");
  check_malformed("{\"k\":[18446744073709551615]}", 28, -1, 0, 0, "k[0]", "integer 18446744073709551615 is out of range");
  check_malformed("{\"a\":1,\"a\":2}", 13, -1, 0, 0, "a", "duplicate key \"a\" in object");
  for (i = 0; i < 200000; i++) deep[i] = '[';
  check_malformed(deep, 200000, 128, 1, 129, "", "nesting deeper than 128 levels");
  free(deep);

  /* NULL and length arguments. */
  CHECK_INT(analyze_json_normalize(NULL, "1", 1, &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "out is NULL");
  CHECK_INT(analyze_json_normalize(&out, NULL, 5, &err), ANALYZE_EINVAL);
  CHECK(out == NULL);
  CHECK_INT(analyze_json_normalize(&out, NULL, 0, &err), ANALYZE_EJSON);
  CHECK_INT(analyze_json_normalize(&out, "1", (size_t)-1, &err), ANALYZE_EINVAL);
  CHECK_INT(analyze_json_normalize(&out, "1", ANALYZE_INPUT_MAX_BYTES + 1, &err), ANALYZE_EINVAL);
  CHECK_INT(analyze_json_normalize(&out, "[1 ,2]", 6, NULL), ANALYZE_OK);
  CHECK_STR(out, "[1,2]");
  analyze_free(out);
  /* Not NUL-terminated input: only len bytes are read. */
  CHECK_INT(analyze_json_normalize(&out, "[7]garbage", 3, &err), ANALYZE_OK);
  CHECK_STR(out, "[7]");
  CHECK_INT(err.code, ANALYZE_OK);
  CHECK_STR(err.message, "");
  CHECK_INT(err.position, -1);
  analyze_free(out);
  analyze_free(NULL);
}

static void check_jansson_twin(void) {
  json_t *in = json_pack("{s:[i,f,s,b,n],s:{}}", "b", 1, 2.5, "x\"y", 1, "a");
  json_t *out = NULL;
  analyze_error_t err;
  char *text;
  CHECK_INT(analyze_json_normalize_jansson(&out, in, &err), ANALYZE_OK);
  CHECK(out != NULL && json_equal(in, out));
  text = json_dumps(out, JSON_COMPACT | JSON_PRESERVE_ORDER);
  CHECK_STR(text, "{\"b\":[1,2.5,\"x\\\"y\",true,null],\"a\":{}}");
  free(text);
  CHECK_INT(in->refcount, 1); /* borrowed, not stolen */
  json_decref(out);
  json_decref(in);
  CHECK_INT(analyze_json_normalize_jansson(&out, NULL, &err), ANALYZE_EINVAL);
  CHECK(out == NULL);
  CHECK_INT(analyze_json_normalize_jansson(NULL, NULL, NULL), ANALYZE_EINVAL);
}

static void check_version(void) {
  CHECK_INT(analyze_abi_version(), ANALYZE_ABI_VERSION);
  CHECK_INT(analyze_version_number(), ANALYZE_VERSION_NUMBER);
  CHECK_STR(analyze_version_string(), ANALYZE_VERSION_STRING);
  CHECK_STR(analyze_strerror(ANALYZE_OK), "success");
  CHECK_STR(analyze_strerror(ANALYZE_EJSON), "malformed JSON");
  CHECK_STR(analyze_strerror(12345), "unknown status");
}

int main(int argc, char **argv) {
  check_version();
  check_corpus(argc > 1 ? argv[1] : "corpus");
  check_errors();
  check_jansson_twin();
  return CHECK_DONE();
}
