#include "cues/vocabulary.h"

#include <atomic>
#include <string>

#include "core/unicode.h"

namespace guillemet::cues {
namespace {

std::atomic<uint32_t> next_id{1};

}  // namespace

Vocabulary::Vocabulary() : id_(next_id.fetch_add(1)) {}

void Vocabulary::LinkFoldedEntries() {
  for (const auto& [folded, entry] : by_folded_.entries()) {
    if (FoldKeyIsIdentity(folded)) by_norm_[folded];
  }
  for (auto& [norm, entry] : by_norm_.entries()) entry.folded = by_folded_.FindIndex(FoldKey(norm));
}

int Vocabulary::FindFolded(const Norm& norm) const {
  // A word that folds to itself without an entry by norm has none by
  // FoldKey either (LinkFoldedEntries).
  if (FoldKeyIsIdentity(norm)) return -1;
  // Folding a word costs several times a hash look-up, and the words that
  // folding changes (accented ones) recur from article to article: their
  // entries are kept per thread, for one vocabulary at a time, and
  // forgotten past kMaxRemembered words so that memory stays bounded on
  // any input.
  // A StringMap, as the vocabulary's own tables: its hash reads a word in
  // two loads, where std::hash went through the bytes in a call.
  constexpr size_t kMaxRemembered = 1 << 14;  // About 1 MB.
  struct Remembered {
    uint32_t owner = 0;
    StringMap<int> entry_of_norm;
  };
  thread_local Remembered remembered;
  if (remembered.owner != id_ || remembered.entry_of_norm.size() >= kMaxRemembered) {
    remembered.entry_of_norm = StringMap<int>();
    remembered.owner = id_;
  }
  if (const int* entry = remembered.entry_of_norm.Find(norm)) return *entry;
  const int entry = by_folded_.FindIndex(FoldKey(norm));
  remembered.entry_of_norm[norm] = entry;
  return entry;
}

}  // namespace guillemet::cues
