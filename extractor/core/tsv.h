// Reads the line-oriented pattern files: tab-separated fields, '#' comments,
// blank lines skipped, every error reported as "path:line: message".
#ifndef GUILLEMET_CORE_TSV_H_
#define GUILLEMET_CORE_TSV_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "guillemet/guillemet.h"

namespace guillemet {

// Calls `row` for every data line of `path` with its 1-based line number and
// fields. A row callback returns a plain message on error; ReadTsv prefixes
// it with "path:line: ". Fails if the file cannot be read.
Status ReadTsv(const std::string& path,
               const std::function<std::string(int line, const std::vector<std::string_view>&)>& row);

}  // namespace guillemet

#endif  // GUILLEMET_CORE_TSV_H_
