// Turning what a user types into what the database indexes: FTS5 query text
// from free words, and the folded keys under which a speaker can be found
// (full name, surname, alias, kb id), accents and case ignored on both sides.
#ifndef GUILLEMET_DB_SEARCH_KEYS_H_
#define GUILLEMET_DB_SEARCH_KEYS_H_

#include <string>
#include <string_view>
#include <vector>

#include "guillemet/guillemet.h"

namespace guillemet::db {

// Builds an FTS5 MATCH expression in which every whitespace-separated word of
// `words` is one quoted string (so "AND", "NEAR", "col:x", quotes and
// parentheses are plain text) and all must match. A word ending in '*' is a
// prefix ("dépens*"). Words without any letter or digit are dropped, since
// they could match nothing. Returns an error naming `words` when no word
// is left; an empty or blank `words` gives an empty *query and OK.
Status BuildFtsQuery(std::string_view words, std::string* query);

// The look-up key of a name, alias or id: FoldKey (lowercase, no accents)
// with hyphens read as spaces, so "Jean-Luc Mélenchon" and "jean luc
// melenchon" meet. Empty when `text` has no letter or digit.
std::string SpeakerKey(std::string_view text);

// Every key under which a speaker called `name` is found: the full key and
// each word suffix of it, which covers surnames with particles ("Marine Le
// Pen" -> "marine le pen", "le pen", "pen"). Sorted, without duplicates.
std::vector<std::string> NameKeys(std::string_view name);

}  // namespace guillemet::db

#endif  // GUILLEMET_DB_SEARCH_KEYS_H_
