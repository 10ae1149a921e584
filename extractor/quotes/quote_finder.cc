#include "quotes/quote_finder.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "core/tsv.h"
#include "core/unicode.h"

namespace guillemet::quotes {

Status QuoteMarks::Load(const std::string& path, QuoteMarks* out) {
  std::map<std::string, int> families;
  QuoteMarks marks;
  Status s = ReadTsv(path, [&](int, const std::vector<std::string_view>& f) -> std::string {
    if (f.size() != 3) return "expected GLYPH<TAB>ROLE<TAB>FAMILY";
    Mark m;
    m.glyph = std::string(f[0]);
    if (m.glyph.empty()) return "empty glyph";
    if (f[1] == "open") {
      m.role = kOpen;
    } else if (f[1] == "close") {
      m.role = kClose;
    } else if (f[1] == "both") {
      m.role = kBoth;
    } else {
      return "role must be open, close or both, not '" + std::string(f[1]) + "'";
    }
    auto it = families.emplace(std::string(f[2]), static_cast<int>(families.size())).first;
    m.family = it->second;
    for (const Mark& other : marks.marks_) {
      if (other.glyph == m.glyph) return "mark '" + m.glyph + "' listed twice";
    }
    marks.marks_.push_back(std::move(m));
    return "";
  });
  if (!s.ok()) return s;
  if (marks.marks_.empty()) return Status::Error(path + ": no quotation mark defined");
  if (marks.marks_.size() > UINT16_MAX) return Status::Error(path + ": too many quotation marks");
  std::stable_sort(marks.marks_.begin(), marks.marks_.end(), [](const Mark& a, const Mark& b) {
    const unsigned char x = static_cast<unsigned char>(a.glyph[0]);
    const unsigned char y = static_cast<unsigned char>(b.glyph[0]);
    return x != y ? x < y : a.glyph.size() > b.glyph.size();
  });
  for (size_t k = marks.marks_.size(); k-- > 0;) {
    const unsigned char b = static_cast<unsigned char>(marks.marks_[k].glyph[0]);
    marks.first_[b] = static_cast<uint16_t>(k);
    if (marks.end_[b] == 0) marks.end_[b] = static_cast<uint16_t>(k + 1);
    marks.first_bytes_.Add(b);
    if (b >= 0x80 && b <= 0xBF) marks.starts_on_code_points_ = false;
  }
  *out = std::move(marks);
  return Status::OK();
}

namespace {

constexpr char32_t kLeftGuillemet = 0xAB, kRightGuillemet = 0xBB;
constexpr char32_t kSingleLeftGuillemet = 0x2039, kLeftDouble = 0x201C;
constexpr char32_t kLeftSingle = 0x2018, kRightSingle = 0x2019;

struct MarkAt {
  uint32_t begin, end;
  const QuoteMarks::Mark* mark;
  char32_t glyph;  // First code point of the glyph.
  char32_t before, after;  // Neighbouring code points (0 at paragraph edges).
};

bool IsOpeningPunct(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == 0x2014 || c == 0x2013 || c == '-' || c == '/' ||
         c == ':';
}
bool IsClosingPunct(char32_t c) {
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == ']' || c == 0x2026 || c == 0x2014 || c == 0x2013 || c == '-';
}
bool IsWordy(char32_t c) { return IsLetter(c) || IsDigit(c); }

// Quotations nested deeper than this are dropped, with a warning. Real
// articles nest two or three levels (« ... “ ... ‘ ... ’ ... ” ... »);
// deeper nesting is junk, and each level would hold a copy of the text of
// all those inside it: n nested marks would cost O(n^2) time and memory.
constexpr int kMaxDepth = 8;

struct OpenQuote {
  size_t mark;             // Index in the paragraph's marks.
  uint32_t content_begin;  // After the opening mark.
  int family;
  int below = -1;          // Stack index of the next open quotation of the same family.
  std::vector<Span> earlier_parts;  // Parts in previous paragraphs, if continued.
  uint32_t outer_begin;
  int first_paragraph;
};

Span Trim(std::string_view text, Span s) {
  while (s.begin < s.end) {
    size_t p = s.begin;
    char32_t c = DecodeUtf8(text, &p);
    if (!IsSpace(c)) break;
    s.begin = static_cast<uint32_t>(p);
  }
  while (s.end > s.begin) {
    size_t start;
    char32_t c = DecodeUtf8Before(text, s.end, &start);
    if (!IsSpace(c)) break;
    s.end = static_cast<uint32_t>(start);
  }
  return s;
}

// "— Jens Stoltenberg (@jensstoltenberg) 25 mai 2017": the line after an
// embedded post.
const RE2& AuthorLineRe() {
  static const RE2* re =
      new RE2(R"(^\s*(?:—|–|-|―)\s*([^\s(@][^(@]*?)\s*\(@[A-Za-z0-9_]{1,30}\)(?:\s|$))");
  return *re;
}

class Finder {
 public:
  Finder(std::string_view text, const QuoteMarks& marks, const ReportingClauseProbe& probe)
      : text_(text), marks_(marks), probe_(probe) {}

