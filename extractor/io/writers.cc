#include "io/writers.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "core/unicode.h"
#include "io/text_escape.h"

namespace guillemet {
namespace io {
namespace {

void AppendNumber(size_t value, std::string* out) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out->append(digits, static_cast<size_t>(end - digits));
}

// Writes `,"key":` (the comma separates it from the previous key) at
// `text`, which has room for N + 3 bytes, and returns the end.
template <size_t N>
char* WriteKey(const char (&key)[N], char* text) {
  text[0] = ',';
  text[1] = '"';
  std::memcpy(text + 2, key, N - 1);
  text[N + 1] = '"';
  text[N + 2] = ':';
  return text + N + 3;
}

// Appends `,"key":` in one append: the key's text is a literal, so its
// JSON form is made at compile time.
template <size_t N>
void Key(const char (&key)[N], std::string* out) {
  char text[N + 3];
  out->append(text, static_cast<size_t>(WriteKey(key, text) - text));
}

// Appends `,"key":value` in one append, value a number or null: a quotation
// has six of them, and one append costs more than writing the digits.
template <size_t N>
void KeyAndNumber(const char (&key)[N], const std::optional<size_t>& value, std::string* out) {
  char text[N + 3 + 24];
  char* end = WriteKey(key, text);
  if (value) {
    end = std::to_chars(end, text + sizeof text, *value).ptr;
  } else {
    std::memcpy(end, "null", 4);
    end += 4;
  }
  out->append(text, static_cast<size_t>(end - text));
}

template <size_t N>
void JsonOptionalString(const char (&key)[N], const std::string* value, std::string* out) {
  Key(key, out);
  if (value == nullptr) {
    out->append("null");
  } else {
    AppendJsonString(*value, out);
  }
}

const std::string* NonEmpty(const std::string& s) { return s.empty() ? nullptr : &s; }
const std::string* Present(const std::optional<std::string>& s) { return s ? &*s : nullptr; }

class JsonlSink : public Sink {
 public:
  explicit JsonlSink(OutputStream* stream) : out_(stream) {}
  bool Write(std::string_view doc, const Quotation& quotation) override {
    AppendQuotationJson(doc, quotation, out_.buffer());
    out_.buffer()->push_back('\n');
    return out_.Commit();
  }
  bool Finish() override { return out_.Flush(); }

 private:
  BufferedOutput out_;
};

class CsvSink : public Sink {
 public:
  explicit CsvSink(OutputStream* stream) : out_(stream) { out_.buffer()->append(kCsvHeader); }
  bool Write(std::string_view doc, const Quotation& q) override {
    std::string* out = out_.buffer();
    auto field = [out](std::string_view text) {
      AppendCsvField(text, out);
      out->push_back(',');
    };
    auto number = [out](std::optional<size_t> value) {
      if (value) AppendNumber(*value, out);
      out->push_back(',');
    };
    field(doc);
    field(q.quote);
    number(q.start);
    number(q.end);
    number(q.byte_start);
    number(q.byte_end);
    field(QuoteKindName(q.kind));
    field(q.speaker ? *q.speaker : std::string_view());
    field(q.speaker_id ? *q.speaker_id : std::string_view());
    field(q.mention);
    number(q.mention_start);
    number(q.mention_end);
    field(q.cue);
    field(q.method);
    if (std::isfinite(q.confidence)) AppendConfidence(q.confidence, out);
    out->push_back(',');
    AppendCsvField(q.date, out);
    out->append("\r\n");
    return out_.Commit();
  }
  bool Finish() override { return out_.Flush(); }

 private:
  BufferedOutput out_;
};

// Appends `text` on one line, cut to `width` code points (the last one an
// ellipsis when cut) and padded with spaces to `width` when `pad`. Control
// characters become spaces so that a quote never breaks the row.
void AppendCell(std::string_view text, size_t width, bool pad, std::string* out) {
  std::string clean;
  AppendValidUtf8(text, &clean);
  size_t count = CountCodePoints(clean);
  size_t keep = count <= width ? count : (width == 0 ? 0 : width - 1);
  size_t pos = 0;
  for (size_t i = 0; i < keep; ++i) {
    size_t start = pos;
    char32_t c = DecodeUtf8(clean, &pos);
    if (c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029) {
      out->push_back(' ');
    } else {
      out->append(clean, start, pos - start);
    }
  }
  if (keep < count && width > 0) out->append("\xE2\x80\xA6");  // …
  if (pad) out->append(width - std::min(width, count), ' ');
}

class TableSink : public Sink {
 public:
  TableSink(OutputStream* stream, int width) : out_(stream) {
    // Fixed column widths: rows are streamed, so the widest value of a
    // column is never known in advance. The quote takes what is left.
    quote_width_ = width > kFixed + 10 ? width - kFixed : 10;
    std::string* out = out_.buffer();
    Row("DOC", "KIND", "CONF", "SPEAKER", "QUOTE", out);
    out->append(std::string(static_cast<size_t>(kFixed) + quote_width_, '-'));
    out->push_back('\n');
  }
  bool Write(std::string_view doc, const Quotation& q) override {
    std::string confidence;
    AppendConfidence(q.confidence, &confidence);
    Row(doc, QuoteKindName(q.kind), confidence, q.speaker ? *q.speaker : "-", q.quote,
        out_.buffer());
    return out_.Commit();
  }
  bool Finish() override { return out_.Flush(); }

