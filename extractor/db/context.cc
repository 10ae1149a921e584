// ContextSentence: a byte scan outwards from the quotation. Only ASCII bytes
// ('.', '!', '?', '\n') are tested as boundaries, and those never occur
// inside a UTF-8 sequence, so the scan needs no decoding except at the edges.
#include "db/context.h"

#include <algorithm>

#include "core/unicode.h"

namespace guillemet::db {
namespace {

// How far from a forced cut we look for a space to avoid cutting a word.
constexpr size_t kWordSlack = 40;

bool IsContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

bool IsClosingMark(char32_t c) {
  return c == U'»' || c == U'”' || c == U'"' || c == U'’' || c == ')' || c == ']';
}

bool IsTerminator(char c) { return c == '.' || c == '!' || c == '?'; }

// True when the '.' at `pos` follows a lone capital, as in "M. Macron" or
// "J. Chirac": an abbreviation, not the end of a sentence.
bool AfterInitial(std::string_view text, size_t pos) {
  if (pos == 0) return false;
  size_t letter_start = 0;
  char32_t letter = DecodeUtf8Before(text, pos, &letter_start);
  if (!IsUpper(letter)) return false;
  if (letter_start == 0) return true;
  size_t unused = 0;
  return !IsLetter(DecodeUtf8Before(text, letter_start, &unused));
}

// After a terminator, keeps what still belongs to the sentence: more
// terminators ("?!") and closing marks, including the space French puts
// before them ("non ! »").
size_t AbsorbSentenceEnd(std::string_view text, size_t hi) {
  while (hi < text.size()) {
    size_t j = hi;
    while (j < text.size()) {
      size_t k = j;
      char32_t c = DecodeUtf8(text, &k);
      if (c == '\n' || !IsSpace(c)) break;
      j = k;
    }
    if (j >= text.size()) break;
    size_t k = j;
    char32_t c = DecodeUtf8(text, &k);
    if (!IsClosingMark(c) && !(c < 0x80 && IsTerminator(static_cast<char>(c)))) break;
    hi = k;
  }
  return hi;
}

// text[pos] is '.', '!' or '?': does a sentence end there? It must be
// followed by a space or a closing mark, and what comes next must not
// continue the sentence: a lowercase word or a comma, as in
// "« Pourquoi pas ? » demande-t-elle" or "etc. et".
bool EndsSentence(std::string_view text, size_t pos) {
  size_t next = pos + 1;
  if (next >= text.size()) return true;
  char32_t c = DecodeUtf8(text, &next);
  if (!IsSpace(c) && !IsClosingMark(c)) return false;
  if (text[pos] == '.' && AfterInitial(text, pos)) return false;
  size_t after = AbsorbSentenceEnd(text, pos + 1);
  while (after < text.size()) {
    size_t k = after;
    c = DecodeUtf8(text, &k);
    if (c == '\n') return true;
    if (!IsSpace(c)) break;
    after = k;
  }
  if (after >= text.size()) return true;
  size_t k = after;
  c = DecodeUtf8(text, &k);
  return !IsLower(c) && c != ',' && c != ';' && c != ':';
}

size_t TrimFront(std::string_view text, size_t lo, size_t hi) {
  while (lo < hi) {
    size_t k = lo;
    if (!IsSpace(DecodeUtf8(text, &k))) break;
    lo = k;
  }
  return lo;
}

size_t TrimBack(std::string_view text, size_t lo, size_t hi) {
  while (hi > lo) {
    size_t start = hi;
    if (!IsSpace(DecodeUtf8Before(text, hi, &start))) break;
    hi = start;
  }
  return hi;
}

}  // namespace

std::string ContextSentence(std::string_view text, size_t byte_start, size_t byte_end,
                            size_t max_side) {
  const size_t size = text.size();
  size_t start = std::min(byte_start, size);
  size_t end = std::clamp(byte_end, start, size);
  // Offsets from a foreign extractor might split a character; widen them.
  while (start > 0 && start < size && IsContinuationByte(text[start])) --start;
  while (end < size && IsContinuationByte(text[end])) ++end;

  // Left edge: just after the previous boundary, or a cut max_side away.
  const size_t left_limit = start > max_side ? start - max_side : 0;
  size_t lo = left_limit;
  bool found = false;
  for (size_t i = start; i > left_limit; --i) {
    char c = text[i - 1];
    if (c == '\n' || (IsTerminator(c) && EndsSentence(text, i - 1))) {
      lo = i;
      found = true;
      break;
    }
  }
  if (!found && left_limit > 0) {
    while (lo < start && IsContinuationByte(text[lo])) ++lo;
    size_t window = std::min(start, lo + kWordSlack);
    for (size_t i = lo; i < window; ++i) {
      if (text[i] == ' ') {
        lo = i + 1;
        break;
      }
    }
  }

  // Right edge: just after the next terminator, or a cut max_side away.
  const size_t right_limit = std::min(size, end + max_side);
  size_t hi = right_limit;
  found = false;
  // A quotation that ends its own sentence ("« Pourquoi pas ? » Puis...")
  // has its boundary inside the span, where the scan below does not look.
  if (end > start && IsTerminator(text[end - 1]) && EndsSentence(text, end - 1)) {
    hi = AbsorbSentenceEnd(text, end);
    found = true;
  }
  for (size_t i = end; i < right_limit && !found; ++i) {
    char c = text[i];
    if (c == '\n') {
      hi = i;
      found = true;
      break;
    }
    if (IsTerminator(c) && EndsSentence(text, i)) {
      hi = AbsorbSentenceEnd(text, i + 1);
      found = true;
      break;
    }
  }
  if (!found && right_limit < size) {
    while (hi > end && IsContinuationByte(text[hi])) --hi;
    size_t floor = std::max(end, hi > kWordSlack ? hi - kWordSlack : 0);
    for (size_t i = hi; i > floor; --i) {
      if (text[i - 1] == ' ') {
        hi = i - 1;
        break;
      }
    }
  }

  lo = TrimFront(text, lo, hi);
  hi = TrimBack(text, lo, hi);
  return std::string(text.substr(lo, hi - lo));
}

}  // namespace guillemet::db
