/* A minimal program using the installed libanalyze through analyze_jansson.h,
 * built with the analyze-jansson pkg-config module or analyze::jansson. */
#include <stdio.h>

#include <analyze_jansson.h>

int main(void) {
  json_t *in = json_pack("{s:i}", "a", 1), *out = NULL;
  char *text;
  if (in == NULL || analyze_json_normalize_jansson(&out, in, NULL) != ANALYZE_OK) return 1;
  text = json_dumps(out, JSON_COMPACT);
  printf("consumer ok %s\n", text);
  free(text);
  json_decref(out);
  json_decref(in);
  return 0;
}
