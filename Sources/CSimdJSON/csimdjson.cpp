// The simdjson shim: parses into a document that keeps only its tape and
// string buffer, and never lets an exception escape.
#include "csimdjson.h"

#include <simdjson.h>

#include <new>

using namespace simdjson;

static_assert(SIMDJSON_VERSION_MAJOR == 3, "the tape format read in JSONTape.swift is simdjson 3's");

struct csj_document {
  dom::document doc;
};

const int CSJ_ALLOCATION_FAILED = MEMALLOC;
const int CSJ_DEPTH_ERROR = DEPTH_ERROR;
const size_t CSJ_PADDING = SIMDJSON_PADDING;

// As dom::document::allocate sizes it (simdjson 3).
static size_t string_capacity(size_t capacity) {
  return SIMDJSON_ROUNDUP_N(5 * capacity / 3 + SIMDJSON_PADDING, 64);
}

extern "C" int csj_parse(const char *buf, size_t len, size_t max_depth, int padded,
                         csj_document **out_doc, csj_tape *out_tape) {
  *out_doc = nullptr;
  csj_document *doc = new (std::nothrow) csj_document();
  if (doc == nullptr) return MEMALLOC;
  error_code err;
  {
    // The parser (its copy of the input, its structural index) lives only
    // for the parse; the document keeps the tape and the strings.
    dom::parser parser;
    err = parser.allocate(len, max_depth);
    dom::element root;
    if (!err) err = parser.parse_into_document(doc->doc, buf, len, padded == 0).get(root);
  }
  if (err) {
    delete doc;
    return err;
  }
  const uint64_t *tape = doc->doc.tape.get();
  out_tape->words = tape;
  out_tape->count = static_cast<size_t>(tape[0] & internal::JSON_VALUE_MASK);
  out_tape->strings = doc->doc.string_buf.get();
  out_tape->strings_capacity = string_capacity(doc->doc.capacity());
  *out_doc = doc;
  return 0;
}

extern "C" void csj_document_free(csj_document *doc) { delete doc; }

extern "C" const char *csj_error_message(int code) {
  return error_message(static_cast<error_code>(code));
}
