// Writing text into output formats: JSON string escaping, CSV field quoting
// (RFC 4180) and UTF-8 repair. Every function here replaces each byte that is
// not part of valid UTF-8 by U+FFFD, so that whatever the input, the output
// is valid UTF-8. All append to a caller-owned buffer so that a writer can
// reuse one buffer for a whole run.
#ifndef GUILLEMET_IO_TEXT_ESCAPE_H_
#define GUILLEMET_IO_TEXT_ESCAPE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace guillemet {
namespace io {

// Appends `text` with every invalid byte replaced by U+FFFD; returns the
// number of bytes replaced.
size_t AppendValidUtf8(std::string_view text, std::string* out);

// Appends `text` as a JSON string, quotes included: '"', '\\' and control
// characters are escaped (\n, \t, ... or \u00XX), valid UTF-8 is copied.
void AppendJsonString(std::string_view text, std::string* out);

// The most bytes WriteJsonString writes for `text`: two quotes, and six
// bytes a byte (a control character's \u00XX; U+FFFD for an invalid byte
// is three).
inline size_t JsonStringRoom(std::string_view text) { return 2 + 6 * text.size(); }

// The same as AppendJsonString, written at `out`, which has room for
// JsonStringRoom(text) bytes; returns the end of what it wrote. For a
// writer that makes room for a whole record at once.
char* WriteJsonString(std::string_view text, char* out);

// Appends `text` as one CSV field: quoted, with quotes doubled, when it
// holds a comma, a quote, CR or LF; as is otherwise.
void AppendCsvField(std::string_view text, std::string* out);

}  // namespace io
}  // namespace guillemet

#endif  // GUILLEMET_IO_TEXT_ESCAPE_H_
