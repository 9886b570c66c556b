// csj_skip_plain_string_text (csimdjson.h): the bulk of reading an escaped
// JSON string, 64 bytes at a time with AVX2 where the CPU has it (chosen once,
// by CPUID, as simdjson chooses its kernel), SSE2 (x86-64's baseline)
// otherwise, byte by byte elsewhere. Reads only inside [text, text + len).
#include "csimdjson.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>
#define CSJ_AVX2_DISPATCH 1
#endif

namespace {

// The bytes a two-byte escape may hold after its backslash and still be
// copied as JSONWriter writes it (JSONWriter.escapeEntry): not `/` or `u`.
bool short_escape(uint8_t byte) {
  switch (byte) {
    case '"': case '\\': case 'b': case 'f': case 'n': case 'r': case 't': return true;
    default: return false;
  }
}

// True when U+2028 or U+2029 (E2 80 A8 / E2 80 A9) starts at `at`.
bool separator_at(const uint8_t *text, size_t len, size_t at) {
  return at + 2 < len && text[at] == 0xE2 && text[at + 1] == 0x80 && (text[at + 2] == 0xA8 || text[at + 2] == 0xA9);
}

// One step of the byte-by-byte scan at `*index`: false when it is a byte to
// stop at (the caller's *index is then left on it).
bool skip_one(const uint8_t *text, size_t len, size_t *index, size_t *escapes) {
  size_t at = *index;
  uint8_t byte = text[at];
  if (byte == '\\') {
    if (at + 1 >= len || !short_escape(text[at + 1])) return false;
    *index = at + 2;
    *escapes += 1;
    return true;
  }
  if (byte == '"' || byte < 0x20 || separator_at(text, len, at)) return false;
  *index = at + 1;
  return true;
}

#if defined(__SSE2__)
// The masks of one 64-byte block, a bit per byte.
struct block_masks {
  uint64_t backslashes;  // '\\'
  uint64_t stops;        // '"' and the control characters
  uint64_t others;       // '/' and 'u', which must not follow an escaping backslash
  uint64_t leads;        // 0xE2, which may start U+2028 or U+2029
};

inline uint64_t bits(__m128i bytes, int part) {
  return static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(bytes))) << (16 * part);
}

inline block_masks sse2_masks(const uint8_t *block) {
  const __m128i backslash = _mm_set1_epi8('\\'), quote = _mm_set1_epi8('"'), limit = _mm_set1_epi8(0x1F),
                slash = _mm_set1_epi8('/'), u = _mm_set1_epi8('u'), lead = _mm_set1_epi8(static_cast<char>(0xE2));
  block_masks masks = {0, 0, 0, 0};
  for (int part = 0; part < 4; part++) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(block + 16 * part));
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(bytes, limit), bytes);
    masks.backslashes |= bits(_mm_cmpeq_epi8(bytes, backslash), part);
    masks.stops |= bits(_mm_or_si128(_mm_cmpeq_epi8(bytes, quote), control), part);
    masks.others |= bits(_mm_or_si128(_mm_cmpeq_epi8(bytes, slash), _mm_cmpeq_epi8(bytes, u)), part);
    masks.leads |= bits(_mm_cmpeq_epi8(bytes, lead), part);
  }
  return masks;
}

// The number of bits set (x86-64's baseline has no POPCNT instruction, and
// libgcc's __popcountdi2 is a call).
inline size_t bit_count(uint64_t bits) {
#if defined(__POPCNT__)
  return static_cast<size_t>(__builtin_popcountll(bits));
#else
  bits -= (bits >> 1) & 0x5555555555555555ull;
  bits = (bits & 0x3333333333333333ull) + ((bits >> 2) & 0x3333333333333333ull);
  bits = (bits + (bits >> 4)) & 0x0F0F0F0F0F0F0F0Full;
  return static_cast<size_t>((bits * 0x0101010101010101ull) >> 56);
#endif
}

#if defined(CSJ_AVX2_DISPATCH)
// The same masks, 32 bytes a comparison.
__attribute__((target("avx2"))) inline uint64_t bits256(__m256i bytes, int part) {
  return static_cast<uint64_t>(static_cast<uint32_t>(_mm256_movemask_epi8(bytes))) << (32 * part);
}

__attribute__((target("avx2"))) inline block_masks avx2_masks(const uint8_t *block) {
  const __m256i backslash = _mm256_set1_epi8('\\'), quote = _mm256_set1_epi8('"'), limit = _mm256_set1_epi8(0x1F),
                slash = _mm256_set1_epi8('/'), u = _mm256_set1_epi8('u'), lead = _mm256_set1_epi8(static_cast<char>(0xE2));
  block_masks masks = {0, 0, 0, 0};
  for (int part = 0; part < 2; part++) {
    const __m256i bytes = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(block + 32 * part));
    const __m256i control = _mm256_cmpeq_epi8(_mm256_min_epu8(bytes, limit), bytes);
    masks.backslashes |= bits256(_mm256_cmpeq_epi8(bytes, backslash), part);
    masks.stops |= bits256(_mm256_or_si256(_mm256_cmpeq_epi8(bytes, quote), control), part);
    masks.others |= bits256(_mm256_or_si256(_mm256_cmpeq_epi8(bytes, slash), _mm256_cmpeq_epi8(bytes, u)), part);
    masks.leads |= bits256(_mm256_cmpeq_epi8(bytes, lead), part);
  }
  return masks;
}

