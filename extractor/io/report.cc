#include "io/report.h"

#include "io/text_escape.h"

namespace guillemet {
namespace io {

bool ReportWriter::Add(const Article& article, size_t quotations,
                       const std::vector<std::string>& extra_warnings, std::string_view outcome) {
  std::string* out = out_.buffer();
  out->append("{\"source\":");
  AppendJsonString(article.Location(), out);
  out->append(",\"file\":");
  AppendJsonString(article.file, out);
  out->append(",\"line\":");
  out->append(article.line == 0 ? "null" : std::to_string(article.line));
  out->append(",\"doc\":");
  if (article.document.id.empty()) {
    out->append("null");
  } else {
    AppendJsonString(article.document.id, out);
  }
  out->append(article.ok() ? ",\"status\":\"ok\"" : ",\"status\":\"failed\"");
  if (!outcome.empty()) {
    out->append(",\"outcome\":");
    AppendJsonString(outcome, out);
  }
  out->append(",\"quotations\":");
  out->append(std::to_string(quotations));
  out->append(",\"error\":");
  if (article.ok()) {
    out->append("null");
  } else {
    AppendJsonString(article.error, out);
  }
  out->append(",\"warnings\":[");
  bool first = true;
  for (const auto* list : {&article.warnings, &article.extraction.warnings, &extra_warnings}) {
    for (const std::string& warning : *list) {
      if (!first) out->push_back(',');
      first = false;
      AppendJsonString(warning, out);
    }
  }
  out->append("]}\n");
  return out_.Commit();
}

}  // namespace io
}  // namespace guillemet
