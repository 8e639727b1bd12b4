"""Choosing what to show: near-duplicates, the blocked list, the set per platform."""

from __future__ import annotations

from collections import Counter

import pytest
from instatag.hashtags.choose import (
    Blocklist,
    Candidate,
    default_blocked,
    edit_distance,
    near_duplicates,
    recommended_set,
    tier_bounds,
)
from instatag.hashtags.text import phrases, stem, words_in


def tag(name: str, score: float = 1.0, tier: str = "medium", words: str = "") -> Candidate:
    return Candidate(name, score, tier, words or name)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("cat", "cats"),
        ("puppy", "puppies"),
        ("food", "foodporn"),
        ("photooftheday", "photoftheday"),
        ("travelgram", "travelgrams"),
    ],
)
def test_near_duplicates(a: str, b: str) -> None:
    assert near_duplicates(tag(a), tag(b))
    assert near_duplicates(tag(b), tag(a))


def test_a_tag_whose_words_hold_anothers_is_a_near_duplicate() -> None:
    cat = tag("cat", words="cat")
    cats_of_instagram = tag("catsofinstagram", words="cats of instagram")

    assert near_duplicates(cat, cats_of_instagram)


@pytest.mark.parametrize(("a", "b"), [("art", "heart"), ("beach", "peach"), ("dog", "cat")])
def test_different_tags_are_not_near_duplicates(a: str, b: str) -> None:
    assert not near_duplicates(tag(a), tag(b))


def test_edit_distance_stops_past_its_limit() -> None:
    assert edit_distance("kitten", "sitting", 5) == 3
    assert edit_distance("kitten", "sitting", 1) == 2
    assert edit_distance("abc", "abcdef", 1) == 2


def test_the_shipped_list_blocks_engagement_bait() -> None:
    blocked = Blocklist()

    assert {"follow4follow", "like4like", "f4f", "l4l", "tagsforlikes"} <= default_blocked()
    assert "instalike" in blocked
    assert "cat" not in blocked


@pytest.mark.parametrize("bait", ["like4likes", "followforfollowback", "s4s", "comment4comment"])
def test_x_for_x_variants_are_blocked_by_pattern(bait: str) -> None:
    assert bait in Blocklist()


@pytest.mark.parametrize("fine", ["life4life", "love", "forest", "follow", "lforlove"])
def test_ordinary_tags_pass_the_pattern(fine: str) -> None:
    assert fine not in Blocklist()


def test_configured_tags_are_blocked_once_normalised() -> None:
    assert "spammy" in Blocklist(["#Spammy"])


def test_five_tags_mix_tiers() -> None:
    assert tier_bounds(5) == {"popular": (1, 2), "medium": (2, 3), "niche": (1, 2)}
    assert tier_bounds(2) == {}


def test_a_five_tag_set_spreads_over_tiers_even_when_one_tier_scores_best() -> None:
    candidates = [tag(f"pop{i}", 10 - i, "popular") for i in range(6)]
    candidates += [tag(f"mid{i}", 5 - i / 10, "medium") for i in range(4)]
    candidates += [tag(f"rare{i}", 3 - i / 10, "niche") for i in range(3)]

    chosen = recommended_set(candidates, 5)

    tiers = Counter(c.tier for c in chosen)
    assert len(chosen) == 5
    assert 1 <= tiers["popular"] <= 2
    assert 2 <= tiers["medium"] <= 3
    assert 1 <= tiers["niche"] <= 2
    assert [c.tag for c in chosen][:2] == ["pop0", "pop1"]
    assert [c.score for c in chosen] == sorted((c.score for c in chosen), reverse=True)


def test_a_set_is_filled_from_other_tiers_when_one_has_nothing() -> None:
    candidates = [tag(f"pop{i}", 10 - i, "popular") for i in range(6)]

    chosen = recommended_set(candidates, 5)

    assert [c.tag for c in chosen] == ["pop0", "pop1", "pop2", "pop3", "pop4"]


def test_a_set_has_no_near_duplicates() -> None:
    candidates = [
        tag("cat", 9, "popular"),
        tag("cats", 8, "popular"),
        tag("catsofinstagram", 7, "medium", "cats of instagram"),
        tag("kitten", 6, "medium"),
        tag("kittens", 5, "niche"),
        tag("tabby", 4, "niche"),
    ]

    chosen = [c.tag for c in recommended_set(candidates, 3)]

    assert chosen == ["cat", "kitten", "tabby"]


def test_weak_tags_do_not_fill_a_tier_quota() -> None:
    candidates = [tag("cat", 10, "popular"), tag("kitten", 8, "medium"), tag("meh", 0.1, "niche")]
    candidates += [tag("cats2day", 7, "popular")]

    chosen = [c.tag for c in recommended_set(candidates, 5)]

    assert chosen[:3] == ["cat", "kitten", "cats2day"]
    assert chosen[-1] == "meh"


def test_words_of_a_caption_leave_out_hashtags_and_numbers() -> None:
    assert words_in("Sunset at the Beach! #nofilter 2024 Café") == [
        "sunset",
        "at",
        "the",
        "beach",
        "café",
    ]


def test_stems_and_phrases() -> None:
    assert [stem(w) for w in ("dogs", "puppies", "beaches", "glass", "bus", "cat")] == [
        "dog",
        "puppy",
        "beach",
        "glass",
        "bus",
        "cat",
    ]
    assert phrases(["new", "york", "city"]) == ["new", "york", "city", "newyork", "yorkcity"]
