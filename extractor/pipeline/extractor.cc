// Wires the stages together: normalise -> find quotations -> find cues and
// mentions -> attribute -> resolve speakers -> Quotation records.
// (Temporary stub while the stages are being written.)
#include "guillemet/guillemet.h"

namespace guillemet {

struct Extractor::Impl {};

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;

Status Extractor::Open(const std::string& patterns_dir, std::unique_ptr<Extractor>* out) {
  out->reset(new Extractor(std::make_unique<Impl>()));
  return Status::OK();
}

Extraction Extractor::Extract(const Document& document) const { return {}; }

}  // namespace guillemet
