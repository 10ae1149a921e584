// Microbenchmarks of each pipeline stage on the same text: the articles of
// fixtures/wire (long, realistic copy), run one stage at a time on an
// analysis prepared by the stages before it. Reports bytes per second, so
// that the stages compare with one another and with the whole Extract().
// Built by CMake (GUILLEMET_BENCHMARKS), never run by the tests:
//   build/bench/stages_bench [--benchmark_filter=Cues]
// scripts/bench times the whole command against rg and cat.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "attribute/sieves.h"
#include "attribute/subjects.h"
#include "core/types.h"
#include "cues/cue_finder.h"
#include "cues/lexicon.h"
#include "cues/mention_finder.h"
#include "guillemet/guillemet.h"
#include "normalize/article_date.h"
#include "normalize/tokenize.h"
#include "quotes/quote_finder.h"
#include "resolve/resolver.h"

namespace guillemet {
namespace {

const char kPatterns[] = GUILLEMET_SOURCE_DIR "/patterns";
const char kArticles[] = GUILLEMET_SOURCE_DIR "/fixtures/wire/docs";

const std::vector<std::string>& Articles() {
  static const std::vector<std::string>* articles = [] {
    auto* out = new std::vector<std::string>;
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(kArticles)) {
      if (entry.path().extension() == ".txt") paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& path : paths) {
      std::ifstream in(path, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      out->push_back(text.str());
    }
    if (out->empty()) {
      std::fprintf(stderr, "stages_bench: no articles in %s\n", kArticles);
      std::exit(1);
    }
    return out;
  }();
  return *articles;
}

int64_t TotalBytes() {
  int64_t bytes = 0;
  for (const std::string& a : Articles()) bytes += static_cast<int64_t>(a.size());
  return bytes;
}

const cues::Lexicon& Lex() {
  static const cues::Lexicon* lexicon = [] {
    auto* lex = new cues::Lexicon;
    Status s = cues::Lexicon::Load(kPatterns, lex);
    if (!s.ok()) {
      std::fprintf(stderr, "stages_bench: %s\n", s.message().c_str());
      std::exit(1);
    }
    quotes::CompileQuotePatterns();
    return lex;
  }();
  return *lexicon;
}

quotes::QuoteFinderResult Quotes(const cues::Lexicon& lex, std::string_view text) {
  return quotes::FindQuotes(text, lex.quote_marks(), [&](uint32_t pos) {
    return cues::ReportingClauseFollows(lex, text, pos);
  });
}

// The analysis of one article up to (not including) `stage`, as the
// pipeline builds it: 0 quotes, 1 tokens and sentences, 2 mentions, 3 cues.
Analysis Prepare(const std::string& text, int stage) {
  const cues::Lexicon& lex = Lex();
  Analysis a;
  a.text = text;
  if (stage <= 0) return a;
  quotes::QuoteFinderResult found = Quotes(lex, text);
  a.quotes = std::move(found.quotes);
  a.tweet_authors = std::move(found.tweet_authors);
  a.tweet_author_of_quote = std::move(found.tweet_author_of_quote);
  if (stage <= 1) return a;
  normalize::TokenizeAnalysis(&a);
  if (stage <= 2) return a;
  cues::FindMentions(lex, &a);
  if (stage <= 3) return a;
  cues::FindCues(lex, &a);
  return a;
}

std::vector<Analysis> PrepareAll(int stage) {
  std::vector<Analysis> out;
  for (const std::string& text : Articles()) out.push_back(Prepare(text, stage));
  return out;
}

void BM_FindQuotes(benchmark::State& state) {
  const cues::Lexicon& lex = Lex();
  for (auto _ : state) {
    for (const std::string& text : Articles()) benchmark::DoNotOptimize(Quotes(lex, text));
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_FindQuotes);

void BM_ArticleDate(benchmark::State& state) {
  Lex();
  for (auto _ : state) {
    for (const std::string& text : Articles()) {
      benchmark::DoNotOptimize(normalize::FindArticleDate(text));
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_ArticleDate);

void BM_TokenizeAndSplit(benchmark::State& state) {
  const std::vector<Analysis> prepared = PrepareAll(1);
  for (auto _ : state) {
    for (const Analysis& p : prepared) {
      std::vector<Token> tokens = normalize::Tokenize(
          p.text, {0, static_cast<uint32_t>(p.text.size())}, p.quotes);
      benchmark::DoNotOptimize(normalize::SplitSentences(p.text, &tokens));
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_TokenizeAndSplit);

void BM_FindMentions(benchmark::State& state) {
  const std::vector<Analysis> prepared = PrepareAll(2);
  for (auto _ : state) {
    for (const Analysis& p : prepared) {
      Analysis a = p;
      cues::FindMentions(Lex(), &a);
      benchmark::DoNotOptimize(a.mentions.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_FindMentions);

void BM_FindCues(benchmark::State& state) {
  const std::vector<Analysis> prepared = PrepareAll(3);
  for (auto _ : state) {
    for (const Analysis& p : prepared) {
      Analysis a = p;
      cues::FindCues(Lex(), &a);
      benchmark::DoNotOptimize(a.cues.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_FindCues);

void BM_Attribute(benchmark::State& state) {
  const std::vector<Analysis> prepared = PrepareAll(4);
  for (auto _ : state) {
    for (const Analysis& a : prepared) {
      attribute::Subjects subjects = attribute::FindSubjects(Lex(), a);
      benchmark::DoNotOptimize(attribute::Attribute(Lex(), a, subjects));
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_Attribute);

void BM_Resolve(benchmark::State& state) {
  const std::vector<Analysis> prepared = PrepareAll(4);
  std::vector<attribute::Subjects> subjects;
  std::vector<std::vector<attribute::Attribution>> attributions;
  for (const Analysis& a : prepared) {
    subjects.push_back(attribute::FindSubjects(Lex(), a));
    attributions.push_back(attribute::Attribute(Lex(), a, subjects.back()));
  }
  for (auto _ : state) {
    for (size_t i = 0; i < prepared.size(); ++i) {
      benchmark::DoNotOptimize(
          resolve::ResolveSpeakers(Lex(), prepared[i], subjects[i], attributions[i]));
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_Resolve);

// All stages through the public API, for comparison with their sum.
void BM_Extract(benchmark::State& state) {
  std::unique_ptr<Extractor> extractor;
  Status s = Extractor::Open(kPatterns, &extractor);
  if (!s.ok()) {
    state.SkipWithError(s.message().c_str());
    return;
  }
  std::vector<Document> documents;
  for (const std::string& text : Articles()) {
    Document d;
    d.id = "bench";
    d.text = text;
    documents.push_back(d);
  }
  for (auto _ : state) {
    for (const Document& d : documents) benchmark::DoNotOptimize(extractor->Extract(d));
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_Extract);

}  // namespace
}  // namespace guillemet

BENCHMARK_MAIN();
