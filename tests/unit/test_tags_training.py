"""Training the tags model: the matrix, the tiers, the files, the words, and the evaluation."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from instatag.corpus import Post
from instatag.hashtags.model import FACTORS_FILE, VOCAB_FILE, TagModel

from models.tags.evaluate import (
    Case,
    case_metrics,
    cooccurrence_ranker,
    evaluate,
    make_cases,
    popularity_ranker,
)
from models.tags.segment import segment
from models.tags.split import split
from models.tags.train import (
    Params,
    TrainingError,
    build_corpus,
    tier_thresholds,
    train,
    write,
)

SMALL = Params(factors=4, iterations=3, regularization=0.1, alpha=5.0)


def post(post_id: str, category: str, *tags: str) -> Post:
    return Post(id=post_id, category=category, hashtags=tags)


POSTS = [
    post("a", "animals", "cat", "cats", "kitten"),
    post("b", "animals", "cat", "dog"),
    post("c", "travel", "beach", "sunset", "cat"),
    post("d", "travel", "beach", "sunset"),
    post("e", "travel", "beach", "once"),
    post("f", "travel"),
]


def test_the_matrix_has_a_row_per_post_with_hashtags_and_counts_categories() -> None:
    corpus = build_corpus(POSTS, min_df=2)

    assert corpus.tags == ["beach", "cat", "sunset"]
    assert corpus.matrix.shape == (5, 3)
    assert corpus.doc_freq.tolist() == [3, 3, 2]
    assert corpus.categories == ["animals", "travel"]
    assert corpus.category_counts.tolist() == [[0, 3], [2, 1], [0, 2]]
    assert corpus.category_posts == [2, 3]


def test_a_corpus_without_hashtags_cannot_be_trained() -> None:
    with pytest.raises(TrainingError, match="no posts with hashtags"):
        build_corpus([post("x", "travel")])


def test_tiers_are_quantiles_of_the_tags_seen_twice_or_more() -> None:
    doc_freq = np.array([1] * 50 + list(range(2, 102)))

    tiers = tier_thresholds(doc_freq)

    assert tiers.medium == math.ceil(np.quantile(np.arange(2, 102), 0.5))
    assert tiers.popular == math.ceil(np.quantile(np.arange(2, 102), 0.9))
    assert tiers.of(1) == "niche"


def test_the_written_files_load_as_the_same_model(tmp_path: Path) -> None:
    trained = train(POSTS, SMALL)

    paths = write(trained, tmp_path)
    loaded = TagModel.load(tmp_path / FACTORS_FILE, tmp_path / VOCAB_FILE, "v1")

    assert [p.name for p in paths] == [FACTORS_FILE, VOCAB_FILE]
    assert loaded.tags == trained.corpus.tags
    np.testing.assert_array_equal(loaded.factors, trained.factors)
    assert loaded.doc_freq.tolist() == trained.corpus.doc_freq.tolist()
    assert loaded.alpha == SMALL.alpha
    assert loaded.version == "v1"
    with np.load(tmp_path / FACTORS_FILE, allow_pickle=False) as arrays:
        assert sorted(arrays.files) == ["category_counts", "doc_freq", "gram", "item_factors"]


def test_training_that_diverges_is_refused_with_a_clear_error() -> None:
    with pytest.raises(TrainingError, match="NaN"):
        train(POSTS, Params(factors=4, iterations=2, alpha=math.nan))


@pytest.mark.parametrize(
    ("tag", "words"),
    [
        ("dogsofinstagram", ("dogs", "of", "instagram")),
        ("newyorkcity", ("new", "york", "city")),
        ("sushilovers", ("sushi", "lovers")),
        ("jedzeniewarszawa", ("jedzeniewarszawa",)),
        ("café", ("café",)),
        ("l4l", ("l4l",)),
    ],
)
def test_hashtags_split_into_words_only_when_every_piece_is_a_word(
    tag: str, words: tuple[str, ...]
) -> None:
    assert segment(tag) == words


def test_the_split_is_stable_and_keeps_every_line() -> None:
    lines = [f'{{"shortcode": "p{i}", "category": "food", "hashtags": []}}\n' for i in range(200)]

    train_part, test_part = split(lines, 20)
    again = split(reversed(lines), 20)

    assert sorted(train_part + test_part) == sorted(lines)
    assert sorted(again[1]) == sorted(test_part)
    assert 20 <= len(test_part) <= 60


def test_metrics_of_one_ranking_worked_out_by_hand() -> None:
    metrics = case_metrics([5, 1, 7, 2, 8, 9, 10, 11, 12, 13, 3], hidden=[1, 2, 3], k=10)

    dcg = 1 / math.log2(3) + 1 / math.log2(5)
    ideal = 1 + 1 / math.log2(3) + 1 / math.log2(4)
    assert metrics.recall == pytest.approx(2 / 3)
    assert metrics.precision == pytest.approx(2 / 10)
    assert metrics.ndcg == pytest.approx(dcg / ideal)


def test_cases_hide_half_of_the_known_hashtags_of_posts_with_six_or_more() -> None:
    index = {t: i for i, t in enumerate("abcdefgh")}
    posts = [post("p1", "x", *"abcdefg", "unknown"), post("p2", "x", *"abcde")]

    cases = make_cases(posts, index, seed=3)

    assert len(cases) == 1
    assert len(cases[0].given) == 3 and len(cases[0].hidden) == 4
    assert sorted(cases[0].given + cases[0].hidden) == list(range(7))
    assert make_cases(posts, index, seed=3) == cases


def test_the_baselines_rank_by_popularity_and_by_co_occurrence() -> None:
    corpus = build_corpus(POSTS, min_df=1)
    index = {t: i for i, t in enumerate(corpus.tags)}
    popular = popularity_ranker(corpus, k=2)
    together = cooccurrence_ranker(corpus, k=2)

    assert [corpus.tags[i] for i in popular([index["cat"]])] == ["beach", "sunset"]
    assert [corpus.tags[i] for i in together([index["sunset"]])] == ["beach", "cat"]
    perfect = Case(given=[index["sunset"]], hidden=[index["beach"]])
    assert evaluate(together, [perfect], k=2).recall == 1.0
