#include "attribute/subjects.h"

#include <cctype>

namespace guillemet::attribute {
namespace {

class SubjectFinder {
 public:
  SubjectFinder(const cues::Lexicon& lex, const Analysis& a)
      : lex_(lex), a_(a), tokens_(a.tokens) {}

  Subjects Run() {
    Subjects out;
    out.of_cue.assign(a_.cues.size(), -1);
    out.postposed.assign(a_.cues.size(), false);
    out.of_sentence.assign(a_.sentences.size(), -1);
    for (size_t s = 0; s < a_.sentences.size(); ++s) {
      out.of_sentence[s] = MainSubject(a_.sentences[s]);
    }
    for (size_t c = 0; c < a_.cues.size(); ++c) {
      const Cue& cue = a_.cues[c];
      switch (cue.form) {
        case Cue::kInverted:
          out.of_cue[c] = InvertedSubject(cue);
          out.postposed[c] = true;
          break;
        case Cue::kSource:
          // "Le député Paul Martin, pour qui le texte « … »": a source that
          // ends on a relative pronoun is the name before its comma.
          if (lex_.Is(cues::WordClass::kRelative, tokens_[cue.end_token - 1])) {
            out.of_cue[c] = AntecedentBeforeComma(cue.first_token);
            break;
          }
          out.of_cue[c] = MentionStartingAt(cue.end_token);
          // "selon les mots de Paul Girard": the source's noun, then "de"
          // and its speaker.
          if (out.of_cue[c] < 0 && cue.end_token - cue.first_token > 1 &&
              cue.end_token + 1 < SentenceEnd(cue.first_token) &&
              (tokens_[cue.end_token].norm == "de" || tokens_[cue.end_token].norm == "d'")) {
            out.of_cue[c] = MentionStartingAt(cue.end_token + 1);
          }
          // "selon ses termes", "selon ses propres mots": the words of the
          // sentence's subject.
          if (out.of_cue[c] < 0 && OwnWordsAt(cue.end_token)) {
            out.of_cue[c] = out.of_sentence[tokens_[cue.first_token].sentence];
          }
          break;
        case Cue::kParticiple: {
          // The subject of the nearest finite verb before, else of the sentence.
          int subject = -1;
          for (int p = static_cast<int>(c) - 1; p >= 0; --p) {
            const Cue& prev = a_.cues[p];
            if (tokens_[prev.first_token].sentence != tokens_[cue.first_token].sentence) break;
            if (prev.form == Cue::kFinite || prev.form == Cue::kInverted) {
              subject = out.of_cue[p];
              break;
            }
          }
          if (subject < 0) subject = out.of_sentence[tokens_[cue.first_token].sentence];
          // "une lettre de Marc Blanc lui demandant de « … »": a name right
          // before the participle, no comma between, is what it qualifies.
          const int qualified = MentionRightBeforeAParticiple(cue.first_token);
          if (qualified >= 0) subject = qualified;
          out.of_cue[c] = subject;
          break;
        }
        default: {
          bool blocked = false;
          int before = EnclosingMention(PreposedSubject(cue, &blocked));
          const int main = out.of_sentence[tokens_[cue.first_token].sentence];
          if (before >= 0 && AgreesWithTheMainSubject(cue, before, main)) before = main;
          if (before >= 0) {
            out.of_cue[c] = before;
          } else if (blocked) {
            out.of_cue[c] = PostposedSubject(cue.end_token, SentenceEnd(cue.first_token));
            out.postposed[c] = out.of_cue[c] >= 0;
          }
          break;
        }
      }
    }
    out.of_some_cue.assign(a_.mentions.size(), false);
    for (int subject : out.of_cue) {
      if (subject >= 0) out.of_some_cue[subject] = true;
    }
    return out;
  }

 private:
  int SentenceEnd(int token) const { return a_.sentences[tokens_[token].sentence].end_token; }
  int SentenceStart(int token) const { return a_.sentences[tokens_[token].sentence].first_token; }

  // The mention (its name, if an office is apposed to it) that ends right
  // before the comma before token k, or -1.
  int AntecedentBeforeComma(int k) const {
    if (k < 2 || tokens_[k - 1].norm != ",") return -1;
    const int m = a_.mention_at[k - 2];
    if (m < 0 || a_.mentions[m].end_token != k - 1 || a_.mentions[m].kind == Mention::kPronoun) return -1;
    // "chercheur à l'université Fudan, pour qui": a body that completes
    // another noun is not whom "qui" stands for; one heading its phrase is.
    // Nor is a lone capitalised word of no gender, which may be a place
    // ("à l'université Fudan de Shanghaï, pour qui").
    const Mention& mention = a_.mentions[m];
    if ((mention.is_org && mention.first_token > SentenceStart(k) &&
         tokens_[mention.first_token - 1].norm != ",") ||
        (!mention.is_org && !MayNameAPerson(mention))) {
      return PersonBeforeAnApposition(mention.first_token);
    }
    return PreferName(m);
  }

  // "Zhou Mingde, chercheur à l'université Fudan de Shanghaï, pour qui":
  // the apposition that holds `inside` opens on a noun of an unnamed
  // source, without an article, right after a person's name and its comma:
  // that person. Looked for a few words back only.
  int PersonBeforeAnApposition(int inside) const {
    const int start = SentenceStart(inside);
    constexpr int kMaxApposition = 16;
    for (int comma = inside - 1; comma > start && comma >= inside - kMaxApposition; --comma) {
      if (tokens_[comma].norm != ",") continue;
      if (!lex_.Is(cues::WordClass::kSourceNoun, tokens_[comma + 1])) return -1;
      const int named = a_.mention_at[comma - 1];
      if (named < 0 || a_.mentions[named].end_token != comma ||
          a_.mentions[named].kind != Mention::kName || a_.mentions[named].is_org ||
          !MayNameAPerson(a_.mentions[named])) {
        return -1;
      }
      return named;
    }
    return -1;
  }

  // "ses termes", "ses propres mots", "son expression".
  bool OwnWordsAt(int k) const {
    const int n = static_cast<int>(tokens_.size());
    if (k + 1 >= n) return false;
    const Norm& owner = tokens_[k].norm;
    if (owner != "ses" && owner != "son" && owner != "sa" && owner != "leurs") return false;
    int w = k + 1;
    if (tokens_[w].norm == "propres" || tokens_[w].norm == "propre") ++w;
    if (w >= n) return false;
    const Norm& noun = tokens_[w].norm;
    return noun == "termes" || noun == "mots" || noun == "propos" || noun == "expression" ||
           noun == "formule";
  }

