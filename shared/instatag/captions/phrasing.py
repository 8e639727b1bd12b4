"""Concept labels as English noun phrases: a readable name, its article, number and agreement.

ImageNet labels come in several shapes ("tabby, tabby cat", "kite (bird of prey)", "handrail /
baluster", "traffic or street sign", "a cat having a striped coat"); `readable` turns each into
the name a person would write, and `noun_for` decides how it takes a determiner: "a tabby cat",
"an espresso", "some strawberries", "some guacamole", "a pair of jeans".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["count", "plural", "mass", "pair"]


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of a text block, as a set."""
    return frozenset(text.split())


# Labels whose generic reading would be wrong or clumsy: descriptions instead of names, and
# names with a disambiguating word tacked on ("cricket insect").
READABLE_OVERRIDES = {
    "a cat having a striped coat": "tabby cat",
    "tights for gymnastics, a one-piece leotard, or a sport jersey": "leotard",
    "kite (bird of prey)": "bird of prey",
    "cricket insect": "cricket",
    "bittern bird": "bittern",
    "crane bird": "crane",
    "gar fish": "gar",
    "snoek fish": "snoek",
    "rock beauty fish": "rock beauty",
    "volleyball ball": "volleyball",
    "ruler measuring stick": "ruler",
    "crate box": "crate",
    "loupe magnifying glass": "magnifying glass",
    "marimba xylophone": "marimba",
    "cornet trumpet": "cornet",
    "rickshaw vehicle": "rickshaw",
    "balaclava ski mask": "balaclava",
    "stole scarf": "scarf",
    "hair wig": "wig",
    "metal nail": "nail",
    "keyboard space bar": "space bar",
    "typewriter keyboard": "typewriter",
    "fishing casting reel": "fishing reel",
    "bell or wind chime": "wind chime",
    "product packet / packaging": "packet",
    "ram (adult male sheep)": "ram",
    "drake (male duck)": "drake",
}

# Nouns (the last word of a name) that take "some" and no "a": "some guacamole".
MASS_NOUNS = words(
    """
    guacamole hay wool dough syrup carbonara consomme broccoli corn wine eggnog velvet fabric
    cream rapeseed mail paper bread rice pasta sushi granola soup honey chocolate cheese butter
    jam milk juice tea coffee beer champagne water sand snow ice grass moss fur silk lace denim
    leather hair makeup jewelry jewellery furniture equipment luggage music food foliage lava
    smoke fog mist steam sunshine scenery apparel popcorn cereal yogurt yoghurt
    """
)
# Nouns a photo usually shows several of: "some strawberries", not "a strawberry".
USUALLY_SEVERAL = words(
    """
    strawberry fig acorn bubble daisy seed hip cherry grape blueberry raspberry berry pebble
    cookie macaron cupcake tulip
    """
)
# Plural nouns that are one thing: "a pair of jeans".
PAIR_NOUNS = words(
    """
    jeans sunglasses binoculars pajamas pyjamas trunks tights shorts trousers pants leggings
    glasses goggles headphones scissors pliers tongs earrings clogs
    """
)
# Words ending in "s" that are singular.
SINGULAR_S = words(
    """
    triceratops lens chassis series species news bus minibus trolleybus abacus platypus
    hippopotamus cactus octopus iris canvas bolus gas hibiscus asparagus citrus walrus
    """
)
SINGULAR_S_ENDINGS = ("ss", "us", "is", "os")

# Spelling decides "a" or "an" except where the sound does not follow the letter.
VOWEL_SOUND_CONSONANTS = ("hour", "honest", "honour", "honor", "heir")
CONSONANT_SOUND_VOWELS = (
    "uni", "use", "usu", "uti", "uto", "uku", "ura", "uri", "ure", "ubi", "eu", "ewe", "one",
    "once",
)  # fmt: skip
# Letters whose spoken name starts with a vowel sound: "an MRI", "an X-ray", but "a CD".
VOWEL_SOUND_LETTERS = frozenset("aefhilmnorsx")

_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'.-]*")


