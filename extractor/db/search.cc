// Search strategies. bm25 has to score every match of the words before the
// first result is known, so the cost of a word search is set by what is paid
// per match. Reading the quotation row of each match costs 3 to 4 us; the
// ranked path below avoids it and pays about 1 us per match, which keeps a
// word found in 5% of 500 000 quotations near 40 ms instead of 200.
#include "db/search.h"

#include <algorithm>
#include <cstdlib>

#include "db/search_keys.h"

namespace guillemet::db {
namespace {

// Columns read into a QuoteRecord by ReadRecord(), in this order, followed
// by the score.
constexpr char kRecordColumns[] =
    "q.doc_id, q.ordinal, q.quote, q.char_start, q.char_end, q.byte_start, q.byte_end, "
    "q.kind, q.speaker, q.speaker_id, q.mention, q.mention_start, q.mention_end, q.cue, "
    "q.method, q.confidence, q.date, q.context, d.url, d.title";

// Ranks the quote itself above its context, which also holds the quote's
// words and so would otherwise count them twice as much.
constexpr char kScore[] = "bm25(quotations_fts, 2.0, 1.0)";

// Below this many matches, checking each against the filters is cheaper
// than listing the ids the filters allow.
constexpr size_t kIdSetMinMatches = 512;
// Listing allowed ids costs ~0.2 us each, checking a match ~2.5 us: give up
// on the list once it is this many times longer than the matches.
constexpr size_t kIdSetMaxRatio = 8;

QuoteKind KindFromName(const std::string& name) {
  if (name == "partial") return QuoteKind::kPartial;
  if (name == "tweet") return QuoteKind::kTweet;
  if (name == "mention") return QuoteKind::kMention;
  return QuoteKind::kDirect;
}

std::optional<size_t> OptionalSize(const Statement& stmt, int column) {
  std::optional<int64_t> value = stmt.OptionalInt(column);
  if (!value) return std::nullopt;
  return static_cast<size_t>(*value);
}

void ReadRecord(const Statement& stmt, QuoteRecord* r) {
  Quotation& q = r->quotation;
  r->doc_id = stmt.Text(0);
  r->ordinal = static_cast<size_t>(stmt.Int(1));
  q.quote = stmt.Text(2);
  q.start = static_cast<size_t>(stmt.Int(3));
  q.end = static_cast<size_t>(stmt.Int(4));
  q.byte_start = static_cast<size_t>(stmt.Int(5));
  q.byte_end = static_cast<size_t>(stmt.Int(6));
  q.kind = KindFromName(stmt.Text(7));
  q.speaker = stmt.OptionalText(8);
  q.speaker_id = stmt.OptionalText(9);
  q.mention = stmt.Text(10);
  q.mention_start = OptionalSize(stmt, 11);
  q.mention_end = OptionalSize(stmt, 12);
  q.cue = stmt.Text(13);
  q.method = stmt.Text(14);
  q.confidence = stmt.Real(15);
  q.date = stmt.Text(16);
  r->context = stmt.Text(17);
  r->url = stmt.Text(18);
  r->title = stmt.Text(19);
  r->score = stmt.Real(20);
}

// The order of every result list: best score, then newest, then article
// and position, so that equal inputs always list in the same order.
bool ResultBefore(const QuoteRecord& a, const QuoteRecord& b) {
  if (a.score != b.score) return a.score < b.score;
  if (a.quotation.date != b.quotation.date) return a.quotation.date > b.quotation.date;
  if (a.doc_id != b.doc_id) return a.doc_id < b.doc_id;
  return a.ordinal < b.ordinal;
}

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

// A statement either borrowed from the connection's cache or owned here.
class StatementHolder {
 public:
  Status Acquire(Connection* db, const std::string& sql, bool cached) {
    if (cached) {
      Status s = db->Cached(sql, &borrowed_);
      stmt_ = s.ok() ? &*borrowed_ : nullptr;
      return s;
    }
    Status s = db->Prepare(sql, &owned_);
    stmt_ = s.ok() ? &owned_ : nullptr;
    return s;
  }
  Statement* operator->() const { return stmt_; }
  Statement& operator*() const { return *stmt_; }