  QuoteFinderResult Run() {
    std::vector<Span> paragraphs = SplitParagraphs();
    for (size_t p = 0; p < paragraphs.size(); ++p) {
      ScanParagraph(static_cast<int>(p), paragraphs[p]);
    }
    FlushCarried();
    SortQuotes();
    FindTweets(paragraphs);
    SortQuotes();
    // Depth by a sweep: a quotation inside another one's marks is nested.
    std::vector<uint32_t> open_ends;
    for (Quote& q : result_.quotes) {
      while (!open_ends.empty() && open_ends.back() <= q.outer.begin) open_ends.pop_back();
      q.depth = static_cast<int>(open_ends.size());
      open_ends.push_back(q.outer.end);
    }
    // Dropping the deepest ones changes no other quotation's depth.
    const size_t found = result_.quotes.size();
    result_.quotes.erase(std::remove_if(result_.quotes.begin(), result_.quotes.end(),
                                        [](const Quote& q) { return q.depth >= kMaxDepth; }),
                         result_.quotes.end());
    if (const size_t dropped = found - result_.quotes.size()) {
      result_.warnings.push_back(std::to_string(dropped) + " quotation" +
                                 (dropped > 1 ? "s" : "") + " nested more than " +
                                 std::to_string(kMaxDepth) + " deep ignored");
    }
    // The text of a quotation, only now: with at most kMaxDepth levels,
    // all of them together hold at most kMaxDepth copies of the text.
    for (Quote& q : result_.quotes) {
      for (const Span& part : q.parts) {
        if (!q.text.empty()) q.text.push_back(' ');
        q.text.append(text_.substr(part.begin, part.size()));
      }
    }
    // Tweet authors follow their quotations through the sort (the last
    // author given a start wins).
    std::unordered_map<uint32_t, int> author_of_begin;
    for (size_t a = 0; a < tweet_quote_begin_.size(); ++a) {
      author_of_begin[tweet_quote_begin_[a]] = static_cast<int>(a);
    }
    result_.tweet_author_of_quote.assign(result_.quotes.size(), -1);
    for (size_t i = 0; i < result_.quotes.size(); ++i) {
      if (!result_.quotes[i].tweet) continue;
      auto it = author_of_begin.find(result_.quotes[i].outer.begin);
      if (it != author_of_begin.end()) result_.tweet_author_of_quote[i] = it->second;
    }
    return std::move(result_);
  }

 private:
  void SortQuotes() {
    std::sort(result_.quotes.begin(), result_.quotes.end(), [](const Quote& a, const Quote& b) {
      return a.outer.begin != b.outer.begin ? a.outer.begin < b.outer.begin
                                            : a.outer.end > b.outer.end;
    });
  }

