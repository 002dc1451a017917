#!/usr/bin/env python3
"""Independent exactness audit of `hardneg negatives` on caption sets the rules were not written for.

It shares no code with the engine: it runs the CLI over caption files, reads the JSONL it writes and checks every
negative against the caption with its own notion of words, articles, casing, number and coordination, and against the
rule YAML read with PyYAML (for synonyms, never-swap pairs and the concept's words).

Usage: audit.py --hardneg PATH_TO_hardneg --data DATA_DIR --rules RULES_DIR --work WORK_DIR [--k 10] [--examples 8]
Exit code 0 when no defect is found, 1 otherwise.
"""
import argparse
import ast
import collections
import csv
import glob
import json
import os
import re
import subprocess
import sys
import unicodedata

import yaml

# ---------------------------------------------------------------------------------------------------------------- text


def is_word_char(c):
    if c.isalnum() or c in "-_":
        return True
    cat = unicodedata.category(c)
    if cat.startswith("M"):
        return True
    return c in "\u200c\u200d\u00ad\u2060"


OPENING = "\"'([{\u201c\u2018\u00ab"
CLOSING = "\"')]}\u201d\u2019\u00bb"
APOSTROPHES = "'\u2019"


def utf16_to_index(s):
    """Maps UTF-16 offsets to Python string indices (they differ only past characters outside the BMP)."""
    table = {}
    u = 0
    for i, ch in enumerate(s):
        table[u] = i
        u += 2 if ord(ch) > 0xFFFF else 1
    table[u] = len(s)
    return table


TOKEN = re.compile(r"[^\W_]+(?:[-_'\u2019][^\W_]+)*|\S", re.UNICODE)


def tokens(text):
    return TOKEN.findall(text)


# ------------------------------------------------------------------------------------------------------- a / an by sound

AN_LETTERS = set("aefhilmnorsx")  # letter names that start with a vowel sound: an FBI agent, an MRI, an X-ray
A_VOWEL_STARTS = ("uni", "use", "usu", "uten", "uti", "ura", "ure", "uri", "uro", "eu", "ewe", "one", "once", "ubiq",
                  "uku", "ufo", "u-", "u.s", "uganda", "ukrain", "unanim")
AN_VOWEL_EXCEPT = ("unid", "unim", "unin", "unint", "unis", "unic")  # uninterested, unimportant: vowel sound
AN_CONSONANT_STARTS = ("hour", "honest", "honor", "honour", "heir", "herb")


# Words of the rules' terms ("sky" of "sky blue"): written in capitals they are still words, not acronyms ("A SKY BLUE
# sign", where the capitals keep a caption's "A TAN sign"). Filled from the rules read by `load_rules`.
VOCABULARY_WORDS = set()


def wants_an(word, acronyms=True):
    """True when the word (as written) is read with a vowel sound first; None when unknown."""
    w = word.strip(OPENING + CLOSING)
    if not w:
        return None
    if w[0].isdigit():
        digits = re.match(r"[\d,]+", w).group(0).replace(",", "")
        if digits.startswith("8"):
            return True
        if digits[:2] in ("11", "18") and len(digits) % 3 == 2:
            return True
        return False
    letters = re.match(r"[A-Za-z]+", w)
    low = w.lower()
    if (acronyms and letters and letters.group(0).isupper() and 2 <= len(letters.group(0)) <= 4 and not re.search(r"[aeiou]", low[:3])
            and low not in VOCABULARY_WORDS):
        return low[0] in AN_LETTERS  # an acronym read letter by letter: an MP3, a TV
    if len(w) == 1 or (len(w) >= 2 and w[1] == "-" and w[0].isalpha()):
        return low[0] in AN_LETTERS  # a letter: an X, an L-shaped sofa
    if low.startswith(AN_CONSONANT_STARTS):
        return True
    if low.startswith(A_VOWEL_STARTS) and not low.startswith(AN_VOWEL_EXCEPT):
        return False
    return low[0] in "aeiou"


ARTICLE_RE = re.compile(r"(?<![\w-])(?<!\w['\u2019])(a|an|A|An|AN)(\s+[" + re.escape(OPENING) + r"\s]*)(?=(\S))")


def article_errors(text):
    """Positions of a/an that disagree with the next word's sound (through whitespace and opening quotes)."""
    errors = []
    for m in ARTICLE_RE.finditer(text):
        rest = text[m.end():]
        nxt = re.match(r"[^\s]+", rest)
        if not nxt:
            continue
        word = nxt.group(0)
        word_m = re.match(r"[\w'\u2019-]+", word)
        if not word_m:
            continue
        # in a caption written all in capitals a short word is a word, not an acronym ("A SKY BLUE TABLE")
        want = wants_an(word_m.group(0), acronyms=any(c.islower() for c in text))
        if want is None:
            continue
        is_an = m.group(1).lower() == "an"
        if is_an != want:
            errors.append((m.start(), m.group(1), word_m.group(0)))
    return errors


