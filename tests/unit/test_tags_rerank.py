"""The re-ranker experiment's parts that have an answer to check: EASE, the fit, the pieces."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from models.tags.rerank import Ease, Pool, fit_logistic, pieces, pool


def test_ease_through_the_posts_equals_the_closed_form_over_the_tags() -> None:
    rng = np.random.default_rng(0)
    x = (rng.random((12, 30)) < 0.2).astype(np.float64)
    by_df, lam = 2.0, 3.0
    p = np.linalg.inv(x.T @ x + np.diag(by_df * x.sum(axis=0) + lam))
    b = np.eye(30) - p / np.diag(p)[None, :]

    ease = Ease.fit(sp.csr_matrix(x), by_df, lam)

    others = np.setdiff1d(np.arange(30), [1, 4, 7])
    assert np.allclose(ease.diag, np.diag(p))
    assert np.allclose(ease.scores([1, 4, 7])[others], b[[1, 4, 7]].sum(axis=0)[others])


def test_the_logistic_fit_finds_the_separating_direction() -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(size=(400, 2))
    y = (x[:, 0] - 0.5 * x[:, 1] + 0.3 * rng.normal(size=400) > 0).astype(np.float64)

    w = fit_logistic(x, y, l2=1.0)

    assert w[0] > 0 > w[1]
    assert abs(w[1] / w[0] + 0.5) < 0.15


def test_pieces_are_the_four_letter_windows_of_a_tag() -> None:
    assert pieces("sushi") == {"sush", "ushi"}
    assert pieces("cat") == {"cat"}


def test_the_pool_joins_each_scorers_best_without_the_given_tags() -> None:
    first = np.array([5.0, 4.0, 3.0, 0.0, 0.0])
    second = np.array([0.0, 0.0, 1.0, 0.0, 9.0])
    scored = {name: first for name in ("total", "als", "ease", "conditional", "cosine")}
    scored |= {name: second for name in ("similar", "similar_norm", "category", "pieces")}

    assert pool(scored, given=[0], size=2).tolist() == [1, 2, 4]


def test_recall_counts_hidden_tags_outside_the_pool() -> None:
    found = Pool(np.zeros((3, 1)), np.array([True, False, True]), hidden=4)

    assert found.recall(np.array([3.0, 2.0, 1.0]), k=2) == 0.25