  std::vector<Span> SplitParagraphs() {
    static const ByteSet kLineBreaks = {'\n', '\r'};
    std::vector<Span> out;
    uint32_t start = 0;
    const uint32_t size = static_cast<uint32_t>(text_.size());
    for (uint32_t i = 0;; ++i) {
      i = static_cast<uint32_t>(kLineBreaks.Find(text_, i, size));
      if (i > start) out.push_back({start, i});
      if (i == size) break;
      start = i + 1;
    }
    return out;
  }

  // The marks of a paragraph, each with the code points around it. Only
  // the bytes that may start a mark are looked at; the code point before a
  // mark is then decoded backwards, which gives what decoding forwards from
  // the paragraph's start would (see BeforeMark).
  void MarksOf(Span paragraph, std::vector<MarkAt>* found) {
    if (!marks_.StartsOnCodePoints()) return MarksOfDecoding(paragraph, found);
    std::vector<MarkAt>& marks = *found;
    marks.clear();
    for (size_t i = marks_.NextCandidate(text_, paragraph.begin, paragraph.end);
         i < paragraph.end; i = marks_.NextCandidate(text_, i, paragraph.end)) {
      const QuoteMarks::Mark* m = marks_.MatchAt(text_, i);
      if (m == nullptr || i + m->glyph.size() > paragraph.end) {
        DecodeUtf8(text_, &i);  // Over the code point, as decoding would.
        continue;
      }
      marks.push_back(MarkFound(paragraph, i, m, BeforeMark(paragraph, i, marks)));
      i = marks.back().end;
    }
  }

  // The mark m found at byte i of the paragraph, with the code point
  // before it (as the caller knows it) and the one after it.
  MarkAt MarkFound(Span paragraph, size_t i, const QuoteMarks::Mark* m, char32_t before) const {
    MarkAt at;
    at.begin = static_cast<uint32_t>(i);
    at.end = static_cast<uint32_t>(i + m->glyph.size());
    at.mark = m;
    size_t g = i;
    at.glyph = DecodeUtf8(text_, &g);
    at.before = before;
    size_t a = at.end;
    at.after = a < paragraph.end ? DecodeUtf8(text_, &a) : 0;
    return at;
  }

  // The code point before a mark at `pos`: 0 at the paragraph's start, the
  // first code point of a mark that ends there, else the code point ending
  // there. Decoding backwards agrees with decoding forwards: a well-formed
  // sequence ending at `pos` starts with a lead byte, where forward decoding
  // also starts a code point; otherwise both read the single byte before
  // `pos` (U+FFFD unless it is ASCII).
  char32_t BeforeMark(Span paragraph, size_t pos, const std::vector<MarkAt>& marks) const {
    if (pos == paragraph.begin) return 0;
    if (!marks.empty() && marks.back().end == pos) return marks.back().glyph;
    size_t start;
    return DecodeUtf8Before(text_, pos, &start);
  }

  // MarksOf by decoding every code point: for marks that may start with a
  // continuation byte, where skipping to candidate bytes could land inside
  // a code point.
  void MarksOfDecoding(Span paragraph, std::vector<MarkAt>* found) {
    std::vector<MarkAt>& marks = *found;
    marks.clear();
    char32_t before = 0;
    for (size_t i = paragraph.begin; i < paragraph.end;) {
      const QuoteMarks::Mark* m = marks_.MatchAt(text_, i);
      if (m != nullptr && i + m->glyph.size() <= paragraph.end) {
        marks.push_back(MarkFound(paragraph, i, m, before));
        i = marks.back().end;
        before = marks.back().glyph;
        continue;
      }
      before = DecodeUtf8(text_, &i);
    }
  }

  // Whether s holds a letter or a digit. Nested quotations ask about spans
  // that end alike and start one mark apart, so the last stretch found
  // without any is remembered and jumped over: n nested marks cost one scan
  // of their text, not n.
  bool HasWord(Span s) {
    uint32_t p = s.begin;
    bool found = false;
    while (p < s.end) {
      if (p >= wordless_.begin && p < wordless_.end) {
        p = wordless_.end;
        continue;
      }
      size_t next = p;
      if (IsWordy(DecodeUtf8(text_, &next))) {
        found = true;
        break;
      }
      p = static_cast<uint32_t>(next);
    }
    // No letter or digit starts in [s.begin, p), jumps included.
    if (p > s.begin) wordless_ = {s.begin, p};
    return found;
  }

