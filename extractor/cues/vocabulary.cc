#include "cues/vocabulary.h"

#include <atomic>
#include <string>
#include <unordered_map>

#include "core/unicode.h"

namespace guillemet::cues {
namespace {

std::atomic<uint32_t> next_id{1};

}  // namespace

Vocabulary::Vocabulary() : id_(next_id.fetch_add(1)) {}

// Folding a word costs several times a hash look-up, and the words that
// folding changes (accented ones) recur from article to article: their
// entries are kept per thread, for one vocabulary at a time, and forgotten
// past kMaxRemembered words so that memory stays bounded on any input.
int Vocabulary::FindFolded(const Norm& norm) const {
  if (FoldKeyIsIdentity(norm)) return by_folded_.FindIndex(norm);
  constexpr size_t kMaxRemembered = 1 << 14;  // About 1 MB.
  struct Remembered {
    uint32_t owner = 0;
    std::unordered_map<std::string, int> entry_of_norm;
  };
  thread_local Remembered remembered;
  if (remembered.owner != id_ || remembered.entry_of_norm.size() >= kMaxRemembered) {
    remembered.entry_of_norm.clear();
    remembered.owner = id_;
  }
  auto [it, inserted] = remembered.entry_of_norm.try_emplace(norm.str(), -1);
  if (inserted) it->second = by_folded_.FindIndex(FoldKey(norm));
  return it->second;
}

}  // namespace guillemet::cues
