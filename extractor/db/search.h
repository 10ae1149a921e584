// Planning and running Search and Export: a Query becomes SQL filters, then
// one of two strategies runs it. Words with a limit rank on the full-text
// index alone and read rows only for the winners (ranked_search.cc);
// everything else is one SQL statement ordered by an index (search.cc).
// Internal to guillemet_db.
#ifndef GUILLEMET_DB_SEARCH_H_
#define GUILLEMET_DB_SEARCH_H_

#include <functional>
#include <string>
#include <vector>

#include "db/quote_db.h"
#include "db/sqlite.h"

namespace guillemet::db {

// A Query checked and turned into SQL pieces.
struct SearchPlan {
  bool matches_nothing = false;  // The speaker named is unknown.
  std::string fts;               // FTS5 MATCH expression; empty without words.
  // " AND ..." conditions on the quotations table (alias q) other than the
  // words, with parameters ?1..?N whose values are `params`.
  std::string filters;
  std::vector<std::string> params;
  bool indexed_filter = false;  // A speaker or date condition (has an index).
  bool speaker_filter = false;  // A speaker condition.
  std::string since, until;     // The date bounds as days, months or years; "" if none.
  size_t limit = 0;             // 0: every match.
};

// Validates `query` (dates, words, speaker) and resolves the speaker to its
// keys. Errors name the offending field and value.
Status PlanSearch(Connection* db, const Query& query, SearchPlan* plan);

// Calls `row` for each result in order until it returns false. `cached`
// reuses prepared statements; pass false when `row` may itself search on
// the same connection.
Status RunSearch(Connection* db, const SearchPlan& plan, bool cached,
                 const std::function<bool(const QuoteRecord&)>& row);

}  // namespace guillemet::db

#endif  // GUILLEMET_DB_SEARCH_H_
