"""Hashtags into words, at build time: `dogsofinstagram` -> dogs of instagram.

Uses `wordsegment` and the English unigram counts it ships, plus a few words of Instagram's own.
A split is kept only when every piece is a common word; otherwise the tag stays one word (with
any long common pieces beside it), so `jedzeniewarszawa` does not become `jed zen ie ...`.
"""

from __future__ import annotations

import functools

import wordsegment

# Words hashtags use that the English counts lack or would split ("insta gram").
DOMAIN_WORDS = frozenset(
    {
        "instagram", "insta", "instagood", "igers", "ootd", "ootn", "selfie", "selfies",
        "fitfam", "fitspo", "vsco", "tbt", "bestie", "besties", "foodie", "foodies",
        "wanderlust", "yolo", "bff", "vlog", "vlogger", "blogger", "influencer", "hashtag",
        "tiktok", "kpop", "cosplay", "brunch", "doggo", "reels",
    }
)  # fmt: skip
DOMAIN_COUNT = 1e9
# A piece of three or more letters counts as a word when the counts have it this often.
MIN_COUNT = 1e6
SHORT_WORDS = frozenset(
    {
        "a", "an", "as", "at", "be", "by", "do", "go", "hi", "i", "in", "is", "it", "me", "my",
        "no", "of", "oh", "ok", "on", "or", "so", "to", "tv", "up", "us", "we",
    }
)  # fmt: skip


@functools.cache
def _load() -> None:
    wordsegment.load()
    for word in DOMAIN_WORDS:
        wordsegment.UNIGRAMS[word] = DOMAIN_COUNT


@functools.lru_cache(maxsize=200_000)
def segment(tag: str) -> tuple[str, ...]:
    """The words of a normalised hashtag."""
    if not tag.isascii() or not tag.isalnum() or len(tag) <= 3:
        return (tag,)
    _load()
    pieces = wordsegment.segment(tag)
    if pieces and all(_is_word(p) for p in pieces):
        return tuple(pieces)
    return (tag, *(p for p in pieces if len(p) >= 4 and _is_word(p)))


def _is_word(piece: str) -> bool:
    if piece.isdigit() or piece in SHORT_WORDS:
        return True
    return len(piece) >= 3 and wordsegment.UNIGRAMS.get(piece, 0.0) >= MIN_COUNT
