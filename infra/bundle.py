"""Build one source archive per Cloud Function: `make bundle` writes build/bundles/<name>.zip.

Each archive holds the function's `main.py`, the `instatag` package and a `requirements.txt`
pinning only the distributions that the function's code imports: the third-party imports of
its import closure (every `instatag` module it reaches, lazy imports included), mapped to their
installed distributions. Those must be runtime dependencies in pyproject.toml or their
requirements; a function importing anything else fails the build.

Beside each module goes its bytecode, compiled by this interpreter (the function runtime's
Python version; tests/infra checks that they agree). A new instance starts from the built
image, so bytecode it wrote itself would die with it: without these files every cold start
would compile the package again.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import logging
import py_compile
import re
import sys
import tempfile
import tomllib
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from instatag.errors import InstaTagError

logger = logging.getLogger("instatag.bundle")

ROOT = Path(__file__).resolve().parents[1]
FUNCTIONS_DIR = ROOT / "functions"
PACKAGE = "instatag"
PACKAGE_DIR = ROOT / "shared" / PACKAGE
PYPROJECT = ROOT / "pyproject.toml"
DEFAULT_OUT = ROOT / "build" / "bundles"

# A fixed timestamp keeps archives byte-identical across builds of the same sources, so that
# Terraform redeploys a function only when its bundle really changed.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
SKIPPED_PARTS = {"__pycache__"}
SKIPPED_SUFFIXES = {".pyc", ".pyo"}
# Checked-hash bytecode holds the source's hash, not its time: byte-identical across builds,
# and still valid after the archive is unpacked with new file times.
BYTECODE_MODE = py_compile.PycInvalidationMode.CHECKED_HASH

_REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


class BundleError(InstaTagError):
    """A function cannot be bundled: a missing function, or an import nothing provides."""


@dataclass
class Closure:
    """What a function's code imports: `instatag` modules and third-party module names."""

    modules: set[str] = field(default_factory=set)
    external: set[str] = field(default_factory=set)

    def external_leaves(self) -> set[str]:
        """Third-party names less the packages that only lead to others, such as `google.cloud`
        in `from google.cloud import firestore` (a namespace no one distribution provides)."""
        return {
            name
            for name in self.external
            if not any(other.startswith(f"{name}.") for other in self.external)
        }


def discover_functions(functions_dir: Path = FUNCTIONS_DIR) -> list[str]:
    """Every function: each folder of `functions/` holding a main.py."""
    return sorted(path.parent.name for path in functions_dir.glob("*/main.py"))


def canonical(name: str) -> str:
    """A distribution name as pip compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def import_closure(main: Path, package_dir: Path = PACKAGE_DIR) -> Closure:
    """Follow imports from `main` through every `instatag` module it reaches."""
    closure = Closure()
    pending: list[tuple[Path, str]] = [(main, "__main__")]
    while pending:
        path, module = pending.pop()
        for name, must_be_module in _imports(path, module):
            _classify(name, must_be_module, package_dir, closure, pending)
    return closure


def _classify(
    name: str,
    must_be_module: bool,
    package_dir: Path,
    closure: Closure,
    pending: list[tuple[Path, str]],
) -> None:
    top = name.partition(".")[0]
    if top in sys.stdlib_module_names or top == "__future__":
        return

    if top != PACKAGE:
        closure.external.add(name)
        return

    found = False
    for module in _with_parents(name):
        path = _module_file(module, package_dir)
        found = found or (module == name and path is not None)
        if path is not None and module not in closure.modules:
            closure.modules.add(module)
            pending.append((path, module))
    if must_be_module and not found:
        logger.warning("%s is imported but has no source file; it is left out", name)


def _with_parents(name: str) -> Iterator[str]:
    parts = name.split(".")
    for end in range(1, len(parts) + 1):
        yield ".".join(parts[:end])


def _module_file(module: str, package_dir: Path) -> Path | None:
    relative = Path(*module.split(".")[1:])
    for candidate in (package_dir / relative / "__init__.py", package_dir / f"{relative}.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(path: Path, module: str) -> Iterator[tuple[str, bool]]:
    """(name, must_be_module) for each import in the file, type-checking-only ones excepted."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, True
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, package)
            yield base, True
            for alias in node.names:
                if alias.name != "*":
                    yield f"{base}.{alias.name}", False


