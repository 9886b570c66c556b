/* libFuzzer target: analyze_segments_hls of the whole input as a task with the
 * defaults and one segment, and of "options \n task". */
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char segment[] = "{\"target_duration\":1,\"part\":\"segment\",\"segment\":3}";
  struct fuzz_parts parts = fuzz_split(data, size);
  char *out = NULL;
  analyze_error_t err;
  analyze_segments_hls(&out, (const char *)data, size, NULL, 0, &err);
  analyze_free(out);
  out = NULL;
  analyze_segments_hls(&out, (const char *)data, size, segment, sizeof segment - 1, &err);
  analyze_free(out);
  out = NULL;
  analyze_segments_hls(&out, parts.rest, parts.rest_len, parts.first, parts.first_len, &err);
  analyze_free(out);
  return 0;
}