  // "La propriétaire du château Bellerive estime": the description a name
  // stands inside, of which it is only the complement; else m itself.
  int EnclosingMention(int m) const {
    if (m < 0) return m;
    const Mention& inner = a_.mentions[m];
    constexpr int kLookBack = 4;  // Mentions inside one description are few.
    for (int j = m - 1; j >= 0 && j >= m - kLookBack; --j) {
      const Mention& outer = a_.mentions[j];
      if (outer.first_token < inner.first_token && outer.end_token >= inner.end_token &&
          outer.kind != Mention::kName) {
        return j;
      }
    }
    return m;
  }

  // The name that ends right before the participle at k, over an object
  // pronoun ("lui", "leur", "nous", "vous"), or -1. Only a name, and with
  // no comma between: in "…, lui demandant" the subject goes on.
  int MentionRightBeforeAParticiple(int k) const {
    int j = k - 1;
    if (j >= 0 && (tokens_[j].norm == "lui" || tokens_[j].norm == "leur" ||
                   tokens_[j].norm == "nous" || tokens_[j].norm == "vous")) {
      --j;
    }
    if (j < 0 || tokens_[j].sentence != tokens_[k].sentence) return -1;
    const int m = a_.mention_at[j];
    if (m < 0 || a_.mentions[m].end_token != j + 1 || a_.mentions[m].kind != Mention::kName) {
      return -1;
    }
    return m;
  }

  int MentionStartingAt(int k) const {
    if (k >= static_cast<int>(tokens_.size())) return -1;
    int m = a_.mention_at[k];
    if (m < 0 || a_.mentions[m].first_token != k) return -1;
    return PreferName(m);
  }

  // A role in apposition with a name is spoken of by the name.
  int PreferName(int m) const {
    const Mention& mention = a_.mentions[m];
    if (mention.kind != Mention::kName && mention.apposed >= 0 &&
        a_.mentions[mention.apposed].kind == Mention::kName) {
      return mention.apposed;
    }
    return m;
  }

  int InvertedSubject(const Cue& cue) const {
    int clitic = cue.clitic_token;
    if (clitic < 0) return -1;
    // "reconnaissait-on à Washington": the place speaks; "a-t-on appris de
    // source diplomatique", "auprès du ministère", "dans l'entourage du
    // ministre": the source named there.
    if (tokens_[clitic].norm == "on") {
      int k = cue.end_token;
      const int n = static_cast<int>(tokens_.size());
      // "a-t-on indiqué jeudi à l'Élysée": a day or an adverb between.
      for (int skipped = 0; skipped < 2 && k < n; ++skipped) {
        const int len = lex_.AdverbOrTimeAt(tokens_, k);
        if (len == 0) break;
        k += len;
      }
      if (k >= n) return -1;
      const Norm& next = tokens_[k].norm;
      if (next == "à" || next == "au" || next == "dans") {
        int m = MentionStartingAt(k + 1);
        // "fait-on savoir au ministère de l'Enseignement supérieur": the
        // body's mention keeps its "au".
        if (m < 0 && next == "au") m = MentionStartingAt(k);
        if (m >= 0 && (a_.mentions[m].kind == Mention::kName ||
                       (a_.mentions[m].kind == Mention::kDescription && (next == "dans" || a_.mentions[m].is_org)))) {
          return m;
        }
      }
      // "explique-t-on chez Renault": the firm named there.
      if (next == "chez" && k + 1 < n) {
        const int m = MentionStartingAt(k + 1);
        if (m >= 0 && a_.mentions[m].kind == Mention::kName) return m;
      }
      // "estime-t-on au siège de l'Otan", "du côté de Renault": the body
      // whose seat or side it is.
      if (k + 3 < n && ((next == "au" && tokens_[k + 1].norm == "siège") ||
                        (next == "du" && tokens_[k + 1].norm == "côté"))) {
        const Norm& de = tokens_[k + 2].norm;
        int m = -1;
        if (de == "de" || de == "d'") m = MentionStartingAt(k + 3);
        if (de == "du" || de == "des") m = MentionStartingAt(k + 2);
        if (m >= 0 && (a_.mentions[m].kind == Mention::kName || a_.mentions[m].is_org)) return m;
      }
      if (next == "de") {
        int m = MentionStartingAt(k);
        if (m < 0) m = MentionStartingAt(k + 1);
        if (m >= 0 && a_.mentions[m].kind == Mention::kDescription) return m;
      }
      if (next == "auprès" && k + 1 < n) {
        int m = MentionStartingAt(k + 1);  // "du ministère": the article is part of it.
        if (m < 0) m = MentionStartingAt(k + 2);
        if (m >= 0) return m;
      }
      return -1;
    }
    return a_.mention_at[clitic];
  }

