#include "core/tsv.h"

#include <fstream>
#include <sstream>

namespace guillemet {

Status ReadTsv(const std::string& path,
               const std::function<std::string(int, const std::vector<std::string_view>&)>& row) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot read pattern file");
  std::string line;
  int number = 0;
  std::vector<std::string_view> fields;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    fields.clear();
    std::string_view rest(line);
    while (true) {
      size_t tab = rest.find('\t');
      fields.push_back(rest.substr(0, tab));
      if (tab == std::string_view::npos) break;
      rest.remove_prefix(tab + 1);
    }
    while (!fields.empty() && fields.back().empty()) fields.pop_back();
    std::string error = row(number, fields);
    if (!error.empty()) {
      return Status::Error(path + ":" + std::to_string(number) + ": " + error);
    }
  }
  return Status::OK();
}

}  // namespace guillemet
