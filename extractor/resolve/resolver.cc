#include "resolve/resolver.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/unicode.h"
#include "cues/mention_finder.h"
#include "normalize/tokenize.h"

namespace guillemet::resolve {
namespace {

using WordFeaturesPtr = const cues::WordFeatures*;

struct Entity {
  std::string name;
  std::string id;
  int kb = -1;
  char gender = 0;
  bool is_org = false;
  bool spelt_by_article = false;  // Its name as the article spells it (SpellAsTheArticle).
  bool plural = false;
  bool unnamed = false;  // Named by its description ("une salariée du magasin").
};

// An office or head noun bound to a person by an apposition.
struct Binding {
  int token;  // Where the apposition stands.
  int entity;
  // The office's words name several offices ("le ministre des Affaires
  // étrangères" of any country) and the person does not say which.
  bool among_several = false;
};

bool GenderFits(char pronoun, char entity) {
  return pronoun == 0 || entity == 0 || pronoun == entity;
}

// "le", "la": the article that opens some surnames (Le Goff, La Fontaine).
bool IsArticleParticle(const std::string& word) { return word == "le" || word == "la"; }

std::string LastWord(const std::string& key) {
  size_t space = key.rfind(' ');
  return space == std::string::npos ? key : key.substr(space + 1);
}

// The words of a folded key, split at its spaces.
std::vector<std::string> SplitWords(const std::string& key) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start <= key.size()) {
    const size_t space = key.find(' ', start);
    const size_t end = space == std::string::npos ? key.size() : space;
    if (end > start) words.push_back(key.substr(start, end - start));
    if (space == std::string::npos) break;
    start = space + 1;
  }
  return words;
}

class Resolver {
 public:
  Resolver(const cues::Lexicon& lex, const Analysis& a, const attribute::Subjects& subjects,
           const std::vector<attribute::Attribution>& attributions)
      : lex_(lex),
        kb_(lex.kb()),
        a_(a),
        tokens_(a.tokens),
        subjects_(subjects),
        attributions_(attributions) {}

  std::vector<Speaker> Run() {
    entity_of_mention_.assign(a_.mentions.size(), -2);
    how_.assign(a_.mentions.size(), "");
    IndexCues();
    ResolveNames();
    BindAppositions();
    BindPositionsOfRelativeClauses();
    WalkDiscourse();
    std::vector<Speaker> out(a_.quotes.size());
    for (size_t q = 0; q < a_.quotes.size(); ++q) out[q] = SpeakerOf(static_cast<int>(q), 0);
    NameTheSameWordsFromTheirRepetition(&out);
    return out;
  }

 private:
  std::string Text(Span s) const { return std::string(a_.text.substr(s.begin, s.size())); }

  int AddEntity(Entity e) {
    entities_.push_back(std::move(e));
    return static_cast<int>(entities_.size()) - 1;
  }

  int KbEntity(int kb) {
    auto it = entity_of_kb_.find(kb);
    if (it != entity_of_kb_.end()) return it->second;
    const cues::Speaker& sp = kb_.speakers()[kb];
    Entity e;
    e.name = sp.name;
    e.id = sp.id;
    e.kb = kb;
    e.gender = sp.gender;
    e.is_org = sp.is_org;
    int index = AddEntity(e);
    entity_of_kb_[kb] = index;
    return index;
  }

  // Once per article: the cues of each sentence in order, the running
  // maximum of cue ends (the first cue ending past a token is found by
  // binary search), and what a pronoun asks of a cue that does not depend
  // on the pronoun. Keeps resolution linear in the article's length.
  void IndexCues() {
    const size_t n = a_.cues.size();
    int sentences = static_cast<int>(a_.sentences.size());
    for (const Cue& cue : a_.cues) {
      sentences = std::max(sentences, tokens_[cue.first_token].sentence + 1);
    }
    // The cues of each sentence counted, then placed: cue_ids_begin_[s + 1]
    // first counts those of s; summed, cue_ids_begin_[s] is where those of s
    // start; placing each moves cue_ids_begin_[s] on to their end, where
    // those of s + 1 start, so that the marks shifted by one are the starts.
    cue_ids_begin_.assign(static_cast<size_t>(sentences) + 1, 0);
    for (const Cue& cue : a_.cues) {
      const int s = tokens_[cue.first_token].sentence;
      if (s >= 0) ++cue_ids_begin_[s + 1];
    }
    for (int s = 0; s < sentences; ++s) cue_ids_begin_[s + 1] += cue_ids_begin_[s];
    cue_ids_.resize(static_cast<size_t>(cue_ids_begin_[sentences]));
    for (size_t c = 0; c < n; ++c) {
      const int s = tokens_[a_.cues[c].first_token].sentence;
      if (s >= 0) cue_ids_[cue_ids_begin_[s]++] = static_cast<int>(c);
    }
    for (int s = sentences; s > 0; --s) cue_ids_begin_[s] = cue_ids_begin_[s - 1];
    cue_ids_begin_[0] = 0;
    max_cue_end_.resize(n);
    cue_never_antecedent_.resize(n);
    cue_judges_.resize(n);
    int max_end = std::numeric_limits<int>::min();
    for (size_t c = 0; c < n; ++c) {
      const Cue& cue = a_.cues[c];
      max_end = std::max(max_end, cue.end_token);
      max_cue_end_[c] = max_end;
      int m = subjects_.of_cue[c];
      cue_never_antecedent_[c] =
          cue.form == Cue::kSource || m < 0 || a_.mentions[m].kind == Mention::kPronoun;
      // A string_view, so that each comparison with a literal is inline
      // rather than a call to std::string::compare.
      const std::string_view category = cue.category;
      cue_judges_[c] = category == "judge" || category == "criticize" || category == "praise" ||
                       category == "feel" || category == "stance";
    }
  }

  int KbIndex(const cues::Speaker* sp) const {
    return static_cast<int>(sp - kb_.speakers().data());
  }

  // The entity of the person named (by a name of several words) last
  // before mention `m` in its sentence, when a pseudonym phrase
  // (words.tsv) ends right before `m`; -1 otherwise.
  int PersonNamedBeforeItsPseudonym(int m) const {
    const Mention& mention = a_.mentions[m];
    if (lex_.words(cues::WordClass::kPseudonym).LongestEndingAt(tokens_, mention.first_token) == 0) {
      return -1;
    }
    const int sentence = tokens_[mention.first_token].sentence;
    for (int p = m - 1; p >= 0; --p) {
      const Mention& before = a_.mentions[p];
      if (tokens_[before.first_token].sentence != sentence) break;
      if (before.kind != Mention::kName || before.is_org) continue;
      const int e = entity_of_mention_[p];
      return e >= 0 && IsPerson(e) ? e : -1;
    }
    return -1;
  }

  // "Binali Yıldırım" where the base writes "Binali Yildirim": a full
  // name spelt more exactly than the base does is written as the article
  // spells it, the first time it does; otherwise the base's name stays.
  void SpellAsTheArticle(const Mention& mention, int entity) {
    Entity& e = entities_[entity];
    if (e.spelt_by_article) return;
    const Span span = cues::NameSpan(lex_, a_, mention);
    const std::string_view text = a_.text.substr(span.begin, span.size());
    if (text == e.name || text.find(' ') == std::string_view::npos ||
        !MoreExactSpelling(FoldKey(text), FoldKey(e.name))) {
      return;
    }
    e.name = std::string(text);
    e.spelt_by_article = true;
  }

  // Whether the article's key differs from the base's only where it has a
  // letter beyond ASCII that folding keeps ("ı", "ø", "ł") and the base a
  // plain one, at least once: a spelling more exact than the base's, not a
  // poorer one ("Cavusoglu") nor another case ("le Drian").
  static bool MoreExactSpelling(std::string_view article, std::string_view base) {
    size_t i = 0, j = 0;
    bool differs = false;
    while (i < article.size() && j < base.size()) {
      const char32_t x = DecodeUtf8(article, &i), y = DecodeUtf8(base, &j);
      if (x == y) continue;
      if (!(x >= 0x80 && IsLetter(x) && y < 0x80 && IsLetter(y))) return false;
      differs = true;
    }
    return differs && i == article.size() && j == base.size();
  }

  // The people of the article's full names (none of the base) by their
  // first word, when it is a first name; made once, when a name of one
  // word asks.
  void IndexBearersOfFirstNames() {
    for (const auto& [key, entity] : entity_of_key_) {
      const size_t space = key.find(' ');
      if (space == std::string::npos || entities_[entity].kb >= 0 || entities_[entity].is_org) {
        continue;
      }
      const std::string first_word = key.substr(0, space);
      if (lex_.FirstNameGenderOfNorm(first_word) == 0) continue;
      std::vector<int>& bearers = bearers_of_first_name_[first_word];
      if (std::find(bearers.begin(), bearers.end(), entity) == bearers.end()) {
        bearers.push_back(entity);
      }
    }
  }

  // "Gérard et Annick Vidalenc": a first name alone, joined by "et" to a
  // first name and a surname, shares that surname; "" otherwise.
  std::string SurnameSharedAcrossEt(size_t m) const {
    const Mention& first = a_.mentions[m];
    // The cheap tests first: most names are followed by no "et" and a name.
    if (first.is_org || first.end_token - first.first_token != 1 || m + 1 >= a_.mentions.size() ||
        tokens_[first.end_token].norm != "et") {
      return "";
    }
    const Mention& second = a_.mentions[m + 1];
    if (second.kind != Mention::kName || second.is_org ||
        second.first_token != first.end_token + 1 || second.end_token - second.first_token < 2 ||
        lex_.FirstNameGenderOfNorm(tokens_[first.first_token].norm) == 0 ||
        lex_.FirstNameGenderOfNorm(tokens_[second.first_token].norm) == 0) {
      return "";
    }
    return Text(
        {tokens_[second.first_token + 1].span.begin, tokens_[second.end_token - 1].span.end});
  }

  // Names first, over the whole article: a surname alone may come before
  // or after the full name.
  void ResolveNames() {
    // Names of one word and organisations, for the second pass below, with
    // their texts and keys (kept from this pass rather than made again).
    std::vector<int> single;
    std::vector<std::string> single_texts, single_keys;
    single.reserve(a_.mentions.size());
    single_texts.reserve(a_.mentions.size());
    single_keys.reserve(a_.mentions.size());
    for (size_t m = 0; m < a_.mentions.size(); ++m) {
      const Mention& mention = a_.mentions[m];
      if (mention.kind != Mention::kName) continue;
      // A name the base knows needs neither its text nor its key.
      if (mention.speakers.size() == 1) {
        const int entity = KbEntity(mention.speakers[0]);
        SpellAsTheArticle(mention, entity);
        SetEntity(m, entity, "name");
        continue;
      }
      std::string text = Text(cues::NameSpan(lex_, a_, mention));
      if (const std::string surname = SurnameSharedAcrossEt(m); !surname.empty()) {
        text += " " + surname;
      }
      std::string key = FoldKey(text);
      // "M. Le Goff": a surname that opens on an article is one word.
      const size_t space = key.find(' ');
      const bool article_surname = space != std::string::npos &&
                                   key.find(' ', space + 1) == std::string::npos &&
                                   IsArticleParticle(key.substr(0, space));
      bool multi = (space != std::string::npos && !article_surname) || mention.speakers.size() > 1;
      if (!multi || mention.is_org) {
        single.push_back(static_cast<int>(m));
        single_texts.push_back(std::move(text));
        single_keys.push_back(std::move(key));
        continue;
      }
      auto it = entity_of_key_.find(key);
      if (it != entity_of_key_.end()) {
        SetEntity(m, it->second, "name");
        continue;
      }
      // An unknown full name, or a misspelling of a known one.
      int entity;
      const cues::Speaker* close = kb_.FindClosest(text, MisspellingAllowance(key));
      if (close != nullptr) {
        entity = KbEntity(KbIndex(close));
      } else {
        Entity e;
        e.name = text;
        e.gender = mention.gender;
        entity = AddEntity(e);
      }
      entity_of_key_[key] = entity;
      // "XTO Energy" then "XTO": a name led by an acronym, of nobody's
      // gender, is a company's, and the acronym alone its short form.
      if (close == nullptr && mention.gender == 0 && tokens_[mention.first_token].all_caps) {
        std::vector<int>& led = named_after_acronym_[key.substr(0, key.find(' '))];
        if (std::find(led.begin(), led.end(), entity) == led.end()) led.push_back(entity);
      }
      surname_[LastWord(key)].push_back(entity);
      // "Moussa Faki Mahamat" then "M. Faki": a middle word of a name of
      // three words or more may be the surname the article uses.
      if (close == nullptr) {
        const std::vector<std::string> words = SplitWords(key);
        for (size_t w = 1; w + 1 < words.size(); ++w) {
          if (CountCodePoints(words[w]) >= 3) surname_[words[w]].push_back(entity);
        }
        // "Yannick Le Goff" then "Le Goff": a surname that opens on an
        // article is the article and the word after it.
        if (words.size() >= 3 && IsArticleParticle(words[words.size() - 2])) {
          surname_[words[words.size() - 2] + " " + words.back()].push_back(entity);
        }
      }
      SetEntity(m, entity, close != nullptr ? "misspelt_name" : "name");
    }
    // "le Conseil constitutionnel ... le Conseil estime": an institution's
    // first word alone is its short form, when one institution of the
    // article starts with it.
    std::unordered_map<std::string, std::vector<std::string>> institutions_by_first_word;
    for (size_t i = 0; i < single.size(); ++i) {
      if (!a_.mentions[single[i]].is_org) continue;
      const size_t space = single_keys[i].find(' ');
      if (space == std::string::npos) continue;
      std::vector<std::string>& texts = institutions_by_first_word[single_keys[i].substr(0, space)];
      if (std::find(texts.begin(), texts.end(), single_texts[i]) == texts.end()) {
        texts.push_back(single_texts[i]);
      }
    }
    // "l'Autorité environnementale ... l'Autorité juge": a body the
    // mention finder named by its adjectives counts as well.
    for (const Mention& body : a_.mentions) {
      if (body.kind != Mention::kDescription || !body.is_org || body.short_name_token >= 0 ||
          body.end_token - body.first_token < 3 || !tokens_[body.first_token + 1].capitalized) {
        continue;
      }
      std::string text =
          Text({tokens_[body.first_token + 1].span.begin, tokens_[body.end_token - 1].span.end});
      const std::string key = FoldKey(text);
      std::vector<std::string>& texts = institutions_by_first_word[key.substr(0, key.find(' '))];
      if (std::find(texts.begin(), texts.end(), text) == texts.end()) texts.push_back(std::move(text));
    }
    // "Michelin va fermer deux usines … Le fabricant de pneumatiques
    // Michelin": a bare word the article elsewhere gives to an
    // organisation (an article or a noun before it) is the organisation's.
    std::unordered_set<std::string> organisation_words;
    for (size_t i = 0; i < single.size(); ++i) {
      const Mention& mention = a_.mentions[single[i]];
      if (mention.is_org && mention.speakers.empty() &&
          single_keys[i].find(' ') == std::string::npos) {
        organisation_words.insert(single_keys[i]);
      }
    }
    bool bearers_indexed = false;
    for (size_t i = 0; i < single.size(); ++i) {
      const int m = single[i];
      const Mention& mention = a_.mentions[m];
      std::string text = std::move(single_texts[i]);
      std::string key = std::move(single_keys[i]);
      if (mention.is_org && mention.speakers.empty()) {
        auto longer = institutions_by_first_word.find(key);
        if (longer != institutions_by_first_word.end() && longer->second.size() == 1) {
          text = longer->second[0];
          key = FoldKey(text);
        }
      }
      // "Léa Moreau, connue sous le nom de Lémo": the name after a
      // pseudonym phrase is another name of the person named before it in
      // the sentence, then and later ("sourit Lémo").
      if (!mention.is_org) {
        const int named = PersonNamedBeforeItsPseudonym(m);
        if (named >= 0) {
          entity_of_key_.emplace(key, named);
          pseudonym_keys_.insert(key);
          SetEntity(m, named, "pseudonym");
          continue;
        }
        auto own = entity_of_key_.find(key);
        if (own != entity_of_key_.end() && pseudonym_keys_.count(key)) {
          SetEntity(m, own->second, "pseudonym");
          continue;
        }
      }
      if (mention.end_token - mention.first_token == 1 && tokens_[mention.first_token].all_caps &&
          mention.speakers.empty()) {
        auto led = named_after_acronym_.find(key);
        if (led != named_after_acronym_.end() && led->second.size() == 1) {
          SetEntity(m, led->second[0], "acronym_of_a_longer_name");
          continue;
        }
      }
      auto it = surname_.find(key);
      // "Le Goff" reads as an article and a name, which people do not take:
      // unless a person of the article has that surname, article included.
      const Norm& opening = tokens_[mention.first_token].norm;
      bool article_surname = false;
      if (mention.is_org && mention.end_token - mention.first_token == 2 &&
          tokens_[mention.first_token].capitalized && IsArticleParticle(opening.str())) {
        // The key has the article already when NameSpan kept it.
        const std::string article_key =
            key.find(' ') == std::string::npos ? opening.str() + " " + key : key;
        auto with_article = surname_.find(article_key);
        if (with_article != surname_.end()) {
          it = with_article;
          article_surname = true;
        }
      }
      if ((!mention.is_org || article_surname) && it != surname_.end() && it->second.size() == 1) {
        SetEntity(m, it->second[0], "surname_in_article");
        continue;
      }
      // "Hervé Castel … a expliqué Hervé": a first name alone is the one
      // person of the article who bears it, when nobody has it for a
      // surname.
      if (!mention.is_org && mention.speakers.empty() &&
          mention.end_token - mention.first_token == 1 &&
          lex_.FirstNameGenderOfNorm(tokens_[mention.first_token].norm) != 0) {
        if (!bearers_indexed) {
          IndexBearersOfFirstNames();
          bearers_indexed = true;
        }
        auto bearers = bearers_of_first_name_.find(key);
        if (bearers != bearers_of_first_name_.end() && bearers->second.size() == 1) {
          SetEntity(m, bearers->second[0], "first_name_in_article");
          continue;
        }
      }
      if (mention.speakers.size() > 1) {
        // An ambiguous surname: the one the article names.
        // "le diplomate" is not the epithet "la diplomate" of a woman.
        for (int kb : mention.speakers) {
          if (entity_of_kb_.count(kb) && GenderFits(mention.gender, kb_.speakers()[kb].gender)) {
            SetEntity(m, entity_of_kb_[kb], "surname_in_article");
            break;
          }
        }
        if (entity_of_mention_[m] >= 0) continue;
      }
      if (!mention.is_org) {
        // A first name alone ("Mathis, 16 ans", "soupire Philippe") is
        // someone the article calls by it: neither a public figure of the
        // base whose surname it also is (« Édouard Philippe ») nor a
        // misspelt surname of the base (« Mattis »).
        const bool lone_first_name =
            mention.end_token - mention.first_token == 1 &&
            lex_.FirstNameGenderOfNorm(tokens_[mention.first_token].norm) != 0;
        std::vector<const cues::Speaker*> by_surname;
        if (!lone_first_name) by_surname = kb_.FindBySurname(text);
        if (by_surname.size() == 1) {
          SetEntity(m, KbEntity(KbIndex(by_surname[0])), "surname_in_base");
          continue;
        }
        // A misspelt surname: first the article's people, then the base;
        // of the gender a first name says ("Bernard, 67 ans" is no
        // misspelt « Lucie Besnard »).
        int distance = MisspellingAllowance(key);
        int found = -1;
        if (distance > 0) {
          const int key_length = static_cast<int>(CountCodePoints(key));
          const cues::LetterCounts key_counts(key);
          for (auto& [surname, list] : surname_) {
            // Lower bounds of the edit distance first: most surnames of the
            // article are nowhere near this one.
            if (list.size() != 1 || !SameWordInitials(surname, key) ||
                std::abs(static_cast<int>(CountCodePoints(surname)) - key_length) > distance ||
                cues::LetterCounts(surname).DistanceBound(key_counts) > distance) {
              continue;
            }
            if (EditDistance(surname, key) <= distance && GenderFits(mention.gender, entities_[list[0]].gender)) {
              found = found == -1 ? list[0] : -3;
            }
          }
        }
        if (found >= 0) {
          SetEntity(m, found, "misspelt_name");
          continue;
        }
        if (distance > 0 && !lone_first_name) {
          const cues::Speaker* close = kb_.FindClosest(text, distance);
          if (close != nullptr && GenderFits(mention.gender, close->gender)) {
            SetEntity(m, KbEntity(KbIndex(close)), "misspelt_name");
            continue;
          }
        }
      }
      auto own = entity_of_key_.find(key);
      if (own != entity_of_key_.end()) {
        SetEntity(m, own->second, "name");
        continue;
      }
      Entity e;
      e.name = text;
      e.gender = mention.gender;
      e.is_org = mention.is_org || tokens_[mention.first_token].all_caps ||
                 (mention.speakers.empty() && organisation_words.count(key) > 0 &&
                  lex_.FirstNameGenderOfNorm(tokens_[mention.first_token].norm) == 0);
      if (e.is_org) e.gender = 0;
      int entity = AddEntity(e);
      entity_of_key_[key] = entity;
      if (!e.is_org) surname_[key].push_back(entity);
      SetEntity(m, entity, "name");
    }
  }

  void SetEntity(int m, int entity, const char* how) {
    entity_of_mention_[m] = entity;
    how_[m] = how;
    if (entity >= 0) NoteSide(a_.mentions[m], entity);
  }

  // The side of a trial a description's head names ("l'avocat"), or 0.
  uint8_t SideOf(const Mention& mention) const {
    if (mention.kind == Mention::kName || mention.kind == Mention::kPronoun || mention.head.empty()) return 0;
    const cues::WordFeatures* f = lex_.FeaturesOf(cues::WordClass::kPartyNoun, mention.head);
    return f == nullptr ? 0 : f->side;
  }

  // The first side a person was described by stays theirs.
  void NoteSide(const Mention& mention, int entity) {
    const uint8_t side = SideOf(mention);
    if (side != 0) side_of_entity_.try_emplace(entity, side);
  }

  // "Vendée Globe : les skippers redoutent le Pacifique": a name nobody
  // knows, opening its sentence before a colon and a clause, is the
  // story's rubric, not a person the next "il" may stand for.
  bool IsRubric(const Mention& mention, const Sentence& sentence) const {
    const int colon = mention.end_token;
    return mention.kind == Mention::kName && mention.gender == 0 && mention.speakers.empty() &&
           mention.first_token == sentence.first_token && colon + 1 < sentence.end_token &&
           tokens_[colon].norm == ":" && tokens_[colon + 1].type == Token::kWord;
  }

  // The sides the verbs of the sentences before this one give, looked for
  // only when a noun of a side needs them: most articles have none.
  void CatchUpSidesByVerb() {
    for (; sides_scanned_ < current_sentence_; ++sides_scanned_) {
      NoteSideByItsVerb(a_.sentences[sides_scanned_], subjects_.of_sentence[sides_scanned_]);
    }
  }

