// Output formats for quotations, as sinks of one shape: the runner finds,
// a Sink writes (ripgrep's printer/Sink split). JSONL is the machine format,
// CSV is for spreadsheets (RFC 4180), the table is for a person at a terminal.
// Sinks are used from one thread; they buffer and write in large blocks.
#ifndef GUILLEMET_IO_WRITERS_H_
#define GUILLEMET_IO_WRITERS_H_

#include <memory>
#include <string>
#include <string_view>

#include "guillemet/guillemet.h"
#include "io/output_stream.h"

namespace guillemet {
namespace io {

enum class Format { kJsonl, kCsv, kTable };

// "jsonl", "csv" or "table"; returns false for anything else.
bool ParseFormat(std::string_view name, Format* format);

class Sink {
 public:
  virtual ~Sink() = default;
  // Writes one quotation of the document `doc`. Returns false once writing
  // to the output has failed (the stream's error() says why).
  virtual bool Write(std::string_view doc, const Quotation& quotation) = 0;
  // Writes out whatever is buffered. Returns false on failure.
  virtual bool Finish() = 0;
};

// `table_width` is the table's width in columns; 0 picks the terminal's
// width when the stream is a terminal, else 120. The stream must outlive
// the sink.
std::unique_ptr<Sink> MakeSink(Format format, OutputStream* stream, int table_width = 0);

// The JSON object of one quotation (no newline), keys in the documented
// order: doc, quote, start, end, byte_start, byte_end, kind, speaker,
// speaker_id, mention, mention_start, mention_end, cue, method, confidence,
// date. Empty mention, cue and date, and absent options, are null.
void AppendQuotationJson(std::string_view doc, const Quotation& quotation, std::string* out);

// `value` rounded to 3 decimals, without trailing zeros ("0.85", "1");
// "null" when it is not a finite number.
void AppendConfidence(double value, std::string* out);

// The header row of the CSV format, CRLF included.
inline constexpr std::string_view kCsvHeader =
    "doc,quote,start,end,byte_start,byte_end,kind,speaker,speaker_id,mention,"
    "mention_start,mention_end,cue,method,confidence,date\r\n";

}  // namespace io
}  // namespace guillemet

#endif  // GUILLEMET_IO_WRITERS_H_
