"""The tags model's arithmetic: fold-in, word matching, categories, tiers."""

from __future__ import annotations

import math

import numpy as np
import pytest
from instatag.hashtags.model import TagModel, Tiers, WordIndex


def test_fold_in_solves_the_weighted_least_squares_of_one_new_post(tags_model: TagModel) -> None:
    items = [tags_model.index["cat"], tags_model.index["beach"]]
    strengths = [1.0, 0.5]

    user = tags_model.user_vector(items, strengths)

    # Every tag is an observation: preference 1 with confidence alpha x strength for the seeds,
    # preference 0 with confidence 1 for the rest; ridge penalty `regularization`.
    y = tags_model.factors.astype(np.float64)
    confidence = np.ones(len(tags_model))
    confidence[items] = [10.0, 5.0]
    preference = np.zeros(len(tags_model))
    preference[items] = 1.0
    a = y.T @ np.diag(confidence) @ y + 0.1 * np.eye(y.shape[1])
    expected = np.linalg.solve(a, y.T @ (confidence * preference))
    np.testing.assert_allclose(user, expected, rtol=1e-5)


def test_a_folded_in_cat_post_prefers_cat_tags_to_beach_tags(tags_model: TagModel) -> None:
    scores = tags_model.predict(tags_model.user_vector([tags_model.index["cat"]], [1.0]))

    assert scores[tags_model.index["cats"]] > scores[tags_model.index["sunset"]]
    assert scores[tags_model.index["kitten"]] > scores[tags_model.index["puppy"]]


def test_word_coverage_is_the_idf_weighted_share_of_a_tags_words() -> None:
    index = WordIndex(["beach", "beach life", "life", "sunset"])

    ids, coverage = index.match({"beach": 1.0})

    idf_beach = math.log1p(4 / 2)
    idf_life = math.log1p(4 / 2)
    found = dict(zip(ids.tolist(), coverage.tolist(), strict=True))
    assert found[0] == pytest.approx(1.0)
    assert found[1] == pytest.approx(idf_beach / (idf_beach + idf_life))
    assert set(found) == {0, 1}


def test_words_match_in_singular_and_plural_but_not_stop_words() -> None:
    index = WordIndex(["dogs of instagram", "puppies", "the end"])

    dog_ids, _ = index.match({"dog": 1.0})
    puppy_ids, _ = index.match({"puppy": 1.0})
    stop_ids, _ = index.match({"the": 1.0, "of": 1.0})

    assert dog_ids.tolist() == [0]
    assert puppy_ids.tolist() == [1]
    assert stop_ids.tolist() == []


def test_the_category_mix_follows_the_seed_tags_and_the_photo(tags_model: TagModel) -> None:
    from_beach = tags_model.category_mix([tags_model.index["beach"]], [1.0], {})
    from_photo = tags_model.category_mix([], [], {"animals": 1.0, "unknown": 3.0})

    assert from_beach is not None and from_beach[1] > 0.9
    assert from_photo is not None and from_photo.tolist() == [1.0, 0.0]
    assert tags_model.category_mix([], [], {}) is None


def test_category_popularity_scores_the_most_common_tag_of_the_category_1(
    tags_model: TagModel,
) -> None:
    popularity = tags_model.category_popularity(np.array([0.0, 1.0], dtype=np.float32))

    assert popularity[tags_model.index["love"]] == pytest.approx(1.0)
    assert popularity[tags_model.index["beach"]] == pytest.approx(44 / 50)
    assert popularity[tags_model.index["kitten"]] == 0.0


def test_tiers_split_by_document_frequency() -> None:
    tiers = Tiers(popular=40, medium=10)

    assert [tiers.of(n) for n in (100, 40, 39, 10, 9, 1)] == [
        "popular",
        "popular",
        "medium",
        "medium",
        "niche",
        "niche",
    ]


def test_parts_that_do_not_fit_together_are_refused(tags_model: TagModel) -> None:
    with pytest.raises(ValueError, match="doc_freq"):
        TagModel(
            tags=tags_model.tags,
            words=tags_model.words,
            factors=tags_model.factors,
            gram=tags_model.gram,
            doc_freq=tags_model.doc_freq[:-1],
            category_counts=tags_model.category_counts,
            categories=tags_model.categories,
            category_posts=[150, 150],
            posts=300,
            regularization=0.1,
            alpha=10.0,
            tiers=tags_model.tiers,
            blend=tags_model.blend,
        )