  // The winner named by the latest sentence before this one whose verb
  // of victory has a person for subject ("Yanis Bourgade a remporté la
  // finale"), or -1; looked for only when "le vainqueur" asks.
  int LastWinner() {
    for (; victories_scanned_ < current_sentence_; ++victories_scanned_) {
      const Sentence& sentence = a_.sentences[victories_scanned_];
      for (int k = sentence.first_token; k < sentence.end_token; ++k) {
        if (tokens_[k].type != Token::kWord ||
            !lex_.Is(cues::WordClass::kVictoryVerb, tokens_[k])) {
          continue;
        }
        const int subject = SubjectRightBeforeVerb(k, sentence.first_token);
        const int e = subject >= 0 ? Resolve(subject) : -1;
        if (IsPerson(e)) last_winner_ = e;
        break;
      }
    }
    return last_winner_;
  }

  // Among the people of `gender` mentioned lately (a bounded look back),
  // the one named in most sentences other than `excluded`, the first to
  // get there on a tie; -1 if none.
  int MostMentionedOtherThan(int excluded, char gender) const {
    constexpr int kLookedBack = 64;
    const int size = static_cast<int>(persons_mentioned_.size());
    int best = -1;
    for (int k = std::max(0, size - kLookedBack); k < size; ++k) {
      const int e = persons_mentioned_[k];
      // A lone capitalised word of no gender may be a place ("Saint-Malo").
      const Entity& entity = entities_[e];
      if (e == excluded || entity.plural || entity.is_org || entity.gender == 0 ||
          times_mentioned_[e] == 0 || !GenderFits(gender, entity.gender)) {
        continue;
      }
      if (best < 0 || times_mentioned_[e] > times_mentioned_[best]) best = e;
    }
    return best;
  }

  // The person mentioned last, a few people back at most, whom an
  // apposition gave an elected office (heads_of_entity_), of the gender
  // asked, or -1.
  int LastElected(char gender) const {
    constexpr int kLookedBack = 12;
    const int last = static_cast<int>(persons_mentioned_.size()) - 1;
    for (int k = last; k >= 0 && k > last - kLookedBack; --k) {
      const int e = persons_mentioned_[k];
      if (entities_[e].plural || !GenderFits(gender, entities_[e].gender)) continue;
      auto it = heads_of_entity_.find(e);
      if (it == heads_of_entity_.end()) continue;
      for (const std::string& head : it->second) {
        if (lex_.FeaturesOf(cues::WordClass::kElectedOffice, head) != nullptr) return e;
      }
    }
    return -1;
  }

  // The mention that ends right before the verb at token k, over its
  // auxiliary ("Yanis Bourgade a remporté") and an apposition between
  // commas, or the antecedent of "qui" ("Maxime Trémeur, 27 ans, qui
  // remporte"), or -1.
  int SubjectRightBeforeVerb(int k, int first) const {
    int j = k - 1;
    if (j >= first && (tokens_[j].norm == "s'" || tokens_[j].norm == "se")) --j;
    if (j >= first && lex_.AuxiliaryOf(tokens_[j].norm) != nullptr) --j;
    if (j >= first && (tokens_[j].norm == "s'" || tokens_[j].norm == "se")) --j;
    if (j >= first && tokens_[j].norm == "qui") --j;
    // "Mariétou Seck, 41 ans, a remporté": over an apposition.
    constexpr int kMaxApposition = 6;
    if (j > first && tokens_[j].norm == ",") {
      int comma = j - 1;
      while (comma > first && comma > j - kMaxApposition && tokens_[comma].norm != ",") --comma;
      if (tokens_[comma].norm == ",") j = comma - 1;
    }
    if (j < first) return -1;
    const int m = a_.mention_at[j];
    return m >= 0 && a_.mentions[m].end_token == j + 1 ? m : -1;
  }

  // "Kevin R., 31 ans, comparaissait jeudi": a verb that puts the
  // sentence's subject on one side of a trial (party_verb).
  // "le propriétaire, Bernard Le Pape, jugé pour homicides involontaires":
  // a participle in apposition puts the person before its comma there.
  void NoteSideByItsVerb(const Sentence& sentence, int main) {
    for (int k = sentence.first_token; k < sentence.end_token; ++k) {
      if (tokens_[k].type != Token::kWord || !lex_.Is(cues::WordClass::kPartyVerb, tokens_[k])) {
        continue;
      }
      const cues::WordFeatures* f = lex_.FeaturesOf(cues::WordClass::kPartyVerb, tokens_[k].norm);
      int who = main;
      if (f != nullptr && f->apposed) {
        who = k >= 2 && tokens_[k - 1].norm == "," ? a_.mention_at[k - 2] : -1;
        if (who < 0 || a_.mentions[who].end_token != k - 1) continue;
      }
      if (who < 0) return;
      const int e = Resolve(who);
      if (IsPerson(e) && f != nullptr && f->side != 0) {
        side_of_entity_.try_emplace(e, f->side);
        side_by_verb_.try_emplace(e, f->side);
      }
      return;
    }
  }

  // The one person the article has put on that side of a trial by a verb
  // so far ("comparaissait"), or -1. An apposition is no such evidence: the
  // bench has a judge and a prosecutor, both "magistrats".
  int OnlyPersonOnSide(uint8_t side) {
    CatchUpSidesByVerb();
    int found = -1;
    for (const auto& [entity, on] : side_by_verb_) {
      if ((on & side) == 0 || !IsPerson(entity)) continue;
      if (found >= 0) return -1;
      found = entity;
    }
    return found;
  }

  // "Le témoin Jean Morel … Et l'avocat de relancer": someone the article
  // put on one side of a trial is no bare description of another side.
  bool OfAnotherSide(const Mention& mention, int entity) {
    const uint8_t side = SideOf(mention);
    if (side == 0) return false;
    CatchUpSidesByVerb();
    auto it = side_of_entity_.find(entity);
    return it != side_of_entity_.end() && (it->second & side) == 0;
  }

  // Once each, and a bounded list: a contrived article of thousands of
  // appositions stays linear, and several holders already tell no one.
  void NoteHolder(int position, int person) {
    constexpr size_t kMaxHolders = 8;
    std::vector<int>& holders = holders_of_position_[position];
    if (holders.size() < kMaxHolders &&
        std::find(holders.begin(), holders.end(), person) == holders.end()) {
      holders.push_back(person);
    }
  }

  // "Laure Vidalenc, qui dirige le festival": a relative clause right
  // after a person's name gives her the position its verb holds.
  void BindPositionsOfRelativeClauses() {
    const int n = static_cast<int>(tokens_.size());
    for (size_t m = 0; m < a_.mentions.size(); ++m) {
      const Mention& mention = a_.mentions[m];
      const int end = mention.end_token;
      if (mention.kind != Mention::kName || mention.is_org || end + 2 >= n ||
          tokens_[end].norm != "," || tokens_[end + 1].norm != "qui") {
        continue;
      }
      const cues::WordFeatures* verb =
          lex_.FeaturesOf(cues::WordClass::kOfficeVerb, tokens_[end + 2].norm);
      const int person = entity_of_mention_[m];
      if (verb != nullptr && verb->position != 0 && IsPerson(person)) {
        NoteHolder(verb->position, person);
      }
    }
  }

  // "le secrétaire général de l'Otan, Jens Stoltenberg": the office and its
  // head noun name that person anywhere in the article.
  void BindAppositions() {
    for (size_t m = 0; m < a_.mentions.size(); ++m) {
      const Mention& mention = a_.mentions[m];
      if (mention.kind == Mention::kName || mention.apposed < 0) continue;
      int person = entity_of_mention_[mention.apposed];
      if (person < 0) continue;
      // "le président du Rassemblement national, X" holds no office that
      // the bare "président" names: X is not "le président de la République".
      if (!QualifiedBeyondItsPhrase(mention)) {
        std::vector<std::string> roles;
        const std::vector<int> said = CountriesSaidFor(mention);
        for (const std::string& role : RolesOfPerson(mention.roles, person)) {
          if (!OfAnotherCountry(said, role)) roles.push_back(role);
        }
        // A past office, or an epithet's, binds no one to the office of
        // the day.
        if (!mention.former && mention.kind != Mention::kEpithet) {
          for (const std::string& role : roles) {
            role_bindings_[role].push_back({mention.first_token, person, roles.size() > 1});
          }
        }
      } else {
        spelt_out_offices_.push_back({OfficeWords(mention), {mention.first_token, person}});
      }
      if (const std::string key = ProperComplementKey(mention); !key.empty() && !mention.former) {
        complement_bindings_[key].push_back({mention.first_token, person});
        // "le président du Conseil national de transition (CNT), X": "le
        // chef du CNT" names the same body by its short name.
        const int end = mention.end_token;
        if (end + 2 < static_cast<int>(tokens_.size()) && tokens_[end].norm == "(" &&
            tokens_[end + 2].norm == ")" && tokens_[end + 1].capitalized) {
          complement_bindings_[FoldKey(Text(tokens_[end + 1].span))].push_back({mention.first_token, person});
        }
      }
      if (!mention.head.empty()) {
        head_bindings_[mention.head].push_back({mention.first_token, person});
        if (std::string portfolio = Portfolio(mention); !portfolio.empty() && !mention.former) {
          portfolios_of_entity_[person].push_back({mention.head, std::move(portfolio)});
        }
        std::vector<std::string>& heads = heads_of_entity_[person];
        if (std::find(heads.begin(), heads.end(), mention.head) == heads.end()) {
          heads.push_back(mention.head);
        }
        // "L'ancien entraîneur, X": no longer holds it.
        if (const cues::WordFeatures* position =
                lex_.FeaturesOf(cues::WordClass::kPositionNoun, mention.head);
            position != nullptr && !NamesAFormerOffice(mention)) {
          NoteHolder(position->position, person);
        }
        // "Sa fondatrice et directrice, Marie Roy": "la directrice" later
        // names her too.
        const int end = mention.end_token;
        if (end + 3 < static_cast<int>(tokens_.size()) && tokens_[end].norm == "et" &&
            tokens_[end + 2].norm == "," && a_.mentions[mention.apposed].first_token == end + 3 &&
            lex_.Is(cues::WordClass::kSourceNoun, tokens_[end + 1])) {
          head_bindings_[tokens_[end + 1].norm].push_back({mention.first_token, person});
        }
      }
      SetEntity(static_cast<int>(m), person, "apposition");
      NoteNationalities(mention, person);
    }
  }

  // The token of a mention's head noun, or its end if the head is not
  // among its words.
  int HeadToken(const Mention& mention) const {
    int head = mention.first_token;
    while (head < mention.end_token && tokens_[head].norm != mention.head) ++head;
    return head;
  }

  // "le technicien", "le nouveau président": no adjective or complement
  // after the head noun, which might say of whom or of what.
  bool NothingAfterTheHead(const Mention& mention) const {
    return mention.end_token == HeadToken(mention) + 1;
  }

  // The words from the "de" after a description's head to its end ("de
  // la défense" in "la ministre australienne de la Défense"), when they
  // name something, or "".
  std::string Portfolio(const Mention& mention) const {
    for (int k = HeadToken(mention) + 1; k < mention.end_token; ++k) {
      const Norm& w = tokens_[k].norm;
      if (IsDe(w)) {
        // Only one that names a body or a ministry ("de la Défense", "de la
        // branche aviation de Boeing"), not "d'opposition" or "du
        // détachement", which a description may add or leave out for the
        // same person.
        bool names = false;
        for (int n = k + 1; n < mention.end_token && !names; ++n) names = tokens_[n].capitalized;
        if (!names) return "";
        return FoldKey(Text({tokens_[k].span.begin, tokens_[mention.end_token - 1].span.end}));
      }
    }
    return "";
  }

  // "La ministre australienne des Affaires étrangères, Julie Bishop … La
  // ministre australienne de la Défense": the same head noun with another
  // portfolio than the one the article gave that person is another office.
  bool HoldsAnotherPortfolio(const Mention& mention, int entity) const {
    auto it = portfolios_of_entity_.find(entity);
    if (it == portfolios_of_entity_.end()) return false;
    const std::string mine = Portfolio(mention);
    if (mine.empty()) return false;
    bool other = false;
    for (const auto& [head, portfolio] : it->second) {
      if (head != mention.head) continue;
      // "du détachement belge depuis 2022" then "du détachement": one
      // written short is the same office.
      const std::string& shorter = portfolio.size() < mine.size() ? portfolio : mine;
      const std::string& longer = portfolio.size() < mine.size() ? mine : portfolio;
      if (longer.compare(0, shorter.size(), shorter) == 0 &&
          (longer.size() == shorter.size() || longer[shorter.size()] == ' ')) {
        return false;
      }
      other = true;
    }
    return other;
  }

  // An office's words from its head noun on, lowercase: "présidente de
  // l'association de parents d'élèves".
  std::string OfficeWords(const Mention& mention) const {
    const int head = HeadToken(mention);
    std::string words;
    for (int k = head; k < mention.end_token; ++k) {
      if (!words.empty() && tokens_[k - 1].norm.back() != '\'') words += ' ';
      words += tokens_[k].norm;
    }
    return words;
  }

  // Whether a word that `is_it` accepts stands before the head of a mention.
  template <typename Predicate>
  bool WordBeforeHead(const Mention& mention, Predicate is_it) const {
    const int head = HeadToken(mention);
    for (int k = mention.first_token; k < head; ++k) {
      if (is_it(tokens_[k].norm)) return true;
    }
    return false;
  }

  static bool IsFormerWord(const Norm& w) {
    return w == "ancien" || w == "ancienne" || w == "ex" || w == "ex-";
  }

  // Whether "futur" or "future" stands before the head of an office: the
  // mention finder marks it former, as not the holder of the day.
  bool SaysFuture(const Mention& mention) const {
    return WordBeforeHead(mention, [](const Norm& w) { return w == "futur" || w == "future"; });
  }

  // Whether "ancien", "ancienne" or "ex" stands before the head of a
  // description: someone who held the office before.
  bool SaysFormer(const Mention& mention) const { return WordBeforeHead(mention, IsFormerWord); }

  // "Farida Benali, présidente de l'association de parents d'élèves ... la
  // présidente de l'association": an office that roles.tsv does not cover,
  // spelt out again in the same or fewer words, is the person it was
  // apposed to before; nobody if two people fit.
  int SpeltOutOfficeNamedBefore(const Mention& mention, const char** how) const {
    // "l'ancien maire" is not the mayor the article named.
    if (IsIndefinite(mention) || mention.former || SaysFormer(mention)) return -1;
    const std::string words = OfficeWords(mention);
    int found = -1;
    for (const auto& [office, binding] : spelt_out_offices_) {
      if (binding.token >= mention.first_token) continue;
      const bool same = office.compare(0, words.size(), words) == 0 &&
                        (office.size() == words.size() || office[words.size()] == ' ');
      if (!same) continue;
      if (found >= 0 && found != binding.entity) return -1;
      found = binding.entity;
    }
    if (found >= 0) *how = "office_named_in_article";
    return found;
  }

  // Of the offices a phrase may name, those `person` holds: « le ministre
  // des Affaires étrangères, Jean-Yves Le Drian » is France's, not the
  // American « secrétaire d'État » that the same phrase may stand for. All
  // of them for someone the knowledge base says nothing of.
  std::vector<std::string> RolesOfPerson(const std::vector<std::string>& roles, int person) const {
    const int kb = entities_[person].kb;
    if (kb < 0) return roles;
    std::vector<std::string> held;
    for (const std::string& role : roles) {
      if (cues::SpeakerKb::Holds(kb_.speakers()[kb], role, "")) held.push_back(role);
    }
    return held.empty() ? roles : held;
  }

  // Whether an office's words go on with a complement that no phrase of
  // roles.tsv covers ("président" + "du Rassemblement national", "ministre
  // délégué" + "chargé des Comptes publics" is not): the office is then
  // another one than those the bare phrase lists.
  bool QualifiedBeyondItsPhrase(const Mention& mention) const {
    if (mention.kind != Mention::kRole) return false;
    const int head = HeadToken(mention);
    if (head >= mention.end_token) return false;
    const int len = lex_.role_phrases().LongestAt(tokens_, head, nullptr);
    const int after = head + len;
    if (len <= 0 || after >= mention.end_token) return false;
    const Norm& w = tokens_[after].norm;
    if (IsDe(w) && (CountryNameFrom(after + 1, nullptr) == mention.end_token ||
                    SeatNameFrom(after + 1) == mention.end_token ||
                    KnownPersonNameFrom(after + 1, nullptr) == mention.end_token)) {
      return false;
    }
    // "le chef de la diplomatie djiboutienne": an adjective of a country the
    // patterns lack is still another country than the one the article's
    // people hold that office for.
    if (tokens_[after].type == Token::kWord && !tokens_[after].capitalized &&
        cues::EndsLikeADemonym(w.str()) && lex_.NationalityOf(w) == nullptr && w != "ancien" &&
        w != "ancienne") {
      return true;
    }
    return w == "de" || w == "du" || w == "des" || w == "d'" || w == "chargé" ||
           w == "chargée" || w == "délégué" || w == "déléguée";
  }

  // "le chef de la diplomatie des États-Unis", "le secrétaire d'État de
  // Donald Trump": after "de" at token t, a country's name says it as its
  // adjective would; a person of the base, the country of the offices
  // that person held on the day.
  void NationalitiesOfAComplementAt(int t, const Mention& mention, std::vector<int>* said) const {
    std::vector<int> countries;
    const int country_end = CountryNameFrom(t, &countries);
    if (country_end > 0 && country_end <= mention.end_token) {
      said->insert(said->end(), countries.begin(), countries.end());
      return;
    }
    // "le chef de la diplomatie de Washington": a seat of a country's
    // government stands for the country.
    std::vector<int> seats;
    const int seat_end = SeatNameFrom(t, &seats);
    if (seat_end > 0 && seat_end <= mention.end_token) {
      said->insert(said->end(), seats.begin(), seats.end());
      return;
    }
    std::vector<int> speakers;
    const int person_end = KnownPersonNameFrom(t, &speakers);
    if (person_end < 0 || person_end > mention.end_token) return;
    for (int kb : speakers) {
      for (const cues::RoleSpell& spell : kb_.speakers()[kb].roles) {
        if (!cues::SpeakerKb::Holds(kb_.speakers()[kb], spell.role, a_.date)) continue;
        lex_.ForEachNationalityOfOffice(spell.role, [&](int n) { said->push_back(n); });
      }
    }
  }

  // Where the name of a seat of government ("Washington", "Moscou")
  // starting at k ends, or -1; `nationalities` gets whose it is.
  int SeatNameFrom(int k, std::vector<int>* nationalities = nullptr) const {
    if (k >= static_cast<int>(tokens_.size()) || !tokens_[k].capitalized) return -1;
    std::vector<int> payloads;
    const int len = lex_.seats().LongestAt(tokens_, k, &payloads);
    if (len <= 0) return -1;
    if (nationalities != nullptr) *nationalities = std::move(payloads);
    return k + len;
  }

  // Where the name of a person of the base starting at k ends, or -1;
  // `speakers` gets who it may be.
  int KnownPersonNameFrom(int k, std::vector<int>* speakers) const {
    if (k >= static_cast<int>(tokens_.size()) || !tokens_[k].capitalized) return -1;
    std::vector<int> payloads;
    const int len = lex_.kb_names().LongestAt(tokens_, k, &payloads);
    if (len <= 0) return -1;
    for (int kb : payloads) {
      if (kb_.speakers()[kb].is_org) return -1;
    }
    if (speakers != nullptr) *speakers = std::move(payloads);
    return k + len;
  }

  // Where a country's name (its article skipped: "la France") starting at
  // k ends, or -1; `nationalities` gets whose it is.
  int CountryNameFrom(int k, std::vector<int>* nationalities) const {
    const int n = static_cast<int>(tokens_.size());
    if (k < n && (tokens_[k].norm == "la" || tokens_[k].norm == "l'")) ++k;
    if (k >= n || !tokens_[k].capitalized) return -1;
    const int len = lex_.country_names().LongestAt(tokens_, k, nationalities);
    return len > 0 ? k + len : -1;
  }

  // The nationalities that the adjectives of `mention` say ("le ministre
  // qatari"), in order; a capitalised word is a name, not an adjective.
  std::vector<int> NationalitiesSaidBy(const Mention& mention) const {
    std::vector<int> said;
    for (int t = mention.first_token; t < mention.end_token; ++t) {
      if (t > mention.first_token && IsDe(tokens_[t - 1].norm)) NationalitiesOfAComplementAt(t, mention, &said);
      if (tokens_[t].capitalized && !tokens_[t].all_caps) continue;  // "US" says one.
      if (const cues::NationalityForm* f = lex_.NationalityOf(tokens_[t].norm)) said.push_back(f->nationality);
    }
    // "Côté américain, le chef de la diplomatie a fait savoir": the side
    // that opens the sentence says whose office it is.
    if (said.empty()) {
      const int first = a_.sentences[tokens_[mention.first_token].sentence].first_token;
      if (first + 2 < mention.first_token && tokens_[first].norm == "côté" && tokens_[first + 2].norm == ",") {
        if (const cues::NationalityForm* f = lex_.NationalityOf(tokens_[first + 1].norm)) {
          said.push_back(f->nationality);
        }
      }
    }
    return said;
  }

  // "A Moscou,", "Au Kremlin,", "À la Maison Blanche," from token `first`,
  // its comma before token `before`: the nationalities of the seat. So
  // too a country's name: "Au Luxembourg,", "En Belgique,".
  void SeatOpeningTheSentence(int first, int before, std::vector<int>* said) const {
    const std::string& at = tokens_[first].norm;
    const bool en = at == "en";
    if (at != "à" && at != "a" && at != "au" && at != "aux" && !en) return;
    std::vector<int> payloads;
    const int country_end = CountryNameFrom(first + 1, &payloads);
    if (country_end > 0 && country_end < before && tokens_[country_end].norm == ",") {
      *said = payloads;
      return;
    }
    if (en) return;
    int place = first + 1;
    if (place < before && (at == "à" || at == "a") && lex_.Is(cues::WordClass::kDeterminer, tokens_[place])) {
      ++place;
    }
    payloads.clear();
    const int len = lex_.seats().LongestAt(tokens_, place, &payloads);
    if (len == 0 || place + len >= before || tokens_[place + len].norm != ",") return;
    *said = payloads;
  }

  // "le secrétaire d'État américain Antony Blinken": the adjectives of the
  // apposition and the countries of its offices make him "l'Américain".
  void NoteNationalities(const Mention& mention, int person) {
    if (entities_[person].is_org) return;
    for (int n : NationalitiesSaidBy(mention)) AddNational(n, person);
    // "son Premier ministre, Duško Marković": an office that several
    // countries have says none of them.
    if (!OfOneCountry(mention.roles)) return;
    for (const std::string& office : mention.roles) NoteCountryOfOffice(office, person);
  }

