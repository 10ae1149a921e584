// libFuzzer target: Extractor::Extract on arbitrary bytes. The contract of
// guillemet.h is checked on every input: Extract never throws or crashes,
// every offset lies inside the text and in order, confidences are in [0, 1],
// and the JSONL record of each quotation is valid JSON whatever the bytes.
// The Extractor is opened once, from the repository's patterns folder.
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "core/unicode.h"
#include "guillemet/guillemet.h"
#include "io/writers.h"

#ifndef GUILLEMET_PATTERNS_DIR
#error "GUILLEMET_PATTERNS_DIR must name the patterns folder"
#endif

namespace {

const guillemet::Extractor* extractor = nullptr;

// Stops the run with a message: libFuzzer records the input as a crash.
void Fail(const char* what, size_t value) {
  std::fprintf(stderr, "contract broken: %s (%zu)\n", what, value);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  std::unique_ptr<guillemet::Extractor> opened;
  guillemet::Status status = guillemet::Extractor::Open(GUILLEMET_PATTERNS_DIR, &opened);
  if (!status.ok()) {
    std::fprintf(stderr, "cannot open patterns: %s\n", status.message().c_str());
    std::exit(1);
  }
  extractor = opened.release();  // Lives as long as the process.
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  guillemet::Document document;
  document.id = "fuzz";
  document.text.assign(reinterpret_cast<const char*>(data), size);
  // A leading "YYYY-MM-DD\n" is also given as the date, so that dated and
  // undated paths are both explored.
  if (size > 11 && data[10] == '\n') document.date = document.text.substr(0, 10);
  guillemet::Extraction result = extractor->Extract(document);

  const size_t code_points = guillemet::CountCodePoints(document.text);
  static simdjson::dom::parser* parser = new simdjson::dom::parser;
  std::string json;
  for (const guillemet::Quotation& q : result.quotations) {
    if (q.byte_start > q.byte_end) Fail("byte_start > byte_end", q.byte_start);
    if (q.byte_end > size) Fail("byte_end past the text", q.byte_end);
    if (q.start > q.end) Fail("start > end", q.start);
    if (q.end > code_points) Fail("end past the text", q.end);
    if (q.mention_start.has_value() != q.mention_end.has_value()) Fail("half a mention span", 0);
    if (q.mention_start && (*q.mention_start > *q.mention_end || *q.mention_end > code_points)) {
      Fail("mention span outside the text", *q.mention_end);
    }
    if (!(q.confidence >= 0 && q.confidence <= 1)) Fail("confidence outside [0, 1]", 0);
    json.clear();
    guillemet::io::AppendQuotationJson(document.id, q, &json);
    simdjson::dom::element element;
    if (parser->parse(json).get(element) != simdjson::SUCCESS) Fail("invalid JSON record", 0);
  }
  return 0;
}
