"""Cleaning real captions for reuse, near-duplicates, and the blocked words."""

from __future__ import annotations

import pytest
from instatag.captions.cleaning import (
    BlockList,
    CleaningLimits,
    Distinct,
    clean_caption,
    default_blocked_words,
    jaccard,
    tokens,
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (
            "Obsessed with late-night ramen with extra chashu!\n.\n.\n.\n#ramen #noodles #food",
            "Obsessed with late-night ramen with extra chashu!",
        ),
        (
            "Daily dose of leftover pie for breakfast. Photo by @lena.eats.\n\n#pie #baking",
            "Daily dose of leftover pie for breakfast.",
        ),
        (
            "No thoughts, just a waterfall. Details: https://example.com/travel/falls #travel",
            "No thoughts, just a waterfall.",
        ),
        ("best #coffee in town, no contest #cafe #latte", "Best coffee in town, no contest."),
        (
            "Sunday morning 😍😍😍🥰 coffee ☕ ☕ and a good book 📚🎉",
            "Sunday morning 😍 coffee ☕ and a good book.",
        ),
        ("  too   many    spaces  here , really  .", "Too many spaces here, really."),
        ("Thanks @friend for the tip! Loved this little bakery.", "Loved this little bakery."),
    ],
)
def test_a_caption_keeps_only_what_a_person_could_post_again(raw: str, clean: str) -> None:
    assert clean_caption(raw) == clean


@pytest.mark.parametrize(
    "raw",
    [
        "#food #foodie #instafood #yummy #delicious #foodporn #love",
        "Yum #food #foodie #instafood #yummy #delicious #foodporn #love #eat",
        "Nice. #food",
        "@someone check this out www.example.com",
        "So good " + "really " * 60,
        "",
    ],
)
def test_hashtag_walls_scraps_and_essays_are_not_offered(raw: str) -> None:
    assert clean_caption(raw) is None


def test_the_size_limits_are_settings() -> None:
    text = "A quiet walk along the harbour at dawn."

    assert clean_caption(text, CleaningLimits(max_chars=20)) is None
    assert clean_caption(text, CleaningLimits(min_words=10)) is None
    assert clean_caption(text) == text


def test_tokens_are_rough_singular_stems() -> None:
    assert tokens("Berries, BOXES and cats' dishes; glass bus") == [
        "berry", "box", "and", "cat", "dish", "glass", "bus",
    ]  # fmt: skip


def test_near_duplicates_are_refused_and_different_texts_kept() -> None:
    distinct = Distinct(threshold=0.6)

    assert distinct.add("Just an espresso.")
    assert not distinct.add("Just an espresso ☕")
    assert not distinct.add("just AN espresso!!")
    assert distinct.add("Today: an espresso.")
    assert distinct.add("Nothing beats an espresso on a slow day ☕")
    assert not distinct.add("Nothing beats an espresso on a slow morning ☕")


def test_jaccard_of_word_sets() -> None:
    assert jaccard(["a", "b"], ["b", "c"]) == pytest.approx(1 / 3)
    assert jaccard([], []) == 1.0


def test_blocked_words_match_whole_words_plurals_and_phrases() -> None:
    blocked = BlockList(["damn", "link in bio", "spam"])

    assert blocked.blocks("Damn, that view.")
    assert blocked.blocks("More pics, LINK IN BIO!")
    assert blocked.blocks("so many spams")
    assert blocked.blocks("#damn good")
    assert not blocked.blocks("The dam at dusk.")
    assert not blocked.blocks("A link to my bio is below.")


def test_the_default_list_and_the_settings_are_both_used() -> None:
    defaults = default_blocked_words()
    blocked = BlockList.with_defaults(["espresso"])

    assert "link in bio" in defaults and "f4f" in defaults
    assert not any(word.startswith("#") for word in defaults)
    assert blocked.blocks("Follow for follow!")
    assert blocked.blocks("Just an espresso.")
    assert not blocked.blocks("Just a latte.")