# ----------------------------------------------------------------------------------------------------------- number

IRREGULAR_PLURALS = {"cattle", "men", "women", "children", "people", "mice", "geese", "teeth", "feet", "oxen", "knives",
                     "wolves", "leaves", "loaves", "shelves", "halves", "calves", "scarves", "wives", "lives",
                     "policemen", "firemen", "fishermen", "businessmen", "gentlemen", "ladies", "dice", "cacti",
                     "kids", "sheep?"}
PLURAL_ONLY = {"pants", "jeans", "shorts", "glasses", "scissors", "trousers", "sunglasses", "goggles", "tongs",
               "pajamas", "leggings", "tights", "headphones", "earphones", "binoculars", "clothes", "skis", "overalls",
               "sweatpants", "slacks", "briefs", "boxers", "suspenders", "pliers"}
SINGULAR_S = ("ss", "us", "ous")
SINGULAR_S_WORDS = {"news", "gas", "lens", "canvas", "chaos", "species", "series", "tennis", "christmas", "iris", "axis",
                    "chassis", "analysis", "basis", "oasis", "trellis", "physics", "mathematics", "gymnastics"}
NUMBERLESS = {"sheep", "deer", "fish", "moose", "bison", "salmon", "shrimp", "trout", "aircraft", "equipment",
              "furniture", "luggage", "broccoli", "food", "pizza", "cake", "bread", "meat", "cheese", "rice", "water"}


def number_of(phrase):
    """'pl', 'sg' or None (unknown / both) for a noun phrase by its last word."""
    last = re.split(r"[\s-]+", phrase.strip().lower())[-1]
    last = last.rstrip("'\u2019")
    if last in NUMBERLESS:
        return None
    if last in IRREGULAR_PLURALS or last in PLURAL_ONLY:
        return "pl"
    if last.endswith("men") and len(last) > 4:
        return "pl"
    if last.endswith("man") or last.endswith("child") or last.endswith("person"):
        return "sg"
    if last.endswith("s") and not last.endswith(SINGULAR_S) and last not in SINGULAR_S_WORDS:
        return "pl"
    return "sg"


SINGULAR_DETERMINERS = {"a", "an", "one", "this", "that", "each", "every", "another", "single", "lone"}
PLURAL_DETERMINERS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "these", "those", "many",
                      "several", "both", "few", "numerous", "multiple", "various", "twelve", "dozens", "pair"}

# -------------------------------------------------------------------------------------------------------- vocabulary


def load_rules(folder):
    """The concepts of the YAML files in a folder: words, synonym groups, never-swap groups (read on their own)."""
    concepts = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        if not isinstance(doc, dict) or "concept" not in doc:
            continue
        words = set()
        exact = set()
        surface = {}

        def add_term(t):
            if isinstance(t, str):
                name, props = t, {}
            else:
                (name, props), = t.items()
                props = props or {}
            name = str(name)
            spellings = [name] + [str(v) for v in props.get("variants", []) or []]
            for key in ("plural", "comparative", "superlative"):
                v = props.get(key)
                if isinstance(v, list):
                    spellings += [str(x) for x in v]
                elif v and v != "none":
                    spellings.append(str(v))
            exact.update(x.lower() for x in spellings)
            for s in list(spellings):
                spellings.append(s + "s")
                spellings.append(s + "es")
                if s.endswith("y"):
                    spellings.append(s[:-1] + "ies")
            for s in spellings:
                words.add(s.lower())
                surface[s.lower()] = name.lower()

        for t in doc.get("terms", []) or []:
            add_term(t)
        for _, members in (doc.get("categories") or {}).items():
            for t in members or []:
                add_term(t)
        blocked = {str(b).lower() for b in (doc.get("blocked") or [])}
        groups = [[str(x).lower() for x in g] for g in (doc.get("synonyms") or [])]
        never = [[str(x).lower() for x in g] for g in (doc.get("never-swap") or [])]
        noun = doc.get("inflection") == "noun"
        VOCABULARY_WORDS.update(w for x in exact for w in re.split(r"[\s-]+", x) if w)
        concepts[doc["concept"]] = {"all": words | exact, "words": words if noun else exact, "blocked": blocked, "lemma": surface, "synonyms": groups, "never": never,
                                    "policy": doc.get("policy", "any")}
    return concepts


