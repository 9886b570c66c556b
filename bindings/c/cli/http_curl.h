/* The analyze tool's HTTP transport: sends the HTTP requests the library
 * builds (its {method, url, headers, body} JSON) with libcurl and hands back
 * what came in, headers as the [name, value] pairs analyze_response_parse()
 * reads. The library stays sans-IO; only the tool does network I/O.
 *
 * libcurl is loaded when the first request is made (dlopen of libcurl.so.4),
 * not linked: the offline commands and the tool in the Python wheel then need
 * no libcurl (see docs/cli-api.md). TLS peers and host names are verified,
 * only http and https are spoken, redirects are not followed, and libcurl is
 * told never to use signals. */
#ifndef ANALYZE_CLI_HTTP_CURL_H
#define ANALYZE_CLI_HTTP_CURL_H

#include <stddef.h>

/* Largest response body read, in bytes (more is a transport failure). */
#define CLI_HTTP_MAX_BODY ((size_t)64 * 1024 * 1024)

/* A connection to the API, reused by every request of one command. */
struct cli_http;

/* What the server answered. */
struct cli_http_response {
  long status;        /* the HTTP status code */
  char *headers;      /* JSON array of [name, value] pairs, in the order received */
  size_t headers_len;
  char *body;         /* the body bytes, NUL-terminated (not counted) */
  size_t body_len;
};

/* How a send failed when no response came. */
enum cli_http_failure {
  CLI_HTTP_SENT = 0,      /* a response came (any status) */
  CLI_HTTP_TRANSIENT = 1, /* connection refused, reset, dropped or timed out: worth retrying */
  CLI_HTTP_FATAL = 2      /* anything else (TLS verification, a bad URL, no libcurl, memory) */
};

/* Opens a session whose requests each time out after timeout_ms (connecting
 * after at most that too). Returns NULL after printing why. */
struct cli_http *cli_http_open(long timeout_ms);

/* Sends `request` (the library's HTTP request JSON, NUL-terminated) and fills
 * *response. Returns CLI_HTTP_SENT, or a failure with its reason in `reason`
 * (never the request's headers, so never the API key). */
enum cli_http_failure cli_http_send(struct cli_http *http, const char *request, struct cli_http_response *response,
                                    char *reason, size_t reason_size);

/* Releases the text of a response (the struct itself is the caller's). */
void cli_http_response_free(struct cli_http_response *response);

/* Closes the session (accepts NULL). */
void cli_http_close(struct cli_http *http);

#endif
