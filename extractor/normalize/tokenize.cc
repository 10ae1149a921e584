#include "normalize/tokenize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>

#include "core/unicode.h"

namespace guillemet::normalize {
namespace {

// Elided words that stand apart from the next word ("l'Otan", "qu'il").
// Anything else with an inner apostrophe stays whole ("aujourd'hui", "O'Brien").
bool IsElisionPrefix(std::string_view folded) {
  static constexpr std::string_view kPrefixes[] = {"l",  "d",  "qu", "n",     "s",      "c",      "j",
                                          "m",  "t",  "jusqu", "lorsqu", "puisqu", "quoiqu",
                                          "presqu"};
  for (std::string_view p : kPrefixes) {
    if (folded == p) return true;
  }
  return false;
}

bool IsWordChar(char32_t c) { return IsLetter(c) || IsDigit(c) || c == 0xBA || c == 0xAA; }

// Eight bytes at a time, and done at the first byte past ASCII: asked of
// words of a few bytes, where a loop that the compiler vectorises for long
// strings spends its time in set-up and tail.
bool IsAscii(std::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if ((word & 0x8080808080808080ull) != 0) return false;
  }
  for (; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
  }
  return true;
}

// ASCII letters and digits by byte, for the plain word scan: 0 for any other
// byte, else 4 | 2 for a letter | 1 for an uppercase letter.
constexpr std::array<uint8_t, 256> kAsciiClass = [] {
  std::array<uint8_t, 256> table{};
  for (int b = '0'; b <= '9'; ++b) table[b] = 4;
  for (int b = 'a'; b <= 'z'; ++b) table[b] = 4 | 2;
  for (int b = 'A'; b <= 'Z'; ++b) table[b] = 4 | 2 | 1;
  return table;
}();

// What PlainWord adds up per byte: 1 for an uppercase letter, and
// 1 << 32 for any letter. One addition a byte, where it counted letters and
// capitals apart; a word is shorter than 4 GiB, so neither count overflows
// into the other.
constexpr std::array<uint64_t, 256> kLetterCounts = [] {
  std::array<uint64_t, 256> table{};
  for (int b = 'a'; b <= 'z'; ++b) table[b] = uint64_t{1} << 32;
  for (int b = 'A'; b <= 'Z'; ++b) table[b] = (uint64_t{1} << 32) | 1;
  return table;
}();

// By the table: one load, where comparisons were three ranges.
bool IsAsciiAlnum(unsigned char b) { return kAsciiClass[b] != 0; }

// The letters of Latin-1 (U+00C0 to U+00FF but × and ÷) are two bytes in
// UTF-8, C3 then 80 to BF: é, è, à, ç, ê, ô and their capitals, nearly
// every accented letter of French. By their second byte, what
// PlainWord adds up for one, as kLetterCounts does for ASCII (0 for × and
// ÷, which are no letters): À to Þ (80 to 9E) are uppercase, ß to ÿ
// (9F to BF) lowercase, as ICU classes them.
constexpr std::array<uint64_t, 256> kLatin1LetterCounts = [] {
  std::array<uint64_t, 256> table{};
  for (int b = 0x80; b <= 0xBF; ++b) {
    if (b == 0x97 || b == 0xB7) continue;  // × and ÷.
    table[b] = (uint64_t{1} << 32) | (b <= 0x9E ? 1 : 0);
  }
  return table;
}();

// Whether text[pos, pos + 2) is a Latin-1 letter, with pos + 1 < limit.
bool IsLatin1LetterAt(const unsigned char* bytes, size_t pos, size_t limit) {
  return pos + 1 < limit && bytes[pos] == 0xC3 && kLatin1LetterCounts[bytes[pos + 1]] != 0;
}

// A byte of the lowercase (FoldCase) of a word of ASCII letters and digits
// and Latin-1 letters, from the byte at the same place in the word: ASCII
// capitals move up by 32, and the second byte of À to Þ (C3 80 to C3 9E)
// by 0x20, to à to þ. Such a word has no other byte from 80 to 9E.
// A function object, so that Norm::AssignMapped inlines it.
constexpr auto kLowercaseLatin1WordByte = [](char c) {
  const unsigned char b = static_cast<unsigned char>(c);
  return (b >= 'A' && b <= 'Z') || (b >= 0x80 && b <= 0x9E && b != 0x97) ? static_cast<char>(b + 0x20) : c;
};

bool HasCombiningMark(std::string_view s) {
  // U+0300..U+036F encode as CC 80..CD AF.
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b == 0xCC || (b == 0xCD && static_cast<unsigned char>(s[i + 1]) <= 0xAF)) return true;
  }
  return false;
}

