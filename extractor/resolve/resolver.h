// Turns the words naming a speaker into a person or an organisation: a name
// to the knowledge base or to the fullest form the article gives ("M.
// Tillerson", "Soltenberg"), an office to the person named beside it or
// holding it on the article's date, a pronoun to the last compatible
// speaker, a communiqué to the organisation that issued it.
#ifndef GUILLEMET_RESOLVE_RESOLVER_H_
#define GUILLEMET_RESOLVE_RESOLVER_H_

#include <optional>
#include <string>
#include <vector>

#include "attribute/sieves.h"
#include "attribute/subjects.h"
#include "core/types.h"
#include "cues/lexicon.h"

namespace guillemet::resolve {

struct Speaker {
  std::optional<std::string> name;
  std::optional<std::string> id;
  double confidence = 0;  // How sure the resolution is, 0 to 1.
  const char* how = "";   // "name", "kb_role_on_date", "pronoun", ...
};

// One Speaker per quotation of analysis.quotes (empty where none).
std::vector<Speaker> ResolveSpeakers(const cues::Lexicon& lexicon, const Analysis& analysis,
                                     const attribute::Subjects& subjects,
                                     const std::vector<attribute::Attribution>& attributions);

}  // namespace guillemet::resolve

#endif  // GUILLEMET_RESOLVE_RESOLVER_H_
