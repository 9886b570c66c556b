/* libFuzzer target: analyze_webhook_sign of "secret \n body" at a timestamp
 * taken from the input's length (0 to far beyond 2^32). */
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct fuzz_parts parts = fuzz_split(data, size);
  char *out = NULL;
  analyze_error_t err;
  analyze_webhook_sign(&out, parts.first, parts.first_len, parts.rest, parts.rest_len, (long long)size * 7919LL * 7919LL,
                       &err);
  analyze_free(out);
  return 0;
}
