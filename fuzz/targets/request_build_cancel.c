/* libFuzzer target: analyze_request_build_cancel with the whole input as the
 * task id, and with "task id \n options". */
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct fuzz_parts parts = fuzz_split(data, size);
  char *out = NULL;
  analyze_error_t err;
  analyze_request_build_cancel(&out, (const char *)data, size, FUZZ_API_KEY, strlen(FUZZ_API_KEY), &err);
  analyze_free(out);
  out = NULL;
  analyze_request_build_cancel(&out, parts.first, parts.first_len, parts.rest, parts.rest_len, &err);
  analyze_free(out);
  return 0;
}