# Pairs a reader takes for the same thing whatever the rules say: spelling variants and plain synonyms.
OWN_SYNONYMS = [
    {"gray", "grey"}, {"color", "colour"}, {"colored", "coloured"}, {"donut", "doughnut"}, {"tv", "television"},
    {"bike", "bicycle"}, {"motorbike", "motorcycle"}, {"plane", "airplane", "aeroplane", "jet", "jetliner", "airliner"},
    {"couch", "sofa"}, {"big", "large", "huge"}, {"small", "little", "tiny"}, {"cellphone", "cell phone", "phone",
    "mobile phone", "smartphone", "smart phone", "telephone"}, {"laptop", "notebook"}, {"kitty", "kitten", "cat"},
    {"puppy", "dog", "doggy", "pup"}, {"automobile", "car"}, {"taxi", "cab"}, {"fridge", "refrigerator"},
    {"t-shirt", "t shirt", "tee", "tshirt", "tee shirt"}, {"hot dog", "hotdog"}, {"racket", "racquet"},
    {"skateboarder", "skater"}, {"sweater", "jumper", "pullover"}, {"trousers", "pants", "slacks"},
    {"sneakers", "trainers"}, {"top", "blouse"}, {"man", "guy", "gentleman"}, {"woman", "lady"},
    {"children", "kids"}, {"child", "kid"}, {"boy", "lad"}, {"photo", "picture", "photograph"},
    {"sheep", "lamb"}, {"cow", "cattle"}, {"navy", "navy blue"}, {"off-white", "off white", "offwhite"},
]


def same_thing(a, b):
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    if re.sub(r"[\s-]", "", a) == re.sub(r"[\s-]", "", b):
        return True
    if a.rstrip("s") == b.rstrip("s") and (a.endswith("s") or b.endswith("s")) and abs(len(a) - len(b)) <= 2:
        return True  # one word in two numbers: not a negative
    for g in OWN_SYNONYMS:
        if a in g and b in g:
            return True
    return False


def in_group(groups, a, b):
    return any(a in g and b in g for g in groups)


# Color words by anyone's list, for the coordination check (the concept's own words are added).
COLOR_WORDS = {"red", "orange", "yellow", "green", "blue", "purple", "pink", "brown", "black", "white", "gray", "grey",
               "silver", "gold", "golden", "tan", "beige", "khaki", "maroon", "navy", "teal", "turquoise", "violet",
               "cream", "ivory", "magenta", "lavender", "burgundy", "crimson", "charcoal", "bronze", "copper"}

COLOR_WORD_RE = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(COLOR_WORDS)) + r")(?![\w-])", re.IGNORECASE)

# Names and fixed phrases in which a word of a concept is not that concept: an edit inside one is a defect.
FIXED_PHRASES = [
    r"white house", r"red sox", r"red cross", r"red bull", r"green bay", r"blue jays?", r"black friday",
    r"golden (?:retriever|gate|state)s?", r"orange county", r"white castle", r"pink floyd", r"red carpet event",
    r"(?:red|white|rose) wines?", r"egg whites?", r"red lights?", r"green lights?", r"black (?:hole|market)s?",
    r"blue cheese", r"white noise", r"red herrings?", r"red tape", r"gr[ae]y matter",
    r"brown sugar", r"polar bears?", r"hot dogs?", r"corn dogs?", r"teddy bears?", r"computer mouse", r"mouse pads?",
    r"sea (?:lion|horse|gull)s?", r"home plates?", r"bull ?dogs?", r"prairie dogs?", r"silver ?ware", r"gold ?fish",
    r"orange juice", r"orange (?:peel|rind|zest|wedge)s?", r"big (?:ben|apple|mac|foot)", r"little (?:league|caesars?)",
    r"times square", r"apple (?:logo|computer|laptop|store|watch|tv|monitor|product)s?", r"kiwi (?:fruit|bird)s?",
    r"fire (?:hydrant|truck|engine)s?", r"stop signs?", r"traffic lights?", r"super bowl", r"world cup",
    r"cell phones?", r"tennis (?:racket|racquet)s?", r"baseball (?:bat|glove)s?", r"bow ties?",
]
FIXED_RE = re.compile(r"(?<![\w-])(?:" + "|".join(FIXED_PHRASES) + r")(?![\w-])", re.IGNORECASE)


# --------------------------------------------------------------------------------------------------------- checking


