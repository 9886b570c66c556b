/* libFuzzer target: analyze_task_parse on the whole input (with the default
 * options and with the Python binding's: no data, segments as a pickle), and
 * on "options \n task body" (options carry "request" and "json_schema"). */
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct fuzz_parts parts = fuzz_split(data, size);
  char *out = NULL;
  analyze_error_t err;
  static const char binding[] = "{\"include_data\":false,\"segments_encoding\":\"pickle\"}";
  analyze_task_parse(&out, (const char *)data, size, NULL, 0, &err);
  analyze_free(out);
  out = NULL;
  analyze_task_parse(&out, (const char *)data, size, binding, sizeof binding - 1, &err);
  analyze_free(out);
  out = NULL;
  analyze_task_parse(&out, parts.rest, parts.rest_len, parts.first, parts.first_len, &err);
  analyze_free(out);
  return 0;
}
