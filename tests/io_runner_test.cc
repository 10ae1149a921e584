// Tests of the parallel ordered loop: input order is kept whatever the
// number of threads and however long each article takes, memory stays
// bounded to the in-flight window, and a failing step costs one article.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "io/runner.h"

namespace guillemet {
namespace io {
namespace {

// Yields `count` articles whose ids are their numbers.
class CountingSource : public ArticleSource {
 public:
  explicit CountingSource(int count) : count_(count) {}
  bool Next(Article* article) override {
    if (next_ == count_) return false;
    article->document.id = std::to_string(next_);
    article->index = static_cast<uint64_t>(next_++);
    ++read_;
    return true;
  }
  std::atomic<int> read_{0};

 private:
  int count_;
  int next_ = 0;
};

std::vector<std::string> RunWith(int threads, int count, const ProcessFn& process) {
  CountingSource source(count);
  std::vector<std::string> order;
  RunnerOptions options;
  options.threads = threads;
  RunStats stats = RunOrdered(&source, options, process, [&](Article& article) {
    order.push_back(article.document.id + (article.ok() ? "" : "!"));
    return true;
  });
  EXPECT_EQ(stats.articles, static_cast<uint64_t>(count));
  EXPECT_FALSE(stats.stopped);
  return order;
}

TEST(RunOrdered, KeepsInputOrderWhateverTheThreadsAndDelays) {
  // Early articles take longest, so that workers finish out of order.
  auto slow_first = [](Article* article) {
    int n = std::stoi(article->document.id);
    std::this_thread::sleep_for(std::chrono::microseconds((n % 7) * 200));
  };
  std::vector<std::string> one = RunWith(1, 300, slow_first);
  std::vector<std::string> eight = RunWith(8, 300, slow_first);
  ASSERT_EQ(one.size(), 300u);
  for (int i = 0; i < 300; ++i) EXPECT_EQ(one[i], std::to_string(i));
  EXPECT_EQ(one, eight);
}

TEST(ArticleClear, KeepsAnOrdinaryTextBufferAndDropsAnUnusuallyLargeOne) {
  Article article;
  article.document.text.assign(1000, 'a');
  const size_t ordinary = article.document.text.capacity();
  article.Clear();
  EXPECT_TRUE(article.document.text.empty());
  EXPECT_EQ(article.document.text.capacity(), ordinary);
  article.document.text.assign(Article::kKeptTextCapacity + 1, 'a');
  article.Clear();
  EXPECT_TRUE(article.document.text.empty());
  EXPECT_LE(article.document.text.capacity(), Article::kKeptTextCapacity);
}

TEST(RunOrdered, HandlesAnEmptyInput) {
  EXPECT_TRUE(RunWith(4, 0, [](Article*) {}).empty());
}

TEST(RunOrdered, TurnsAnExceptionIntoOneFailedArticle) {
  auto order = RunWith(3, 10, [](Article* article) {
    if (article->document.id == "4") throw std::runtime_error("boom");
  });
  ASSERT_EQ(order.size(), 10u);
  EXPECT_EQ(order[4], "4!");
  EXPECT_EQ(order[5], "5");
}

TEST(RunOrdered, DoesNotProcessArticlesThatFailedToRead) {
  class FailingSource : public ArticleSource {
   public:
    bool Next(Article* article) override {
      if (n_ == 3) return false;
      article->error = n_ == 1 ? "bad" : "";
      article->document.id = std::to_string(n_++);
      return true;
    }
    int n_ = 0;
  } source;
  std::atomic<int> processed{0};
  RunOrdered(
      &source, {}, [&](Article*) { ++processed; }, [](Article&) { return true; });
  EXPECT_EQ(processed, 2);
}

TEST(RunOrdered, ReadsNoFurtherAheadThanTheInFlightWindow) {
  CountingSource source(1000);
  RunnerOptions options;
  options.threads = 2;
  options.in_flight = 8;
  int max_ahead = 0;
  int consumed = 0;
  RunOrdered(
      &source, options, [](Article*) {},
      [&](Article&) {
        // Give the reader every chance to run ahead.
        std::this_thread::sleep_for(std::chrono::microseconds(50));
        ++consumed;
        max_ahead = std::max(max_ahead, source.read_.load() - consumed);
        return true;
      });
  EXPECT_LE(max_ahead, 8);
}

// The reader and the consumer are woken a batch of slots at a time: no
// window, thread count or choice of slowest stage may leave the run waiting
// for a batch that never fills.
TEST(RunOrdered, NeverStallsWhateverTheWindowThreadsAndSlowestStage) {
  class SlowSource : public CountingSource {
   public:
    SlowSource(int count, bool slow) : CountingSource(count), slow_(slow) {}
    bool Next(Article* article) override {
      if (slow_) std::this_thread::sleep_for(std::chrono::microseconds(30));
      return CountingSource::Next(article);
    }
    bool slow_;
  };
  auto pause = [](bool slow, int n) {
    if (slow && n % 3 != 0) std::this_thread::sleep_for(std::chrono::microseconds(30));
  };
  for (size_t in_flight : {1, 2, 3, 5, 8, 33}) {
    for (int threads : {1, 2, 3}) {
      for (int slowest = 0; slowest < 3; ++slowest) {
        std::atomic<bool> finished{false};
        std::thread watchdog([&] {
          for (int i = 0; i < 2000 && !finished; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
          }
          if (!finished) {
            std::fprintf(stderr, "stalled: in_flight %zu, threads %d, slowest stage %d\n",
                         in_flight, threads, slowest);
            std::abort();
          }
        });
        SlowSource source(200, slowest == 0);
        RunnerOptions options;
        options.threads = threads;
        options.in_flight = in_flight;
        int next = 0;
        RunStats stats = RunOrdered(
            &source, options,
            [&](Article* article) { pause(slowest == 1, static_cast<int>(article->index)); },
            [&](Article& article) {
              EXPECT_EQ(article.document.id, std::to_string(next++));
              pause(slowest == 2, next);
              return true;
            });
        finished = true;
        watchdog.join();
        EXPECT_EQ(stats.articles, 200u);
      }
    }
  }
}

TEST(RunOrdered, StopsWhenTheConsumerAsksTo) {
  CountingSource source(100000);
  int consumed = 0;
  RunStats stats = RunOrdered(
      &source, {}, [](Article*) {}, [&](Article&) { return ++consumed < 10; });
  EXPECT_TRUE(stats.stopped);
  EXPECT_EQ(consumed, 10);
  EXPECT_LT(source.read_.load(), 1000);
}

}  // namespace
}  // namespace io
}  // namespace guillemet