  // Walks back from the verb over adverbs, object pronouns, parentheses and
  // relative clauses to the mention that ends right there. Sets *blocked
  // when the clause starts right before the verb (a postposed subject).
  int PreposedSubject(const Cue& cue, bool* blocked) const {
    int k = cue.first_token - 1;
    const int start = SentenceStart(cue.first_token);
    *blocked = false;
    // "il m'a dit": someone speaks in the first person (an interview
    // answer, a witness), and "il" is someone else than that speaker, whom
    // the last-speaker rule would pick. Only a subject that names its
    // person is taken then.
    bool first_person_object = false;
    // "une « bonne nouvelle » dont se félicitait le commissaire", "Une
    // position que conteste la députée": after "dont" or "que" right
    // before it, the subject follows the verb.
    {
      int before = k;
      if (before >= start && (tokens_[before].norm == "se" || tokens_[before].norm == "s'")) --before;
      if (before >= start && (tokens_[before].norm == "dont" || tokens_[before].norm == "que" ||
                              tokens_[before].norm == "qu'")) {
        *blocked = true;
        return -1;
      }
      // "Comme l'a rappelé Paul Girard", "comme le souligne la ministre":
      // the subject follows the verb there too.
      int comme = k;
      if (comme >= start && (tokens_[comme].norm == "l'" || tokens_[comme].norm == "le")) --comme;
      if (comme >= start && tokens_[comme].norm == "comme") {
        *blocked = true;
        return -1;
      }
    }
    while (k >= start) {
      const Token& t = tokens_[k];
      int len = lex_.words(cues::WordClass::kAdverb).LongestEndingAt(tokens_, k + 1);
      if (len == 0) len = lex_.words(cues::WordClass::kTime).LongestEndingAt(tokens_, k + 1);
      if (len > 0 && a_.mention_at[k] < 0) {
        k -= len;
        continue;
      }
      if (t.type == Token::kWord &&
          (t.norm == "l'" || t.norm == "le" || t.norm == "la" || t.norm == "les" ||
           t.norm == "lui" || t.norm == "leur" || t.norm == "y" || t.norm == "en" ||
           t.norm == "me" || t.norm == "m'" || t.norm == "te" || t.norm == "t'" ||
           t.norm == "ne" || t.norm == "n'" || t.norm == "-")) {
        if (a_.mention_at[k] < 0) {
          if (t.norm == "me" || t.norm == "m'" || t.norm == "te" || t.norm == "t'") first_person_object = true;
          --k;
          continue;
        }
      }
      // "« … », nous a confié le vieil homme": "nous" or "vous" before a
      // verb not of their person is its object (the paper, the reader).
      if ((t.norm == "nous" || t.norm == "vous") && k + 1 == cue.first_token &&
          a_.mention_at[k] < 0) {
        const std::string& verb = tokens_[cue.first_token].norm.str();
        const bool own_person = verb.size() > 3 && (verb.compare(verb.size() - 3, 3, "ons") == 0 ||
                                                    verb.compare(verb.size() - 2, 2, "ez") == 0);
        if (!own_person) {
          --k;
          continue;
        }
      }
      if (t.norm == ")") {
        // "la Ligue des droits de l'homme (LDH), qui …, avait dénoncé": a
        // body's mention that holds its short name ends there.
        const int body = a_.mention_at[k];
        if (body >= 0 && a_.mentions[body].end_token == k + 1 &&
            a_.mentions[body].first_token < k - 2 && a_.mentions[body].is_org &&
            a_.mentions[body].short_name_token >= 0) {
          return body;
        }
        // "Le Haut Commissariat des Nations unies pour les réfugiés (HCR) a
        // rappelé": the short name in brackets that ends the subject.
        if (k - 2 >= start && tokens_[k - 2].norm == "(" && tokens_[k - 1].all_caps) {
          const int acronym = a_.mention_at[k - 1];
          if (acronym >= 0 && a_.mentions[acronym].first_token == k - 1 &&
              a_.mentions[acronym].end_token == k && a_.mentions[acronym].kind == Mention::kName &&
              k - 3 >= start && a_.mention_at[k - 3] < 0 && tokens_[k - 3].type == Token::kWord) {
            return acronym;
          }
        }
        int depth = 0;
        while (k >= start) {
          if (tokens_[k].norm == ")") ++depth;
          if (tokens_[k].norm == "(" && --depth == 0) break;
          --k;
        }
        --k;
        continue;
      }
      if (t.norm == "-" || t.norm == "\xE2\x80\x94" || t.norm == "\xE2\x80\x93") {
        // "M. Mattis -qui a été commandant ...- a discuté": skip to the dash that opened it.
        int open = k - 1;
        while (open >= start && tokens_[open].norm != t.norm) --open;
        if (open >= start) {
          k = open - 1;
          continue;
        }
        *blocked = true;
        return -1;
      }
      if (t.norm == ",") {
        const int labelled = NameBeforeAppositionWithALabel(k, start);
        if (labelled >= 0) return labelled;
        // ", qui ..., a dit": skip the relative clause; "X, secrétaire
        // général de l'Otan, a dit": the apposition names the subject.
        int open = k - 1;
        while (open >= start && tokens_[open].norm != "," && tokens_[open].type != Token::kQuote) {
          --open;
        }
        int first = open + 1;
        // "Mme Ferrand, elle, promet": a stressed pronoun repeats the subject.
        bool stressed = k - first == 1 &&
                        (tokens_[first].norm == "elle" || tokens_[first].norm == "lui" ||
                         tokens_[first].norm == "eux" || tokens_[first].norm == "elles");
        // "Olaf Scholz, à qui plusieurs sources attribuent l'idée, s'est
        // contenté": a relative clause after a preposition, skipped too.
        const bool relative_after_preposition = first + 1 < k &&
                                                lex_.Is(cues::WordClass::kPreposition, tokens_[first]) &&
                                                lex_.Is(cues::WordClass::kRelative, tokens_[first + 1]);
        if (first < k && (stressed || lex_.Is(cues::WordClass::kRelative, tokens_[first]) || relative_after_preposition ||
                          lex_.words(cues::WordClass::kAdverb).LongestAt(tokens_, first, nullptr) == k - first)) {
          k = open - 1;
          if (open >= start && tokens_[open].norm == ",") continue;
          *blocked = true;
          return -1;
        }
        int m = k - 1 >= start ? a_.mention_at[k - 1] : -1;
        if (m >= 0 && a_.mentions[m].end_token == k && !QuoteBefore(k)) {
          const Mention& mention = a_.mentions[m];
          // "X, secrétaire général de l'Otan, a dit", "Un de ses
          // conseillers, Vassili Orlov, a précisé", "..., l'ex-PDG
          // d'ExxonMobil Rex Tillerson, a reconnu".
          bool person = mention.kind == Mention::kName && !mention.is_org;
          if (mention.first_token == first && (mention.apposed >= 0 || person)) {
            return PreferName(m);
          }
          const Norm& article = tokens_[first].norm;
          bool true_article = lex_.Is(cues::WordClass::kDeterminer, tokens_[first]) && article != "de" &&
                              article != "d'" && article != "du" && article != "des";
          if (person && true_article && PlainNounPhrase(first, k)) {
            return m;
          }
        }
        // "Friedrich Merz (CDU), a salué": the segment is a name and its
        // parenthesis.
        // "Thomas Giraud (liste « Saint-Vérand en commun »), a dénoncé":
        // a quoted label inside the parenthesis is part of it.
        if (k - 1 > start && tokens_[k - 1].norm == ")") {
          constexpr int kMaxParenthesis = 16;
          int open_paren = k - 1;
          while (open_paren > start && open_paren > k - kMaxParenthesis &&
                 tokens_[open_paren].norm != "(") {
            --open_paren;
          }
          if (tokens_[open_paren].norm == "(") {
            int before_paren = open_paren - 1;
            while (before_paren >= start && before_paren > open_paren - kMaxParenthesis &&
                   tokens_[before_paren].norm != "," && tokens_[before_paren].type != Token::kQuote) {
              --before_paren;
            }
            first = before_paren + 1;
          }
        }
        int segment = a_.mention_at[first];
        if (segment >= 0 && a_.mentions[segment].first_token == first &&
            a_.mentions[segment].kind == Mention::kName && !a_.mentions[segment].is_org &&
            !QuoteBefore(first) && tokens_[a_.mentions[segment].end_token].norm == "(") {
          return PreferName(segment);
        }
        // "Thomas Shannon, le diplomate de carrière qui assurait l'intérim
        // depuis janvier, a salué": an apposition, relative clause and all,
        // whose office the mention finder bound to the name before its comma.
        {
          const int office = a_.mention_at[first];
          if (office >= 0 && a_.mentions[office].first_token == first &&
              a_.mentions[office].kind != Mention::kName && open > start &&
              tokens_[open].norm == ",") {
            const int named = a_.mentions[office].apposed;
            if (named >= 0 && named < office && a_.mentions[named].kind == Mention::kName &&
                !a_.mentions[named].is_org && a_.mentions[named].end_token == open) {
              return named;
            }
          }
        }
        // "Hélène Dumoulin, rapporteure d'une mission, a déploré": an
        // apposition with no verb, after a person's name.
        if (open > start && tokens_[open].norm == "," && !QuoteBefore(k) && NoVerb(first, k)) {
          // "Inès Barraud, 39 ans, infirmière à Montargis, a accueilli":
          // her age stands between the name and the apposition.
          if (open - 3 > start && AgeEndingAt(open) && tokens_[open - 3].norm == ",") open -= 3;
          // "Le comité régional des pêches (Corepem), partie civile, dénonce":
          // the short name in brackets ends the subject, and names it.
          int subject_end = open;
          if (tokens_[open - 1].norm == ")" && a_.mention_at[open - 1] < 0 && open - 3 > start &&
              tokens_[open - 3].norm == "(") {
            const int short_name = a_.mention_at[open - 2];
            if (short_name >= 0 && a_.mentions[short_name].kind == Mention::kName &&
                a_.mentions[short_name].first_token == open - 2 && a_.mention_at[open - 4] >= 0) {
              return short_name;
            }
            subject_end = open - 3;
          }
          int before = a_.mention_at[subject_end - 1];
          if (before >= 0 && a_.mentions[before].end_token == subject_end) {
            const Mention& mention = a_.mentions[before];
            // A description or a body too when it opens the sentence: "Son
            // successeur, encore en attente de confirmation, a promis", "Le
            // Corepem, partie civile, dénonce".
            if ((mention.kind == Mention::kName && !mention.is_org) ||
                mention.kind == Mention::kRole ||
                ((mention.kind == Mention::kDescription || mention.kind == Mention::kName) &&
                 (mention.apposed >= 0 || mention.first_token == start))) {
              return PreferName(before);
            }
          }
        }
        const int described = NameBeforeAParticipialApposition(open, start);
        if (described >= 0) return described;
        const int antecedent = AntecedentOfALongRelativeClause(k, start, cue.end_token);
        if (antecedent >= 0) return antecedent;
        *blocked = true;
        return -1;
      }
      // "celui que la presse a surnommé « T-Rex » a refusé": the nickname
      // ends a relative clause whose antecedent is the subject.
      if (t.type == Token::kQuote) {
        const int nicknamed = NicknamedBefore(k, start);
        if (nicknamed >= 0) return nicknamed;
      }
      if (t.type == Token::kQuote || t.type == Token::kPunct) {
        *blocked = true;
        return -1;
      }
      if (lex_.Is(cues::WordClass::kRelative, t) && t.norm == "qui") {
        // "X, qui a déclaré": the antecedent.
        int j = k - 1;
        if (j >= start && tokens_[j].norm == ",") --j;
        if (j >= start && a_.mention_at[j] >= 0) {
          const int m = a_.mention_at[j];
          // "Un professeur du collège, syndiqué au Snes-FSU, qui a requis
          // l'anonymat": a mention inside an adjunct ("au", "du" or after
          // a preposition) is not the antecedent; the noun phrase before
          // the adjunct's comma is.
          const int first = a_.mentions[m].first_token;
          const Norm& opening = tokens_[first].norm;
          const bool in_adjunct =
              opening == "au" || opening == "aux" ||
              (first - 1 >= start && lex_.Is(cues::WordClass::kPreposition, tokens_[first - 1]));
          if (in_adjunct) {
            int comma = first - 1;
            while (comma > start && tokens_[comma].norm != "," && comma > first - 8) --comma;
            if (comma > start && tokens_[comma].norm == ",") {
              const int head = a_.mention_at[comma - 1];
              if (head >= 0 && a_.mentions[head].end_token == comma) return PreferName(head);
            }
          }
          return PreferName(m);
        }
        return -1;
      }
      int m = a_.mention_at[k];
      if (m >= 0) {
        // A prepositional object is not the subject: "Un diplomate en poste
        // à Moscou juge": skip the adjunct back to the noun it qualifies.
        // "depuis son passage au ministère des X a promis": "au" opening
        // the mention governs it as well.
        int before = a_.mentions[m].first_token - 1;
        if (before >= start && GovernedByAPreposition(a_.mentions[m], start)) {
          const Norm& opening = tokens_[a_.mentions[m].first_token].norm;
          int j = opening == "au" || opening == "aux" ? before : before - 1;
          for (int steps = 0; j >= start && steps < 4; ++steps, --j) {
            const Token& w = tokens_[j];
            if (w.type != Token::kWord || w.capitalized) break;
            if (lex_.AuxiliaryOf(w.norm) != nullptr || lex_.Is(cues::WordClass::kRelative, w)) break;
            int owner = a_.mention_at[j];
            if (owner >= 0 && a_.mentions[owner].end_token == j + 1) {
              const Mention& candidate = a_.mentions[owner];
              bool person = (candidate.kind == Mention::kName && !candidate.is_org) ||
                            candidate.kind == Mention::kRole ||
                            candidate.kind == Mention::kDescription;
              return person ? PreferName(owner) : -1;
            }
          }
          return -1;
        }
        if (first_person_object && a_.mentions[m].kind == Mention::kPronoun) return -1;
        if (a_.mentions[m].kind == Mention::kPronoun && tokens_[k].norm == "on") {
          const int place = PlaceOpeningTheSentenceBefore(k, start);
          if (place >= 0) return place;
        }
        // "Tillerson et Kelly promettent": two people share the verb, and
        // which of them said the words is not written here.
        if (CoordinatedWithAPersonBefore(a_.mentions[m], start)) {
          *blocked = true;
          return -1;
        }
        return PreferName(m);
      }
      return DescribedByAParticipleBefore(k, start);
    }
    *blocked = true;
    return -1;
  }

