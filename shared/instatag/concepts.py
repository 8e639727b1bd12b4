"""What the vision model says about a photo, in the form every feature consumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Concept:
    """One thing seen in a photo.

    `label` is a readable class name ("tabby cat"), `score` its probability, `words` the
    lower-case words of its name, glosses and hypernyms that hashtags and captions can match
    ("tabby", "cat", "feline", "animal"), and `category` the product category it belongs to
    when one fits ("animals").
    """

    label: str
    score: float
    words: tuple[str, ...] = ()
    category: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The concept as the functions answer it."""
        return {"label": self.label, "score": round(self.score, 4), "category": self.category}


@dataclass(frozen=True)
class Analysis:
    """The vision model's answer for one photo."""

    concepts: tuple[Concept, ...]
    embedding: tuple[float, ...] = field(default=(), repr=False)
    model_version: str = ""
