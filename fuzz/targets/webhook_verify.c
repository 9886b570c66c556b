/* libFuzzer target: analyze_webhook_verify of "signature header \n body",
 * with ordinary and extreme clocks and tolerances. */
#include <limits.h>

#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct fuzz_parts parts = fuzz_split(data, size);
  analyze_error_t err;
  analyze_webhook_verify("whsec_fuzz", 10, parts.first, parts.first_len, parts.rest, parts.rest_len, 1700000000,
                         ANALYZE_WEBHOOK_DEFAULT_TOLERANCE, &err);
  analyze_webhook_verify("k", 1, parts.first, parts.first_len, parts.rest, parts.rest_len, LLONG_MIN, LLONG_MAX, &err);
  analyze_webhook_verify(parts.rest, parts.rest_len, parts.first, parts.first_len, NULL, 0, LLONG_MAX, 0, &err);
  return 0;
}
