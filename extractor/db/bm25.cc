// The guillemet_bm25 FTS5 auxiliary function (see bm25.h). FTS5's bm25 is
// in ext/fts5/fts5_aux.c of SQLite; this follows its arithmetic step by
// step, changing only where the row's length comes from.
#include "db/bm25.h"

#include <sqlite3.h>

#include <cmath>
#include <memory>
#include <vector>

#include "db/rank_blocks.h"

namespace guillemet::db {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
// bm25's floor for the IDF of a phrase found in half the rows or more,
// which the formula would make zero or negative.
constexpr double kMinimumIdf = 1e-6;

// What one query computes once and reuses for each of its matches.
struct QueryState {
  explicit QueryState(sqlite3* db) : lengths(db) {}
  double average_length = 0;  // Tokens per row over the whole table.
  std::vector<double> idf;    // Per phrase of the query.
  std::vector<double> frequency;
  RowLengthReader lengths;
};

int CountRow(const Fts5ExtensionApi*, Fts5Context*, void* count) {
  ++*static_cast<int64_t*>(count);
  return SQLITE_OK;
}

int NewQueryState(const Fts5ExtensionApi* api, Fts5Context* fts, QueryState** out) {
  auto state = std::make_unique<QueryState>(static_cast<sqlite3*>(api->xUserData(fts)));
  sqlite3_int64 rows = 0, tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return rc;
  state->average_length = static_cast<double>(tokens) / static_cast<double>(rows);
  const int phrases = api->xPhraseCount(fts);
  for (int i = 0; i < phrases; ++i) {
    int64_t hits = 0;
    rc = api->xQueryPhrase(fts, i, &hits, CountRow);
    if (rc != SQLITE_OK) return rc;
    double idf = std::log((rows - hits + 0.5) / (hits + 0.5));
    if (idf <= 0.0) idf = kMinimumIdf;
    state->idf.push_back(idf);
  }
  state->frequency.resize(state->idf.size());
  *out = state.get();
  return api->xSetAuxdata(fts, state.release(),
                          [](void* p) { delete static_cast<QueryState*>(p); });
}

// The weighted occurrences of each phrase of the query in the current row
// into state->frequency, summed in the order bm25 sums them (by column,
// then offset), with weight(column) the column's weight.
template <typename Weight>
int CountOccurrences(const Fts5ExtensionApi* api, Fts5Context* fts, const Weight& weight,
                     QueryState* state) {
  int rc = SQLITE_OK;
  for (size_t i = 0; rc == SQLITE_OK && i < state->frequency.size(); ++i) {
    double frequency = 0;
    Fts5PhraseIter it;
    int column = 0, offset = 0;
    rc = api->xPhraseFirst(fts, static_cast<int>(i), &it, &column, &offset);
    for (; rc == SQLITE_OK && column >= 0; api->xPhraseNext(fts, &it, &column, &offset)) {
      frequency += weight(column);
    }
    state->frequency[i] = frequency;
  }
  return rc;
}

// bm25's formula, term by term as fts5_aux.c writes it.
double Score(const QueryState& state, int64_t length) {
  const double d = static_cast<double>(length);
  double score = 0.0;
  for (size_t i = 0; i < state.frequency.size(); ++i) {
    const double f = state.frequency[i];
    score +=
        state.idf[i] * ((f * (kK1 + 1.0)) / (f + kK1 * (1 - kB + kB * d / state.average_length)));
  }
  return -1.0 * score;
}

// guillemet_bm25(quotations_fts, weight...): the score of the current row.
void Bm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context, int weight_count,
          sqlite3_value** weights) {
  auto* state = static_cast<QueryState*>(api->xGetAuxdata(fts, 0));
  int rc = SQLITE_OK;
  if (state == nullptr) rc = NewQueryState(api, fts, &state);
  auto weight = [&](int column) {
    return weight_count > column ? sqlite3_value_double(weights[column]) : 1.0;
  };
  if (rc == SQLITE_OK) rc = CountOccurrences(api, fts, weight, state);
  int64_t length = 0;
  if (rc == SQLITE_OK) rc = state->lengths.Get(api->xRowid(fts), &length);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(context, rc);
    return;
  }
  sqlite3_result_double(context, Score(*state, length));
}

struct Stream {
  QueryState* state;
  std::vector<double> weights;
  MatchSink* sink;
};

int StreamRow(const Fts5ExtensionApi* api, Fts5Context* fts, void* data) {
  auto* stream = static_cast<Stream*>(data);
  auto weight = [stream](int column) {
    return static_cast<size_t>(column) < stream->weights.size() ? stream->weights[column] : 1.0;
  };
  int rc = CountOccurrences(api, fts, weight, stream->state);
  const int64_t rowid = api->xRowid(fts);
  int64_t length = 0;
  if (rc == SQLITE_OK) rc = stream->state->lengths.Get(rowid, &length);
  if (rc == SQLITE_OK && !stream->sink->Add(rowid, Score(*stream->state, length))) {
    rc = SQLITE_ABORT;
  }
  return rc;
}

// guillemet_bm25_stream(quotations_fts, sink, weight...): on a query of one
// phrase, gives `sink` every match of the query and its score, the one
// phrase's rows being the query's, in one pass over the index. That saves
// the statement's work per row, a third of a frequent word's time. Returns
// 1 when it streamed, 0 for a query of several phrases (whose matches are
// the rows of the statement, not of any one phrase): then run
// guillemet_bm25 per row instead.
void Bm25Stream(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context,
                int arg_count, sqlite3_value** args) {
  if (api->xPhraseCount(fts) != 1) {
    sqlite3_result_int(context, 0);
    return;
  }
  Stream stream;
  stream.sink = arg_count > 0
                    ? static_cast<MatchSink*>(sqlite3_value_pointer(args[0], kMatchSinkPointerType))
                    : nullptr;
  if (stream.sink == nullptr) {
    sqlite3_result_error(context, "guillemet_bm25_stream needs a match sink", -1);
    return;
  }
  for (int i = 1; i < arg_count; ++i) stream.weights.push_back(sqlite3_value_double(args[i]));
  int rc = NewQueryState(api, fts, &stream.state);
  if (rc == SQLITE_OK) rc = api->xQueryPhrase(fts, 0, &stream, StreamRow);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(context, rc);
    return;
  }
  sqlite3_result_int(context, 1);
}

}  // namespace

Status RegisterBm25(Connection* db) {
  // The documented way to reach FTS5's API: SELECT fts5(?) fills a pointer.
  fts5_api* api = nullptr;
  Statement stmt;
  Status s = db->Prepare("SELECT fts5(?1)", &stmt);
  if (!s.ok()) return s;
  stmt.BindPointer(1, &api, "fts5_api_ptr");
  bool row = false;
  s = stmt.Step(&row);
  if (!s.ok()) return s;
  if (api == nullptr || api->iVersion < 2) {
    return Status::Error("this SQLite's FTS5 is too old to register a ranking function");
  }
  int rc = api->xCreateFunction(api, kBm25FunctionName, db->handle(), Bm25, nullptr);
  if (rc == SQLITE_OK) {
    rc = api->xCreateFunction(api, kBm25StreamFunctionName, db->handle(), Bm25Stream, nullptr);
  }
  if (rc != SQLITE_OK) {
    return Status::Error(std::string("cannot register the ranking functions: ") +
                         sqlite3_errstr(rc));
  }
  return Status::OK();
}

}  // namespace guillemet::db
