/* libFuzzer target: analyze_request_build_batch_create of the whole input under
 * each "validate" mode (strict, warn, off), and of "batch \n options". */
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const options[] = {FUZZ_API_KEY, "{\"api_key\":\"k\",\"validate\":\"warn\"}",
                                        "{\"api_key\":\"k\",\"validate\":\"off\"}"};
  struct fuzz_parts parts = fuzz_split(data, size);
  char *out = NULL;
  analyze_error_t err;
  size_t i;
  for (i = 0; i < sizeof options / sizeof options[0]; i++) {
    analyze_request_build_batch_create(&out, (const char *)data, size, options[i], strlen(options[i]), &err);
    analyze_free(out);
    out = NULL;
  }
  analyze_request_build_batch_create(&out, parts.first, parts.first_len, parts.rest, parts.rest_len, &err);
  analyze_free(out);
  return 0;
}