  // "Au Kremlin, on se félicitait", "À l'Élysée, on assure": the
  // institution that opens the sentence speaks through the "on" right
  // after its comma.
  // "Du côté de l'ARS, on défend …": any organisation, since the words
  // say it is a party speaking.
  int PlaceOpeningTheSentenceBefore(int on, int start) const {
    const int comma = on - 1;
    if (comma - 1 <= start || tokens_[comma].norm != ",") return -1;
    const int m = a_.mention_at[comma - 1];
    if (m < 0 || a_.mentions[m].end_token != comma) return -1;
    const int first = a_.mentions[m].first_token;
    // "Dans l'entourage du ministre, on assure": a group a singular noun
    // names (a source_noun of plural number), after "dans".
    const Mention& place = a_.mentions[m];
    const cues::WordFeatures* noun = lex_.FeaturesOf(cues::WordClass::kSourceNoun, place.head);
    if (place.kind == Mention::kDescription && noun != nullptr && noun->plural) {
      return tokens_[start].norm == "dans" && first == start + 1 ? m : -1;
    }
    // "De source policière, on indique": the source the partitive names.
    if (place.kind == Mention::kDescription && noun != nullptr && first == start &&
        (tokens_[start].norm == "de" || tokens_[start].norm == "d'")) {
      return m;
    }
    if (!place.is_org) return -1;
    if (start + 3 < comma && tokens_[start].norm == "du" && tokens_[start + 1].norm == "côté" &&
        (first == start + 2 ||
         (first == start + 3 &&
          (tokens_[start + 2].norm == "de" || tokens_[start + 2].norm == "d'" ||
           tokens_[start + 2].norm == "du" || tokens_[start + 2].norm == "des")))) {
      return m;
    }
    // An institution the base knows: "À Marseille, on attend" is the
    // townspeople, not the town hall; or one a body noun heads: "Au
    // ministère de l'Intérieur, on parle d'…", "À la préfecture, on".
    const bool known = place.kind == Mention::kName && !place.speakers.empty();
    const bool body = place.kind == Mention::kDescription && !place.plural &&
                      lex_.FeaturesOf(cues::WordClass::kBodyNoun, place.head) != nullptr;
    if (!known && !body) return -1;
    const Norm& opening = tokens_[start].norm;
    const bool introduced = opening == "à" || opening == "au" || opening == "aux" || opening == "chez";
    return introduced && (first == start || first == start + 1 || (body && first == start + 2))
               ? m
               : -1;
  }

