// What several test files need and would otherwise each write again: files
// and lines, JSON strings for hand-made input, a temporary folder, one
// Extractor on the repository's patterns shared by a whole test binary, and
// the hostile-input material (a clean article, every kind of invalid UTF-8).
#ifndef GUILLEMET_TESTS_SUPPORT_H_
#define GUILLEMET_TESTS_SUPPORT_H_

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "guillemet/guillemet.h"

namespace guillemet::test {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif
// Time and memory bounds are multiplied by this under sanitizers, which slow
// code down and inflate its memory.
constexpr int kSlowdown = kSanitized ? 5 : 1;

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The lines of `text`, each without its line end (\n or \r\n).
inline std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream s(text);
  for (std::string line; std::getline(s, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

// `text` as a JSON string. Bytes at or above 0x80 are copied raw, valid or
// not, so that a reader sees them as they are.
inline std::string JsonString(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// A fresh folder, removed with everything in it when this goes.
class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "guillemet_test") {
    std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "_XXXXXX")).string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string File(const std::string& name) const { return (path_ / name).string(); }
  // Writes `content` to `name` (folders made as needed) and returns its path.
  std::string Write(const std::string& name, const std::string& content) const {
    const std::filesystem::path p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

// What a run of the command-line tool gave.
struct CommandResult {
  int status = -1;  // Exit status; -1 when it did not exit normally.
  std::string out, err;
};

// Runs `guillemet ARGS` (GUILLEMET_BINARY) in `dir` through the shell, with
// `env` before it ("NAME=value ...") and stdin from `stdin_file`, and waits
// for it; its stdout and stderr are left in dir/out.txt and dir/err.txt.
inline CommandResult RunGuillemet(const std::filesystem::path& dir, const std::string& args,
                                  const std::string& stdin_file = "/dev/null",
                                  const std::string& env = "") {
  const std::string command = "cd '" + dir.string() + "' && " + env + " '" GUILLEMET_BINARY "' " +
                              args + " < '" + stdin_file + "' > out.txt 2> err.txt";
  const int raw = std::system(command.c_str());
  CommandResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = ReadFile(dir / "out.txt");
  r.err = ReadFile(dir / "err.txt");
  return r;
}

// One Extractor on the repository's patterns, loaded on first use and kept
// for the whole test binary; aborts it if the patterns do not load.
inline const Extractor& SharedExtractor() {
  static const Extractor* extractor = [] {
    std::unique_ptr<Extractor> e;
    Status s = Extractor::Open(GUILLEMET_SOURCE_DIR "/patterns", &e);
    if (!s.ok()) {
      ADD_FAILURE() << s.message();
      std::abort();
    }
    return e.release();
  }();
  return *extractor;
}

inline Document Doc(const std::string& text, const std::string& date = "",
                    const std::string& id = "doc") {
  Document document;
  document.id = id;
  document.text = text;
  document.date = date;
  return document;
}

// Extract on the shared Extractor; a test fails if it throws.
inline Extraction ExtractText(const std::string& text, const std::string& date = "") {
  Extraction result;
  EXPECT_NO_THROW(result = SharedExtractor().Extract(Doc(text, date)));
  return result;
}

// Hostile input: three clean quotations, with bad bytes put between and
// after them.
inline const std::string kCleanParagraphs[] = {
    "Le ministre a déclaré : « Nous ferons mieux. »",
    "« Nous ne céderons pas », a affirmé Jean Dupont, maire de Lyon.",
    "Selon Marie Curie, « la science avance ».",
};

inline std::string ArticleWith(const std::string& bad = "", const std::string& eol = "\n") {
  std::string text = kCleanParagraphs[0] + eol + eol;
  if (!bad.empty()) text += bad + eol + eol;
  text += kCleanParagraphs[1] + eol + eol + kCleanParagraphs[2] + eol;
  return text + bad;  // Also at the very end, where a sequence can be cut short.
}

// Every kind of invalid UTF-8.
struct BadBytes {
  const char* name;
  std::string bytes;
};
inline const BadBytes kInvalidUtf8[] = {
    {"stray_continuation", "\x80 x \xBF\xBF y \x9F"},
    {"truncated_2", "\xC3 x"},
    {"truncated_3", "\xE2\x80 x"},
    {"truncated_4", "\xF0\x9F\x98 x"},
    {"truncated_at_end", "x \xE2\x82"},
    {"overlong_2", "\xC0\xAF \xC1\xBF"},
    {"overlong_3", "\xE0\x80\xAF \xE0\x9F\xBF"},
    {"overlong_4", "\xF0\x80\x80\xAF \xF0\x8F\xBF\xBF"},
    {"surrogate_high", "\xED\xA0\x80"},
    {"surrogate_low", "\xED\xBF\xBF"},
    {"surrogate_pair_encoded", "\xED\xA0\xBD\xED\xB8\x80"},
    {"past_10ffff", "\xF4\x90\x80\x80"},
    {"bytes_f5_to_ff", "\xF5\xF6\xF7\xF8\xF9\xFA\xFB\xFC\xFD\xFE\xFF"},
    {"latin1_article",
     "L'\xE9l\xE8ve a d\xE9"
     "clar\xE9 : \xAB Tr\xE8s bien \xBB."},
    {"broken_guillemet", "\xC2 Oui \xC2\xBB, a-t-il \xC2"},
};

// The length of the well-formed UTF-8 sequence at s[i] (Unicode table 3-7:
// no overlong form, no surrogate, nothing past U+10FFFF), or 0.
inline size_t WellFormedAt(const std::string& s, size_t i) {
  auto byte = [&](size_t k) -> int {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : -1;
  };
  auto in = [](int b, int lo, int hi) { return b >= lo && b <= hi; };
  int b0 = byte(0);
  if (in(b0, 0x00, 0x7F)) return 1;
  if (in(b0, 0xC2, 0xDF)) return in(byte(1), 0x80, 0xBF) ? 2 : 0;
  if (in(b0, 0xE0, 0xEF)) {
    int lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
    return in(byte(1), lo, hi) && in(byte(2), 0x80, 0xBF) ? 3 : 0;
  }
  if (in(b0, 0xF0, 0xF4)) {
    int lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
    return in(byte(1), lo, hi) && in(byte(2), 0x80, 0xBF) && in(byte(3), 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

}  // namespace guillemet::test

#endif  // GUILLEMET_TESTS_SUPPORT_H_