 private:
  Statement owned_;
  ScopedStatement borrowed_;
  Statement* stmt_ = nullptr;
};

void BindAll(const std::vector<std::string>& params, Statement* stmt) {
  for (size_t i = 0; i < params.size(); ++i) stmt->Bind(static_cast<int>(i + 1), params[i]);
}

std::string NextParam(const SearchPlan& plan) {
  return "?" + std::to_string(plan.params.size() + 1);
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
    sql = std::string("SELECT ") + kRecordColumns +
          ", 0.0 FROM quotations q JOIN documents d ON d.id = q.doc_id WHERE 1" + plan.filters +
          " ORDER BY q.date DESC, q.doc_id, q.ordinal" + limit;
  } else {
    // CROSS JOIN keeps the full-text index as the outer loop: driving from
    // the speaker index instead runs one full-text query per candidate.
    sql = std::string("SELECT ") + kRecordColumns + ", r.score FROM (SELECT q.id AS id, " + kScore +
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

struct Match {
  int64_t id;
  double score;
};

// Every match of the words with its score, straight from the index.
Status CollectMatches(Connection* db, const std::string& fts, bool cached,
                      std::vector<Match>* matches) {
  StatementHolder stmt;
  Status s = stmt.Acquire(
      db,
      std::string("SELECT rowid, ") + kScore + " FROM quotations_fts WHERE quotations_fts MATCH ?1",
      cached);
  if (!s.ok()) return s;
  stmt->Bind(1, fts);
  for (;;) {
    bool row = false;
    s = stmt->Step(&row);
    if (!s.ok() || !row) return s;
    matches->push_back({stmt->Int(0), stmt->Real(1)});
  }
}

// Lists the ids the filters allow, through the speaker or date index,
// unless there are more than `cap`: then *complete is false.
Status AllowedIds(Connection* db, const SearchPlan& plan, bool cached, size_t cap,
                  std::vector<int64_t>* ids, bool* complete) {
  StatementHolder stmt;
  Status s = stmt.Acquire(
      db, "SELECT q.id FROM quotations q WHERE 1" + plan.filters + " LIMIT " + NextParam(plan),
      cached);
  if (!s.ok()) return s;
  BindAll(plan.params, &*stmt);
  stmt->Bind(static_cast<int>(plan.params.size() + 1), static_cast<int64_t>(cap + 1));
  for (;;) {
    bool row = false;
    s = stmt->Step(&row);
    if (!s.ok()) return s;
    if (!row) break;
    ids->push_back(stmt->Int(0));
  }
  *complete = ids->size() <= cap;
  std::sort(ids->begin(), ids->end());
  return Status::OK();
}

// Drops the matches that fail the non-word filters, by whichever of two
// methods is cheaper for the sizes at hand.
Status FilterMatches(Connection* db, const SearchPlan& plan, bool cached,
                     std::vector<Match>* matches) {
  if (plan.filters.empty() || matches->empty()) return Status::OK();
  if (plan.indexed_filter && matches->size() >= kIdSetMinMatches) {
    std::vector<int64_t> ids;
    bool complete = false;
    Status s = AllowedIds(db, plan, cached, kIdSetMaxRatio * matches->size(), &ids, &complete);
    if (!s.ok()) return s;
    if (complete) {
      matches->erase(std::remove_if(matches->begin(), matches->end(),
                                    [&](const Match& m) {
                                      return !std::binary_search(ids.begin(), ids.end(), m.id);
                                    }),
                     matches->end());
      return Status::OK();
    }
  }
  StatementHolder check;
  Status s = check.Acquire(
      db, "SELECT 1 FROM quotations q WHERE q.id = " + NextParam(plan) + plan.filters, cached);
  if (!s.ok()) return s;
  size_t kept = 0;
  for (const Match& m : *matches) {
    check->Reset();
    BindAll(plan.params, &*check);
    check->Bind(static_cast<int>(plan.params.size() + 1), m.id);
    bool row = false;
    s = check->Step(&row);
    if (!s.ok()) return s;
    if (row) (*matches)[kept++] = m;
  }
  matches->resize(kept);
  return Status::OK();
}

// Reorders [begin, end), matches of equal score, so that its first `keep`
// are the newest by (date desc, doc_id, ordinal), reading only those columns.
Status KeepNewestTied(Connection* db, bool cached, size_t keep, std::vector<Match>::iterator begin,
                      std::vector<Match>::iterator end) {
  struct Keyed {
    std::string date, doc_id;
    int64_t ordinal;
    Match match;
  };
  std::vector<Keyed> keyed;
  StatementHolder stmt;
  Status s = stmt.Acquire(db, "SELECT date, doc_id, ordinal FROM quotations WHERE id = ?1", cached);
  if (!s.ok()) return s;
  for (auto m = begin; m != end; ++m) {
    stmt->Reset();
    stmt->Bind(1, m->id);
    bool row = false;
    s = stmt->Step(&row);
    if (!s.ok()) return s;
    if (row) keyed.push_back({stmt->Text(0), stmt->Text(1), stmt->Int(2), *m});
  }
  keep = std::min(keep, keyed.size());
  std::partial_sort(keyed.begin(), keyed.begin() + keep, keyed.end(),
                    [](const Keyed& a, const Keyed& b) {
                      if (a.date != b.date) return a.date > b.date;
                      if (a.doc_id != b.doc_id) return a.doc_id < b.doc_id;
                      return a.ordinal < b.ordinal;
                    });
  for (size_t i = 0; i < keep; ++i) begin[i] = keyed[i].match;
  return Status::OK();
}

// Words with a limit: collect (id, score) of every match from the index,
// filter, keep the `limit` best (reading dates only for a group tied at the
// cut), and read full rows for those alone. Same results as RunOrdered.
Status RunRanked(Connection* db, const SearchPlan& plan, bool cached,
                 const std::function<bool(const QuoteRecord&)>& row) {
  std::vector<Match> matches;
  Status s = CollectMatches(db, plan.fts, cached, &matches);
  if (s.ok()) s = FilterMatches(db, plan, cached, &matches);
  if (!s.ok()) return s;
  const size_t limit = plan.limit;
  if (matches.size() > limit) {
    std::nth_element(matches.begin(), matches.begin() + (limit - 1), matches.end(),
                     [](const Match& a, const Match& b) { return a.score < b.score; });
    const double cut = matches[limit - 1].score;
    auto tied = std::partition(matches.begin(), matches.end(),
                               [cut](const Match& m) { return m.score < cut; });
    auto end =
        std::partition(tied, matches.end(), [cut](const Match& m) { return m.score == cut; });
    const size_t places = limit - static_cast<size_t>(tied - matches.begin());
    if (static_cast<size_t>(end - tied) > places) {
      s = KeepNewestTied(db, cached, places, tied, end);
      if (!s.ok()) return s;
      end = tied + places;
    }
    matches.erase(end, matches.end());
  }

  StatementHolder fetch;
  s = fetch.Acquire(db,
                    std::string("SELECT ") + kRecordColumns +
                        ", 0.0 FROM quotations q JOIN documents d ON d.id = q.doc_id"
                        " WHERE q.id = ?1",
                    cached);
  if (!s.ok()) return s;
  std::vector<QuoteRecord> top;
  for (const Match& m : matches) {
    fetch->Reset();
    fetch->Bind(1, m.id);
    bool found = false;
    s = fetch->Step(&found);
    if (!s.ok()) return s;
    if (!found) {
      return Status::Error("full-text index entry " + std::to_string(m.id) +
                           " has no quotation; the index needs rebuilding");
    }
    top.emplace_back();
    ReadRecord(*fetch, &top.back());
    top.back().score = m.score;
  }
  std::sort(top.begin(), top.end(), ResultBefore);
  for (const QuoteRecord& record : top) {
    if (!row(record)) break;
  }
  return Status::OK();
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
