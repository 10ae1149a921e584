// Hostile input for `guillemet extract`, run the way a user runs it: the
// real binary (GUILLEMET_BINARY) on temporary files. Every case checks that
// the run ends within a time and memory bound, that a bad item costs one
// clear message naming it (on stderr and in --report), that every good item
// still reaches the output and the report, and the exit status: 0 when all
// went well, 1 when some items failed, 2 for a usage error.
//
// Bounds are generous on purpose and scaled up under sanitizers, which slow
// the binary and inflate its memory.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <simdjson.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support.h"

namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;
using guillemet::test::ArticleWith;
using guillemet::test::BadBytes;
using guillemet::test::JsonString;
using guillemet::test::kCleanParagraphs;
using guillemet::test::kInvalidUtf8;
using guillemet::test::ReadFile;
using guillemet::test::SplitLines;
using guillemet::test::WellFormedAt;
using guillemet::test::kSlowdown;

constexpr size_t kMiB = size_t{1} << 20;

std::string JsonLine(const std::string& id, const std::string& text) {
  return "{\"id\":" + JsonString(id) + ",\"text\":" + JsonString(text) + "}";
}

// How many bytes of `s` belong to no well-formed sequence, and `s` with each
// of them replaced by U+FFFD.
size_t InvalidBytes(const std::string& s, std::string* repaired = nullptr) {
  size_t invalid = 0;
  for (size_t i = 0; i < s.size();) {
    size_t n = WellFormedAt(s, i);
    if (n == 0) {
      ++invalid;
      if (repaired) *repaired += "\xEF\xBF\xBD";
      ++i;
    } else {
      if (repaired) repaired->append(s, i, n);
      i += n;
    }
  }
  return invalid;
}

