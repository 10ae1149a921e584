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

// At most 32 bytes: a sign, the 19 digits of a long long, a point and three
// decimals; or "null".
char* WriteConfidence(double value, char* out) {
  if (!std::isfinite(value)) {
    std::memcpy(out, "null", 4);
    return out + 4;
  }
  long long thousandths = std::llround(value * 1000);
  if (thousandths < 0) {
    *out++ = '-';
    thousandths = -thousandths;
  }
  out = std::to_chars(out, out + 20, static_cast<size_t>(thousandths / 1000)).ptr;
  int frac = static_cast<int>(thousandths % 1000);
  if (frac == 0) return out;
  char digits[4] = {static_cast<char>('0' + frac / 100), static_cast<char>('0' + frac / 10 % 10),
                    static_cast<char>('0' + frac % 10), 0};
  size_t len = 3;
  while (digits[len - 1] == '0') --len;
  *out++ = '.';
  std::memcpy(out, digits, len);
  return out + len;
}

// A JSON record written at the end of *out, piece by piece, into room made
// ahead of it (Reserve) and cut back to what was written by Finish: where
// each key, number and run of a string was an append, a call to
// std::string's append apiece, a record is now one resize and plain writes.
// A string too long to be given its worst-case room (six bytes a byte) is
// appended as before, so that a quotation of a whole article does not
// claim six times its size.
class JsonRecord {
 public:
  explicit JsonRecord(std::string* out) : out_(out), end_(out->size()) {}

  // Makes room for `n` more bytes at once, so that the pieces written in it
  // need not grow the string each.
  void Reserve(size_t n) { Room(n); }
  // Room that String will take for `text`: none for a long one, appended.
  static size_t StringRoom(std::string_view text) {
    return text.size() <= kLongString ? JsonStringRoom(text) : 0;
  }

  // `text` as it is: punctuation and null.
  template <size_t N>
  void Literal(const char (&text)[N]) {
    char* at = Room(N - 1);
    std::memcpy(at, text, N - 1);
    end_ += N - 1;
  }
  // `,"key":`, the comma separating it from the previous key.
  template <size_t N>
  void Key(const char (&key)[N]) {
    char* at = Room(N + 3);
    at[0] = ',';
    at[1] = '"';
    std::memcpy(at + 2, key, N - 1);
    at[N + 1] = '"';
    at[N + 2] = ':';
    end_ += N + 3;
  }
  void Number(const std::optional<size_t>& value) {
    if (!value) {
      Literal("null");
      return;
    }
    char* at = Room(kNumberRoom);
    end_ += static_cast<size_t>(std::to_chars(at, at + kNumberRoom, *value).ptr - at);
  }
  void String(std::string_view text) {
    if (text.size() > kLongString) {
      out_->resize(end_);
      AppendJsonString(text, out_);
      end_ = out_->size();
      return;
    }
    char* at = Room(JsonStringRoom(text));
    end_ += static_cast<size_t>(WriteJsonString(text, at) - at);
  }
  // The string, or null when there is none.
  void OptionalString(const std::string* text) {
    if (text == nullptr) {
      Literal("null");
    } else {
      String(*text);
    }
  }
  void Confidence(double value) {
    char* at = Room(kConfidenceRoom);
    end_ += static_cast<size_t>(WriteConfidence(value, at) - at);
  }
  // Cuts *out back to the end of what was written.
  void Finish() { out_->resize(end_); }

  static constexpr size_t kNumberRoom = 20;      // Digits of a 64-bit size_t.
  static constexpr size_t kConfidenceRoom = 32;  // See WriteConfidence.

 private:
  static constexpr size_t kLongString = 64 * 1024;

  char* Room(size_t n) {
    if (end_ + n > out_->size()) out_->resize(end_ + n);
    return out_->data() + end_;
  }

  std::string* out_;
  size_t end_;  // End of what was written.
};

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
  char text[JsonRecord::kConfidenceRoom];
  out->append(text, static_cast<size_t>(WriteConfidence(value, text) - text));
}

void AppendQuotationJson(std::string_view doc, const Quotation& q, std::string* out) {
  // Keys, punctuation, nulls, numbers and the confidence: under 512 bytes.
  constexpr size_t kFixedRoom = 512;
  const std::string* speaker = Present(q.speaker);
  const std::string* speaker_id = Present(q.speaker_id);
  const std::string* mention = NonEmpty(q.mention);
  const std::string* cue = NonEmpty(q.cue);
  const std::string* date = NonEmpty(q.date);
  const std::string_view kind = QuoteKindName(q.kind);
  auto room = [](const std::string* text) { return text == nullptr ? 0 : JsonRecord::StringRoom(*text); };
  JsonRecord record(out);
  record.Reserve(kFixedRoom + JsonRecord::StringRoom(doc) + JsonRecord::StringRoom(q.quote) +
                 JsonRecord::StringRoom(kind) + room(speaker) + room(speaker_id) + room(mention) +
                 room(cue) + JsonRecord::StringRoom(q.method) + room(date));
  record.Literal("{\"doc\":");
  record.String(doc);
  record.Key("quote");
  record.String(q.quote);
  record.Key("start");
  record.Number(q.start);
  record.Key("end");
  record.Number(q.end);
  record.Key("byte_start");
  record.Number(q.byte_start);
  record.Key("byte_end");
  record.Number(q.byte_end);
  record.Key("kind");
  record.String(kind);
  record.Key("speaker");
  record.OptionalString(speaker);
  record.Key("speaker_id");
  record.OptionalString(speaker_id);
  record.Key("mention");
  record.OptionalString(mention);
  record.Key("mention_start");
  record.Number(q.mention_start);
  record.Key("mention_end");
  record.Number(q.mention_end);
  record.Key("cue");
  record.OptionalString(cue);
  record.Key("method");
  record.String(q.method);
  record.Key("confidence");
  record.Confidence(q.confidence);
  record.Key("date");
  record.OptionalString(date);
  record.Literal("}");
  record.Finish();
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