  // "le ministre qatari" is not the Saudi minister the article named:
  // a description with a nationality adjective names only someone known,
  // by then, to be of that nationality.
  bool OfTheNationalityItSays(const Mention& mention, int person) const {
    const std::vector<int> said = NationalitiesSaidBy(mention);
    for (int n : said) {
      if (IsNational(n, person)) return true;
    }
    return said.empty();
  }

  // The one person the article gave the nationality `mention` says, the
  // people of the base counted by their offices, unless the article gave
  // that person another portfolio under the same head; or -1.
  int OnlyNationalForTheDescription(const Mention& mention) {
    NoteNationalitiesOfKnownPeople();
    const int national = OnlyNationalOfItsAdjective(mention);
    return national >= 0 && !HoldsAnotherPortfolio(mention, national) ? national : -1;
  }

  // The one person met so far whom the article gave a nationality that an
  // adjective of `mention` says, of a fitting gender; -1 if none or several.
  int OnlyNationalOfItsAdjective(const Mention& mention) const {
    int found = -1;
    for (int n : NationalitiesSaidBy(mention)) {
      auto it = nationals_.find(n);
      if (it == nationals_.end()) continue;
      for (int e : it->second) {
        if (!MentionedSoFar(e) ||
            !GenderFits(mention.gender, entities_[e].gender) || e == found) {
          continue;
        }
        if (found >= 0) return -1;
        found = e;
      }
    }
    return found;
  }

  // "le président lituanien, Gitanas Nausėda" holds no American or
  // French office that the bare "président" may name: an office of
  // another country than the nationality adjectives of the phrase say.
  // The countries an office's words say (see OfAnotherCountry).
  std::vector<int> CountriesSaidFor(const Mention& mention) const {
    std::vector<int> said = NationalitiesSaidBy(mention);
    // "A Paris, le ministre des Affaires étrangères a jugé": a seat of
    // government opening the sentence says whose office it is. Not whose
    // national a person is: people travel.
    if (said.empty() && mention.kind == Mention::kRole) {
      SeatOpeningTheSentence(a_.sentences[tokens_[mention.first_token].sentence].first_token,
                             mention.first_token, &said);
    }
    return said;
  }

  // `said` from CountriesSaidFor.
  bool OfAnotherCountry(const std::vector<int>& said, const std::string& office) const {
    for (int n : said) {
      if (lex_.OfficeOf(n, office)) return false;
    }
    if (said.empty()) return false;
    // Only offices that belong to some country: "secrétaire général" of
    // an alliance may well be held by a national of any of them.
    bool national = false;
    lex_.ForEachNationalityOfOffice(office, [&](int) { national = true; });
    return national;
  }

  void NoteCountryOfOffice(const std::string& office, int person) {
    lex_.ForEachNationalityOfOffice(office, [&](int n) { AddNational(n, person); });
  }

  void AddNational(int nationality, int person) {
    std::vector<int>& list = nationals_[nationality];
    // A bounded list keeps a contrived article linear.
    if (list.size() < kMaxNationals && std::find(list.begin(), list.end(), person) == list.end()) {
      list.push_back(person);
    }
  }

  bool IsPerson(int entity) const { return entity >= 0 && !entities_[entity].is_org; }

  // "la Société ... (Sfap) a déploré « … », qui seront selon elle « … »":
  // an organisation subject whose article gives the pronoun's gender.
  bool OrganisationOfGender(int m, int entity, char gender) const {
    if (m < 0 || entity < 0 || !entities_[entity].is_org || gender == 0) return false;
    const int first = a_.mentions[m].first_token;
    const WordFeaturesPtr det = lex_.FeaturesOf(cues::WordClass::kDeterminer, tokens_[first].norm);
    if (det != nullptr && (!det->definite || det->plural)) return false;
    if (det != nullptr && det->gender != 0) return det->gender == gender;
    // "L'association Mountain Wilderness": the noun that introduces the
    // name gives the gender, after an elided article or before the name.
    const int noun_at = det != nullptr ? first + 1 : first - 1;
    if (noun_at < 0 || noun_at >= static_cast<int>(tokens_.size())) return false;
    if (det == nullptr && (first < 2 || !lex_.Is(cues::WordClass::kDeterminer, tokens_[first - 2]))) return false;
    WordFeaturesPtr noun = lex_.FeaturesOf(cues::WordClass::kOrgAnaphor, tokens_[noun_at].norm);
    // "L'Union nationale de l'apiculture française (Unaf)": a body's noun.
    if (noun == nullptr) noun = lex_.FeaturesOf(cues::WordClass::kBodyNoun, tokens_[noun_at].norm);
    return noun != nullptr && noun->gender == gender;
  }

  // "La préfecture a confirmé les résultats. « … », a-t-elle indiqué":
  // the sentence before, in the same paragraph, has an organisation of
  // the pronoun's gender for subject, which reports something, and no
  // person is named from there to the pronoun (mention `pronoun`). The
  // pronoun is that organisation, even with a woman speaking earlier.
  int OrganisationReportingJustBefore(int pronoun, char gender) {
    const int sentence = tokens_[a_.mentions[pronoun].first_token].sentence;
    if (sentence == 0 || gender == 0) return -1;
    // The sentence just before, even when a paragraph ends there: a
    // quotation often opens the next one.
    const Sentence& before = a_.sentences[sentence - 1];
    if (before.is_title) return -1;
    int main = subjects_.of_sentence[sentence - 1];
    const CueList cues = CuesIn(sentence - 1);
    // "Une inspection a révélé une « … », selon le ministère (MTMD). « … »,
    // a-t-il précisé": the source of the sentence before, when it is its
    // only speaker.
    int source = -1, speakers = 0;
    for (int c : cues) {
      if (subjects_.of_cue[c] < 0) continue;
      ++speakers;
      if (a_.cues[c].form == Cue::kSource) source = subjects_.of_cue[c];
    }
    if (speakers == 1 && source >= 0) main = source;
    if (main < 0) return -1;
    const int e = Resolve(main);
    if (!OrganisationOfGender(main, e, gender)) return -1;
    if (std::none_of(cues.begin(), cues.end(), [&](int c) { return subjects_.of_cue[c] == main; })) {
      return -1;
    }
    return NoPersonBetween(main, pronoun) ? e : -1;
  }

  // Whether no person stands among the mentions strictly between `from`
  // and `to`, a few at most: "a demandé aux organisateurs", a group
  // addressed, is no rival. Bounded, so that a sentence of thousands of
  // incises stays linear.
  bool NoPersonBetween(int from, int to) const {
    constexpr int kMaxBetween = 16;
    if (to - from > kMaxBetween) return false;
    for (int m = from + 1; m < to; ++m) {
      const Mention& between = a_.mentions[m];
      if (!between.is_org && between.kind != Mention::kPronoun && !between.plural) return false;
    }
    return true;
  }

  // "« … », indique-t-elle [the CFL]. Selon elle, …": a pronoun of the
  // same gender in this sentence or the one before, with no person named
  // since, that stood for an organisation, still does.
  int OrganisationOfThePronounBefore(int pronoun, char gender) const {
    if (gender == 0) return -1;
    const int sentence = tokens_[a_.mentions[pronoun].first_token].sentence;
    constexpr int kMaxLooked = 16;  // Linear in a contrived sentence of thousands of pronouns.
    for (int m = pronoun - 1; m >= 0 && m >= pronoun - kMaxLooked; --m) {
      const Mention& before = a_.mentions[m];
      if (tokens_[before.first_token].sentence < sentence - 1) return -1;
      if (before.kind != Mention::kPronoun) {
        if (!before.is_org) return -1;
        continue;
      }
      if (before.gender != gender || before.plural) continue;
      const int e = entity_of_mention_[m];
      return e >= 0 && entities_[e].is_org ? e : -1;
    }
    return -1;
  }

  // One person, of a gender a pronoun or description of `gender` may name.
  bool IsSingularPersonOf(int entity, char gender) const {
    return IsPerson(entity) && !entities_[entity].plural && GenderFits(gender, entities_[entity].gender);
  }

  // In text order: every subject found so far makes the discourse's
  // current speakers, which pronouns and bare offices refer to.
  void WalkDiscourse() {
    // Room for a salient person per mention: these lists start empty in
    // every article, and growing them one doubling at a time was tens of
    // thousands of reallocations over a few thousand articles.
    const size_t mentions = a_.mentions.size();
    salience_.reserve(mentions);
    persons_mentioned_.reserve(mentions);
    for (ByGender<Increasing>& fitting : fitting_salience_) fitting.any.reserve(mentions);
    last_salience_of_.reserve(entities_.size());
    last_mentioned_of_.reserve(entities_.size());
    // "« … » La phrase est de Yusleidy Márquez": a person the sieves gave
    // a quotation to by naming them in the next sentence, with no verb of
    // theirs, speaks in that sentence all the same.
    std::vector<std::vector<int>> named_after_quotation(a_.sentences.size());
    for (const attribute::Attribution& at : attributions_) {
      if (at.mention < 0 || std::string_view(at.method) != "named_in_the_next_sentence") continue;
      named_after_quotation[tokens_[a_.mentions[at.mention].first_token].sentence].push_back(at.mention);
    }
    size_t next_mention = 0;
    for (size_t s = 0; s < a_.sentences.size(); ++s) {
      const Sentence& sentence = a_.sentences[s];
      current_sentence_ = static_cast<int>(s);
      for (; next_mention < a_.mentions.size() &&
             a_.mentions[next_mention].first_token < sentence.end_token;
           ++next_mention) {
        int m = static_cast<int>(next_mention);
        int entity = Resolve(m);
        if (IsPerson(entity) && !InAByline(a_.mentions[m])) AddPersonMentioned(entity);
        NoteUnresolvedPerson(a_.mentions[m], entity);
        NoteDocument(m, entity);
      }
      // Cue subjects outrank the plain sentence subject; those of a
      // subordinate clause ("alors que X a critiqué") are not the topic.
      std::vector<int> speakers;
      int previous_cue_end = -1;
      // "où le président du Parlement a jugé": an office whose holder the
      // article never names.
      int unnamed_speaker = -1;
      for (int c : CuesIn(static_cast<int>(s))) {
        const Cue& cue = a_.cues[c];
        bool subordinate = previous_cue_end >= 0 && BoundaryBetween(previous_cue_end, cue.first_token);
        previous_cue_end = cue.end_token;
        int m = subjects_.of_cue[c];
        if (!subordinate && m >= 0 && Resolve(m) >= 0) speakers.push_back(Resolve(m));
        if (!subordinate && m >= 0 && Resolve(m) < 0 && a_.mentions[m].kind == Mention::kRole &&
            IsUnnamedPerson(m) && unnamed_speaker < 0) {
          unnamed_speaker = m;
        }
      }
      for (int m : named_after_quotation[s]) {
        if (speakers.empty() && Resolve(m) >= 0) speakers.push_back(Resolve(m));
      }
      const bool spoke = !speakers.empty();
      int main = subjects_.of_sentence[s];
      if (speakers.empty() && main >= 0 && Resolve(main) >= 0 && !IsRubric(a_.mentions[main], sentence)) {
        speakers.push_back(Resolve(main));
      }
      for (int e : speakers) AddSalient(e, static_cast<int>(s), spoke);
      // Somebody the article does not name ("le chef de la diplomatie", no
      // date) still becomes the topic: a later "il" may not skip back over
      // them to an earlier speaker.
      if (speakers.empty() && main >= 0 && Resolve(main) < 0 && IsUnnamedPerson(main)) {
        AddBlocker(a_.mentions[main].gender, static_cast<int>(s));
      } else if (speakers.empty() && unnamed_speaker >= 0) {
        // So does an office the article never names speaking.
        AddBlocker(a_.mentions[unnamed_speaker].gender, static_cast<int>(s));
      }
    }
  }

  // The last cue or sentence subject of an earlier sentence that is a
  // person of this gender and number.
  bool IsUnnamedPerson(int m) const {
    const Mention& mention = a_.mentions[m];
    return (mention.kind == Mention::kRole || mention.kind == Mention::kDescription ||
            mention.kind == Mention::kEpithet) &&
           !mention.is_org && !mention.plural;
  }

  int LastSalientPerson(char gender, bool plural, bool* blocked = nullptr) const {
    // The latest unnamed topic of that gender, if any, hides older speakers.
    int blocked_before = -1;
    if (!plural) {
      if (gender == 0) {
        blocked_before = LastBelow(blockers_.any, current_sentence_);
      } else {
        blocked_before = std::max(LastBelow(blockers_.Of(0), current_sentence_),
                                  LastBelow(blockers_.Of(SlotOf(gender)), current_sentence_));
      }
    }
    const int end = SalienceOfEarlierSentences();
    // The latest one that is a person of this gender and number (a
    // capitalised word of unknown gender may be a place, "Washington"; a
    // first name and a surname make a person).
    const auto& lists = fitting_salience_[plural ? 1 : 0];
    int latest;
    if (gender == 0) {
      latest = LastBelow(lists.any, end);
    } else {
      latest = std::max(LastFittingBelow(lists.Of(0), end, gender),
                        LastBelow(lists.Of(SlotOf(gender)), end));
    }
    // Walking back from the latest, a speaker older than the blocker stops the walk.
    const int stop = latest >= 0 ? latest : (end > 0 ? 0 : -1);
    // "Le patron d'une compagnie pétrolière a rencontré Vladimir Poutine.
    // « … », a-t-il dit": with no speaker of that gender since, the unnamed
    // topic stops the walk too, before the person its sentence names.
    if ((stop >= 0 && salience_[stop].sentence < blocked_before) || (latest < 0 && blocked_before >= 0)) {
      if (blocked != nullptr) *blocked = true;
      return -1;
    }
    return latest >= 0 ? salience_[latest].entity : -1;
  }

  // How many entries of salience_ are speakers of earlier sentences:
  // salience_ is in sentence order.
  int SalienceOfEarlierSentences() const {
    return static_cast<int>(
        std::lower_bound(salience_.begin(), salience_.end(), current_sentence_,
                         [](const Salient& x, int sentence) { return x.sentence < sentence; }) -
        salience_.begin());
  }

  // Whether the latest salience of entity e in earlier sentences came
  // from a reporting verb of which e was the subject. Asked of the last
  // salient person, whose entry is among the last: the walk back is short.
  bool HeardLast(int e) const {
    for (int k = SalienceOfEarlierSentences() - 1; k >= 0; --k) {
      if (salience_[k].entity == e) return salience_[k].spoke;
    }
    return false;
  }

  // The latest speaker of earlier sentences of that gender, or -1; looked
  // for among the last few only.
  int LastSpeakerOf(char gender) const {
    const int end = SalienceOfEarlierSentences();
    constexpr int kLookedBack = 8;
    for (int k = end - 1; k >= 0 && k >= end - kLookedBack; --k) {
      if (salience_[k].spoke && IsSingularPersonOf(salience_[k].entity, gender)) {
        return salience_[k].entity;
      }
    }
    return -1;
  }

  // Whether mention m is the subject of "a poursuivi", "a ajouté" in its
  // sentence.
  bool SubjectOfAVerbOfGoingOn(int m) const {
    for (const int c : CuesIn(tokens_[a_.mentions[m].first_token].sentence)) {
      if (subjects_.of_cue[c] == m && a_.cues[c].GoesOn()) return true;
    }
    return false;
  }

  // The latest speaker of earlier sentences, of that gender, who is not
  // `other`; looked for among the last few only.
  int SalientPersonOtherThan(int other, char gender) const {
    const int end = SalienceOfEarlierSentences();
    constexpr int kLookedBack = 8;
    for (int k = end - 1; k >= 0 && k >= end - kLookedBack; --k) {
      const int e = salience_[k].entity;
      if (e != other && IsSingularPersonOf(e, gender)) return e;
    }
    return -1;
  }

  // Whether `entity` is named and no other person of its gender has been
  // named so far. Bounded, like every look back.
  bool OnlyNamedPersonOfItsGenderSoFar(int entity) const {
    const Entity& person = entities_[entity];
    if (person.unnamed || person.gender == 0) return false;
    constexpr int kLooked = 512;
    const int size = static_cast<int>(persons_mentioned_.size());
    if (size > kLooked) return false;
    for (int other : persons_mentioned_) {
      if (other != entity && !entities_[other].unnamed && !entities_[other].plural &&
          entities_[other].gender == person.gender) {
        return false;
      }
    }
    return true;
  }

  // "L'élue, elle, …": the mention, a comma, a subject pronoun of its
  // gender and a comma.
  bool SetOffByAPronoun(const Mention& mention) const {
    const int k = mention.end_token;
    if (k + 2 >= static_cast<int>(tokens_.size()) || tokens_[k].norm != "," || tokens_[k + 2].norm != ",") {
      return false;
    }
    const Norm& pronoun = tokens_[k + 1].norm;
    return mention.gender == 'f' ? pronoun == "elle" : mention.gender == 'm' && pronoun == "lui";
  }

  // The last element of an increasing list below `bound`, or -1.
  static int LastBelow(const std::vector<int>& list, int bound) {
    auto it = std::lower_bound(list.begin(), list.end(), bound);
    return it == list.begin() ? -1 : *(it - 1);
  }

  // The same among the entries of salience_ listed with no gender: skips
  // those whose person a pronoun has since shown to be of another gender
  // than `gender`. A few only: bounded.
  int LastFittingBelow(const std::vector<int>& list, int bound, char gender) const {
    constexpr int kMaxSkipped = 8;
    int index = LastBelow(list, bound);
    for (int skipped = 0; index >= 0 && skipped < kMaxSkipped; ++skipped) {
      if (GenderFits(gender, entities_[salience_[index].entity].gender)) return index;
      index = LastBelow(list, index);
    }
    return -1;
  }

  // Per-gender lists are indexed by a slot: 0 for no gender, 1 for 'm', 2
  // for 'f', then any other letter the data gives, in order of appearance.
  int SlotOf(char gender) const {
    if (gender == 0) return 0;
    if (gender == 'm') return 1;
    if (gender == 'f') return 2;
    auto it = std::find(other_genders_.begin(), other_genders_.end(), gender);
    return it == other_genders_.end() ? -1 : 3 + static_cast<int>(it - other_genders_.begin());
  }
  int AddSlot(char gender) {
    int slot = SlotOf(gender);
    if (slot >= 0) return slot;
    other_genders_.push_back(gender);
    return 2 + static_cast<int>(other_genders_.size());
  }

  // "Dans un communiqué, le Kremlin a dénoncé ...": a document that an
  // indefinite article introduces, and the organisation that speaks in
  // the same sentence (or that the document names), for a later "poursuit
  // le texte".
  // "un communiqué", "une déclaration": an indefinite document noun.
  bool IntroducesADocument(const Mention& mention) const {
    return mention.kind == Mention::kDescription && mention.is_org && IsIndefinite(mention) &&
           lex_.FeaturesOf(cues::WordClass::kDocumentNoun, mention.head) != nullptr;
  }

  void NoteDocument(int m, int entity) {
    if (!IntroducesADocument(a_.mentions[m])) return;
    document_sentence_ = current_sentence_;
    document_org_ = entity >= 0 && entities_[entity].is_org ? entity : -1;
    document_person_ = -1;
  }

  void AddSalient(int entity, int sentence, bool spoke) {
    const int index = static_cast<int>(salience_.size());
    salience_.push_back({entity, sentence, spoke});
    const Entity& e = entities_[entity];
    if (e.is_org) last_org_salient_ = entity;
    if (e.is_org && sentence == document_sentence_ && document_org_ < 0) document_org_ = entity;
    // "Le secrétaire d'État a salué dans un communiqué …": a person's
    // statement too.
    if (!e.is_org && !e.plural && sentence == document_sentence_ && document_person_ < 0) {
      document_person_ = entity;
    }
    if (entity >= static_cast<int>(last_salience_of_.size())) {
      last_salience_of_.resize(entity + 1, -1);
    }
    last_salience_of_[entity] = index;
    if (e.is_org || (!e.plural && e.gender == 0 && e.name.find(' ') == std::string::npos)) return;
    fitting_salience_[e.plural ? 1 : 0].Add(AddSlot(e.gender), index);
  }

  void AddBlocker(char gender, int sentence) { blockers_.Add(AddSlot(gender), sentence); }

  // "Par Amine Belkacem | Publié le …": the writer, who is no person of the
  // story; not even one a description could point back to ("la maire"
  // when no other woman is named).
  bool InAByline(const Mention& mention) const {
    const int before = mention.first_token - 1;
    return before >= 0 && tokens_[before].line_start && tokens_[before].norm == "par";
  }

  // "X a rencontré son homologue russe. Ce dernier …": someone the story
  // describes without saying who, after whom "ce dernier" cannot reach
  // back to anyone before.
  void NoteUnresolvedPerson(const Mention& mention, int entity) {
    if (entity >= 0 || mention.plural || mention.is_org || mention.apposed >= 0 ||
        (mention.kind != Mention::kDescription && mention.kind != Mention::kRole)) {
      return;
    }
    unresolved_person_after_ = static_cast<int>(persons_mentioned_.size());
    unresolved_person_gender_ = mention.gender;
  }

  // A person the story names; also counted towards the person it is
  // about (times_mentioned_).
  void AddPersonMentioned(int entity) {
    const int index = static_cast<int>(persons_mentioned_.size());
    persons_mentioned_.push_back(entity);
    if (entity >= static_cast<int>(last_mentioned_of_.size())) {
      last_mentioned_of_.resize(entity + 1, -1);
    }
    last_mentioned_of_[entity] = index;
    const int slot = AddSlot(entities_[entity].gender);
    if (slot >= static_cast<int>(last_mentioned_of_gender_.size())) {
      last_mentioned_of_gender_.resize(slot + 1, -1);
    }
    last_mentioned_of_gender_[slot] = index;
    // Counted once a sentence: an office and the name in apposition to it
    // are one mention.
    if (entity >= static_cast<int>(times_mentioned_.size())) {
      times_mentioned_.resize(entity + 1, 0);
      sentence_last_counted_.resize(entity + 1, -1);
    }
    if (sentence_last_counted_[entity] == current_sentence_) return;
    sentence_last_counted_[entity] = current_sentence_;
    ++times_mentioned_[entity];
    if (slot >= static_cast<int>(most_mentioned_of_gender_.size())) {
      most_mentioned_of_gender_.resize(slot + 1, -1);
    }
    int& most = most_mentioned_of_gender_[slot];
    if (most < 0 || times_mentioned_[entity] > times_mentioned_[most]) most = entity;
  }

  // Cue indices, read in place from cue_ids_.
  struct CueList {
    const int* first = nullptr;
    const int* last = nullptr;
    const int* begin() const { return first; }
    const int* end() const { return last; }
    size_t size() const { return static_cast<size_t>(last - first); }
    int operator[](size_t i) const { return first[i]; }
  };

  // The cues of sentence s, in order.
  CueList CuesIn(int s) const {
    if (s < 0 || s + 1 >= static_cast<int>(cue_ids_begin_.size())) return {};
    return {cue_ids_.data() + cue_ids_begin_[s], cue_ids_.data() + cue_ids_begin_[s + 1]};
  }

