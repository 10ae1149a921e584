// The context sentence stored with each quotation: the sentence or sentences
// of the article around the quoted words, so that a search result reads on
// its own ("Le ministre a déclaré : « ... », avant de partir.").
#ifndef GUILLEMET_DB_CONTEXT_H_
#define GUILLEMET_DB_CONTEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace guillemet::db {

// How far the context may reach on each side of the quotation, in bytes.
constexpr size_t kMaxContextSide = 400;

// Expands text[byte_start, byte_end) outwards to the nearest sentence
// boundaries: a newline, or '.', '!' or '?' followed by a space, a closing
// mark or the end ("M." before a name and "3.5" are not boundaries). Each
// side stops after `max_side` bytes, cut before a word when there is a space
// near the cut and always on a UTF-8 character boundary. The quotation itself
// is always kept whole. Out-of-range offsets are clamped, never an error. The
// result is trimmed of surrounding white space.
std::string ContextSentence(std::string_view text, size_t byte_start, size_t byte_end,
                            size_t max_side = kMaxContextSide);

}  // namespace guillemet::db

#endif  // GUILLEMET_DB_CONTEXT_H_
