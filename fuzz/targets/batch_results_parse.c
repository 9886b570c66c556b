/* libFuzzer target: analyze_batch_results_parse with the whole input as the
 * JSON Lines body, and with "options \n body" (the options line first, since
 * the body holds newlines of its own). */
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct fuzz_parts parts = fuzz_split(data, size);
  char *out = NULL;
  analyze_error_t err;
  analyze_batch_results_parse(&out, (const char *)data, size, NULL, 0, &err);
  analyze_free(out);
  out = NULL;
  analyze_batch_results_parse(&out, parts.rest, parts.rest_len, parts.first, parts.first_len, &err);
  analyze_free(out);
  return 0;
}