  // Whether "X et" stands right before the mention, X a person named or
  // described.
  bool CoordinatedWithAPersonBefore(const Mention& mention, int start) const {
    const int and_token = mention.first_token - 1;
    if (mention.is_org || and_token - 1 < start || tokens_[and_token].norm != "et") return false;
    const int before = a_.mention_at[and_token - 1];
    if (before < 0 || a_.mentions[before].end_token != and_token) return false;
    const Mention& other = a_.mentions[before];
    return !other.is_org && (other.kind == Mention::kName || other.kind == Mention::kRole ||
                             other.kind == Mention::kEpithet);
  }

  // "Une bénévole postée au col a affirmé": a person's description, then a
  // past participle and its adjunct with no comma, ending at token k
  // right before the verb.
  int DescribedByAParticipleBefore(int k, int start) const {
    constexpr int kMaxAdjunct = 6;
    for (int j = k; j > start && j > k - kMaxAdjunct; --j) {
      const Token& w = tokens_[j];
      if (w.type != Token::kWord || w.capitalized || a_.mention_at[j] >= 0 ||
          lex_.AuxiliaryOf(w.norm) != nullptr || lex_.Is(cues::WordClass::kRelative, w)) {
        return -1;
      }
      const int owner = a_.mention_at[j - 1];
      if (owner < 0 || a_.mentions[owner].end_token != j) continue;
      const Mention& described = a_.mentions[owner];
      if (described.kind != Mention::kDescription || described.is_org || !LooksLikeAParticiple(w.norm.str())) {
        return -1;
      }
      return owner;
    }
    return -1;
  }

  static bool LooksLikeAParticiple(const std::string& w) {
    for (std::string_view ending : {"é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues"}) {
      if (w.size() > ending.size() + 2 && w.compare(w.size() - ending.size(), ending.size(), ending) == 0) {
        return true;
      }
    }
    return false;
  }

  // "Nicolas Sarkozy, qui tenait à ce que la dissuasion reste, selon ses
  // mots, « la garantie ultime », a jugé": a relative clause with commas
  // and quotations of its own between a person and the verb, whose comma
  // is at k. The person must open the sentence (or follow its dateline).
  // Not when a subject follows the verb: in "Donald Trump, qui doit
  // décider …, « a été assez clair », a souligné le chef de la diplomatie"
  // the clause after the relative one is Trump's, and the verb has its own
  // subject after it.
  int AntecedentOfALongRelativeClause(int k, int start, int verb_end) const {
    constexpr int kMaxClause = 40;
    if (verb_end < static_cast<int>(tokens_.size()) && a_.mention_at[verb_end] >= 0) return -1;
    for (int r = k - 1; r > start && r >= k - kMaxClause; --r) {
      if (tokens_[r].norm != "qui" || tokens_[r - 1].norm != ",") continue;
      const int m = a_.mention_at[r - 2 >= start ? r - 2 : start];
      if (r - 2 < start || m < 0 || a_.mentions[m].end_token != r - 1) return -1;
      const Mention& mention = a_.mentions[m];
      // An organisation speaks too: "La FCPE, qui a recensé …, réclame".
      const bool speaker = mention.kind == Mention::kName || mention.kind == Mention::kRole;
      if (!speaker || mention.first_token != start) return -1;
      return PreferName(m);
    }
    return -1;
  }

  // "Erwan Kerdraon, élu de la liste « Plouvenec demain », a dénoncé": an
  // apposition without a verb that ends on a quoted label woven into it,
  // after a person's name; the comma closing it is at k. Only when nothing
  // is quoted before the name, so that an incise is never taken for it.
  int NameBeforeAppositionWithALabel(int k, int start) const {
    const int label = k - 1;
    if (label - 1 <= start || tokens_[label].type != Token::kQuote ||
        tokens_[label - 1].type != Token::kWord) {
      return -1;
    }
    constexpr int kMaxApposition = 24;  // As NoVerb allows.
    int open = label - 1;
    while (open >= start && open > label - kMaxApposition && tokens_[open].norm != "," &&
           tokens_[open].type != Token::kQuote) {
      --open;
    }
    if (open <= start || tokens_[open].norm != "," || !NoVerb(open + 1, label)) return -1;
    const int before = a_.mention_at[open - 1];
    if (before < 0 || a_.mentions[before].end_token != open || QuoteBefore(open)) return -1;
    const Mention& mention = a_.mentions[before];
    if (mention.kind != Mention::kName || mention.is_org) return -1;
    return PreferName(before);
  }

