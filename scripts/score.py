#!/usr/bin/env python3
"""Score predicted quotations against a gold corpus (see GUIDELINES.md).

usage: score.py GOLD_DIR PREDICTIONS.jsonl [--errors] [--json]

A prediction is one JSON object a line with at least "doc" and "quote";
"speaker" is a string, null, or an object whose "name" is the speaker.

The project's own scorer, written from the description of scoring in the
corpus guidelines ("How a system is scored against it"). It prints the same
figures and JSON keys as the corpus's score.py, so that scripts/evaluate and
the floors of .ci/floor.json work with either:

- Both sides are normalised: NFC, apostrophes unified, white space folded,
  outer punctuation stripped. A quotation listed twice in one document
  (same normalised words, any case) counts once; the first line wins.
- Only documents of the corpus (gold.jsonl and meta.jsonl) are scored.
- Each predicted quotation is paired with the gold quotation of the same
  document that overlaps it most, one to one, best overlaps first, when
  their token F1 is at least 0.8.
- detection: P/R/F1 of predictions against gold quotations that are not
  mentions; a prediction paired with a mention, or with nothing, is a false
  positive.
- attribution_accuracy: among predictions paired with a non-mention, the
  share with the right speaker: the same words of name (case, accents,
  articles and titles such as "M." aside), or, for a gold name of several
  words, its last word (the surname) is a word of the predicted name; a gold
  line may list other right names in "accept". Two nulls agree.
- end_to_end: P/R/F1 of (quotation, speaker) pairs: right pairs over
  predictions that name a speaker (P) and over gold quotations that do (R).
"""
import collections
import json
import os
import re
import sys
import unicodedata

MIN_F1 = 0.8
APOSTROPHES = dict.fromkeys(map(ord, "\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032\u201b\uff07"), "'")
# Articles and titles that may stand around a name ("l'Otan", "M. Macron").
NAME_NOISE = {"le", "la", "les", "l", "m", "mme", "mr", "dr", "pr", "president"}
WORD = re.compile(r"\w+")
TOP_SPEAKERS = 8  # How many speakers the text report lists.


def is_outer(ch):
    return ch.isspace() or unicodedata.category(ch)[0] in "PS"


def normalize(text):
    """NFC, one apostrophe, single spaces, no punctuation at either end."""
    text = unicodedata.normalize("NFC", text).translate(APOSTROPHES)
    text = " ".join(text.split())
    start, end = 0, len(text)
    while start < end and is_outer(text[start]):
        start += 1
    while end > start and is_outer(text[end - 1]):
        end -= 1
    return text[start:end]


def tokens(text):
    return WORD.findall(normalize(text).casefold())


def token_f1(a, b):
    if not a or not b:
        return 0.0
    common = sum((collections.Counter(a) & collections.Counter(b)).values())
    if common == 0:
        return 0.0
    p, r = common / len(b), common / len(a)
    return 2 * p * r / (p + r)


def speaker_name(value):
    """The speaker of a line as a non-empty string, or None."""
    if isinstance(value, dict):
        value = value.get("name")
    return value if isinstance(value, str) and value else None


