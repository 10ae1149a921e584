// ByteSet: finds the next byte of a small set in a text, sixteen bytes at a
// time. The scans that look for a few bytes among many (the first bytes of
// quotation marks, line breaks) would otherwise test every byte one by one,
// which made them the cost of an article without any quotation.
#ifndef GUILLEMET_CORE_BYTE_SET_H_
#define GUILLEMET_CORE_BYTE_SET_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace guillemet {

class ByteSet {
 public:
  ByteSet() = default;
  ByteSet(std::initializer_list<unsigned char> bytes) {
    for (unsigned char b : bytes) Add(b);
  }

  void Add(unsigned char b) {
    if (contains_[b]) return;
    contains_[b] = true;
    if (distinct_ < kVectorBytes) vector_bytes_[distinct_] = b;
    ++distinct_;
  }
  bool Contains(unsigned char b) const { return contains_[b]; }

  // The first position in text[pos, end) holding a byte of the set, or `end`.
  size_t Find(std::string_view text, size_t pos, size_t end) const {
    const unsigned char* s = reinterpret_cast<const unsigned char*>(text.data());
#if defined(__SSE2__)
    // Up to four bytes are compared in parallel; a larger set (never the
    // case for the patterns shipped) is scanned byte by byte.
    if (distinct_ > 0 && distinct_ <= kVectorBytes) {
      const __m128i b0 = _mm_set1_epi8(static_cast<char>(vector_bytes_[0]));
      const __m128i b1 = _mm_set1_epi8(static_cast<char>(vector_bytes_[Slot(1)]));
      const __m128i b2 = _mm_set1_epi8(static_cast<char>(vector_bytes_[Slot(2)]));
      const __m128i b3 = _mm_set1_epi8(static_cast<char>(vector_bytes_[Slot(3)]));
      for (; pos + 16 <= end; pos += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + pos));
        const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, b0), _mm_cmpeq_epi8(v, b1)),
                                         _mm_or_si128(_mm_cmpeq_epi8(v, b2), _mm_cmpeq_epi8(v, b3)));
        const int mask = _mm_movemask_epi8(hit);
        if (mask != 0) return pos + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
      }
    }
#endif
    while (pos < end && !contains_[s[pos]]) ++pos;
    return pos;
  }

 private:
  static constexpr int kVectorBytes = 4;
  // Unused vector slots repeat the first byte, which changes no answer.
  int Slot(int k) const { return k < distinct_ ? k : 0; }

  bool contains_[256] = {};
  unsigned char vector_bytes_[kVectorBytes] = {};
  int distinct_ = 0;
};

}  // namespace guillemet

#endif  // GUILLEMET_CORE_BYTE_SET_H_