  // The next non-space code point after `pos` in the paragraph (0 at its end).
  char32_t NextNonSpace(uint32_t pos, Span paragraph) {
    size_t p = pos;
    while (p < paragraph.end) {
      char32_t c = DecodeUtf8(text_, &p);
      if (!IsSpace(c)) return c;
    }
    return 0;
  }

  void ScanParagraph(int index, Span paragraph) {
    paragraph_first_quote_ = result_.quotes.size();
    paragraph_min_begin_ = UINT32_MAX;
    // The lists below are members, emptied here, so that their memory
    // serves every paragraph of the article.
    std::vector<MarkAt>& marks = paragraph_marks_;
    MarksOf(paragraph, &marks);
    std::vector<OpenQuote>& stack = stack_;
    stack.clear();
    // The innermost open quotation of each family, through OpenQuote::below:
    // a mark finds its own family's in constant time however deep the stack.
    std::vector<int>& top_of_family = top_of_family_;
    top_of_family.clear();
    auto push = [&](OpenQuote q) {
      const size_t f = static_cast<size_t>(q.family);
      if (f >= top_of_family.size()) top_of_family.resize(f + 1, -1);
      q.below = top_of_family[f];
      top_of_family[f] = static_cast<int>(stack.size());
      stack.push_back(std::move(q));
    };
    auto truncate = [&](size_t size) {
      for (; stack.size() > size; stack.pop_back()) {
        top_of_family[static_cast<size_t>(stack.back().family)] = stack.back().below;
      }
    };
    size_t first_mark = 0;
    // A quotation left open by the previous paragraph continues here when
    // this one starts with a mark of its family (the French way).
    if (carried_.has_value()) {
      bool continues = false;
      if (!marks.empty() && Trim(text_, {paragraph.begin, marks[0].begin}).empty() &&
          marks[0].mark->family == carried_->family) {
        continues = true;
      }
      if (continues) {
        OpenQuote q = std::move(*carried_);
        q.earlier_parts.push_back(Trim(text_, {q.content_begin, carried_paragraph_.end}));
        q.mark = 0;
        q.content_begin = marks[0].end;
        push(std::move(q));
        first_mark = 1;
      } else {
        Recover(*carried_, carried_paragraph_, carried_paragraph_.end);
      }
      carried_.reset();
    }
    // Open quotes and the paragraph end.
    std::vector<std::pair<OpenQuote, uint32_t>>& unmatched = unmatched_;
    unmatched.clear();
    for (size_t i = first_mark; i < marks.size(); ++i) {
      const MarkAt& m = marks[i];
      const int family = m.mark->family;
      int same = static_cast<size_t>(family) < top_of_family.size() ? top_of_family[family] : -1;
      const bool space_before = m.before == 0 || IsSpace(m.before);
      const bool space_after = m.after == 0 || IsSpace(m.after);
      const bool opener_shape = (space_before || IsApostrophe(m.before) ||
                                 IsOpeningPunct(m.before) || m.before == kLeftGuillemet) &&
                                !space_after && m.after != 0 && !IsClosingPunct(m.after);
      const bool closer_shape = !space_before && (space_after || IsClosingPunct(m.after) ||
                                                  marks_.MatchAt(text_, m.end) != nullptr);
      // Followed by a comma, a full stop or the end of the paragraph.
      const char32_t next_visible = NextNonSpace(m.end, paragraph);
      const bool ends_clause = next_visible == 0 || IsClosingPunct(next_visible);
      enum { kSkip, kOpenIt, kCloseIt } action = kSkip;
      switch (m.mark->role) {
        case QuoteMarks::kOpen: {
          const bool guillemet = m.glyph == kLeftGuillemet || m.glyph == kSingleLeftGuillemet;
          char32_t next = NextNonSpace(m.end, paragraph);
          if (m.glyph == kLeftSingle && IsWordy(m.before) && IsWordy(m.after)) {
            action = kSkip;  // d‘établir: an apostrophe.
          } else if (guillemet && same >= 0 && (next == 0 || IsClosingPunct(next))) {
            action = kCloseIt;  // « ... « , a-t-il dit
          } else if (m.glyph == kLeftDouble && closer_shape && !opener_shape) {
            action = kCloseIt;  // “ ... “, a expliqué (or an orphan: lost opener)
          } else if (m.glyph == kLeftSingle && !opener_shape) {
            action = kSkip;
          } else if (!opener_shape && ends_clause && !stack.empty()) {
            action = kCloseIt;  // « ... “, a-t-il ajouté
          } else {
            action = kOpenIt;
          }
          break;
        }
        case QuoteMarks::kClose: {
          const bool single = m.glyph == kRightSingle;
          if (single && IsWordy(m.before) && IsWordy(m.after)) {
            action = kSkip;  // l’Otan
          } else if (same < 0 && (opener_shape || (m.before == 0 && !space_after))) {
            action = single ? kSkip : kOpenIt;  // l' »agression », qualifiée d'”obsolète”
          } else if (same < 0) {
            action = single ? kSkip : kCloseIt;  // Orphan closer; maybe a lost opener.
          } else {
            action = kCloseIt;
          }
          break;
        }
        case QuoteMarks::kBoth: {
          if (same >= 0) {
            action = (opener_shape && !closer_shape) ? kOpenIt : kCloseIt;
          } else {
            action = (opener_shape || !closer_shape) ? kOpenIt : kCloseIt;
          }
          break;
        }
      }
      // A page that opens with one family and closes with another
      // (« ... “, a-t-il ajouté): the closing-shaped mark closes what is open.
      if (action == kCloseIt && same < 0 && !stack.empty() && (closer_shape || ends_clause) &&
          m.glyph != kRightSingle && m.mark->role != QuoteMarks::kBoth) {
        same = static_cast<int>(stack.size()) - 1;
      }
      if (action == kOpenIt) {
        OpenQuote q;
        q.mark = i;
        q.content_begin = m.end;
        q.family = family;
        q.outer_begin = m.begin;
        q.first_paragraph = index;
        push(std::move(q));
      } else if (action == kCloseIt) {
        if (same >= 0) {
          for (size_t k = same + 1; k < stack.size(); ++k) {
            unmatched.push_back({std::move(stack[k]), m.begin});
          }
          OpenQuote q = std::move(stack[same]);
          truncate(same);
          Emit(q, {q.content_begin, m.begin}, m.end, index, false);
        } else {
          OrphanCloser(index, paragraph, m);
        }
      }
    }
    // The innermost quotation left open may continue in the next paragraph;
    // others are closed by inference.
    for (OpenQuote& q : stack) unmatched.push_back({std::move(q), paragraph.end});
    std::sort(unmatched.begin(), unmatched.end(), [](const auto& a, const auto& b) {
      return a.first.content_begin < b.first.content_begin;
    });
    std::vector<uint32_t>& closed_begins = closed_begins_;
    closed_begins.clear();
    for (size_t k = paragraph_first_quote_; k < result_.quotes.size(); ++k) {
      closed_begins.push_back(result_.quotes[k].outer.begin);
    }
    std::sort(closed_begins.begin(), closed_begins.end());
    for (size_t k = 0; k < unmatched.size(); ++k) {
      OpenQuote& q = unmatched[k].first;
      uint32_t next_open = k + 1 < unmatched.size() ? unmatched[k + 1].first.outer_begin
                                                   : unmatched[k].second;
      // A later quotation of the same paragraph bounds this one, unless it
      // ends the paragraph: "« … un monsieur m'a dit : “…”" then "« …"
      // on the next line is one quotation holding another.
      auto later = std::upper_bound(closed_begins.begin(), closed_begins.end(), q.content_begin);
      if (later != closed_begins.end() && *later < next_open &&
          !(k + 1 == unmatched.size() && NestedToTheParagraphEnd(*later, q.family, paragraph))) {
        next_open = *later;
      }
      bool last = k + 1 == unmatched.size() && unmatched[k].second == paragraph.end &&
                  next_open == paragraph.end;
      if (last && HasWord({q.content_begin, paragraph.end})) {
        carried_ = std::move(q);
        carried_paragraph_ = paragraph;
      } else {
        Recover(q, paragraph, next_open);
      }
    }
  }

