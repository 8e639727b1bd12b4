"""Recommending from words, hashtags and photo concepts on the small hand-made model."""

from __future__ import annotations

from instatag.concepts import Concept
from instatag.hashtags.choose import Blocklist
from instatag.hashtags.model import TagModel
from instatag.hashtags.recommend import recommend
from instatag.hashtags.seeds import collect

from tests.unit.conftest import tiny_model

TABBY = Concept("tabby cat", 0.8, ("tabby", "cat", "feline", "animal"), "animals")
SHORE = Concept("seashore", 0.1, ("seashore", "beach", "coast"), "travel")


def tags_of(model: TagModel, **request: object) -> list[str]:
    return [t.tag for t in recommend(model, **request).tags]  # type: ignore[arg-type]


def test_typed_words_find_their_tags_first(tags_model: TagModel) -> None:
    result = recommend(tags_model, text="My cat, asleep in the sun", limit=5)

    assert result.tags[0].tag == "cat"
    assert "matches your words: cat" in result.tags[0].reasons


def test_typed_words_match_tags_made_of_several_words(tags_model: TagModel) -> None:
    seeds = collect(tags_model, text="tabby cat")

    assert tags_model.index["tabbycat"] in seeds.matched
    assert seeds.matched[tags_model.index["tabbycat"]] == 1.0


def test_the_users_own_hashtags_are_never_recommended_back(tags_model: TagModel) -> None:
    tags = tags_of(tags_model, hashtags=["#Cat", "kitten"], limit=30)

    assert "cat" not in tags
    assert "kitten" not in tags
    assert tags.index("cats") < tags.index("sunset")


def test_companions_of_a_hashtag_say_they_are_often_used_with_it(tags_model: TagModel) -> None:
    result = recommend(tags_model, hashtags=["cat"], limit=3)

    cats = next(t for t in result.tags if t.tag == "cats")
    assert "often used with #cat" in cats.reasons


def test_a_photo_of_a_cat_leads_to_cat_tags_with_the_concept_as_reason(
    tags_model: TagModel,
) -> None:
    result = recommend(tags_model, concepts=[TABBY, SHORE], limit=30)

    ranked = [t.tag for t in result.tags]
    assert {"cat", "tabbycat"} <= set(ranked[:4])
    assert ranked.index("cat") < ranked.index("beach") < ranked.index("puppy")
    cat = next(t for t in result.tags if t.tag == "cat")
    assert "seen in photo: tabby cat" in cat.reasons


def test_a_photos_category_seeds_the_category_tag(tags_model: TagModel) -> None:
    seeds = collect(tags_model, concepts=[TABBY])

    assert tags_model.index["animals"] in seeds.matched
    assert seeds.categories == {"animals": 1.0}


def test_blocked_tags_are_never_returned_however_well_they_score(tags_model: TagModel) -> None:
    everything = tags_of(tags_model, text="follow love", limit=30, blocked=Blocklist())
    configured = tags_of(tags_model, text="cat", limit=30, blocked=Blocklist(["cats"]))

    assert "follow4follow" not in everything
    assert "love" in everything
    assert "cats" not in configured


def test_the_set_has_the_platforms_size_and_no_near_duplicates(tags_model: TagModel) -> None:
    five = recommend(tags_model, text="cat", set_size=5, limit=10)
    one = recommend(tags_model, text="cat", set_size=1, limit=10)

    assert len(five.recommended) == 5
    names = [t.tag for t in five.recommended]
    assert not {"cats", "catsofinstagram"} & set(names)
    assert [t.tag for t in one.recommended] == ["cat"]
    assert five.copy_text == " ".join(f"#{n}" for n in names)


def test_the_list_is_cut_at_the_limit_and_ranked_by_score(tags_model: TagModel) -> None:
    result = recommend(tags_model, text="beach", limit=4)

    assert len(result.tags) == 4
    scores = [t.score for t in result.tags]
    assert scores == sorted(scores, reverse=True)
    assert all(t.tier in {"popular", "medium", "niche"} for t in result.tags)


def test_words_nobody_tags_fall_back_to_the_most_used_tags(tags_model: TagModel) -> None:
    result = recommend(tags_model, text="xylophone quartet", limit=3, blocked=Blocklist())

    assert [t.tag for t in result.tags] == ["love", "instagood", "cat"]


def test_unknown_hashtags_are_reported() -> None:
    result = recommend(tiny_model(), hashtags=["cat", "neverseen"], limit=3)

    assert result.unknown_hashtags == ["neverseen"]
