// Every input on which the fuzzers found a crash or a hang, replayed through
// Extractor::Extract as the extract fuzzer gives it (a leading "YYYY-MM-DD\n"
// is also the date). Each file of fuzz/regressions/extract/ is one case: a
// new finding is added by copying the reproducer that scripts/fuzz prints
// there. The sanitized run of .ci/run is where these bite.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "guillemet/guillemet.h"

namespace guillemet {
namespace {

std::vector<std::string> Reproducers() {
  std::vector<std::string> paths;
  for (const auto& entry :
       std::filesystem::directory_iterator(GUILLEMET_SOURCE_DIR "/fuzz/regressions/extract")) {
    if (entry.is_regular_file()) paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

TEST(FuzzRegressions, EveryReproducerIsExtractedWithinTheContract) {
  std::unique_ptr<Extractor> extractor;
  Status s = Extractor::Open(GUILLEMET_SOURCE_DIR "/patterns", &extractor);
  ASSERT_TRUE(s.ok()) << s.message();
  const std::vector<std::string> paths = Reproducers();
  ASSERT_FALSE(paths.empty());
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    Document document;
    document.id = "fuzz";
    document.text = bytes.str();
    if (document.text.size() > 11 && document.text[10] == '\n') {
      document.date = document.text.substr(0, 10);
    }
    Extraction result;
    EXPECT_NO_THROW(result = extractor->Extract(document)) << path;
    for (const Quotation& q : result.quotations) {
      EXPECT_LE(q.byte_start, q.byte_end) << path;
      EXPECT_LE(q.byte_end, document.text.size()) << path;
    }
  }
}

}  // namespace
}  // namespace guillemet
