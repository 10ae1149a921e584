// Result rows of a search: the columns read, how they become a QuoteRecord,
// and the order of results (search_internal.h).
#include <optional>

#include "db/search_internal.h"

namespace guillemet::db {
namespace {

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

}  // namespace

const char kRecordColumns[] =
    "q.doc_id, q.ordinal, q.quote, q.char_start, q.char_end, q.byte_start, q.byte_end, "
    "q.kind, q.speaker, q.speaker_id, q.mention, q.mention_start, q.mention_end, q.cue, "
    "q.method, q.confidence, q.date, q.context, d.url, d.title";

const char kScoreExpression[] = "guillemet_bm25(quotations_fts, 2.0, 1.0)";
const char kStreamScoresExpression[] = "guillemet_bm25_stream(quotations_fts, ?2, 2.0, 1.0)";

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

bool ResultBefore(const QuoteRecord& a, const QuoteRecord& b) {
  if (a.score != b.score) return a.score < b.score;
  if (a.quotation.date != b.quotation.date) return a.quotation.date > b.quotation.date;
  if (a.doc_id != b.doc_id) return a.doc_id < b.doc_id;
  return a.ordinal < b.ordinal;
}

Status StatementHolder::Acquire(Connection* db, const std::string& sql, bool cached) {
  if (cached) {
    Status s = db->Cached(sql, &borrowed_);
    stmt_ = s.ok() ? &*borrowed_ : nullptr;
    return s;
  }
  Status s = db->Prepare(sql, &owned_);
  stmt_ = s.ok() ? &owned_ : nullptr;
  return s;
}

void BindAll(const std::vector<std::string>& params, Statement* stmt) {
  for (size_t i = 0; i < params.size(); ++i) stmt->Bind(static_cast<int>(i + 1), params[i]);
}

std::string NextParam(const SearchPlan& plan) {
  return "?" + std::to_string(plan.params.size() + 1);
}

}  // namespace guillemet::db