  // A quotation earlier in the clause of token k; "tandis que", "alors
  // que" or a semicolon open a new clause ("« … », a dit X, tandis que le
  // maire, Jean Morel, appelait …").
  // "le président de l'association « Cœur de Saint-Géréon », Didier
  // Rousseau, se dit": quotation marks right after the noun of a body or a
  // work, around a capitalised name, hold that name, not anyone's words.
  bool NameOfTheNounBefore(int quote_token) const {
    const Token& mark = tokens_[quote_token];
    if (mark.quote < 0 || quote_token == 0) return false;
    const std::string& text = a_.quotes[mark.quote].text;
    if (text.empty() || !(std::isupper(static_cast<unsigned char>(text[0])) || (text[0] & 0x80))) return false;
    const Token& noun = tokens_[quote_token - 1];
    return noun.type == Token::kWord &&
           (lex_.Is(cues::WordClass::kBodyNoun, noun) || lex_.Is(cues::WordClass::kOrgAnaphor, noun) ||
            lex_.Is(cues::WordClass::kWorkNoun, noun));
  }

  bool QuoteBefore(int k) const {
    const int start = SentenceStart(k);
    // Bounded: past that, any quotation of the sentence counts, found from
    // its start, so that a sentence of thousands of cues stays linear.
    constexpr int kMaxClauseLookBack = 48;
    for (int j = k - 1; j >= start; --j) {
      if (k - j > kMaxClauseLookBack) {
        for (int f = start; f < j; ++f) {
          if (tokens_[f].type == Token::kQuote) return true;
        }
        return false;
      }
      const Token& t = tokens_[j];
      if (t.type == Token::kQuote && !NameOfTheNounBefore(j)) return true;
      if (t.norm == ";" || ((t.norm == "que" || t.norm == "qu'") && j > start &&
                            (tokens_[j - 1].norm == "tandis" || tokens_[j - 1].norm == "alors" ||
                             tokens_[j - 1].norm == "pendant" || tokens_[j - 1].norm == "avant" ||
                             tokens_[j - 1].norm == "après"))) {
        return false;
      }
    }
    return false;
  }

  // The mention "celui" or "celle" that opens, a few words before the
  // quotation at token k, a clause giving a nickname (its head says so,
  // from the mention finder), or -1.
  int NicknamedBefore(int k, int start) const {
    constexpr int kMaxClause = 10;
    for (int j = k - 1; j >= start && j >= k - kMaxClause; --j) {
      if (tokens_[j].type != Token::kWord) return -1;
      const int m = a_.mention_at[j];
      if (m >= 0 && a_.mentions[m].first_token == j && a_.mentions[m].kind == Mention::kPronoun &&
          a_.mentions[m].head == "protagoniste") {
        return m;
      }
    }
    return -1;
  }

  // An apposition: words, none of them a verb, an auxiliary or a relative.
  // "La ministre, Ursula von der Leyen, à l'origine du projet avec son
  // homologue, Ismet Yilmaz, s'est félicitée": a participle of "être" that
  // agrees with a woman is not the verb of the man named right before it;
  // the sentence's subject, a woman, is its subject.
  bool AgreesWithTheMainSubject(const Cue& cue, int subject, int main) const {
    if (a_.mentions[subject].gender != 'm') return false;
    if (main < 0 || main == subject || a_.mentions[main].gender != 'f' ||
        a_.mentions[main].first_token > a_.mentions[subject].first_token) {
      return false;
    }
    bool etre = false, feminine = false;
    for (int k = cue.first_token; k < cue.end_token; ++k) {
      const Norm& w = tokens_[k].norm;
      const cues::AuxiliaryForm* aux = lex_.AuxiliaryOf(w);
      if (w == "s'" || w == "se" ||
          (aux != nullptr && aux->auxiliary == "être" && (aux->tense == "present" || aux->tense == "imparfait"))) {
        etre = true;
      }
      const std::string_view word = w.str();
      if (word.size() > 4 && (word.substr(word.size() - 3) == "\xC3\xA9""e" || word.substr(word.size() - 4) == "\xC3\xA9""es")) {
        feminine = true;
      }
    }
    return etre && feminine;
  }

  // "Le ministre russe, Sergueï Lavrov, arrivé de Washington où Donald
  // Trump l'avait reçu la veille, a salué": an apposition that opens on a
  // past participle describes the person named right before its comma,
  // whatever clauses it holds, when that person opens the sentence.
  int NameBeforeAParticipialApposition(int open, int start) const {
    if (open <= start || tokens_[open].norm != ",") return -1;
    const Token& first = tokens_[open + 1];
    if (first.type != Token::kWord || first.capitalized || !EndsLikeAPastParticiple(first.norm)) return -1;
    const int m = a_.mention_at[open - 1];
    if (m < 0 || a_.mentions[m].end_token != open) return -1;
    const Mention& mention = a_.mentions[m];
    if (!((mention.kind == Mention::kName && !mention.is_org) || mention.kind == Mention::kRole)) return -1;
    int opening = mention.first_token;
    if (mention.apposed >= 0) opening = std::min(opening, a_.mentions[mention.apposed].first_token);
    return opening == start || opening == AfterDateline(a_.sentences[tokens_[start].sentence]) ? PreferName(m) : -1;
  }

  static bool EndsLikeAPastParticiple(const Norm& word) {
    const std::string_view w = word.str();
    for (std::string_view ending : {"\xC3\xA9", "\xC3\xA9""e", "\xC3\xA9s", "\xC3\xA9""es", "u", "ue", "us", "ues",
                                    "i", "ie", "is", "ies"}) {
      if (w.size() > ending.size() + 2 && w.substr(w.size() - ending.size()) == ending) return true;
    }
    return false;
  }

