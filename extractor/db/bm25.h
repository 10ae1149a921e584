// guillemet_bm25(quotations_fts, weight...): FTS5's own bm25 ranking, the
// same formula with the same constants (k1 = 1.2, b = 0.75, the IDF floor of
// 1e-6), computed in the same order so that it returns the same doubles,
// but reading each match's length from fts_lengths (rank_blocks.h) instead
// of one %_docsize look-up per match. Lower is better, as with bm25().
// Internal to guillemet_db.
#ifndef GUILLEMET_DB_BM25_H_
#define GUILLEMET_DB_BM25_H_

#include <cstdint>

#include "db/sqlite.h"

namespace guillemet::db {

constexpr char kBm25FunctionName[] = "guillemet_bm25";

// guillemet_bm25_stream(quotations_fts, ?sink, weight...) gives every match
// of a one-phrase query to a MatchSink bound as a pointer of this type, with
// the score guillemet_bm25 would return, in one call (see bm25.cc).
constexpr char kBm25StreamFunctionName[] = "guillemet_bm25_stream";
constexpr char kMatchSinkPointerType[] = "guillemet_match_sink";

class MatchSink {
 public:
  virtual ~MatchSink() = default;
  // False stops the stream with an error.
  virtual bool Add(int64_t rowid, double score) = 0;
};

// Makes guillemet_bm25 and guillemet_bm25_stream available to the
// statements of `db`.
Status RegisterBm25(Connection* db);

}  // namespace guillemet::db

#endif  // GUILLEMET_DB_BM25_H_
