/* libFuzzer target: analyze_segments_export of the whole input as a task body
 * in every format (and an unknown one), and of "options \n task body". */
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const formats[] = {"vtt", "csv", "json", "svg", "srt"};
  struct fuzz_parts parts = fuzz_split(data, size);
  char *out = NULL;
  analyze_error_t err;
  size_t i;
  for (i = 0; i < sizeof formats / sizeof formats[0]; i++) {
    out = NULL;
    analyze_segments_export(&out, (const char *)data, size, formats[i], NULL, 0, &err);
    analyze_free(out);
  }
  out = NULL;
  analyze_segments_export(&out, parts.rest, parts.rest_len, "vtt", parts.first, parts.first_len, &err);
  analyze_free(out);
  return 0;
}
