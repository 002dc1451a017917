#!/usr/bin/env python3
"""Writes captions built to stress the rules' edges, one per line, for `audit.py --captions FILE`.

Real caption sets hold these cases rarely; here every caption holds one or more: coordinated colors ("black and white",
"red, white and blue", "black/white", "black & white"), compounds read across a phrase boundary ("giving off white
smoke"), terms at the caption's very end ("holding an orange"), articles before quotes and brackets (`An "Apple" logo`),
variant spellings in one caption ("a grey dog and a gray cat"), casing (Title Case, ALL CAPS, a capital at the start),
hyphens, possessives, plurals and numbers, non-ASCII letters, punctuation and odd whitespace. The words come from the
default pack's concepts (color, size, location, object), so most captions get negatives; nothing here is checked by
this script: `audit.py` checks what the tool writes for them.

With `--style fashion` it writes product titles and relative captions in the words of the `fashion200k` pack
(colors, materials, patterns, garments, necklines, sleeves): audit them with `audit.py --captions-pack fashion200k`.

Usage: stress_captions.py OUT.txt [--count 4000] [--seed 1] [--style coco|fashion]
"""
import argparse
import random

COLORS = ["red", "orange", "yellow", "green", "blue", "purple", "pink", "brown", "black", "white", "gray", "grey",
          "silver", "gold", "tan", "beige", "maroon", "navy blue", "light blue", "dark green", "off white", "off-white",
          "cream", "olive", "lime"]
SIZES = ["big", "large", "small", "little", "tiny", "huge", "tall", "short", "long", "wide", "giant"]
OBJECTS = ["dog", "cat", "car", "bus", "umbrella", "apple", "orange", "elephant", "hat", "shirt", "truck", "bird",
           "kite", "horse", "bench", "table", "plate", "bowl", "boat", "train", "man", "woman", "sofa", "fence",
           "hot dog", "teddy bear", "cell phone", "tennis racket", "fire hydrant", "stop sign"]
PLURALS = {"bus": "buses", "umbrella": "umbrellas", "man": "men", "woman": "women", "hot dog": "hot dogs",
           "teddy bear": "teddy bears", "bench": "benches", "cell phone": "cell phones"}
LOCATIONS = ["on the left of", "to the right of", "next to", "in front of", "behind", "on top of", "under", "above",
             "beside", "near", "far from", "inside", "below"]
VERBS = ["holding", "eating", "carrying", "peeling", "slicing", "wearing", "watching", "painting"]
PARTICLES = ["giving off", "letting off", "taking off", "turning off", "putting on", "picking up", "showing off"]
SUBJECTS = ["a man", "A woman", "the girl", "Two kids", "a chef", "An old man", "someone", "the boy"]
QUOTES = [('"', '"'), ("'", "'"), ("\u201c", "\u201d"), ("(", ")"), ("[", "]")]
ENDINGS = ["", ".", "!", "?", "...", " .", ",", ";"]
NON_ASCII = ["caf\u00e9", "na\u00efve", "\u00fcber", "r\u00e9sum\u00e9", "Z\u00fcrich", "se\u00f1or"]


def article(word, rng):
    if rng.random() < 0.25:
        return rng.choice(["the", "some", "two", "this", "one"])
    return "an" if word[0].lower() in "aeiou" else "a"


def noun_phrase(rng, color=None, size=None, obj=None, plural=False):
    obj = obj or rng.choice(OBJECTS)
    words = []
    if size or rng.random() < 0.3:
        words.append(size or rng.choice(SIZES))
    if color or rng.random() < 0.7:
        words.append(color or rng.choice(COLORS))
    if plural:
        words.append(PLURALS.get(obj, obj + "s"))
        lead = rng.choice(["two", "three", "2", "some", "many", "the"])
    else:
        words.append(obj)
        lead = article(words[0], rng)
    return f"{lead} {' '.join(words)}"


