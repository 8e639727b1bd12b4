"""Words in what people type, and the light stemming both tags and queries share."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_HASHTAG = re.compile(r"#\w+", re.UNICODE)

# Words that say nothing about a photo, so they neither match nor weigh in a tag's words.
STOP_WORDS = frozenset(
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have",
        "i", "in", "is", "it", "its", "me", "my", "of", "on", "or", "our", "so", "that", "the",
        "this", "to", "us", "was", "we", "were", "with", "you", "your",
    }
)  # fmt: skip


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def words_in(text: str) -> list[str]:
    """The words of a caption or keyword list, hashtags left out, in order, each once."""
    plain = _HASHTAG.sub(" ", normalise(text))
    return list(dict.fromkeys(w for w in _WORD.findall(plain) if not w.isdigit()))


def stem(word: str) -> str:
    """A crude singular: `dogs` -> `dog`, `puppies` -> `puppy`, `beaches` -> `beach`."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_stems(words: Iterable[str]) -> list[str]:
    """Stems of the words that carry meaning, each once."""
    return list(dict.fromkeys(stem(w) for w in words if w not in STOP_WORDS and len(w) > 1))


def phrases(words: list[str]) -> list[str]:
    """Single words and adjacent pairs run together, as hashtags write them (`new york`)."""
    pairs = [a + b for a, b in itertools.pairwise(words)]
    return list(dict.fromkeys([*words, *pairs]))
