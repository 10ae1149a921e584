// End-to-end test on the fixture corpus: runs the real `guillemet extract`
// binary on fixtures/docs (with the dates of fixtures/meta.jsonl) and scores
// its output against fixtures/gold.jsonl the way scripts/score.py does
// (normalised quotes paired one to one, best token F1 first, at least 0.8).
//
// - EndToEnd: precision and recall of (quotation, speaker) pairs must reach
//   the fixture floors of .ci/floor.json; the failure lists every miss.
// - Fixtures/FixtureDocument.*: one test per fixture article, named after
//   its file. A miss (FN, FP or wrong speaker) fails unless it is listed in
//   tests/fixtures_known_misses.txt; a listed miss that no longer happens
//   fails too, asking to remove it, so that the list only shrinks.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "support.h"

namespace {

namespace fs = std::filesystem;
using guillemet::test::JsonString;
using guillemet::test::ReadFile;
using guillemet::test::SplitLines;

const fs::path kSource = GUILLEMET_SOURCE_DIR;
constexpr double kMinTokenF1 = 0.8;
constexpr char kKnownMissesFile[] = "tests/fixtures_known_misses.txt";

// ---------------------------------------------------------------------------
// Normalisation and matching, as in scripts/score.py.

bool IsApostrophe(UChar32 c) {
  switch (c) {
    case 0x2019:
    case 0x2018:
    case 0x02BC:
    case 0x02BB:
    case 0x0060:
    case 0x00B4:
    case 0x2032:
    case 0x201B:
    case 0xFF07:
      return true;
    default:
      return false;
  }
}

bool IsWordChar(UChar32 c) {
  return c == '_' || (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

bool IsOuter(UChar32 c) {
  return u_isUWhiteSpace(c) || (U_GET_GC_MASK(c) & (U_GC_P_MASK | U_GC_S_MASK)) != 0;
}

// NFC, one apostrophe, single spaces, no punctuation at either end.
icu::UnicodeString NormalizeText(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString text = nfc->normalize(icu::UnicodeString::fromUTF8(utf8), status);
  icu::UnicodeString folded;
  bool space = false;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    UChar32 c = text.char32At(i);
    if (u_isUWhiteSpace(c)) {
      space = true;
      continue;
    }
    if (space && !folded.isEmpty()) folded.append(static_cast<UChar>(' '));
    space = false;
    folded.append(IsApostrophe(c) ? static_cast<UChar32>('\'') : c);
  }
  int32_t start = 0, end = folded.length();
  while (start < end && IsOuter(folded.char32At(start))) start = folded.moveIndex32(start, 1);
  while (end > start && IsOuter(folded.char32At(folded.moveIndex32(end, -1)))) {
    end = folded.moveIndex32(end, -1);
  }
  return icu::UnicodeString(folded, start, end - start);  // A copy: `folded` dies here.
}

std::string Normalize(const std::string& utf8) {
  std::string out;
  return NormalizeText(utf8).toUTF8String(out);
}

std::vector<std::string> Words(const icu::UnicodeString& text) {
  std::vector<std::string> words;
  std::string word;
  for (int32_t i = 0; i <= text.length(); i = text.moveIndex32(i, 1)) {
    UChar32 c = i < text.length() ? text.char32At(i) : ' ';
    if (IsWordChar(c)) {
      icu::UnicodeString(c).toUTF8String(word);
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
    if (i == text.length()) break;
  }
  return words;
}

std::vector<std::string> QuoteTokens(const std::string& quote) {
  return Words(NormalizeText(quote).foldCase());
}

double TokenF1(std::vector<std::string> gold, std::vector<std::string> predicted) {
  if (gold.empty() || predicted.empty()) return 0;
  std::sort(gold.begin(), gold.end());
  std::sort(predicted.begin(), predicted.end());
  std::vector<std::string> common;
  std::set_intersection(gold.begin(), gold.end(), predicted.begin(), predicted.end(),
                        std::back_inserter(common));
  if (common.empty()) return 0;
  double p = static_cast<double>(common.size()) / predicted.size();
  double r = static_cast<double>(common.size()) / gold.size();
  return 2 * p * r / (p + r);
}

// The words of a name, without case, accents, articles or titles.
std::vector<std::string> NameWords(const std::string& name) {
  static const std::set<std::string> kNoise = {"le",  "la", "les", "l",  "m",
                                               "mme", "mr", "dr",  "pr", "president"};
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(name);
  icu::UnicodeString unified;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    UChar32 c = text.char32At(i);
    unified.append(IsApostrophe(c) ? static_cast<UChar32>('\'') : c);
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  icu::UnicodeString decomposed = nfkd->normalize(unified.foldCase(), status);
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    UChar32 c = decomposed.char32At(i);
    if (u_getCombiningClass(c) == 0) bare.append(c);
  }
  std::vector<std::string> words;
  for (std::string& w : Words(bare)) {
    if (kNoise.count(w) == 0) words.push_back(std::move(w));
  }
  return words;
}

// The same name, or the surname of a gold name of several words.
bool SameSpeaker(const std::optional<std::string>& gold,
                 const std::optional<std::string>& predicted) {
  if (!gold || !predicted) return !gold && !predicted;
  std::vector<std::string> g = NameWords(*gold), p = NameWords(*predicted);
  return g == p || (g.size() >= 2 && std::find(p.begin(), p.end(), g.back()) != p.end());
}

// ---------------------------------------------------------------------------
// The corpus, the binary's output, and how they pair.

struct Line {
  std::string doc, quote, kind;
  std::optional<std::string> speaker;
  bool mention() const { return kind == "mention"; }
};

std::string SpeakerText(const std::optional<std::string>& s) { return s ? *s : "None"; }

// One line per JSON object of a JSONL file; `what` names it in errors.
std::vector<Line> ReadLines(const std::string& jsonl, const std::string& what, std::string* error) {
  std::vector<Line> lines;
  simdjson::dom::parser parser;
  int number = 0;
  for (const std::string& text : SplitLines(jsonl)) {
    ++number;
    if (text.find_first_not_of(" \t") == std::string::npos) continue;
    simdjson::dom::element e;
    std::string_view doc, quote, kind, speaker;
    if (parser.parse(text).get(e) != simdjson::SUCCESS || e["doc"].get(doc) != simdjson::SUCCESS ||
        e["quote"].get(quote) != simdjson::SUCCESS) {
      *error += what + ":" + std::to_string(number) + ": not a quotation: " + text + "\n";
      continue;
    }
    Line line{std::string(doc), std::string(quote), "", std::nullopt};
    if (e["kind"].get(kind) == simdjson::SUCCESS) line.kind = std::string(kind);
    if (e["speaker"].get(speaker) == simdjson::SUCCESS && !speaker.empty()) {
      line.speaker = std::string(speaker);
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

// The first line of each (doc, normalised quote), as the scorer counts them.
std::vector<Line> Dedupe(const std::vector<Line>& lines) {
  std::set<std::pair<std::string, std::string>> seen;
  std::vector<Line> out;
  for (const Line& line : lines) {
    std::string key;
    NormalizeText(line.quote).foldCase().toUTF8String(key);
    if (seen.emplace(line.doc, key).second) out.push_back(line);
  }
  return out;
}

struct Miss {
  std::string type;  // FN, FP, FP-mention or SPEAKER, as the scorer's --errors.
  std::string doc, quote;
  std::optional<std::string> got, want;
  std::string Describe() const {
    return type + std::string(type.size() < 10 ? 10 - type.size() : 0, ' ') + " " + doc + "  «" +
           quote + "»  got=" + SpeakerText(got) + "  want=" + SpeakerText(want);
  }
};

struct Score {
  int gold_quotes = 0, gold_named = 0, predicted = 0, predicted_named = 0;
  int matched = 0, right = 0, right_named = 0;
  std::vector<Miss> misses;

  static double Ratio(int a, int b) { return b == 0 ? 0 : static_cast<double>(a) / b; }
  double end_to_end_p() const { return Ratio(right_named, predicted_named); }
  double end_to_end_r() const { return Ratio(right_named, gold_named); }
  std::string Figures() const {
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "gold quotes %d (named %d), predicted %d (named %d); detection P %.3f R %.3f; "
                  "attribution accuracy %.3f; end-to-end P %.3f R %.3f",
                  gold_quotes, gold_named, predicted, predicted_named, Ratio(matched, predicted),
                  Ratio(matched, gold_quotes), Ratio(right, matched), end_to_end_p(),
                  end_to_end_r());
    return buf;
  }
  std::string Misses() const {
    std::string out;
    for (const Miss& m : misses) out += "  " + m.Describe() + "\n";
    return out.empty() ? "  (no miss)\n" : out;
  }
};

// Scores the predictions of the documents `docs` against their gold lines.
Score ScoreDocuments(const std::vector<Line>& gold_lines, const std::vector<Line>& predicted_lines,
                     const std::vector<std::string>& docs) {
  Score score;
  for (const std::string& doc : docs) {
    std::vector<Line> gold, predicted;
    for (const Line& l : gold_lines) {
      if (l.doc == doc) gold.push_back(l);
    }
    for (const Line& l : predicted_lines) {
      if (l.doc == doc) predicted.push_back(l);
    }
    // Best overlap first; on a tie the later line wins, as in the scorer.
    std::vector<std::tuple<double, size_t, size_t>> candidates;
    for (size_t i = 0; i < predicted.size(); ++i) {
      std::vector<std::string> p = QuoteTokens(predicted[i].quote);
      for (size_t j = 0; j < gold.size(); ++j) {
        double f1 = TokenF1(QuoteTokens(gold[j].quote), p);
        if (f1 >= kMinTokenF1) candidates.emplace_back(f1, i, j);
      }
    }
    std::sort(candidates.rbegin(), candidates.rend());
    std::map<size_t, size_t> pair_of;  // Prediction -> gold.
    std::set<size_t> gold_taken;
    for (const auto& [f1, i, j] : candidates) {
      if (pair_of.count(i) == 0 && gold_taken.count(j) == 0) {
        pair_of[i] = j;
        gold_taken.insert(j);
      }
    }
    for (const Line& g : gold) {
      if (!g.mention()) {
        ++score.gold_quotes;
        if (g.speaker) ++score.gold_named;
      }
    }
    for (size_t i = 0; i < predicted.size(); ++i) {
      const Line& p = predicted[i];
      ++score.predicted;
      if (p.speaker) ++score.predicted_named;
      auto it = pair_of.find(i);
      if (it == pair_of.end()) {
        score.misses.push_back({"FP", doc, p.quote, p.speaker, std::nullopt});
        continue;
      }
      const Line& g = gold[it->second];
      if (g.mention()) {
        score.misses.push_back({"FP-mention", doc, p.quote, p.speaker, g.speaker});
        continue;
      }
      ++score.matched;
      if (SameSpeaker(g.speaker, p.speaker)) {
        ++score.right;
        if (g.speaker && p.speaker) ++score.right_named;
      } else {
        score.misses.push_back({"SPEAKER", doc, g.quote, p.speaker, g.speaker});
      }
    }
    for (size_t j = 0; j < gold.size(); ++j) {
      if (!gold[j].mention() && gold_taken.count(j) == 0) {
        score.misses.push_back({"FN", doc, gold[j].quote, std::nullopt, gold[j].speaker});
      }
    }
  }
  return score;
}

// The fixture corpus and what the binary made of it, computed once.
struct FixtureRun {
  std::vector<std::string> docs;  // Sorted file names without .txt.
  std::vector<Line> gold, predicted;
  std::string error;  // Empty when the binary ran and its output parsed.
};

std::vector<std::string> FixtureDocs() {
  std::vector<std::string> docs;
  for (const auto& entry : fs::directory_iterator(kSource / "fixtures/docs")) {
    if (entry.path().extension() == ".txt") docs.push_back(entry.path().stem().string());
  }
  std::sort(docs.begin(), docs.end());
  return docs;
}

const FixtureRun& TheFixtureRun() {
  static const FixtureRun* run = [] {
    auto* r = new FixtureRun;
    r->docs = FixtureDocs();
    r->gold = Dedupe(
        ReadLines(ReadFile(kSource / "fixtures/gold.jsonl"), "fixtures/gold.jsonl", &r->error));

    // Articles as JSONL with the date of meta.jsonl, as scripts/evaluate does.
    std::map<std::string, std::string> dates;
    simdjson::dom::parser parser;
    for (const std::string& line : SplitLines(ReadFile(kSource / "fixtures/meta.jsonl"))) {
      simdjson::dom::element meta;
      std::string_view doc, date;
      if (line.empty() || parser.parse(line).get(meta) != simdjson::SUCCESS) continue;
      if (meta["doc"].get(doc) == simdjson::SUCCESS &&
          meta["date"].get(date) == simdjson::SUCCESS) {
        dates[std::string(doc)] = std::string(date);
      }
    }
    std::string pattern = (fs::temp_directory_path() / "guillemet-fixtures-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      r->error = "cannot create a temporary folder";
      return r;
    }
    const fs::path dir = pattern;
    {
      std::ofstream articles(dir / "articles.jsonl", std::ios::binary);
      for (const std::string& doc : r->docs) {
        articles << "{\"id\":" << JsonString(doc) << ",\"text\":"
                 << JsonString(ReadFile(kSource / "fixtures/docs" / (doc + ".txt")));
        if (!dates[doc].empty()) articles << ",\"date\":" << JsonString(dates[doc]);
        articles << "}\n";
      }
    }
    const std::string command =
        "'" GUILLEMET_BINARY "' extract -q --patterns '" + (kSource / "patterns").string() + "' '" +
        (dir / "articles.jsonl").string() + "' -o '" + (dir / "predictions.jsonl").string() +
        "' 2> '" + (dir / "stderr.txt").string() + "'";
    int raw = std::system(command.c_str());
    if (!WIFEXITED(raw) || WEXITSTATUS(raw) != 0) {
      r->error += "guillemet extract failed (status " + std::to_string(raw) +
                  "): " + ReadFile(dir / "stderr.txt");
    }
    r->predicted = Dedupe(ReadLines(ReadFile(dir / "predictions.jsonl"), "predictions", &r->error));
    fs::remove_all(dir);
    return r;
  }();
  return *run;
}

double FixtureFloor(const std::string& figure) {
  simdjson::dom::parser parser;
  double value = 0;
  auto error = parser.load((kSource / ".ci/floor.json").string())["fixtures"][figure].get(value);
  EXPECT_EQ(error, simdjson::SUCCESS) << ".ci/floor.json has no fixtures." << figure;
  return value;
}

TEST(EndToEnd, PrecisionAndRecallOnTheFixturesReachTheirFloors) {
  const FixtureRun& run = TheFixtureRun();
  ASSERT_EQ(run.error, "");
  Score score = ScoreDocuments(run.gold, run.predicted, run.docs);
  const double p_floor = FixtureFloor("end_to_end_p"), r_floor = FixtureFloor("end_to_end_r");
  std::printf("fixtures: %s\n", score.Figures().c_str());
  EXPECT_GE(score.end_to_end_p(), p_floor)
      << "end-to-end precision under the floor of .ci/floor.json\n"
      << score.Figures() << "\nMisses:\n"
      << score.Misses();
  EXPECT_GE(score.end_to_end_r(), r_floor)
      << "end-to-end recall under the floor of .ci/floor.json\n"
      << score.Figures() << "\nMisses:\n"
      << score.Misses();
}

// ---------------------------------------------------------------------------
// One test per fixture article, with the allow-list of known misses.

struct KnownMiss {
  int line = 0;  // In tests/fixtures_known_misses.txt.
  std::string doc, prefix, why;
  bool Covers(const Miss& miss) const {
    return miss.doc == doc && Normalize(miss.quote).rfind(Normalize(prefix), 0) == 0;
  }
};

// Lines DOC<TAB>QUOTE-PREFIX<TAB># why; blank lines and # comments skipped.
std::vector<KnownMiss> ReadKnownMisses(std::string* error) {
  std::vector<KnownMiss> known;
  int number = 0;
  for (const std::string& line : SplitLines(ReadFile(kSource / kKnownMissesFile))) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::stringstream s(line);
    for (std::string f; std::getline(s, f, '\t');) fields.push_back(f);
    if (fields.size() < 2 || fields[0].empty() || Normalize(fields[1]).empty()) {
      *error += std::string(kKnownMissesFile) + ":" + std::to_string(number) +
                ": expected DOC<TAB>QUOTE-PREFIX<TAB># why\n";
      continue;
    }
    known.push_back({number, fields[0], fields[1], fields.size() > 2 ? fields[2] : ""});
  }
  return known;
}

TEST(KnownMisses, EveryLineIsWellFormedAndNamesAFixtureDocument) {
  std::string error;
  std::vector<KnownMiss> known = ReadKnownMisses(&error);
  EXPECT_EQ(error, "");
  const std::vector<std::string> docs = FixtureDocs();
  for (const KnownMiss& k : known) {
    EXPECT_TRUE(std::binary_search(docs.begin(), docs.end(), k.doc))
        << kKnownMissesFile << ":" << k.line << ": no fixture document " << k.doc;
    EXPECT_FALSE(k.why.empty()) << kKnownMissesFile << ":" << k.line << ": say why it misses";
  }
}

class FixtureDocument : public ::testing::TestWithParam<std::string> {};

TEST_P(FixtureDocument, FindsItsGoldQuotationsAndSpeakers) {
  const FixtureRun& run = TheFixtureRun();
  ASSERT_EQ(run.error, "");
  const std::string& doc = GetParam();
  Score score = ScoreDocuments(run.gold, run.predicted, {doc});
  std::string error;
  std::vector<KnownMiss> known = ReadKnownMisses(&error);

  std::string unexpected, fixed;
  for (const Miss& miss : score.misses) {
    bool listed = false;
    for (const KnownMiss& k : known) listed = listed || k.Covers(miss);
    if (!listed) unexpected += "  " + miss.Describe() + "\n";
  }
  for (const KnownMiss& k : known) {
    if (k.doc != doc) continue;
    bool still = false;
    for (const Miss& miss : score.misses) still = still || k.Covers(miss);
    if (!still) fixed += "  line " + std::to_string(k.line) + ": " + k.doc + "\t" + k.prefix + "\n";
  }
  if (!unexpected.empty()) {
    ADD_FAILURE() << "New misses in fixtures/docs/" << doc << ".txt (fixtures/README.md says "
                  << "which behaviour it pins):\n"
                  << unexpected;
  }
  if (!fixed.empty()) {
    ADD_FAILURE() << "Fixed, well done: now remove from " << kKnownMissesFile << ":\n" << fixed;
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, FixtureDocument, ::testing::ValuesIn(FixtureDocs()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
