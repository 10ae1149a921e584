// Word searches with a limit. bm25 must score every match before the first
// result is known, so what a search costs is what it pays per match. Here
// that is one row of the full-text index and an entry of fts_lengths (see
// bm25.h): no quotation row is read for a match that is not shown, and only
// a bounded set of candidates is kept in memory. Rows are read at the end,
// for the candidates in rank order, until `limit` of them pass the filters.
//
// Filters are applied in two steps. While streaming, a cheap pre-filter that
// may let too much through but never too little: the ids the speaker and
// date indexes allow when they are few, else the day numbers of fts_days.
// At the end, reading each candidate's row checks every filter exactly.
// When the pre-filter was not exact and too few candidates pass, the search
// runs again keeping every match.
#include <algorithm>
#include <limits>

#include "db/bm25.h"
#include "db/rank_blocks.h"
#include "db/search.h"
#include "db/search_internal.h"

namespace guillemet::db {
namespace {

// Listing the ids the speaker and date filters allow costs about a page per
// 100 ids; past this many, the day numbers filter instead.
constexpr size_t kMaxAllowedIds = 8192;

struct Match {
  int64_t id;
  double score;
};

// Of a stream of matches, keeps those that can still be among the best
// `keep`: all that score better than the keep-th best seen so far, and all
// tied with it. keep == 0 keeps every match.
class BestMatches {
 public:
  explicit BestMatches(size_t keep) : keep_(keep), prune_at_(2 * keep + 1024) {}

  void Add(const Match& m) {
    if (m.score > cut_) {
      dropped_ = true;
      return;
    }
    matches_.push_back(m);
    if (keep_ > 0 && matches_.size() >= prune_at_) Prune();
  }

  // The kept matches, best first.
  std::vector<Match> Take() {
    if (keep_ > 0) Prune();
    std::sort(matches_.begin(), matches_.end(),
              [](const Match& a, const Match& b) { return a.score < b.score; });
    return std::move(matches_);
  }

  // Whether a match was left out.
  bool dropped() const { return dropped_; }

 private:
  void Prune() {
    if (matches_.size() <= keep_) return;
    std::nth_element(matches_.begin(), matches_.begin() + (keep_ - 1), matches_.end(),
                     [](const Match& a, const Match& b) { return a.score < b.score; });
    cut_ = matches_[keep_ - 1].score;
    const size_t before = matches_.size();
    matches_.erase(std::remove_if(matches_.begin(), matches_.end(),
                                  [this](const Match& m) { return m.score > cut_; }),
                   matches_.end());
    dropped_ = dropped_ || matches_.size() < before;
    // Many ties with the cut stay; prune again only once the list doubled.
    prune_at_ = std::max(prune_at_, 2 * matches_.size());
  }