  // An opening mark that never closed: the quotation runs to the last clause
  // boundary before the next quotation, else to the end of its paragraph.
  void Recover(const OpenQuote& q, Span paragraph, uint32_t limit) {
    uint32_t end = std::min(limit, paragraph.end);
    if (limit < paragraph.end) {
      uint32_t cut = 0;
      for (uint32_t p = q.content_begin; p < end; ++p) {
        if (text_[p] == ',' || text_[p] == ';') cut = p;
      }
      if (cut != 0) end = cut;
    }
    if (!q.earlier_parts.empty()) {
      // Continued over paragraphs and then never closed: keep what we have.
      Quote out;
      out.parts = q.earlier_parts;
      Span last = Trim(text_, {q.content_begin, end});
      if (HasWord(last)) out.parts.push_back(last);
      out.outer = {q.outer_begin, end};
      out.paragraph = q.first_paragraph;
      out.repaired = true;
      Finish(&out);
      return;
    }
    Span inner = Trim(text_, {q.content_begin, end});
    if (!HasWord(inner)) return;
    Quote out;
    out.parts.push_back(inner);
    out.outer = {q.outer_begin, end};
    out.paragraph = q.first_paragraph;
    out.repaired = true;
    Finish(&out);
  }

  // Whether the quotation of this paragraph that opens at `begin` has
  // marks of another family than `family` (so that it may sit inside a
  // quotation of that family) and closes with nothing but punctuation
  // after it.
  bool NestedToTheParagraphEnd(uint32_t begin, int family, Span paragraph) {
    const QuoteMarks::Mark* mark = marks_.MatchAt(text_, begin);
    if (mark == nullptr || mark->family == family) return false;
    for (size_t k = paragraph_first_quote_; k < result_.quotes.size(); ++k) {
      const Quote& q = result_.quotes[k];
      if (q.outer.begin == begin) return !HasWord({q.outer.end, paragraph.end});
    }
    return false;
  }

