"""EfficientNet-Lite0 as an ONNX graph, built from a numpy state dict with batch norm folded.

Lite0 is EfficientNet-B0 made friendly to integer hardware: ReLU6 instead of swish, no
squeeze-and-excitation, and a stem and head that are not scaled. Convolutions pad like
TensorFlow's SAME (the weights come from TensorFlow), which for a stride of 2 puts the extra
row and column at the bottom and right.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

IMAGE_SIZE = 224
EMBEDDING_DIM = 1280
NUM_CLASSES = 1000
BN_EPSILON = 1e-3
OPSET = 17

INPUT_NAME = "image"
LOGITS_NAME = "logits"
EMBEDDING_NAME = "embedding"


@dataclass(frozen=True)
class Stage:
    """One row of the Lite0 block table: `repeats` MBConv blocks of the same shape."""

    repeats: int
    kernel: int
    stride: int
    expand: int
    filters_in: int
    filters_out: int


LITE0_STAGES = (
    Stage(1, 3, 1, 1, 32, 16),
    Stage(2, 3, 2, 6, 16, 24),
    Stage(2, 5, 2, 6, 24, 40),
    Stage(3, 3, 2, 6, 40, 80),
    Stage(3, 5, 1, 6, 80, 112),
    Stage(4, 5, 2, 6, 112, 192),
    Stage(1, 3, 1, 6, 192, 320),
)


@dataclass(frozen=True)
class Block:
    kernel: int
    stride: int
    expand: int
    filters_in: int
    filters_out: int

    @property
    def residual(self) -> bool:
        return self.stride == 1 and self.filters_in == self.filters_out


def lite0_blocks() -> Iterator[Block]:
    """The 16 MBConv blocks in order; only the first of a stage strides or widens."""
    for stage in LITE0_STAGES:
        yield Block(stage.kernel, stage.stride, stage.expand, stage.filters_in, stage.filters_out)
        for _ in range(stage.repeats - 1):
            yield Block(stage.kernel, 1, stage.expand, stage.filters_out, stage.filters_out)


def same_pads(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """TensorFlow SAME padding along one axis: (before, after)."""
    out = math.ceil(size / stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


def fold_batch_norm(
    weight: np.ndarray, gamma: np.ndarray, beta: np.ndarray, mean: np.ndarray, var: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Fold an inference-time batch norm into the bias-free conv `weight` before it."""
    scale = gamma.astype(np.float64) / np.sqrt(var.astype(np.float64) + BN_EPSILON)
    folded = weight.astype(np.float64) * scale.reshape(-1, *([1] * (weight.ndim - 1)))
    bias = beta.astype(np.float64) - mean.astype(np.float64) * scale
    return folded.astype(np.float32), bias.astype(np.float32)


class GraphBuilder:
    """Accumulates nodes and initializers; names every tensor after the layer it comes from."""

    def __init__(self, state: dict[str, np.ndarray]) -> None:
        self.state = state
        self.used: set[str] = set()
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self.size = IMAGE_SIZE
        self._add_constant("relu6_min", np.array(0.0, dtype=np.float32))
        self._add_constant("relu6_max", np.array(6.0, dtype=np.float32))

    def weight(self, key: str) -> np.ndarray:
        self.used.add(key)
        return self.state[key]

    def _add_constant(self, name: str, value: np.ndarray) -> str:
        self.initializers.append(numpy_helper.from_array(value, name))
        return name

    def conv_bn(
        self, x: str, conv: str, bn: str, *, stride: int = 1, groups: int = 1, relu6: bool = True
    ) -> str:
        """Conv (weights `conv`.weight) + folded batch norm `bn` + optional ReLU6."""
        weight, bias = fold_batch_norm(
            self.weight(f"{conv}.weight"),
            *(self.weight(f"{bn}.{p}") for p in ("weight", "bias", "running_mean", "running_var")),
        )
        kernel = weight.shape[-1]
        top, bottom = same_pads(self.size, kernel, stride)
        w = self._add_constant(f"{conv}.weight", weight)
        b = self._add_constant(f"{conv}.bias", bias)
        out = f"{conv}.out"
        self.nodes.append(
            helper.make_node(
                "Conv",
                [x, w, b],
                [out],
                name=conv,
                kernel_shape=[kernel, kernel],
                strides=[stride, stride],
                pads=[top, top, bottom, bottom],
                group=groups,
            )
        )
        self.size = math.ceil(self.size / stride)
        return self.relu6(out, f"{conv}.relu6") if relu6 else out

    def relu6(self, x: str, name: str) -> str:
        self.nodes.append(helper.make_node("Clip", [x, "relu6_min", "relu6_max"], [name]))
        return name

    def mbconv(self, x: str, index: int, block: Block) -> str:
        """Inverted residual: expand 1x1, depthwise kxk, project 1x1, skip when shapes match."""
        prefix = f"_blocks.{index}"
        h = x
        if block.expand != 1:
            h = self.conv_bn(h, f"{prefix}._expand_conv", f"{prefix}._bn0")
        channels = block.filters_in * block.expand
        h = self.conv_bn(
            h, f"{prefix}._depthwise_conv", f"{prefix}._bn1", stride=block.stride, groups=channels
        )
        h = self.conv_bn(h, f"{prefix}._project_conv", f"{prefix}._bn2", relu6=False)
        if not block.residual:
            return h
        out = f"{prefix}.out"
        self.nodes.append(helper.make_node("Add", [h, x], [out]))
        return out

    def head(self, x: str) -> None:
        """1x1 conv to 1280, global average pool (the embedding), then the classifier."""
        h = self.conv_bn(x, "_conv_head", "_bn1")
        self.nodes.append(helper.make_node("GlobalAveragePool", [h], ["pooled"]))
        self.nodes.append(helper.make_node("Flatten", ["pooled"], [EMBEDDING_NAME], axis=1))
        w = self._add_constant("_fc.weight", self.weight("_fc.weight").astype(np.float32))
        b = self._add_constant("_fc.bias", self.weight("_fc.bias").astype(np.float32))
        self.nodes.append(
            helper.make_node("Gemm", [EMBEDDING_NAME, w, b], [LOGITS_NAME], transB=1)
        )


def build_graph(state: dict[str, np.ndarray], doc: str = "") -> onnx.ModelProto:
    """The full Lite0 model: `image` [N,3,224,224] -> `logits` [N,1000], `embedding` [N,1280]."""
    g = GraphBuilder(state)
    x = g.conv_bn(INPUT_NAME, "_conv_stem", "_bn0", stride=2)
    for index, block in enumerate(lite0_blocks()):
        x = g.mbconv(x, index, block)
    g.head(x)
    unused = {k for k in state if not k.endswith("num_batches_tracked")} - g.used
    if unused:
        raise ValueError(f"weights not used by the Lite0 graph: {sorted(unused)[:5]}")

    graph = helper.make_graph(
        g.nodes,
        "efficientnet_lite0",
        [_tensor_info(INPUT_NAME, ["N", 3, IMAGE_SIZE, IMAGE_SIZE])],
        [
            _tensor_info(LOGITS_NAME, ["N", NUM_CLASSES]),
            _tensor_info(EMBEDDING_NAME, ["N", EMBEDDING_DIM]),
        ],
        initializer=g.initializers,
    )
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", OPSET)],
        producer_name="instatag",
        doc_string=doc,
    )
    onnx.checker.check_model(model, full_check=True)
    return model


def _tensor_info(name: str, shape: list[int | str]) -> onnx.ValueInfoProto:
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, shape)