def coordination(rng):
    a, b, c = rng.sample(COLORS, 3)
    return rng.choice([f"{a} and {b}", f"{a}, {b} and {c}", f"{a}/{b}", f"{a} & {b}", f"{a} or {b}", f"{a}-and-{b}",
                       f"{a} {b}", f"{a}, {b}, and {c}"])


def located_pair(rng):
    return f"{noun_phrase(rng)} {rng.choice(LOCATIONS)} {noun_phrase(rng)}"


def coordinated_colors(rng):
    obj = rng.choice(OBJECTS)
    coord = coordination(rng)
    return f"{article(coord, rng)} {coord} {obj} {rng.choice(LOCATIONS)} {noun_phrase(rng)}"


def particle_then_color(rng):
    return f"{rng.choice(SUBJECTS)} {rng.choice(PARTICLES)} {rng.choice(COLORS)} {rng.choice(['smoke', 'gloves', 'paint', 'shirt', 'light'])}"


def term_at_the_end(rng):
    # Only the caption's end bounds the term's context.
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(['an orange', 'a cream', 'the orange', 'a lime', 'an olive', 'a black', 'a white', 'some cream'])}"


def quoted_word(rng):
    left, right = rng.choice(QUOTES)
    word = rng.choice(COLORS + OBJECTS + ["Apple", "Orange", "Eagle", "Old", "Umbrella"])
    return f"{article(word, rng).capitalize() if rng.random() < 0.5 else article(word, rng)} {left}{word}{right} {rng.choice(['logo', 'sign', 'car', 'shirt', 'bus'])} {rng.choice(LOCATIONS)} {noun_phrase(rng)}"


def variant_spellings(rng):
    a, b = rng.choice([("grey", "gray"), ("gray", "grey"), ("golden", "gold"), ("Grey", "tan"), ("TAN", "grey")])
    return f"{article(a, rng)} {a} {rng.choice(OBJECTS)} and {article(b, rng)} {b} {rng.choice(OBJECTS)}"


def plurals(rng):
    return f"{noun_phrase(rng, plural=True)} {rng.choice(LOCATIONS)} {noun_phrase(rng, plural=rng.random() < 0.5)}"


def possessive_after_term(rng):
    obj = rng.choice(OBJECTS)
    return f"the {rng.choice(COLORS)} {obj}'s {rng.choice(['tail', 'roof', 'handle', 'door'])} is {rng.choice(COLORS)}"


def non_ascii(rng):
    return f"{noun_phrase(rng)} at a {rng.choice(NON_ASCII)} {rng.choice(LOCATIONS)} {noun_phrase(rng)}"


def hyphenated_color(rng):
    return f"{rng.choice(['a', 'an', 'the'])} {rng.choice(COLORS)}-{rng.choice(['colored', 'striped', 'and-white', 'haired'])} {rng.choice(OBJECTS)} {rng.choice(LOCATIONS)} {noun_phrase(rng)}"


def with_coordinated_colors(rng):
    return f"{noun_phrase(rng)} with {article('x', rng)} {coordination(rng)} {rng.choice(OBJECTS)}"


def two_objects(rng):
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {noun_phrase(rng)} and {noun_phrase(rng)}"


def lists_of_objects_and_sizes(rng):
    # "a dog, cat and horse", "big and small dogs".
    a, b, c = rng.sample(OBJECTS, 3)
    d, e = rng.sample(SIZES, 2)
    return rng.choice([f"a {a}, {b} and {c} on a {rng.choice(COLORS)} {rng.choice(OBJECTS)}",
                       f"{d} and {e} {PLURALS.get(a, a + 's')} {rng.choice(LOCATIONS)} {noun_phrase(rng)}",
                       f"a {a} or {b} {rng.choice(LOCATIONS)} the {c}"])


def two_sentences(rng):
    # A capital after a full stop opens the second.
    return f"{noun_phrase(rng)}. {noun_phrase(rng).capitalize()} {rng.choice(LOCATIONS)} {noun_phrase(rng)}"