  void FlushCarried() {
    if (carried_.has_value()) Recover(*carried_, carried_paragraph_, carried_paragraph_.end);
    carried_.reset();
  }

  void Emit(const OpenQuote& q, Span content, uint32_t outer_end, int paragraph, bool repaired) {
    Quote out;
    out.parts = q.earlier_parts;
    Span inner = Trim(text_, content);
    if (HasWord(inner)) out.parts.push_back(inner);
    if (out.parts.empty()) return;
    out.outer = {q.outer_begin, outer_end};
    out.paragraph = q.first_paragraph;
    out.repaired = repaired;
    Finish(&out);
  }

  // A closing mark with no opening one: at the start of a paragraph the
  // opening mark was lost, which a reporting clause right after confirms.
  void OrphanCloser(int index, Span paragraph, const MarkAt& m) {
    if (paragraph_min_begin_ < m.begin) return;  // A quotation already stands before it.
    if (!probe_ || !probe_(m.end)) return;
    uint32_t begin = paragraph.begin;
    // Skip a leading dash of dialogue.
    Span inner = Trim(text_, {begin, m.begin});
    while (inner.begin < inner.end) {
      size_t p = inner.begin;
      char32_t c = DecodeUtf8(text_, &p);
      if (c != 0x2014 && c != 0x2013 && c != '-') break;
      inner = Trim(text_, {static_cast<uint32_t>(p), inner.end});
    }
    if (!HasWord(inner)) return;
    Quote out;
    out.parts.push_back(inner);
    out.outer = {inner.begin, m.end};
    out.paragraph = index;
    out.repaired = true;
    Finish(&out);
  }