 private:
  static constexpr int kDoc = 16, kKind = 7, kConf = 5, kSpeaker = 24;
  static constexpr int kFixed = kDoc + kKind + kConf + kSpeaker + 8;  // Two spaces between.

  void Row(std::string_view doc, std::string_view kind, std::string_view confidence,
           std::string_view speaker, std::string_view quote, std::string* out) {
    AppendCell(doc, kDoc, true, out);
    out->append("  ");
    AppendCell(kind, kKind, true, out);
    out->append("  ");
    AppendCell(confidence, kConf, true, out);
    out->append("  ");
    AppendCell(speaker, kSpeaker, true, out);
    out->append("  ");
    AppendCell(quote, quote_width_, false, out);
    out->push_back('\n');
  }

  BufferedOutput out_;
  size_t quote_width_;
};

int TerminalWidth(OutputStream* stream) {
  if (stream->IsTerminal()) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  }
  if (const char* columns = std::getenv("COLUMNS")) {
    int n = std::atoi(columns);
    if (n > 0) return n;
  }
  return 120;
}

}  // namespace

bool ParseFormat(std::string_view name, Format* format) {
  if (name == "jsonl") {
    *format = Format::kJsonl;
  } else if (name == "csv") {
    *format = Format::kCsv;
  } else if (name == "table") {
    *format = Format::kTable;
  } else {
    return false;
  }
  return true;
}

void AppendConfidence(double value, std::string* out) {
  if (!std::isfinite(value)) {
    out->append("null");
    return;
  }
  long long thousandths = std::llround(value * 1000);
  if (thousandths < 0) {
    out->push_back('-');
    thousandths = -thousandths;
  }
  AppendNumber(static_cast<size_t>(thousandths / 1000), out);
  int frac = static_cast<int>(thousandths % 1000);
  if (frac == 0) return;
  char digits[4] = {static_cast<char>('0' + frac / 100), static_cast<char>('0' + frac / 10 % 10),
                    static_cast<char>('0' + frac % 10), 0};
  size_t len = 3;
  while (digits[len - 1] == '0') --len;
  out->push_back('.');
  out->append(digits, len);
}

void AppendQuotationJson(std::string_view doc, const Quotation& q, std::string* out) {
  out->append("{\"doc\":");
  AppendJsonString(doc, out);
  Key("quote", out);
  AppendJsonString(q.quote, out);
  KeyAndNumber("start", q.start, out);
  KeyAndNumber("end", q.end, out);
  KeyAndNumber("byte_start", q.byte_start, out);
  KeyAndNumber("byte_end", q.byte_end, out);
  Key("kind", out);
  AppendJsonString(QuoteKindName(q.kind), out);
  JsonOptionalString("speaker", Present(q.speaker), out);
  JsonOptionalString("speaker_id", Present(q.speaker_id), out);
  JsonOptionalString("mention", NonEmpty(q.mention), out);
  KeyAndNumber("mention_start", q.mention_start, out);
  KeyAndNumber("mention_end", q.mention_end, out);
  JsonOptionalString("cue", NonEmpty(q.cue), out);
  Key("method", out);
  AppendJsonString(q.method, out);
  Key("confidence", out);
  AppendConfidence(q.confidence, out);
  JsonOptionalString("date", NonEmpty(q.date), out);
  out->push_back('}');
}

std::unique_ptr<Sink> MakeSink(Format format, OutputStream* stream, int table_width) {
  switch (format) {
    case Format::kCsv:
      return std::make_unique<CsvSink>(stream);
    case Format::kTable:
      return std::make_unique<TableSink>(stream,
                                         table_width > 0 ? table_width : TerminalWidth(stream));
    case Format::kJsonl:
      break;
  }
  return std::make_unique<JsonlSink>(stream);
}

}  // namespace io
}  // namespace guillemet
