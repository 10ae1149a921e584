// Text forms of a stored quotation for `guillemet export`: one JSON object
// per line (JSONL) or one RFC 4180 CSV record. Both use the same columns in
// the same order, listed by ExportColumns(), so the two formats agree.
#ifndef GUILLEMET_DB_EXPORT_FORMAT_H_
#define GUILLEMET_DB_EXPORT_FORMAT_H_

#include <string>
#include <string_view>
#include <vector>

#include "db/quote_db.h"

namespace guillemet::db {

// doc, ordinal, date, speaker, speaker_id, quote, kind, confidence, method,
// cue, mention, context, url, title, start, end, byte_start, byte_end,
// mention_start, mention_end.
const std::vector<std::string>& ExportColumns();

// Appends one JSON object and '\n'. Missing optional values are null.
// Invalid UTF-8 becomes U+FFFD, so every line is valid JSON.
void AppendJsonLine(const QuoteRecord& record, std::string* out);

// The CSV header line, CRLF-terminated.
std::string CsvHeader();

// Appends one CSV record, CRLF-terminated. Fields holding a comma, a quote or
// a line break are quoted with quotes doubled; missing values are empty.
// Invalid UTF-8 becomes U+FFFD.
void AppendCsvRow(const QuoteRecord& record, std::string* out);

// Appends `text` as a JSON string literal, quotes included.
void AppendJsonString(std::string_view text, std::string* out);

// Shortest text that reads back as the same double ("0.85", not
// "0.84999999999999998"); "0" for NaN and infinities, which JSON lacks.
std::string FormatNumber(double value);

}  // namespace guillemet::db

#endif  // GUILLEMET_DB_EXPORT_FORMAT_H_