def possessive_before_term(rng):
    # "a man's red shirt", "the dogs' blue bowl".
    return f"{rng.choice(['a man', 'the dog', 'the dogs', 'a girl', 'the woman'])}{rng.choice(['s', ''])}' {rng.choice(COLORS)} {rng.choice(OBJECTS)}".replace("s'", "'s", 1) \
        if rng.random() < 0.5 else f"{rng.choice(['a man', 'the dog', 'a girl'])}'s {rng.choice(SIZES)} {rng.choice(COLORS)} {rng.choice(OBJECTS)}"


def quoted_phrases(rng):
    # Quotes and brackets around compound terms and whole phrases.
    left, right = rng.choice(QUOTES)
    return f"{rng.choice(['a', 'an', 'the', 'A'])} {left}{rng.choice(COLORS)} {rng.choice(OBJECTS)}{right} {rng.choice(LOCATIONS)} {left}{noun_phrase(rng)}{right}"


def coordinated_locations(rng):
    # "on the left and right", "above and below".
    a, b = rng.sample(["left", "right", "top", "bottom", "front", "back", "above", "below", "inside", "outside"], 2)
    return rng.choice([f"{noun_phrase(rng)} on the {a} and {b}", f"{noun_phrase(rng)} {a} and {b} {noun_phrase(rng)}",
                       f"{noun_phrase(rng)} on the {a} of {noun_phrase(rng)} and on the {b} of {noun_phrase(rng)}"])


def hyphenated_terms(rng):
    # "red-and-white", "black-white", "dog-friendly".
    return f"{article('a', rng)} {rng.choice(COLORS)}-{rng.choice(COLORS)} {rng.choice(OBJECTS)} next to a {rng.choice(OBJECTS)}-{rng.choice(['shaped', 'friendly', 'sized'])} {rng.choice(OBJECTS)}"


def web_text(rng):
    # Alt-text as the web writes it: emoji (outside the BMP), hashtags, handles, entities, dashes, smart quotes, marks.
    bits = [noun_phrase(rng), rng.choice(["\U0001F60D", "\U0001F436", "\u2764\ufe0f", "\u2122", "\u00ae", "#" + rng.choice(COLORS).replace(" ", ""),
                                         "@" + rng.choice(OBJECTS).replace(" ", "_"), "&amp;", "\u2014", "\u2026", "http://x.co/" + rng.choice(COLORS).replace(" ", "-")]),
            rng.choice(LOCATIONS), noun_phrase(rng), rng.choice(["\U0001F308", "\u201cnew\u201d", "(2019)", "- 50% off", "x2", "\u00bd"])]
    return " ".join(bits)


# One is drawn per caption: a seed gives the same captions as long as this list is unchanged.
TEMPLATES = [located_pair, coordinated_colors, particle_then_color, term_at_the_end, quoted_word, variant_spellings,
             plurals, possessive_after_term, non_ascii, hyphenated_color, with_coordinated_colors, two_objects,
             lists_of_objects_and_sizes, two_sentences, possessive_before_term, quoted_phrases, coordinated_locations,
             hyphenated_terms, web_text]


F_COLORS = ["black", "white", "red", "blue", "navy", "navy blue", "burgundy", "beige", "cream", "ivory", "tan", "camel",
            "olive", "teal", "coral", "gray", "grey", "pink", "multicolor", "off white", "off-white", "light blue"]
F_MATERIALS = ["leather", "faux leather", "denim", "silk", "satin", "cotton", "linen", "lace", "wool", "knit", "chiffon",
               "velvet", "suede", "sequin", "sequined", "mesh", "jersey"]
F_PATTERNS = ["floral", "striped", "plaid", "checkered", "polka dot", "polka-dot", "leopard print", "camo", "tie-dye",
              "geometric", "paisley", "floral print"]
F_GARMENTS = ["gown", "sundress", "shift dress", "wrap dress", "shirt dress", "shirtdress", "maxi dress", "midi dress",
              "mini dress", "t-shirt", "tee", "tank top", "blouse", "sweater", "cardigan", "hoodie", "tunic", "polo shirt",
              "crop top", "button-down", "jeans", "leggings", "shorts", "trousers", "pencil skirt", "a-line skirt",
              "mini skirt", "miniskirt", "blazer", "bomber jacket", "denim jacket", "leather jacket", "trench coat",
              "parka", "dress", "top", "skirt", "jacket"]