  bool NoVerb(int first, int end) const {
    if (first >= end || end - first > 24) return false;
    for (int j = first; j < end; ++j) {
      const Token& t = tokens_[j];
      // "l'avocat du prévenu": a word inside a noun phrase the mention
      // finder kept is a noun, whatever verb it could also spell.
      if (j > first && a_.mention_at[j] >= 0 && a_.mentions[a_.mention_at[j]].kind != Mention::kPronoun) continue;
      if (t.type == Token::kQuote || lex_.Is(cues::WordClass::kRelative, t) || lex_.Is(cues::WordClass::kPronoun, t)) return false;
      if (t.type == Token::kPunct && t.norm != "(" && t.norm != ")" && t.norm != "-") return false;
      if (lex_.FormsOf(t.norm) != nullptr || lex_.AuxiliaryOf(t.norm) != nullptr) return false;
    }
    return true;
  }

  // Words with no preposition but "de": "l'ex-PDG d'ExxonMobil Rex Tillerson".
  bool PlainNounPhrase(int first, int end) const {
    for (int j = first + 1; j < end; ++j) {
      const Token& t = tokens_[j];
      if (t.type != Token::kWord) return false;
      if (lex_.Is(cues::WordClass::kPreposition, t) && t.norm != "de" && t.norm != "d'" && t.norm != "du") {
        return false;
      }
      if (lex_.FormsOf(t.norm) != nullptr || lex_.AuxiliaryOf(t.norm) != nullptr) return false;
    }
    return true;
  }

  // "a affirmé mardi matin à Varsovie le chef de l'Alliance":
  // skips time words and prepositional phrases to the first mention.
  int PostposedSubject(int k, int end) const {
    int limit = std::min(end, k + 16);
    while (k < limit) {
      const Token& t = tokens_[k];
      if (t.type == Token::kQuote || t.norm == "que" || t.norm == "qu'" || t.norm == ":" ||
          t.norm == ";" || t.norm == ".") {
        return -1;
      }
      int len = lex_.AdverbOrTimeAt(tokens_, k);
      if (len > 0 && a_.mention_at[k] < 0) {
        k += len;
        continue;
      }
      if (t.norm == ",") {
        ++k;
        continue;
      }
      // "a écrit sur X (ex-Twitter) Emmanuel Macron": an aside in brackets.
      if (t.norm == "(") {
        int close = k + 1;
        while (close < limit && tokens_[close].norm != ")" &&
               tokens_[close].type != Token::kQuote) {
          ++close;
        }
        if (close >= limit || tokens_[close].norm != ")") return -1;
        k = close + 1;
        continue;
      }
      len = lex_.words(cues::WordClass::kPreposition).LongestAt(tokens_, k, nullptr);
      if (len > 0 && a_.mention_at[k] < 0) {
        k = SkipPhraseAfterPreposition(k + len, limit);
        continue;
      }
      int m = a_.mention_at[k];
      if (m >= 0 && a_.mentions[m].first_token == k) {
        // "a mis en garde ce dernier"; a plain pronoun here is an object.
        if (a_.mentions[m].kind == Mention::kPronoun && a_.mentions[m].head != "dernier") {
          return -1;
        }
        return PreferName(m);
      }
      if (t.type == Token::kWord && t.type != Token::kPunct && !t.capitalized) {
        ++k;  // A lowercase word of an adjunct: "dans une déclaration".
        continue;
      }
      return -1;
    }
    return -1;
  }

  // After "sur": "sa page Facebook" — a determiner, lowercase words, and
  // at most one name belong to the adjunct.
  int SkipPhraseAfterPreposition(int k, int limit) const {
    // "à l'issue du Conseil des ministres": a mention that took the
    // preposition's contracted article is its object.
    if (k < limit && a_.mention_at[k] >= 0 && a_.mentions[a_.mention_at[k]].first_token < k) {
      return a_.mentions[a_.mention_at[k]].end_token;
    }
    // "dénonce dans un communiqué « … »": a description opening on its
    // determiner right after the preposition is the preposition's object.
    if (k < limit && lex_.Is(cues::WordClass::kDeterminer, tokens_[k]) && a_.mention_at[k] >= 0) {
      const Mention& object = a_.mentions[a_.mention_at[k]];
      if (object.first_token == k && object.kind != Mention::kName) return object.end_token;
    }
    if (k < limit && lex_.Is(cues::WordClass::kDeterminer, tokens_[k]) && a_.mention_at[k] < 0) ++k;
    bool named = false;
    while (k < limit) {
      const Token& t = tokens_[k];
      if (t.type != Token::kWord) break;
      int m = a_.mention_at[k];
      if (m >= 0) {
        if (named) break;
        const Mention& mention = a_.mentions[m];
        if (mention.first_token != k) break;
        // A determiner opens the subject: "à Istanbul le patron de l'Otan";
        // so does a first name after the adjunct's noun: "à la sortie Anna Weber".
        if (lex_.Is(cues::WordClass::kDeterminer, tokens_[k]) && mention.kind != Mention::kName) break;
        if (k > 0 && !tokens_[k - 1].capitalized && tokens_[k - 1].type == Token::kWord &&
            !lex_.Is(cues::WordClass::kPreposition, tokens_[k - 1]) && !lex_.Is(cues::WordClass::kDeterminer, tokens_[k - 1]) &&
            (mention.gender != 0 || lex_.words(cues::WordClass::kTitle).LongestAt(tokens_, k, nullptr) > 0)) {
          break;
        }
        named = true;
        k = mention.end_token;
        continue;
      }
      if (t.capitalized || lex_.Is(cues::WordClass::kDeterminer, t) || lex_.Is(cues::WordClass::kTitle, t)) break;
      if (t.norm == "de" || t.norm == "d'" || t.norm == "du" || t.norm == "des") {
        ++k;
        continue;
      }
      if (named) break;
      ++k;
    }
    return k;
  }

  // The first mention of a sentence standing before any verb: skips an
  // introductory adjunct ending with a comma ("Vendredi, M. Tillerson").
  // Where a paragraph's first sentence starts after its dateline: "Tours
  // (Indre-et-Loire) - Martine Boisseau part ...", "Moscou, 12 avril 2017
  // (AFP) - Le secrétaire d'État ...". Only capitalised words, numbers,
  // months and punctuation may stand before the dash.
  int AfterDateline(const Sentence& s) const {
    const int first = s.first_token;
    if (!tokens_[first].line_start) return first;
    const int limit = std::min(s.end_token - 1, first + 14);
    for (int k = first; k < limit; ++k) {
      const Token& t = tokens_[k];
      const bool dash = t.norm == "-" || t.norm == "\xE2\x80\x93" || t.norm == "\xE2\x80\x94";
      if (dash) return k > first ? k + 1 : first;
      if (t.type == Token::kQuote) return first;
      if (t.type == Token::kWord && !t.capitalized && !IsDigitWord(t.norm) && !IsMonth(t.norm)) {
        return first;
      }
    }
    return first;
  }

