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
      : source_(source),
        slots_(slots),
        process_(process),
        batch_(std::max<uint64_t>(1, slots / 4)) {}

  // Each loop holds the lock except while it reads, processes or consumes,
  // so that publishing one article and waiting for the next costs a single
  // lock acquisition. A condition is signalled only when someone waits on
  // it, and the reader and the consumer, which are fast, are woken a batch
  // of slots at a time rather than once per article: a wake-up is a system
  // call, and per article it cost a sixth of a one-thread run. Whenever the
  // workers run out of work, everyone waiting is woken at once, so that a
  // partial batch never stalls the run.
  void ReadLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    for (uint64_t seq = 0;; ++seq) {
      Slot& slot = slots_[seq % slots_.size()];
      ++reader_waiting_;
      free_cv_.wait(lock, [&] { return slot.state == SlotState::kFree || stop_; });
      --reader_waiting_;
      if (stop_) return Finish(seq);
      lock.unlock();
      slot.article.Clear();
      bool more;
      bool failed = false;
      try {
        more = source_->Next(&slot.article);
      } catch (const std::exception& e) {
        // Out of memory or the like: stop reading, keep what was read.
        slot.article.error = std::string("reading stopped: ") + e.what();
        more = true;
        failed = true;
      }
      lock.lock();
      if (!more) return Finish(seq);
      slot.state = SlotState::kRead;
      read_ = seq + 1;
      if (workers_waiting_ > 0) work_cv_.notify_one();
      // A consumer waiting on a partial batch while the workers idled.
      if (consumer_waiting_ && DoneInOrder() > 0) done_cv_.notify_one();
      if (failed) return Finish(seq + 1);
    }
  }

  void WorkLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      ++workers_waiting_;
      work_cv_.wait(lock, [&] { return next_work_ < read_ || reading_done_ || stop_; });
      --workers_waiting_;
      if (stop_ || next_work_ >= read_) return;  // Reading done and all taken.
      const uint64_t seq = next_work_++;
      Slot& slot = slots_[seq % slots_.size()];
      lock.unlock();
      if (slot.article.ok()) {
        try {
          process_(&slot.article);
        } catch (const std::exception& e) {
          slot.article.error = std::string("extraction failed: ") + e.what();
        } catch (...) {
          slot.article.error = "extraction failed";
        }
      }
      lock.lock();
      slot.state = SlotState::kDone;
      // The consumer only ever waits for the next article in order.
      if (consumer_waiting_ && (DoneInOrder() >= batch_ || OutOfWork())) done_cv_.notify_one();
      if (reader_waiting_ > 0 && OutOfWork() && FreeSlots() > 0) free_cv_.notify_one();
    }
  }

  RunStats ConsumeLoop(const ConsumeFn& consume) {
    RunStats stats;
    std::unique_lock<std::mutex> lock(mu_);
    for (uint64_t seq = 0;; ++seq) {
      Slot& slot = slots_[seq % slots_.size()];
      consumer_waiting_ = true;
      done_cv_.wait(
          lock, [&] { return slot.state == SlotState::kDone || (reading_done_ && seq >= total_); });
      consumer_waiting_ = false;
      if (slot.state != SlotState::kDone) break;
      lock.unlock();
      ++stats.articles;
      bool go_on = consume(slot.article);
      lock.lock();
      slot.state = SlotState::kFree;
      consumed_ = seq + 1;
      if (reader_waiting_ > 0 && (FreeSlots() >= batch_ || OutOfWork())) free_cv_.notify_one();
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
  // The helpers below are called with mu_ held.

  // Slots done and next in order, up to a batch: what the consumer would
  // take if woken now.
  uint64_t DoneInOrder() const {
    uint64_t n = 0;
    while (n < batch_ && consumed_ + n < read_ &&
           slots_[(consumed_ + n) % slots_.size()].state == SlotState::kDone) {
      ++n;
    }
    return n;
  }
  // No slot read and waiting for a worker.
  bool OutOfWork() const { return next_work_ >= read_; }
  uint64_t FreeSlots() const { return slots_.size() - (read_ - consumed_); }

  void Finish(uint64_t total) {
    reading_done_ = true;
    total_ = total;
    work_cv_.notify_all();
    done_cv_.notify_all();
  }

  ArticleSource* const source_;
  std::vector<Slot> slots_;
  const ProcessFn& process_;
  const uint64_t batch_;  // Slots the reader and the consumer are woken for.

  // State below is protected by mu_.
  std::mutex mu_;
  std::condition_variable free_cv_;  // The reader waits for a free slot.
  std::condition_variable work_cv_;  // Workers wait for a read slot.
  std::condition_variable done_cv_;  // The consumer waits for the next slot in order.
  uint64_t read_ = 0;                // Slots [0, read_) have been read.
  uint64_t next_work_ = 0;           // The next slot a worker takes.
  uint64_t consumed_ = 0;            // Slots [0, consumed_) have been consumed.
  uint64_t total_ = 0;               // Number of items, once reading_done_.
  int reader_waiting_ = 0;
  int workers_waiting_ = 0;
  bool consumer_waiting_ = false;
  bool reading_done_ = false;
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
  // Enough slots that a slow article holding up the consumer rarely stops
  // the other workers, and that the reader and consumer are woken for a
  // batch of 128 at a time: with 8 slots per worker, -j2 left a sixth of two
  // cores idle (README, Performance). Memory stays small: a slot keeps a
  // text buffer of at most Article::kKeptTextCapacity between articles.
  const size_t slots = options.in_flight > 0
                           ? options.in_flight
                           : std::max<size_t>(512, 128 * static_cast<size_t>(workers));
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
