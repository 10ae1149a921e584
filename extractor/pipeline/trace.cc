#include "pipeline/trace.h"

namespace guillemet::pipeline {
namespace {

const char* MentionKind(Mention::Kind k) {
  switch (k) {
    case Mention::kName:
      return "NAME";
    case Mention::kRole:
      return "ROLE";
    case Mention::kEpithet:
      return "EPITHET";
    case Mention::kDescription:
      return "DESC";
    case Mention::kPronoun:
      return "PRON";
  }
  return "?";
}

const char* CueForm(Cue::Form f) {
  switch (f) {
    case Cue::kFinite:
      return "finite";
    case Cue::kInverted:
      return "inverted";
    case Cue::kParticiple:
      return "participle";
    case Cue::kInfinitive:
      return "infinitive";
    case Cue::kSource:
      return "source";
    case Cue::kRelay:
      return "relay";
  }
  return "?";
}

}  // namespace

std::string TraceAnalysis(const Analysis& a, const attribute::Subjects& subjects,
                          const std::vector<attribute::Attribution>& attributions,
                          const std::vector<resolve::Speaker>& speakers) {
  std::string out;
  auto text = [&](int first, int end) {
    if (first >= end) return std::string();
    return std::string(a.text.substr(a.tokens[first].span.begin,
                                     a.tokens[end - 1].span.end - a.tokens[first].span.begin));
  };
  for (size_t s = 0; s < a.sentences.size(); ++s) {
    const Sentence& sentence = a.sentences[s];
    out += "S" + std::to_string(s) + " p" + std::to_string(sentence.paragraph) + ": " +
           text(sentence.first_token, sentence.end_token).substr(0, 300) + "\n";
    for (size_t m = 0; m < a.mentions.size(); ++m) {
      const Mention& mention = a.mentions[m];
      if (a.tokens[mention.first_token].sentence != static_cast<int>(s)) continue;
      out += "   m" + std::to_string(m) + " " + MentionKind(mention.kind) + " [" +
             text(mention.first_token, mention.end_token) + "]";
      if (mention.apposed >= 0) out += " apposed=m" + std::to_string(mention.apposed);
      if (mention.is_org) out += " org";
      if (mention.gender) out += std::string(" g=") + mention.gender;
      if (!mention.speakers.empty()) out += " kb=" + std::to_string(mention.speakers.size());
      if (mention.end_token - mention.first_token > 1) {
        out += " tokens=" + std::to_string(mention.end_token - mention.first_token);
      }
      if (s < subjects.of_sentence.size() && subjects.of_sentence[s] == static_cast<int>(m)) {
        out += " MAIN-SUBJECT";
      }
      out += "\n";
    }
    for (size_t c = 0; c < a.cues.size(); ++c) {
      const Cue& cue = a.cues[c];
      if (a.tokens[cue.first_token].sentence != static_cast<int>(s)) continue;
      out += "   c" + std::to_string(c) + " " + CueForm(cue.form) + " [" +
             text(cue.first_token, cue.end_token) + "] " + cue.category +
             " subject=m" + std::to_string(subjects.of_cue[c]) +
             (subjects.postposed[c] ? " postposed" : "") + "\n";
    }
    for (size_t q = 0; q < a.quotes.size(); ++q) {
      if (a.quotes[q].sentence != static_cast<int>(s)) continue;
      const attribute::Attribution& at = attributions[q];
      out += "   q" + std::to_string(q) + " «" + a.quotes[q].text.substr(0, 60) + "» " +
             at.method + " mention=m" + std::to_string(at.mention) + " cue=c" +
             std::to_string(at.cue) + " from=q" + std::to_string(at.from_quote) + " kind=" +
             QuoteKindName(at.kind) + " -> " + speakers[q].name.value_or("null") + " (" +
             speakers[q].how + ")\n";
    }
  }
  return out;
}

}  // namespace guillemet::pipeline