  // "39 ans" right before token k, with a token before it.
  bool AgeEndingAt(int k) const {
    return k >= 3 && tokens_[k - 1].norm == "ans" && IsDigitWord(tokens_[k - 2].norm);
  }

  static bool IsDigitWord(const Norm& w) {
    return !w.empty() && w[0] >= '0' && w[0] <= '9';
  }

  // Lengths known at compile time: every word of a sentence's start is asked.
  static bool IsMonth(const Norm& w) {
    static constexpr std::string_view kMonths[] = {"janvier", "février", "mars", "avril", "mai", "juin",
                                          "juillet", "août", "septembre", "octobre", "novembre",
                                          "décembre", "er",
                                          // Agency abbreviations: "29 sept 2022 (AFP)".
                                          "janv", "févr", "fév", "avr", "juil", "sept", "oct",
                                          "nov", "déc"};
    for (std::string_view month : kMonths) {
      if (NormEquals(w, month)) return true;
    }
    return false;
  }

  int MainSubject(const Sentence& s) const {
    const int start = AfterDateline(s);
    int k = start;
    int limit = std::min(s.end_token, k + 40);
    for (; k < limit; ++k) {
      int m = a_.mention_at[k];
      if (m < 0) continue;
      const Mention& mention = a_.mentions[m];
      int before = mention.first_token - 1;
      // "Dans un essai, l'historien Markus Feldmann retrace": a title noun
      // with its article stands before the name.
      if (before - 1 >= start && mention.kind == Mention::kName &&
          tokens_[before].type == Token::kWord && !tokens_[before].capitalized &&
          lex_.Is(cues::WordClass::kDeterminer, tokens_[before - 1]) &&
          (before - 1 == start || tokens_[before - 2].norm == ",")) {
        return PreferName(m);
      }
      const bool after_preposition = GovernedByAPreposition(mention, start);
      bool clause_start = before < start || tokens_[before].norm == "," ||
                          tokens_[before].norm == ":" || tokens_[before].type == Token::kQuote ||
                          lex_.words(cues::WordClass::kAdverb).LongestEndingAt(tokens_, before + 1) > 0;
      // "… par le directeur de la CIA, Mike Pompeo, l'ancien PDG …": a name
      // in apposition to a mention that a preposition governs is governed
      // too, whatever its comma.
      const bool apposed_to_an_object = mention.apposed >= 0 && mention.apposed < m &&
                                        ObjectOfAPreposition(a_.mentions[mention.apposed], start);
      if (!after_preposition && clause_start && !apposed_to_an_object) {
        const int named = NameAtTheEndOfAnAppositionChain(m);
        return named >= 0 ? named : PreferName(m);
      }
      k = mention.end_token - 1;
    }
    return -1;
  }

  // "Son prédécesseur aux Finances, le chef du Parti du centre, Trygve
  // Slagsvold Vedum, a quitté …": a description with no name of its own,
  // then between commas an office and the name apposed to it: that name.
  int NameAtTheEndOfAnAppositionChain(int m) const {
    const Mention& head = a_.mentions[m];
    if (head.kind == Mention::kName || head.kind == Mention::kPronoun || head.apposed >= 0 ||
        head.is_org) {
      return -1;
    }
    // Its complements, which the mention finder may have left as mentions
    // of their own ("aux Finances").
    const int n = static_cast<int>(tokens_.size());
    int k = head.end_token;
    constexpr int kMaxComplement = 4;
    while (k < n && k < head.end_token + kMaxComplement && tokens_[k].norm != "," &&
           a_.mention_at[k] >= 0) {
      ++k;
    }
    if (k + 1 >= n || tokens_[k].norm != ",") return -1;
    const int office = a_.mention_at[k + 1];
    if (office < 0 || a_.mentions[office].first_token != k + 1 ||
        a_.mentions[office].kind == Mention::kName || a_.mentions[office].apposed <= office) {
      return -1;
    }
    const Mention& name = a_.mentions[a_.mentions[office].apposed];
    if (name.kind != Mention::kName || name.is_org || name.end_token >= n ||
        tokens_[name.end_token].norm != ",") {
      return -1;
    }
    return a_.mentions[office].apposed;
  }

  // A preposition before `mention` (not before a pronoun), or "au", "aux"
  // opening it: "Au CHU de Reims, le Pr X ..." holds its own preposition.
  bool GovernedByAPreposition(const Mention& mention, int start) const {
    const int before = mention.first_token - 1;
    const Norm& opening = tokens_[mention.first_token].norm;
    return (before >= start && lex_.Is(cues::WordClass::kPreposition, tokens_[before]) &&
            mention.kind != Mention::kPronoun) ||
           opening == "au" || opening == "aux";
  }

  // An office the clause's verb cannot have as subject: governed by a
  // preposition, or opening on "du", "des" ("… par le directeur", "du
  // nouveau secrétaire général").
  bool ObjectOfAPreposition(const Mention& office, int start) const {
    const Norm& opening = tokens_[office.first_token].norm;
    return GovernedByAPreposition(office, start) || opening == "du" || opening == "des";
  }

  const cues::Lexicon& lex_;
  const Analysis& a_;
  const std::vector<Token>& tokens_;
};

}  // namespace

int TopicBeforePronoun(const Analysis& analysis, int pronoun_token) {
  const std::vector<Token>& tokens = analysis.tokens;
  const int comma = pronoun_token - 1;
  if (comma < 1 || tokens[comma].norm != ",") return -1;
  // The topic's comma, up to a short apposition back.
  constexpr int kMaxApposition = 12;
  const int start = analysis.sentences[tokens[comma].sentence].first_token;
  for (int end = comma; end > start && end >= comma - kMaxApposition; --end) {
    if (tokens[end].norm != ",") continue;
    const int m = analysis.mention_at[end - 1];
    if (m < 0 || analysis.mentions[m].end_token != end) continue;
    const int first = analysis.mentions[m].first_token;
    // "quant au" carries the article: the mention may start at "au".
    const Norm& opening = tokens[first].norm;
    if (opening == "au" || opening == "aux") return first >= 1 && tokens[first - 1].norm == "quant" ? m : -1;
    if (first >= 2 && tokens[first - 1].norm == "à" && tokens[first - 2].norm == "quant") return m;
  }
  return -1;
}

Subjects FindSubjects(const cues::Lexicon& lexicon, const Analysis& analysis) {
  return SubjectFinder(lexicon, analysis).Run();
}

}  // namespace guillemet::attribute
