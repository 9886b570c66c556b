// The input rules simdjson does not check (duplicate keys, integers above
// INT64_MAX), the nesting depth and the end of the used string buffer, in one
// pass over a value's tape words (the format is described in csimdjson.h).
// In C++ beside the parser: the same pass in Swift cost 2.7M instructions per
// 597 KB task body (docs/benchmarks.md, stop 20), most of it walking each
// object's members.
#include "csimdjson.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <new>

namespace {

constexpr uint64_t payload_mask = 0x00FFFFFFFFFFFFFFull;

/// Objects of at most this many members compare their keys pairwise (no
/// allocation); larger ones sort them, so the work stays O(n log n).
constexpr size_t pairwise_key_limit = 16;

struct Key {
  const uint8_t *bytes;
  uint32_t length;
  /// The index of the key's tape word (document order within the object).
  size_t word;
};

/// The bytes of the key at tape word `word` (a '"' word; any other word reads
/// as the empty key, as the Swift side reads it).
inline Key key_at(const uint64_t *words, const uint8_t *strings, size_t word) {
  uint64_t w = words[word];
  if ((w >> 56) != '"') return Key{nullptr, 0, word};
  const uint8_t *at = strings + (w & payload_mask);
  uint32_t length;
  std::memcpy(&length, at, sizeof length);  // little-endian, as simdjson writes it
  return Key{at + 4, length, word};
}

inline bool same_bytes(const Key &a, const Key &b) {
  return a.length == b.length && (a.length == 0 || (a.bytes[0] == b.bytes[0] && std::memcmp(a.bytes, b.bytes, a.length) == 0));
}

/// The words a value's first word steps over in the pass (1, or 2 for a
/// number), and 0 for the words the pass acts on: containers' opening and
/// closing words and 'u' (simdjson writes 'u' only above INT64_MAX).
struct StepTable {
  uint8_t step[256];
  constexpr StepTable() : step() {
    for (int type = 0; type < 256; ++type) step[type] = 1;
    step['l'] = step['d'] = 2;
    step['['] = step['{'] = step[']'] = step['}'] = step['u'] = 0;
  }
};
constexpr StepTable steps;

/// The index past the value whose word is at `at`, never before `at + 1` nor past `end`.
inline size_t after_value(const uint64_t *words, size_t at, size_t end) {
  uint64_t w = words[at];
  uint64_t type = w >> 56;
  size_t next = at + steps.step[type];
  if (next == at) next = type == '[' || type == '{' ? static_cast<uint32_t>(w) : at + (type == 'u' ? 2 : 1);
  return next > at && next <= end ? next : end;
}

/// The tape word of the first key of the object at `object` that repeats an
/// earlier key of it, 0 when none does, or SIZE_MAX when memory runs out.
size_t first_duplicate_key(const uint64_t *words, const uint8_t *strings, size_t object) {
  uint64_t w = words[object];
  size_t close = static_cast<uint32_t>(w);  // one past the '}'
  if (close <= object + 1) return 0;
  size_t end = close - 1;                    // the '}'
  size_t stored_count = (w >> 32) & 0xFFFFFF;
  if (stored_count <= pairwise_key_limit) {
    Key seen[pairwise_key_limit];
    size_t count = 0;
    for (size_t at = object + 1; at < end && count < pairwise_key_limit;) {
      Key key = key_at(words, strings, at);
      for (size_t i = 0; i < count; ++i) {
        if (same_bytes(seen[i], key)) return at;
      }
      seen[count++] = key;
      at = at + 1 < end ? after_value(words, at + 1, end) : end;
    }
    return 0;
  }
  // Sorted by bytes, then by position: every key but the first of a run of
  // equal keys repeats an earlier one, and the first repeat in document order
  // is the smallest position among them.
  size_t capacity = (end - object) / 2;
  std::unique_ptr<Key[]> keys(new (std::nothrow) Key[capacity]);
  if (!keys) return SIZE_MAX;
  size_t count = 0;
  for (size_t at = object + 1; at < end && count < capacity;) {
    keys[count++] = key_at(words, strings, at);
    at = at + 1 < end ? after_value(words, at + 1, end) : end;
  }
  std::sort(keys.get(), keys.get() + count, [](const Key &a, const Key &b) {
    if (a.length != b.length) return a.length < b.length;
    int order = a.length == 0 ? 0 : std::memcmp(a.bytes, b.bytes, a.length);
    return order != 0 ? order < 0 : a.word < b.word;
  });
  size_t first = 0;
  for (size_t i = 1; i < count; ++i) {
    if (same_bytes(keys[i - 1], keys[i]) && (first == 0 || keys[i].word < first)) first = keys[i].word;
  }
  return first;
}

}  // namespace

extern "C" int csj_check_input_rules(const uint64_t *words, const uint8_t *strings, size_t begin, size_t end,
                                     csj_rules *out) {
  size_t depth = 0;
  size_t deepest = 0;
  size_t last_string = SIZE_MAX;
  out->nesting = 0;
  out->strings_end = 0;
  out->position = 0;
  for (size_t at = begin; at < end;) {
    uint64_t type = words[at] >> 56;
    if (uint8_t step = steps.step[type]) {
      last_string = type == '"' ? at : last_string;
      at += step;
      continue;
    }
    switch (type) {
      case '[':
        if (++depth > deepest) deepest = depth;
        break;
      case '{': {
        if (++depth > deepest) deepest = depth;
        size_t duplicate = first_duplicate_key(words, strings, at);
        if (duplicate == SIZE_MAX) return CSJ_RULES_OUT_OF_MEMORY;
        if (duplicate != 0) {
          out->position = duplicate;
          return CSJ_RULES_DUPLICATE_KEY;
        }
        break;
      }
      case 'u':
        if (at + 1 < end && words[at + 1] > static_cast<uint64_t>(INT64_MAX)) {
          out->position = at;
          return CSJ_RULES_INTEGER_RANGE;
        }
        ++at;
        break;
      default:  // ']' and '}'
        --depth;
    }
    ++at;
  }
  out->nesting = deepest;
  // Strings are stored in tape order: the last one ends the buffer's used part.
  if (last_string != SIZE_MAX) {
    Key key = key_at(words, strings, last_string);
    out->strings_end = static_cast<size_t>(key.bytes - strings) + key.length + 1;
  }
  return CSJ_RULES_OK;
}
