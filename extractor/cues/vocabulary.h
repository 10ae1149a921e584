// The vocabulary: every word the patterns know, keyed by its norm and by its
// FoldKey, with what the rules ask about it (the word classes it belongs to,
// the phrase matchers whose phrases it starts or ends). A token is looked up
// here once, the first time a rule asks, and the answer is kept in its Norm
// (Norm::LookUpCache): the dozen questions each rule asks of each token then
// cost no hashing. Filled while patterns load, immutable afterwards, so it
// is shared by every thread; the caches live in the tokens, which belong to
// one thread.
#ifndef GUILLEMET_CUES_VOCABULARY_H_
#define GUILLEMET_CUES_VOCABULARY_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "core/norm.h"
#include "core/string_map.h"

namespace guillemet::cues {

struct WordEntry {
  uint64_t classes = 0;  // Bit c: the word alone is in word class c.
  uint64_t starts = 0;   // Bit m: a phrase of matcher m starts with the word.
  uint64_t ends = 0;     // Bit m: a phrase of matcher m ends with it.
  int forms = -1;        // Opaque indexes for the lexicon (verb forms, auxiliary).
  int auxiliary = -1;
  // Where the features of the word's classes start in the lexicon's
  // table of them, one per bit of `classes` in order; -1 with no class.
  int features = -1;
  // Where the features of the word in class c (its bit set in `classes`)
  // stand in that table: after those of its classes below c. Counted bit
  // by bit: a word is in few classes, and __builtin_popcountll is a call
  // into libgcc without -mpopcnt.
  int FeaturesIndex(int c) const {
    int index = features;
    for (uint64_t below = classes & ((uint64_t{1} << c) - 1); below != 0; below &= below - 1) ++index;
    return index;
  }
  // The position of the entry of the word's FoldKey, or -1 (entries by
  // norm only). Set by LinkFoldedEntries().
  int folded = -1;
  // Whether the entry says anything of the word. A word met only inside a
  // phrase has an entry that says nothing (see PhraseMatcher::Index): the
  // phrase tries are keyed by entries.
  bool Marked() const { return classes != 0 || starts != 0 || ends != 0 || forms >= 0 || auxiliary >= 0; }
};

class Vocabulary {
 public:
  // Matchers and classes get bits 0 to 63; past that they are not indexed
  // and callers must look the word up themselves.
  static constexpr int kBits = 64;

  Vocabulary();
  Vocabulary(const Vocabulary&) = delete;
  Vocabulary& operator=(const Vocabulary&) = delete;

  // Loading: the entry of a word (inserted if new).
  WordEntry& Add(std::string_view norm) { return by_norm_[norm]; }
  WordEntry& AddFolded(std::string_view folded) { return by_folded_[folded]; }
  // The same, as the entry's position, which stays valid as entries are
  // added (what IndexOf and FoldedIndexOf answer).
  int AddIndex(std::string_view norm) {
    by_norm_[norm];
    return by_norm_.FindIndex(norm);
  }
  int AddFoldedIndex(std::string_view folded) {
    by_folded_[folded];
    return by_folded_.FindIndex(folded);
  }
  // Once every word is added: gives each entry by norm the position of the
  // entry of its FoldKey, and each key by FoldKey that is its own FoldKey
  // an entry by norm too (one that says nothing if it had none). The
  // FoldKey look-up of a token then reads its entry by norm, found
  // already, instead of folding and hashing the word again; and a word
  // that folds to itself and has no entry by norm has none by FoldKey.
  void LinkFoldedEntries();

  // The entry of a token's norm, or of the norm's FoldKey; nullptr for a
  // word the patterns never use. Cached in the norm.
  // Forced inline (see PhraseMatcher::LongestAt): a cached answer costs a
  // few instructions, a call several times more.
  GUILLEMET_NORM_INLINE const WordEntry* Of(const Norm& norm) const {
    const int word = IndexOf(norm);
    return word < 0 ? nullptr : &by_norm_.entries()[word].second;
  }
  GUILLEMET_NORM_INLINE const WordEntry* FoldedOf(const Norm& norm) const {
    const int folded = FoldedIndexOf(norm);
    return folded < 0 ? nullptr : &by_folded_.entries()[folded].second;
  }
  // The position of the entry of a token's norm, or of its FoldKey; -1 for
  // none. Cached likewise.
  GUILLEMET_NORM_INLINE int IndexOf(const Norm& norm) const {
    Norm::LookUpCache& c = Cache(norm);
    if (c.word == -2) c.word = by_norm_.FindIndex(norm);
    return c.word;
  }
  GUILLEMET_NORM_INLINE int FoldedIndexOf(const Norm& norm) const {
    Norm::LookUpCache& c = Cache(norm);
    if (c.folded == -2) c.folded = FoldedIndexOfUncached(norm);
    return c.folded;
  }

 private:
  GUILLEMET_NORM_INLINE Norm::LookUpCache& Cache(const Norm& norm) const {
    Norm::LookUpCache& c = norm.cache();
    if (c.owner != id_) c = Norm::LookUpCache{id_, -2, -2};
    return c;
  }
  // FoldedIndexOf for a word not asked before. A word with an entry by
  // norm finds its FoldKey's there, and one known to fold to itself
  // without one has none (LinkFoldedEntries): answered inline for most
  // words, where the call cost more than the answer; the others are
  // folded (FindFolded).
  GUILLEMET_NORM_INLINE int FoldedIndexOfUncached(const Norm& norm) const {
    const int word = IndexOf(norm);
    if (word >= 0) return by_norm_.entries()[word].second.folded;
    if (norm.FoldsToItself()) return -1;
    return FindFolded(norm);
  }
  // The same for a word with no entry by norm, not known to fold to itself.
  int FindFolded(const Norm& norm) const;

  const uint32_t id_;  // Unique per vocabulary: a cache filled by another is ignored.
  StringMap<WordEntry> by_norm_;
  StringMap<WordEntry> by_folded_;
};

}  // namespace guillemet::cues

#endif  // GUILLEMET_CUES_VOCABULARY_H_
