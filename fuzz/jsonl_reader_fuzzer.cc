// libFuzzer target: the JSONL reader of extractor/io on arbitrary bytes,
// followed by the --report line of every item. Checks that reading always
// ends, that every item is either an article or a failure with a reason,
// that line numbers only grow, and that each report line is valid JSON.
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "io/article.h"
#include "io/jsonl_reader.h"
#include "io/output_stream.h"
#include "io/report.h"

namespace {

// Keeps only the last block written: one report line when flushed after
// each Add. Reused across inputs, since the report buffer is large.
class LastWrite : public guillemet::io::OutputStream {
 public:
  bool Write(std::string_view data) override {
    text_.assign(data.data(), data.size());
    return true;
  }
  const std::string& error() const override { return error_; }
  const std::string& text() const { return text_; }

 private:
  std::string text_, error_;
};

void Fail(const char* what, size_t value) {
  std::fprintf(stderr, "contract broken: %s (%zu)\n", what, value);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  guillemet::io::ReadOptions options;
  // Small enough that the fuzzer reaches the too-long path.
  options.max_article_bytes = 4096;
  guillemet::io::JsonlReader reader(options, "fuzz.jsonl");
  reader.OpenMemory(input);

  static simdjson::dom::parser* parser = new simdjson::dom::parser;
  static LastWrite* report_text = new LastWrite;
  static guillemet::io::ReportWriter* report = new guillemet::io::ReportWriter(report_text);
  guillemet::io::Article article;
  size_t items = 0, last_line = 0;
  for (;;) {
    article.Clear();
    if (!reader.Next(&article)) break;
    // A line yields at most one item, plus one for an empty input.
    if (++items > size + 1) Fail("more items than bytes", items);
    if (article.ok() && article.document.id.empty()) Fail("article without an id", items);
    if (article.line != 0 && article.line < last_line) Fail("line numbers went back", article.line);
    last_line = article.line;

    report->Add(article, 0, {"extra warning"});
    report->Finish();
    const std::string& line = report_text->text();
    if (line.empty() || line.back() != '\n') Fail("report line without its newline", items);
    simdjson::dom::element element;
    if (parser->parse(line.data(), line.size() - 1).get(element) != simdjson::SUCCESS) {
      std::fprintf(stderr, "%s", line.c_str());
      Fail("report line is not valid JSON", items);
    }
  }
  if (items == 0) Fail("no item at all: an empty input must be reported", 0);
  return 0;
}
