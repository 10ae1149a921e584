#include "cli/common.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <filesystem>
#include <system_error>

#include "cli/huge_pages.h"

namespace guillemet {
namespace cli {

#ifndef GUILLEMET_DEFAULT_PATTERNS
#define GUILLEMET_DEFAULT_PATTERNS ""
#endif

const char* const kExitCodesHelp =
    "Exit status: 0 when every item was processed; 1 when some items failed\n"
    "(each is named on stderr and in --report; all others are still processed);\n"
    "2 for a usage error (unknown flag, no input, a patterns folder, output or\n"
    "report file that cannot be used).";

void AddInputOptions(CLI::App* app, InputOptions* options) {
  app->add_option("INPUT", options->inputs,
                  "Articles to read: a .txt file (one article; its id is the file name\n"
                  "without extension), a folder (its *.txt files, recursively, sorted),\n"
                  "a .jsonl/.ndjson file (one JSON article a line), or - for JSONL on stdin")
      ->required()
      ->type_name("");
  io::ReadOptions& read = options->read;
  app->add_option("--id-field", read.id_field, "JSONL field holding the article id")
      ->capture_default_str()
      ->type_name("NAME")
      ->group("JSONL input");
  app->add_option("--text-field", read.text_field, "JSONL field holding the text (required)")
      ->capture_default_str()
      ->type_name("NAME")
      ->group("JSONL input");
  app->add_option("--date-field", read.date_field,
                  "JSONL field holding the ISO-8601 date (optional)")
      ->capture_default_str()
      ->type_name("NAME")
      ->group("JSONL input");
  app->add_option("--url-field", read.url_field, "JSONL field holding the URL (optional)")
      ->capture_default_str()
      ->type_name("NAME")
      ->group("JSONL input");
  app->add_option("--title-field", read.title_field, "JSONL field holding the title (optional)")
      ->capture_default_str()
      ->type_name("NAME")
      ->group("JSONL input");
  app->add_option("--max-article-bytes", read.max_article_bytes,
                  "Skip, with an error, any article (text file or JSONL line) larger than\n"
                  "this; bounds memory. Accepts k, M, G suffixes (powers of 1024).\n"
                  "Default: 32M")
      ->transform(CLI::AsSizeValue(false).description(""))
      ->type_name("SIZE");
  app->add_option("-j,--threads", options->threads,
                  "Articles extracted in parallel. Output order is input order whatever\n"
                  "the number. Default: 0, one per core")
      ->check(CLI::Range(0, 1024))
      ->type_name("N");
}

void AddPatternsOption(CLI::App* app, std::string* dir) {
  app->add_option("--patterns", *dir,
                  "Folder of pattern files. Default: $GUILLEMET_PATTERNS, else\n" +
                      std::string(GUILLEMET_DEFAULT_PATTERNS) +
                      " if it exists, else patterns/ beside\nthe executable")
      ->envname("GUILLEMET_PATTERNS")
      ->type_name("DIR");
}

std::string ResolvePatternsDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  std::error_code ec;
  const std::string compiled = GUILLEMET_DEFAULT_PATTERNS;
  if (!compiled.empty() && std::filesystem::is_directory(compiled, ec)) return compiled;
  // An installed binary no longer has the source tree: look beside it.
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) return (exe.parent_path() / "patterns").string();
  return "patterns";
}

bool OpenExtractor(const std::string& patterns_flag, std::unique_ptr<Extractor>* out) {
  std::string dir = ResolvePatternsDir(patterns_flag);
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    spdlog::error("{}: patterns folder not found (use --patterns DIR or set GUILLEMET_PATTERNS)",
                  dir);
    return false;
  }
  spdlog::debug("patterns from {}", dir);
  const Status status = [&] {
    HugePageHeap lexicon_heap;
    return Extractor::Open(dir, out);
  }();
  if (!status.ok()) {
    spdlog::error("{}", status.message());
    return false;
  }
  return true;
}

}  // namespace cli
}  // namespace guillemet