  bool BoundaryBetween(int from, int to) const {
    for (int k = from; k < to; ++k) {
      if (lex_.words(cues::WordClass::kClauseBoundary).LongestAt(tokens_, k, nullptr) > 0) return true;
    }
    return false;
  }

  int Resolve(int m) {
    if (entity_of_mention_[m] != -2) return entity_of_mention_[m];
    entity_of_mention_[m] = -1;  // Guards against cycles.
    const Mention& mention = a_.mentions[m];
    int entity = -1;
    const char* how = "";
    switch (mention.kind) {
      case Mention::kName:
        break;  // Done in ResolveNames.
      case Mention::kRole:
        // "un porte-parole du département d'État": someone, not the office holder.
        if (IsIndefinite(mention)) {
          entity = DescriptionEntity(mention, &how);
        } else if (!EarlierUnnamedWithSameHead(static_cast<int>(m))) {
          entity = ResolveRole(mention, &how);
        }
        break;
      case Mention::kEpithet: {
        // "la Norvégienne Ingrid Solheim ... a reconnu la Norvégienne": the
        // person the article gave that epithet to, before anyone of the base.
        bool before = false;
        const int bound = BoundNear(head_bindings_, mention.head, mention.first_token, &before);
        if (bound >= 0 && before) {
          entity = bound;
          how = "epithet_named_in_article";
          break;
        }
        entity = EpithetEntity(mention);
        if (entity >= 0) how = "epithet";
        if (entity < 0) entity = FormerOfficeOfEpithet(mention, &how);
        // "Selon un diplomate occidental, … a résumé ce diplomate": with no
        // one of the base in the article, a one-noun epithet is the unnamed
        // source the article introduced with that noun, if any.
        const Norm& det = tokens_[mention.first_token].norm;
        if (entity < 0 && mention.end_token - mention.first_token == 2 &&
            (det == "ce" || det == "cet" || det == "cette") &&
            lex_.Is(cues::WordClass::kSourceNoun, tokens_[mention.first_token + 1])) {
          entity = IntroducedWithSameHead(static_cast<int>(m));
          if (entity >= 0) how = "same_description";
        }
        // "« … », a déclaré M. Tillerson. « … », a prévenu le diplomate
        // américain": an epithet of someone of the base whom the article
        // never names is a plain description of someone it does; so is a
        // lone demonym ("a confié le Breton"), as one the base lacks is.
        const int words = mention.end_token - mention.first_token;
        const Token& noun = tokens_[mention.first_token + 1];
        if (entity < 0 && NoneOfItsPeopleMet(mention) && words >= 2 &&
            (lex_.Is(cues::WordClass::kSourceNoun, noun) || (words == 2 && noun.capitalized))) {
          entity = ResolveDescription(m, &how);
        }
        break;
      }
      case Mention::kDescription:
        entity = ResolveDescription(m, &how);
        break;
      case Mention::kPronoun:
        entity = ResolvePronoun(m, &how);
        // "Pour Jihye Bouchard, … Selon elle, …": the pronoun tells the
        // gender of a person whose first name did not.
        if (entity >= 0 && mention.gender != 0 && !mention.plural && !entities_[entity].is_org &&
            !entities_[entity].plural && entities_[entity].gender == 0) {
          entities_[entity].gender = mention.gender;
        }
        break;
    }
    SetEntity(m, entity, how);
    return entity;
  }

  // Whether the article has named person `entity` so far.
  bool MentionedSoFar(int entity) const {
    return entity < static_cast<int>(last_mentioned_of_.size()) && last_mentioned_of_[entity] >= 0;
  }

  // Whether none of the people of the base the epithet may name has been
  // named in the article so far.
  bool NoneOfItsPeopleMet(const Mention& epithet) const {
    return std::none_of(epithet.speakers.begin(), epithet.speakers.end(), [&](int kb) {
      auto it = entity_of_kb_.find(kb);
      return it != entity_of_kb_.end() && MentionedSoFar(it->second);
    });
  }

  // The person of the base an epithet names. "le mandat du Norvégien … le
  // Premier ministre, Jonas Gahr Støre … Le Norvégien veut": when several
  // people of the article fit, the epithet keeps naming the one it named
  // first; with no such earlier use, it names nobody.
  int EpithetEntity(const Mention& mention) {
    std::vector<int> fitting;
    for (int kb : mention.speakers) {
      auto it = entity_of_kb_.find(kb);
      // "le diplomate" is not the epithet "la diplomate" of a woman.
      if (it == entity_of_kb_.end() || !GenderFits(mention.gender, kb_.speakers()[kb].gender)) continue;
      if (std::find(fitting.begin(), fitting.end(), it->second) == fitting.end()) {
        fitting.push_back(it->second);
      }
    }
    if (fitting.empty()) return -1;
    // "L'ancien Premier ministre travailliste" after the article named
    // another former holder of that office: either of them.
    if (!mention.roles.empty() && AnotherFormerHolderInArticle(mention, fitting)) return -1;
    // People of the base not yet met are named later in the article.
    std::vector<int> met;
    for (int e : fitting) {
      if (MentionedSoFar(e)) met.push_back(e);
    }
    if (!met.empty()) fitting.swap(met);
    auto named = entity_of_epithet_.find(mention.head);
    if (named != entity_of_epithet_.end()) {
      return std::find(fitting.begin(), fitting.end(), named->second) != fitting.end() ? named->second
                                                                                       : -1;
    }
    if (fitting.size() > 1) return -1;
    entity_of_epithet_.emplace(mention.head, fitting.front());
    return fitting.front();
  }

  bool HoldsOneOnDate(int entity, const std::vector<std::string>& roles) const {
    if (entities_[entity].kb < 0) return false;
    const cues::Speaker& speaker = kb_.speakers()[entities_[entity].kb];
    return std::any_of(roles.begin(), roles.end(), [&](const std::string& role) {
      return cues::SpeakerKb::Holds(speaker, role, a_.date);
    });
  }

  // Whether a person of the article other than `fitting` held, before
  // the date, one of the epithet's past offices that those people held
  // (the same country's), of the gender its "ancien" or "ancienne" says.
  bool AnotherFormerHolderInArticle(const Mention& epithet, const std::vector<int>& fitting) const {
    if (a_.date.empty()) return false;
    std::vector<std::string> held;
    for (const std::string& role : epithet.roles) {
      for (int e : fitting) {
        if (entities_[e].kb >= 0 &&
            cues::SpeakerKb::Holds(kb_.speakers()[entities_[e].kb], role, "")) {
          held.push_back(role);
          break;
        }
      }
    }
    char gender = 0;
    for (int k = epithet.first_token; k < epithet.end_token; ++k) {
      if (tokens_[k].norm == "ancien") gender = 'm';
      if (tokens_[k].norm == "ancienne") gender = 'f';
    }
    for (const auto& [kb, entity] : entity_of_kb_) {
      if (std::find(fitting.begin(), fitting.end(), entity) != fitting.end()) continue;
      const cues::Speaker& speaker = kb_.speakers()[kb];
      if (!GenderFits(gender, speaker.gender)) continue;
      for (const std::string& role : held) {
        if (cues::SpeakerKb::Holds(speaker, role, "") &&
            !cues::SpeakerKb::Holds(speaker, role, a_.date) &&
            cues::SpeakerKb::TookUpBefore(speaker, role, a_.date)) {
          return true;
        }
      }
    }
    return false;
  }

  // "L'ancien ministre des Finances" is the epithet of someone of the base
  // and a past office too: with that someone out of the story, the person
  // of the story who held the office before the day.
  int FormerOfficeOfEpithet(const Mention& epithet, const char** how) {
    if (epithet.roles.empty()) return -1;
    Mention office = epithet;
    office.kind = Mention::kRole;
    office.former = true;
    int head = epithet.first_token + 1;
    while (head + 1 < epithet.end_token &&
           (IsFormerWord(tokens_[head].norm) || tokens_[head].norm == "-")) {
      ++head;
    }
    office.head = tokens_[head].norm;
    return ResolveRole(office, how);
  }

  // The first of `bindings` (in text order) that stands after `token`.
  static std::vector<Binding>::const_iterator FirstBindingAfter(
      const std::vector<Binding>& bindings, int token) {
    return std::upper_bound(bindings.begin(), bindings.end(), token,
                            [](int t, const Binding& b) { return t < b.token; });
  }

  // The person an apposition bound to `key`: the latest one before `token`,
  // else the first one after it; -1 if none.
  static int BoundNear(const std::unordered_map<std::string, std::vector<Binding>>& bindings,
                       const std::string& key, int token, bool* before_it = nullptr,
                       bool one_office_only = false) {
    auto it = bindings.find(key);
    if (it == bindings.end()) return -1;
    // The bindings of a key are in text order: a binary search, then a
    // bounded step over those naming several offices, keeps an article of
    // thousands of appositions with one head linear.
    const std::vector<Binding>& list = it->second;
    const auto first_after = FirstBindingAfter(list, token);
    constexpr int kStepped = 64;
    int before = -1, after = -1;
    auto b = first_after;
    for (int stepped = 0; b != list.begin() && stepped < kStepped; ++stepped) {
      --b;
      if (!(one_office_only && b->among_several)) {
        before = b->entity;
        break;
      }
    }
    b = first_after;
    for (int stepped = 0; b != list.end() && stepped < kStepped; ++stepped, ++b) {
      if (!(one_office_only && b->among_several)) {
        after = b->entity;
        break;
      }
    }
    if (before_it != nullptr) *before_it = before >= 0;
    return before >= 0 ? before : after;
  }

  // Whether the article put an office with the head and gender of
  // `mention` in apposition to `entity` before it: « le médecin-chef du
  // district, le Dr Aminata Sow » is « le médecin-chef » again, although
  // the article gives a woman the masculine noun.
  bool CalledSoBefore(const Mention& mention, int entity) const {
    auto it = head_bindings_.find(mention.head);
    if (it == head_bindings_.end()) return false;
    // The bindings are in text order; the few latest before the mention
    // keep an article of thousands of them linear.
    const std::vector<Binding>& bindings = it->second;
    auto end = FirstBindingAfter(bindings, mention.first_token);
    constexpr int kLookedBack = 16;
    for (int looked = 0; end != bindings.begin() && looked < kLookedBack; ++looked) {
      const Binding& b = *--end;
      const int m = a_.mention_at[b.token];
      if (b.entity == entity && m >= 0 && a_.mentions[m].gender == mention.gender) return true;
    }
    return false;
  }

  // Among several people an office may name, the one the story is about:
  // the latest speaker or subject, else the latest person mentioned.
  int MostSalient(const std::vector<int>& candidates) const {
    for (const std::vector<int>* last : {&last_salience_of_, &last_mentioned_of_}) {
      int best = -1, latest = -1;
      for (int e : candidates) {
        int at = e >= 0 && e < static_cast<int>(last->size()) ? (*last)[e] : -1;
        if (at > latest) {
          latest = at;
          best = e;
        }
      }
      if (best >= 0) return best;
    }
    return candidates.front();
  }

  // Whether all the office ids are of one country ("russia-defense-minister",
  // "russia-foreign-minister"): the part before the first dash.
  static bool OfOneCountry(const std::vector<std::string>& roles) {
    if (roles.empty()) return false;
    const std::string_view first = std::string_view(roles[0]).substr(0, roles[0].find('-'));
    return std::all_of(roles.begin(), roles.end(), [&](const std::string& role) {
      return std::string_view(role).substr(0, role.find('-')) == first;
    });
  }

  // "son homologue roumain, Klaus Iohannis … a commenté le président
  // roumain": an office of a country the base has no such office for; the
  // one person the article gave that nationality, when the base does not
  // know them (it would know their offices).
  int NationalInAnOfficeTheBaseLacks(const Mention& mention, const char** how) {
    if (mention.roles.empty() || mention.former || mention.plural || IsIndefinite(mention)) {
      return -1;
    }
    const int national = OnlyNationalForTheDescription(mention);
    if (national < 0 || entities_[national].kb >= 0) return -1;
    *how = "nationality";
    return national;
  }

  // Among `roles`, those of the organisation named last before the
  // possessive of `mention`, in its sentence or the one before; none when
  // that organisation is not in the base.
  std::vector<std::string> OfficesOfThePossessor(const Mention& mention,
                                                 const std::vector<std::string>& roles) const {
    const int sentence = tokens_[mention.first_token].sentence;
    for (int m = a_.mention_at[mention.first_token] - 1; m >= 0; --m) {
      const Mention& before = a_.mentions[m];
      if (tokens_[before.first_token].sentence < sentence - 1) break;
      if (before.end_token > mention.first_token) continue;
      // "les ministres des pays de l'Otan": a body of the base inside a
      // description counts.
      bool of_the_base = false;
      std::vector<std::string> offices;
      for (int kb : before.speakers) {
        const cues::Speaker& org = kb_.speakers()[kb];
        if (!org.is_org) continue;
        of_the_base = true;
        for (const std::string& role : roles) {
          if (kb_.RoleOfOrganisation(role, org.id)) offices.push_back(role);
        }
      }
      if (of_the_base || before.is_org) return offices;
    }
    return {};
  }

  int ResolveRole(const Mention& mention, const char** how) {
    if (QualifiedBeyondItsPhrase(mention)) return SpeltOutOfficeNamedBefore(mention, how);
    // "le ministre de l'Intérieur allemand": another country's office than
    // the French one the bare phrase names, so neither its holder on the
    // date nor the French minister the article names.
    std::vector<std::string> roles;
    const std::vector<int> said = CountriesSaidFor(mention);
    for (const std::string& role : mention.roles) {
      if (!OfAnotherCountry(said, role)) roles.push_back(role);
    }
    if (roles.empty()) return NationalInAnOfficeTheBaseLacks(mention, how);
    // Named before, in apposition to this office: strong. Named only later:
    // one candidate among the office holders of the article.
    std::vector<int> named, later, holders;
    // "le secrétaire d'État américain" is not whoever the article called
    // "le ministre des Affaires étrangères", of no country it says; nor is
    // "le ministre russe", whichever Russian ministry it means.
    const bool one_country = roles.size() == 1 || (OfOneCountry(roles) && !NationalitiesSaidBy(mention).empty());
    for (const std::string& role : roles) {
      bool before = false;
      int bound = BoundNear(role_bindings_, role, mention.first_token, &before, one_country);
      std::vector<int>& list = before ? named : later;
      if (bound >= 0 && std::find(list.begin(), list.end(), bound) == list.end()) {
        list.push_back(bound);
      }
    }
    // "l'ancien Premier ministre" is not the one the article named in
    // office who still holds it on the day.
    if (mention.former && !a_.date.empty()) {
      named.erase(std::remove_if(named.begin(), named.end(),
                                 [&](int e) { return HoldsOneOnDate(e, roles); }),
                  named.end());
    }
    if (named.size() == 1) {
      *how = "office_named_in_article";
      return named[0];
    }
    // "le président de la Commission de l'Union africaine, Moussa Faki
    // Mahamat" then "le président de la Commission": the article's own
    // office written short, before whoever the base says held the phrase.
    if (named.empty() && !mention.former) {
      const int spelt = SpeltOutOfficeNamedBefore(mention, how);
      if (spelt >= 0) return spelt;
    }
    if (mention.former) {
      // "l'ancien Premier ministre néerlandais": a person of the article who
      // held the office before the article's date.
      if (!named.empty()) return MostSalient(named);
      std::vector<int> past, in_office;
      const bool future = SaysFuture(mention);
      for (auto& [kb, entity] : entity_of_kb_) {
        for (const std::string& role : roles) {
          const cues::Speaker& speaker = kb_.speakers()[kb];
          // "le secrétaire général sortant" took up the office before the
          // day: never the successor the article names.
          bool fits;
          if (mention.outgoing && !a_.date.empty()) {
            fits = cues::SpeakerKb::TookUpBefore(speaker, role, a_.date);
          } else {
            // "l'ancien" held it before the day, "le futur" takes it up after.
            fits = cues::SpeakerKb::Holds(speaker, role, "") &&
                   (a_.date.empty() ||
                    (!cues::SpeakerKb::Holds(speaker, role, a_.date) &&
                     cues::SpeakerKb::TookUpBefore(speaker, role, a_.date) != future));
          }
          if (!fits) continue;
          if (std::find(past.begin(), past.end(), entity) == past.end()) past.push_back(entity);
          if (mention.outgoing && cues::SpeakerKb::Holds(speaker, role, a_.date) &&
              std::find(in_office.begin(), in_office.end(), entity) == in_office.end()) {
            in_office.push_back(entity);
          }
        }
      }
      // Several earlier holders: the one still in office on the day.
      if (past.size() > 1 && mention.outgoing) past = in_office;
      if (past.size() == 1) {
        *how = "former_office_holder_in_article";
        return past[0];
      }
      // "A Luxembourg, le ministre sortant de la Défense" when the article
      // names no holder: the outgoing one still holds it on the day.
      if (!past.empty() || !mention.outgoing) return -1;
    }
    if (named.empty() && later.size() == 1 && roles.size() == 1) {
      *how = "office_named_in_article";
      return later[0];
    }
    // People of the article who held the office then (or ever, undated).
    for (auto& [kb, entity] : entity_of_kb_) {
      for (const std::string& role : roles) {
        if (cues::SpeakerKb::Holds(kb_.speakers()[kb], role, a_.date) &&
            std::find(holders.begin(), holders.end(), entity) == holders.end()) {
          holders.push_back(entity);
        }
      }
    }
    for (const std::vector<int>* list : {&named, &later}) {
      for (int e : *list) {
        if (std::find(holders.begin(), holders.end(), e) == holders.end()) holders.push_back(e);
      }
    }
    // "la présidente" is not a man who holds the office.
    holders.erase(std::remove_if(holders.begin(), holders.end(),
                                 [&](int e) { return !GenderFits(mention.gender, entities_[e].gender); }),
                  holders.end());
    if (!holders.empty()) {
      *how = "office_holder_in_article";
      return holders.size() == 1 ? holders[0] : MostSalient(holders);
    }
    if (a_.date.empty()) return -1;
    // "Le club doit changer, plaide son président": a possessive names the
    // office of whatever it stands for, which the date alone cannot tell;
    // unless that is an organisation of the base whose office the phrase
    // names ("l'Alliance atlantique … a salué son secrétaire général").
    if (cues::OpensOnAPossessive(lex_, a_, mention)) {
      roles = OfficesOfThePossessor(mention, roles);
      if (roles.empty()) return -1;
    }
    std::vector<const cues::Speaker*> on_date;
    for (const std::string& role : roles) {
      for (const cues::Speaker* sp : kb_.HoldersOn(role, a_.date)) {
        if (std::find(on_date.begin(), on_date.end(), sp) == on_date.end()) on_date.push_back(sp);
      }
    }
    // "« … », a déclaré le (nouveau) président" of a club as well as a
    // state: unless a place or an adjective says whose, the country of the
    // article, or the base's one holder, tells no one; "Paul Roux, qui
    // préside le club" does.
    if (said.empty() && NothingAfterTheHead(mention) &&
        lex_.Is(cues::WordClass::kAnyBodyOffice, tokens_[HeadToken(mention)])) {
      const int holder = OnlyPersonInThePositionOf(mention);
      if (holder >= 0) *how = "position_named_in_article";
      return holder;
    }
    // "le ministre de la Santé" while a minister and his or her delegate
    // for health share the one office: the holder of the phrase's gender.
    if (on_date.size() > 1) on_date = OfTheArticlesCountry(on_date, roles);
    if (on_date.size() > 1 && roles.size() == 1 && mention.gender != 0) {
      std::vector<const cues::Speaker*> fitting;
      for (const cues::Speaker* sp : on_date) {
        if (sp->gender == mention.gender) fitting.push_back(sp);
      }
      if (fitting.size() == 1) on_date = fitting;
    }
    if (on_date.size() != 1) return -1;  // No holder, or an ambiguous office.
    if (mention.gender != 0 && on_date[0]->gender != 0 && on_date[0]->gender != mention.gender) return -1;
    *how = "office_holder_on_date";
    return KbEntity(KbIndex(on_date[0]));
  }

  // How often the article says each country, by adjective or by name,
  // counted once.
  void CountCountryWords() {
    if (!country_words_.empty()) return;
    country_words_.assign(lex_.nationality_count(), 0);
    std::vector<int> payloads;
    const int n = static_cast<int>(tokens_.size());
    for (int k = 0; k < n; ++k) {
      const Token& t = tokens_[k];
      if (t.type != Token::kWord) continue;
      if (const cues::NationalityForm* f = lex_.NationalityOf(t.norm)) {
        ++country_words_[lex_.CountryOf(f->nationality)];
      }
      // "la Belgique" says the country as surely as "belge".
      if (t.capitalized) {
        const int len = lex_.country_names().LongestAt(tokens_, k, &payloads);
        for (int p : payloads) ++country_words_[lex_.CountryOf(p)];
        if (len > 1) k += len - 1;
      }
    }
  }

  // "le Premier ministre" names the office of a dozen countries: the
  // holders of the one country whose adjectives or names the article uses
  // ("belge", "la Belgique"), or, when it uses none of theirs, of the home
  // country of the press (home_country in words.tsv). All of them when
  // several countries are in the article.
  std::vector<const cues::Speaker*> OfTheArticlesCountry(
      const std::vector<const cues::Speaker*>& holders, const std::vector<std::string>& roles) {
    CountCountryWords();
    std::vector<int> country_of(holders.size(), -1);  // -2: offices of several countries.
    for (size_t h = 0; h < holders.size(); ++h) {
      for (const std::string& role : roles) {
        if (!cues::SpeakerKb::Holds(*holders[h], role, a_.date)) continue;
        lex_.ForEachNationalityOfOffice(role, [&](int n) {
          const int country = lex_.CountryOf(n);
          country_of[h] = country_of[h] == -1 || country_of[h] == country ? country : -2;
        });
      }
    }
    int named = -1, home = -1;
    for (int c : country_of) {
      if (c < 0) continue;
      if (country_words_[c] > 0) {
        if (named >= 0 && named != c) return holders;
        named = c;
      }
      if (lex_.FeaturesOf(cues::WordClass::kHomeCountry, lex_.nationality(c).masculine) != nullptr) {
        home = c;
      }
    }
    // The home country by default only in a story about it: no other
    // country's adjectives more frequent than its own ("marocain" in a
    // Moroccan wire about Morocco's minister, whose office the base lacks).
    if (named < 0 && home >= 0) {
      for (int n = 0; n < lex_.nationality_count(); ++n) {
        if (n != home && country_words_[n] > country_words_[home]) return holders;
      }
    }
    const int chosen = named >= 0 ? named : home;
    if (chosen < 0) return holders;
    std::vector<const cues::Speaker*> kept;
    for (size_t h = 0; h < holders.size(); ++h) {
      if (country_of[h] == chosen) kept.push_back(holders[h]);
    }
    return kept.empty() ? holders : kept;
  }

