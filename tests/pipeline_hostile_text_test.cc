// Extractor::Extract on hostile text, called directly: invalid UTF-8 of every
// kind, NUL bytes, byte-order marks, odd line ends, pathological quotation
// marks and random junk. Extract must never crash or throw, must keep the
// quotations of the good parts, must keep its offsets inside the text, and
// must take time linear in the size of the text whatever its shape.
//
// The ExtractTime tests measure CPU time and are skipped when the
// environment sets GUILLEMET_SKIP_TIMING_TESTS (scripts/test-sanitized does:
// sanitizers distort timings).
#include <gtest/gtest.h>
#include <malloc.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "guillemet/guillemet.h"
#include "support.h"

namespace {

using guillemet::Document;
using guillemet::Extraction;
using guillemet::Extractor;
using guillemet::Quotation;
using guillemet::test::ArticleWith;
using guillemet::test::BadBytes;
using guillemet::test::Doc;
using guillemet::test::ExtractText;
using guillemet::test::SharedExtractor;
using guillemet::test::kInvalidUtf8;
using guillemet::test::WellFormedAt;
using guillemet::test::kSlowdown;

double CpuSeconds() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

long PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

// Code points of s[0, end), an invalid byte counting as one (the header's
// convention); *invalid gets the number of invalid bytes.
size_t CodePoints(const std::string& s, size_t end, size_t* invalid = nullptr) {
  size_t count = 0, bad = 0;
  for (size_t i = 0; i < end;) {
    size_t n = WellFormedAt(s, i);
    if (n == 0) ++bad;
    i += std::max<size_t>(n, 1);
    ++count;
  }
  if (invalid) *invalid = bad;
  return count;
}

// The promises of guillemet.h about one result, for any text.
void ExpectWithinContract(const std::string& text, const Extraction& result) {
  const size_t points = CodePoints(text, text.size());
  for (const Quotation& q : result.quotations) {
    ASSERT_LE(q.byte_start, q.byte_end) << q.quote;
    ASSERT_LE(q.byte_end, text.size()) << q.quote;
    EXPECT_LE(q.start, q.end) << q.quote;
    EXPECT_LE(q.end, points) << q.quote;
    EXPECT_EQ(q.start, CodePoints(text, q.byte_start)) << q.quote;
    EXPECT_EQ(q.end, CodePoints(text, q.byte_end)) << q.quote;
    EXPECT_EQ(q.mention_start.has_value(), q.mention_end.has_value());
    if (q.mention_start) {
      EXPECT_LE(*q.mention_start, *q.mention_end);
      EXPECT_LE(*q.mention_end, points);
    }
    EXPECT_GE(q.confidence, 0) << q.quote;
    EXPECT_LE(q.confidence, 1) << q.quote;
  }
}

// What must not change when bad bytes sit in a paragraph of their own.
struct Key {
  std::string quote, kind;
  std::optional<std::string> speaker;
  bool operator==(const Key& o) const {
    return quote == o.quote && kind == o.kind && speaker == o.speaker;
  }
};
void PrintTo(const Key& k, std::ostream* os) {
  *os << "\"" << k.quote << "\" " << k.kind << " by " << k.speaker.value_or("nobody");
}
std::vector<Key> Keys(const Extraction& result) {
  std::vector<Key> keys;
  for (const Quotation& q : result.quotations) {
    keys.push_back({q.quote, guillemet::QuoteKindName(q.kind), q.speaker});
  }
  return keys;
}

const std::vector<Key>& CleanKeys() {
  static const std::vector<Key> keys = Keys(SharedExtractor().Extract(Doc(ArticleWith())));
  return keys;
}

TEST(HostileText, TheCleanArticleHasThreeQuotations) { EXPECT_EQ(CleanKeys().size(), 3u); }

TEST(HostileText, InvalidUtf8IsCountedInAWarningAndCostsNoQuotation) {
  for (const BadBytes& bad : kInvalidUtf8) {
    SCOPED_TRACE(bad.name);
    const std::string text = ArticleWith(bad.bytes);
    Extraction result = ExtractText(text);
    size_t invalid = 0;
    CodePoints(text, text.size(), &invalid);
    ASSERT_GT(invalid, 0u);
    EXPECT_EQ(result.warnings, std::vector<std::string>{"invalid UTF-8 repaired for analysis (" +
                                                        std::to_string(invalid) + " bytes)"});
    EXPECT_EQ(Keys(result), CleanKeys());
    ExpectWithinContract(text, result);
    for (const Quotation& q : result.quotations) {
      EXPECT_EQ(text.substr(q.byte_start, q.byte_end - q.byte_start), q.quote);
    }
  }
}

TEST(HostileText, OneInvalidByteIsReportedInTheSingular) {
  Extraction result = ExtractText(ArticleWith("\xFF"));
  // ArticleWith() puts the byte twice: in its paragraph and at the end.
  EXPECT_EQ(result.warnings,
            std::vector<std::string>{"invalid UTF-8 repaired for analysis (2 bytes)"});
  result = ExtractText("\xFF");
  EXPECT_EQ(result.warnings,
            std::vector<std::string>{"invalid UTF-8 repaired for analysis (1 byte)"});
}

TEST(HostileText, NulBytesCostNoQuotation) {
  using namespace std::string_literals;
  for (const std::string& nul : {"\0"s, "a\0b"s, std::string(1000, '\0')}) {
    const std::string text = ArticleWith(nul);
    Extraction result = ExtractText(text);
    EXPECT_EQ(Keys(result), CleanKeys());
    ExpectWithinContract(text, result);
  }
  // Inside a quotation, a NUL is just a character.
  Extraction inside = ExtractText("Il a déclaré : « Oui\0 et non. »"s);
  ASSERT_EQ(inside.quotations.size(), 1u);
  EXPECT_EQ(inside.quotations[0].quote, "Oui\0 et non."s);
}

TEST(HostileText, AByteOrderMarkShiftsOffsetsByItsSize) {
  const std::string text = "\xEF\xBB\xBF" + ArticleWith();
  Extraction result = ExtractText(text);
  EXPECT_EQ(Keys(result), CleanKeys());
  ExpectWithinContract(text, result);
  Extraction clean = ExtractText(ArticleWith());
  ASSERT_EQ(result.quotations.size(), clean.quotations.size());
  for (size_t i = 0; i < clean.quotations.size(); ++i) {
    EXPECT_EQ(result.quotations[i].byte_start, clean.quotations[i].byte_start + 3);
    EXPECT_EQ(result.quotations[i].start, clean.quotations[i].start + 1);
  }
}

TEST(HostileText, CrlfAndLoneCrLineEndsFindTheSameQuotations) {
  for (const char* eol : {"\r\n", "\r", "\n\r", "\r\r\n"}) {
    SCOPED_TRACE(testing::PrintToString(std::string(eol)));
    const std::string text = ArticleWith("", eol);
    Extraction result = ExtractText(text);
    EXPECT_EQ(Keys(result), CleanKeys());
    ExpectWithinContract(text, result);
  }
}

TEST(HostileText, TinyAndDegenerateTextsAreHarmless) {
  std::vector<std::string> texts = {"",    " ",     "\n",    "\n\n\n",       "«",  "»",
                                    "« »", "«»",    "\"",    "“”",           "— ", "— X (@x)",
                                    ":",   "« Oui", "Oui »", ", a-t-il dit."};
  for (int b = 0; b < 256; ++b) texts.push_back(std::string(1, static_cast<char>(b)));
  for (const std::string& text : texts) {
    Extraction result = ExtractText(text);
    ExpectWithinContract(text, result);
  }
}

TEST(HostileText, RandomSoupsOfMarksAndWordsKeepTheContract) {
  // A cheap in-test fuzzer over the pieces the stages care about; the real
  // one is fuzz/extract_fuzzer.cc.
  const std::vector<std::string> pieces = {"«",
                                           "»",
                                           " « ",
                                           " » ",
                                           "“",
                                           "”",
                                           "‘",
                                           "’",
                                           "‹",
                                           "›",
                                           "„",
                                           "\"",
                                           "'",
                                           "\n",
                                           "\n\n",
                                           "\r",
                                           ". ",
                                           ", ",
                                           " : ",
                                           "—",
                                           "– ",
                                           "…",
                                           "\xC2\xA0",
                                           "\xE2\x80\xAF",
                                           "a déclaré",
                                           "a-t-il",
                                           "a-t-elle",
                                           "dit-il",
                                           "selon",
                                           "Selon ",
                                           "d'après",
                                           "que ",
                                           "le ministre",
                                           "la chancelière",
                                           "ce dernier",
                                           "il ",
                                           "elle ",
                                           "Emmanuel Macron",
                                           "Angela Merkel",
                                           "Jean Dupont",
                                           "M. ",
                                           "(@jd) 25 mai 2017",
                                           "communiqué",
                                           "\xFF",
                                           "\xC3",
                                           "\xED\xA0\x80",
                                           std::string(1, '\0'),
                                           "mot ",
                                           "Mot ",
                                           "l'OTAN",
                                           "2017-05-25"};
  std::mt19937 rng(20170525);
  for (int doc = 0; doc < 300; ++doc) {
    std::string text;
    int n = static_cast<int>(rng() % 200);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    Extraction result = ExtractText(text);
    ExpectWithinContract(text, result);
    if (HasFailure()) {
      ADD_FAILURE() << "on text: " << testing::PrintToString(text);
      return;
    }
  }
}

// Big pathological inputs of the bad-input list: each must end quickly.
// Like the shapes below, a case whose bug is still open names it in
// `open_bug` and is DISABLED_.
struct Pathological {
  const char* name;
  std::function<std::string()> make;
  double cpu_seconds;  // Bound, before kSlowdown.
  const char* open_bug = nullptr;
};

void PrintTo(const Pathological& p, std::ostream* os) { *os << p.name; }

// Articles without any quotation mark stop after the scan: shapes without
// marks of their own start with this, so that every stage sees them.
const char kOneQuotation[] = "« Oui », a dit Jean Dupont. ";

std::string Repeat(const std::string& piece, size_t n) {
  std::string out;
  out.reserve(piece.size() * n);
  for (size_t i = 0; i < n; ++i) out += piece;
  return out;
}

// Runs `body` in a child process, so that a runaway case costs `limit`
// seconds of wall-clock time rather than the whole suite's. Returns false,
// with a failure, when the child crashed, failed or was killed;
// *cpu_seconds gets the child's CPU time.
bool RunInChild(const std::function<void()>& body, double limit, double* cpu_seconds) {
  SharedExtractor();  // Loaded once, before the fork.
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    body();
    std::fflush(nullptr);
    _exit(testing::Test::HasFailure() ? 1 : 0);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(limit);
  int status = 0;
  rusage usage{};
  bool killed = false;
  while (wait4(pid, &status, WNOHANG, &usage) != pid) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      wait4(pid, &status, 0, &usage);
      killed = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  *cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec * 1e-6 + usage.ru_stime.tv_sec +
                 usage.ru_stime.tv_usec * 1e-6;
  if (killed) {
    ADD_FAILURE() << "still running after " << limit << " s: killed";
    return false;
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    ADD_FAILURE() << "the child failed (see its messages above), status " << status;
    return false;
  }
  return true;
}

// ctest runs every test with --gtest_also_run_disabled_tests, and CMake's
// test discovery only sees DISABLED_ at the start of a name, not on a
// parameter: so a case with an open bug also skips itself, unless
// GUILLEMET_RUN_OPEN_BUGS is set.
bool SkipOpenBug(const char* open_bug) {
  return open_bug != nullptr && std::getenv("GUILLEMET_RUN_OPEN_BUGS") == nullptr;
}

class HostileTextBound : public testing::TestWithParam<Pathological> {};

TEST_P(HostileTextBound, EndsInBoundedTimeWithinTheContract) {
  if (SkipOpenBug(GetParam().open_bug)) GTEST_SKIP() << "open bug: " << GetParam().open_bug;
  const std::string text = GetParam().make();
  const double limit = GetParam().cpu_seconds * kSlowdown;
  double cpu = 0;
  // Wall-clock slack for a loaded machine; the CPU time is the criterion.
  if (!RunInChild(
          [&] {
            Extraction result = ExtractText(text);
            ExpectWithinContract(text, result);
          },
          1.5 * limit + 5, &cpu)) {
    return;
  }
  EXPECT_LT(cpu, limit) << "CPU seconds for " << text.size() << " bytes";
}

INSTANTIATE_TEST_SUITE_P(
    BadInputList, HostileTextBound,
    testing::Values(
        Pathological{"unbalanced_guillemets_100000", [] { return Repeat("« ", 100000); }, 5},
        Pathological{"nested_guillemets_10000",
                     [] { return Repeat("« ", 10000) + "mot" + Repeat(" »", 10000); }, 5},
        Pathological{"straight_quotes_100000", [] { return Repeat("\"", 100000); }, 5},
        Pathological{"quotation_continued_over_100000_paragraphs",
                     [] { return Repeat("« a\n\n", 100000); }, 5},
        Pathological{"apostrophes_100000",
                     [] { return kOneQuotation + Repeat("l'homme d'État ", 100000); }, 10},
        Pathological{"paragraph_without_sentence_end_1mb",
                     [] { return kOneQuotation + Repeat("le chat mange la souris et ", 40000); },
                     10},
        Pathological{"one_megabyte_of_invalid_bytes",
                     [] { return kOneQuotation + Repeat("\xFF\xC3\xED\xA0\x80 ", 200000); }, 10}),
    [](const testing::TestParamInfo<Pathological>& info) {
      return std::string(info.param.open_bug != nullptr ? "DISABLED_" : "") + info.param.name;
    });

// Each nested quotation used to hold a copy of its whole text, so n nested
// marks took O(n^2) memory (290 MB here); quotations nested more than 8 deep
// are now dropped, with a warning.
TEST(HostileText, NestingQuotations10000DeepTakesMemoryInProportion) {
  const std::string text = Repeat("« ", 10000) + "mot" + Repeat(" »", 10000);
  double cpu = 0;
  RunInChild(
      [&] {
        const long before = PeakRssMb();
        Extraction result = ExtractText(text);
        const long grown = PeakRssMb() - before;
        // The text is 60 KB: even 200 bytes of state per byte is 12 MB.
        EXPECT_LT(grown, 64 * kSlowdown) << "MB for a text of " << text.size() << " bytes";
      },
      30 * kSlowdown, &cpu);
}

// Linear time: doubling an adversarial input may at most multiply the time
// Extract takes by 2.5 (generous on purpose: a quadratic step gives 4).
// Each shape is grown until one run takes 50 ms of CPU, or until four times
// the text would pass 1 MB (beyond, cache and page-fault effects alone bend
// the curve); then the fastest of 3 interleaved runs at n and at 4n are
// compared: two doublings, at most 2.5 x 2.5, which keeps a linear step
// (4) far from a quadratic one (16) despite the noise of a shared machine
// (with up to three rounds of 3 runs when the first is over the bound).
//
// A shape whose bug is still open carries it in `open_bug`: its test is
// then DISABLED_ and skipped (see SkipOpenBug; run it with
// GUILLEMET_RUN_OPEN_BUGS=1), and the sentence says what is wrong.
struct Shape {
  const char* name;
  std::function<std::string(size_t)> make;
  const char* open_bug = nullptr;
};

void PrintTo(const Shape& s, std::ostream* os) { *os << s.name; }

bool SkipTiming() { return std::getenv("GUILLEMET_SKIP_TIMING_TESTS") != nullptr; }

double TimeOf(const std::string& text) {
  const double start = CpuSeconds();
  SharedExtractor().Extract(Doc(text));
  return CpuSeconds() - start;
}

// Makes the heap keep what is freed, all of it in one arena, so that once
// warmed up no run pays for faulting in pages that an earlier run gave back
// to the system: that cost depends on the history of the heap, not on the
// input, and would bend the curve.
void KeepFreedMemory() {
  mallopt(M_MMAP_MAX, 0);
  mallopt(M_TRIM_THRESHOLD, std::numeric_limits<int>::max());
}

class ExtractTime : public testing::TestWithParam<Shape> {};

TEST_P(ExtractTime, GrowsLinearlyWhenTheInputDoubles) {
  if (SkipTiming()) GTEST_SKIP() << "GUILLEMET_SKIP_TIMING_TESTS is set";
  const Shape& shape = GetParam();
  if (SkipOpenBug(shape.open_bug)) GTEST_SKIP() << "open bug: " << shape.open_bug;
  SharedExtractor();  // Not part of any measure.
  size_t n = 256;
  constexpr size_t kMaxBytes = size_t{1} << 20;
  while (TimeOf(shape.make(n)) < 0.05 && shape.make(8 * n).size() <= kMaxBytes) n *= 2;
  const std::string small = shape.make(n), large = shape.make(4 * n);
  KeepFreedMemory();
  TimeOf(large);  // Warms the heap up.
  // A busy machine can slow a single round; a quadratic step stays over
  // the bound however many rounds are taken, so up to three are.
  // The bound: a quadratic step costs 4x per doubling, a linear one 2x,
  // plus what caches add once the analysis of the larger input outgrows
  // them (2.5x seen on a 750 KB input whose instruction count grew 2.0x
  // per doubling); 3x tells the two apart.
  constexpr double kMaxPerDoubling = 3.0;
  std::vector<double> t_small, t_large;
  double fast_small = 0, fast_large = 0, per_doubling = 0;
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 3; ++i) {
      t_small.push_back(TimeOf(small));
      t_large.push_back(TimeOf(large));
    }
    fast_small = *std::min_element(t_small.begin(), t_small.end());
    fast_large = *std::min_element(t_large.begin(), t_large.end());
    per_doubling = std::sqrt(fast_large / std::max(fast_small, 1e-6));
    if (per_doubling <= kMaxPerDoubling) break;
  }
  EXPECT_LE(per_doubling, kMaxPerDoubling)
      << shape.name << ": " << fast_small << " s for " << small.size() << " bytes (n = " << n
      << "), " << fast_large << " s for " << large.size() << " bytes";
}

