// The simdjson shim: copies simdjson's trivially copyable DOM values in and out
// of fixed-size C structs and never lets an exception escape.
#include "csimdjson.h"

#include <simdjson.h>

#include <cstring>
#include <new>
#include <type_traits>

using namespace simdjson;

static_assert(sizeof(dom::element) == sizeof(csj_element), "element size");
static_assert(sizeof(dom::array::iterator) == sizeof(csj_iterator), "array iterator size");
static_assert(sizeof(dom::object::iterator) == sizeof(csj_iterator), "object iterator size");
static_assert(std::is_trivially_copyable<dom::element>::value, "element copyable");
static_assert(std::is_trivially_copyable<dom::array::iterator>::value, "array iterator copyable");
static_assert(std::is_trivially_copyable<dom::object::iterator>::value, "object iterator copyable");

struct csj_document {
  dom::parser parser;
};

const int CSJ_ALLOCATION_FAILED = MEMALLOC;
const int CSJ_DEPTH_ERROR = DEPTH_ERROR;

template <typename To, typename From> static To bits(const From &from) {
  To to;
  std::memcpy(static_cast<void *>(&to), static_cast<const void *>(&from), sizeof(To));
  return to;
}

extern "C" int csj_parse(const char *buf, size_t len, size_t max_depth,
                         csj_document **out_doc, csj_element *out_root) {
  *out_doc = nullptr;
  csj_document *doc = new (std::nothrow) csj_document();
  if (doc == nullptr) return MEMALLOC;
  error_code err = doc->parser.allocate(len, max_depth);
  dom::element root;
  if (!err) err = doc->parser.parse(buf, len, true).get(root);
  if (err) {
    delete doc;
    return err;
  }
  *out_doc = doc;
  *out_root = bits<csj_element>(root);
  return 0;
}

extern "C" void csj_document_free(csj_document *doc) { delete doc; }

extern "C" const char *csj_error_message(int code) {
  return error_message(static_cast<error_code>(code));
}

extern "C" csj_type csj_element_type(csj_element e) {
  return static_cast<csj_type>(bits<dom::element>(e).type());
}

extern "C" int64_t csj_get_int64(csj_element e) {
  int64_t v = 0;
  if (bits<dom::element>(e).get_int64().get(v)) return 0;
  return v;
}

extern "C" uint64_t csj_get_uint64(csj_element e) {
  uint64_t v = 0;
  if (bits<dom::element>(e).get_uint64().get(v)) return 0;
  return v;
}

extern "C" double csj_get_double(csj_element e) {
  double v = 0;
  if (bits<dom::element>(e).get_double().get(v)) return 0;
  return v;
}

extern "C" bool csj_get_bool(csj_element e) {
  bool v = false;
  if (bits<dom::element>(e).get_bool().get(v)) return false;
  return v;
}

extern "C" const char *csj_get_string(csj_element e, size_t *len) {
  std::string_view v;
  if (bits<dom::element>(e).get_string().get(v)) {
    *len = 0;
    return "";
  }
  *len = v.size();
  return v.data();
}

// Begin or end of a container; a non-container yields an empty range.
static csj_iterator bound(csj_element container, bool at_end) {
  dom::element e = bits<dom::element>(container);
  dom::object object;
  if (!e.get_object().get(object)) return bits<csj_iterator>(at_end ? object.end() : object.begin());
  dom::array array;
  if (!e.get_array().get(array)) return bits<csj_iterator>(at_end ? array.end() : array.begin());
  return csj_iterator{{0, 0}};
}

extern "C" csj_iterator csj_begin(csj_element container) { return bound(container, false); }

extern "C" csj_iterator csj_end(csj_element container) { return bound(container, true); }

extern "C" bool csj_array_step(csj_iterator *it, csj_iterator end, csj_element *value) {
  if (std::memcmp(it, &end, sizeof(csj_iterator)) == 0) return false;
  dom::array::iterator i = bits<dom::array::iterator>(*it);
  *value = bits<csj_element>(*i);
  ++i;
  *it = bits<csj_iterator>(i);
  return true;
}

extern "C" bool csj_object_step(csj_iterator *it, csj_iterator end, const char **key, size_t *len,
                                csj_element *value) {
  if (std::memcmp(it, &end, sizeof(csj_iterator)) == 0) return false;
  dom::object::iterator i = bits<dom::object::iterator>(*it);
  std::string_view k = i.key();
  *key = k.data();
  *len = k.size();
  *value = bits<csj_element>(i.value());
  ++i;
  *it = bits<csj_iterator>(i);
  return true;
}