  int ResolveDescription(int m, const char** how) {
    const Mention& mention = a_.mentions[m];
    if (mention.succession != 0) return ResolveSuccession(mention, how);
    if (mention.is_org && (mention.short_name_token >= 0 ||
                           lex_.Is(cues::WordClass::kBodyNoun, tokens_[mention.first_token + 1]))) {
      const int body = BodyEntity(m, how);
      // "insiste l'association" after "la Ligue contre le cancer": a bare
      // body noun that names no body of the article may be an anaphor.
      if (body >= 0 || mention.end_token != mention.first_token + 2 ||
          !lex_.Is(cues::WordClass::kOrgAnaphor, tokens_[mention.first_token + 1])) {
        return body;
      }
    }
    // "les dirigeants de l'Otan affirment": people the article groups by
    // the one organisation of the base they belong to speak as it.
    if (!mention.is_org && mention.plural && !mention.speakers.empty() &&
        std::all_of(mention.speakers.begin(), mention.speakers.end(),
                    [&](int kb) { return kb == mention.speakers[0]; }) &&
        IsDefiniteArticle(tokens_[mention.first_token])) {
      *how = "group_of_organisation";
      return KbEntity(mention.speakers[0]);
    }
    if (mention.is_org) {
      // A communiqué speaks for whoever issued it.
      if (!mention.speakers.empty()) {
        *how = "document_of_organisation";
        return KbEntity(mention.speakers[0]);
      }
      if (lex_.Is(cues::WordClass::kDocumentNoun, tokens_[mention.first_token + 1])) {
        const int issuer = IssuerNamedAfterDe(mention);
        if (issuer >= 0) {
          *how = "document_of_organisation";
          return issuer;
        }
      }
      // "poursuit le communiqué": the one an organisation just issued.
      const Token& det = tokens_[mention.first_token];
      if (!lex_.Is(cues::WordClass::kDeterminer, det) ||
          !lex_.FeaturesOf(cues::WordClass::kDeterminer, det.norm)->definite) {
        return -1;
      }
      // "affirme l'entreprise": the organisation named last, if lately.
      if (lex_.Is(cues::WordClass::kOrgAnaphor, tokens_[mention.first_token + 1])) {
        // "Greenpeace a dénoncé un projet …, où, selon l'organisation, …":
        // a body that spoke earlier in this very sentence, not yet salient.
        const int speaking = OrganisationSpeakingBefore(mention.first_token);
        if (speaking >= 0) {
          *how = "organisation_named_before";
          return speaking;
        }
        constexpr int kAnaphorReach = 4;
        if (!OrganisationSalientWithin(kAnaphorReach)) {
          const int named = OrganisationNamedWithTheNoun(m, kAnaphorReach);
          if (named >= 0) *how = "organisation_named_before";
          return named;
        }
        // "Le fabricant Michelin … La CFDT parle d'un « gâchis ».
        // L'entreprise assure …": a noun only a company answers to goes
        // back to the organisation introduced as one, not to a union.
        if (lex_.Is(cues::WordClass::kCompanyNoun, tokens_[mention.first_token + 1])) {
          const int company = CompanyIntroducedBefore(m, last_org_salient_);
          if (company >= 0) {
            *how = "organisation_named_before";
            return company;
          }
        }
        *how = "organisation_named_before";
        return last_org_salient_;
      }
      // "poursuit le texte", "ajoute la note": the document introduced
      // a few sentences before, with the organisation that issued it.
      constexpr int kDocumentReach = 4;
      if (mention.head != "communiqué") {
        // "la déclaration finale du sommet" is another document.
        if (mention.end_token != mention.first_token + 2) return -1;
        if (current_sentence_ - document_sentence_ > kDocumentReach) {
          // "L'Otan a prévenu que … « … », poursuit le texte": with no
          // document introduced, the statement of the organisation that
          // spoke in the sentence before.
          constexpr int kStatementReach = 1;
          if (!OrganisationSalientWithin(kStatementReach)) return -1;
          *how = "statement_of_organisation";
          return last_org_salient_;
        }
        if (document_org_ < 0 && document_person_ >= 0) {
          *how = "document_of_person";
          return document_person_;
        }
        if (document_org_ < 0) return -1;
        *how = "document_of_organisation";
        return document_org_;
      }
      if (last_org_salient_ >= 0) {
        *how = "document_of_organisation";
        return last_org_salient_;
      }
      return -1;
    }
    if (mention.demonym && mention.nationality >= 0) return ResolveDemonym(mention, how);
    // Null when the first word is no determiner.
    const cues::WordFeatures* determiner =
        lex_.FeaturesOf(cues::WordClass::kDeterminer, tokens_[mention.first_token].norm);
    const bool definite = determiner != nullptr && determiner->definite;
    int bound = BoundNear(head_bindings_, mention.head, mention.first_token);
    // "l'ancien maire" is not the mayor the article named.
    if (SaysFormer(mention) || (bound >= 0 && HoldsAnotherPortfolio(mention, bound))) bound = -1;
    if (definite && !mention.plural && bound >= 0 && OfTheNationalityItSays(mention, bound) &&
        (GenderFits(mention.gender, entities_[bound].gender) || CalledSoBefore(mention, bound))) {
      *how = "office_named_in_article";
      return bound;
    }
    // "son homologue qatari, cheikh X ... Le ministre qatari": the one
    // person the article has given that nationality.
    if (definite && !mention.plural) {
      const int national = OnlyNationalForTheDescription(mention);
      if (national >= 0) {
        *how = "nationality";
        return national;
      }
    }
    // "le ministre des Solidarités et de la Santé ... Le ministre": the
    // person the article described in full before and never named, not
    // whoever spoke last.
    if (definite && !mention.plural && EarlierUnnamedWithSameHead(m)) return -1;
    // "un collectionneur suisse ... confie ce collectionneur": the unnamed
    // person the article introduced with that noun, not whoever spoke last.
    if (definite && !mention.plural) {
      const int introduced = IntroducedWithSameHead(m);
      if (introduced >= 0) {
        *how = "same_description";
        return introduced;
      }
    }
    // "le ministre des Solidarités et de la Santé a annoncé ... Le ministre
    // a enfin appelé": the office's holder, whom the article never names,
    // not whoever spoke last.
    if (definite && !mention.plural && mention.end_token - mention.first_token == 2) {
      const int holder = HolderOfEarlierOfficeWithSameHead(m);
      if (holder >= 0) {
        *how = "office_named_in_article";
        return holder;
      }
    }
    // "la secrétaire générale de la CGT, Sophie Binet … la dirigeante de la
    // CGT": an office of the same body, named before with a person.
    if (definite && !mention.plural && ProperNounAfterHead(mention)) {
      bool before = false;
      const int same = BoundNear(complement_bindings_, ProperComplementKey(mention), mention.first_token, &before);
      if (same >= 0 && before && GenderFits(mention.gender, entities_[same].gender) &&
          !OfAnotherNationalityThanItSays(mention, same)) {
        *how = "office_of_the_same_body";
        return same;
      }
    }
    // "« … », a souri le vainqueur": whom the story said won, or nobody;
    // never merely the last speaker, who may be the runner-up.
    if (definite && !mention.plural && NothingAfterTheHead(mention) &&
        lex_.Is(cues::WordClass::kWinnerNoun, tokens_[HeadToken(mention)])) {
      const int winner = LastWinner();
      if (winner >= 0 && GenderFits(mention.gender, entities_[winner].gender)) {
        *how = "winner";
        return winner;
      }
      return -1;
    }
    // "Le maire, Christophe Delattre, … Joint par téléphone, l'élu ne
    // cache pas son inquiétude": the last person the story gave an
    // elected office, not the last speaker.
    // "l'élu floridien", "l'élue écologiste": an adjective says no more.
    const int after_head = HeadToken(mention) + 1;
    const bool bare_or_one_adjective =
        mention.end_token == after_head ||
        (mention.end_token == after_head + 1 && tokens_[after_head].type == Token::kWord &&
         !tokens_[after_head].capitalized && !IsDefiniteArticle(tokens_[after_head]) &&
         !IsDe(tokens_[after_head].norm));
    if (definite && !mention.plural && bare_or_one_adjective &&
        lex_.Is(cues::WordClass::kElectedNoun, tokens_[HeadToken(mention)])) {
      // "X, maire de Lorient, … son adjointe, Y … l'édile": the mayor.
      int elected = OnlyPersonInThePositionOf(mention);
      if (elected < 0) elected = LastElected(mention.gender);
      if (elected >= 0) {
        *how = "elected_official";
        return elected;
      }
    }
    // "« … », confie la mère d'un jeune patient": a complement brought by
    // an indefinite article introduces someone new, an unnamed source, not
    // the last person of that gender.
    if (definite && !mention.plural && IndefiniteComplementAfterHead(mention) &&
        (lex_.Is(cues::WordClass::kKinNoun, tokens_[HeadToken(mention)]) ||
         lex_.Is(cues::WordClass::kPersonNoun, tokens_[HeadToken(mention)]))) {
      return DescriptionEntity(mention, how);
    }
    // "la parlementaire", "le responsable": someone already in the story.
    // Not "le ministre de l'Intérieur" or "l'ancien sénateur du
    // Massachusetts": a proper noun in the complement makes it a precise
    // office, whose holder the article would have named.
    // Not "son homologue", who is someone else than the story's person.
    if (definite && !mention.plural && (!ProperNounAfterHead(mention) || FromAPlaceOnly(mention)) &&
        !lex_.Is(cues::WordClass::kCounterpart, tokens_[HeadToken(mention)])) {
      bool blocked = false;
      // "Le maire a défendu le projet. Son visiteur s'est contenté d'une
      // phrase": a possessive describes someone by their tie to another
      // person, so it is never the person of the story itself.
      const bool possessive = determiner->possessive;
      // "Nadia, 46 ans, ne décolère pas : « … », a ajouté la quadragénaire":
      // the person named as the subject of this very sentence.
      // "Kevin R. comparaissait … « … », souffle le prévenu": the one
      // person on the side of the trial the noun names.
      if (!possessive && SideOf(mention) != 0) {
        const int party = OnlyPersonOnSide(SideOf(mention));
        if (party >= 0 && GenderFits(mention.gender, entities_[party].gender)) {
          *how = "same_side_of_a_trial";
          return party;
        }
      }
      // "Jacek Czaputowicz a défendu un texte … Son invité s'en est tenu à
      // une formule": the other side of the visit, the person the story
      // has named most other than the one just heard, whose guest (or
      // host) it is.
      if (possessive && lex_.Is(cues::WordClass::kGuestNoun, tokens_[HeadToken(mention)])) {
        const int most = MostMentionedOtherThan(LastSalientPerson(0, false), mention.gender);
        // "X a été qualifié de « … » par son adversaire": never the subject
        // of this very sentence, whose adversary it is.
        const int subject = subjects_.of_sentence[current_sentence_];
        const bool own_subject = subject >= 0 && subject != m &&
                                 a_.mentions[subject].first_token < mention.first_token &&
                                 Resolve(subject) == most;
        if (most >= 0 && !own_subject) {
          *how = "other_side_of_a_visit";
          return most;
        }
        return -1;
      }
      int e = possessive ? -1 : NamedSubjectOfThisSentenceBefore(m);
      // "… du fromager, Didier Pasquier. L'homme, qui …, a pris la parole":
      // a noun that says only a man or a woman is the last one named.
      if (e < 0 && !possessive && mention.gender != 0 &&
          lex_.Is(cues::WordClass::kPersonNoun, tokens_[HeadToken(mention)])) {
        const int last = LastMentionedOf(SlotOf(mention.gender));
        if (last >= 0 && !entities_[persons_mentioned_[last]].plural) e = persons_mentioned_[last];
      }
      const bool last_salient = e < 0 && !possessive;
      if (last_salient) e = LastSalientPerson(mention.gender, false, &blocked);
      // "« … », a-t-il expliqué. Le préfet, X, … « … », a poursuivi
      // l'élu": a verb of going on gives the words to whoever spoke last,
      // not to the person named since.
      if (last_salient && NothingAfterTheHead(mention) && SubjectOfAVerbOfGoingOn(m)) {
        const int speaker = LastSpeakerOf(mention.gender);
        if (speaker >= 0 && !entities_[speaker].unnamed && !DescribedOtherwise(mention, speaker)) {
          e = speaker;
        }
      }
      // "« … », a confié la réalisatrice. L'élue, elle, préfère …": a
      // pronoun set off by commas turns to someone else than the speaker
      // just heard; the one of that gender heard before. After a man's
      // words, "la jeune femme, elle," is the woman heard last.
      // Heard: "Premier binôme, Sabine Roy et sa chienne. … La
      // conductrice, elle, …" turns to nobody else, Sabine Roy having
      // only been named.
      const int heard =
          e >= 0 && SetOffByAPronoun(mention) && e == LastSalientPerson(0, false) && HeardLast(e)
              ? e
              : -1;
      if (heard >= 0) e = SalientPersonOtherThan(heard, mention.gender);
      // "premier film de la réalisatrice Inès Morvan. « … », a confié la
      // cinéaste": nobody has spoken yet; the person of that gender named
      // last, if the article described her by nothing else.
      if (e < 0 && !blocked && !possessive && mention.gender != 0) {
        const int last = LastMentionedOf(SlotOf(mention.gender));
        if (last >= 0 && !entities_[persons_mentioned_[last]].plural) e = persons_mentioned_[last];
        if (e == heard) e = -1;
      }
      // "la navigatrice de Douarnenez … la navigatrice": the person an
      // earlier description with this head named, before whoever spoke last.
      bool described_before = false;
      const int described = BoundNear(described_heads_, mention.head, mention.first_token, &described_before);
      if (described >= 0 && described_before && NothingAfterTheHead(mention) &&
          GenderFits(mention.gender, entities_[described].gender)) {
        e = described;
      }
      // "L'entraîneur, X, … son capitaine, Y : « … ». Le technicien a
      // ajouté": another noun of the position an apposition gave one
      // person, not whoever spoke last.
      if (!possessive) {
        const int holder = OnlyPersonInThePositionOf(mention);
        if (holder >= 0) e = holder;
      }
      // "Une bénévole … a affirmé … « … », lui répond l'organisatrice": an
      // unnamed person the noun does not fit is passed over for the one of
      // that gender before, whom a bare noun may describe.
      if (e >= 0 && entities_[e].unnamed && !possessive && mention.gender != 0 &&
          DescribedOtherwise(mention, e)) {
        const int before = SalientPersonOtherThan(e, mention.gender);
        if (before >= 0 && OnlyNamedPersonOfItsGenderSoFar(before)) e = before;
      }
      if (e >= 0 && (DescribedOtherwise(mention, e) || OfAnotherNationalityThanItSays(mention, e) ||
                     OfAnotherSide(mention, e))) {
        return -1;
      }
      if (e >= 0) {
        *how = "definite_description";
        // A bounded list keeps a contrived article of thousands of such
        // descriptions linear.
        constexpr size_t kMaxDescribed = 32;
        std::vector<Binding>& described = described_heads_[mention.head];
        if (described.size() < kMaxDescribed) described.push_back({mention.first_token, e});
        return e;
      }
    }
    // "la magistrate du parquet" with nobody of the story to be: someone
    // the article names elsewhere or not at all; null rather than a
    // phrase that the article itself treats as already known.
    if (definite && !mention.plural) return -1;
    return DescriptionEntity(mention, how);
  }

  // Whether one of `cues` is a source preposition ("selon", "d'après")
  // just before `token`.
  // The person named as the main subject of the current sentence before
  // mention m, when the gender of m fits, or -1.
  int NamedSubjectOfThisSentenceBefore(int m) {
    const Mention& mention = a_.mentions[m];
    const int main = subjects_.of_sentence[current_sentence_];
    if (main < 0 || main == m || mention.gender == 0 || a_.mentions[main].end_token > mention.first_token) {
      return -1;
    }
    return PersonNamedBy(main, mention.gender);
  }

  // The person a name mention stands for, when a single person known to
  // be of exactly that gender; or -1.
  int PersonNamedBy(int m, char gender) {
    return a_.mentions[m].kind == Mention::kName ? PersonOfExactlyThatGender(m, gender) : -1;
  }

  // The person mention m stands for, when a single person known to be of
  // exactly that gender; or -1.
  int PersonOfExactlyThatGender(int m, char gender) {
    const int e = Resolve(m);
    return IsSingularPersonOf(e, gender) && entities_[e].gender == gender ? e : -1;
  }

  // "Le parquet de Valmorin avait ouvert une enquête. « … », soulignait-il
  // dans un communiqué": a statement of an organisation's, right after a
  // sentence whose subject is that organisation, even with no reporting
  // verb there.
  int OrganisationBehindAStatement(int pronoun, char gender) {
    const int sentence = tokens_[a_.mentions[pronoun].first_token].sentence;
    if (sentence == 0 || gender == 0 || a_.sentences[sentence - 1].is_title) return -1;
    bool statement = false;
    for (int m = pronoun + 1; m < static_cast<int>(a_.mentions.size()) && m <= pronoun + 3; ++m) {
      const Mention& after = a_.mentions[m];
      if (tokens_[after.first_token].sentence != sentence) break;
      statement = IntroducesADocument(after);
      if (statement) break;
    }
    if (!statement) return -1;
    const int main = subjects_.of_sentence[sentence - 1];
    if (main < 0) return -1;
    const int e = Resolve(main);
    return OrganisationOfGender(main, e, gender) ? e : -1;
  }

  // "La direction régionale (Dreal) a engagé une procédure. Dans un
  // communiqué, elle rappelle que …": a sentence opening on a document
  // and the pronoun, right after one whose subject is an organisation of
  // the pronoun's gender, with no person between them.
  int OrganisationWritingTheDocument(int pronoun, char gender) {
    const int first = a_.mentions[pronoun].first_token;
    const int sentence = tokens_[first].sentence;
    if (sentence == 0 || gender == 0 || a_.sentences[sentence - 1].is_title) return -1;
    constexpr int kMaxOpening = 12;
    const int opening = a_.sentences[sentence].first_token;
    if (tokens_[opening].norm != "dans" || first - opening > kMaxOpening ||
        tokens_[first - 1].norm != "," ||
        !lex_.Is(cues::WordClass::kDeterminer, tokens_[opening + 1]) ||
        lex_.FeaturesOf(cues::WordClass::kDocumentNoun, tokens_[opening + 2].norm.str()) ==
            nullptr) {
      return -1;
    }
    const int main = subjects_.of_sentence[sentence - 1];
    if (main < 0 || !NoPersonBetween(main, pronoun)) return -1;
    const int e = Resolve(main);
    return OrganisationOfGender(main, e, gender) ? e : -1;
  }

  // Whether the cue whose clitic is at `pronoun_token` stands between two
  // commas in the middle of its sentence: ", a-t-il dit, ".
  bool IsInciseBetweenCommas(int pronoun_token) const {
    for (int c : CuesIn(current_sentence_)) {
      const Cue& cue = a_.cues[c];
      if (cue.clitic_token != pronoun_token) continue;
      const int end = a_.sentences[current_sentence_].end_token;
      return cue.first_token > 0 && tokens_[cue.first_token - 1].norm == "," && cue.end_token < end &&
             tokens_[cue.end_token].norm == "," && tokens_[cue.first_token - 1].sentence == current_sentence_;
    }
    return false;
  }

  // Whether a person mention of that gender, other than `from`, stands
  // after `from` and before `to` (mention indices).
  bool OtherPersonOfGenderBetween(int from, int to, char gender) const {
    constexpr int kMaxLooked = 32;
    for (int m = from + 1; m < to && m <= from + kMaxLooked; ++m) {
      const Mention& between = a_.mentions[m];
      if (between.is_org || between.plural || between.kind == Mention::kPronoun) continue;
      if (m == a_.mentions[from].apposed) continue;
      if (GenderFits(gender, between.gender)) return true;
    }
    return false;
  }

  // The organisation subject of the last cue of this sentence that ends
  // before `token`. Only the last few cues are looked at, so that a
  // sentence of thousands of them stays linear.
  int OrganisationSpeakingBefore(int token) {
    constexpr int kLookedBack = 8;
    const CueList cues = CuesIn(current_sentence_);
    const auto past = std::lower_bound(cues.begin(), cues.end(), token,
                                       [&](int c, int t) { return a_.cues[c].first_token < t; });
    for (auto it = past; it != cues.begin() && past - it < kLookedBack;) {
      const int c = *--it;
      if (a_.cues[c].end_token > token) continue;
      const int m = subjects_.of_cue[c];
      if (m < 0 || !a_.mentions[m].is_org || a_.mentions[m].first_token >= token) continue;
      const int e = Resolve(m);
      if (e >= 0 && entities_[e].is_org) return e;
    }
    return -1;
  }

  // "financés par la Fondation Mama Nyango … indique la fondation": with
  // no organisation speaking lately, the one the story last named with
  // the anaphor's noun for its first word, a few sentences back at most.
  int OrganisationNamedWithTheNoun(int anaphor, int sentences) {
    const Norm& noun = tokens_[a_.mentions[anaphor].first_token + 1].norm;
    const int sentence = tokens_[a_.mentions[anaphor].first_token].sentence;
    constexpr int kMaxLooked = 16;  // Linear in a contrived sentence of thousands of names.
    for (int m = anaphor - 1; m >= 0 && m >= anaphor - kMaxLooked; --m) {
      const Mention& named = a_.mentions[m];
      if (tokens_[named.first_token].sentence < sentence - sentences) return -1;
      if (named.kind != Mention::kName || !named.is_org || named.end_token - named.first_token < 3) {
        continue;
      }
      int first_word = named.first_token;
      if (lex_.Is(cues::WordClass::kDeterminer, tokens_[first_word])) ++first_word;
      if (!tokens_[first_word].capitalized ||
          FoldKey(tokens_[first_word].norm.str()) != FoldKey(noun.str())) {
        continue;
      }
      const int e = Resolve(m);
      return e >= 0 && entities_[e].is_org ? e : -1;
    }
    return -1;
  }

  // The organisation the latest mention before `anaphor` that a company
  // noun introduces ("le groupe Michelin", "le fabricant de pneumatiques
  // Michelin") names, unless `salient` is introduced so too; or -1. A few
  // mentions back only.
  int CompanyIntroducedBefore(int anaphor, int salient) {
    constexpr int kMaxLooked = 64;
    int found = -1;
    for (int m = anaphor - 1; m >= 0 && m >= anaphor - kMaxLooked; --m) {
      const Mention& named = a_.mentions[m];
      if (!named.is_org || named.end_token - named.first_token < 2 ||
          !IntroducedByACompanyNoun(named)) {
        continue;
      }
      const int e = Resolve(m);
      if (e < 0 || !entities_[e].is_org) continue;
      if (e == salient) return -1;
      if (found < 0) found = e;
    }
    return found;
  }

  bool IntroducedByACompanyNoun(const Mention& named) const {
    const int first = named.first_token;
    const auto company = [&](int k) {
      return k >= 0 && lex_.Is(cues::WordClass::kCompanyNoun, tokens_[k]);
    };
    // "du groupe agroalimentaire Fournil & Co": the noun before the name,
    // even inside another noun's complement.
    if (company(cues::OrgNounBefore(lex_, tokens_, first))) return true;
    // Not the bare anaphor itself ("le groupe").
    return named.end_token - first > 2 && (company(first) || company(first + 1));
  }

