/* analyze_segments_hls through the real libanalyze.so: the rendition of the
 * example webhook's task (playlist, media line, segments with X-TIMESTAMP-MAP),
 * thousands of cues, hostile arguments and options, and the json_t twin. */
#include <stdlib.h>
#include <string.h>

#include <analyze_jansson.h>

#include "check.h"

static char *task_text; /* the normalized task of examples/webhook-ready.json */

/* Runs analyze_segments_hls and returns the output (malloc'd, free it) or "ERR <code> <path>: <message>". */
static char *hls(const char *task, size_t len, const char *options) {
  char *out = (char *)1, *copy;
  analyze_error_t err;
  int rc = analyze_segments_hls(&out, task, len, options, options ? strlen(options) : 0, &err);
  if (rc == ANALYZE_OK) {
    CHECK_INT(err.code, 0);
    copy = strdup(out);
    analyze_free(out);
    return copy;
  }
  CHECK(out == NULL);
  CHECK_INT(err.code, rc);
  copy = malloc(strlen(err.message) + strlen(err.path) + 32);
  sprintf(copy, "ERR %d %s: %s", rc, err.path, err.message);
  return copy;
}

static void expect(const char *options, const char *expected) {
  char *text = hls(task_text, strlen(task_text), options);
  CHECK_STR(text, expected);
  if (strcmp(text, expected) != 0) fprintf(stderr, "  options %s\n", options);
  free(text);
}

static void test_example_task(void) {
  expect("{\"part\":\"media\"}",
         "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"analysis\",NAME=\"Analysis\",DEFAULT=NO,AUTOSELECT=NO,"
         "FORCED=NO,URI=\"analysis.m3u8\"\n");
  /* 5423.5 s of video (video_source.duration) at 1200 s: four full segments and 623.5 s. */
  expect("{\"part\":\"playlist\",\"target_duration\":1200}",
         "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1200\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n"
         "#EXTINF:1200.000,\nsegment0.vtt\n#EXTINF:1200.000,\nsegment1.vtt\n#EXTINF:1200.000,\nsegment2.vtt\n"
         "#EXTINF:1200.000,\nsegment3.vtt\n#EXTINF:623.500,\nsegment4.vtt\n#EXT-X-ENDLIST\n");
  expect("{\"part\":\"segment\",\"segment\":1,\"target_duration\":1200,\"timestamp_offset\":126000}",
         "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:126000,LOCAL:00:00:00.000\n\n"
         "2\n00:25:00.125 --> 00:25:03.000\n"
         "{\"definition\":\"card\",\"metadata\":{\"color\":\"yellow\",\"confidence\":0.92,\"var_review\":false}}\n\n");
  expect("{\"part\":\"segment\",\"segment\":4,\"target_duration\":1200}",
         "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n\n");
  expect("{\"part\":\"segment\",\"segment\":5,\"target_duration\":1200}",
         "ERR -1 segment: option segment is 5 but the rendition has 5 segment(s) (0 to 4)");
}

static void test_hostile_options(void) {
  expect("{\"target_duration\":0}",
         "ERR -1 target_duration: option target_duration must be an integer number of seconds from 1 to 86400, got 0");
  expect("{\"target_duration\":1e999}", "ERR -1 : options: number 1e999 is out of range of a double at line 1, column 20 (byte 19)");
  expect("{\"target_duration\":NaN}", "ERR -1 : options: unexpected character where a value was expected at line 1, column 20 (byte 19)");
  expect("{\"target_duration\":9223372036854775807}",
         "ERR -1 target_duration: option target_duration must be an integer number of seconds from 1 to 86400, got 9223372036854775807");
  expect("{\"target_duration\":1,\"duration\":3599999999}",
         "ERR -1 target_duration: the rendition would need 3599999999 segments of 1 s for 3599999999.000 s (at most 100000); choose a larger target_duration");
  { /* exactly ANALYZE_HLS_MAX_SEGMENTS one-second segments, and one more */
    char options[128], *text;
    sprintf(options, "{\"target_duration\":1,\"duration\":%d,\"part\":\"media\"}", ANALYZE_HLS_MAX_SEGMENTS);
    text = hls(task_text, strlen(task_text), options);
    CHECK(strncmp(text, "#EXT-X-MEDIA:", 13) == 0);
    free(text);
    sprintf(options, "{\"target_duration\":1,\"duration\":%d.5,\"part\":\"media\"}", ANALYZE_HLS_MAX_SEGMENTS);
    text = hls(task_text, strlen(task_text), options);
    CHECK(strncmp(text, "ERR -1 target_duration: the rendition would need 100001 segments", 64) == 0);
    free(text);
  }
  expect("{\"segment_prefix\":\"a\\nb\"}",
         "ERR -1 segment_prefix: option segment_prefix must be 1 to 1024 bytes of printable ASCII without \" or spaces, got an unusable string");
  expect("{\"part\":\"segment\"}", "ERR -1 segment: option segment is required when part is \"segment\"");
  expect("[]", "ERR -1 : options must be a JSON object, got array");
}

