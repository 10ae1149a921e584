#include "cues/vocabulary.h"

#include <atomic>

#include "core/unicode.h"

namespace guillemet::cues {
namespace {

std::atomic<uint32_t> next_id{1};

}  // namespace

Vocabulary::Vocabulary() : id_(next_id.fetch_add(1)) {}

int Vocabulary::FindFolded(const Norm& norm) const {
  if (FoldKeyIsIdentity(norm)) return by_folded_.FindIndex(norm);
  return by_folded_.FindIndex(FoldKey(norm));
}

}  // namespace guillemet::cues