def name_words(name):
    """The words of a name, without case, accents, articles or titles."""
    text = unicodedata.normalize("NFKD", name.translate(APOSTROPHES).casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return [w for w in WORD.findall(text) if w not in NAME_NOISE]


def same_speaker(gold, predicted, also_accepted=()):
    """Whether `predicted` names the gold speaker (or one it also accepts)."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    p = name_words(predicted)
    for name in [gold, *also_accepted]:
        if not isinstance(name, str):
            continue
        g = name_words(name)
        # The same name, or the surname of a name of several words.
        if g == p or (len(g) >= 2 and g[-1] in p):
            return True
    return False


def load_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise SystemExit(f"score.py: {path}:{number}: malformed JSON ({e.msg})")
            if not isinstance(row, dict):
                raise SystemExit(f"score.py: {path}:{number}: expected a JSON object")
            rows.append(row)
    return rows


def dedupe(rows):
    """The first row of each (doc, normalised quote); no quote reads as ""."""
    seen, out = set(), []
    for row in rows:
        if not isinstance(row.get("quote"), str):
            row = dict(row, quote="")
        key = (str(row.get("doc")), normalize(row["quote"]).casefold())
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def prf(tp, n_predicted, n_gold):
    p = tp / n_predicted if n_predicted else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f}


def score(gold_dir, predictions_path):
    gold = dedupe(load_jsonl(os.path.join(gold_dir, "gold.jsonl")))
    docs = {str(g.get("doc")) for g in gold}
    meta = os.path.join(gold_dir, "meta.jsonl")
    if os.path.exists(meta):
        docs |= {str(m.get("doc")) for m in load_jsonl(meta)}
    predicted = [p for p in dedupe(load_jsonl(predictions_path)) if str(p.get("doc")) in docs]

    # Candidate pairs within a document, best overlap first; on a tie the
    # later line wins, as in the corpus's scorer.
    gold_by_doc = collections.defaultdict(list)
    for j, g in enumerate(gold):
        gold_by_doc[str(g.get("doc"))].append(j)
    gold_tokens = [tokens(g["quote"]) for g in gold]
    candidates = []
    for i, p in enumerate(predicted):
        p_tokens = tokens(p["quote"])
        for j in gold_by_doc.get(str(p.get("doc")), ()):
            f1 = token_f1(gold_tokens[j], p_tokens)
            if f1 >= MIN_F1:
                candidates.append((f1, i, j))
    candidates.sort(reverse=True)
    pred_to_gold, gold_taken = {}, set()
    for _, i, j in candidates:
        if i not in pred_to_gold and j not in gold_taken:
            pred_to_gold[i] = j
            gold_taken.add(j)

    def is_mention(g):
        return g.get("kind") == "mention"

    quotes = [g for g in gold if not is_mention(g)]
    gold_named = [g for g in quotes if speaker_name(g.get("speaker")) is not None]
    by_speaker = collections.Counter(speaker_name(g.get("speaker")) for g in gold_named)
    right_by_speaker = collections.Counter()
    matched = right = right_named = predicted_named = 0
    errors = []

    def error(tag, row, got, want):
        errors.append(f"{tag:<10} {row.get('doc')}  «{row['quote'][:90]}»  got={got}  want={want}")

    for i, p in enumerate(predicted):
        got = speaker_name(p.get("speaker"))
        if got is not None:
            predicted_named += 1
        j = pred_to_gold.get(i)
        if j is None:
            error("FP", p, got, None)
            continue
        g = gold[j]
        want = speaker_name(g.get("speaker"))
        if is_mention(g):
            error("FP-mention", p, got, want)
            continue
        matched += 1
        accept = g.get("accept") if isinstance(g.get("accept"), list) else ()
        if same_speaker(want, got, accept):
            right += 1
            if want is not None and got is not None:
                right_named += 1
                right_by_speaker[want] += 1
        else:
            error("SPEAKER", p, got, want)
    for j, g in enumerate(gold):
        if j not in gold_taken and not is_mention(g):
            error("FN", g, None, speaker_name(g.get("speaker")))

    result = {
        "docs": len(docs),
        "gold_quotes": len(quotes),
        "gold_named": len(gold_named),
        "predicted": len(predicted),
        "predicted_named": predicted_named,
        "detection": prf(matched, len(predicted), len(quotes)),
        "attribution_accuracy": right / matched if matched else 0.0,
        "end_to_end": prf(right_named, predicted_named, len(gold_named)),
        "recall_by_speaker": {
            name: f"{right_by_speaker[name]}/{n}" for name, n in by_speaker.most_common()
        },
    }
    return result, errors


def report(r):
    d, e = r["detection"], r["end_to_end"]
    speakers = list(r["recall_by_speaker"].items())[:TOP_SPEAKERS]
    return "\n".join([
        f"docs {r['docs']}  gold quotes {r['gold_quotes']} (named {r['gold_named']})  "
        f"predicted {r['predicted']} (named {r['predicted_named']})",
        f"detection      P {d['p']:.3f}  R {d['r']:.3f}  F1 {d['f']:.3f}",
        f"attribution    accuracy {r['attribution_accuracy']:.3f}",
        f"end-to-end     P {e['p']:.3f}  R {e['r']:.3f}  F1 {e['f']:.3f}",
        "recall by speaker: " + ", ".join(f"{name} {v}" for name, v in speakers),
    ])


def main(argv):
    flags = {a for a in argv[1:] if a.startswith("--")}
    paths = [a for a in argv[1:] if not a.startswith("--")]
    if len(paths) != 2 or flags - {"--errors", "--json"}:
        sys.stderr.write(__doc__.split("\n\n")[0] + "\n\n" + __doc__.split("\n\n")[1] + "\n")
        return 2
    try:
        result, errors = score(*paths)
    except OSError as e:
        sys.stderr.write(f"score.py: {e.filename}: {e.strerror}\n")
        return 2
    print(json.dumps(result, ensure_ascii=False) if "--json" in flags else report(result))
    if "--errors" in flags:
        for line in errors:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
