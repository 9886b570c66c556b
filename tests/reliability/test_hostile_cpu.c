/* The two CPU cases of issue 13, each bounded per call (ctest runs this with a
 * generous timeout: a hang fails, nothing asserts speed):
 *  - analyze_request_validate of 1,000,000 unknown top-level keys (13 MB):
 *    the report keeps the first issues and counts the rest;
 *  - analyze_response_parse of a list of 100 tasks, each with an exponential
 *    anyOf/$ref json_schema (2^30 paths): one step budget for the call, and
 *    every task says its schema was not (fully) checked.
 * Usage: test_hostile_cpu LIBRARY FIXTURES_DIR */
#include "api_cases.h"

#define KEYS 1000000
#define TASKS 100

static size_t count_of(const char *text, const char *needle) {
  size_t count = 0;
  for (text = strstr(text, needle); text != NULL; text = strstr(text + 1, needle)) count++;
  return count;
}

int main(int argc, char **argv) {
  struct analyze_api api;
  analyze_error_t err;
  char *text, *out = NULL, schema[4096];
  size_t len = 0, cap, i;
  int level;
  if (argc != 3) {
    fprintf(stderr, "usage: %s LIBRARY FIXTURES_DIR\n", argv[0]);
    return 2;
  }
  if (api_open(&api, argv[1]) != 0) return 2;

  cap = 64 + (size_t)KEYS * 16;
  text = malloc(cap);
  len = (size_t)sprintf(text, "{\"video_id\":\"v\",\"prompt\":\"p\"");
  for (i = 0; i < KEYS; i++) len += (size_t)sprintf(text + len, ",\"k%07zu\":1", i);
  text[len++] = '}';
  CHECK_INT(api.request_validate(&out, text, len, NULL, 0, &err), ANALYZE_OK);
  CHECK(out != NULL && strncmp(out, "{\"valid\":false,\"issues\":[{\"severity\":\"error\",\"code\":\"parameter_unknown\",\"path\":\"k0000000\"", 88) == 0);
  CHECK(out != NULL && strstr(out, " more issue(s) were found but are not listed: a report keeps at most 16,777,216 bytes of paths and messages\"}]}") != NULL);
  CHECK(out != NULL && strlen(out) < 24u * 1024 * 1024);
  api.free(out);
  free(text);

  len = (size_t)sprintf(schema, "{\"$defs\":{\"a0\":{\"type\":\"integer\"}");
  for (level = 1; level <= 30; level++)
    len += (size_t)sprintf(schema + len, ",\"a%d\":{\"anyOf\":[{\"$ref\":\"#/$defs/a%d\"},{\"$ref\":\"#/$defs/a%d\"}]}", level,
                           level - 1, level - 1);
  sprintf(schema + len, "},\"$ref\":\"#/$defs/a30\"}");
  cap = TASKS * (strlen(schema) + 512) + 64;
  text = malloc(cap);
  len = (size_t)sprintf(text, "{\"data\":[");
  for (i = 0; i < TASKS; i++)
    len += (size_t)sprintf(text + len,
                           "%s{\"task_id\":\"t%zu\",\"status\":\"ready\",\"created_at\":\"2026-01-05T08:00:00Z\","
                           "\"request_params\":{\"response_format\":{\"type\":\"json_schema\",\"json_schema\":%s}},"
                           "\"result\":{\"generation_id\":\"g\",\"data\":\"1.5\",\"finish_reason\":\"stop\",\"usage\":{\"output_tokens\":1}}}",
                           i ? "," : "", i, schema);
  len += (size_t)sprintf(text + len, "],\"page_info\":{\"page\":1}}");
  CHECK_INT(api.response_parse(&out, ANALYZE_RESPONSE_LIST, 200, NULL, 0, text, len, NULL, 0, &err), ANALYZE_OK);
  /* The value is a scalar, so even the first task stops at result.json itself. */
  CHECK_INT(out ? count_of(out, "\"code\":\"schema_not_checked\"") : 0, TASKS);
  CHECK_INT(out ? count_of(out, "\"code\":\"schema_not_checked\",\"path\":\"result.json\"") : 0, TASKS);
  CHECK_INT(out ? count_of(out, "this call's budget of 1,000,000 schema steps (shared by all the results it reads) is spent") : 0, TASKS);
  api.free(out);
  free(text);
  return CHECK_DONE();
}