// Lowercase and NFC: *out is the word's norm; *shape, the case of the
// word's letters, read in the same pass.
void Normalize(std::string_view word, std::string* out, CaseShape* shape) {
  out->clear();
  AppendFoldCaseWithShape(word, out, shape);
  if (!HasCombiningMark(*out)) return;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return;
  icu::UnicodeString us = icu::UnicodeString::fromUTF8(*out);
  icu::UnicodeString composed = nfc->normalize(us, status);
  if (U_FAILURE(status)) return;
  out->clear();
  composed.toUTF8String(*out);
}

class Tokenizer {
 public:
  Tokenizer(std::string_view text, std::vector<Token>* out) : text_(text), out_(out) {}

  void Run(Span span, const std::vector<Quote>& quotes) {
    // The next top-level quotation not yet passed, and its bounds (SIZE_MAX
    // when none is left): looked up again only once the scan reaches its
    // end, rather than tested at every token.
    size_t next_quote = 0;
    size_t quote_begin = SIZE_MAX, quote_end = SIZE_MAX;
    bool line_start = true;
    size_t i = span.begin;
    auto find_next_quote = [&] {
      while (next_quote < quotes.size() &&
             (quotes[next_quote].depth > 0 || quotes[next_quote].outer.end <= i)) {
        ++next_quote;
      }
      const bool any = next_quote < quotes.size();
      quote_begin = any ? quotes[next_quote].outer.begin : SIZE_MAX;
      quote_end = any ? quotes[next_quote].outer.end : SIZE_MAX;
    };
    find_next_quote();
    while (i < span.end) {
      if (i >= quote_end) find_next_quote();
      if (quote_begin == i) {
        Token& t = Add(Token::kQuote, quote_begin, quote_end, line_start);
        t.quote = static_cast<int>(next_quote);
        line_start = false;
        i = quote_end;
        continue;
      }
      const unsigned char byte = static_cast<unsigned char>(text_[i]);
      if (byte == ' ') {  // As the general case below would: not a line break, a space.
        ++i;
        continue;
      }
      if (IsAsciiAlnum(byte) || byte == 0xC3) {
        const size_t limit = std::min<size_t>(span.end, quote_begin);
        if (size_t end = PlainWord(i, limit, line_start); end != 0) {
          line_start = false;
          i = end;
          continue;
        }
      }
      size_t start = i;
      char32_t c = DecodeUtf8(text_, &i);
      if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
        line_start = true;
        continue;
      }
      if (IsSpace(c) || c == 0xFFFD || c < 0x20) continue;
      if (IsWordChar(c)) {
        i = start;
        size_t end = ScanWord(i, span.end, quote_begin);
        EmitWord(start, end, line_start);
        line_start = false;
        i = end;
        continue;
      }
      Token& t = Add(Token::kPunct, start, i, line_start);
      t.norm.AssignVerbatim(text_.substr(start, i - start));
      line_start = false;
    }
  }

 private:
  // Most words are ASCII letters and digits, and Latin-1 letters ("été",
  // "déclaré"), ended by a space or a mark that cannot join: ScanWord,
  // EmitWord and EmitGlued would make them one token, its norm the word
  // lowercased (FoldCase; NFC changes none of these letters). Such a word
  // at `start` is tokenised here in one pass; returns its end, or 0
  // (nothing done) for any other word, which the general path then reads:
  // one followed by a character that may continue it (see EndsPlainWord),
  // or glued to the next one by a capital ("suivantPaul").
  size_t PlainWord(size_t start, size_t limit, bool line_start) {
    const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text_.data());
    size_t end = start;
    uint64_t counts = 0;
    bool latin1 = false;  // Whether the word has a Latin-1 letter.
    for (;;) {
      for (; end < limit && kAsciiClass[bytes[end]] != 0; ++end) counts += kLetterCounts[bytes[end]];
      if (!IsLatin1LetterAt(bytes, end, limit)) break;
      counts += kLatin1LetterCounts[bytes[end + 1]];
      latin1 = true;
      end += 2;
    }
    const uint64_t letters = counts >> 32, upper = counts & 0xFFFFFFFF;
    if (end == start) return 0;
    if (end < limit && !EndsPlainWord(end)) return 0;
    const bool capitalized = bytes[start] == 0xC3 ? bytes[start + 1] <= 0x9E
                                                  : bytes[start] >= 'A' && bytes[start] <= 'Z';
    if (latin1) {
      // A capital after the first letter is left to the general path, for
      // glued words as below: rare with accents ("ÉTAT").
      if (upper > (capitalized ? 1 : 0)) return 0;
      Token& t = AddPlainWord(start, end, line_start, capitalized, letters, upper);
      t.norm.AssignMapped(text_.substr(start, end - start), kLowercaseLatin1WordByte);
      return end;
    }
    // Glued words ("suivantPaul"), which EmitGlued splits, need a capital
    // after the first letter.
    if (upper > (capitalized ? 1 : 0)) {
      size_t lower_run = 0;
      for (size_t k = start; k < end; ++k) {
        const unsigned char b = bytes[k];
        if (b >= 'A' && b <= 'Z' && lower_run >= 4) return 0;
        lower_run = b >= 'a' && b <= 'z' ? lower_run + 1 : 0;
      }
    }
    Token& t = AddPlainWord(start, end, line_start, capitalized, letters, upper);
    t.norm.AssignAsciiWord(text_.substr(start, end - start));
    return end;
  }

  // The token of a word of PlainWord, its norm left to the caller.
  Token& AddPlainWord(size_t start, size_t end, bool line_start, bool capitalized, uint64_t letters,
                      uint64_t upper) {
    Token& t = Add(Token::kWord, start, end, line_start);
    t.capitalized = capitalized;
    t.all_caps = letters >= 2 && upper == letters;
    return t;
  }

  // Whether the character at `pos`, after ASCII letters and digits, ends the
  // word for ScanWord: neither a word character nor one that may join two
  // parts of a word (a hyphen, an apostrophe, a period or comma after a
  // digit).
  bool EndsPlainWord(size_t pos) const {
    const unsigned char next = static_cast<unsigned char>(text_[pos]);
    if (next == '.' || next == ',') {
      const unsigned char last = static_cast<unsigned char>(text_[pos - 1]);
      return !(last >= '0' && last <= '9');
    }
    if (next < 0x80) return next != '-' && next != '\'' && !IsAsciiAlnum(next);
    size_t after = pos;
    const char32_t c = DecodeUtf8(text_, &after);
    return !IsWordChar(c) && c != 0x2011 && !IsApostrophe(c);
  }

  // A word: letters and digits, with inner hyphens, apostrophes and periods
  // between digits ("12.000") kept inside.
  size_t ScanWord(size_t i, size_t limit, size_t quote_begin) {
    size_t end = i;
    limit = std::min(limit, quote_begin);
    const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text_.data());
    while (end < limit) {
      // ASCII letters and digits, the bulk of every word, need no decoding.
      if (IsAsciiAlnum(bytes[end])) {
        ++end;
        continue;
      }
      size_t j = end;
      char32_t c = DecodeUtf8(text_, &j);
      if (IsWordChar(c)) {
        end = j;
        continue;
      }
      bool joiner = c == '-' || c == 0x2011 || IsApostrophe(c) ||
                    ((c == '.' || c == ',') && end > i && IsDigit(PrevChar(end)));
      // "d'”obsolète”": an elision before a quotation mark keeps its apostrophe.
      if (IsApostrophe(c) && IsElisionPrefix(Folded(text_.substr(i, end - i)))) {
        size_t k = j;
        if (j >= limit || !IsWordChar(DecodeUtf8(text_, &k))) {
          end = j;
          break;
        }
      }
      if (!joiner || j >= limit) break;
      size_t k = j;
      char32_t next = DecodeUtf8(text_, &k);
      if (!IsWordChar(next)) break;
      if ((c == '.' || c == ',') && !IsDigit(next)) break;
      end = j;
    }
    return end;
  }

  // FoldCase(text), in a reused buffer.
  const std::string& Folded(std::string_view text) {
    prefix_.clear();
    AppendFoldCase(text, &prefix_);
    return prefix_;
  }

  char32_t PrevChar(size_t pos) {
    size_t start;
    return DecodeUtf8Before(text_, pos, &start);
  }

  void EmitWord(size_t start, size_t end, bool line_start) {
    // Elisions: split after the apostrophe of "l'", "d'", "qu'"... An
    // ASCII word without ' has none.
    const std::string_view word = text_.substr(start, end - start);
    const bool ascii = IsAscii(word);
    size_t i = start;
    while (i < end && !(ascii && word.find('\'') == std::string_view::npos)) {
      size_t j = i;
      size_t apostrophe = std::string_view::npos, after = 0;
      while (j < end) {
        size_t k = j;
        char32_t c = DecodeUtf8(text_, &k);
        if (IsApostrophe(c)) {
          apostrophe = j;
          after = k;
          break;
        }
        if (c == '-') break;
        j = k;
      }
      if (apostrophe == std::string_view::npos) break;
      std::string& prefix = prefix_;
      Folded(text_.substr(i, apostrophe - i));
      if (!IsElisionPrefix(prefix)) break;
      prefix.push_back('\'');
      if (after >= end) {  // The word is only the elision: "d'" before a mark.
        Token& t = MakeWord(i, end, line_start, ascii);
        t.elided = true;
        t.norm.AssignVerbatim(prefix);
        return;
      }
      Token& t = MakeWord(i, after, line_start, ascii);
      t.elided = true;
      t.norm.AssignVerbatim(prefix);
      line_start = false;
      i = after;
    }
    if (i >= end) return;
    // Inversion clitics: "a-t-il" -> "a" "-t-il"; "dit-elle" -> "dit" "-elle".
    static const char* const kClitics[] = {"-t-ils", "-t-elles", "-t-il", "-t-elle", "-t-on",
                                           "-ils",   "-elles",   "-il",   "-elle",   "-on"};
    // Every clitic has a hyphen, and only a hyphen folds to one.
    if (text_.substr(i, end - i).find('-') == std::string_view::npos) {
      EmitGlued(i, end, line_start, ascii);
      return;
    }
    std::string folded = FoldCase(text_.substr(i, end - i));
    for (const char* clitic : kClitics) {
      std::string_view cl(clitic);
      if (folded.size() > cl.size() && folded.compare(folded.size() - cl.size(), cl.size(), cl) == 0) {
        size_t cut = end - cl.size();
        // The clitic must be lowercase in the text: "Saint-On" is a name.
        if (text_.substr(cut, cl.size()) != cl) break;
        EmitGlued(i, cut, line_start, ascii);
        Token& t = Add(Token::kClitic, cut, end, false);
        t.norm.AssignVerbatim(cl.substr(cl.rfind('-') + 1));
        return;
      }
    }
    EmitGlued(i, end, line_start, ascii);
  }

  // Scraped pages glue words together ("Article suivantPaul Casey"). A
  // capital after a run of four or more lowercase letters starts a new word;
  // "McDonald", "LaPresse" or "iPhone" have shorter runs and stay whole.
  // `ascii`: the caller knows the bytes to be ASCII (a part of an ASCII
  // word), so that they are not scanned again to find out.
  void EmitGlued(size_t start, size_t end, bool line_start, bool ascii) {
    size_t piece = start;
    size_t lower_run = 0;
    if (ascii || IsAscii(text_.substr(start, end - start))) {
      for (size_t i = start; i < end; ++i) {
        const char c = text_[i];
        if (c >= 'A' && c <= 'Z' && lower_run >= 4) {
          MakeWord(piece, i, line_start, /*ascii=*/true);
          line_start = false;
          piece = i;
        }
        lower_run = (c >= 'a' && c <= 'z') ? lower_run + 1 : 0;
      }
      MakeWord(piece, end, line_start, /*ascii=*/true);
      return;
    }
    for (size_t i = start; i < end;) {
      size_t at = i;
      char32_t c = DecodeUtf8(text_, &i);
      if (IsUpper(c) && lower_run >= 4) {
        MakeWord(piece, at, line_start, /*ascii=*/false);
        line_start = false;
        piece = at;
      }
      lower_run = IsLower(c) ? lower_run + 1 : 0;
    }
    MakeWord(piece, end, line_start, /*ascii=*/false);
  }

  // Appends the word text_[start, end) to the tokens and returns it;
  // `ascii` as for EmitGlued.
  Token& MakeWord(size_t start, size_t end, bool line_start, bool ascii) {
    Token& t = out_->emplace_back();
    t.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
    t.type = Token::kWord;
    t.line_start = line_start;
    std::string_view word = text_.substr(start, end - start);
    int letters = 0, upper = 0;
    if (ascii || IsAscii(word)) {
      // Folding and NFC only lowercase ASCII; its classes need no table.
      t.norm.AssignAsciiWord(word);
      t.capitalized = !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
      for (char c : word) {
        const bool is_upper = c >= 'A' && c <= 'Z';
        letters += is_upper || (c >= 'a' && c <= 'z');
        upper += is_upper;
      }
      t.all_caps = letters >= 2 && upper == letters;
      return t;
    }
    // Folded into a string of its own, moved into the token: a copy from
    // a reused buffer was an out-of-line string assignment per word.
    std::string norm;
    CaseShape shape;
    Normalize(word, &norm, &shape);
    t.norm = std::move(norm);
    t.capitalized = shape.first_upper;
    t.all_caps = shape.letters >= 2 && shape.upper == shape.letters;
    return t;
  }

  // Appends a token of `type` for text_[start, end) and returns it.
  Token& Add(Token::Type type, size_t start, size_t end, bool line_start) {
    Token& t = out_->emplace_back();
    t.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
    t.type = type;
    t.line_start = line_start;
    return t;
  }

  std::string_view text_;
  std::vector<Token>* out_;
  std::string prefix_;  // A reused buffer.
};

