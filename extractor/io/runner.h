// The parallel ordered loop: one thread reads articles, N workers process
// them, and the calling thread consumes them in input order. A fixed ring of
// article slots bounds memory whatever the size of the input (a slot keeps
// only a small text buffer between articles), and the slots' buffers are
// reused from one article to the next, so a long run settles into no
// per-article allocation by the reader.
#ifndef GUILLEMET_IO_RUNNER_H_
#define GUILLEMET_IO_RUNNER_H_

#include <cstdint>
#include <functional>

#include "io/article.h"

namespace guillemet {
namespace io {

struct RunnerOptions {
  int threads = 0;       // Workers; 0 means one per core.
  // Articles read but not yet consumed; 0 means 128 per worker (at least 512).
  size_t in_flight = 0;
};

// Called on worker threads, several at once: must be thread-safe. Fills
// article->extraction (or article->error). Exceptions are caught and turn
// the article into a failed one.
using ProcessFn = std::function<void(Article* article)>;
// Called on the calling thread, once per article, in input order. Returning
// false stops the run early (e.g. the output can no longer be written).
using ConsumeFn = std::function<bool(Article& article)>;

struct RunStats {
  uint64_t articles = 0;  // Items consumed.
  bool stopped = false;   // A ConsumeFn returned false.
};

// Reads `source` to its end through `process` and `consume`.
RunStats RunOrdered(ArticleSource* source, const RunnerOptions& options, const ProcessFn& process,
                    const ConsumeFn& consume);

// The number of workers `threads` stands for (0 = one per core).
int ResolveThreads(int threads);

}  // namespace io
}  // namespace guillemet

#endif  // GUILLEMET_IO_RUNNER_H_