class Audit:
    def __init__(self, concepts, examples):
        self.concepts = concepts
        self.defects = collections.Counter()
        self.examples = collections.defaultdict(list)
        self.max_examples = examples
        self.checked = 0
        self.by_kind = collections.Counter()

    def flag(self, cls, caption, text, detail=""):
        self.defects[cls] += 1
        if len(self.examples[cls]) < self.max_examples:
            self.examples[cls].append(f"{caption!r} -> {text!r} {detail}".rstrip())

    def check_record(self, rec):
        caption = rec["caption"]
        idx = utf16_to_index(caption)
        seen = set()
        for neg in rec["negatives"]:
            self.checked += 1
            self.by_kind[(neg["concept"], neg["kind"])] += 1
            text = neg["text"]
            if text in seen:
                self.flag("duplicate negative in a record", caption, text)
            seen.add(text)
            if text == caption:
                self.flag("negative equals caption", caption, text)
                continue
            if text.lower() == caption.lower():
                self.flag("negative differs only in case", caption, text)
            for ch in text:
                if ch not in caption and ch not in neg.get("to", "") + "aAnN":
                    self.flag("character not in caption or replacement", caption, text, repr(ch))
                    break
            if "  " in text and "  " not in caption:
                self.flag("double space introduced", caption, text)
            if text != text.strip() and caption == caption.strip():
                self.flag("leading/trailing space introduced", caption, text)
            try:
                start = idx[neg["start"]]
                end = idx[neg["start"] + neg["length"]]
            except KeyError:
                self.flag("span not on a character boundary", caption, text, str((neg["start"], neg["length"])))
                continue
            frm = neg["from"]
            if caption[start:end] != frm:
                self.flag("JSONL span does not hold 'from'", caption, text, f"{caption[start:end]!r} != {frm!r}")
                continue
            self.check_boundaries(caption, text, start, end)
            concept = self.concepts.get(neg["concept"])
            if neg["kind"] == "replace":
                self.check_replace(caption, text, neg, start, end, concept)
            elif neg["kind"] == "swap":
                self.check_swap(caption, text, neg, start, end, idx, concept)
            else:
                self.flag("unknown kind", caption, text, neg["kind"])
            self.check_fixed_phrase(caption, text, start, end)
            if neg["kind"] == "swap" and "swap" in neg:
                s = neg["swap"]
                try:
                    self.check_fixed_phrase(caption, text, idx[s["start"]], idx[s["start"] + s["length"]])
                except KeyError:
                    pass

    def check_boundaries(self, caption, text, start, end):
        before = caption[start - 1] if start > 0 else " "
        after = caption[end] if end < len(caption) else " "
        if is_word_char(before) or is_word_char(after):
            self.flag("term read inside another word", caption, text, repr(caption[max(0, start - 3):end + 3]))
            return
        # An apostrophe inside a word: o'orange, rock'n'roll; a possessive 's after the term is fine.
        if before in APOSTROPHES and start >= 2 and caption[start - 2].isalpha():
            self.flag("term read after an in-word apostrophe", caption, text, repr(caption[max(0, start - 3):end + 3]))
        if after in APOSTROPHES and end + 1 < len(caption) and caption[end + 1].isalpha():
            m = re.match(r"[A-Za-z]+", caption[end + 1:])
            if m and m.group(0).lower() not in ("s", "ll", "re", "ve", "d", "t"):
                self.flag("term read before an in-word apostrophe", caption, text, repr(caption[max(0, start - 3):end + 6]))
        # www.red.com, red.org: a term inside a dotted address (a missing space after a full stop is a sentence break)
        token_start = start
        while token_start > 0 and not caption[token_start - 1].isspace():
            token_start -= 1
        token_end = end
        while token_end < len(caption) and not caption[token_end].isspace():
            token_end += 1
        token = caption[token_start:token_end].lower()
        if re.search(r"www\.|\.(?:com|org|net|edu|gov|co\.uk)\b|@|https?:", token):
            self.flag("term inside an address", caption, text, repr(token))
        frm = caption[start:end]
        if re.search(r"[^\w\s'\u2019-]", frm):
            self.flag("term spans punctuation", caption, text, repr(frm))

    def article_before(self, s, pos):
        """(start, word) of an a/an right before pos, through whitespace and opening quotes/brackets; else None."""
        i = pos
        while i > 0 and (s[i - 1].isspace() or s[i - 1] in OPENING):
            if s[i - 1] in OPENING and i >= 2 and not s[i - 2].isspace() and s[i - 2] not in OPENING:
                return None  # a quote after a letter closes something else
            i -= 1
        if i == pos:
            return None
        j = i
        while j > 0 and is_word_char(s[j - 1]):
            j -= 1
        w = s[j:i]
        # an apostrophe after a letter joins words ("rock'n"); after a space it opens a quote ('an orange bench')
        if w.lower() in ("a", "an") and not (j >= 2 and s[j - 1] in APOSTROPHES and is_word_char(s[j - 2])):
            return j, w
        return None

    def check_replace(self, caption, text, neg, start, end, concept):
        frm, to = neg["from"], neg["to"]
        if "swap" in neg:
            self.flag("replace carries a swap span", caption, text)
        expected = caption[:start] + to + caption[end:]
        art = self.article_before(caption, start)
        ok = text == expected
        if not ok and art is not None:
            a_start, a_word = art
            for repl in ("a", "an"):
                cased = repl.upper() if a_word.isupper() and len(a_word) > 1 else (repl.capitalize() if a_word[0].isupper() else repl)
                if a_word == "A" and repl == "an":
                    cased = "An"
                alt = caption[:a_start] + cased + caption[a_start + len(a_word):start] + to + caption[end:]
                if text == alt:
                    ok = True
                    break
        if not ok:
            self.flag("replace changes more than the term and its article", caption, text, f"{frm!r}->{to!r}")
            return
        if to == frm:
            self.flag("replace writes the same text", caption, text)
        if same_thing(frm, to):
            self.flag("replacement is a synonym or spelling variant", caption, text, f"{frm!r}->{to!r}")
        if concept:
            lf, lt = concept["lemma"].get(frm.lower(), frm.lower()), concept["lemma"].get(to.lower(), to.lower())
            if in_group(concept["synonyms"], lf, lt):
                self.flag("replacement is a rule synonym", caption, text, f"{frm!r}->{to!r}")
            if in_group(concept["never"], lf, lt):
                self.flag("replacement is a never-swap partner", caption, text, f"{frm!r}->{to!r}")
        self.check_casing(caption, text, frm, to, start)
        self.check_articles(caption, text)
        if concept:
            # a multiword term matches across any whitespace ("navy\tblue"): the vocabulary writes one space
            if " ".join(frm.lower().split()) not in concept["all"]:
                self.flag("'from' is not a word of the concept", caption, text, f"{frm!r} ({neg['concept']})")
            if to.lower() not in concept["all"]:
                self.flag("'to' is not a word of the concept", caption, text, f"{to!r} ({neg['concept']})")
        # "black and white" -> "white and white", "fruit, vegetables" -> "fruit, fruit": the new word repeats its
        # partner (the longest term of the concept joined to it), or names the same thing
        if concept:
            new_end = len(text) - (len(caption) - end)
            new_start = new_end - len(to)
            lt = concept["lemma"].get(to.lower(), to.lower())
            for partner in self.partners(text, new_start, new_end, concept["words"] | concept["blocked"]):
                lp = concept["lemma"].get(partner, partner)
                if partner == to.lower() or lp == lt:
                    self.flag("replacement repeats its coordinated partner", caption, text, f"{frm!r}->{to!r}")
                    break
                if same_thing(partner, to) or in_group(concept["synonyms"], lp, lt) or in_group(concept["never"], lp, lt):
                    self.flag("replacement is a synonym of its coordinated partner", caption, text, f"{frm!r}->{to!r} ({partner})")
                    break
        if neg["concept"] in ("object", "garment"):
            nf, nt = number_of(frm), number_of(to)
            if nf and nt and nf != nt:
                self.flag("replaced noun changes number", caption, text, f"{frm!r}->{to!r}")
            self.check_determiner(caption, text, start, frm, to)

    def check_casing(self, caption, text, frm, to, start):
        letters_f = [c for c in frm if c.isalpha()]
        sentence_start = re.search(r"(?:^|[.!?][\"'\u201d)]*)[\s\"'\u201c(]*$", caption[:start]) is not None
        if re.match(r"[A-Z]-[a-z]", frm):
            # "T-shirt", "V-neck": the capital is spelling; only a sentence start capitalises the replacement
            if sentence_start != to[:1].isupper():
                self.flag("casing: a letter's capital before a hyphen taken as casing", caption, text, f"{frm!r}->{to!r}")
        elif len(letters_f) >= 2 and all(c.isupper() for c in letters_f):
            if to != to.upper():
                self.flag("casing: UPPER not kept", caption, text, f"{frm!r}->{to!r}")
        elif frm[:1].isupper():
            if not to[:1].isupper():
                self.flag("casing: Capitalised not kept", caption, text, f"{frm!r}->{to!r}")
            words_f = frm.split()
            if len(words_f) > 1 and all(w[:1].isupper() for w in words_f) and not all(w[:1].isupper() for w in to.split()):
                self.flag("casing: Title Case not kept", caption, text, f"{frm!r}->{to!r}")
            elif any(c.isupper() for c in to[1:]) and not any(c.isupper() for c in frm[1:]):
                self.flag("casing: capitals invented", caption, text, f"{frm!r}->{to!r}")
        else:
            if any(c.isupper() for c in to):
                self.flag("casing: lower case not kept", caption, text, f"{frm!r}->{to!r}")

    def check_articles(self, caption, text):
        before = len(article_errors(caption))
        after = article_errors(text)
        if len(after) > before:
            self.flag("a/an disagrees with the next word", caption, text, str(after[:2]))

    def check_determiner(self, caption, text, start, frm, to):
        prev = re.findall(r"[\w'-]+", caption[:start])
        if not prev:
            return
        det = prev[-1].lower()
        nt, nf = number_of(to), number_of(frm)
        # only where the caption itself agreed: "several broccoli plants" has its noun later
        if det in SINGULAR_DETERMINERS and nt == "pl" and nf == "sg":
            self.flag("determiner/noun number disagree", caption, text, f"{det} {to}")
        if det in PLURAL_DETERMINERS and nt == "sg" and nf == "pl":
            self.flag("determiner/noun number disagree", caption, text, f"{det} {to}")

    def check_swap(self, caption, text, neg, start, end, idx, concept):
        if "swap" not in neg:
            self.flag("swap without its second span", caption, text)
            return
        s = neg["swap"]
        try:
            s2, e2 = idx[s["start"]], idx[s["start"] + s["length"]]
        except KeyError:
            self.flag("span not on a character boundary", caption, text)
            return
        a, b = caption[start:end], caption[s2:e2]
        if s.get("from", b) != b:
            self.flag("JSONL swap span does not hold its 'from'", caption, text)
        if neg["to"] != b or s.get("to", a) != a:
            self.flag("swap edits' 'to' are not the other term as written", caption, text, f"{neg['to']!r}/{s.get('to')!r} vs {a!r}/{b!r}")
        self.check_boundaries(caption, text, s2, e2)
        if s2 < start:
            start, end, s2, e2, a, b = s2, e2, start, end, b, a
        if s2 < end:
            self.flag("swap spans overlap", caption, text)
            return
        expected_core = caption[:start] + b + caption[end:s2] + a + caption[e2:]
        # articles of the moved terms may be repaired; nothing else may change
        ok = text == expected_core
        if not ok:
            cands = [expected_core]
            for pos_term, word in ((start, b), (start + len(b) + (s2 - end), a)):
                new = []
                for c in cands:
                    art = self.article_before(c, pos_term)
                    if art:
                        j, w = art
                        for repl in ("a", "an", "A", "An", "AN"):
                            new.append(c[:j] + repl + c[j + len(w):])
                cands += new
                # positions shift when an article changes length: retry by words
            ok = text in cands
            if not ok:
                words_t = [w for w in tokens(text) if w.lower() not in ("a", "an")]
                words_c = [w for w in tokens(expected_core) if w.lower() not in ("a", "an")]
                ok = words_t == words_c and self.only_articles_differ(expected_core, text)
        if not ok:
            self.flag("swap changes more than the two terms and their articles", caption, text, f"{a!r}<->{b!r}")
        if sorted(w for w in tokens(text) if w.lower() not in ("a", "an")) != sorted(w for w in tokens(caption) if w.lower() not in ("a", "an")):
            self.flag("swap is not a permutation of the caption's words", caption, text, f"{a!r}<->{b!r}")
        if a.lower() == b.lower():
            self.flag("swap of two equal terms", caption, text)
        if same_thing(a, b):
            self.flag("swap of synonyms", caption, text, f"{a!r}<->{b!r}")
        if concept:
            la, lb = concept["lemma"].get(a.lower(), a.lower()), concept["lemma"].get(b.lower(), b.lower())
            if in_group(concept["synonyms"], la, lb) or in_group(concept["never"], la, lb):
                self.flag("swap of rule synonyms / never-swap", caption, text, f"{a!r}<->{b!r}")
        na, nb = number_of(a), number_of(b)
        if neg["concept"] in ("object", "garment") and na and nb and na != nb:
            self.flag("swapped nouns differ in number", caption, text, f"{a!r}<->{b!r}")
        words = set(COLOR_WORDS) if neg["concept"] in ("color", "fashion-color") else set()
        if concept:
            words |= concept["words"]
        for (ts, te) in ((start, end), (s2, e2)):
            if self.coordinated(caption, ts, te, words):
                self.flag("swap moves a term out of a coordination", caption, text, f"{a!r}<->{b!r}")
                break
        self.check_articles(caption, text)
        self.check_sentence_case(caption, text, a, b)

    SENTENCE_START = re.compile(r"(?:^|[.!?][\"'\u201d)]*\s+)[\"'\u201c(]*([^\W\d_])", re.UNICODE)

    def check_sentence_case(self, caption, text, a, b):
        """A capital that marks a sentence start belongs to the position: a swap must not move it elsewhere."""
        starts_c = [m.group(1).isupper() for m in self.SENTENCE_START.finditer(caption)]
        starts_t = [m.group(1).isupper() for m in self.SENTENCE_START.finditer(text)]
        if starts_c != starts_t:
            self.flag("swap moves a sentence-start capital", caption, text, f"{a!r}<->{b!r}")

    # a coordinator between: "and", "or", "&", "/", "+", a comma (whitespace alone is a modifier and its head as often)
    JOIN_AFTER = re.compile(r"^\s*(?:,\s*(?:and|or|&)?|and|or|&|/|\+)\s*(?=\S)", re.IGNORECASE)
    JOIN_BEFORE = re.compile(r"(?:,\s*(?:and|or|&)?|\band|\bor|&|/|\+)\s*$", re.IGNORECASE)

    def partners(self, text, start, end, words, depth=6):
        """The words of the concept in the coordination (list) that [start, end) stands in, longest first."""
        out = []
        self._walk(text, start, end, words, depth, out, after=True)
        self._walk(text, start, end, words, depth, out, after=False)
        return out

    def _walk(self, text, start, end, words, depth, out, after):
        for _ in range(depth):
            found = self._next_partner(text, start, end, words, after)
            if not found:
                return
            word, start, end = found
            out.append(word)

    def _next_partner(self, text, start, end, words, after):
        if after:
            m = self.JOIN_AFTER.match(text[end:])
            if m and m.end() > 0 and text[end + m.end()][:1].isalnum():
                at = end + m.end()
                rest = re.findall(r"[\w'-]+", text[at:])[:3]
                for n in (3, 2, 1):
                    cand = " ".join(rest[:n]).lower()
                    if len(rest) >= n and cand in words:
                        # the span of the partner in text, to walk on from it
                        span = re.match(r"[\w'-]+(?:\s+[\w'-]+){%d}" % (n - 1), text[at:])
                        return cand, at, at + span.end()
            return None
        m = self.JOIN_BEFORE.search(text[:start])
        if m and m.start() < start and text[:m.start()][-1:].isalnum():
            before = text[:m.start()]
            for n in (3, 2, 1):
                span = re.search(r"[\w'-]+(?:\s+[\w'-]+){%d}$" % (n - 1), before)
                if span and re.sub(r"\s+", " ", span.group(0)).lower() in words:
                    return re.sub(r"\s+", " ", span.group(0)).lower(), span.start(), span.end()
        return None

    def only_articles_differ(self, x, y):
        tx, ty = tokens(x), tokens(y)
        if len(tx) != len(ty):
            return False
        return all(p == q or (p.lower() in ("a", "an") and q.lower() in ("a", "an")) for p, q in zip(tx, ty))

    COORD_AFTER = re.compile(r"^\s*(?:,\s*(?:and|or|&)?|and|or|&|/|\+|n'|'n')\s*[\"'(]?\s*([\w'-]+(?:\s+[\w'-]+)?)", re.IGNORECASE)
    COORD_BEFORE = re.compile(r"([\w'-]+)\s*[\"')]?\s*(?:,\s*(?:and|or|&)?|and|or|&|/|\+)\s*$", re.IGNORECASE)

    def coordinated(self, caption, start, end, words):
        m = self.COORD_AFTER.match(caption[end:])
        if m:
            nxt = m.group(1).lower()
            if nxt in words or nxt.split()[0] in words:
                return True
        m = self.COORD_BEFORE.search(caption[:start])
        if m and m.group(1).lower() in words:
            return True
        return False

    def check_fixed_phrase(self, caption, text, start, end):
        for m in FIXED_RE.finditer(caption):
            # the whole phrase may be a term of its own ("hot dog" -> "sandwich"); a part of it may not change
            if m.start() < end and start < m.end() and not (start <= m.start() and end >= m.end()):
                self.flag("edit inside a name or fixed phrase", caption, text, repr(m.group(0)))
                return