bool IsApostropheText(std::string_view s) {
  size_t i = 0;
  return !s.empty() && IsApostrophe(DecodeUtf8(s, &i)) && i == s.size();
}

bool EndsSentence(const Token& t) {
  return t.type == Token::kPunct &&
         (t.norm == "." || t.norm == "!" || t.norm == "?" || t.norm == "\xE2\x80\xA6");
}

// "M.", "Mme.", "Dr.", initials: a period after them does not end a sentence.
bool IsAbbreviation(const Token& t) {
  if (t.type != Token::kWord) return false;
  static constexpr std::string_view kAbbreviations[] = {"m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me",
                                               "mgr", "st", "ste", "av", "no", "nº", "art",
                                               "p", "cf", "etc", "env", "gén", "col", "lt"};
  if (t.capitalized && t.span.size() == 1) return true;  // An initial: "Donald J. Trump".
  for (std::string_view a : kAbbreviations) {
    if (NormEquals(t.norm, a) && (t.capitalized || t.norm == "etc" || t.norm == "cf" || t.norm == "env")) {
      return t.norm != "etc";
    }
  }
  return false;
}

bool QuoteEndsWithStop(std::string_view text, const Token& t) {
  // The last non-space, non-mark character inside the quotation.
  size_t pos = t.span.end;
  while (pos > t.span.begin) {
    size_t start;
    char32_t c = DecodeUtf8Before(text, pos, &start);
    if (c == '.' || c == '!' || c == '?' || c == 0x2026) return true;
    if (IsLetter(c) || IsDigit(c)) return false;
    pos = start;
  }
  return false;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text, Span span, const std::vector<Quote>& quotes) {
  std::vector<Token> tokens;
  tokens.reserve(span.size() / 5 + 8);
  Tokenizer(text, &tokens).Run(span, quotes);
  return tokens;
}

