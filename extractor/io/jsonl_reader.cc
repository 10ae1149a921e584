#include "io/jsonl_reader.h"

#include <simdjson.h>
#include <spdlog/spdlog.h>

#include <cstring>
#include <vector>

#include "io/input_sources.h"
#include "io/text_escape.h"

namespace guillemet {
namespace io {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

const char* TypeName(element_type type) {
  switch (type) {
    case element_type::ARRAY:
      return "an array";
    case element_type::OBJECT:
      return "an object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      return "a number";
    case element_type::STRING:
      return "a string";
    case element_type::BOOL:
      return "a boolean";
    case element_type::NULL_VALUE:
      return "null";
  }
  return "a value";
}

// simdjson's own messages are long and name its internals; these say what
// a person fixing the file needs to know.
std::string_view ShortReason(simdjson::error_code code) {
  switch (code) {
    case simdjson::UNCLOSED_STRING:
      return "unterminated string";
    case simdjson::STRING_ERROR:
      return "invalid string escape";
    case simdjson::UNESCAPED_CHARS:
      return "unescaped control character in a string";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
      return "invalid literal (expected true, false or null)";
    case simdjson::NUMBER_ERROR:
      return "invalid number";
    case simdjson::DEPTH_ERROR:
      return "nested too deeply";
    case simdjson::UTF8_ERROR:
      return "invalid UTF-8";
    case simdjson::CAPACITY:
    case simdjson::MEMALLOC:
      return "line too large to parse";
    case simdjson::TAPE_ERROR:
      return "invalid structure: a missing comma, colon, key or value";
    default:
      return simdjson::error_message(code);
  }
}

// An ISO-8601 date starts with YYYY-MM-DD; the time part is the extractor's
// business.
bool LooksLikeIsoDate(std::string_view s) {
  if (s.size() < 10) return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return s[4] == '-' && s[7] == '-' && (s.size() == 10 || s[10] == 'T' || s[10] == ' ');
}

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

}  // namespace

struct JsonlReader::Parser {
  simdjson::dom::parser parser;
  std::string repaired;  // The line with invalid UTF-8 replaced, when needed.
};

std::string DescribeJsonError(std::string_view line, std::string_view simdjson_reason) {
  // A bracket-matching pass that skips strings finds the most common
  // mistakes (a truncated line, a stray bracket) and says which.
  std::vector<char> open;
  bool in_string = false;
  bool escaped = false;
  bool closed = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (closed && c != ' ' && c != '\t' && c != '\r') {
      return "unexpected text after the end of the object at byte " + std::to_string(i + 1);
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      open.push_back(c);
    } else if (c == '}' || c == ']') {
      char want = c == '}' ? '{' : '[';
      if (open.empty() || open.back() != want) {
        return std::string("unexpected '") + c + "' at byte " + std::to_string(i + 1);
      }
      open.pop_back();
      closed = open.empty();
    }
  }
  if (in_string) return "unterminated string";
  if (!open.empty())
    return open.back() == '{' ? "missing closing brace" : "missing closing bracket";
  return std::string(simdjson_reason);
}

JsonlReader::JsonlReader(const ReadOptions& options, std::string name)
    : options_(options), name_(std::move(name)), parser_(new Parser) {}

JsonlReader::~JsonlReader() = default;

void JsonlReader::Open(const std::string& path) {
  if (!reader_.Open(path)) open_error_ = "cannot read: " + reader_.error();
}

void JsonlReader::OpenMemory(std::string_view data) { reader_.OpenMemory(data); }

bool JsonlReader::Next(Article* article) {
  if (done_) return false;
  article->file = name_;
  if (!open_error_.empty()) {
    article->error = open_error_;
    done_ = true;
    return true;
  }
  for (;;) {
    const std::string* line = &line_;
    if (cr_next_ != std::string::npos) {
      NextCrSegment();
      line = &segment_;
    } else {
      size_t length = 0;
      ByteReader::Result result = reader_.ReadLine(options_.max_article_bytes, &line_, &length);
      if (!checked_start_) {
        checked_start_ = true;
        // A NUL byte in the first line marks a binary file (an archive,
        // UTF-16 without its byte-order mark): one message for the file
        // rather than one per line. A NUL further down only costs its line.
        if (reader_.LooksBinary() &&
            (result == ByteReader::Result::kTooLong || line_.find('\0') != std::string::npos)) {
          article->error = "binary file (NUL bytes found), skipped";
          done_ = true;
          return true;
        }
      }
      switch (result) {
        case ByteReader::Result::kEnd:
          done_ = true;
          if (items_ > 0) return false;
          if (line_number_ > 0) {
            article->error = "no articles (only blank lines)";
          } else {
            article->error = name_ == kStdinName ? "empty input" : "empty file";
          }
          return true;
        case ByteReader::Result::kError:
          done_ = true;
          article->line = line_number_ + 1;
          article->error = "read error: " + reader_.error();
          return true;
        case ByteReader::Result::kTooLong:
          ++line_number_;
          ++items_;
          article->line = line_number_;
          article->error = "line too long (" + std::to_string(length) +
                           " bytes; --max-article-bytes is " +
                           std::to_string(options_.max_article_bytes) + "), skipped";
          return true;
        case ByteReader::Result::kOk:
          break;
      }
      if (line_number_ == 0) {
        if (reader_.encoding() != ByteReader::Encoding::kUtf8) {
          article->warnings.push_back(reader_.encoding() == ByteReader::Encoding::kUtf16Le
                                          ? "converted from UTF-16LE to UTF-8"
                                          : "converted from UTF-16BE to UTF-8");
        }
        if (line_.compare(0, 3, "\xEF\xBB\xBF") == 0) line_.erase(0, 3);  // UTF-8 BOM.
      }
      // Lines ended by a lone CR (old Mac files) come as one: split them
      // here. A raw CR cannot occur inside a JSON string, so no valid line
      // is cut. (The reader has already dropped the CR of a CRLF.)
      cr_next_ = line_.find('\r');
      if (cr_next_ != std::string::npos) {
        cr_next_ = 0;
        NextCrSegment();
        line = &segment_;
      }
    }
    ++line_number_;
    if (IsBlank(*line)) continue;
    ++items_;
    article->line = line_number_;
    ParseLine(*line, article);
    return true;
  }
}