  // Its text is filled in by Run, once the quotations too deeply nested
  // are dropped.
  void Finish(Quote* q) {
    paragraph_min_begin_ = std::min(paragraph_min_begin_, q->outer.begin);
    result_.quotes.push_back(std::move(*q));
  }

  // "— Jens Stoltenberg (@jensstoltenberg) 25 mai 2017": the paragraph
  // before it is the post, unless it holds quotations of its own.
  void FindTweets(const std::vector<Span>& paragraphs) {
    const RE2& kAuthorLine = AuthorLineRe();
    for (size_t p = 1; p < paragraphs.size(); ++p) {
      Span line = paragraphs[p];
      // The author line always has "(@": most paragraphs are skipped here.
      if (text_.substr(line.begin, line.size()).find("(@") == std::string_view::npos) continue;
      re2::StringPiece name;
      if (!RE2::PartialMatch(re2::StringPiece(text_.data() + line.begin, line.size()),
                             kAuthorLine, &name)) {
        continue;
      }
      size_t prev = p - 1;
      while (prev > 0 && Trim(text_, paragraphs[prev]).empty()) --prev;
      Span post = Trim(text_, paragraphs[prev]);
      if (!HasWord(post)) continue;
      // Quotations are sorted by start; a nested one lies inside its parent.
      auto overlapping = std::lower_bound(
          result_.quotes.begin(), result_.quotes.end(), post.end,
          [](const Quote& q, uint32_t end) { return q.outer.begin < end; });
      // Whether one of the quotations before `overlapping` ends after the
      // post starts: the greatest end among them, kept as tweets are added.
      for (size_t i = max_end_before_.size(); i < result_.quotes.size(); ++i) {
        max_end_before_.push_back(std::max(max_end_before_.empty() ? 0u : max_end_before_.back(),
                                           result_.quotes[i].outer.end));
      }
      const size_t before = static_cast<size_t>(overlapping - result_.quotes.begin());
      if (before > 0 && max_end_before_[before - 1] > post.begin) continue;
      Quote out;
      out.parts.push_back(post);
      out.outer = post;
      out.paragraph = static_cast<int>(prev);
      out.tweet = true;
      uint32_t name_begin = static_cast<uint32_t>(name.data() - text_.data());
      result_.tweet_authors.push_back({name_begin, name_begin + static_cast<uint32_t>(name.size())});
      tweet_quote_begin_.push_back(post.begin);
      Finish(&out);
    }
  }

  std::string_view text_;
  const QuoteMarks& marks_;
  const ReportingClauseProbe& probe_;
  QuoteFinderResult result_;
  std::optional<OpenQuote> carried_;
  size_t paragraph_first_quote_ = 0;  // Quotations emitted while scanning this paragraph.
  uint32_t paragraph_min_begin_ = UINT32_MAX;
  Span carried_paragraph_;  // Where the carried quotation was left open.
  std::vector<uint32_t> tweet_quote_begin_;
  std::vector<uint32_t> max_end_before_;  // FindTweets: greatest end of quotes[0..i].
  Span wordless_{0, 0};  // HasWord: a stretch known to hold no letter or digit.
  // ScanParagraph's working lists, kept from one paragraph to the next so
  // that their memory is allocated once per article, not per paragraph.
  std::vector<MarkAt> paragraph_marks_;
  std::vector<OpenQuote> stack_;
  std::vector<int> top_of_family_;
  std::vector<std::pair<OpenQuote, uint32_t>> unmatched_;
  std::vector<uint32_t> closed_begins_;
};

}  // namespace

void CompileQuotePatterns() { AuthorLineRe(); }

QuoteFinderResult FindQuotes(std::string_view text, const QuoteMarks& marks,
                             const ReportingClauseProbe& reporting_clause_at) {
  return Finder(text, marks, reporting_clause_at).Run();
}

}  // namespace guillemet::quotes
