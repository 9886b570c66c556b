/* libFuzzer target: analyze_batch_validate on the whole input, and on
 * "batch \n options". */
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct fuzz_parts parts = fuzz_split(data, size);
  char *out = NULL;
  analyze_error_t err;
  analyze_batch_validate(&out, (const char *)data, size, NULL, 0, &err);
  analyze_free(out);
  out = NULL;
  analyze_batch_validate(&out, parts.first, parts.first_len, parts.rest, parts.rest_len, &err);
  analyze_free(out);
  return 0;
}