// `utf8` (valid) as UTF-16 with its byte-order mark.
std::string Utf16(const std::string& utf8, bool little_endian) {
  std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  auto put = [&](char16_t unit) {
    char lo = static_cast<char>(unit & 0xFF), hi = static_cast<char>(unit >> 8);
    out += little_endian ? std::string{lo, hi} : std::string{hi, lo};
  };
  for (size_t i = 0; i < utf8.size();) {
    unsigned char b = static_cast<unsigned char>(utf8[i]);
    size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = n == 1 ? b : b & (0x7F >> n);
    for (size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    i += n;
    if (c >= 0x10000) {
      put(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      put(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    } else {
      put(static_cast<char16_t>(c));
    }
  }
  return out;
}

std::string Bytes(size_t n) { return std::to_string(n) + (n == 1 ? " byte" : " bytes"); }

struct Outcome {
  int status = -1;  // Exit status; -1 when killed or not run.
  bool timed_out = false;
  double seconds = 0;
  long max_rss_mb = 0;
  std::string out, err;
};

// One record of the JSONL output.
struct Found {
  std::string doc, quote, kind;
  std::optional<std::string> speaker;
  size_t byte_start = 0, byte_end = 0;
  bool operator==(const Found& o) const {
    return quote == o.quote && kind == o.kind && speaker == o.speaker;
  }
};

void PrintTo(const Found& f, std::ostream* os) {
  *os << "{" << f.doc << ": \"" << f.quote << "\" " << f.kind << " by "
      << f.speaker.value_or("nobody") << "}";
}

// One line of --report.
struct Reported {
  std::string source, status, error;
  std::optional<std::string> doc;
  uint64_t quotations = 0;
  std::vector<std::string> warnings;
};

// Field access that fails the test, instead of throwing, on a wrong type.
std::string String(simdjson::dom::object o, std::string_view key) {
  std::string_view s;
  EXPECT_FALSE(o[key].get_string().get(s)) << key << " is not a string";
  return std::string(s);
}
std::optional<std::string> OptionalString(simdjson::dom::object o, std::string_view key) {
  std::string_view s;
  if (o[key].get_string().get(s)) return std::nullopt;
  return std::string(s);
}
uint64_t Number(simdjson::dom::object o, std::string_view key) {
  uint64_t n = 0;
  EXPECT_FALSE(o[key].get_uint64().get(n)) << key << " is not a number";
  return n;
}

std::vector<Found> ParseOutput(const std::string& text) {
  std::vector<Found> found;
  simdjson::dom::parser parser;
  for (const std::string& line : SplitLines(text)) {
    simdjson::dom::object o;
    if (parser.parse(line).get(o)) {
      ADD_FAILURE() << "output line is not valid JSON (or not UTF-8): " << line;
      continue;
    }
    Found f;
    f.doc = String(o, "doc");
    f.quote = String(o, "quote");
    f.kind = String(o, "kind");
    f.speaker = OptionalString(o, "speaker");
    f.byte_start = Number(o, "byte_start");
    f.byte_end = Number(o, "byte_end");
    found.push_back(f);
  }
  return found;
}

std::vector<Reported> ParseReport(const std::string& text) {
  std::vector<Reported> report;
  simdjson::dom::parser parser;
  for (const std::string& line : SplitLines(text)) {
    simdjson::dom::object o;
    if (parser.parse(line).get(o)) {
      ADD_FAILURE() << "report line is not valid JSON: " << line;
      continue;
    }
    Reported r;
    r.source = String(o, "source");
    r.status = String(o, "status");
    r.doc = OptionalString(o, "doc");
    r.error = OptionalString(o, "error").value_or("");
    r.quotations = Number(o, "quotations");
    simdjson::dom::array warnings;
    EXPECT_FALSE(o["warnings"].get_array().get(warnings)) << line;
    for (simdjson::dom::element w : warnings) {
      std::string_view s;
      EXPECT_FALSE(w.get_string().get(s)) << line;
      r.warnings.push_back(std::string(s));
    }
    report.push_back(r);
  }
  return report;
}

std::vector<Found> OfDoc(const std::vector<Found>& all, const std::string& doc) {
  std::vector<Found> out;
  for (const Found& f : all) {
    if (f.doc == doc) out.push_back(f);
  }
  return out;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class BadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "guillemet-bad-XXXXXX").string();
    dir_ = mkdtemp(pattern.data());
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_ / "locked.txt", fs::perms::owner_all, ec);
    fs::remove_all(dir_);
  }

  std::string Write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return name;
  }

  // Runs `guillemet extract --patterns P --report report.jsonl ARGS` in the
  // temporary folder, killing it after `timeout` seconds, and measures its
  // peak memory.
  Outcome Extract(const std::vector<std::string>& args, int timeout = 60, bool report = true) {
    std::vector<std::string> argv = {GUILLEMET_BINARY, "extract", "--no-progress", "--patterns",
                                     GUILLEMET_SOURCE_DIR "/patterns"};
    if (report) {
      argv.push_back("--report");
      argv.push_back("report.jsonl");
    }
    argv.insert(argv.end(), args.begin(), args.end());
    return Exec(argv, timeout);
  }

  Outcome Exec(const std::vector<std::string>& args, int timeout) {
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid == 0) {
      if (chdir(dir_.c_str()) != 0) _exit(127);
      int in = open("/dev/null", O_RDONLY);
      int out = open("out.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
      int err = open("err.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(in, 0);
      dup2(out, 1);
      dup2(err, 2);
      std::vector<char*> argv;
      for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    Outcome run;
    int raw = 0;
    struct rusage usage {};
    const auto deadline = start + std::chrono::seconds(timeout * kSlowdown);
    for (;;) {
      pid_t done = wait4(pid, &raw, WNOHANG, &usage);
      if (done == pid) break;
      if (std::chrono::steady_clock::now() > deadline) {
        kill(pid, SIGKILL);
        wait4(pid, &raw, 0, &usage);
        run.timed_out = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.max_rss_mb = usage.ru_maxrss / 1024;
    run.out = ReadFile(dir_ / "out.txt");
    run.err = ReadFile(dir_ / "err.txt");
    return run;
  }

  std::vector<Reported> Report() { return ParseReport(ReadFile(dir_ / "report.jsonl")); }

  void ExpectBounded(const std::string& text);

  // The quotations of the clean article, as this build finds them.
  std::vector<Found> CleanQuotations() {
    Write("clean_reference.txt", ArticleWith());
    Outcome r = Extract({"clean_reference.txt"}, 60, false);
    EXPECT_EQ(r.status, 0) << r.err;
    std::vector<Found> found = ParseOutput(r.out);
    EXPECT_EQ(found.size(), 3u) << "the clean article should have three quotations:\n" << r.out;
    return found;
  }

  fs::path dir_;
};

// A run ended on its own, with `status`, within the time bound.
#define EXPECT_FINISHED(run, expected_status)                                  \
  do {                                                                         \
    EXPECT_FALSE((run).timed_out) << "killed after " << (run).seconds << " s"; \
    EXPECT_EQ((run).status, (expected_status)) << (run).err.substr(0, 4000);   \
  } while (0)

TEST_F(BadInput, InvalidUtf8InTextFilesIsRepairedNamedAndLosesNoQuotation) {
  const std::vector<Found> clean = CleanQuotations();
  std::vector<std::string> files;
  for (const BadBytes& bad : kInvalidUtf8)
    files.push_back(Write(std::string(bad.name) + ".txt", ArticleWith(bad.bytes)));

  Outcome r = Extract(files);
  EXPECT_FINISHED(r, 0);
  std::vector<Found> found = ParseOutput(r.out);
  for (const BadBytes& bad : kInvalidUtf8) {
    SCOPED_TRACE(bad.name);
    const std::string text = ArticleWith(bad.bytes);
    const size_t invalid = InvalidBytes(text);
    ASSERT_GT(invalid, 0u);
    EXPECT_TRUE(Contains(r.err, "guillemet: " + std::string(bad.name) + ".txt: doc " + bad.name +
                                    ": invalid UTF-8 repaired for analysis (" + Bytes(invalid) +
                                    ")\n"))
        << r.err;
    std::vector<Found> mine = OfDoc(found, bad.name);
    EXPECT_EQ(mine, clean);
    for (const Found& f : mine) {
      // Byte offsets index the file's own bytes, invalid ones included.
      ASSERT_LE(f.byte_end, text.size());
      EXPECT_EQ(text.substr(f.byte_start, f.byte_end - f.byte_start), f.quote);
    }
  }
  std::vector<Reported> report = Report();
  ASSERT_EQ(report.size(), files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    EXPECT_EQ(report[i].source, files[i]);
    EXPECT_EQ(report[i].status, "ok");
    EXPECT_EQ(report[i].quotations, clean.size());
    ASSERT_EQ(report[i].warnings.size(), 1u);
    EXPECT_TRUE(Contains(report[i].warnings[0], "invalid UTF-8 repaired for analysis"));
  }
}

TEST_F(BadInput, InvalidUtf8InJsonlLinesIsReplacedNamedAndLosesNoQuotation) {
  const std::vector<Found> clean = CleanQuotations();
  std::string jsonl;
  for (const BadBytes& bad : kInvalidUtf8) jsonl += JsonLine(bad.name, ArticleWith(bad.bytes)) + "\n";
  Write("bad.jsonl", jsonl);

  Outcome r = Extract({"bad.jsonl"});
  EXPECT_FINISHED(r, 0);
  std::vector<Found> found = ParseOutput(r.out);
  size_t line = 0;
  for (const BadBytes& bad : kInvalidUtf8) {
    ++line;
    SCOPED_TRACE(bad.name);
    std::string repaired;
    const size_t invalid = InvalidBytes(ArticleWith(bad.bytes), &repaired);
    EXPECT_TRUE(Contains(r.err, "guillemet: bad.jsonl:" + std::to_string(line) +
                                    ": invalid UTF-8 in the JSON line replaced by U+FFFD (" +
                                    Bytes(invalid) + ")\n"))
        << r.err;
    std::vector<Found> mine = OfDoc(found, bad.name);
    EXPECT_EQ(mine, clean);
    for (const Found& f : mine) {
      // Offsets index the text as read, with U+FFFD in place of bad bytes.
      ASSERT_LE(f.byte_end, repaired.size());
      EXPECT_EQ(repaired.substr(f.byte_start, f.byte_end - f.byte_start), f.quote);
    }
  }
  std::vector<Reported> report = Report();
  ASSERT_EQ(report.size(), std::size(kInvalidUtf8));
  for (const Reported& item : report) EXPECT_EQ(item.status, "ok") << item.source;
}

TEST_F(BadInput, NulBytesFailOnlyTheirItem) {
  const std::vector<Found> clean = CleanQuotations();
  const std::string with_nul = ArticleWith(std::string("x\0y", 3));
  Write("binary.txt", with_nul);
  Write("good.txt", ArticleWith());
  // An escaped NUL is valid JSON: the article goes through.
  Write("escaped.jsonl", JsonLine("escaped", with_nul) + "\n");
  // A raw NUL fails its line only; in the first line it marks a binary file.
  Write("raw.jsonl", JsonLine("before", ArticleWith()) + "\n" +
                         JsonLine("raw", with_nul).replace(10, 0, std::string(1, '\0')) + "\n" +
                         JsonLine("after", ArticleWith()) + "\n");
  Write("binary.jsonl", "{\"id\":\"x\",\0\"text\":\"y\"}\n"s + JsonLine("lost", ArticleWith()) + "\n");

  Outcome r = Extract({"binary.txt", "good.txt", "escaped.jsonl", "raw.jsonl", "binary.jsonl"});
  EXPECT_FINISHED(r, 1);
  EXPECT_TRUE(Contains(r.err, "guillemet: binary.txt: binary file (NUL byte at offset " +
                                  std::to_string(with_nul.find('\0')) + "), skipped\n"))
      << r.err;
  EXPECT_TRUE(Contains(
      r.err, "guillemet: raw.jsonl:2: NUL byte at byte 11 of the line (JSON writes it \\u0000)\n"))
      << r.err;
  EXPECT_TRUE(Contains(r.err, "guillemet: binary.jsonl: binary file (NUL bytes found), skipped\n"))
      << r.err;
  std::vector<Found> found = ParseOutput(r.out);
  for (const char* doc : {"good", "escaped", "before", "after"}) {
    EXPECT_EQ(OfDoc(found, doc), clean) << doc;
  }
  std::vector<Reported> report = Report();
  ASSERT_EQ(report.size(), 7u);
  const char* expected[][2] = {{"binary.txt", "failed"},  {"good.txt", "ok"},
                               {"escaped.jsonl:1", "ok"}, {"raw.jsonl:1", "ok"},
                               {"raw.jsonl:2", "failed"}, {"raw.jsonl:3", "ok"},
                               {"binary.jsonl", "failed"}};
  for (size_t i = 0; i < report.size(); ++i) {
    EXPECT_EQ(report[i].source, expected[i][0]);
    EXPECT_EQ(report[i].status, expected[i][1]) << report[i].source;
  }
}

TEST_F(BadInput, ByteOrderMarksAndUtf16AreReadAsUtf8) {
  const std::vector<Found> clean = CleanQuotations();
  // An emoji is a surrogate pair in UTF-16: it must come out whole.
  const std::string text = ArticleWith("Un émoji 😀 seul.");
  Write("bom.txt", "\xEF\xBB\xBF" + text);
  Write("le.txt", Utf16(text, true));
  Write("be.txt", Utf16(text, false));
  Write("bom.jsonl", "\xEF\xBB\xBF" + JsonLine("bom_line", text) + "\n");
  Write("le.jsonl", Utf16(JsonLine("le_line", text) + "\n", true));
  Write("be.jsonl", Utf16(JsonLine("be_line", text) + "\r\n", false));
  // Unpaired surrogates and an odd last byte become U+FFFD, not an error.
  std::string broken = Utf16(ArticleWith("x"), true);
  broken += std::string("\x00\xD8\x41\x00\x00\xDC", 6) + "\x41";
  Write("broken16.txt", broken);

  Outcome r =
      Extract({"bom.txt", "le.txt", "be.txt", "bom.jsonl", "le.jsonl", "be.jsonl", "broken16.txt"});
  EXPECT_FINISHED(r, 0);
  for (const char* note : {"guillemet: le.txt: converted from UTF-16LE to UTF-8\n",
                           "guillemet: be.txt: converted from UTF-16BE to UTF-8\n",
                           "guillemet: le.jsonl:1: converted from UTF-16LE to UTF-8\n",
                           "guillemet: be.jsonl:1: converted from UTF-16BE to UTF-8\n"}) {
    EXPECT_TRUE(Contains(r.err, note)) << r.err;
  }
  std::vector<Found> found = ParseOutput(r.out);
  for (const char* doc : {"bom", "le", "be", "bom_line", "le_line", "be_line", "broken16"}) {
    EXPECT_EQ(OfDoc(found, doc), clean) << doc;
  }
  // In a text file the BOM stays part of the text, and offsets count it.
  for (const Found& f : OfDoc(found, "bom")) {
    EXPECT_EQ(("\xEF\xBB\xBF" + text).substr(f.byte_start, f.byte_end - f.byte_start), f.quote);
  }
  std::vector<Reported> report = Report();
  ASSERT_EQ(report.size(), 7u);
  for (const Reported& item : report) EXPECT_EQ(item.status, "ok") << item.source;
}

TEST_F(BadInput, CrlfAndLoneCrLineEndsFindTheSameQuotations) {
  const std::vector<Found> clean = CleanQuotations();
  Write("crlf.txt", ArticleWith("", "\r\n"));
  Write("cr.txt", ArticleWith("", "\r"));
  Write("mixed.txt", kCleanParagraphs[0] + "\r\n\r" + kCleanParagraphs[1] + "\n\r\n" +
                        kCleanParagraphs[2]);
  std::string lines[3];
  for (int i = 0; i < 3; ++i)
    lines[i] = JsonLine("line" + std::to_string(i), ArticleWith("", i == 2 ? "\r\n" : "\n"));
  Write("crlf.jsonl", lines[0] + "\r\n" + lines[1] + "\r\n" + lines[2] + "\r\n");
  // Old Mac line ends: every line must still be an article of its own.
  Write("cr.jsonl", JsonLine("cr0", ArticleWith()) + "\r" + JsonLine("cr1", ArticleWith()) + "\r\r" +
                        JsonLine("cr2", ArticleWith()) + "\r");

  Outcome r = Extract({"crlf.txt", "cr.txt", "mixed.txt", "crlf.jsonl", "cr.jsonl"});
  EXPECT_FINISHED(r, 0);
  EXPECT_EQ(r.err, "");
  std::vector<Found> found = ParseOutput(r.out);
  for (const char* doc : {"crlf", "cr", "mixed", "line0", "line1", "line2", "cr0", "cr1", "cr2"}) {
    EXPECT_EQ(OfDoc(found, doc), clean) << doc;
  }
  std::vector<Reported> report = Report();
  std::vector<std::string> sources;
  for (const Reported& item : report) sources.push_back(item.source);
  EXPECT_EQ(sources, (std::vector<std::string>{"crlf.txt", "cr.txt", "mixed.txt", "crlf.jsonl:1",
                                               "crlf.jsonl:2", "crlf.jsonl:3", "cr.jsonl:1",
                                               "cr.jsonl:2", "cr.jsonl:4"}));
}

TEST_F(BadInput, A100MegabyteLineIsRefusedWithItsSizeAndTheNextArticleIsRead) {
  const std::vector<Found> clean = CleanQuotations();
  const size_t kBig = 100 * kMiB;
  {
    std::ofstream jsonl(dir_ / "big.jsonl", std::ios::binary);
    jsonl << JsonLine("first", ArticleWith()) << "\n{\"id\":\"big\",\"text\":\"";
    std::string block(kMiB, 'a');
    for (size_t i = 0; i < kBig / kMiB; ++i) jsonl << block;
    jsonl << "\"}\n" << JsonLine("next", ArticleWith()) << "\n";
    std::ofstream txt(dir_ / "big.txt", std::ios::binary);
    block.assign(kMiB, 'b');
    for (size_t i = 0; i < kBig / kMiB; ++i) txt << block;
  }
  Write("after.txt", ArticleWith());
  const size_t big_line = kBig + std::string("{\"id\":\"big\",\"text\":\"\"}").size();

  Outcome r = Extract({"big.jsonl", "big.txt", "after.txt"}, 60);
  EXPECT_FINISHED(r, 1);
  EXPECT_TRUE(Contains(r.err, "guillemet: big.jsonl:2: line too long (" + std::to_string(big_line) +
                                  " bytes; --max-article-bytes is 33554432), skipped\n"))
      << r.err;
  EXPECT_TRUE(Contains(r.err, "guillemet: big.txt: file too large (" + std::to_string(kBig) +
                                  " bytes; --max-article-bytes is 33554432), skipped\n"))
      << r.err;
  std::vector<Found> found = ParseOutput(r.out);
  for (const char* doc : {"first", "next", "after"}) EXPECT_EQ(OfDoc(found, doc), clean) << doc;
  // The refused line is read through, not kept.
  EXPECT_LT(r.max_rss_mb, 100 * kSlowdown) << "peak memory in MB";

  std::vector<Reported> report = Report();
  ASSERT_EQ(report.size(), 5u);
  EXPECT_EQ(report[1].source, "big.jsonl:2");
  EXPECT_EQ(report[1].status, "failed");
  EXPECT_EQ(report[1].doc, std::nullopt);
  EXPECT_EQ(report[3].source, "big.txt");
  EXPECT_EQ(report[3].status, "failed");
  for (int i : {0, 2, 4}) EXPECT_EQ(report[i].status, "ok") << report[i].source;
}

TEST_F(BadInput, TheSizeLimitKeepsAnArticleOfExactlyThatSize) {
  Write("exact.txt", std::string(1000, 'x'));
  Write("over.txt", std::string(1001, 'x'));
  const size_t overhead = JsonLine("a", "").size();
  Write("lines.jsonl", JsonLine("a", std::string(1000 - overhead, 'x')) + "\r\n" +
                           JsonLine("b", std::string(1001 - overhead, 'x')) + "\n");
  Outcome r = Extract({"--max-article-bytes", "1000", "exact.txt", "over.txt", "lines.jsonl"});
  EXPECT_FINISHED(r, 1);
  std::vector<Reported> report = Report();
  ASSERT_EQ(report.size(), 4u);
  EXPECT_EQ(report[0].status, "ok");
  EXPECT_EQ(report[1].error, "file too large (1001 bytes; --max-article-bytes is 1000), skipped");
  EXPECT_EQ(report[2].status, "ok");
  EXPECT_EQ(report[3].error, "line too long (1001 bytes; --max-article-bytes is 1000), skipped");
}

std::string Repeat(const std::string& piece, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += piece;
  return out;
}

// Runs `text` as a .txt file and as a JSONL line, each followed by a good
// article, and checks both runs end in time, in bounded memory, with the
// good article processed.
void BadInput::ExpectBounded(const std::string& text) {
  Write("marks.txt", text);
  Write("marks.jsonl", JsonLine("marks_line", text) + "\n");
  Write("good.txt", ArticleWith());
  for (const char* file : {"marks.txt", "marks.jsonl"}) {
    SCOPED_TRACE(file);
    Outcome r = Extract({file, "good.txt"}, 20);
    EXPECT_FINISHED(r, 0);
    // Each input is under 400 KB; even a few hundred bytes of state per
    // byte of input stays far below this.
    EXPECT_LT(r.max_rss_mb, 150 * kSlowdown) << "peak memory in MB";
    std::vector<Reported> report = Report();
    ASSERT_EQ(report.size(), 2u);
    EXPECT_EQ(report[0].status, "ok");
    EXPECT_EQ(report[1].source, "good.txt");
    EXPECT_EQ(report[1].quotations, 3u);
  }
}

TEST_F(BadInput, AHundredThousandUnbalancedGuillemetsEndInBoundedTimeAndMemory) {
  ExpectBounded(Repeat("« ", 100000));
}

// Each nested quotation used to hold a copy of its whole text: n nested
// marks took O(n^2) memory (300 MB here).
TEST_F(BadInput, QuotationsNested10000DeepEndInBoundedTimeAndMemory) {
  ExpectBounded(Repeat("« ", 10000) + "mot" + Repeat(" »", 10000));
}

TEST_F(BadInput, AJsonLineWithAMillionEscapesIsParsed) {
  std::string line = "{\"id\":\"escapes\",\"text\":\"";
  // é, tab, slash, backslash: a million escapes, and no quotation mark.
  for (int i = 0; i < 250000; ++i) line += "\\u00e9\\t\\/\\\\";
  line += "\\n\\n" + JsonString(ArticleWith()).substr(1) + "}\n";
  Write("escapes.jsonl", line);
  Outcome r = Extract({"escapes.jsonl"}, 20);
  EXPECT_FINISHED(r, 0);
  std::vector<Reported> report = Report();
  ASSERT_EQ(report.size(), 1u);
  EXPECT_EQ(report[0].status, "ok");
  EXPECT_GE(report[0].quotations, 3u);
}

TEST_F(BadInput, ATextThatIsNotAStringFailsItsLineWithTheFieldNamed) {
  const std::vector<Found> clean = CleanQuotations();
  Write("types.jsonl", JsonLine("good1", ArticleWith()) + "\n" +
                           "{\"id\":\"number\",\"text\":42}\n"
                           "{\"id\":\"null\",\"text\":null}\n"
                           "{\"id\":\"array\",\"text\":[\"« Oui », a-t-il dit.\"]}\n"
                           "{\"id\":\"object\",\"text\":{\"fr\":\"x\"}}\n"
                           "{\"id\":\"bool\",\"text\":true}\n"
                           "{\"id\":\"missing\",\"body\":\"x\"}\n"
                           "[\"not\",\"an\",\"object\"]\n"
                           "{\"id\":\"cut\",\"text\":\"« Oui\n" +
                           JsonLine("good2", ArticleWith()) + "\n");
  Outcome r = Extract({"types.jsonl"});
  EXPECT_FINISHED(r, 1);
  const char* errors[] = {
      nullptr,
      "field \"text\" is a number, not a string",
      "field \"text\" is null, not a string",
      "field \"text\" is an array, not a string",
      "field \"text\" is an object, not a string",
      "field \"text\" is a boolean, not a string",
      "no \"text\" field",
      "not a JSON object (found an array)",
      "malformed JSON (unterminated string)",
      nullptr,
  };
  std::vector<Reported> report = Report();
  ASSERT_EQ(report.size(), std::size(errors));
  for (size_t i = 0; i < report.size(); ++i) {
    const std::string where = "types.jsonl:" + std::to_string(i + 1);
    EXPECT_EQ(report[i].source, where);
    if (errors[i] == nullptr) {
      EXPECT_EQ(report[i].status, "ok") << where;
      continue;
    }
    EXPECT_EQ(report[i].status, "failed") << where;
    EXPECT_EQ(report[i].error, errors[i]) << where;
    EXPECT_TRUE(Contains(r.err, "guillemet: " + where + ": " + errors[i] + "\n")) << r.err;
  }
  // The id is known, so the report names the failed article.
  EXPECT_EQ(report[1].doc, "number");
  std::vector<Found> found = ParseOutput(r.out);
  EXPECT_EQ(OfDoc(found, "good1"), clean);
  EXPECT_EQ(OfDoc(found, "good2"), clean);
}

TEST_F(BadInput, DuplicatedIdsAreAllProcessedAndFlaggedOnce) {
  const std::vector<Found> clean = CleanQuotations();
  std::string lines;
  for (int i = 0; i < 5; ++i) lines += JsonLine("same", ArticleWith()) + "\n";
  Write("dup.jsonl", lines);
  Write("same.txt", ArticleWith());
  Outcome r = Extract({"dup.jsonl", "same.txt"});
  EXPECT_FINISHED(r, 0);
  EXPECT_EQ(OfDoc(ParseOutput(r.out), "same").size(), 6 * clean.size());
  const std::string message =
      "guillemet: dup.jsonl:2: doc same: duplicate id, first seen at dup.jsonl:1\n";
  EXPECT_TRUE(Contains(r.err, message)) << r.err;
  EXPECT_EQ(r.err.find("duplicate id", r.err.find(message) + message.size()), std::string::npos)
      << "one message per duplicated id:\n"
      << r.err;
  std::vector<Reported> report = Report();
  ASSERT_EQ(report.size(), 6u);
  EXPECT_TRUE(report[0].warnings.empty());
  for (size_t i = 1; i < report.size(); ++i) {
    EXPECT_EQ(report[i].warnings,
              std::vector<std::string>{"duplicate id, first seen at dup.jsonl:1"});
  }
}

TEST_F(BadInput, InputsThatCannotBeReadAreNamedAndTheOthersGoThrough) {
  Write("good.txt", ArticleWith());
  fs::create_symlink(dir_ / "gone.txt", dir_ / "dangling.txt");
  fs::create_symlink(dir_ / "gone.jsonl", dir_ / "dangling.jsonl");
  fs::create_directories(dir_ / "folder.jsonl");
  fs::create_directories(dir_ / "empty_folder");
  std::vector<std::string> args = {"dangling.txt", "dangling.jsonl", "folder.jsonl",
                                   "empty_folder"};
  std::vector<std::pair<std::string, std::string>> expected = {
      {"dangling.txt", "No such file or directory"},
      {"dangling.jsonl", "No such file or directory"},
      {"folder.jsonl", "no .txt files in this folder"},
      {"empty_folder", "no .txt files in this folder"},
  };
  // Opens fine, then every read fails (EIO): a read error, even for root.
  if (fs::exists("/proc/self/mem")) {
    fs::create_symlink("/proc/self/mem", dir_ / "eio.txt");
    fs::create_symlink("/proc/self/mem", dir_ / "eio.jsonl");
    args.insert(args.end(), {"eio.txt", "eio.jsonl"});
    expected.push_back({"eio.txt", "cannot read: Input/output error"});
    expected.push_back({"eio.jsonl", "cannot read: Input/output error"});
  }
  // chmod 000 stops no one when running as root (as CI does): then skipped.
  if (geteuid() != 0) {
    Write("locked.txt", ArticleWith());
    fs::permissions(dir_ / "locked.txt", fs::perms::none);
    args.push_back("locked.txt");
    expected.push_back({"locked.txt", "cannot read: Permission denied"});
  }
  args.push_back("good.txt");

  Outcome r = Extract(args);
  EXPECT_FINISHED(r, 1);
  std::vector<Reported> report = Report();
  ASSERT_EQ(report.size(), expected.size() + 1);
  for (size_t i = 0; i < expected.size(); ++i) {
    const auto& [source, error] = expected[i];
    EXPECT_EQ(report[i].source, source);
    EXPECT_EQ(report[i].status, "failed") << source;
    EXPECT_EQ(report[i].error, error) << source;
    EXPECT_TRUE(Contains(r.err, "guillemet: " + source + ": " + error + "\n")) << r.err;
  }
  EXPECT_EQ(report.back().source, "good.txt");
  EXPECT_EQ(report.back().quotations, 3u);
  EXPECT_TRUE(Contains(r.err, "guillemet: " + std::to_string(expected.size()) + " of " +
                                  std::to_string(expected.size() + 1) + " items failed\n"))
      << r.err;
}

TEST_F(BadInput, TheReportHasOneLinePerItemInInputOrderWhateverHappened) {
  Write("a.txt", ArticleWith());
  Write("b.txt", "");
  Write("c.jsonl", JsonLine("c1", ArticleWith()) + "\n\n{\"id\":\"c2\"}\n{oops\n" +
                       JsonLine("c5", "Rien.") + "\n");
  Write("d/e.txt", ArticleWith("\xFF"));
  Write("d/f.txt", std::string("\0", 1));
  Write("g.jsonl", "");
  Write("h.jsonl", " \n\t\n");
  Outcome r =
      Extract({"-j", "3", "a.txt", "b.txt", "c.jsonl", "d", "g.jsonl", "h.jsonl", "missing.txt"});
  EXPECT_FINISHED(r, 1);
  struct Want {
    const char* source;
    const char* status;
    const char* error;
  };
  const Want want[] = {
      {"a.txt", "ok", ""},
      {"b.txt", "failed", "empty file"},
      {"c.jsonl:1", "ok", ""},
      {"c.jsonl:3", "failed", "no \"text\" field"},
      {"c.jsonl:4", "failed", "malformed JSON (missing closing brace)"},
      {"c.jsonl:5", "ok", ""},
      {"d/e.txt", "ok", ""},
      {"d/f.txt", "failed", "binary file (NUL byte at offset 0), skipped"},
      {"g.jsonl", "failed", "empty file"},
      {"h.jsonl", "failed", "no articles (only blank lines)"},
      {"missing.txt", "failed", "No such file or directory"},
  };
  std::vector<Reported> report = Report();
  ASSERT_EQ(report.size(), std::size(want));
  std::vector<Found> found = ParseOutput(r.out);
  for (size_t i = 0; i < report.size(); ++i) {
    SCOPED_TRACE(want[i].source);
    // Sources are printed with the folder as given: "d/e.txt".
    EXPECT_EQ(report[i].source, want[i].source);
    EXPECT_EQ(report[i].status, want[i].status);
    EXPECT_EQ(report[i].error, want[i].error);
    if (report[i].status == "ok") {
      ASSERT_TRUE(report[i].doc.has_value());
      EXPECT_EQ(report[i].quotations, OfDoc(found, *report[i].doc).size());
    } else {
      EXPECT_EQ(report[i].quotations, 0u);
      EXPECT_TRUE(Contains(
          r.err, "guillemet: " + std::string(want[i].source) + ": " + want[i].error + "\n"))
          << r.err;
    }
  }
  EXPECT_TRUE(Contains(r.err, "guillemet: 7 of 11 items failed\n")) << r.err;
}

TEST_F(BadInput, ExitsWith0WhenEveryItemWentWell) {
  Write("a.txt", ArticleWith());
  Write("b.jsonl", JsonLine("b", ArticleWith()) + "\n");
  Outcome r = Extract({"a.txt", "b.jsonl"});
  EXPECT_FINISHED(r, 0);
  std::vector<Reported> report = Report();
  ASSERT_EQ(report.size(), 2u);
  for (const Reported& item : report) EXPECT_EQ(item.status, "ok");
}

TEST_F(BadInput, ExitsWith2OnAUsageErrorAndProcessesNothing) {
  Write("a.txt", ArticleWith());
  const std::vector<std::vector<std::string>> usage_errors = {
      {"--max-article-bytes", "lots", "a.txt"},
      {"-j", "5000", "a.txt"},
      {"--format", "xml", "a.txt"},
      {"--min-confidence", "2", "a.txt"},
      {"--output", "no/such/folder/out.jsonl", "a.txt"},
      {},
  };
  for (const auto& args : usage_errors) {
    std::string joined;
    for (const std::string& a : args) joined += a + " ";
    SCOPED_TRACE(joined);
    fs::remove(dir_ / "report.jsonl");
    Outcome r = Extract(args);
    EXPECT_FINISHED(r, 2);
    EXPECT_TRUE(Contains(r.err, "guillemet: ")) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(ReadFile(dir_ / "report.jsonl"), "");
  }
}

TEST_F(BadInput, AFullOutputDeviceIsAnErrorNotASilentLoss) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full here";
  Write("a.txt", ArticleWith());
  Outcome r = Extract({"--output", "/dev/full", "a.txt"});
  EXPECT_FINISHED(r, 1);
  EXPECT_TRUE(Contains(r.err, "guillemet: /dev/full: write error: No space left on device\n"))
      << r.err;
}

}  // namespace