static void test_hostile_input(void) {
  char *text, *out = (char *)1;
  analyze_error_t err;
  CHECK_INT(analyze_segments_hls(NULL, task_text, strlen(task_text), NULL, 0, &err), ANALYZE_EINVAL);
  CHECK_STR(err.message, "out is NULL");
  CHECK_INT(analyze_segments_hls(&out, NULL, 5, NULL, 0, NULL), ANALYZE_EINVAL);
  CHECK(out == NULL);
  CHECK_INT(analyze_segments_hls(&out, task_text, (size_t)-1, NULL, 0, &err), ANALYZE_EINVAL);
  CHECK_INT(analyze_segments_hls(&out, task_text, strlen(task_text) / 2, NULL, 0, &err), ANALYZE_EJSON);
  CHECK_INT(analyze_segments_hls(&out, "{\"a\":\"\xff\"}", 9, NULL, 0, &err), ANALYZE_EJSON);
  {
    static const char queued[] = "{\"task_id\":\"t\",\"status\":\"queued\",\"created_at\":\"2026-01-05T08:00:00Z\"}";
    text = hls(queued, strlen(queued), NULL);
  }
  CHECK_STR(text, "ERR -10 result: the task has no result (status is queued)");
  free(text);
}

/* 5000 cues of 2 s, one every second: each 6 s segment holds the 7 that overlap it. */
static void test_thousands_of_cues(void) {
  size_t cap = 5000 * 160 + 4096, used;
  char *data = malloc(cap), *body = malloc(cap * 2), *text, *at;
  json_t *escaped;
  char *quoted;
  int i, cues = 0;
  used = (size_t)sprintf(data, "{\"goal\":[");
  for (i = 0; i < 5000; i++)
    used += (size_t)sprintf(data + used, "%s{\"start_time\":%d,\"end_time\":%d,\"metadata\":{\"n\":%d}}", i ? "," : "", i, i + 2, i);
  sprintf(data + used, "]}");
  escaped = json_string(data);
  quoted = json_dumps(escaped, JSON_ENCODE_ANY);
  sprintf(body,
          "{\"task_id\":\"t\",\"status\":\"ready\",\"created_at\":\"2026-01-05T08:00:00Z\",\"request_params\":"
          "{\"analysis_mode\":\"time_based_metadata\",\"response_format\":{\"type\":\"segment_definitions\","
          "\"segment_definitions\":[{\"id\":\"goal\",\"description\":\"g\",\"fields\":[{\"name\":\"n\",\"type\":\"integer\"}]}]}},"
          "\"result\":{\"generation_id\":\"g\",\"data\":%s,\"finish_reason\":\"stop\",\"usage\":{\"output_tokens\":1}}}",
          quoted);
  text = hls(body, strlen(body), "{\"part\":\"segment\",\"segment\":100}");
  for (at = strstr(text, " --> "); at != NULL; at = strstr(at + 1, " --> ")) cues++;
  CHECK_INT(cues, 7); /* cues starting 599..605 overlap [600, 606) */
  CHECK(strstr(text, "\n600\n00:09:59.000 --> 00:10:01.000\n") != NULL);
  free(text);
  text = hls(body, strlen(body), "{\"part\":\"playlist\"}");
  CHECK(strstr(text, "#EXTINF:3.000,\nsegment833.vtt\n#EXT-X-ENDLIST\n") != NULL); /* ends at 5001 s */
  free(text);
  free(quoted);
  json_decref(escaped);
  free(data);
  free(body);
}

static void test_jansson_twin(void) {
  json_t *task = json_loads(task_text, 0, NULL), *options = json_pack("{s:i}", "target_duration", 3000), *out = NULL;
  analyze_error_t err;
  CHECK_INT(analyze_segments_hls_jansson(&out, task, options, &err), ANALYZE_OK);
  CHECK_INT(json_array_size(json_object_get(out, "segments")), 2);
  CHECK_STR(json_string_value(json_object_get(json_array_get(json_object_get(out, "segments"), 1), "uri")), "segment1.vtt");
  CHECK(json_real_value(json_object_get(json_array_get(json_object_get(out, "segments"), 1), "duration")) == 2423.5);
  json_decref(out);
  CHECK_INT(analyze_segments_hls_jansson(&out, NULL, NULL, &err), ANALYZE_EINVAL);
  CHECK(out == NULL);
  json_decref(options);
  json_decref(task);
}

int main(int argc, char **argv) {
  size_t len;
  char *event, *parsed = NULL;
  json_t *root;
  if (argc != 2 || (event = check_read_file(argv[1], &len)) == NULL) {
    fprintf(stderr, "usage: test_hls examples/webhook-ready.json\n");
    return 2;
  }
  CHECK_INT(analyze_webhook_parse(&parsed, event, len, NULL, 0, NULL), ANALYZE_OK);
  root = json_loads(parsed, 0, NULL);
  task_text = json_dumps(json_object_get(root, "task"), JSON_COMPACT | JSON_PRESERVE_ORDER);
  test_example_task();
  test_hostile_options();
  test_hostile_input();
  test_thousands_of_cues();
  test_jansson_twin();
  free(task_text);
  json_decref(root);
  analyze_free(parsed);
  free(event);
  return CHECK_DONE();
}
