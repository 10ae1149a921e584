#include "io/runner.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace guillemet {
namespace io {
namespace {

// A slot's life: kFree -> (reader fills it) kRead -> (a worker processes it)
// kDone -> (the consumer uses it) kFree. Whoever moved a slot to a state
// owns its article until the next move, so articles are touched outside the
// lock; the lock only guards the states and counters.
enum class SlotState { kFree, kRead, kDone };

struct Slot {
  Article article;
  SlotState state = SlotState::kFree;
};

class OrderedRun {
 public:
  OrderedRun(ArticleSource* source, size_t slots, const ProcessFn& process)
      : source_(source), slots_(slots), process_(process) {}

  void ReadLoop() {
    for (uint64_t seq = 0;; ++seq) {
      Slot& slot = slots_[seq % slots_.size()];
      {
        std::unique_lock<std::mutex> lock(mu_);
        free_cv_.wait(lock, [&] { return slot.state == SlotState::kFree || stop_; });
        if (stop_) return Finish(seq, &lock);
      }
      slot.article.Clear();
      bool more;
      try {
        more = source_->Next(&slot.article);
      } catch (const std::exception& e) {
        // Out of memory or the like: stop reading, keep what was read.
        slot.article.error = std::string("reading stopped: ") + e.what();
        more = true;
        std::lock_guard<std::mutex> lock(mu_);
        reader_failed_ = true;
      }
      std::unique_lock<std::mutex> lock(mu_);
      if (!more) return Finish(seq, &lock);
      slot.state = SlotState::kRead;
      read_ = seq + 1;
      work_cv_.notify_one();
      if (reader_failed_) return Finish(seq + 1, &lock);
    }
  }

  void WorkLoop() {
    for (;;) {
      uint64_t seq;
      {
        std::unique_lock<std::mutex> lock(mu_);
        work_cv_.wait(lock, [&] { return next_work_ < read_ || reading_done_ || stop_; });
        if (stop_ || next_work_ >= read_) return;  // Reading done and all taken.
        seq = next_work_++;
      }
      Slot& slot = slots_[seq % slots_.size()];
      if (slot.article.ok()) {
        try {
          process_(&slot.article);
        } catch (const std::exception& e) {
          slot.article.error = std::string("extraction failed: ") + e.what();
        } catch (...) {
          slot.article.error = "extraction failed";
        }
      }
      std::lock_guard<std::mutex> lock(mu_);
      slot.state = SlotState::kDone;
      if (seq == consumed_) done_cv_.notify_one();  // Only the next in order matters.
    }
  }

  RunStats ConsumeLoop(const ConsumeFn& consume) {
    RunStats stats;
    for (uint64_t seq = 0;; ++seq) {
      Slot& slot = slots_[seq % slots_.size()];
      {
        std::unique_lock<std::mutex> lock(mu_);
        done_cv_.wait(lock, [&] {
          return slot.state == SlotState::kDone || (reading_done_ && seq >= total_);
        });
        if (slot.state != SlotState::kDone) break;
      }
      ++stats.articles;
      bool go_on = consume(slot.article);
      std::lock_guard<std::mutex> lock(mu_);
      slot.state = SlotState::kFree;
      consumed_ = seq + 1;
      free_cv_.notify_one();
      if (!go_on) {
        stats.stopped = true;
        stop_ = true;
        work_cv_.notify_all();
        free_cv_.notify_all();
        break;
      }
    }
    return stats;
  }

 private:
  void Finish(uint64_t total, std::unique_lock<std::mutex>* lock) {
    reading_done_ = true;
    total_ = total;
    work_cv_.notify_all();
    done_cv_.notify_all();
  }

  ArticleSource* const source_;
  std::vector<Slot> slots_;
  const ProcessFn& process_;

  // State below is protected by mu_.
  std::mutex mu_;
  std::condition_variable free_cv_;  // The reader waits for a free slot.
  std::condition_variable work_cv_;  // Workers wait for a read slot.
  std::condition_variable done_cv_;  // The consumer waits for the next slot in order.
  uint64_t read_ = 0;                // Slots [0, read_) have been read.
  uint64_t next_work_ = 0;           // The next slot a worker takes.
  uint64_t consumed_ = 0;            // Slots [0, consumed_) have been consumed.
  uint64_t total_ = 0;               // Number of items, once reading_done_.
  bool reading_done_ = false;
  bool reader_failed_ = false;
  bool stop_ = false;
};

}  // namespace

int ResolveThreads(int threads) {
  if (threads > 0) return threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

RunStats RunOrdered(ArticleSource* source, const RunnerOptions& options, const ProcessFn& process,
                    const ConsumeFn& consume) {
  const int workers = ResolveThreads(options.threads);
  size_t slots = options.in_flight > 0 ? options.in_flight
                                       : std::max<size_t>(8, 4 * static_cast<size_t>(workers));
  OrderedRun run(source, slots, process);
  std::thread reader([&] { run.ReadLoop(); });
  std::vector<std::thread> pool;
  pool.reserve(workers);
  for (int i = 0; i < workers; ++i) pool.emplace_back([&] { run.WorkLoop(); });
  RunStats stats = run.ConsumeLoop(consume);
  reader.join();
  for (std::thread& t : pool) t.join();
  return stats;
}

}  // namespace io
}  // namespace guillemet
