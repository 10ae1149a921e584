#include "cli/seen_ids.h"

#include <spdlog/spdlog.h>

#include <limits>

#include "core/string_map.h"

namespace guillemet::cli {

std::optional<std::string> SeenIds::Check(const std::string& id, const std::string& file,
                                          size_t line) {
  const uint64_t hash = HashString(id) | 1;  // Never 0, the mark of an empty slot.
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  for (; slots_[i].hash != 0; i = (i + 1) & mask) {
    if (slots_[i].hash == hash) {
      const Slot& s = slots_[i];
      return s.line == 0 ? files_[s.file] : files_[s.file] + ":" + std::to_string(s.line);
    }
  }
  auto [where, added] = file_index_.try_emplace(file, static_cast<uint32_t>(files_.size()));
  if (added) files_.push_back(file);
  constexpr size_t kMaxLine = std::numeric_limits<uint32_t>::max();
  slots_[i] = Slot{hash, where->second, static_cast<uint32_t>(line > kMaxLine ? kMaxLine : line)};
  if (++used_ * 4 > slots_.size() * 3) Grow();  // At most three quarters full.
  return std::nullopt;
}

void SeenIds::FlagDuplicate(const io::Article& article,
                            std::vector<std::string>* report_warnings) {
  const std::string& id = article.document.id;
  std::optional<std::string> first = Check(id, article.file, article.line);
  if (!first) return;
  report_warnings->push_back("duplicate id, first seen at " + *first);
  if (++repeats_[id] == 1) {
    spdlog::warn("{}: doc {}: duplicate id, first seen at {}", article.Location(), id, *first);
  }
}

void SeenIds::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.hash == 0) continue;
    size_t i = s.hash & mask;
    while (slots_[i].hash != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace guillemet::cli
