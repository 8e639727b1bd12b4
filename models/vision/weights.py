"""Read a PyTorch state dict into numpy arrays without importing torch.

A `.pth` file comes in one of two layouts. The legacy one (torch < 1.6) is a run of pickles:
a magic number, the protocol version, system info, the state dict whose tensors point at
storages by key, the list of those keys, then each storage's raw bytes prefixed by its element
count. The zip one holds the state dict as `*/data.pkl` and each storage as `*/data/<key>`.
Both are read with an unpickler that resolves only the handful of globals a state dict needs,
so a hostile file cannot run code.
"""

from __future__ import annotations

import io
import pickle
import struct
import zipfile
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import numpy as np

LEGACY_MAGIC = 0x1950A86A20F9469CFC6C
LEGACY_PROTOCOL = 1001

STORAGE_DTYPES = {
    "DoubleStorage": np.float64,
    "FloatStorage": np.float32,
    "HalfStorage": np.float16,
    "LongStorage": np.int64,
    "IntStorage": np.int32,
    "ShortStorage": np.int16,
    "CharStorage": np.int8,
    "ByteStorage": np.uint8,
    "BoolStorage": np.bool_,
}


class WeightsError(ValueError):
    """The file is not a state dict this reader understands."""


@dataclass(frozen=True)
class StorageType:
    name: str

    @property
    def dtype(self) -> np.dtype[Any]:
        return np.dtype(STORAGE_DTYPES[self.name])


@dataclass(frozen=True)
class StorageRef:
    key: str
    dtype: np.dtype[Any]
    numel: int


@dataclass(frozen=True)
class TensorRef:
    storage: StorageRef
    offset: int
    shape: tuple[int, ...]
    stride: tuple[int, ...]


def _rebuild_tensor_v2(
    storage: StorageRef,
    offset: int,
    shape: tuple[int, ...],
    stride: tuple[int, ...],
    *_: Any,
) -> TensorRef:
    return TensorRef(storage, offset, tuple(shape), tuple(stride))


def _rebuild_parameter(data: TensorRef, *_: Any) -> TensorRef:
    return data


class _StateDictUnpickler(pickle.Unpickler):
    """Resolves the state dict's globals to inert stand-ins; refuses everything else."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("collections", "OrderedDict"):
            return OrderedDict
        if (module, name) == ("torch._utils", "_rebuild_tensor_v2"):
            return _rebuild_tensor_v2
        if (module, name) == ("torch._utils", "_rebuild_parameter"):
            return _rebuild_parameter
        if module == "torch" and name in STORAGE_DTYPES:
            return StorageType(name)
        raise WeightsError(f"refusing to load {module}.{name} from a weights file")

    def persistent_load(self, pid: Any) -> StorageRef:
        if not (isinstance(pid, tuple) and pid and pid[0] == "storage"):
            raise WeightsError(f"unexpected persistent id {pid!r}")
        storage_type, key, _location, numel = pid[1:5]
        if not isinstance(storage_type, StorageType):
            raise WeightsError(f"unexpected storage type {storage_type!r}")
        return StorageRef(str(key), storage_type.dtype, int(numel))


def load_state_dict(path: Path) -> dict[str, np.ndarray]:
    """Return every tensor of the state dict at `path` as a C-contiguous numpy array."""
    if zipfile.is_zipfile(path):
        return _load_zip(path)
    with path.open("rb") as f:
        return _load_legacy(f)


def _load_legacy(f: IO[bytes]) -> dict[str, np.ndarray]:
    if pickle.load(f) != LEGACY_MAGIC or pickle.load(f) != LEGACY_PROTOCOL:
        raise WeightsError("not a PyTorch weights file")
    pickle.load(f)  # system info: endianness and type sizes, little-endian assumed below
    refs = _StateDictUnpickler(f).load()
    keys = pickle.load(f)
    storages = {}
    for key in keys:
        (numel,) = struct.unpack("<q", f.read(8))
        dtype = _dtype_of(refs, str(key))
        storages[str(key)] = np.frombuffer(f.read(numel * dtype.itemsize), dtype=dtype)
    return _materialise(refs, storages)


def _load_zip(path: Path) -> dict[str, np.ndarray]:
    with zipfile.ZipFile(path) as archive:
        pickled = [n for n in archive.namelist() if n.endswith("/data.pkl")]
        if len(pickled) != 1:
            raise WeightsError("a zip weights file holds exactly one data.pkl")
        root = pickled[0].removesuffix("data.pkl")
        refs = _StateDictUnpickler(io.BytesIO(archive.read(pickled[0]))).load()
        storages = {}
        for ref in _tensor_refs(refs).values():
            key = ref.storage.key
            if key not in storages:
                raw = archive.read(f"{root}data/{key}")
                storages[key] = np.frombuffer(raw, dtype=ref.storage.dtype)
    return _materialise(refs, storages)


def _tensor_refs(refs: Any) -> dict[str, TensorRef]:
    if not isinstance(refs, dict):
        raise WeightsError("the weights file does not hold a state dict")
    return {str(k): v for k, v in refs.items() if isinstance(v, TensorRef)}


def _dtype_of(refs: Any, key: str) -> np.dtype[Any]:
    for ref in _tensor_refs(refs).values():
        if ref.storage.key == key:
            return ref.storage.dtype
    raise WeightsError(f"storage {key} is not used by any tensor")


def _materialise(refs: Any, storages: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    tensors = {}
    for name, ref in _tensor_refs(refs).items():
        flat = storages[ref.storage.key]
        extent = ref.offset + sum((d - 1) * s for d, s in zip(ref.shape, ref.stride, strict=True))
        if min(ref.shape, default=1) > 0 and extent >= flat.size:
            raise WeightsError(f"tensor {name} reaches past the end of its storage")
        itemsize = flat.dtype.itemsize
        view = np.lib.stride_tricks.as_strided(
            flat[ref.offset :],
            shape=ref.shape,
            strides=tuple(s * itemsize for s in ref.stride),
            writeable=False,
        )
        tensors[name] = view.copy(order="C")
    return tensors