INSTANTIATE_TEST_SUITE_P(
    AdversarialShapes, ExtractTime,
    testing::Values(
        Shape{"unbalanced_guillemets", [](size_t n) { return Repeat("« ", n); }},
        Shape{"unclosed_quotations_with_words", [](size_t n) { return Repeat("« a ", n); }},
        Shape{"nested_guillemets",
              [](size_t n) { return Repeat("« ", n) + "mot" + Repeat(" »", n); }},
        Shape{"orphan_closers_after_a_quotation",
              [](size_t n) { return Repeat("« a » b » , a-t-il dit ", n); }},
        Shape{"run_of_straight_quotes", [](size_t n) { return Repeat("\"", n); }},
        Shape{"straight_quoted_words", [](size_t n) { return Repeat("\"a ", n); }},
        Shape{"quotation_list_in_one_sentence", [](size_t n) { return Repeat("« a », ", n); }},
        Shape{"apostrophes", [](size_t n) { return kOneQuotation + Repeat("l'homme d'État ", n); }},
        Shape{"paragraph_without_sentence_end",
              [](size_t n) { return kOneQuotation + Repeat("le chat mange la souris et ", n); }},
        Shape{"capitalised_words",
              [](size_t n) { return kOneQuotation + Repeat("Jean Dupont Marie Curie ", n); }},
        Shape{
            "reporting_verbs",
            [](size_t n) { return kOneQuotation + Repeat("a déclaré, a affirmé, a ajouté, ", n); }},
        Shape{"quotations_with_named_speakers",
              [](size_t n) { return Repeat("« Oui », a déclaré Jean Dupont. ", n); }},
        Shape{
            "quotations_with_pronoun_speakers",
            [](size_t n) { return "Jean Dupont est venu. " + Repeat("« Oui », a-t-il dit. ", n); }},
        Shape{"paragraphs_of_open_quotations", [](size_t n) { return Repeat("« a\n\n", n); }},
        Shape{"paragraphs_continuing_a_straight_quotation",
              [](size_t n) { return Repeat("\"\\é\n", n); }},
        // Each "Quant à X," asked for a scan of the whole article, and each
        // "le vainqueur" walked every apposition of its head.
        Shape{"topics_nicknames_winners_and_guests",
              [](size_t n) {
                return Repeat(
                    "Celui que la presse surnomme « le Roc » a parlé. « Oui », a-t-il dit. "
                    "Le vainqueur, Paul Roc, a remporté la course. « Non », a souri le vainqueur. "
                    "Quant à la principale intéressée, elle a dit : « Peut-être. » "
                    "Son hôte a répondu : « Bien. » ",
                    n);
              }},
        Shape{"offices_given_to_women",
              [](size_t n) {
                return Repeat(
                    "Le médecin-chef du district, le Dr Awa Sow, a parlé. « Oui », insiste le "
                    "médecin-chef. ",
                    n);
              }},
        Shape{"embedded_posts",
              [](size_t n) {
                return Repeat("« Oui », dit-il.\nUn message.\n— Jean Dupont (@jd) 25 mai 2017\n",
                              n);
              }}),
    [](const testing::TestParamInfo<Shape>& info) {
      return std::string(info.param.open_bug != nullptr ? "DISABLED_" : "") + info.param.name;
    });

}  // namespace
