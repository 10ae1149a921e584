#include "io/input_sources.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>

namespace guillemet {
namespace io {
namespace {

namespace fs = std::filesystem;

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  s.remove_prefix(s.size() - suffix.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != suffix[i]) return false;
  }
  return true;
}

// Appends the *.txt files under `dir`, sorted by path so that a run is
// reproducible whatever order the file system lists them in. Symbolic links
// to folders are not followed, which rules out cycles.
void ExpandFolder(const std::string& dir, std::vector<InputSource>* out) {
  std::vector<InputSource> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec);
  if (ec) {
    out->push_back({InputSource::Kind::kText, dir, ec.message()});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      // The iterator cannot go on after an error; report it and keep what
      // was found so far.
      found.push_back({InputSource::Kind::kText, dir, "cannot list folder: " + ec.message()});
      break;
    }
    const fs::directory_entry& entry = *it;
    std::error_code type_ec;
    if (!entry.is_regular_file(type_ec)) continue;
    std::string path = entry.path().string();
    if (EndsWithNoCase(path, ".txt")) found.push_back({InputSource::Kind::kText, path, ""});
  }
  if (found.empty()) {
    // A folder named on the command line that yields nothing must not pass
    // unnoticed, any more than an empty file does.
    out->push_back({InputSource::Kind::kText, dir, "no .txt files in this folder"});
    return;
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const InputSource& a, const InputSource& b) { return a.path < b.path; });
  out->insert(out->end(), std::make_move_iterator(found.begin()),
              std::make_move_iterator(found.end()));
}

}  // namespace

bool IsJsonlPath(std::string_view path) {
  return path == "-" || EndsWithNoCase(path, ".jsonl") || EndsWithNoCase(path, ".ndjson");
}

std::vector<InputSource> ExpandInputs(const std::vector<std::string>& paths) {
  std::vector<InputSource> out;
  for (const std::string& path : paths) {
    if (path == "-") {
      out.push_back({InputSource::Kind::kJsonl, path, ""});
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      out.push_back(
          {InputSource::Kind::kText, path, ec ? ec.message() : "No such file or directory"});
    } else if (fs::is_directory(status)) {
      ExpandFolder(path, &out);
    } else {
      // Named explicitly: read whatever its extension, the way one would
      // expect `guillemet extract notes.md` to work.
      out.push_back(
          {IsJsonlPath(path) ? InputSource::Kind::kJsonl : InputSource::Kind::kText, path, ""});
    }
  }
  return out;
}

}  // namespace io
}  // namespace guillemet
