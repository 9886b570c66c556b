/* libFuzzer target: analyze_poll_next of "state \n options" after attempts
 * 0, 7 and UINT_MAX. */
#include <limits.h>

#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const unsigned attempts[] = {0, 7, UINT_MAX};
  struct fuzz_parts parts = fuzz_split(data, size);
  size_t i;
  for (i = 0; i < sizeof attempts / sizeof attempts[0]; i++) {
    char *out = NULL;
    analyze_error_t err;
    analyze_poll_next(&out, parts.first, parts.first_len, attempts[i], parts.rest, parts.rest_len, &err);
    analyze_free(out);
  }
  return 0;
}