  // Whether the organisation that spoke last did so at most `sentences`
  // sentences before this one.
  bool OrganisationSalientWithin(int sentences) const {
    return last_org_salient_ >= 0 &&
           current_sentence_ - salience_[last_salience_of_[last_org_salient_]].sentence <= sentences;
  }

  bool SourcePrepositionEndsAt(const CueList cues, int token) const {
    for (int c : cues) {
      if (a_.cues[c].form == Cue::kSource && a_.cues[c].end_token == token) return true;
    }
    return false;
  }

  bool ColonBetween(int first, int end) const {
    for (int k = first; k < end; ++k) {
      if (tokens_[k].norm == ":") return true;
    }
    return false;
  }

  // "qu'il", "dans lequel il écrit", "où elle", "lorsqu'il": a pronoun
  // subject of a clause inside the sentence.
  static bool OpensASubordinateClause(const std::string& w) {
    return w == "qu'" || w == "que" || w == "lequel" || w == "laquelle" || w == "lesquels" ||
           w == "lesquelles" || w == "où" || w == "dont" || w == "lorsqu'" || w == "lorsque" ||
           w == "quand" || w == "puisqu'" || w == "puisque";
  }

  // A person the rules could not name is still the one the pronoun stands
  // for: no name rather than the last speaker's.
  static bool IsUnnamedSubjectOfGender(const Mention& subject, const Mention& pronoun) {
    return !pronoun.plural && !subject.plural && !subject.is_org && subject.kind != Mention::kName &&
           pronoun.gender != 0 && subject.gender == pronoun.gender;
  }

  // Whether a clause opens between two tokens, looked for over a bounded
  // stretch so that a sentence of thousands of pronouns stays linear.
  bool SubordinateClauseOpensBetween(int first, int end) const {
    constexpr int kLongestStretch = 40;
    if (end - first > kLongestStretch) return false;
    for (int k = first; k < end; ++k) {
      if (OpensASubordinateClause(tokens_[k].norm)) return true;
    }
    return false;
  }

  // What the closing-incise rule asks of a sentence, computed once.
  struct SentenceShape {
    bool known = false;
    int first_subject_cue = -1;          // The first cue with a subject.
    int first_quote_after_subject = -1;  // The first quotation mark after the main subject.
  };

  const SentenceShape& ShapeOf(int sentence, const CueList cues) {
    if (shapes_.size() < a_.sentences.size()) shapes_.resize(a_.sentences.size());
    SentenceShape& shape = shapes_[sentence];
    if (shape.known) return shape;
    shape.known = true;
    for (int c : cues) {
      if (subjects_.of_cue[c] >= 0) {
        shape.first_subject_cue = c;
        break;
      }
    }
    const int main = subjects_.of_sentence[sentence];
    if (main >= 0) {
      const int end = a_.sentences[sentence].end_token;
      for (int k = a_.mentions[main].end_token; k < end; ++k) {
        if (tokens_[k].type == Token::kQuote) {
          shape.first_quote_after_subject = k;
          break;
        }
      }
    }
    return shape;
  }

  // The mention that "Quant à" (or "quant au", "quant aux") opens right
  // before ", <pronoun>", or -1.
  int TopicBeforePronoun(int pronoun_token) const {
    return attribute::TopicBeforePronoun(a_, pronoun_token);
  }

  // A former office ("l'ancien patron d'ExxonMobil", "l'ancienne ministre
  // de l'Économie") is an epithet of someone the story already has.
  // Whether the head is followed by "d'un", "d'une", "de un(e)".
  bool IndefiniteComplementAfterHead(const Mention& mention) const {
    const int k = HeadToken(mention) + 1;
    if (k + 1 >= mention.end_token) return false;
    const Norm& de = tokens_[k].norm;
    const Norm& article = tokens_[k + 1].norm;
    return (de == "d'" || de == "de") && (article == "un" || article == "une");
  }

  bool ProperNounAfterHead(const Mention& mention) const {
    return !NamesAFormerOffice(mention) && FirstProperNounAfterHead(mention) < mention.end_token;
  }

  // "la navigatrice de Douarnenez": a noun of where someone comes from,
  // then "de" and one capitalised word that ends the phrase.
  bool FromAPlaceOnly(const Mention& mention) const {
    const int head = HeadToken(mention);
    return head + 3 == mention.end_token && lex_.Is(cues::WordClass::kOriginNoun, tokens_[head]) &&
           IsDe(tokens_[head + 1].norm) && tokens_[head + 2].capitalized;
  }

  // The first capitalised word after the head noun, or the mention's end.
  int FirstProperNounAfterHead(const Mention& mention) const {
    int k = HeadToken(mention) + 1;
    while (k < mention.end_token && !(tokens_[k].capitalized && tokens_[k].type == Token::kWord)) ++k;
    return std::min(k, mention.end_token);
  }

  // The proper noun that ends an office's complement, folded ("cgt" for
  // "la secrétaire générale de la CGT"), or "" if there is none.
  std::string ProperComplementKey(const Mention& mention) const {
    if (mention.is_org || mention.plural) return "";
    const int k = FirstProperNounAfterHead(mention);
    if (k >= mention.end_token) return "";
    return FoldKey(Text({tokens_[k].span.begin, tokens_[mention.end_token - 1].span.end}));
  }

  // "l'ancien", "l'ex-" before the head noun (or a mention the finder
  // marked former): a past office.
  bool NamesAFormerOffice(const Mention& mention) const {
    return HeadToken(mention) > mention.first_token && (mention.former || SaysFormer(mention));
  }

  // The unnamed person of the nearest earlier description with the same
  // head noun, or -1 (none, or it names someone).
  int IntroducedWithSameHead(int m) {
    const Mention& mention = a_.mentions[m];
    if (mention.former) return -1;
    // Bounded, like every look back: an article of thousands of
    // descriptions stays linear.
    constexpr int kLooked = 256;
    // The same noun first ("une source policière … cette source"); else,
    // for a noun of any unnamed source ("Selon un diplomate européen, … a
    // confié cette source"), the last speaker or subject an indefinite
    // article brought in.
    const bool any_source =
        lex_.FeaturesOf(cues::WordClass::kSourceAnaphor, mention.head) != nullptr;
    for (const bool same_noun : {true, false}) {
      if (!same_noun && !any_source) break;
      for (int p = m - 1; p >= 0 && p >= m - kLooked; --p) {
        const Mention& earlier = a_.mentions[p];
        if (earlier.kind != Mention::kDescription || earlier.plural || earlier.is_org) continue;
        if (same_noun ? earlier.head != mention.head
                      : !IsIndefinite(earlier) || !SubjectOfItsSentenceOrOfACue(p)) {
          continue;
        }
        if (IntroducedNobody(p, m)) return -1;
        const int entity = Resolve(p);
        return entity >= 0 && entities_[entity].unnamed ? entity : -1;
      }
    }
    return -1;
  }

  // "Le village a de nouveau un curé résident. L'abbé Paul Mensah a été
  // installé … a déclaré le nouveau curé": description p only said what
  // the story has, and a person named as a sentence's subject before
  // mention m came after it; p introduced nobody of its own.
  bool IntroducedNobody(int p, int m) const {
    return !SubjectOfItsSentenceOrOfACue(p) && NamedSubjectBetween(p, m);
  }

  bool SubjectOfItsSentenceOrOfACue(int p) const {
    if (subjects_.of_some_cue[p]) return true;
    const int sentence = tokens_[a_.mentions[p].first_token].sentence;
    if (subjects_.of_sentence[sentence] != p) return false;
    // "Le village a de nouveau un curé": after the verb, its object.
    for (int k = a_.sentences[sentence].first_token; k < a_.mentions[p].first_token; ++k) {
      if (lex_.AuxiliaryOf(tokens_[k].norm) != nullptr) return false;
    }
    return true;
  }

  // Whether a sentence after mention p's and up to mention m's has a
  // person's name for its subject. Bounded: a story moves on.
  bool NamedSubjectBetween(int p, int m) const {
    constexpr int kSentences = 8;
    const int from = tokens_[a_.mentions[p].first_token].sentence + 1;
    const int to = tokens_[a_.mentions[m].first_token].sentence;
    for (int s = from; s <= to && s < from + kSentences; ++s) {
      const int subject = subjects_.of_sentence[s];
      if (subject >= 0 && subject < m && a_.mentions[subject].kind == Mention::kName &&
          !a_.mentions[subject].is_org) {
        return true;
      }
    }
    return false;
  }

  // The holder on the article's date of the nearest earlier office with
  // the same head noun, whom the article never names; -1 if that office
  // named someone else or nobody.
  int HolderOfEarlierOfficeWithSameHead(int m) {
    const Mention& mention = a_.mentions[m];
    if (mention.former) return -1;
    constexpr int kLooked = 256;  // Bounded, like every look back.
    for (int p = m - 1; p >= 0 && p >= m - kLooked; --p) {
      const Mention& earlier = a_.mentions[p];
      if (earlier.kind != Mention::kRole || earlier.plural || earlier.former ||
          earlier.head != mention.head) {
        continue;
      }
      const int entity = Resolve(p);
      return IsPerson(entity) && std::string_view(how_[p]) == "office_holder_on_date" ? entity : -1;
    }
    return -1;
  }

  // Whether an earlier office or description with the same head noun and
  // a complement of its own ("le ministre des Solidarités", "le
  // vice-président chargé des mobilités") named nobody: a bare "le
  // ministre" after it is that person, not whoever spoke last nor the
  // office's holder elsewhere.
  bool EarlierUnnamedWithSameHead(int m) {
    const Mention& mention = a_.mentions[m];
    if (mention.former) return false;
    // The descriptions that may count, by head noun, in article order:
    // indexed once, so that an article of thousands of them stays linear.
    if (!long_descriptions_indexed_) {
      long_descriptions_indexed_ = true;
      for (size_t p = 0; p < a_.mentions.size(); ++p) {
        const Mention& earlier = a_.mentions[p];
        // An office of the base counts only when its complement makes it
        // another one ("chargé des mobilités"): a bare one may be ambiguous
        // between countries and still be the person the story names.
        if ((earlier.kind != Mention::kDescription &&
             !(earlier.kind == Mention::kRole && QualifiedBeyondItsPhrase(earlier))) ||
            earlier.plural || earlier.is_org || earlier.former ||
            earlier.end_token - earlier.first_token < 3) {
          continue;
        }
        long_descriptions_by_head_[earlier.head].push_back(static_cast<int>(p));
      }
    }
    auto it = long_descriptions_by_head_.find(mention.head);
    if (it == long_descriptions_by_head_.end()) return false;
    const std::vector<int>& list = it->second;
    auto before = std::lower_bound(list.begin(), list.end(), m);
    if (before == list.begin()) return false;
    const int p = *(before - 1);
    if (IntroducedNobody(p, m)) return false;
    return Resolve(p) < 0 && !NameLaterInSentence(p);
  }

  // "Le ministre des Affaires étrangères, de la Coopération africaine et
  // des Marocains résidant à l'étranger, M. Nasser Bourita": a person named
  // after the office in its sentence, too far for an apposition.
  bool NameLaterInSentence(int m) {
    // The first token of each sentence's last person's name, made once:
    // a sentence of thousands of offices stays linear.
    if (last_name_of_sentence_.empty()) {
      last_name_of_sentence_.assign(a_.sentences.size(), -1);
      for (const Mention& other : a_.mentions) {
        if (other.kind != Mention::kName || other.is_org) continue;
        int& last = last_name_of_sentence_[tokens_[other.first_token].sentence];
        last = std::max(last, other.first_token);
      }
    }
    const Mention& office = a_.mentions[m];
    return last_name_of_sentence_[tokens_[office.first_token].sentence] >= office.end_token;
  }

  // "le ministre délégué chargé des Comptes publics" after "le député X":
  // an office spelt out with its complements is not an anaphor of someone
  // the article describes by another noun.
  bool IsElectedNoun(const std::string& head) const {
    return lex_.FeaturesOf(cues::WordClass::kElectedNoun, head) != nullptr;
  }
  bool IsElectedOffice(const std::string& head) const {
    return lex_.FeaturesOf(cues::WordClass::kElectedOffice, head) != nullptr;
  }

  bool DescribedOtherwise(const Mention& mention, int entity) const {
    auto it = heads_of_entity_.find(entity);
    if (it == heads_of_entity_.end()) return false;
    const int head = HeadToken(mention);
    // Someone known only as "une salariée" is not "la magistrate", even
    // bare; a named person may be "le technicien" after "l'entraîneur".
    // "la cinéaste de 34 ans": an age is no complement that makes another
    // person.
    const bool age_only = head + 4 == mention.end_token && tokens_[head + 1].norm == "de" &&
                          !tokens_[head + 2].norm.str().empty() &&
                          tokens_[head + 2].norm.str()[0] >= '0' && tokens_[head + 2].norm.str()[0] <= '9' &&
                          tokens_[head + 3].norm == "ans";
    // "le diplomate russe": a nationality is no complement either; another
    // nationality than the person's is checked apart.
    // Nor is a political leaning ("le dirigeant nationaliste", "l'élu
    // écologiste"); any other word may be a verb the lexicon lacks ("le
    // prévenu baisse la tête").
    const std::string& after_head = tokens_[std::min(head + 1, mention.end_token - 1)].norm.str();
    // "social-démocrate", "chrétien-démocrate" too.
    auto ends_with = [&](const char* tail) {
      const size_t n = std::strlen(tail);
      return after_head.size() > n + 1 && after_head.compare(after_head.size() - n, n, tail) == 0;
    };
    const bool leaning = ends_with("iste") || ends_with("crate");
    const bool nationality_or_leaning = head + 2 == mention.end_token && !tokens_[head + 1].capitalized &&
                                        (lex_.NationalityOf(after_head) != nullptr || leaning);
    // "l'élue divers gauche", "le maire sans étiquette", "l'élu de droite".
    const auto word = [&](int k, const char* w) {
      return k < mention.end_token && tokens_[k].norm == w;
    };
    const bool political_label =
        (head + 3 == mention.end_token &&
         (((word(head + 1, "divers") || word(head + 1, "de")) &&
           (word(head + 2, "gauche") || word(head + 2, "droite") || word(head + 2, "centre"))) ||
          (word(head + 1, "sans") && word(head + 2, "étiquette")) ||
          // "l'élu d'opposition", "l'élue de la majorité".
          (word(head + 1, "d'") && word(head + 2, "opposition")))) ||
        (head + 4 == mention.end_token && word(head + 1, "de") &&
         (word(head + 2, "l'") || word(head + 2, "la")) &&
         (word(head + 3, "opposition") || word(head + 3, "majorité")));
    // "l'ingénieur de formation", "l'avocat de métier": a training, which
    // no office of the person contradicts.
    const bool training = head + 3 == mention.end_token && word(head + 1, "de") &&
                          (word(head + 2, "formation") || word(head + 2, "métier"));
    // "le tenant du titre": the listed noun itself runs over "du titre".
    const bool noun_only =
        head + lex_.words(cues::WordClass::kSourceNoun).LongestAt(tokens_, head, nullptr) >=
        mention.end_token;
    if ((head + 1 >= mention.end_token || noun_only || age_only || nationality_or_leaning ||
         political_label || training) &&
        !entities_[entity].unnamed) {
      return false;
    }
    // "l'ancienne ministre de l'Économie": a past office, which the
    // article's present description of the person does not contradict.
    if (NamesAFormerOffice(mention)) return false;
    // "Henri Lussac, le PDG de Valmar … le patron du fabricant de vannes":
    // another noun of the same position.
    const cues::WordFeatures* position =
        lex_.FeaturesOf(cues::WordClass::kPositionNoun, mention.head);
    // "L'élue d'opposition X … la conseillère municipale": "élu" says any
    // elected office.
    const bool elected = IsElectedNoun(mention.head) || IsElectedOffice(mention.head);
    for (const std::string& h : it->second) {
      if (h == mention.head) return false;
      if (elected && (IsElectedNoun(h) || (IsElectedOffice(h) && IsElectedNoun(mention.head)))) {
        return false;
      }
      if (position == nullptr) continue;
      const cues::WordFeatures* other = lex_.FeaturesOf(cues::WordClass::kPositionNoun, h);
      if (other != nullptr && other->position == position->position) return false;
    }
    return true;
  }

  // The one person named so far whom an apposition or a relative clause
  // gave the position `mention`'s head names ("l'entraîneur" for "le
  // technicien", "qui préside" for "le président"), or -1: none, several,
  // or the head names no such position.
  int OnlyPersonInThePositionOf(const Mention& mention) const {
    // "la directrice de l'école" may be of another body than hers.
    if (NamesAFormerOffice(mention) || !NothingAfterTheHead(mention)) return -1;
    const cues::WordFeatures* position =
        lex_.FeaturesOf(cues::WordClass::kPositionNoun, mention.head);
    if (position == nullptr) return -1;
    auto it = holders_of_position_.find(position->position);
    if (it == holders_of_position_.end()) return -1;
    int found = -1;
    for (const int entity : it->second) {
      if (!MentionedSoFar(entity) || entities_[entity].plural ||
          !GenderFits(mention.gender, entities_[entity].gender)) {
        continue;
      }
      if (found >= 0 && found != entity) return -1;
      found = entity;
    }
    return found;
  }

  // "l'Américain", "la Russe": someone of the story with that nationality,
  // by an apposition or the offices the base gives them; nobody when no one
  // has it, rather than the latest speaker, who may be the other side.
  int ResolveDemonym(const Mention& mention, const char** how) {
    if (mention.plural) return -1;  // "les Européens": a people, not a speaker.
    int bound = BoundNear(head_bindings_, mention.head, mention.first_token);
    if (bound >= 0) {
      *how = "nationality";
      return bound;
    }
    NoteNationalitiesOfKnownPeople();
    std::vector<int> met;  // Those the article has named so far.
    auto it = nationals_.find(mention.nationality);
    if (it != nationals_.end()) {
      for (int e : it->second) {
        if (MentionedSoFar(e) &&
            GenderFits(mention.gender, entities_[e].gender)) {
          met.push_back(e);
        }
      }
    }
    if (!met.empty()) {
      *how = "nationality";
      return MostSalient(met);
    }
    // Nobody is known to have it: the latest speaker, as for "le
    // responsable", unless they are known to have another.
    int e = LastSalientPerson(mention.gender, false);
    if (e < 0 || HasOtherNationality(e, mention.nationality)) return -1;
    *how = "definite_description";
    return e;
  }

  // The base's people of this article (at most the size of the base):
  // their offices' countries, once each.
  void NoteNationalitiesOfKnownPeople() {
    if (kb_nationals_noted_.size() < entities_.size()) kb_nationals_noted_.resize(entities_.size());
    for (auto& [kb, entity] : entity_of_kb_) {
      if (entities_[entity].is_org || kb_nationals_noted_[entity]) continue;
      kb_nationals_noted_[entity] = true;
      for (const cues::RoleSpell& spell : kb_.speakers()[kb].roles) {
        NoteCountryOfOffice(spell.role, entity);
      }
    }
  }

  // "son homologue russe" is not the American the story is about: a
  // description's nationality adjectives, none of which `person` is known
  // to have, while another is known.
  bool OfAnotherNationalityThanItSays(const Mention& mention, int person) {
    NoteNationalitiesOfKnownPeople();
    const std::vector<int> said = NationalitiesSaidBy(mention);
    for (int n : said) {
      if (!HasOtherNationality(person, n)) return false;
    }
    return !said.empty();
  }

  // Another country's: "britannique" and "anglais", "américain" and "US"
  // are one.
  bool HasOtherNationality(int entity, int nationality) const {
    const std::string& country = lex_.nationality(nationality).country;
    for (const auto& [n, people] : nationals_) {
      if (n != nationality && lex_.nationality(n).country != country &&
          std::find(people.begin(), people.end(), entity) != people.end()) {
        return true;
      }
    }
    return false;
  }

  // Whether the article has given `person` that nationality.
  bool IsNational(int nationality, int person) const {
    auto it = nationals_.find(nationality);
    return it != nationals_.end() && std::find(it->second.begin(), it->second.end(), person) != it->second.end();
  }

  // "son prédécesseur", "son successeur": "son" is the person the story is
  // about (the latest speaker or subject), the office is the last one that
  // person took by the article's date, and the answer is whoever the base
  // says took it just before or just after; none when that is not one
  // person.
  int ResolveSuccession(const Mention& mention, const char** how) {
    const int anchor = LastSalientPerson(0, false);
    if (anchor < 0 || entities_[anchor].kb < 0) return -1;
    const cues::Speaker& person = kb_.speakers()[entities_[anchor].kb];
    const cues::RoleSpell* office = nullptr;
    for (const cues::RoleSpell& spell : person.roles) {
      if (!a_.date.empty() && spell.start > a_.date) continue;
      if (office == nullptr || spell.start > office->start) office = &spell;
    }
    if (office == nullptr) return -1;
    const bool before = mention.succession < 0;
    int found = -1;
    const std::string* found_start = nullptr;
    bool tie = false;
    const std::vector<cues::Speaker>& speakers = kb_.speakers();
    for (size_t k = 0; k < speakers.size(); ++k) {
      if (&speakers[k] == &person) continue;
      for (const cues::RoleSpell& spell : speakers[k].roles) {
        if (spell.role != office->role || spell.start == office->start ||
            (spell.start < office->start) != before) {
          continue;
        }
        if (found_start != nullptr && spell.start == *found_start) {
          tie = tie || found != static_cast<int>(k);
          continue;
        }
        if (found_start == nullptr || (spell.start > *found_start) == before) {
          found = static_cast<int>(k);
          found_start = &spell.start;
          tie = false;
        }
      }
    }
    if (found < 0 || tie) return -1;
    *how = before ? "predecessor_in_office" : "successor_in_office";
    return KbEntity(found);
  }

  bool IsIndefinite(const Mention& mention) const {
    const WordFeaturesPtr det =
        lex_.FeaturesOf(cues::WordClass::kDeterminer, tokens_[mention.first_token].norm);
    return det != nullptr && !det->definite;
  }

