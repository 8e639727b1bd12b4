"""Cleaning real captions for reuse, telling near-duplicates apart, and blocking words.

A post's caption carries things that belong to its author: hashtags, @mentions, links, credit
lines ("Photo by @x"), dot spacers. `clean_caption` keeps the sentences a person could post
again and drops the rest; a caption that was mostly hashtags, or ends up too short or too long,
is not worth offering and comes back as None.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

from instatag.hashtags.text import stem as singular

BLOCKED_WORDS_FILE = "blocked_words.txt"

URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
MENTION = re.compile(r"(?<![\w@])@[\w.]+", re.UNICODE)
HASHTAG = re.compile(r"#\w+", re.UNICODE)
HASHTAG_RUN = re.compile(r"(?:#\w+[\s.,;:!?|·-]*){2,}$|#\w+[\s.,;:!?|·-]*$", re.UNICODE)
SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")
# One emoji: a pictograph or symbol, with any modifiers, variation selectors and joined parts.
EMOJI = re.compile(
    "(?:[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff]"
    "[\ufe0f\u200d\U0001f3fb-\U0001f3ff]*"
    "(?:\u200d[\U0001f000-\U0001faff\u2600-\u27bf][\ufe0f]?)*)"
)
EMOJI_RUN = re.compile(f"{EMOJI.pattern}(?:\\s*{EMOJI.pattern})+")
SPACER = re.compile("^[\\s.·•_|\\-\u2013\u2014~*]*$")
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,!?;:…])")
DANGLING_END = re.compile("[\\s,;:|\\-\u2013\u2014(]+$")
WORD = re.compile("[^\\W_]+(?:['\u2019-][^\\W_]+)*", re.UNICODE)


@dataclass(frozen=True)
class CleaningLimits:
    min_words: int = 3
    max_chars: int = 220
    max_emoji: int = 2
    # A caption whose tokens are more than this share hashtags says little of its own.
    max_hashtag_share: float = 0.75


def clean_caption(caption: str, limits: CleaningLimits = CleaningLimits()) -> str | None:
    """The caption without hashtags, mentions, links, spacers and excess emoji, or None when
    what is left is not a caption worth offering."""
    text = unicodedata.normalize("NFC", caption)
    if _hashtag_share(text) > limits.max_hashtag_share:
        return None

    sentences = [_clean_sentence(s) for s in SENTENCE.split(text) if _keep_sentence(s)]
    cleaned = _limit_emoji(" ".join(s for s in sentences if s), limits.max_emoji)
    cleaned = _tidy(cleaned)
    if len(WORD.findall(cleaned)) < limits.min_words or len(cleaned) > limits.max_chars:
        return None
    return _finish(cleaned)


def _hashtag_share(text: str) -> float:
    hashtags = len(HASHTAG.findall(text))
    words = len(WORD.findall(HASHTAG.sub(" ", text)))
    return hashtags / max(1, hashtags + words)


def _keep_sentence(sentence: str) -> bool:
    """Credit and link sentences ("Photo by @x.", "Details: https://...") go whole."""
    if not sentence or SPACER.match(sentence):
        return False
    return not (URL.search(sentence) or MENTION.search(sentence))


def _clean_sentence(sentence: str) -> str:
    """Hashtags at the end of a sentence go; one inside it keeps its word ("love #coffee art")."""
    text = HASHTAG_RUN.sub("", sentence.strip())
    text = HASHTAG.sub(lambda m: m.group(0)[1:], text)
    return _tidy(text)


def _limit_emoji(text: str, most: int) -> str:
    """A run of emoji becomes its first; past `most` emoji, the rest go."""
    text = EMOJI_RUN.sub(lambda m: EMOJI.match(m.group(0)).group(0), text)  # type: ignore[union-attr]
    seen = 0

    def keep(match: re.Match[str]) -> str:
        nonlocal seen
        seen += 1
        return match.group(0) if seen <= most else ""

    return EMOJI.sub(keep, text)


def _tidy(text: str) -> str:
    text = " ".join(text.split())
    text = SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)
    return DANGLING_END.sub("", text).strip()


def _finish(text: str) -> str:
    """Start with a capital and end like a sentence (or an emoji)."""
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    last = text.rstrip()[-1:]
    if last and (last.isalnum() and not EMOJI.search(last)):
        text += "."
    return text


def tokens(text: str) -> list[str]:
    """Lower-case words of a text, each reduced to a rough singular stem."""
    return [stem(word) for word in WORD.findall(text.lower())]


def stem(word: str) -> str:
    """A rough singular, possessives dropped: "cat's" -> "cat", "berries" -> "berry"."""
    return singular(word.replace("\u2019", "'").removesuffix("'s"))


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    left, right = set(a), set(b)
    if not left and not right:
        return 1.0
    return len(left & right) / len(left | right)


class Distinct:
    """Accepts texts one by one, refusing any whose words overlap too much (Jaccard) with
    those of one already accepted."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self.accepted: list[set[str]] = []

    def add(self, text: str) -> bool:
        """Accept `text` unless it near-duplicates an accepted text; True when accepted."""
        words = set(tokens(EMOJI.sub(" ", text)))
        if any(jaccard(words, other) >= self.threshold for other in self.accepted):
            return False
        self.accepted.append(words)
        return True


class BlockList:
    """Words and phrases that no caption may contain, matched on whole words."""

    def __init__(self, entries: Iterable[str]) -> None:
        phrases = {tuple(tokens(entry)) for entry in entries}
        self.words = frozenset(p[0] for p in phrases if len(p) == 1)
        self.phrases = frozenset(p for p in phrases if len(p) > 1)

    @classmethod
    def with_defaults(cls, extra: Sequence[str] = ()) -> BlockList:
        """The packaged default list plus `extra` (from the settings)."""
        return cls([*default_blocked_words(), *extra])

    def blocks(self, text: str) -> bool:
        words = tokens(HASHTAG.sub(lambda m: m.group(0)[1:], text))
        if not self.words.isdisjoint(words):
            return True
        for phrase in self.phrases:
            size = len(phrase)
            if any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1)):
                return True
        return False


def default_blocked_words() -> list[str]:
    """The packaged list: one word or phrase a line; `#` starts a comment."""
    text = (resources.files("instatag") / "data" / BLOCKED_WORDS_FILE).read_text("utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]