def _runtime_nodes(node: ast.AST) -> Iterator[ast.AST]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            for other in child.orelse:
                yield other
                yield from _runtime_nodes(other)
            continue
        yield child
        yield from _runtime_nodes(child)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _absolute(node: ast.ImportFrom, package: str) -> str:
    if node.level == 0:
        return node.module or ""
    parts = package.split(".")
    base = parts[: len(parts) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


class DistributionIndex:
    """Which installed distribution provides a module, by the files each one installed."""

    def __init__(self, distributions: Iterable[metadata.Distribution] | None = None) -> None:
        self._providers: dict[str, set[str]] = {}
        self._dists: dict[str, metadata.Distribution] = {}
        for dist in distributions if distributions is not None else metadata.distributions():
            self._add(dist)

    def _add(self, dist: metadata.Distribution) -> None:
        name = canonical(dist.metadata["Name"])
        self._dists[name] = dist
        for module in _modules_of(dist):
            self._providers.setdefault(module, set()).add(name)

    def provider(self, name: str) -> str:
        """The distribution providing module `name` (or its nearest providing parent)."""
        for module in reversed(list(_with_parents(name))):
            providers = self._providers.get(module, set())
            if len(providers) == 1:
                return next(iter(providers))
            if providers:
                raise BundleError(f"{name} is provided by several distributions: {providers}")
        raise BundleError(f"no installed distribution provides {name}; run `make setup`")

    def version(self, name: str) -> str:
        return self._dists[canonical(name)].version

    def requirements(self, name: str) -> list[str]:
        """What installed distribution `name` requires and is installed here, extras left out.

        A requirement that is not installed is one whose marker excludes this interpreter.
        """
        names = []
        for line in self._dists[canonical(name)].requires or []:
            match = _REQUIREMENT_NAME.match(line)
            if match and "extra ==" not in line.replace('"', "").replace("'", ""):
                names.append(canonical(match.group(1)))
        return [required for required in names if required in self._dists]


def _modules_of(dist: metadata.Distribution) -> Iterator[str]:
    for file in dist.files or []:
        parts = file.parts
        if not parts or ".." in parts or parts[0].endswith((".dist-info", ".egg-info", ".data")):
            continue
        if file.suffix == ".py":
            stem = parts[:-1] if file.name == "__init__.py" else (*parts[:-1], file.stem)
        elif file.suffix in {".so", ".pyd"}:
            stem = (*parts[:-1], file.name.partition(".")[0])
        else:
            continue
        if stem and all(part.isidentifier() for part in stem):
            yield ".".join(stem)


def runtime_pins(pyproject: Path = PYPROJECT) -> dict[str, str]:
    """The `name==version` runtime dependencies of pyproject.toml, by canonical name."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    pins = {}
    for requirement in project["dependencies"]:
        name, _, version = requirement.partition("==")
        if not version:
            raise BundleError(f"runtime dependency {requirement!r} is not pinned with ==")
        pins[canonical(name)] = version.strip()
    return pins


def allowed_distributions(pins: dict[str, str], index: DistributionIndex) -> set[str]:
    """The runtime dependencies and everything they require, transitively."""
    allowed: set[str] = set()
    pending = list(pins)
    while pending:
        name = pending.pop()
        if name not in allowed:
            allowed.add(name)
            pending.extend(index.requirements(name))
    return allowed


def requirements(function: str, closure: Closure, index: DistributionIndex) -> list[str]:
    """Pinned `name==version` lines for the distributions the closure imports."""
    pins = runtime_pins()
    allowed = allowed_distributions(pins, index)
    lines: dict[str, str] = {}
    for name in sorted(closure.external_leaves()):
        dist = index.provider(name)
        if dist not in allowed:
            raise BundleError(
                f"{function} imports {name} from {dist}, which is not a runtime dependency "
                "in pyproject.toml nor required by one"
            )
        installed = index.version(dist)
        if dist in pins and pins[dist] != installed:
            raise BundleError(
                f"{dist} {installed} is installed but pyproject.toml pins {pins[dist]}; "
                "run `make setup`"
            )
        lines[dist] = f"{dist}=={installed}"
    return [lines[dist] for dist in sorted(lines)]


def build_bundle(
    function: str,
    out_dir: Path = DEFAULT_OUT,
    index: DistributionIndex | None = None,
    functions_dir: Path = FUNCTIONS_DIR,
) -> Path:
    """Write `<out_dir>/<function>.zip` and return its path."""
    main = functions_dir / function / "main.py"
    if not main.is_file():
        raise BundleError(f"no function {function!r}: {main} does not exist")

    closure = import_closure(main)
    lines = requirements(function, closure, index or DistributionIndex())

    out_dir.mkdir(parents=True, exist_ok=True)
    archive = out_dir / f"{function}.zip"
    partial = archive.with_suffix(".zip.partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        _add_source(bundle, "main.py", main)
        _add(bundle, "requirements.txt", "".join(f"{line}\n" for line in lines).encode())
        for path in _package_files():
            _add_source(bundle, f"{PACKAGE}/{path.relative_to(PACKAGE_DIR).as_posix()}", path)
    partial.replace(archive)
    return archive


def _add_source(bundle: zipfile.ZipFile, name: str, path: Path) -> None:
    """Add a file, and for a module its bytecode where the import system looks for it."""
    _add(bundle, name, path.read_bytes())
    if path.suffix == ".py":
        _add(bundle, importlib.util.cache_from_source(name), _bytecode(path, name))


def _bytecode(path: Path, name: str) -> bytes:
    with tempfile.TemporaryDirectory() as scratch:
        compiled = Path(scratch) / "module.pyc"
        py_compile.compile(
            str(path),
            cfile=str(compiled),
            dfile=name,
            doraise=True,
            invalidation_mode=BYTECODE_MODE,
        )
        return compiled.read_bytes()


def _package_files() -> list[Path]:
    return sorted(
        path
        for path in PACKAGE_DIR.rglob("*")
        if path.is_file()
        and not SKIPPED_PARTS.intersection(path.relative_to(PACKAGE_DIR).parts)
        and path.suffix not in SKIPPED_SUFFIXES
    )


def _add(bundle: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
    info.external_attr = 0o644 << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    bundle.writestr(info, data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("functions", nargs="*", help="functions to bundle (default: all)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    index = DistributionIndex()
    try:
        for function in args.functions or discover_functions():
            archive = build_bundle(function, args.out, index)
            logger.info("%s: %d bytes", archive, archive.stat().st_size)
    except BundleError as exc:
        logger.error("bundle failed: %s", exc)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