# ----------------------------------------------------------------------------------------------------------- inputs


def caption_sets(data):
    sets = {}
    sc = []
    for path in sorted(glob.glob(os.path.join(data, "sugarcrepe", "*.json"))):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for rec in doc.values():
            sc.append(rec["caption"])
            sc.append(rec["negative_caption"])
    sets["sugarcrepe"] = sc
    nc = []
    with open(os.path.join(data, "negclip", "valid_neg_clip.tsv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            nc.append(row["title"])
            try:
                nc.extend(ast.literal_eval(row["neg_caption"]))
            except (ValueError, SyntaxError):
                pass
    sets["negclip"] = nc
    fi = []
    for path in sorted(glob.glob(os.path.join(data, "fashion-iq", "*.json"))):
        with open(path, encoding="utf-8") as f:
            for rec in json.load(f):
                fi.extend(rec["captions"])
    sets["fashion-iq"] = fi
    with open(os.path.join(data, "coco", "captions_val2017.json"), encoding="utf-8") as f:
        sets["coco"] = [a["caption"] for a in json.load(f)["annotations"]]
    return sets


def dedupe(captions):
    seen, out = set(), []
    for c in captions:
        c = c.replace("\n", " ").replace("\r", " ")
        if c.strip() and c not in seen:
            seen.add(c)
            out.append(c)
    return out


def run_tool(hardneg, inp, out, k, pack, threads, seed=7):
    cmd = [hardneg, "negatives", "--input", inp, "--output", out, "--k", str(k), "--seed", str(seed),
           "--threads", str(threads)]
    if pack:
        cmd += ["--pack", pack]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"hardneg failed ({res.returncode}): {' '.join(cmd)}\n{res.stderr}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hardneg", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--rules", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--examples", type=int, default=8)
    ap.add_argument("--sets", default="sugarcrepe,negclip,fashion-iq,coco",
                    help="the data folder's sets to audit, comma-separated; empty for none")
    ap.add_argument("--captions", action="append", default=[], metavar="FILE",
                    help="a text file of captions, one per line, audited as a set of its own (repeatable)")
    ap.add_argument("--captions-pack", default=None, metavar="NAME",
                    help="the pack the --captions files go through (its rules in RULES/NAME); the default pack if not given")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    names = [name for name in args.sets.split(",") if name]
    sets = caption_sets(args.data) if names else {}
    runs = []  # (set name, pack name, rules folder)
    for name in names:
        runs.append((name, None, args.rules))
        if name == "fashion-iq":
            runs.append((name, "fashion200k", os.path.join(args.rules, "fashion200k")))
    for path in args.captions:
        name = "file:" + os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            sets[name] = f.read().split("\n")
        runs.append((name, args.captions_pack, os.path.join(args.rules, args.captions_pack) if args.captions_pack else args.rules))
    total_defects = 0
    summary = []
    for name, pack, folder in runs:
        captions = dedupe(sets[name])
        inp = os.path.join(args.work, f"{name.replace(':', '_')}.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for i, c in enumerate(captions):
                f.write(json.dumps({"id": i, "caption": c}, ensure_ascii=False) + "\n")
        tag = f"{name}" + (f"+{pack}" if pack else "")
        out1 = os.path.join(args.work, f"{tag.replace(':', '_')}.1.jsonl")
        out2 = os.path.join(args.work, f"{tag.replace(':', '_')}.2.jsonl")
        run_tool(args.hardneg, inp, out1, args.k, pack, threads=1, seed=args.seed)
        run_tool(args.hardneg, inp, out2, args.k, pack, threads=2, seed=args.seed)
        audit = Audit(load_rules(folder), args.examples)
        with open(out1, "rb") as f1, open(out2, "rb") as f2:
            if f1.read() != f2.read():
                audit.flag("output differs between runs / thread counts", tag, "")
        n_records = 0
        holding = with_color = holding_with_color = 0
        with open(out1, encoding="utf-8") as f:
            for i, line in enumerate(f):
                rec = json.loads(line)
                n_records += 1
                # coverage against an independent count: captions holding a color word, captions with a color negative
                holds = COLOR_WORD_RE.search(rec["caption"]) is not None
                gets = any(n["concept"] in ("color", "fashion-color") for n in rec["negatives"])
                holding += holds
                with_color += gets
                holding_with_color += holds and gets
                # the readers trim a caption's surrounding whitespace; offsets are in the trimmed text
                if rec["caption"] != captions[i].strip(" \t\r\n"):
                    audit.flag("record caption differs from input", captions[i], rec["caption"])
                audit.check_record(rec)
        if n_records != len(captions):
            audit.flag("record count differs from caption count", tag, f"{n_records} != {len(captions)}")
        defects = sum(audit.defects.values())
        total_defects += defects
        kinds = ", ".join(f"{c}/{k}: {n}" for (c, k), n in sorted(audit.by_kind.items()))
        summary.append((tag, len(captions), audit.checked, defects))
        print(f"\n== {tag}: {len(captions)} captions, {audit.checked} negatives ({kinds}); defects: {defects}")
        print(f"  coverage: {holding / max(1, n_records):.1%} of captions hold a color word, {with_color / max(1, n_records):.1%} "
              f"get a color negative, {holding_with_color / max(1, holding):.1%} of those holding one get one")
        for cls, n in audit.defects.most_common():
            print(f"  {cls}: {n}")
            for ex in audit.examples[cls]:
                print(f"      {ex}")
    print("\n== summary")
    for tag, nc, nn, nd in summary:
        print(f"  {tag:24} captions {nc:7}  negatives {nn:8}  defects {nd}")
    print(f"  total defects: {total_defects}")
    return 0 if total_defects == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
