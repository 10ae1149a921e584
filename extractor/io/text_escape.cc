#include "io/text_escape.h"

#include <cstdint>
#include <cstring>

#include "core/unicode.h"

namespace guillemet {
namespace io {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Bytes that need a look in JSON: controls, '"', '\\' and every non-ASCII
// byte (to validate its sequence). A table keeps the scan loop branch-light.
struct JsonTable {
  bool special[256];
  constexpr JsonTable() : special() {
    for (int c = 0; c < 256; ++c) special[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
  }
};
constexpr JsonTable kJson;

// Copies the valid multi-byte sequence at text[*i] or a U+FFFD for its
// first byte, and advances *i. Returns whether a byte was replaced.
bool CopyNonAscii(std::string_view text, size_t* i, std::string* out) {
  size_t start = *i;
  char32_t c = DecodeUtf8(text, i);
  // DecodeUtf8 returns U+FFFD both for garbage (advancing one byte) and for
  // a real U+FFFD (three bytes); only the first is a replacement.
  if (c == 0xFFFD && *i - start == 1) {
    out->append(kReplacement);
    return true;
  }
  out->append(text.data() + start, *i - start);
  return false;
}

// The same, written at `out` (room for four bytes), returning the end.
char* WriteNonAscii(std::string_view text, size_t* i, char* out) {
  size_t start = *i;
  char32_t c = DecodeUtf8(text, i);
  if (c == 0xFFFD && *i - start == 1) {
    std::memcpy(out, kReplacement.data(), kReplacement.size());
    return out + kReplacement.size();
  }
  std::memcpy(out, text.data() + start, *i - start);
  return out + (*i - start);
}

// A bit set in the byte of each of the 8 bytes at p that is special in
// kJson, and maybe in later bytes too: only the lowest set bit is sure
// (the tests "has a byte less than n" and "has a zero byte" of Bit
// Twiddling Hacks, whose borrows can only flag bytes after a true one).
inline uint64_t JsonSpecialBytes(const char* p) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHighs = 0x8080808080808080ull;
  uint64_t x;
  std::memcpy(&x, p, 8);
  const uint64_t quote = x ^ (kOnes * '"');
  const uint64_t backslash = x ^ (kOnes * '\\');
  const uint64_t control = (x - kOnes * 0x20) & ~x;
  const uint64_t is_quote = (quote - kOnes) & ~quote;
  const uint64_t is_backslash = (backslash - kOnes) & ~backslash;
  return (x | control | is_quote | is_backslash) & kHighs;
}

// The end of the run of bytes from `i` that a JSON string copies as they
// are: up to the first that needs escaping, or a byte past ASCII other
// than a well-formed two-byte sequence.
size_t JsonRunEnd(std::string_view text, size_t i) {
  const size_t n = text.size();
  size_t run = i;
  while (run < n) {
    // Eight bytes at a time up to the first that needs a look: plain
    // ASCII is most of a quotation.
    if (run + 8 <= n) {
      const uint64_t special = JsonSpecialBytes(text.data() + run);
      if (special == 0) {
        run += 8;
        continue;
      }
      run += static_cast<size_t>(__builtin_ctzll(special)) / 8;
    }
    const unsigned char b = static_cast<unsigned char>(text[run]);
    if (!kJson.special[b]) {
      ++run;
      continue;
    }
    // A well-formed two-byte sequence (U+0080 to U+07FF: the accented
    // letters of French, « and ») is copied as it is, as CopyNonAscii
    // would: it stays in the run, appended with it rather than alone.
    if (b >= 0xC2 && b <= 0xDF && run + 1 < n &&
        (static_cast<unsigned char>(text[run + 1]) & 0xC0) == 0x80) {
      run += 2;
      continue;
    }
    break;
  }
  return run;
}

// Writes the escape of the ASCII byte `c` that JSON needs escaped ('"',
// '\\', a control character) at `out`, which has room for six bytes, and
// returns its end.
char* WriteJsonEscape(unsigned char c, char* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  char short_form = 0;
  switch (c) {
    case '"':
      short_form = '"';
      break;
    case '\\':
      short_form = '\\';
      break;
    case '\n':
      short_form = 'n';
      break;
    case '\r':
      short_form = 'r';
      break;
    case '\t':
      short_form = 't';
      break;
    case '\b':
      short_form = 'b';
      break;
    case '\f':
      short_form = 'f';
      break;
    default: {
      const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
      std::memcpy(out, esc, 6);
      return out + 6;
    }
  }
  out[0] = '\\';
  out[1] = short_form;
  return out + 2;
}

// The escaped body of a JSON string, handed to put(data, size) piece by
// piece: runs copied as they are, and each escape or non-ASCII sequence
// written first to a few bytes of its own. One loop for the writer that
// appends and the one that writes in room made beforehand.
template <typename Put>
void PutJsonStringBody(std::string_view text, Put put) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const size_t run = JsonRunEnd(text, i);
    put(text.data() + i, run - i);
    i = run;
    if (i == n) break;
    char piece[6];
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const char* end = c >= 0x80 ? WriteNonAscii(text, &i, piece) : WriteJsonEscape(c, piece);
    if (c < 0x80) ++i;
    put(piece, static_cast<size_t>(end - piece));
  }
}

}  // namespace

size_t AppendValidUtf8(std::string_view text, std::string* out) {
  size_t replaced = 0;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    size_t run = i;
    while (run < n && static_cast<unsigned char>(text[run]) < 0x80) ++run;
    out->append(text.data() + i, run - i);
    i = run;
    if (i < n) replaced += CopyNonAscii(text, &i, out);
  }
  return replaced;
}

void AppendJsonString(std::string_view text, std::string* out) {
  out->push_back('"');
  PutJsonStringBody(text, [out](const char* data, size_t size) { out->append(data, size); });
  out->push_back('"');
}

char* WriteJsonString(std::string_view text, char* out) {
  *out++ = '"';
  PutJsonStringBody(text, [&out](const char* data, size_t size) {
    std::memcpy(out, data, size);
    out += size;
  });
  *out++ = '"';
  return out;
}

void AppendCsvField(std::string_view text, std::string* out) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    AppendValidUtf8(text, out);
    return;
  }
  out->push_back('"');
  size_t i = 0;
  for (;;) {
    size_t quote = text.find('"', i);
    if (quote == std::string_view::npos) {
      AppendValidUtf8(text.substr(i), out);
      break;
    }
    AppendValidUtf8(text.substr(i, quote + 1 - i), out);
    out->push_back('"');  // A quote inside a field is written twice.
    i = quote + 1;
  }
  out->push_back('"');
}

}  // namespace io
}  // namespace guillemet
