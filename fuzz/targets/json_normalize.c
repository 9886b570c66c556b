/* libFuzzer target: analyze_json_normalize on the whole input. */
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *out = NULL;
  analyze_error_t err;
  analyze_json_normalize(&out, (const char *)data, size, &err);
  analyze_free(out);
  return 0;
}
