// Norm: the type of Token::norm, a word's normal form. It is a std::string
// whose comparisons are inline: the rules compare norms with literals
// ("que", "qu'", ",") many times per token, and std::string's own operator==
// with a const char* is an out-of-line call to compare() and strlen(). Here
// the literal's length folds to a constant and a short memcmp is inlined.
// Converts implicitly to const std::string& and std::string_view, so that
// it passes wherever a string did.
#ifndef GUILLEMET_CORE_NORM_H_
#define GUILLEMET_CORE_NORM_H_

#include <cstdint>
#include <cstddef>
#include <cstring>
#include <iterator>
#include <new>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace guillemet {

class Norm {
 public:
  Norm() = default;
  // Only a literal converts implicitly ("il" in `x ? "il" : t.norm`), so that
  // comparing two other strings never goes through a Norm.
  Norm(const char* s) : s_(s) {}  // NOLINT
  explicit Norm(std::string s) : s_(std::move(s)) {}
  explicit Norm(std::string_view s) : s_(s) {}

  Norm& operator=(std::string s) {
    s_ = std::move(s);
    cache_ = LookUpCache();
    folds_to_itself_ = false;
    return *this;
  }
  Norm& operator=(const char* s) {
    s_ = s;
    cache_ = LookUpCache();
    folds_to_itself_ = false;
    return *this;
  }
  Norm& operator=(std::string_view s) {
    s_.assign(s.data(), s.size());
    cache_ = LookUpCache();
    folds_to_itself_ = false;
    return *this;
  }

  // The norm of an ASCII word: the word lowercased (what folding and NFC
  // make of ASCII), built from the word through an iterator that lowercases
  // as it reads: inline and in one pass, where assign() was an out-of-line
  // call (std::string's _M_replace, about 70 instructions a word) and the
  // lowercasing a second pass.
  void AssignLowercaseAscii(std::string_view ascii) {
    AssignMapped(ascii, [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; });
  }
  // The same for an ASCII word of the tokenizer: letters and digits, maybe
  // joined by hyphens, apostrophes, periods or commas. Lowercased, it has
  // no capital, no white space and no backquote, so that its FoldKey is
  // itself (see FoldsToItself).
  void AssignAsciiWord(std::string_view word) {
    AssignLowercaseAscii(word);
    folds_to_itself_ = true;
  }
  // Known without reading it: FoldKey(*this) == *this. False when not
  // known (ask FoldKeyIsIdentity).
  bool FoldsToItself() const { return folds_to_itself_; }
  // Any text as it is (a punctuation mark, an elision), likewise inline.
  void AssignVerbatim(std::string_view text) { Build(text.data(), text.data() + text.size(), text.size()); }
  // Any text with each byte mapped by `map` (a char -> char function
  // object) as it is read, likewise: the tokenizer lowercases words so.
  template <typename ByteMap>
  void AssignMapped(std::string_view text, ByteMap map) {
    const char* begin = text.data();
    Build(Mapping<ByteMap>{begin, map}, Mapping<ByteMap>{begin + text.size(), map}, text.size());
  }

  // Where the word stands in a lexicon's vocabulary, filled in by the
  // lexicon the first time it is asked about this token (see
  // cues/vocabulary.h): each token is then hashed once, not once per rule.
  // It travels with the string when a token is copied; assigning a new
  // string clears it; comparisons ignore it.
  struct LookUpCache {
    uint32_t owner = 0;   // Id of the vocabulary that filled it; 0 = empty.
    int32_t word = -2;    // Entry of the norm: -1 none, -2 not looked up yet.
    int32_t folded = -2;  // Entry of its FoldKey, likewise.
  };
  LookUpCache& cache() const { return cache_; }

  operator const std::string&() const { return s_; }  // NOLINT
  operator std::string_view() const { return s_; }    // NOLINT
  const std::string& str() const { return s_; }
  const char* c_str() const { return s_.c_str(); }
  const char* data() const { return s_.data(); }
  size_t size() const { return s_.size(); }
  bool empty() const { return s_.empty(); }
  char front() const { return s_.front(); }
  char back() const { return s_.back(); }
  char operator[](size_t i) const { return s_[i]; }
  std::string::const_iterator begin() const { return s_.begin(); }
  std::string::const_iterator end() const { return s_.end(); }

 private:
  // A forward iterator over bytes that reads each through `map`, for
  // AssignMapped.
  template <typename ByteMap>
  struct Mapping {
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = char;
    const char* p;
    ByteMap map;
    char operator*() const { return map(*p); }
    Mapping& operator++() {
      ++p;
      return *this;
    }
    Mapping operator++(int) { return Mapping{p++, map}; }
    bool operator==(const Mapping& other) const { return p == other.p; }
    bool operator!=(const Mapping& other) const { return p != other.p; }
    friend difference_type operator-(const Mapping& a, const Mapping& b) { return a.p - b.p; }
  };

  // The string made anew from [begin, end) (`size` bytes), and the cache
  // cleared. A norm still empty (a token just added) and a short text: the
  // string is constructed in place of the empty one, which holds no memory,
  // so that the bytes are written once; a string of at most 15 bytes lives
  // in its own small buffer (libstdc++ and libc++ alike), so constructing it
  // neither allocates nor throws. Otherwise a new string is moved in.
  template <typename Iterator>
  void Build(Iterator begin, Iterator end, size_t size) {
    if (s_.empty() && size <= kShort) {
      s_.~basic_string();
      ::new (&s_) std::string(begin, end);
    } else {
      s_ = std::string(begin, end);
    }
    cache_ = LookUpCache();
    folds_to_itself_ = false;
  }

  static constexpr size_t kShort = 15;
  std::string s_;
  mutable LookUpCache cache_;
  bool folds_to_itself_ = false;
};

// Forced inline: in a long rule function (the mention finder's TryAt)
// GCC would otherwise call these out of line, and the literal's strlen()
// would then run on every call instead of folding to a constant.
#if defined(__GNUC__)
#define GUILLEMET_NORM_INLINE inline __attribute__((always_inline))
#else
#define GUILLEMET_NORM_INLINE inline
#endif

GUILLEMET_NORM_INLINE bool NormEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size()) == 0;
}

GUILLEMET_NORM_INLINE bool operator==(const Norm& a, const char* b) { return NormEquals(a, b); }
GUILLEMET_NORM_INLINE bool operator==(const char* a, const Norm& b) { return NormEquals(a, b); }
inline bool operator==(const Norm& a, const std::string& b) { return NormEquals(a, b); }
inline bool operator==(const std::string& a, const Norm& b) { return NormEquals(a, b); }
inline bool operator==(const Norm& a, const Norm& b) { return NormEquals(a, b); }
template <typename T>
inline bool operator!=(const Norm& a, const T& b) {
  return !(a == b);
}
inline bool operator!=(const char* a, const Norm& b) { return !(b == a); }
inline bool operator!=(const std::string& a, const Norm& b) { return !(b == a); }

inline std::string operator+(const Norm& a, const char* b) { return a.str() + b; }
inline std::string operator+(const Norm& a, const std::string& b) { return a.str() + b; }
inline std::string operator+(const char* a, const Norm& b) { return a + b.str(); }
inline std::string operator+(const std::string& a, const Norm& b) { return a + b.str(); }
inline std::string operator+(std::string&& a, const Norm& b) { return std::move(a) + b.str(); }

inline std::ostream& operator<<(std::ostream& out, const Norm& n) { return out << n.str(); }

}  // namespace guillemet

#endif  // GUILLEMET_CORE_NORM_H_
