// The floors analyze-bench compares libanalyze with: simdjson's DOM doing the
// least work the same job needs (see simdjson_floor.h). Exceptions never leave.
#include "simdjson_floor.h"

#include <simdjson.h>

#include <string>

namespace {

// Touches every value under `element` so the floor reads what a normalizer reads.
std::size_t walk(simdjson::dom::element element) {
  switch (element.type()) {
    case simdjson::dom::element_type::ARRAY: {
      std::size_t sum = 1;
      for (auto child : simdjson::dom::array(element)) sum += walk(child);
      return sum;
    }
    case simdjson::dom::element_type::OBJECT: {
      std::size_t sum = 1;
      for (auto field : simdjson::dom::object(element)) sum += field.key.size() + walk(field.value);
      return sum;
    }
    case simdjson::dom::element_type::STRING:
      return std::string_view(element).size();
    case simdjson::dom::element_type::INT64:
      return static_cast<std::size_t>(int64_t(element) & 1);
    case simdjson::dom::element_type::UINT64:
      return static_cast<std::size_t>(uint64_t(element) & 1);
    case simdjson::dom::element_type::DOUBLE:
      return double(element) > 0.5;
    case simdjson::dom::element_type::BOOL:
      return bool(element);
    case simdjson::dom::element_type::NULL_VALUE:
      return 0;
  }
  return 0;
}

}  // namespace

extern "C" long long bench_simdjson_task(const char *body, size_t len) {
  try {
    simdjson::dom::parser outer, inner;
    simdjson::dom::element doc = outer.parse(body, len);
    std::size_t sum = walk(doc);
    std::string_view data = doc["result"]["data"];
    simdjson::dom::element segments = inner.parse(data.data(), data.size());
    return static_cast<long long>(sum + walk(segments));
  } catch (...) {
    return -1;
  }
}

extern "C" long long bench_simdjson_minify(const char *json, size_t len) {
  try {
    simdjson::dom::parser parser;
    simdjson::dom::element doc = parser.parse(json, len);
    std::string out = simdjson::minify(doc);
    return static_cast<long long>(out.size());
  } catch (...) {
    return -1;
  }
}
