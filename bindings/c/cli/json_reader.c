/* Reading the library's own JSON output (see json_reader.h). */
#include "json_reader.h"

#include <stdlib.h>
#include <string.h>

/* The end of the JSON string starting at p (at its opening quote). */
static const char *skip_string(const char *p) {
  for (p++; *p && *p != '"'; p++)
    if (*p == '\\' && p[1]) p++;
  return *p ? p + 1 : p;
}

const char *cli_json_skip_value(const char *p) {
  int depth = 0;
  do {
    if (*p == '"') {
      p = skip_string(p);
      continue;
    }
    if (*p == '{' || *p == '[') depth++;
    if (*p == '}' || *p == ']') depth--;
    if (*p == '\0') return p;
    p++;
    if (depth == 0) {
      while (*p && *p != ',' && *p != '}' && *p != ']') p++;
    }
  } while (depth > 0);
  return p;
}

const char *cli_json_member(const char *p, const char *key) {
  size_t len = strlen(key);
  if (p == NULL || *p != '{') return NULL;
  for (p++; *p == '"';) {
    const char *name = p + 1, *value = skip_string(p) + 1;
    if ((size_t)(value - name - 2) == len && strncmp(name, key, len) == 0) return value;
    p = cli_json_skip_value(value);
    if (*p == ',') p++;
  }
  return NULL;
}

const char *cli_json_first(const char *p) {
  if (p == NULL || *p != '[' || p[1] == ']' || p[1] == '\0') return NULL;
  return p + 1;
}

const char *cli_json_next(const char *p) {
  p = cli_json_skip_value(p);
  return *p == ',' ? p + 1 : NULL;
}

/* Writes the UTF-8 encoding of code into buf and returns its length (code is
 * below U+10000: the library escapes only control characters, U+2028 and U+2029). */
static size_t encode(unsigned long code, char *buf) {
  if (code < 0x80) {
    buf[0] = (char)code;
    return 1;
  }
  if (code < 0x800) {
    buf[0] = (char)(0xC0 | (code >> 6));
    buf[1] = (char)(0x80 | (code & 0x3F));
    return 2;
  }
  buf[0] = (char)(0xE0 | (code >> 12));
  buf[1] = (char)(0x80 | ((code >> 6) & 0x3F));
  buf[2] = (char)(0x80 | (code & 0x3F));
  return 3;
}

void cli_json_decode(const char *p, char *out, size_t size) {
  const char *s = p != NULL && *p == '"' ? p + 1 : "\"";
  size_t n = 0;
  while (*s && *s != '"') {
    char buf[4];
    size_t len = 1, i;
    if (*s == '\\' && s[1] != '\0') {
      char e = s[1];
      s += 2;
      switch (e) {
        case 'n': buf[0] = '\n'; break;
        case 't': buf[0] = '\t'; break;
        case 'r': buf[0] = '\r'; break;
        case 'b': buf[0] = '\b'; break;
        case 'f': buf[0] = '\f'; break;
        case 'u': {
          char hex[5] = {0};
          for (i = 0; i < 4 && s[i] != '\0'; i++) hex[i] = s[i];
          s += i;
          len = encode(strtoul(hex, NULL, 16), buf);
          break;
        }
        default: buf[0] = e; break;
      }
    } else {
      buf[0] = *s++;
    }
    for (i = 0; i < len; i++)
      if (n + 1 < size) out[n++] = buf[i];
  }
  out[n] = '\0';
}
