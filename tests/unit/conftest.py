"""A small hand-made tags model whose rankings can be worked out on paper."""

from __future__ import annotations

import numpy as np
import pytest
from instatag.hashtags.model import Blend, TagModel, Tiers

# tag: (words, (cat, dog, beach, generic) factors, posts, (animals, travel) posts)
TAGS = {
    "cat": ("cat", (1.0, 0.0, 0.0, 0.2), 50, (48, 2)),
    "cats": ("cats", (0.9, 0.0, 0.0, 0.2), 30, (29, 1)),
    "kitten": ("kitten", (0.8, 0.0, 0.0, 0.1), 5, (5, 0)),
    "catsofinstagram": ("cats of instagram", (0.9, 0.0, 0.0, 0.3), 20, (20, 0)),
    "tabbycat": ("tabby cat", (0.7, 0.0, 0.0, 0.0), 2, (2, 0)),
    "dog": ("dog", (0.0, 1.0, 0.0, 0.2), 40, (40, 0)),
    "puppy": ("puppy", (0.0, 0.9, 0.0, 0.1), 8, (8, 0)),
    "beach": ("beach", (0.0, 0.0, 1.0, 0.2), 45, (1, 44)),
    "sunset": ("sunset", (0.0, 0.0, 0.9, 0.2), 35, (0, 35)),
    "beachlife": ("beach life", (0.0, 0.0, 0.8, 0.1), 3, (0, 3)),
    "love": ("love", (0.1, 0.1, 0.1, 1.0), 100, (50, 50)),
    "instagood": ("instagood", (0.1, 0.1, 0.1, 0.9), 90, (45, 45)),
    "follow4follow": ("follow 4 follow", (0.2, 0.2, 0.2, 0.8), 60, (30, 30)),
    "animals": ("animals", (0.5, 0.5, 0.0, 0.3), 40, (40, 0)),
}


def tiny_model(blend: Blend | None = None) -> TagModel:
    factors = np.array([t[1] for t in TAGS.values()], dtype=np.float32)
    return TagModel(
        tags=list(TAGS),
        words=[t[0] for t in TAGS.values()],
        factors=factors,
        gram=factors.astype(np.float64).T @ factors.astype(np.float64),
        doc_freq=np.array([t[2] for t in TAGS.values()], dtype=np.int32),
        category_counts=np.array([t[3] for t in TAGS.values()], dtype=np.int32),
        categories=["animals", "travel"],
        category_posts=[150, 150],
        posts=300,
        regularization=0.1,
        alpha=10.0,
        tiers=Tiers(popular=40, medium=10),
        blend=blend or Blend(),
        version="test",
    )


@pytest.fixture
def tags_model() -> TagModel:
    return tiny_model()