  const size_t keep_;
  size_t prune_at_;
  double cut_ = std::numeric_limits<double>::infinity();
  bool dropped_ = false;
  std::vector<Match> matches_;
};

// What the stream of matches is filtered by before ranking.
struct PreFilter {
  bool exact = true;    // Passing it means passing every filter.
  bool by_ids = false;  // Only the ids in `ids` (sorted) pass.
  std::vector<int64_t> ids;
  bool by_days = false;    // Only days in [first_day, last_day] pass,
  unsigned first_day = 0;  // and unknown days (checked on the row).
  unsigned last_day = 0;
};

Status ListAllowedIds(Connection* db, const SearchPlan& plan, bool cached, size_t cap,
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

Status PlanPreFilter(Connection* db, const SearchPlan& plan, bool cached, PreFilter* pre) {
  if (plan.filters.empty()) return Status::OK();
  if (plan.indexed_filter) {
    bool complete = false;
    Status s = ListAllowedIds(db, plan, cached, kMaxAllowedIds, &pre->ids, &complete);
    if (!s.ok()) return s;
    if (complete) {
      pre->by_ids = true;  // The same SQL filters as the rows': exact.
      return Status::OK();
    }
    pre->ids.clear();
  }
  pre->exact = false;
  if (!plan.since.empty() || !plan.until.empty()) {
    pre->by_days = true;
    pre->first_day = FirstDayNumberFrom(plan.since.empty() ? "0" : plan.since);
    pre->last_day = plan.until.empty() ? kUnknownDay - 1 : LastDayNumberUntil(plan.until);
  }
  return Status::OK();
}

// Takes matches, drops those the pre-filter rejects, and keeps the best.
class FilteredMatches : public MatchSink {
 public:
  FilteredMatches(Connection* db, const PreFilter& pre, BestMatches* best)
      : pre_(pre), best_(best), days_(db->handle(), "fts_days", 2) {}

  bool Add(int64_t rowid, double score) override {
    if (pre_.by_ids && !std::binary_search(pre_.ids.begin(), pre_.ids.end(), rowid)) return true;
    if (pre_.by_days) {
      unsigned day = kUnknownDay;
      if (days_.Get(rowid, &day) != 0) return false;
      if (day != kUnknownDay && (day < pre_.first_day || day > pre_.last_day)) return true;
    }
    best_->Add({rowid, score});
    return true;
  }

 private:
  const PreFilter& pre_;
  BestMatches* const best_;
  RankBlockReader days_;
};

// Every match of the words with its score, through `sink`: in one call
// when the words are one phrase, else row by row.
Status StreamMatches(Connection* db, const SearchPlan& plan, bool cached, MatchSink* sink) {
  StatementHolder whole;
  Status s = whole.Acquire(db,
                           std::string("SELECT ") + kStreamScoresExpression +
                               " FROM quotations_fts WHERE quotations_fts MATCH ?1 LIMIT 1",
                           cached);
  if (!s.ok()) return s;
  whole->Bind(1, plan.fts);
  whole->BindPointer(2, sink, kMatchSinkPointerType);
  bool row = false;
  s = whole->Step(&row);
  const bool streamed = s.ok() && (!row || whole->Int(0) == 1);  // No row: no match.
  whole->Reset();
  if (!s.ok() || streamed) return s;

  StatementHolder each;
  s = each.Acquire(db,
                   std::string("SELECT rowid, ") + kScoreExpression +
                       " FROM quotations_fts WHERE quotations_fts MATCH ?1",
                   cached);
  if (!s.ok()) return s;
  each->Bind(1, plan.fts);
  for (;;) {
    s = each->Step(&row);
    if (!s.ok() || !row) return s;
    if (!sink->Add(each->Int(0), each->Real(1))) return Status::Error("reading fts_days failed");
  }
}

// Reads rows for candidates, in rank order, until `limit` pass the filters.
class RowFetcher {
 public:
  RowFetcher(Connection* db, const SearchPlan& plan, bool cached)
      : db_(db), plan_(plan), cached_(cached) {}

  // The row of `id` into *record if it passes every filter (*passed).
  Status Fetch(int64_t id, QuoteRecord* record, bool* passed) {
    if (!prepared_) {
      Status s = stmt_.Acquire(db_,
                               std::string("SELECT ") + kRecordColumns +
                                   ", 0.0 FROM quotations q JOIN documents d ON d.id = q.doc_id"
                                   " WHERE q.id = " +
                                   NextParam(plan_) + plan_.filters,
                               cached_);
      if (!s.ok()) return s;
      prepared_ = true;
    }
    stmt_->Reset();
    BindAll(plan_.params, &*stmt_);
    stmt_->Bind(static_cast<int>(plan_.params.size() + 1), id);
    Status s = stmt_->Step(passed);
    if (s.ok() && *passed) ReadRecord(*stmt_, record);
    return s;
  }

  // The stored date of `id`, whatever the filters.
  Status Date(int64_t id, std::string* date) {
    StatementHolder stmt;
    Status s = stmt.Acquire(db_, "SELECT date FROM quotations WHERE id = ?1", cached_);
    if (!s.ok()) return s;
    stmt->Bind(1, id);
    bool row = false;
    s = stmt->Step(&row);
    *date = row ? stmt->Text(0) : std::string();
    return s;
  }

 private:
  Connection* const db_;
  const SearchPlan& plan_;
  const bool cached_;
  bool prepared_ = false;
  StatementHolder stmt_;
};

// Appends to *out, in result order, the rows of a group of candidates of
// equal score that pass the filters, until *out holds `limit`. Only when
// the group may not all fit does it look at their days first, so that the
// rows read are those of the newest days.
Status TakeGroup(RowFetcher* fetcher, RankBlockReader* days,
                 std::vector<Match>::const_iterator begin, std::vector<Match>::const_iterator end,
                 bool may_reject, size_t limit, std::vector<QuoteRecord>* out) {
  struct Dated {
    std::string date;
    int64_t id;
  };
  std::vector<Dated> group;
  const size_t places = limit - out->size();
  const bool all_fit = !may_reject && static_cast<size_t>(end - begin) <= places;
  // Days are read in rowid order, so that each block is read once (the
  // reader keeps one); the order within the group does not matter, as each
  // date's rows are sorted below.
  std::vector<int64_t> ids;
  ids.reserve(end - begin);
  for (auto m = begin; m != end; ++m) ids.push_back(m->id);
  if (!all_fit) std::sort(ids.begin(), ids.end());
  for (int64_t id : ids) {
    Dated d{std::string(), id};
    if (!all_fit) {
      unsigned day = kUnknownDay;
      if (days->Get(id, &day) != 0) return Status::Error("reading fts_days failed");
      if (day == kUnknownDay) {
        Status s = fetcher->Date(id, &d.date);
        if (!s.ok()) return s;
      } else {
        d.date = DateOfDayNumber(day);
      }
    }
    group.push_back(std::move(d));
  }
  std::sort(group.begin(), group.end(),
            [](const Dated& a, const Dated& b) { return a.date > b.date; });
  const double score = begin->score;
  // One date at a time: its rows are read, and ordered by article and
  // position, before the next (older) date is looked at.
  for (size_t i = 0; i < group.size() && out->size() < limit;) {
    size_t j = i;
    std::vector<QuoteRecord> same_date;
    for (; j < group.size() && group[j].date == group[i].date; ++j) {
      QuoteRecord record;
      bool passed = false;
      Status s = fetcher->Fetch(group[j].id, &record, &passed);
      if (!s.ok()) return s;
      if (!passed) continue;
      record.score = score;
      same_date.push_back(std::move(record));
    }
    std::sort(same_date.begin(), same_date.end(), ResultBefore);
    for (QuoteRecord& record : same_date) {
      if (out->size() == limit) break;
      out->push_back(std::move(record));
    }
    i = j;
  }
  return Status::OK();
}

Status RankAndFetch(Connection* db, const SearchPlan& plan, bool cached, const PreFilter& pre,
                    size_t keep, std::vector<QuoteRecord>* out, bool* incomplete) {
  out->clear();
  BestMatches best(keep);
  Status s = Status::OK();
  {
    FilteredMatches sink(db, pre, &best);
    s = StreamMatches(db, plan, cached, &sink);
  }
  if (!s.ok()) return s;
  const std::vector<Match> candidates = best.Take();
  RowFetcher fetcher(db, plan, cached);
  RankBlockReader days(db->handle(), "fts_days", 2);
  for (auto group = candidates.begin(); group != candidates.end() && out->size() < plan.limit;) {
    auto end = std::find_if(group, candidates.end(),
                            [&](const Match& m) { return m.score != group->score; });
    s = TakeGroup(&fetcher, &days, group, end, !pre.exact, plan.limit, out);
    if (!s.ok()) return s;
    group = end;
  }
  *incomplete = out->size() < plan.limit && best.dropped();
  return Status::OK();
}

}  // namespace

Status RunRanked(Connection* db, const SearchPlan& plan, bool cached,
                 const std::function<bool(const QuoteRecord&)>& row) {
  PreFilter pre;
  Status s = PlanPreFilter(db, plan, cached, &pre);
  if (!s.ok()) return s;
  // An inexact pre-filter lets through matches that the rows then reject
  // (mostly mentions, a tenth of all quotations): keep a margin for them.
  const size_t keep = pre.exact ? plan.limit : 2 * plan.limit + 20;
  std::vector<QuoteRecord> top;
  bool incomplete = false;
  s = RankAndFetch(db, plan, cached, pre, keep, &top, &incomplete);
  if (s.ok() && incomplete) s = RankAndFetch(db, plan, cached, pre, 0, &top, &incomplete);
  if (!s.ok()) return s;
  for (const QuoteRecord& record : top) {
    if (!row(record)) break;
  }
  return Status::OK();
}

}  // namespace guillemet::db