  // An institution named by its description: its short name when it has
  // one ("ARS", or the base's organisation "OTAN"), else the description
  // without its article ("préfecture de la Vienne").
  int BodyEntity(int m, const char** how) {
    const Mention& mention = a_.mentions[m];
    *how = "organisation_description";
    if (!mention.speakers.empty()) return KbEntity(mention.speakers[0]);
    if (lex_.Is(cues::WordClass::kManagementNoun, tokens_[mention.first_token + 1])) {
      const int owner = OwnerNamedAfterDe(mention);
      if (owner >= 0) return owner;
    }
    // The bare noun ("la préfecture") is the last body named with it.
    if (mention.end_token - mention.first_token == 2 && mention.short_name_token < 0) {
      constexpr int kLooked = 64;  // As far as the mention finder looked.
      for (int p = m - 1; p >= 0 && p >= m - kLooked; --p) {
        const Mention& earlier = a_.mentions[p];
        if (earlier.is_org && earlier.kind == Mention::kDescription &&
            earlier.head == mention.head && earlier.end_token - earlier.first_token > 2) {
          return Resolve(p);
        }
        // "l'association lyonnaise Archets solidaires … l'association":
        // a name that the noun introduced.
        if (earlier.is_org && earlier.kind == Mention::kName &&
            IntroducedBy(earlier, mention.head)) {
          return Resolve(p);
        }
      }
      return -1;
    }
    std::string text;
    // "le conseil local de la FCPE", "la section CGT": a branch speaks as
    // the organisation whose acronym ends its name, by that acronym.
    // Not "la représentation nord-coréenne à l'ONU", which is no branch.
    const int end = mention.end_token;
    const Token& last = tokens_[end - 1];
    bool acronym_last = end - mention.first_token > 2 && last.type == Token::kWord &&
                        last.all_caps && last.span.end - last.span.begin >= 2;
    if (acronym_last) {
      const Norm& before = tokens_[end - 2].norm;
      const bool after_de =
          IsDe(before) || ((before == "la" || before == "l'") && end - 3 > mention.first_token &&
                           (tokens_[end - 3].norm == "de" || tokens_[end - 3].norm == "d'"));
      acronym_last = after_de || end - 2 == mention.first_token + 1;
    }
    if (mention.short_name_token >= 0) {
      const Token& t = tokens_[mention.short_name_token];
      text = Text({t.span.begin, t.span.end});
    } else if (acronym_last) {
      text = Text({last.span.begin, last.span.end});
    } else {
      text = Text({tokens_[mention.first_token + 1].span.begin, tokens_[mention.end_token - 1].span.end});
    }
    return OrganisationNamed(text);
  }

  // Whether the lowercase words before an organisation's name, within its
  // mention, hold `noun` ("l'association lyonnaise Archets solidaires").
  bool IntroducedBy(const Mention& name, const std::string& noun) const {
    // Past its article, which may open the sentence ("L'association").
    for (int k = name.first_token;
         k < name.end_token && (k == name.first_token || !tokens_[k].capitalized); ++k) {
      if (tokens_[k].norm == noun) return true;
    }
    return false;
  }

  // "la direction de Valbus", "la direction régionale de SNCF Voyageurs":
  // the management speaks for the company it runs, when the description
  // ends on its proper name after « de »; -1 otherwise.
  int OwnerNamedAfterDe(const Mention& mention) {
    for (int k = mention.first_token + 2; k + 1 < mention.end_token; ++k) {
      const Norm& w = tokens_[k].norm;
      if (!IsDe(w)) continue;
      for (int j = k + 1; j < mention.end_token; ++j) {
        if (tokens_[j].type != Token::kWord || !tokens_[j].capitalized) return -1;
      }
      return OrganisationNamed(Text({tokens_[k + 1].span.begin, tokens_[mention.end_token - 1].span.end}));
    }
    return -1;
  }

  // "le communiqué de la Fédération des boulangers", "un communiqué de la
  // CGT": a document speaks for the body its complement names with a
  // capital, not for a person ("le rapport de Jean Morel"); -1 otherwise.
  int IssuerNamedAfterDe(const Mention& mention) {
    int k = mention.first_token + 2;
    if (k >= mention.end_token) return -1;
    // "le compte officiel de", "le rapport annuel de": one adjective.
    if (k + 1 < mention.end_token && tokens_[k].type == Token::kWord && !tokens_[k].capitalized &&
        !IsDe(tokens_[k].norm) && IsDe(tokens_[k + 1].norm)) {
      ++k;
    }
    const Norm& de = tokens_[k].norm;
    if (!IsDe(de)) return -1;
    ++k;
    if (k < mention.end_token && (tokens_[k].norm == "la" || tokens_[k].norm == "l'")) ++k;
    if (k >= mention.end_token || tokens_[k].type != Token::kWord) return -1;
    // "le rapport de l'inspection du travail", "le rapport de la direction
    // générale … (CBE)": a body's noun with words saying which body, or
    // the short name in brackets a few words on.
    if (!tokens_[k].capitalized && lex_.Is(cues::WordClass::kBodyNoun, tokens_[k])) {
      constexpr int kNameWords = 8;
      const int n = static_cast<int>(tokens_.size());
      for (int j = mention.end_token; j + 2 < n && j <= mention.end_token + kNameWords; ++j) {
        if (tokens_[j].sentence != tokens_[k].sentence) break;
        if (tokens_[j].norm == "(" && tokens_[j + 1].all_caps && tokens_[j + 2].norm == ")") {
          return OrganisationNamed(Text(tokens_[j + 1].span));
        }
        if (tokens_[j].type != Token::kWord) break;
      }
      if (k + 1 >= mention.end_token) return -1;  // "la préfecture": which one?
      return OrganisationNamed(Text({tokens_[k].span.begin, tokens_[mention.end_token - 1].span.end}));
    }
    if (!tokens_[k].capitalized || lex_.FirstNameGenderOfNorm(tokens_[k].norm.str()) != 0) return -1;
    return OrganisationNamed(Text({tokens_[k].span.begin, tokens_[mention.end_token - 1].span.end}));
  }

  // The organisation of that name, made once per article.
  int OrganisationNamed(const std::string& text) {
    const std::string key = FoldKey(text);
    auto it = entity_of_key_.find(key);
    if (it != entity_of_key_.end()) return it->second;
    Entity e;
    e.name = text;
    e.is_org = true;
    const int entity = AddEntity(e);
    entity_of_key_[key] = entity;
    return entity;
  }

  static bool IsDe(const Norm& w) { return cues::IsDeOrItsContraction(w.str()); }

  bool IsDefiniteArticle(const Token& t) const {
    const WordFeaturesPtr det = lex_.FeaturesOf(cues::WordClass::kDeterminer, t.norm);
    return det != nullptr && det->definite && !det->possessive;
  }

