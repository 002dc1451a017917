#!/usr/bin/env python3
"""The obvious rule-based way to make hard negatives in Python: the baseline `compare.sh` times `hardneg negatives`
against.

usage: baseline.py RULES_DIR COCO_CAPTIONS.json OUTPUT.jsonl [SEED]

Plain python3, no packages. From the same rule files the tool compiles (rules/*.yaml), it reads each concept's terms
as flat lists (the term, its spelling variants, its plural forms; objects grouped by category), then for each caption:
looks for every term of every list in the lower-cased caption with word boundaries (`" red " in padded`), draws one of
the terms found and a replacement from the same list, replaces it with the caption's casing (`str.replace` on the first
occurrence), and writes one JSON line per caption in the tool's contract (id, caption, negatives with text, concept,
kind, rule, start, length, from, to) with `json.dumps`. One negative per caption (k = 1), like the timed tool run.
It has none of the tool's contexts, blocked phrases, swaps, article repair or weights: it is the cheap way, not an
equal one, and still the tool must beat it by the margin its design promises.
"""
import json
import os
import random
import re
import sys

ITEM = re.compile(r"^\s+- (?P<name>[^:{}\[\]]+?)\s*(?::\s*(?P<opts>\{.*\}))?\s*$")
CATEGORY = re.compile(r"^  (?P<name>[a-z][a-z-]*):\s*$")
LIST = re.compile(r"(?P<key>variants|plural):\s*(?:\[(?P<list>[^\]]*)\]|(?P<one>[^,}]+))")
WORD_OR_SPACE = re.compile(r"[^a-z0-9' -]")


def read_rules(folder):
    """Flat term lists per concept (objects per category): [(concept, [(name, [forms], [plurals])])]."""
    lists = []
    for file in sorted(os.listdir(folder)):
        if not file.endswith(".yaml"):
            continue
        concept, section, current = None, None, None
        noun = False
        with open(os.path.join(folder, file), encoding="utf-8") as f:
            for line in f:
                line = line.split(" #")[0].rstrip("\n")
                if line.startswith("concept:"):
                    concept = line.split(":", 1)[1].strip()
                elif line.startswith("inflection:"):
                    noun = "noun" in line
                elif re.match(r"^[a-z-]+:", line):
                    section = line.split(":", 1)[0]
                    if section == "terms":
                        current = []
                        lists.append((concept, current))
                elif section == "categories" and CATEGORY.match(line):
                    current = []
                    lists.append((concept, current))
                elif section in ("terms", "categories") and current is not None and ITEM.match(line):
                    m = ITEM.match(line)
                    name = m.group("name").strip()
                    forms, plurals = [name], []
                    for opt in LIST.finditer(m.group("opts") or ""):
                        values = [v.strip() for v in (opt.group("list") or opt.group("one") or "").split(",") if v.strip()]
                        (forms if opt.group("key") == "variants" else plurals).extend(values)
                    if noun and not plurals:
                        plurals = [f + "s" for f in forms]
                    plurals = [p for p in plurals if p != "none"]
                    current.append((name, forms, plurals))
    return [(c, terms) for c, terms in lists if len(terms) > 1]


def flat_forms(lists):
    """Every form of every term, longest first: (padded form, list index, term index, plural?)."""
    forms = []
    for li, (_, terms) in enumerate(lists):
        for ti, (_, singular, plural) in enumerate(terms):
            forms += [(" " + f.lower() + " ", li, ti, False) for f in singular]
            forms += [(" " + f.lower() + " ", li, ti, True) for f in plural]
    forms.sort(key=lambda f: -len(f[0]))
    return forms


def cased(original, replacement):
    if len(original) > 1 and original.isupper():
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def main():
    rules, source, output = sys.argv[1], sys.argv[2], sys.argv[3]
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    lists = read_rules(rules)
    forms = flat_forms(lists)
    with open(source, encoding="utf-8") as f:
        annotations = json.load(f)["annotations"]
    with open(output, "w", encoding="utf-8") as out:
        for a in annotations:
            caption = a["caption"].strip()
            padded = " " + WORD_OR_SPACE.sub(" ", caption.lower()) + " "
            found = [f for f in forms if f[0] in padded]
            negatives = []
            if found:
                rng = random.Random(seed * 1000003 + a["id"])
                form, li, ti, plural = rng.choice(found)
                concept, terms = lists[li]
                start = padded.index(form)
                original = caption[start:start + len(form) - 2]
                to_name, to_forms, to_plurals = terms[rng.choice([i for i in range(len(terms)) if i != ti])]
                to = cased(original, (to_plurals or to_forms)[0] if plural else to_forms[0])
                negatives.append({"text": caption.replace(original, to, 1), "concept": concept, "kind": "replace",
                                  "rule": concept + "/" + terms[ti][0], "start": start, "length": len(original),
                                  "from": original, "to": to})
            out.write(json.dumps({"id": a["id"], "caption": caption, "negatives": negatives}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
