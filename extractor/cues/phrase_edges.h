// PhraseEdges: the edges of a phrase trie keyed by vocabulary entries, as a
// PhraseMatcher reads them once its words are in the vocabulary: (node,
// entry of the next word) -> child node. A token's entry is cached in its
// norm, so that a step of a phrase look-up is one probe of this integer
// table instead of hashing and comparing the token's string again. Filled
// when patterns load, read-only afterwards. Open addressing with linear
// probing over a power-of-two table, at most half full.
#ifndef GUILLEMET_CUES_PHRASE_EDGES_H_
#define GUILLEMET_CUES_PHRASE_EDGES_H_

#include <cstdint>
#include <vector>

namespace guillemet::cues {

class PhraseEdges {
 public:
  // Adds the edge node -[entry]-> child (entry >= 0; each pair once).
  void Add(int node, int entry, int child) {
    if ((count_ + 1) * 2 > slots_.size()) Grow();
    Place(Key(node, entry), child);
    ++count_;
  }

  // The child of `node` by the word of vocabulary entry `entry`, or -1.
  int Find(int node, int entry) const {
    if (slots_.empty()) return -1;
    const uint64_t key = Key(node, entry);
    for (size_t i = Hash(key) & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.key == key) return slot.child;
      if (slot.key == kEmpty) return -1;
    }
  }

 private:
  static constexpr uint64_t kEmpty = ~uint64_t{0};
  struct Slot {
    uint64_t key = kEmpty;
    int child = -1;
  };

  static uint64_t Key(int node, int entry) {
    return uint64_t{static_cast<uint32_t>(node)} << 32 | static_cast<uint32_t>(entry);
  }
  // Fibonacci hashing: the high bits of the product mix both halves.
  static size_t Hash(uint64_t key) { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 29); }

  void Place(uint64_t key, int child) {
    size_t i = Hash(key) & mask_;
    while (slots_[i].key != kEmpty) i = (i + 1) & mask_;
    slots_[i] = Slot{key, child};
  }

  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot());
    mask_ = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.key != kEmpty) Place(slot.key, slot.child);
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t count_ = 0;
};

}  // namespace guillemet::cues

#endif  // GUILLEMET_CUES_PHRASE_EDGES_H_