void JsonlReader::NextCrSegment() {
  size_t cr = line_.find('\r', cr_next_);
  segment_.assign(line_, cr_next_, cr == std::string::npos ? std::string::npos : cr - cr_next_);
  cr_next_ = cr == std::string::npos ? std::string::npos : cr + 1;
}

void JsonlReader::ParseLine(const std::string& line, Article* article) {
  // simdjson reads up to SIMDJSON_PADDING bytes past the end; when the line
  // buffer has that much spare capacity it parses in place, without a copy.
  if (const void* nul = std::memchr(line.data(), '\0', line.size())) {
    article->error = "NUL byte at byte " +
                     std::to_string(static_cast<const char*>(nul) - line.data() + 1) +
                     " of the line (JSON writes it \\u0000)";
    return;
  }
  const std::string* text = &line;
  bool copy = line.capacity() < line.size() + simdjson::SIMDJSON_PADDING;
  element root;
  simdjson::error_code error = parser_->parser.parse(text->data(), text->size(), copy).get(root);
  if (error == simdjson::UTF8_ERROR) {
    // JSON must be UTF-8, so a line with bad bytes cannot be parsed as it
    // is; replace them rather than lose the article.
    parser_->repaired.clear();
    size_t replaced = AppendValidUtf8(line, &parser_->repaired);
    article->warnings.push_back("invalid UTF-8 in the JSON line replaced by U+FFFD (" +
                                std::to_string(replaced) + (replaced == 1 ? " byte)" : " bytes)"));
    text = &parser_->repaired;
    error = parser_->parser.parse(text->data(), text->size(), true).get(root);
  }
  if (error) {
    article->error = "malformed JSON (" + DescribeJsonError(*text, ShortReason(error)) + ")";
    return;
  }
  simdjson::dom::object object;
  if (root.get_object().get(object)) {
    article->error = std::string("not a JSON object (found ") + TypeName(root.type()) + ")";
    return;
  }
  element id, body, date, url, title;
  bool has_id = false, has_body = false, has_date = false, has_url = false, has_title = false;
  for (auto field : object) {
    std::string_view key = field.key;
    if (!has_body && key == options_.text_field) {
      body = field.value, has_body = true;
    } else if (!has_id && key == options_.id_field) {
      id = field.value, has_id = true;
    } else if (!has_date && key == options_.date_field) {
      date = field.value, has_date = true;
    } else if (!has_url && key == options_.url_field) {
      url = field.value, has_url = true;
    } else if (!has_title && key == options_.title_field) {
      title = field.value, has_title = true;
    }
  }

  Document& doc = article->document;
  if (has_id) {
    std::string_view s;
    int64_t i;
    uint64_t u;
    if (!id.get_string().get(s)) {
      doc.id.assign(s.data(), s.size());
    } else if (!id.get_int64().get(i)) {
      doc.id = std::to_string(i);
    } else if (!id.get_uint64().get(u)) {
      doc.id = std::to_string(u);
    } else if (!id.is_null()) {
      article->warnings.push_back("field \"" + options_.id_field + "\" is " + TypeName(id.type()) +
                                  ", not a string or an integer; using " + article->Location() +
                                  " as the id");
    }
  }
  if (doc.id.empty()) {
    doc.id = article->Location();
    spdlog::debug("{}: no \"{}\" field; using {} as the id", doc.id, options_.id_field, doc.id);
  }

  if (!has_body) {
    article->error = "no \"" + options_.text_field + "\" field";
    return;
  }
  std::string_view s;
  if (body.get_string().get(s)) {
    article->error =
        "field \"" + options_.text_field + "\" is " + TypeName(body.type()) + ", not a string";
    return;
  }
  doc.text.assign(s.data(), s.size());

  // Optional fields: a wrong type costs a warning, not the article.
  auto optional = [&](bool has, element value, const std::string& name, std::string* out) {
    if (!has || value.is_null()) return;
    std::string_view v;
    if (value.get_string().get(v)) {
      article->warnings.push_back("field \"" + name + "\" is " + TypeName(value.type()) +
                                  ", not a string; ignored");
      return;
    }
    out->assign(v.data(), v.size());
  };
  optional(has_date, date, options_.date_field, &doc.date);
  optional(has_url, url, options_.url_field, &doc.url);
  optional(has_title, title, options_.title_field, &doc.title);
  if (!doc.date.empty() && !LooksLikeIsoDate(doc.date)) {
    article->warnings.push_back("date \"" + doc.date + "\" is not ISO-8601 (YYYY-MM-DD); ignored");
    doc.date.clear();
  }
}

}  // namespace io
}  // namespace guillemet