  // An unnamed source is named by its description: "un diplomate européen".
  int DescriptionEntity(const Mention& mention, const char** how) {
    // "de source diplomatique": the partitive is not part of the name.
    int first = mention.first_token;
    if (mention.end_token - first > 1 &&
        (tokens_[first].norm == "de" || tokens_[first].norm == "d'")) {
      ++first;
    }
    std::string text = Text({tokens_[first].span.begin, tokens_[mention.end_token - 1].span.end});
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] + 32);
    std::string key = FoldKey(text);
    auto it = entity_of_key_.find(key);
    if (it != entity_of_key_.end()) return it->second;
    Entity e;
    e.name = text;
    e.gender = mention.gender;
    e.plural = mention.plural;
    e.unnamed = true;
    int entity = AddEntity(e);
    entity_of_key_[key] = entity;
    if (!mention.head.empty()) heads_of_entity_[entity].push_back(mention.head);
    *how = "description";
    return entity;
  }

  int ResolvePronoun(int index, const char** how) {
    const Mention& mention = a_.mentions[index];
    const std::string_view head = mention.head;  // Compared inline (see cue_judges_).
    if (head == "on") return -1;
    // "celui que la presse américaine a surnommé « T-Rex »": the one the
    // story is about, the person of that gender it has named most.
    if (head == "protagoniste") {
      const int slot = SlotOf(mention.gender);
      if (slot < 0 || slot >= static_cast<int>(most_mentioned_of_gender_.size())) return -1;
      const int most = most_mentioned_of_gender_[slot];
      if (most < 0 || entities_[most].plural) return -1;
      *how = "person_known_by_a_nickname";
      return most;
    }
    if (head == "dernier") {
      if (mention.plural) return -1;
      int last = static_cast<int>(persons_mentioned_.size()) - 1;
      if (mention.gender != 0) {
        // Someone of unknown gender counts if a full name makes them a
        // person; a lone capitalised word ("Vesoul") may be a place.
        // A short walk back finds them.
        int unknown = -1;
        for (int k = last; k >= 0 && k > last - 8; --k) {
          const Entity& e = entities_[persons_mentioned_[k]];
          if (e.gender == 0 && (e.kb >= 0 || e.name.find(' ') != std::string::npos)) {
            unknown = k;
            break;
          }
        }
        last = std::max(unknown, LastMentionedOf(SlotOf(mention.gender)));
      }
      // "les primes des dirigeants ... ce dernier": a group is no
      // antecedent of the singular; the person named before it is.
      constexpr int kLookedBack = 8;
      for (int k = last, stop = last - kLookedBack; k >= 0 && k > stop; --k) {
        const Entity& e = entities_[persons_mentioned_[k]];
        if (!e.plural && GenderFits(mention.gender, e.gender)) break;
        last = k - 1;
      }
      if (last >= 0 && entities_[persons_mentioned_[last]].plural) last = -1;
      if (last >= 0 && last < unresolved_person_after_ &&
          GenderFits(mention.gender, unresolved_person_gender_)) {
        return -1;
      }
      if (last >= 0) {
        *how = "last_person_mentioned";
        return persons_mentioned_[last];
      }
      return -1;
    }
    // "X a déclaré que « ... », a-t-il assuré": a reporting verb earlier in
    // the same sentence; not a verb of judgement, whose subject is the
    // content ("Le président juge « ... », a-t-il ajouté").
    const int pronoun_token = mention.first_token;
    // "X a dénoncé ces livraisons, qui selon elle « ... »": a pronoun that
    // is not the clitic of a closing incise takes any earlier subject.
    const bool clitic = tokens_[pronoun_token].type == Token::kClitic;
    // The cues of this sentence that end before the first cue of the
    // article ending past the pronoun, in order. A cue that cannot serve
    // this kind of pronoun (same clitic flag and gender) is never looked at
    // again: its subject's entity, once resolved, does not change.
    const CueList cues = CuesIn(current_sentence_);
    const int first_past =
        static_cast<int>(std::upper_bound(max_cue_end_.begin(), max_cue_end_.end(), pronoun_token) -
                         max_cue_end_.begin());
    std::vector<int>& skip = SkipList(current_sentence_, clitic, mention.gender, cues.size());
    for (int i = NextLive(skip, 0); i < static_cast<int>(cues.size()) && cues[i] < first_past;
         i = NextLive(skip, i + 1)) {
      const int c = cues[i];
      if (a_.cues[c].clitic_token == pronoun_token) continue;
      if (cue_never_antecedent_[c] || (clitic && cue_judges_[c])) {
        skip[i] = i + 1;
        continue;
      }
      int e = Resolve(subjects_.of_cue[c]);
      if (IsSingularPersonOf(e, mention.gender) ||
          (!clitic && OrganisationOfGender(subjects_.of_cue[c], e, mention.gender))) {
        *how = "pronoun_to_speaker_of_sentence";
        return e;
      }
      skip[i] = i + 1;
    }
    // "Pour le secrétaire d'État, limogé en mars, « … », avait-il confié":
    // a source opening the sentence names whom the closing incise's
    // pronoun stands for (no reporting verb of the sentence named another).
    // Only the sentence's first cue can open it: one look per pronoun.
    if (clitic && !mention.plural && cues.size() > 0) {
      const int c = cues[0];
      const Cue& cue = a_.cues[c];
      if (cue.form == Cue::kSource && cue.first_token == a_.sentences[current_sentence_].first_token &&
          subjects_.of_cue[c] >= 0 && cue.end_token < pronoun_token) {
        const int e = Resolve(subjects_.of_cue[c]);
        if (IsSingularPersonOf(e, mention.gender)) {
          *how = "pronoun_to_source_of_sentence";
          return e;
        }
      }
    }
    // "Le président afghan a salué la semaine …, pendant laquelle, a-t-il
    // dit, les Afghans ont pu « respirer »": an incise between commas inside
    // the sentence is its subject's, when nobody else of that gender is
    // named between.
    if (clitic && !mention.plural) {
      const int main = subjects_.of_sentence[current_sentence_];
      // Not "Moscou, a-t-il prévenu, « … »": a lone word nothing marks as
      // a person's name is a place.
      const Mention* subject = main >= 0 ? &a_.mentions[main] : nullptr;
      const bool person =
          subject != nullptr && subject->kind != Mention::kPronoun && attribute::MayNameAPerson(*subject);
      if (person && main != index && subject->end_token <= pronoun_token && IsInciseBetweenCommas(pronoun_token) &&
          !OtherPersonOfGenderBetween(main, index, mention.gender)) {
        const int e = Resolve(main);
        if (IsSingularPersonOf(e, mention.gender)) {
          *how = "pronoun_to_subject_of_sentence";
          return e;
        }
      }
    }
    // "Quant à l'ancien patron de l'Otan, il n'a rien voulu dire": the
    // topic that "quant à" sets is the pronoun right after its comma.
    if (!clitic) {
      const int topic = TopicBeforePronoun(pronoun_token);
      if (topic >= 0) {
        const int e = Resolve(topic);
        if (IsSingularPersonOf(e, mention.gender)) {
          *how = "pronoun_to_subject_of_sentence";
          return e;
        }
      }
    }
    // "Le président russe a accepté …, mais s'est montré prudent : « … »,
    // a-t-il ajouté": the closing incise's pronoun is the sentence's
    // subject when no cue of the sentence named another (its verbs were
    // not reporting ones), and that subject judges nothing itself.
    if (clitic) {
      const int main = subjects_.of_sentence[current_sentence_];
      const SentenceShape& shape = ShapeOf(current_sentence_, cues);
      // The first cue of the sentence with a subject must be this
      // pronoun's own; computed once per sentence, so that a sentence of
      // thousands of incises stays linear.
      // "Le président géorgien … a voulu tempérer les attentes : « A,
      // a-t-il assuré » ": a cue whose subject is the sentence's own is no
      // other speaker.
      const bool subject_of_a_cue = shape.first_subject_cue >= 0 &&
                                    a_.cues[shape.first_subject_cue].clitic_token != pronoun_token &&
                                    subjects_.of_cue[shape.first_subject_cue] != main;
      // Only when a colon ends the subject's clause before the quotation:
      // in "Poutine « a complètement échoué », a-t-il ajouté" the quoted
      // words say something of the subject, whom someone else reports.
      const bool colon_before_quotation =
          shape.first_quote_after_subject >= 0 && shape.first_quote_after_subject < pronoun_token &&
          tokens_[shape.first_quote_after_subject - 1].norm == ":";
      if (main >= 0 && main != index && !subject_of_a_cue && colon_before_quotation &&
          a_.mentions[main].end_token <= pronoun_token &&
          a_.mentions[main].kind != Mention::kPronoun) {
        const int e = Resolve(main);
        if (!mention.plural && IsSingularPersonOf(e, mention.gender)) {
          *how = "pronoun_to_subject_of_sentence";
          return e;
        }
        if (e < 0 && IsUnnamedSubjectOfGender(a_.mentions[main], mention)) return -1;
      }
    }
    // "Ce dernier n'a pas caché qu'il aurait souhaité « ... »": the subject
    // of a clause after "que" is the main clause's subject when it fits;
    // so is the pronoun of "selon elle" after a colon that ends the
    // subject's clause ("L'adjointe, Anne Roux, a tenté de rassurer :
    // selon elle, ..."), but not inside that clause ("Poutine n'a, selon
    // lui, aucune intention"), where it is someone else.
    const bool subordinate = pronoun_token > 0 && OpensASubordinateClause(tokens_[pronoun_token - 1].norm);
    if (!clitic && (subordinate || SourcePrepositionEndsAt(cues, pronoun_token))) {
      const int main = subjects_.of_sentence[current_sentence_];
      // "Le président polonais s'est attardé sur l'Ukraine, qu'il faut
      // selon lui « aider »": past the subject's clause, in a clause of its
      // own, the pronoun is that subject unless someone else came between.
      if (main >= 0 && main != index && a_.mentions[main].end_token < pronoun_token &&
          (subordinate || ColonBetween(a_.mentions[main].end_token, pronoun_token) ||
           (SubordinateClauseOpensBetween(a_.mentions[main].end_token, pronoun_token) &&
            !OtherPersonOfGenderBetween(main, index, mention.gender)))) {
        const int e = Resolve(main);
        if (!mention.plural && IsSingularPersonOf(e, mention.gender)) {
          *how = "pronoun_to_subject_of_sentence";
          return e;
        }
        if (e < 0 && IsUnnamedSubjectOfGender(a_.mentions[main], mention)) return -1;
      }
    }
    if (!mention.plural) {
      int organisation = OrganisationReportingJustBefore(index, mention.gender);
      if (organisation < 0) organisation = OrganisationOfThePronounBefore(index, mention.gender);
      if (organisation < 0 && clitic) organisation = OrganisationBehindAStatement(index, mention.gender);
      if (organisation < 0 && !clitic)
        organisation = OrganisationWritingTheDocument(index, mention.gender);
      if (organisation >= 0) {
        *how = "pronoun_to_organisation";
        return organisation;
      }
    }
    if (clitic && !mention.plural && mention.gender != 0) {
      const int named = OnlyPersonNamedInAReportlessSentenceBefore(mention.gender);
      if (named >= 0) {
        *how = "pronoun_to_person_named_just_before";
        return named;
      }
    }
    if (clitic && !mention.plural && mention.gender != 0) {
      const int subject = NamedSubjectOfTheSentenceBefore(pronoun_token, mention.gender);
      if (subject >= 0) {
        *how = "pronoun_to_subject_named_just_before";
        return subject;
      }
    }
    if (clitic && !mention.plural) {
      const int addressee = AddresseeOfTheQuestionBefore(pronoun_token, mention.gender);
      if (addressee >= 0) {
        *how = "pronoun_to_addressee_of_question";
        return addressee;
      }
    }
    bool blocked = false;
    int salient = LastSalientPerson(mention.gender, mention.plural, &blocked);
    if (salient >= 0) {
      *how = "pronoun_to_last_speaker";
      return salient;
    }
    if (blocked) return -1;
    // "La Commission européenne a pris acte. « … », indique-t-elle": with
    // no speaker of that gender, the organisation subject of this sentence
    // or the one before, whose article has the pronoun's gender.
    if (!mention.plural && mention.gender != 0) {
      for (int s = current_sentence_; s >= 0 && s >= current_sentence_ - 1; --s) {
        const int main = subjects_.of_sentence[s];
        if (main < 0 || main == index || a_.mentions[main].first_token >= pronoun_token) continue;
        const int e = Resolve(main);
        if (OrganisationOfGender(main, e, mention.gender)) {
          *how = "pronoun_to_organisation";
          return e;
        }
      }
    }
    // No speaker or subject fits: the last person of that gender named
    // ("..., jugé réaliste par la ministre, Ludivine Dedonder. « ... », a-t-elle assuré").
    if (!mention.plural && mention.gender != 0) {
      int last = LastMentionedOf(SlotOf(mention.gender));
      // A group ("plusieurs sources") is no antecedent of "elle".
      if (last >= 0 && !entities_[persons_mentioned_[last]].plural) {
        *how = "pronoun_to_last_person";
        return persons_mentioned_[last];
      }
    }
    // No antecedent: an article opening on "dit-il" names him later, as
    // the speaker of a quotation.
    if (!later_speakers_indexed_) IndexLaterSpeakers();
    const LaterSpeakers& later =
        mention.gender == 0 ? later_speakers_.any : later_speakers_.Of(SlotOf(mention.gender));
    // The first of them whose quotation lies in a later sentence: where the
    // running maximum of their sentences first passes this one.
    size_t k =
        std::upper_bound(later.max_sentence.begin(), later.max_sentence.end(), current_sentence_) -
        later.max_sentence.begin();
    if (k < later.entity.size()) {
      *how = "pronoun_to_next_speaker";
      return later.entity[k];
    }
    // "« … », répète-t-il. Le jeune homme, Yanis Belkacem, 19 ans, a sorti
    // deux enfants de l'eau": nobody before, nobody quoted after; the
    // person named as the subject of the next sentence.
    if (!mention.plural && mention.gender != 0) {
      const int next = NamedSubjectOfTheNextSentence(mention.gender);
      if (next >= 0) {
        *how = "pronoun_to_next_subject";
        return next;
      }
    }
    return -1;
  }

  // The person of `gender` named as the main subject of the next sentence
  // of the paragraph that has one (a quotation alone has none); or -1.
  int NamedSubjectOfTheNextSentence(char gender) {
    constexpr int kLookedAhead = 3;
    int main = -1;
    for (int next = current_sentence_ + 1;
         main < 0 && next < static_cast<int>(a_.sentences.size()) &&
         next <= current_sentence_ + kLookedAhead &&
         a_.sentences[next].paragraph == a_.sentences[current_sentence_].paragraph;
         ++next) {
      main = subjects_.of_sentence[next];
    }
    if (main < 0) return -1;
    if (a_.mentions[main].kind != Mention::kName && a_.mentions[main].apposed >= 0) {
      main = a_.mentions[main].apposed;
    }
    if (a_.mentions[main].kind != Mention::kName || a_.mentions[main].is_org) return -1;
    const int e = Resolve(main);
    return IsSingularPersonOf(e, gender) ? e : -1;
  }

  // "Une réponse qui ne convainc pas Martine Rochas, dont la mère vit à
  // l'Ehpad. « … », témoigne-t-elle": the sentence just before, in the
  // same paragraph, has no speaker and no person for its subject, and
  // names one person of the pronoun's gender: that person, rather than
  // whoever spoke earlier.
  int OnlyPersonNamedInAReportlessSentenceBefore(char gender) {
    const int sentence = current_sentence_;
    if (sentence == 0) return -1;
    const Sentence& before = a_.sentences[sentence - 1];
    if (before.paragraph != a_.sentences[sentence].paragraph || before.is_title) return -1;
    for (int c : CuesIn(sentence - 1)) {
      if (subjects_.of_cue[c] >= 0) return -1;
    }
    const int main = subjects_.of_sentence[sentence - 1];
    if (main >= 0 && !a_.mentions[main].is_org) return -1;
    int found = -1;
    for (int m : MentionsStartingIn(sentence - 1)) {
      if (a_.mentions[m].is_org) continue;
      const int e = Resolve(m);
      if (e < 0 || entities_[e].is_org || entities_[e].plural) continue;
      if (entities_[e].gender == 0) return -1;  // Someone who may be either.
      if (entities_[e].gender != gender || e == found) continue;  // Its apposition too.
      if (a_.mentions[m].kind != Mention::kName || found >= 0) return -1;
      found = e;
    }
    return found;
  }

  // "John Kerry a rendu compte de ces échanges. « … », a-t-il déclaré": a
  // sentence opening on the quotation, after one in the same paragraph
  // whose subject is a name of the pronoun's gender and which quotes
  // nobody: the person it brings in speaks, not whoever spoke last.
  int NamedSubjectOfTheSentenceBefore(int pronoun_token, char gender) {
    const int sentence = current_sentence_;
    if (sentence == 0 || a_.sentences[sentence].first_token >= pronoun_token) return -1;
    const int opening = a_.sentences[sentence].first_token;
    if (tokens_[opening].type != Token::kQuote) return -1;
    const Sentence& before = a_.sentences[sentence - 1];
    const int main = subjects_.of_sentence[sentence - 1];
    if (before.paragraph != a_.sentences[sentence].paragraph || before.is_title ||
        (QuotesIn(sentence - 1) && !OnlyItsNicknameQuoted(main, before))) {
      return -1;
    }
    if (main < 0 || a_.mentions[main].is_org) return -1;
    // "celui que la presse a surnommé « T-Rex » a refusé …": the person
    // the story knows by that nickname.
    if (a_.mentions[main].kind == Mention::kPronoun) {
      return a_.mentions[main].head == "protagoniste" && entity_of_mention_[main] >= 0 &&
                     IsSingularPersonOf(entity_of_mention_[main], gender)
                 ? entity_of_mention_[main]
                 : -1;
    }
    // "L'ancien ministre des Finances ne l'ignore pas": an epithet or an
    // office that stands for one person of the story serves as a name.
    const Mention::Kind kind = a_.mentions[main].kind;
    if (kind == Mention::kEpithet || kind == Mention::kRole) {
      return PersonOfExactlyThatGender(main, gender);
    }
    // "Mabrouka, 54 ans, ramasse des olives. « … », explique-t-elle": a
    // person brought in with an age, whose gender the names do not tell.
    const int after = a_.mentions[main].end_token;
    if (kind == Mention::kName && after < static_cast<int>(tokens_.size()) &&
        tokens_[after].norm == "," && cues::AgeAt(tokens_, after + 1)) {
      const int e = Resolve(main);
      if (e >= 0 && IsSingularPersonOf(e, gender) && entities_[e].kb < 0) return e;
    }
    return PersonNamedBy(main, gender);
  }

  // Whether the only quotations of `sentence` are the nickname that the
  // clause of `subject` ("celui que … a surnommé « … »") gives.
  bool OnlyItsNicknameQuoted(int subject, const Sentence& sentence) const {
    if (subject < 0 || a_.mentions[subject].kind != Mention::kPronoun ||
        a_.mentions[subject].head != "protagoniste") {
      return false;
    }
    constexpr int kMaxClause = 10;
    for (int k = sentence.first_token; k < sentence.end_token; ++k) {
      if (tokens_[k].type == Token::kQuote && (k < a_.mentions[subject].first_token ||
                                               k > a_.mentions[subject].first_token + kMaxClause)) {
        return false;
      }
    }
    return true;
  }

  // Whether a quotation of someone's words starts in the sentence (a
  // title or a nickname, « son totem, « Lionceau patient » », does not
  // count); the sentences' flags are made once, so that a sentence of
  // thousands of incises stays linear.
  bool QuotesIn(int sentence) {
    if (sentence_quotes_.empty()) {
      sentence_quotes_.assign(a_.sentences.size(), 0);
      for (size_t q = 0; q < a_.quotes.size(); ++q) {
        const Quote& quote = a_.quotes[q];
        if (q < attributions_.size() && attributions_[q].kind == QuoteKind::kMention) continue;
        if (quote.sentence >= 0 && quote.sentence < static_cast<int>(sentence_quotes_.size())) {
          sentence_quotes_[quote.sentence] = 1;
        }
      }
    }
    return sentence_quotes_[sentence] != 0;
  }

  // The mentions that start in a sentence, among its first few dozen
  // tokens: bounded, so that a sentence of thousands of names stays linear
  // for the rules that look back at it.
  // At most kMaxLooked of them, held in place: no allocation, and no state
  // shared with a resolution the loop over them may start.
  struct SentenceMentions {
    static constexpr int kMaxLooked = 64;
    std::array<int, kMaxLooked> ids;
    int size = 0;
    const int* begin() const { return ids.data(); }
    const int* end() const { return ids.data() + size; }
  };
  SentenceMentions MentionsStartingIn(int sentence) const {
    const Sentence& s = a_.sentences[sentence];
    SentenceMentions out;
    for (int k = s.first_token; k < s.end_token && k < s.first_token + SentenceMentions::kMaxLooked; ++k) {
      const int m = a_.mention_at[k];
      if (m >= 0 && a_.mentions[m].first_token == k) out.ids[out.size++] = m;
    }
    return out;
  }

  // "« Et les négociations ? », lançait-on au passage du secrétaire
  // d'État. « Elles viendront », a-t-il répondu": the one who answers a
  // question is the one person of that gender the question's sentence
  // names and does not make its asker. So too after a question told, not
  // quoted: "Une journaliste a interrogé le ministre sur les visas. « … »,
  // a-t-il reconnu" (whatever the verb of the answer).
  int AddresseeOfTheQuestionBefore(int pronoun_token, char gender) {
    const int sentence = current_sentence_;
    if (sentence == 0) return -1;
    const CueList cues = CuesIn(sentence);
    const auto own = std::find_if(cues.begin(), cues.end(),
                                  [&](int c) { return a_.cues[c].clitic_token == pronoun_token; });
    if (own == cues.end() || own != cues.begin()) return -1;
    const bool answer = a_.cues[*own].category == "answer";
    const Sentence& before = a_.sentences[sentence - 1];
    // The sentence's last quotation, if any.
    const std::string* quoted = nullptr;
    for (int k = before.first_token; k < before.end_token; ++k) {
      const Token& t = tokens_[k];
      if (t.type == Token::kQuote && t.quote >= 0) quoted = &a_.quotes[t.quote].text;
    }
    const bool question = quoted != nullptr
                              ? answer && !quoted->empty() && quoted->back() == '?'
                              : AsksSomeoneNamedInIt(sentence - 1);
    if (!question) return -1;
    std::vector<int> askers;
    for (int c : CuesIn(sentence - 1)) {
      if (subjects_.of_cue[c] >= 0) askers.push_back(Resolve(subjects_.of_cue[c]));
    }
    int found = -1;
    for (int m : MentionsStartingIn(sentence - 1)) {
      if (a_.mentions[m].kind == Mention::kPronoun) continue;
      const int e = Resolve(m);
      if (!IsSingularPersonOf(e, gender) ||
          std::find(askers.begin(), askers.end(), e) != askers.end()) {
        continue;
      }
      if (found >= 0 && found != e) return -1;
      found = e;
    }
    return found;
  }

  // "interroger", "questionner", "interpeller" someone: not "se demander",
  // "s'interroger", where the one asking names no addressee. "demander"
  // asks a question only when "si" or a question word opens what it asks
  // ("a demandé au Géorgien s'il comptait rester"), not a thing ("a
  // demandé la libération des otages").
  bool AsksSomeoneNamedInIt(int sentence) const {
    for (int c : CuesIn(sentence)) {
      const Cue& cue = a_.cues[c];
      if (cue.verb < 0 || lex_.verb(cue.verb).pronominal) continue;
      if (cue.category == "question") return true;
      if (cue.category == "ask" && IndirectQuestionAfter(cue.end_token, a_.sentences[sentence].end_token)) {
        return true;
      }
    }
    return false;
  }

  bool IndirectQuestionAfter(int from, int sentence_end) const {
    // "au secrétaire d'État américain s'il", "à un vieil homme, Samba,
    // 71 ans, s'il".
    constexpr int kMaxWords = 10;
    for (int k = from; k < sentence_end && k <= from + kMaxWords; ++k) {
      const Norm& w = tokens_[k].norm;
      if (w == "si" || w == "s'il" || w == "s'ils" || w == "pourquoi" || w == "comment" ||
          w == "combien" || w == "quand" ||
          (w == "s'" && k + 1 < sentence_end &&
           (tokens_[k + 1].norm == "il" || tokens_[k + 1].norm == "ils"))) {
        return true;
      }
      if (tokens_[k].type == Token::kQuote) return false;
    }
    return false;
  }

  int LastMentionedOf(int slot) const {
    return slot >= 0 && slot < static_cast<int>(last_mentioned_of_gender_.size())
               ? last_mentioned_of_gender_[slot]
               : -1;
  }

  // Once, after the names: the quotations whose speaker is named by an
  // incise or a reporting clause and is a person of known gender, in
  // order, per gender, with the running maximum of their sentences.
  void IndexLaterSpeakers() {
    later_speakers_indexed_ = true;
    for (size_t q = 0; q < a_.quotes.size(); ++q) {
      const attribute::Attribution& at = attributions_[q];
      if (at.mention < 0) continue;
      const char* method = at.method;
      if (std::strcmp(method, "incise") != 0 && std::strcmp(method, "colon_after_cue") != 0 &&
          std::strcmp(method, "split_quote") != 0 &&
          std::strcmp(method, "postposed_reporting_clause") != 0) {
        continue;
      }
      if (a_.mentions[at.mention].kind != Mention::kName) continue;
      int e = entity_of_mention_[at.mention];
      if (!IsPerson(e) || entities_[e].gender == 0) continue;
      later_speakers_.Add(AddSlot(entities_[e].gender), std::make_pair(a_.quotes[q].sentence, e));
    }
  }

  // Per sentence, clitic flag and gender of pronoun: skip[i] == i while
  // the i-th cue of the sentence may still be an antecedent, else a later
  // index to jump to (see NextLive).
  std::vector<int>& SkipList(int sentence, bool clitic, char gender, size_t cues) {
    uint64_t key = (static_cast<uint64_t>(static_cast<uint32_t>(sentence)) << 9) |
                   (clitic ? 256u : 0u) | static_cast<unsigned char>(gender);
    auto [it, added] = skip_lists_.try_emplace(key);
    if (added) {
      it->second.resize(cues + 1);
      for (size_t i = 0; i <= cues; ++i) it->second[i] = static_cast<int>(i);
    }
    return it->second;
  }

  // The first index from i on whose cue is still live, halving paths.
  static int NextLive(std::vector<int>& skip, int i) {
    while (skip[i] != i) {
      skip[i] = skip[skip[i]];
      i = skip[i];
    }
    return i;
  }

  // "Le club doit « changer d'échelle », plaide son président" names
  // nobody; "Selon lui, le club doit « changer d'échelle »" names him: the
  // words are his both times. Then those that follow a quotation so named.
  void NameTheSameWordsFromTheirRepetition(std::vector<Speaker>* out) const {
    std::vector<Speaker>& speakers = *out;
    for (size_t q = 0; q < speakers.size(); ++q) {
      const attribute::Attribution& at = attributions_[q];
      if (at.from_quote < 0 || std::string_view(at.method) != "same_words" || !speakers[q].name ||
          speakers[at.from_quote].name) {
        continue;
      }
      speakers[at.from_quote] = speakers[q];
      speakers[at.from_quote].how = "same_words_elsewhere";
    }
    for (size_t q = 0; q < speakers.size(); ++q) {
      const int from = attributions_[q].from_quote;
      if (from < 0 || speakers[q].name || !speakers[from].name) continue;
      speakers[q] = speakers[from];
      speakers[q].how = "same_as_previous";
    }
  }

  Speaker SpeakerOf(int q, int depth) {
    Speaker out;
    const attribute::Attribution& at = attributions_[q];
    if (depth > 8) return out;
    if (at.from_quote >= 0) {
      out = SpeakerOf(at.from_quote, depth + 1);
      out.how = "same_as_previous";
      // "L'Otan doit devenir « plus politique », plaide son secrétaire
      // général" then "Selon lui, l'Alliance doit devenir « plus
      // politique »": the same words whose surer rule named nobody keep
      // the speaker their own rule names.
      if (out.name || at.mention < 0) return out;
      out = Speaker{};
    }
    int entity = -1;
    double confidence = 1.0;
    if (at.mention >= 0) {
      entity = Resolve(at.mention);
      const std::string_view how = how_[at.mention];
      out.how = how_[at.mention];
      if (how == "office_holder_on_date" || how == "former_office_holder_in_article") {
        confidence = 0.85;
      }
      if (how == "pronoun_to_last_speaker" || how == "last_person_mentioned" ||
          how == "pronoun_to_speaker_of_sentence" || how == "pronoun_to_last_person" ||
          how == "pronoun_to_subject_of_sentence" || how == "pronoun_to_source_of_sentence") {
        confidence = 0.9;
      }
      if (how == "pronoun_to_next_speaker" || how == "pronoun_to_next_subject") confidence = 0.6;
      if (how == "misspelt_name") confidence = 0.85;
      if (how == "description" || how == "same_description") confidence = 0.8;
      if (how == "definite_description") confidence = 0.75;
    } else if (!at.author.empty()) {
      entity = AuthorEntity(Text(at.author));
      out.how = "author_line";
    }
    if (entity < 0) return Speaker{};
    out.name = entities_[entity].name;
    if (!entities_[entity].id.empty()) out.id = entities_[entity].id;
    out.confidence = confidence;
    return out;
  }

  // The author line of an embedded post. It may give the name in two
  // scripts ("Volodymyr Zelenskyy / Володимир Зеленський") and in the
  // account's own spelling: each part is tried against the base, exactly,
  // then as a misspelling, then against the article's people.
  // An account's display name without the titles before the name
  // ("Secretary Pompeo", "U.S. Special Representative Zalmay Khalilzad":
  // words.tsv titles) or a lone initial after it ("Jorge Arreaza M").
  std::string WithoutTitlesOrInitial(const std::string& name) const {
    std::vector<std::string> words;
    for (size_t from = 0; from < name.size();) {
      const size_t space = name.find(' ', from);
      const size_t end = space == std::string::npos ? name.size() : space;
      if (end > from) words.push_back(name.substr(from, end - from));
      from = end + 1;
    }
    auto joined = [&words](size_t first, size_t end) {
      std::string out;
      for (size_t w = first; w < end; ++w) out += (out.empty() ? "" : " ") + words[w];
      return out;
    };
    size_t first = 0;
    constexpr size_t kLongestTitle = 3;
    for (bool stripped = true; stripped && words.size() - first > 1;) {
      stripped = false;
      for (size_t k = std::min(kLongestTitle, words.size() - first - 1); k >= 1; --k) {
        std::string key;
        for (const std::string& w : normalize::TokenizePhrase(joined(first, first + k))) {
          key += (key.empty() ? "" : " ") + w;
        }
        if (lex_.FeaturesOf(cues::WordClass::kTitle, key) != nullptr) {
          first += k;
          stripped = true;
          break;
        }
      }
    }
    size_t end = words.size();
    const std::string& last = words.back();
    if (end - first > 2 && last.size() <= 2 && last[0] >= 'A' && last[0] <= 'Z' &&
        (last.size() == 1 || last[1] == '.')) {
      --end;
    }
    return first == 0 && end == words.size() ? name : joined(first, end);
  }

  int AuthorEntity(const std::string& line) {
    std::vector<std::string> parts;
    for (size_t from = 0;;) {
      size_t slash = line.find('/', from);
      std::string part = line.substr(from, slash == std::string::npos ? std::string::npos : slash - from);
      while (!part.empty() && part.back() == ' ') part.pop_back();
      while (!part.empty() && part.front() == ' ') part.erase(0, 1);
      if (!part.empty()) parts.push_back(part);
      if (slash == std::string::npos) break;
      from = slash + 1;
    }
    if (parts.empty()) parts.push_back(line);
    for (std::string& part : parts) part = WithoutTitlesOrInitial(part);
    for (const std::string& part : parts) {
      std::vector<const cues::Speaker*> known = kb_.FindByName(part);
      if (known.size() == 1) return KbEntity(KbIndex(known[0]));
    }
    for (const std::string& part : parts) {
      const std::string key = FoldKey(part);
      if (key.find(' ') == std::string::npos) continue;  // Full names only.
      if (const cues::Speaker* close = kb_.FindClosest(part, MisspellingAllowance(key))) {
        return KbEntity(KbIndex(close));
      }
    }
    for (const std::string& part : parts) {
      auto it = entity_of_key_.find(FoldKey(part));
      if (it != entity_of_key_.end()) return it->second;
    }
    Entity e;
    e.name = parts[0];
    return AddEntity(e);
  }

  struct Salient {
    int entity;
    int sentence;
    bool spoke;  // A reporting verb's subject, not only the sentence's.
  };

  const cues::Lexicon& lex_;
  const cues::SpeakerKb& kb_;
  const Analysis& a_;
  const std::vector<Token>& tokens_;
  const attribute::Subjects& subjects_;
  const std::vector<attribute::Attribution>& attributions_;

  std::vector<Entity> entities_;
  std::vector<int> entity_of_mention_;  // -2: not yet resolved; -1: nobody.
  std::vector<const char*> how_;
  std::unordered_map<int, int> entity_of_kb_;
  std::unordered_map<std::string, int> entity_of_key_;
  std::unordered_map<std::string, std::vector<int>> surname_;
  // EarlierUnnamedWithSameHead's descriptions of three words or more, by head.
  std::unordered_map<std::string, std::vector<int>> long_descriptions_by_head_;
  bool long_descriptions_indexed_ = false;
  std::vector<int> last_name_of_sentence_;  // NameLaterInSentence's index.
  // The people of the article's full names by their first word, when it
  // is a first name: "Hervé Castel" under "hervé".
  std::unordered_map<std::string, std::vector<int>> bearers_of_first_name_;
  std::unordered_map<std::string, std::vector<int>> named_after_acronym_;  // "xto" -> "XTO Energy".
  std::vector<char> sentence_quotes_;  // By sentence: whether a quotation starts in it (QuotesIn).
  std::unordered_map<std::string, std::vector<Binding>> role_bindings_;
  std::unordered_map<std::string, std::vector<Binding>> complement_bindings_;  // By ProperComplementKey.
  std::unordered_map<std::string, std::vector<Binding>> head_bindings_;
  std::unordered_map<std::string, int> entity_of_epithet_;  // By head: whom it named first.
  // Each person's head nouns with the portfolio the article gave them.
  std::unordered_map<int, std::vector<std::pair<std::string, std::string>>> portfolios_of_entity_;
  // Definite descriptions resolved to a person, by head noun, in text order:
  // "la navigatrice de Douarnenez" makes the later "la navigatrice" hers.
  std::unordered_map<std::string, std::vector<Binding>> described_heads_;
  // Offices outside roles.tsv given in apposition, with their words.
  std::vector<std::pair<std::string, Binding>> spelt_out_offices_;
  std::unordered_map<int, std::vector<std::string>> heads_of_entity_;  // Their apposed nouns.
  // Those an apposition (a position_noun, not past) or a relative clause
  // (an office_verb) gives a position, by position; see NoteHolder.
  std::unordered_map<int, std::vector<int>> holders_of_position_;
  std::unordered_map<int, uint8_t> side_of_entity_;  // The side of a trial they are on (party_noun).
  std::unordered_map<int, uint8_t> side_by_verb_;    // Those a verb put there (party_verb), so far.
  int sides_scanned_ = 0;                            // Sentences whose verbs were looked at for sides.
  std::vector<SentenceShape> shapes_;  // Per sentence, computed on demand.
  // Lists kept per gender slot and for all genders together.
  template <typename List>
  struct ByGender {
    std::vector<List> slots;
    List any;
    const List& Of(int slot) const {
      static const List kEmpty;
      return slot >= 0 && slot < static_cast<int>(slots.size()) ? slots[slot] : kEmpty;
    }
    template <typename T>
    void Add(int slot, const T& item) {
      if (slot >= static_cast<int>(slots.size())) slots.resize(slot + 1);
      slots[slot].Add(item);
      any.Add(item);
    }
  };
  struct Increasing : std::vector<int> {
    void Add(int x) { push_back(x); }
  };
  struct LaterSpeakers {
    std::vector<int> max_sentence;  // Running maximum of the quotations' sentences.
    std::vector<int> entity;
    void Add(std::pair<int, int> sentence_entity) {
      int sentence = sentence_entity.first;
      if (!max_sentence.empty()) sentence = std::max(sentence, max_sentence.back());
      max_sentence.push_back(sentence);
      entity.push_back(sentence_entity.second);
    }
  };

  std::vector<char> other_genders_;  // Beyond 0, 'm' and 'f' (see SlotOf).
  std::vector<Salient> salience_;    // In sentence order.
  // Indices into salience_ of the people a pronoun may refer to, by number
  // (0 singular, 1 plural) and gender.
  std::array<ByGender<Increasing>, 2> fitting_salience_;
  std::vector<int> last_salience_of_;   // Per entity: its last index in salience_, or -1.
  std::vector<int> country_words_;      // Per nationality, its adjectives in the article.
  int last_org_salient_ = -1;           // The last organisation in salience_.
  int document_sentence_ = -1000;       // Where "un communiqué" was last met,
  int document_org_ = -1;               // and the organisation behind it, or -1,
  int document_person_ = -1;            // else the person who issued it, or -1.
  ByGender<Increasing> blockers_;       // Sentences of the unnamed topics, in order.
  // Per nationality (nationalities.tsv index): the people an apposition or
  // an office of the base gives it, at most kMaxNationals.
  static constexpr size_t kMaxNationals = 32;
  std::unordered_map<int, std::vector<int>> nationals_;
  std::vector<bool> kb_nationals_noted_;  // Per entity.
  std::unordered_set<std::string> pseudonym_keys_;  // Keys that entity_of_key_ got from a pseudonym.
  std::vector<int> persons_mentioned_;  // In text order, for "ce dernier".
  // persons_mentioned_'s size when a singular person the story describes
  // without saying who was last mentioned, and that mention's gender.
  int unresolved_person_after_ = -1;
  char unresolved_person_gender_ = 0;
  std::vector<int> last_mentioned_of_;  // Per entity: its last index in persons_mentioned_.
  std::vector<int> last_mentioned_of_gender_;  // Per gender slot, or -1.
  int victories_scanned_ = 0;                  // Sentences LastWinner has read.
  int last_winner_ = -1;
  std::vector<int> times_mentioned_;        // Per entity, in sentences.
  std::vector<int> sentence_last_counted_;  // Per entity.
  // Per gender slot, the person mentioned most so far (the first to reach
  // that count on a tie: a story introduces its subject early), or -1:
  // whom "celui que la presse surnomme « … »" means.
  std::vector<int> most_mentioned_of_gender_;
  // Cues by sentence, in order; per cue the largest end of it and the
  // cues before it, and what a pronoun asks of it regardless of the pronoun.
  // Those of sentence s are cue_ids_[cue_ids_begin_[s], cue_ids_begin_[s + 1]):
  // one list for the article, where a list per sentence was an allocation
  // apiece.
  std::vector<int> cue_ids_;
  std::vector<int> cue_ids_begin_;
  std::vector<int> max_cue_end_;
  std::vector<bool> cue_never_antecedent_;  // A source, or no subject, or a pronoun subject.
  std::vector<bool> cue_judges_;            // A verb of judgement ("juge", "critique", ...).
  std::unordered_map<uint64_t, std::vector<int>> skip_lists_;
  bool later_speakers_indexed_ = false;
  ByGender<LaterSpeakers> later_speakers_;  // Quotations in order (IndexLaterSpeakers).
  int current_sentence_ = 0;
};

}  // namespace

std::vector<Speaker> ResolveSpeakers(const cues::Lexicon& lexicon, const Analysis& analysis,
                                     const attribute::Subjects& subjects,
                                     const std::vector<attribute::Attribution>& attributions) {
  return Resolver(lexicon, analysis, subjects, attributions).Run();
}

}  // namespace guillemet::resolve
