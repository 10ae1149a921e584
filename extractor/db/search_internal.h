// What the two search strategies share (search.cc runs one SQL statement,
// ranked_search.cc ranks on the full-text index): reading result rows,
// their order, and statements that may come from the connection's cache.
// Internal to guillemet_db.
#ifndef GUILLEMET_DB_SEARCH_INTERNAL_H_
#define GUILLEMET_DB_SEARCH_INTERNAL_H_

#include <functional>
#include <string>
#include <vector>

#include "db/quote_db.h"
#include "db/search.h"
#include "db/sqlite.h"

namespace guillemet::db {

// Columns read into a QuoteRecord by ReadRecord(), in this order, followed
// by the score.
extern const char kRecordColumns[];

// The relevance of a match, lower is better: bm25 with the quote itself
// weighted above its context, which also holds the quote's words and so
// would otherwise count them twice as much.
extern const char kScoreExpression[];
// The same scores for every match of a one-phrase query, given to the
// MatchSink bound to ?2 (bm25.h).
extern const char kStreamScoresExpression[];

void ReadRecord(const Statement& stmt, QuoteRecord* r);

// The order of every result list: best score, then newest, then article
// and position, so that equal inputs always list in the same order.
bool ResultBefore(const QuoteRecord& a, const QuoteRecord& b);

// A statement either borrowed from the connection's cache or owned here.
class StatementHolder {
 public:
  Status Acquire(Connection* db, const std::string& sql, bool cached);
  Statement* operator->() const { return stmt_; }
  Statement& operator*() const { return *stmt_; }

 private:
  Statement owned_;
  ScopedStatement borrowed_;
  Statement* stmt_ = nullptr;
};

// Binds plan.params to ?1..?N.
void BindAll(const std::vector<std::string>& params, Statement* stmt);
// "?N+1": the first parameter after the plan's own.
std::string NextParam(const SearchPlan& plan);

// Words with a limit: see ranked_search.cc. Same results as one SQL
// statement ordered by score, date, article and position.
Status RunRanked(Connection* db, const SearchPlan& plan, bool cached,
                 const std::function<bool(const QuoteRecord&)>& row);

}  // namespace guillemet::db

#endif  // GUILLEMET_DB_SEARCH_INTERNAL_H_
