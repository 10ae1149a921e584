// A fast, stable 64-bit hash of an article's text, stored with each
// document to tell an unchanged re-ingested article from a modified one.
// Not cryptographic: it guards against edits, not against adversaries.
#ifndef GUILLEMET_DB_CONTENT_HASH_H_
#define GUILLEMET_DB_CONTENT_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace guillemet::db {

// The same bytes give the same value on every platform and in every version
// of this library: the value is stored, so changing it would make every
// stored article look modified.
uint64_t Hash64(std::string_view data);

// Hash64 as 16 lowercase hex digits.
std::string Hash64Hex(std::string_view data);

}  // namespace guillemet::db

#endif  // GUILLEMET_DB_CONTENT_HASH_H_