F_NECKLINES = ["v-neck", "v neck", "crew neck", "crewneck", "scoop neck", "turtleneck", "boat neck", "off-the-shoulder",
               "one-shoulder", "halter neck", "sweetheart neckline", "high neck"]
F_SLEEVES = ["sleeveless", "long sleeve", "short sleeve", "cap sleeve", "long-sleeved", "short sleeved",
             "three-quarter sleeve"]
F_COMPARATIVES = ["darker", "lighter", "longer", "shorter", "tighter", "looser", "more colorful", "less revealing",
                  "more casual", "more formal"]
F_BRANDS = ["ASOS", "Topshop", "Mango", "Free People", "Calvin Klein", "Ralph Lauren", "Red Valentino", "Off-White",
            "Black Halo", "Green Apple"]


def sleeves(rng):
    sleeve = rng.choice(F_SLEEVES)
    return sleeve + "s" if sleeve.endswith("sleeve") else sleeve + " sleeves"


def fashion_title(rng):
    words = [w for w in (rng.choice(F_COLORS) if rng.random() < 0.8 else "", rng.choice(F_MATERIALS) if rng.random() < 0.5 else "",
                         rng.choice(F_PATTERNS) if rng.random() < 0.4 else "", rng.choice(F_GARMENTS)) if w]
    title = " ".join(words)
    extra = rng.choice(["", f" with {rng.choice(F_NECKLINES)}", f" with {sleeves(rng)}",
                        f", {rng.choice(F_SLEEVES)}", f" in {rng.choice(F_COLORS)} and {rng.choice(F_COLORS)}",
                        f" - {rng.choice(F_COLORS)}/{rng.choice(F_COLORS)}", f" ({rng.choice(F_COLORS)})", " - size XS",
                        f" & {rng.choice(F_COLORS)} {rng.choice(F_GARMENTS)}"])
    lead = rng.choice(["", "", f"{rng.choice(F_BRANDS)} ", "women's ", "Women's ", "petite ", "plus size "])
    return lead + title + extra


def fashion_relative(rng):
    # Fashion-IQ's relative captions: "is darker and has longer sleeves", "is a red floral dress".
    return rng.choice([f"is {rng.choice(F_COMPARATIVES)} and has {sleeves(rng)}",
                       f"is a {rng.choice(F_COLORS)} {rng.choice(F_PATTERNS)} {rng.choice(F_GARMENTS)}",
                       f"has a {rng.choice(F_NECKLINES)} and is {rng.choice(F_COLORS)}",
                       f"is {rng.choice(F_COLORS)} with {rng.choice(F_COLORS)} {rng.choice(F_PATTERNS)} and {sleeves(rng)}",
                       f"{rng.choice(F_MATERIALS)} instead of {rng.choice(F_MATERIALS)}, and {rng.choice(F_COMPARATIVES)}"])


FASHION_TEMPLATES = [fashion_title, fashion_title, fashion_relative]


def caption(rng, templates=TEMPLATES):
    text = templates[rng.randrange(len(templates))](rng)
    style = rng.randrange(8)
    if style == 0:
        text = text.upper()
    elif style == 1:
        text = " ".join(w[:1].upper() + w[1:] for w in text.split(" "))
    elif style in (2, 3):
        text = text[:1].upper() + text[1:]
    if rng.random() < 0.1:
        text = text.replace(" ", rng.choice(["  ", "\t", "\u00a0"]), 1)
    return text + rng.choice(ENDINGS)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=4000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--style", choices=["coco", "fashion"], default="coco")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    templates = FASHION_TEMPLATES if args.style == "fashion" else TEMPLATES
    with open(args.out, "w", encoding="utf-8") as f:
        for _ in range(args.count):
            f.write(caption(rng, templates) + "\n")


if __name__ == "__main__":
    main()
