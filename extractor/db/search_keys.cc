// FTS5 query escaping and speaker keys. User input never reaches FTS5
// syntax unquoted: a stray quote or "OR" in a search box must not change the
// meaning of the query or make it fail to parse.
#include "db/search_keys.h"

#include <algorithm>

#include "core/unicode.h"

namespace guillemet::db {
namespace {

bool HasLetterOrDigit(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    char32_t c = DecodeUtf8(text, &i);
    if (IsLetter(c) || IsDigit(c)) return true;
  }
  return false;
}

// Splits on white space as IsSpace sees it, so a no-break space pasted from
// an article separates words too.
std::vector<std::string_view> SplitWords(std::string_view text) {
  std::vector<std::string_view> words;
  size_t word_start = std::string_view::npos;
  for (size_t i = 0; i < text.size();) {
    size_t at = i;
    char32_t c = DecodeUtf8(text, &i);
    if (IsSpace(c)) {
      if (word_start != std::string_view::npos)
        words.push_back(text.substr(word_start, at - word_start));
      word_start = std::string_view::npos;
    } else if (word_start == std::string_view::npos) {
      word_start = at;
    }
  }
  if (word_start != std::string_view::npos) words.push_back(text.substr(word_start));
  return words;
}

}  // namespace

Status BuildFtsQuery(std::string_view words, std::string* query) {
  query->clear();
  std::vector<std::string_view> parts = SplitWords(words);
  if (parts.empty()) return Status::OK();
  for (std::string_view word : parts) {
    bool prefix = false;
    while (!word.empty() && word.back() == '*') {
      word.remove_suffix(1);
      prefix = true;
    }
    if (!HasLetterOrDigit(word)) continue;
    if (!query->empty()) query->push_back(' ');
    query->push_back('"');
    for (char c : word) {
      if (c == '"') query->push_back('"');  // FTS5 escapes a quote by doubling it.
      query->push_back(c);
    }
    query->push_back('"');
    if (prefix) query->push_back('*');
  }
  if (query->empty()) {
    return Status::Error("search words \"" + std::string(words) +
                         "\" contain no letter or digit to look for");
  }
  return Status::OK();
}

std::string SpeakerKey(std::string_view text) {
  std::string folded = FoldKey(text);
  std::replace(folded.begin(), folded.end(), '-', ' ');
  std::string key;
  key.reserve(folded.size());
  for (char c : folded) {
    if (c == ' ' && (key.empty() || key.back() == ' ')) continue;
    key.push_back(c);
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  if (!HasLetterOrDigit(key)) key.clear();
  return key;
}

std::vector<std::string> NameKeys(std::string_view name) {
  std::vector<std::string> keys;
  std::string key = SpeakerKey(name);
  if (key.empty()) return keys;
  keys.push_back(key);
  for (size_t i = 0; i < key.size(); ++i) {
    if (key[i] == ' ' && HasLetterOrDigit(std::string_view(key).substr(i + 1))) {
      keys.push_back(key.substr(i + 1));
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

}  // namespace guillemet::db
