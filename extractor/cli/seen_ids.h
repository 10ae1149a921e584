// Where each document id was first seen, to flag duplicated ids, in 16 to 32
// bytes per id rather than a copy of the id and of its location: a run
// over millions of articles keeps memory near that of the articles in
// flight. Ids are kept as 64-bit hashes, so two distinct ids could in
// theory be taken for one (a needless warning; both are still processed).
#ifndef GUILLEMET_CLI_SEEN_IDS_H_
#define GUILLEMET_CLI_SEEN_IDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "io/article.h"

namespace guillemet::cli {

class SeenIds {
 public:
  // The first time an id is seen, records where (a file, and a line of it
  // or 0 for a whole file) and returns nullopt; afterwards returns that
  // first place as "file:line" or "file".
  std::optional<std::string> Check(const std::string& id, const std::string& file, size_t line);

  // For an article whose id was seen before: adds "duplicate id, first seen
  // at ..." to *report_warnings (the report marks every repeat) and logs it
  // once per id, so that a file listed twice does not flood stderr.
  void FlagDuplicate(const io::Article& article, std::vector<std::string>* report_warnings);

 private:
  struct Slot {
    uint64_t hash = 0;  // 0: empty.
    uint32_t file = 0;  // Index into files_.
    uint32_t line = 0;
  };
  void Grow();

  std::vector<Slot> slots_ = std::vector<Slot>(1024);
  size_t used_ = 0;
  std::vector<std::string> files_;
  std::unordered_map<std::string, uint32_t> file_index_;
  std::unordered_map<std::string, uint32_t> repeats_;  // Duplicated ids only.
};

}  // namespace guillemet::cli

#endif  // GUILLEMET_CLI_SEEN_IDS_H_