def readable(label: str) -> str:
    """The name a person would write for a class label: "kite (bird of prey)" -> "bird of prey"."""
    text = _SPACES.sub(" ", label).strip()
    if text in READABLE_OVERRIDES:
        return READABLE_OVERRIDES[text]
    text = _PARENTHESES.sub("", text).strip()
    text = text.split(" / ")[0].strip()
    text = _first_alternative(text.split(","))
    text = _or_alternative(text)
    if text.lower().startswith(("a ", "an ")):
        text = text.split(" ", 1)[1]
    return text or label.strip()


def _first_alternative(parts: list[str]) -> str:
    """The first name, or a later one that extends it ("tabby, tabby cat" -> "tabby cat")."""
    names = [part.strip() for part in parts if part.strip()]
    if not names:
        return ""
    first = names[0]
    for other in names[1:]:
        if other.lower().startswith(first.lower() + " ") and not _looks_latin(other):
            return other
    return first


def _looks_latin(name: str) -> bool:
    """Binomials such as "Tinca tinca": two words, the first capitalised, the second not."""
    words = name.split()
    return len(words) == 2 and words[0][:1].isupper() and words[1].islower()


def _or_alternative(text: str) -> str:
    """Of two names, the one to write: "traffic or street sign" -> "street sign"."""
    if " or " not in text:
        return text
    first, _, rest = text.partition(" or ")
    if len(first.split()) == 1 and len(rest.split()) > 1:
        return rest.strip()
    return first.strip()


def indefinite_article(phrase: str) -> str:
    """The indefinite article ("a" or "an") for the sound that starts `phrase`."""
    word = phrase.split(" ", 1)[0]
    lower = word.lower()
    if not lower:
        return "a"
    if _spelled_as_letters(word):
        return "an" if lower[0] in VOWEL_SOUND_LETTERS else "a"
    if lower.startswith(VOWEL_SOUND_CONSONANTS):
        return "an"
    if lower.startswith(CONSONANT_SOUND_VOWELS):
        return "a"
    return "an" if lower[0] in "aeiou" else "a"


def _spelled_as_letters(word: str) -> bool:
    """Initialisms read letter by letter: "CD", "CRT", and "T" of "T-shirt"."""
    head = word.split("-", 1)[0]
    letters = head.replace(".", "")
    if len(head) == 1 and "-" in word:
        return head.isalpha()
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def pluralise(word: str) -> str:
    """The regular plural of an English noun."""
    lower = word.lower()
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        return word[:-1] + "ies"
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


@dataclass(frozen=True)
class Noun:
    """A noun phrase that knows its determiners and verb agreement.

    `name` is what the phrase says ("strawberries"); `singular` the form used as a modifier
    ("strawberry season"); `kind` how it takes determiners.
    """

    name: str
    singular: str
    kind: Kind

    @property
    def plural(self) -> bool:
        return self.kind in ("plural", "pair")

    @property
    def a(self) -> str:
        """With an indefinite determiner: "an espresso", "some figs", "a pair of jeans"."""
        if self.kind == "pair":
            return f"a pair of {self.name}"
        if self.kind in ("plural", "mass"):
            return f"some {self.name}"
        return f"{indefinite_article(self.name)} {self.name}"

    @property
    def the(self) -> str:
        return f"the {self.name}"

    @property
    def this(self) -> str:
        return f"{'these' if self.plural else 'this'} {self.name}"

    @property
    def is_(self) -> str:
        return "are" if self.plural else "is"

    @property
    def has(self) -> str:
        return "have" if self.plural else "has"

    @property
    def was(self) -> str:
        return "were" if self.plural else "was"


def noun_for(label: str) -> Noun:
    """The noun phrase for a class label."""
    name = readable(label)
    words = _WORD.findall(name)
    head = words[-1].lower() if words else name.lower()

    if head in PAIR_NOUNS:
        return Noun(name=name, singular=name, kind="pair")
    if head in MASS_NOUNS:
        return Noun(name=name, singular=name, kind="mass")
    if _is_plural(head):
        return Noun(name=name, singular=name, kind="plural")
    if head in USUALLY_SEVERAL:
        stem, _, last = name.rpartition(" ")
        plural = f"{stem} {pluralise(last)}".strip()
        return Noun(name=plural, singular=name, kind="plural")
    return Noun(name=name, singular=name, kind="count")


def _is_plural(head: str) -> bool:
    if not head.endswith("s") or head in SINGULAR_S or len(head) < 3:
        return False
    return not head.endswith(SINGULAR_S_ENDINGS)
