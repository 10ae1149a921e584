// Planning a search, and the strategy that runs it as one SQL statement:
// without words (newest first along the date or speaker index), and for a
// complete export. Word searches with a limit are ranked_search.cc's.
#include "db/search.h"

#include <algorithm>
#include <cstdlib>

#include "db/search_internal.h"
#include "db/search_keys.h"

namespace guillemet::db {
namespace {

bool IsDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

// Accepts "YYYY", "YYYY-MM", "YYYY-MM-DD" and longer ISO forms, which are
// cut to their day: dates are stored as days.
Status ParseDateBound(const std::string& text, const char* name, std::string* out) {
  out->clear();
  if (text.empty()) return Status::OK();
  std::string_view day(text);
  if (day.size() > 10 && (day[10] == 'T' || day[10] == ' ')) day = day.substr(0, 10);
  bool ok = (day.size() == 4 || day.size() == 7 || day.size() == 10) && IsDigits(day.substr(0, 4));
  if (ok && day.size() >= 7) {
    ok = day[4] == '-' && IsDigits(day.substr(5, 2));
    int month = ok ? std::atoi(std::string(day.substr(5, 2)).c_str()) : 0;
    ok = ok && month >= 1 && month <= 12;
  }
  if (ok && day.size() == 10) {
    ok = day[7] == '-' && IsDigits(day.substr(8, 2));
    int d = ok ? std::atoi(std::string(day.substr(8, 2)).c_str()) : 0;
    ok = ok && d >= 1 && d <= 31;
  }
  if (!ok) {
    return Status::Error(std::string(name) + " \"" + text +
                         "\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  }
  *out = std::string(day);
  return Status::OK();
}

Status ResolveSpeaker(Connection* db, const std::string& speaker, std::vector<std::string>* keys) {
  keys->clear();
  std::string key = SpeakerKey(speaker);
  if (key.empty()) {
    return Status::Error("speaker \"" + speaker + "\" has no letter or digit to look for");
  }
  ScopedStatement stmt;
  Status s = db->Cached("SELECT speaker FROM speaker_keys WHERE key = ?1 ORDER BY speaker", &stmt);
  if (!s.ok()) return s;
  stmt->Bind(1, key);
  for (;;) {
    bool row = false;
    s = stmt->Step(&row);
    if (!s.ok() || !row) return s;
    keys->push_back(stmt->Text(0));
  }
}

// One SQL statement: newest first along the date or (speaker, date) index
// without words; with words (and no limit, as for a full export), ranks the
// ids first and reads the full rows in rank order, so that the sort holds
// small keys rather than whole quotations.
Status RunOrdered(Connection* db, const SearchPlan& plan, bool cached,
                  const std::function<bool(const QuoteRecord&)>& row) {
  const std::string limit = plan.limit > 0 ? " LIMIT " + std::to_string(plan.limit) : "";
  std::string sql;
  if (plan.fts.empty()) {
    // With a LIMIT under 20, SQLite 3.40 chose to scan and sort the whole
    // table (1.2 s on 500 000 quotations instead of 15 ms): a limited list
    // walks the index that gives its order.
    std::string index;
    if (plan.limit > 0) {
      index = plan.speaker_filter ? " INDEXED BY quotations_speaker_date"
                                  : " INDEXED BY quotations_date";
    }
    sql = std::string("SELECT ") + kRecordColumns + ", 0.0 FROM quotations q" + index +
          " JOIN documents d ON d.id = q.doc_id WHERE 1" + plan.filters +
          " ORDER BY q.date DESC, q.doc_id, q.ordinal" + limit;
  } else {
    // CROSS JOIN keeps the full-text index as the outer loop: driving from
    // the speaker index instead runs one full-text query per candidate.
    sql = std::string("SELECT ") + kRecordColumns + ", r.score FROM (SELECT q.id AS id, " +
          kScoreExpression +
          " AS score, q.date AS date, q.doc_id AS doc_id, q.ordinal AS ordinal"
          " FROM quotations_fts CROSS JOIN quotations q ON q.id = quotations_fts.rowid"
          " WHERE quotations_fts MATCH " +
          NextParam(plan) + plan.filters + " ORDER BY score, q.date DESC, q.doc_id, q.ordinal" +
          limit +
          ") r CROSS JOIN quotations q ON q.id = r.id JOIN documents d ON d.id = q.doc_id"
          " ORDER BY r.score, r.date DESC, r.doc_id, r.ordinal";
  }
  StatementHolder stmt;
  Status s = stmt.Acquire(db, sql, cached);
  if (!s.ok()) return s;
  BindAll(plan.params, &*stmt);
  if (!plan.fts.empty()) stmt->Bind(static_cast<int>(plan.params.size() + 1), plan.fts);
  QuoteRecord record;
  for (;;) {
    bool more = false;
    s = stmt->Step(&more);
    if (!s.ok() || !more) return s;
    ReadRecord(*stmt, &record);
    if (!row(record)) return Status::OK();
  }
}

}  // namespace

Status PlanSearch(Connection* db, const Query& query, SearchPlan* plan) {
  *plan = SearchPlan();
  std::string since, until;
  Status s = BuildFtsQuery(query.words, &plan->fts);
  if (s.ok()) s = ParseDateBound(query.since, "since", &since);
  if (s.ok()) s = ParseDateBound(query.until, "until", &until);
  std::vector<std::string> speakers;
  if (s.ok() && !query.speaker.empty()) s = ResolveSpeaker(db, query.speaker, &speakers);
  if (!s.ok()) return s;
  plan->matches_nothing = !query.speaker.empty() && speakers.empty();
  plan->speaker_filter = !speakers.empty();
  plan->since = since;
  plan->until = until;
  plan->limit = query.limit;

  std::string& where = plan->filters;
  auto param = [plan](std::string value) {
    plan->params.push_back(std::move(value));
    return "?" + std::to_string(plan->params.size());
  };
  if (speakers.size() == 1) {
    // A plain equality lets the planner walk (speaker_key, date) in order.
    where += " AND q.speaker_key = " + param(speakers[0]);
  } else if (speakers.size() > 1) {
    where += " AND q.speaker_key IN (";
    for (size_t i = 0; i < speakers.size(); ++i) {
      if (i > 0) where += ", ";
      where += param(speakers[i]);
    }
    where += ")";
  }
  // '~' sorts after every digit and '-': "2017-05~" ends all of May. A
  // lower bound of "0" keeps undated ('') quotations out of any range.
  if (!since.empty() || !until.empty()) {
    where += " AND q.date >= " + param(since.empty() ? "0" : since);
  }
  if (!until.empty()) where += " AND q.date <= " + param(until + "~");
  plan->indexed_filter = !where.empty();
  if (!query.kinds.empty()) {
    where += " AND q.kind IN (";
    for (size_t i = 0; i < query.kinds.size(); ++i) {
      if (i > 0) where += ", ";
      where += "'";
      where += QuoteKindName(query.kinds[i]);  // Fixed names: safe to inline.
      where += "'";
    }
    where += ")";
  }
  return Status::OK();
}

Status RunSearch(Connection* db, const SearchPlan& plan, bool cached,
                 const std::function<bool(const QuoteRecord&)>& row) {
  if (plan.matches_nothing) return Status::OK();
  if (plan.fts.empty() || plan.limit == 0) return RunOrdered(db, plan, cached, row);
  // The ranked path reads in several statements: one read transaction
  // keeps a writer's commit from landing between them.
  const bool own_transaction = !db->in_transaction();
  Status s = own_transaction ? db->Exec("BEGIN") : Status::OK();
  if (s.ok()) s = RunRanked(db, plan, cached, row);
  if (own_transaction) db->Exec("COMMIT");
  return s;
}

}  // namespace guillemet::db
