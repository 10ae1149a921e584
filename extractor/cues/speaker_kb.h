// The speaker knowledge base: people and organisations who speak in the news
// (patterns/speakers.jsonl) and the French phrases that name their offices
// (patterns/roles.tsv), checked at load time and indexed on FoldKey() so that
// "Çavuşoğlu", "cavusoglu" and "l'Otan"/"OTAN" meet.
#ifndef GUILLEMET_CUES_SPEAKER_KB_H_
#define GUILLEMET_CUES_SPEAKER_KB_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "guillemet/guillemet.h"

namespace guillemet::cues {

// One period in office. Dates are ISO as written in speakers.jsonl:
// "YYYY-MM-DD", or "YYYY-MM" / "YYYY" when the day is not known for sure, in
// which case the whole month or year counts as in office (so a hand-over in
// an uncertain month yields two holders, never a wrong single one).
struct RoleSpell {
  std::string role, start, end;  // Empty end = still in office.
};

struct Speaker {
  std::string id, name;
  bool is_org = false;
  char gender = 0;                   // 'm', 'f' or 0
  std::vector<std::string> aliases;  // Name itself not included.
  std::vector<std::string> epithets;
  std::vector<RoleSpell> roles;
  std::string wikidata;
  int line = 0;  // Line of speakers.jsonl.
};

struct RolePhrase {
  std::string phrase;  // Expanded: one entry per org alias, e.g. "secrétaire général de l'Otan".
  std::string role;
  int line = 0;  // Line of roles.tsv.
};

// Immutable once loaded: every const method is safe to call from many
// threads at once. Returned pointers live as long as the SpeakerKb. Results
// listing several speakers are in file order.
// How many times each code point occurs in a key, folded into 32 buckets.
// Each edit changes these counts by at most 2 in all (a substitution), so
// half their difference bounds the edit distance from below: FindClosest
// computes the distance only for keys within reach.
struct LetterCounts {
  uint8_t bucket[32] = {};
  explicit LetterCounts(std::string_view key = {});
  // A lower bound of EditDistance() between the two keys.
  int DistanceBound(const LetterCounts& other) const;
};

class SpeakerKb {
 public:
  // Loads patterns_dir/speakers.jsonl and patterns_dir/roles.tsv. On failure
  // returns "path:line: what is wrong" and leaves *out empty.
  static Status Load(const std::string& patterns_dir, SpeakerKb* out);

  const std::vector<Speaker>& speakers() const { return speakers_; }
  const std::vector<RolePhrase>& role_phrases() const { return role_phrases_; }

  // nullptr when no speaker has that id.
  const Speaker* FindById(std::string_view id) const;

  // Speakers whose name or an alias has the same FoldKey() as `name`
  // (accents, case, apostrophes ignored; a leading article "l'", "le", "la",
  // "les" is ignored for organisations).
  std::vector<const Speaker*> FindByName(std::string_view name) const;

  // People whose last name folds to `surname`: the last word of the name or
  // of a multi-word alias, a one-word alias, or an alias that ends the name
  // ("Le Drian", "von der Leyen").
  std::vector<const Speaker*> FindBySurname(std::string_view surname) const;

  // The one speaker whose name, alias or surname is within `max_distance`
  // (EditDistance on FoldKeys) of `name`; nullptr if none, or if two
  // different speakers are equally close.
  const Speaker* FindClosest(std::string_view name, int max_distance) const;

  // Role ids named by a phrase, matched on FoldKey; a leading article is
  // ignored ("le patron de l'OTAN" -> nato-secretary-general). In roles.tsv
  // order, each once.
  std::vector<std::string> RolesOfPhrase(std::string_view phrase) const;

  // Whether roles.tsv writes `role` with {org:org_id} in one of its
  // phrases ("secrétaire général de {org:otan}").
  bool RoleOfOrganisation(std::string_view role, std::string_view org_id) const;

  // Who held `role` on `iso_date` (YYYY-MM-DD; a longer ISO timestamp is cut
  // to its date). Empty when the date is empty or not a valid date: without
  // a date nobody can be said to hold an office.
  std::vector<const Speaker*> HoldersOn(std::string_view role, std::string_view iso_date) const;

  // Whether `speaker` held `role` on that date, or ever if `iso_date` is
  // empty. False for a non-empty date that is not a valid date.
  static bool Holds(const Speaker& speaker, std::string_view role, std::string_view iso_date);

  // Whether `speaker` took up `role` before that date: the one leaving an
  // office on the day of a handover, never the one arriving.
  static bool TookUpBefore(const Speaker& speaker, std::string_view role,
                           std::string_view iso_date);

  // Speakers having this epithet (FoldKey match, leading article ignored).
  std::vector<const Speaker*> FindByEpithet(std::string_view phrase) const;

 private:
  using Index = std::unordered_map<std::string, std::vector<size_t>>;

  std::vector<const Speaker*> Resolve(const std::vector<size_t>* indices) const;

  // Constant after Load(). Indexes hold positions in speakers_ rather than
  // pointers so that a SpeakerKb can be moved.
  std::vector<Speaker> speakers_;
  std::vector<RolePhrase> role_phrases_;
  std::unordered_map<std::string, size_t> by_id_;
  Index by_name_;      // FoldKey of person names and aliases.
  Index by_org_name_;  // FoldKey of organisation names and aliases, article removed.
  Index by_surname_;
  std::unordered_map<std::string, std::vector<std::string>> organisations_of_role_;
  Index by_epithet_;  // Article removed.
  Index by_role_;     // Role id -> speakers who ever held it.
  std::unordered_map<std::string, std::vector<std::string>> roles_by_phrase_;

  // Every key FindClosest compares against, with its length in code points
  // and its letter counts to skip keys that cannot be close enough.
  struct ClosestKey {
    std::string key;
    int length;
    size_t speaker;
    bool org;  // Compared with the query's article removed.
    LetterCounts counts;
  };
  // Sorted by org, then initial (first byte: a misspelt name keeps it, see
  // SameWordInitials), then length; closest_by_length_[org][initial][n] is
  // the first key of that kind and initial with length n or more, and its
  // last entry the end of them.
  std::vector<ClosestKey> closest_keys_;
  std::vector<size_t> closest_by_length_[2][256];
  // Names in the press recur from one article to the next: FindClosest's
  // answers are kept per thread, under this number, unique to each loaded
  // knowledge base (a copy or a move keeps the same content and number).
  uint64_t closest_cache_id_ = NewClosestCacheId();
  static uint64_t NewClosestCacheId();
  const Speaker* FindClosestUncached(std::string_view name, int max_distance) const;
  void IndexClosestKeys();
  // The keys of that kind and initial with a length in [min_length,
  // max_length], as a range of closest_keys_.
  std::pair<size_t, size_t> ClosestKeysOfLength(bool org, unsigned char initial, int min_length,
                                                int max_length) const;
};

}  // namespace guillemet::cues

#endif  // GUILLEMET_CUES_SPEAKER_KB_H_