// True when the CPU and the operating system support AVX2 (the OS saves the
// YMM registers: OSXSAVE, and XCR0's SSE and AVX state bits).
bool cpu_has_avx2() {
  unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx) || !(ecx & bit_OSXSAVE) || !(ecx & bit_AVX)) return false;
  unsigned xcr0_low = 0, xcr0_high = 0;
  __asm__("xgetbv" : "=a"(xcr0_low), "=d"(xcr0_high) : "c"(0));
  if ((xcr0_low & 0x6) != 0x6) return false;
  return __get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) && (ebx & bit_AVX2);
}
#endif

// Scans the 64 bytes at text + *index (their masks made by `Masks`): advances
// *index past them and returns true when none is a byte to stop at; otherwise
// advances it to the first one (or to a backslash whose escape crosses the
// block's end) and returns false.
template <block_masks (*Masks)(const uint8_t *)>
__attribute__((always_inline)) inline bool skip_block(const uint8_t *text, size_t len, size_t *index, size_t *escapes) {
  const block_masks masks = Masks(text + *index);
  // The escaping backslashes (`starts`) and the bytes they escape, without a
  // loop (simdjson's method): in a run of backslashes every other one
  // escapes, from the first; subtracting the run from the odd bits above it
  // tells even-aligned runs from odd-aligned ones.
  const uint64_t odd = 0xAAAAAAAAAAAAAAAAull, b = masks.backslashes;
  const uint64_t codes = (((b << 1) | odd) - b) ^ odd;
  const uint64_t starts = codes & b, escaped = codes ^ b;
  // A backslash on the last byte escapes a byte of the next block: stop on it.
  const uint64_t crossing = starts & (uint64_t(1) << 63);
  // An escaped quote does not end the string; a `\/` or `\u` stops on its backslash.
  uint64_t stops = (masks.stops & ~escaped) | ((masks.others & escaped) >> 1) | crossing;
  for (uint64_t leads = masks.leads; leads != 0; leads &= leads - 1) {
    unsigned at = static_cast<unsigned>(__builtin_ctzll(leads));
    if (separator_at(text, len, *index + at)) stops |= uint64_t(1) << at;
  }
  if (stops == 0) {
    *escapes += bit_count(starts);
    *index += 64;
    return true;
  }
  unsigned first = static_cast<unsigned>(__builtin_ctzll(stops));
  uint64_t before = first == 0 ? 0 : starts & (~uint64_t(0) >> (64 - first));
  *escapes += bit_count(before);
  *index += first;
  return false;
}

// The whole 64-byte blocks from *index; stops where the string's scan must
// stop (false) or when fewer than 64 bytes are left (true).
template <block_masks (*Masks)(const uint8_t *)>
__attribute__((always_inline)) inline bool skip_blocks(const uint8_t *text, size_t len, size_t *index, size_t *escapes) {
  while (*index + 64 <= len) {
    if (!skip_block<Masks>(text, len, index, escapes)) {
      // Stopped at a backslash whose escape crosses the block (plain or not: look byte by byte).
      if (!skip_one(text, len, index, escapes)) return false;
    }
  }
  return true;
}

bool sse2_skip_blocks(const uint8_t *text, size_t len, size_t *index, size_t *escapes) {
  return skip_blocks<sse2_masks>(text, len, index, escapes);
}

#if defined(CSJ_AVX2_DISPATCH)
__attribute__((target("avx2"))) bool avx2_skip_blocks(const uint8_t *text, size_t len, size_t *index, size_t *escapes) {
  return skip_blocks<avx2_masks>(text, len, index, escapes);
}
#endif
#endif

// The bytes after the whole blocks (or all of them, kernel 0), one at a time.
void skip_rest(const uint8_t *text, size_t len, size_t *index, size_t *escapes) {
  while (*index < len && skip_one(text, len, index, escapes)) {
  }
}

// The fastest kernel this build and CPU have (numbered as for
// csj_skip_plain_string_text_with; each has those below it), found on the
// first call (relaxed atomics: threads that race on it store the same value).
int best_kernel() {
  static int best = -1;
  int kernel = __atomic_load_n(&best, __ATOMIC_RELAXED);
  if (kernel < 0) {
#if defined(CSJ_AVX2_DISPATCH)
    kernel = cpu_has_avx2() ? 2 : 1;
#elif defined(__SSE2__)
    kernel = 1;
#else
    kernel = 0;
#endif
    __atomic_store_n(&best, kernel, __ATOMIC_RELAXED);
  }
  return kernel;
}

}  // namespace

extern "C" int csj_skip_plain_string_text_with(int kernel, const uint8_t *text, size_t len, size_t *index, size_t *escapes) {
  if (text == nullptr || kernel < 0 || kernel > best_kernel()) return 0;
  switch (kernel) {
#if defined(__SSE2__)
    case 1:
      if (!sse2_skip_blocks(text, len, index, escapes)) return 1;
      break;
#endif
#if defined(CSJ_AVX2_DISPATCH)
    case 2:
      if (!avx2_skip_blocks(text, len, index, escapes)) return 1;
      break;
#endif
    default:
      break;
  }
  skip_rest(text, len, index, escapes);
  return 1;
}

extern "C" void csj_skip_plain_string_text(const uint8_t *text, size_t len, size_t *index, size_t *escapes) {
  csj_skip_plain_string_text_with(best_kernel(), text, len, index, escapes);
}
