"""From what a request says (hashtags, words, photo concepts) to a score for every tag.

The user's own hashtags and the tags matched from the photo or the words are folded into the
ALS model as one new post; every tag then scores its ALS prediction, plus its match strength,
plus how common it is in the categories the request points to, plus sharing words with the
user's hashtags (weights in the model's `Blend`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from instatag.concepts import Concept
from instatag.corpus import hashtags_in, normalise_hashtag
from instatag.hashtags.model import FloatArray, TagModel
from instatag.hashtags.text import STOP_WORDS, content_stems, phrases, stem, words_in

# A tag is matched by words when they cover at least this share of its own (idf-weighted) words.
MIN_COVERAGE = 0.5
# At most this many tags matched per source, the strongest (then most used) first.
MAX_MATCHED = 30
# A concept's gloss and hypernym words count this much next to the words of its name.
CONCEPT_CONTEXT_WEIGHT = 0.5
# The tag named after a concept's category ("animals") is a seed this strong.
CATEGORY_SEED = 0.5
# Concepts this much less likely than the top one are ignored.
MIN_CONCEPT_SHARE = 0.05
# A top concept at least this likely seeds at full strength.
CONFIDENT = 0.5

SourceKind = Literal["photo", "text", "hashtag"]


@dataclass(frozen=True)
class Source:
    """One thing the request said, and the tag-word stems it stands for."""

    kind: SourceKind
    label: str
    weight: float
    stems: Mapping[str, float]
    words: Mapping[str, str] = field(default_factory=dict)
    exact: frozenset[int] = frozenset()
    category: str | None = None

    def reason(
        self, model: TagModel, tag_id: int, stems: Collection[str]
    ) -> tuple[float, str] | None:
        """Why this source suggests the tag (whose word stems are `stems`), with how strongly;
        None when it does not."""
        shared = [s for s in stems if s in self.stems]
        names_category = self.category is not None and model.tags[tag_id] == self.category
        if tag_id not in self.exact and not shared and not names_category:
            return None
        strength = self.weight * (1.0 if tag_id in self.exact else 0.5 + 0.1 * len(shared))
        if self.kind == "photo":
            return strength, f"seen in photo: {self.label}"
        if self.kind == "hashtag":
            return strength * 0.5, f"shares words with #{self.label}"
        matched = [self.words[s] for s in shared if s in self.words] or [self.label]
        return strength, "matches your words: " + ", ".join(dict.fromkeys(matched))


@dataclass
class Seeds:
    """A request in the model's terms."""

    given: list[int] = field(default_factory=list)
    matched: dict[int, float] = field(default_factory=dict)
    related: dict[int, float] = field(default_factory=dict)
    categories: dict[str, float] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    def fold(self) -> tuple[list[int], list[float]]:
        """The tags folded in as the new post, with their strengths."""
        strengths = dict.fromkeys(self.given, 1.0)
        for tag_id, strength in self.matched.items():
            strengths[tag_id] = max(strengths.get(tag_id, 0.0), strength)
        return list(strengths), list(strengths.values())

    @property
    def empty(self) -> bool:
        return not (self.given or self.matched or self.related or self.categories)


@dataclass(frozen=True)
class Scored:
    """Every tag's total score, and the parts the reasons are told from."""

    total: FloatArray
    als: FloatArray
    category: FloatArray | None
    mix: FloatArray | None
    folded: tuple[int, ...]


def collect(
    model: TagModel,
    hashtags: Iterable[str] = (),
    text: str = "",
    concepts: Sequence[Concept] = (),
) -> Seeds:
    """The seeds of a request: its hashtags, the words of its text, the concepts of its photo."""
    seeds = Seeds()
    _add_hashtags(seeds, model, hashtags)
    _add_text(seeds, model, text)
    _add_concepts(seeds, model, concepts)
    return seeds


def score(model: TagModel, seeds: Seeds) -> Scored:
    """Score every tag for the seeds; the user's own hashtags score -inf."""
    items, strengths = seeds.fold()
    if items:
        als = model.predict(model.user_vector(items, strengths))
    else:
        als = np.zeros(len(model), dtype=np.float32)

    blend = model.blend
    total = als.copy()
    mix = model.category_mix(items, strengths, seeds.categories)
    if blend.popularity or (not items and mix is None):
        # With nothing to go on, the most used tags are the best guess.
        total += (blend.popularity or 1.0) * model.popularity
    category = model.category_popularity(mix) if mix is not None else None
    if category is not None and blend.category:
        total += blend.category * category
    _add(total, seeds.matched, blend.seeds)
    _add(total, seeds.related, blend.words)
    total[np.asarray(seeds.given, dtype=np.int64)] = -np.inf
    return Scored(total=total, als=als, category=category, mix=mix, folded=tuple(items))