std::vector<std::string> TokenizePhrase(std::string_view phrase) {
  std::vector<Token> tokens = Tokenize(phrase, {0, static_cast<uint32_t>(phrase.size())}, {});
  std::vector<std::string> words;
  words.reserve(tokens.size());
  for (Token& t : tokens) {
    // A pattern may end with an elision ("l'", "jusqu'"): keep it whole.
    if (t.type == Token::kPunct && IsApostropheText(t.norm) && !words.empty() &&
        words.back().back() != '\'') {
      words.back() += '\'';
      continue;
    }
    words.push_back(std::move(t.norm));
  }
  return words;
}

std::vector<Sentence> SplitSentences(std::string_view text, std::vector<Token>* tokens) {
  std::vector<Sentence> sentences;
  std::vector<Token>& ts = *tokens;
  int paragraph = -1;
  for (size_t i = 0; i < ts.size(); ++i) {
    bool start = i == 0 || ts[i].line_start;
    if (!start) {
      const Token& prev = ts[i - 1];
      const Token& cur = ts[i];
      // A word opening on an ASCII digit. (IsDigit of the byte, as this
      // read it before: a byte past ASCII, sign-extended, is no code point
      // and no digit, and asking ICU so cost a call per such word.)
      const char first = text[cur.span.begin];
      bool opens = cur.capitalized || cur.type == Token::kQuote ||
                   (cur.type == Token::kWord && first >= '0' && first <= '9');
      if (opens && EndsSentence(prev)) {
        start = i < 2 || !IsAbbreviation(ts[i - 2]) || prev.norm != ".";
        // "poste.Rex": a period glued to a capital still ends a sentence,
        // unless the word before is an abbreviation ("M.Stoltenberg").
      } else if (opens && prev.type == Token::kQuote && QuoteEndsWithStop(text, prev) &&
                 cur.type == Token::kWord) {
        start = true;
      }
    }
    if (start) {
      if (i == 0 || ts[i].line_start) ++paragraph;
      if (!sentences.empty()) sentences.back().end_token = static_cast<int>(i);
      Sentence s;
      s.first_token = static_cast<int>(i);
      s.paragraph = std::max(paragraph, 0);
      sentences.push_back(s);
    }
    ts[i].sentence = static_cast<int>(sentences.size()) - 1;
  }
  if (!sentences.empty()) sentences.back().end_token = static_cast<int>(ts.size());
  return sentences;
}

void TokenizeAnalysis(Analysis* analysis) {
  Analysis& a = *analysis;
  a.tokens = Tokenize(a.text, {0, static_cast<uint32_t>(a.text.size())}, a.quotes);
  for (size_t t = 0; t < a.tokens.size(); ++t) {
    if (a.tokens[t].type == Token::kQuote) {
      a.quotes[a.tokens[t].quote].first_token = static_cast<int>(t);
    }
  }
  a.sentences = SplitSentences(a.text, &a.tokens);
  for (Quote& q : a.quotes) {
    if (q.first_token >= 0) q.sentence = a.tokens[q.first_token].sentence;
  }
}

}  // namespace guillemet::normalize
