/* libFuzzer target: analyze_response_parse of the whole input as a body under
 * every kind (0..12: the eleven kinds, cancel and the batch operations among
 * them, and invalid kinds on both sides), each with a status from a spread of
 * classes chosen by the input's length, and of "headers \n body" as a 200
 * response of every kind from retrieve to batch-results, with options {"now":...}. */
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const int statuses[] = {200, 202, 204, 400, 404, 409, 429, 500, 503, 99, 600, -1};
  static const char now[] = "{\"now\":1700000000}";
  const size_t count = sizeof statuses / sizeof statuses[0];
  struct fuzz_parts parts = fuzz_split(data, size);
  analyze_error_t err;
  int kind;
  for (kind = 0; kind <= ANALYZE_RESPONSE_BATCH_RESULTS + 1; kind++) {
    char *out = NULL;
    analyze_response_parse(&out, kind, statuses[(size + (size_t)kind) % count], NULL, 0, (const char *)data, size,
                           NULL, 0, &err);
    analyze_free(out);
  }
  for (kind = ANALYZE_RESPONSE_RETRIEVE; kind <= ANALYZE_RESPONSE_BATCH_RESULTS; kind++) {
    char *out = NULL;
    analyze_response_parse(&out, kind, 200, parts.first, parts.first_len, parts.rest, parts.rest_len, now,
                           sizeof now - 1, &err);
    analyze_free(out);
  }
  return 0;
}