def _add(total: FloatArray, strengths: Mapping[int, float], weight: float) -> None:
    if strengths and weight:
        ids = np.fromiter(strengths, dtype=np.int64, count=len(strengths))
        total[ids] += weight * np.fromiter(strengths.values(), np.float32, len(strengths))


def _add_hashtags(seeds: Seeds, model: TagModel, hashtags: Iterable[str]) -> None:
    for raw in hashtags:
        tag = normalise_hashtag(raw)
        if tag is None:
            continue
        tag_id = model.index.get(tag)
        if tag_id is None:
            seeds.unknown.append(tag)
        elif tag_id not in seeds.given:
            seeds.given.append(tag_id)
        words = model.words[tag_id].split() if tag_id is not None else [tag]
        source = Source("hashtag", tag, 1.0, dict.fromkeys(content_stems(words), 1.0))
        seeds.sources.append(source)
        _match(seeds.related, model, source)


def _add_text(seeds: Seeds, model: TagModel, text: str) -> None:
    if not text.strip():
        return
    _add_hashtags(seeds, model, hashtags_in(text))
    words = [w for w in words_in(text) if w not in STOP_WORDS]
    if not words:
        return
    exact = frozenset(model.ids(phrases(words)))
    stems = {stem(w): w for w in words if len(w) > 1}
    source = Source("text", " ".join(words), 1.0, dict.fromkeys(stems, 1.0), stems, exact)
    seeds.sources.append(source)
    _match(seeds.matched, model, source)


def _add_concepts(seeds: Seeds, model: TagModel, concepts: Sequence[Concept]) -> None:
    if not concepts:
        return
    top = max(c.score for c in concepts)
    # An unsure model (its best class well under CONFIDENT) seeds more weakly.
    confidence = min(1.0, top / CONFIDENT) if top > 0 else 0.0
    for concept in concepts:
        share = concept.score / top if top > 0 else 0.0
        if share < MIN_CONCEPT_SHARE:
            continue
        name = [w for w in words_in(concept.label) if w not in STOP_WORDS]
        stems = dict.fromkeys(content_stems(concept.words), CONCEPT_CONTEXT_WEIGHT)
        stems.update(dict.fromkeys(content_stems(name), 1.0))
        source = Source(
            "photo",
            concept.label,
            share * confidence,
            stems,
            exact=frozenset(model.ids(phrases(name))),
            category=concept.category,
        )
        seeds.sources.append(source)
        _match(seeds.matched, model, source, established=model.tiers.medium)
        if concept.category:
            weight = share * confidence
            seeds.categories[concept.category] = seeds.categories.get(concept.category, 0) + weight
            _seed_category(seeds, model, concept.category, weight)


def _seed_category(seeds: Seeds, model: TagModel, category: str, share: float) -> None:
    tag_id = model.index.get(category)
    if tag_id is not None:
        strength = CATEGORY_SEED * share
        seeds.matched[tag_id] = max(seeds.matched.get(tag_id, 0.0), strength)


def _match(into: dict[int, float], model: TagModel, source: Source, established: int = 0) -> None:
    """Add the tags the source matches to `into`, keeping each tag's strongest match.

    Words weighing under 1 (a concept's glosses and hypernyms) match only tags in at least
    `established` posts unless the full-weight words match them too, so a gloss word such as
    "material" does not seed a tag nobody uses.
    """
    ids, coverage = model.word_index.match(source.stems)
    keep = coverage >= MIN_COVERAGE
    if established:
        strong = {s: w for s, w in source.stems.items() if w >= 1.0}
        named, _ = model.word_index.match(strong)
        keep &= np.isin(ids, named) | (model.doc_freq[ids] >= established)
    found = dict(zip(ids[keep].tolist(), (coverage[keep] * source.weight).tolist(), strict=True))
    for tag_id in source.exact:
        found[tag_id] = source.weight

    best = sorted(found, key=lambda i: (-found[i], -int(model.doc_freq[i])))[:MAX_MATCHED]
    for tag_id in best:
        into[tag_id] = max(into.get(tag_id, 0.0), found[tag_id])
