/* libFuzzer target: the builders of one batch by its id
 * (analyze_request_build_batch_retrieve, _cancel, _delete and _results), each
 * with the whole input as the batch id, and with "batch id \n options". */
#include "fuzz_input.h"

typedef int (*batch_id_builder)(char **, const char *, size_t, const char *, size_t, analyze_error_t *);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const batch_id_builder builders[] = {analyze_request_build_batch_retrieve, analyze_request_build_batch_cancel,
                                              analyze_request_build_batch_delete, analyze_request_build_batch_results};
  struct fuzz_parts parts = fuzz_split(data, size);
  analyze_error_t err;
  size_t i;
  for (i = 0; i < sizeof builders / sizeof builders[0]; i++) {
    char *out = NULL;
    builders[i](&out, (const char *)data, size, FUZZ_API_KEY, strlen(FUZZ_API_KEY), &err);
    analyze_free(out);
    out = NULL;
    builders[i](&out, parts.first, parts.first_len, parts.rest, parts.rest_len, &err);
    analyze_free(out);
  }
  return 0;
}
