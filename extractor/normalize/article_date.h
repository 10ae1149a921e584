// Finds an article's own date in its text ("Bruxelles, 25 mai 2017 (AFP)",
// "(©AFP / 16 février 2018 11h59)", "June 18, 2021") when the input gives
// none, so that offices ("le patron de l'Otan") can be resolved to whoever
// held them on that day.
#ifndef GUILLEMET_NORMALIZE_ARTICLE_DATE_H_
#define GUILLEMET_NORMALIZE_ARTICLE_DATE_H_

#include <string>
#include <string_view>

namespace guillemet::normalize {

// Returns the article's date as "YYYY-MM-DD", or "" if the text has none.
//
// Reads French and English dates: "25 mai 2017", "le 1er février 2018",
// "2017-05-25", "25/05/2017", "June 18, 2021", and a day and month without
// year ("15 Mar.", "3 janv.", "le 15 mars") completed with a year written on
// the same line or the next three lines, never without one. Impossible dates
// (31 février) are skipped. A date on a publication line (dateline, "Publié
// le", "©AFP", a time of day) near the top or the bottom of the text wins
// over one in the body; among equals the first one in the text wins.
//
// Only the first 64 KiB and the last 4 KiB are read: a date deep inside a
// huge text says little about when it was published. Never fails; invalid
// UTF-8 is tolerated. Thread-safe.
std::string FindArticleDate(std::string_view text);

// Compiles the regular expressions FindArticleDate uses, which it would
// otherwise do on first use (a few ms): lets a caller pay for it at
// start-up. Thread-safe; later calls cost nothing. Two threads may compile
// the two parts side by side: the pattern of publication lines (cheap), and
// the date patterns (most of the cost).
enum class DatePatterns { kAll, kPublicationLine, kDates };
void CompileArticleDatePatterns(DatePatterns which = DatePatterns::kAll);

}  // namespace guillemet::normalize

#endif  // GUILLEMET_NORMALIZE_ARTICLE_DATE_H_
