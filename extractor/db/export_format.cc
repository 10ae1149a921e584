// JSONL and CSV rendering of QuoteRecord. Both go through one list of typed
// fields, so adding a column means adding it to ExportColumns() and Fields()
// only.
#include "db/export_format.h"

#include <charconv>
#include <cmath>
#include <optional>

#include "core/unicode.h"

namespace guillemet::db {
namespace {

struct Field {
  enum Type { kText, kNumber, kNull } type;
  std::string value;  // Text, or a number already formatted.
};

Field Text(std::string_view s) { return {Field::kText, std::string(s)}; }
Field OptionalText(const std::optional<std::string>& s) {
  return s ? Text(*s) : Field{Field::kNull, ""};
}
Field Number(size_t n) { return {Field::kNumber, std::to_string(n)}; }
Field OptionalNumber(const std::optional<size_t>& n) {
  return n ? Number(*n) : Field{Field::kNull, ""};
}

std::vector<Field> Fields(const QuoteRecord& r) {
  const Quotation& q = r.quotation;
  return {Text(r.doc_id),
          Number(r.ordinal),
          Text(q.date),
          OptionalText(q.speaker),
          OptionalText(q.speaker_id),
          Text(q.quote),
          Text(QuoteKindName(q.kind)),
          {Field::kNumber, FormatNumber(q.confidence)},
          Text(q.method),
          Text(q.cue),
          Text(q.mention),
          Text(r.context),
          Text(r.url),
          Text(r.title),
          Number(q.start),
          Number(q.end),
          Number(q.byte_start),
          Number(q.byte_end),
          OptionalNumber(q.mention_start),
          OptionalNumber(q.mention_end)};
}

// Copies `text`, turning each invalid byte into U+FFFD: export files are
// read by tools that reject malformed UTF-8 outright.
void AppendValidUtf8(std::string_view text, std::string* out) {
  for (size_t i = 0; i < text.size();) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      out->push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    size_t start = i;
    char32_t c = DecodeUtf8(text, &i);
    if (c == 0xFFFD && i - start == 1) {
      AppendUtf8(0xFFFD, out);
    } else {
      out->append(text.substr(start, i - start));
    }
  }
}

void AppendCsvField(const Field& field, std::string* out) {
  if (field.type == Field::kNull) return;
  if (field.value.find_first_of(",\"\r\n") == std::string::npos) {
    AppendValidUtf8(field.value, out);
    return;
  }
  std::string valid;
  AppendValidUtf8(field.value, &valid);
  out->push_back('"');
  for (char c : valid) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

}  // namespace

const std::vector<std::string>& ExportColumns() {
  static const std::vector<std::string>* const kColumns = new std::vector<std::string>{
      "doc",        "ordinal", "date",       "speaker",  "speaker_id",    "quote",      "kind",
      "confidence", "method",  "cue",        "mention",  "context",       "url",        "title",
      "start",      "end",     "byte_start", "byte_end", "mention_start", "mention_end"};
  return *kColumns;
}

std::string FormatNumber(double value) {
  if (!std::isfinite(value)) return "0";
  char buf[32];
  auto result = std::to_chars(buf, buf + sizeof(buf), value);
  return std::string(buf, result.ptr);
}

void AppendJsonString(std::string_view text, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  std::string valid;
  AppendValidUtf8(text, &valid);
  out->push_back('"');
  for (char ch : valid) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      default:
        if (c < 0x20) {
          *out += "\\u00";
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 0xF]);
        } else {
          out->push_back(ch);
        }
    }
  }
  out->push_back('"');
}

void AppendJsonLine(const QuoteRecord& record, std::string* out) {
  const std::vector<std::string>& columns = ExportColumns();
  std::vector<Field> fields = Fields(record);
  out->push_back('{');
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendJsonString(columns[i], out);
    out->push_back(':');
    switch (fields[i].type) {
      case Field::kText:
        AppendJsonString(fields[i].value, out);
        break;
      case Field::kNumber:
        *out += fields[i].value;
        break;
      case Field::kNull:
        *out += "null";
        break;
    }
  }
  *out += "}\n";
}

std::string CsvHeader() {
  std::string out;
  for (const std::string& column : ExportColumns()) {
    if (!out.empty()) out.push_back(',');
    out += column;
  }
  out += "\r\n";
  return out;
}

void AppendCsvRow(const QuoteRecord& record, std::string* out) {
  std::vector<Field> fields = Fields(record);
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendCsvField(fields[i], out);
  }
  *out += "\r\n";
}

}  // namespace guillemet::db
