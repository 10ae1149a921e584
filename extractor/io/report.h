// The --report file: one JSON line for every item read, good or failed, so
// that a run can be audited and nothing is dropped silently:
//   {"source":"a.jsonl:17","file":"a.jsonl","line":17,"doc":"x","status":"ok",
//    "quotations":3,"error":null,"warnings":[]}
// "line" is null for a whole-file item, "doc" when no id was known.
#ifndef GUILLEMET_IO_REPORT_H_
#define GUILLEMET_IO_REPORT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "io/article.h"
#include "io/output_stream.h"

namespace guillemet {
namespace io {

class ReportWriter {
 public:
  // The stream must outlive the writer.
  explicit ReportWriter(OutputStream* stream) : out_(stream) {}

  // Adds the line of `article`: failed when article.error is set, else ok
  // with `quotations` written. `extra_warnings` come after the article's
  // own and the extractor's. A non-empty `outcome` (what `ingest` did with
  // the article: "added", "unchanged"...) is added as "outcome" after
  // "status". Returns false once writing has failed.
  bool Add(const Article& article, size_t quotations,
           const std::vector<std::string>& extra_warnings = {}, std::string_view outcome = {});
  bool Finish() { return out_.Flush(); }

 private:
  BufferedOutput out_;
};

}  // namespace io
}  // namespace guillemet

#endif  // GUILLEMET_IO_REPORT_H_
