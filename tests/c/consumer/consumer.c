/* A minimal program using the installed libanalyze. */
#include <stdio.h>

#include <analyze.h>

int main(void) {
  char *out = NULL;
  if (analyze_abi_version() != ANALYZE_ABI_VERSION) return 1;
  if (analyze_json_normalize(&out, "{ \"a\" : 1 }", 11, NULL) != ANALYZE_OK) return 1;
  printf("consumer ok %s\n", out);
  analyze_free(out);
  return 0;
}
