"""`make bundle`: each function's archive holds its main.py, the package and what it imports."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from instatag import deploy
from tfconfig import FUNCTIONS_DIR, ROOT, handler_of

from infra import bundle

FUNCTIONS = bundle.discover_functions(FUNCTIONS_DIR)
VENVS = ROOT / "build" / "venvs"
# The flags word of a .pyc header (PEP 552): hash-based, and checked against the source.
CHECKED_HASH = 0b11


@pytest.fixture(scope="module")
def index() -> bundle.DistributionIndex:
    return bundle.DistributionIndex()


@pytest.fixture(scope="module")
def bundles(
    tmp_path_factory: pytest.TempPathFactory, index: bundle.DistributionIndex
) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("bundles")
    return {name: bundle.build_bundle(name, out, index) for name in FUNCTIONS}


def requirements_of(archive: Path) -> list[str]:
    with zipfile.ZipFile(archive) as opened:
        return opened.read("requirements.txt").decode().splitlines()


@pytest.mark.parametrize("function", FUNCTIONS)
def test_bundle_holds_main_the_package_and_requirements(
    bundles: dict[str, Path], function: str
) -> None:
    with zipfile.ZipFile(bundles[function]) as opened:
        names = set(opened.namelist())
        main = opened.read("main.py")

    assert main == (FUNCTIONS_DIR / function / "main.py").read_bytes()
    assert {"requirements.txt", "instatag/__init__.py", "instatag/settings.py"} <= names


@pytest.mark.parametrize("function", FUNCTIONS)
def test_every_module_carries_bytecode_of_its_own_source(
    bundles: dict[str, Path], function: str
) -> None:
    with zipfile.ZipFile(bundles[function]) as opened:
        files = {name: opened.read(name) for name in opened.namelist()}
    modules = [name for name in files if name.endswith(".py")]

    assert sorted(name for name in files if name.endswith(".pyc")) == sorted(
        importlib.util.cache_from_source(name) for name in modules
    )
    for name in modules:
        pyc = files[importlib.util.cache_from_source(name)]
        assert pyc[:4] == importlib.util.MAGIC_NUMBER, name
        assert int.from_bytes(pyc[4:8], "little") == CHECKED_HASH, name
        assert pyc[8:16] == importlib.util.source_hash(files[name]), name


def test_bytecode_is_compiled_for_the_function_runtime() -> None:
    assert f"python{sys.version_info.major}{sys.version_info.minor}" == deploy.RUNTIME


@pytest.mark.parametrize("function", FUNCTIONS)
def test_requirements_pin_only_what_the_function_imports(
    bundles: dict[str, Path], function: str, index: bundle.DistributionIndex
) -> None:
    lines = requirements_of(bundles[function])
    closure = bundle.import_closure(FUNCTIONS_DIR / function / "main.py")
    imported = {index.provider(name) for name in closure.external_leaves()}
    pins = bundle.runtime_pins()

    assert {line.partition("==")[0] for line in lines} == imported
    assert "functions-framework" in imported
    for line in lines:
        name, _, version = line.partition("==")
        assert version, f"{line} is not pinned"
        assert pins.get(name, version) == version, f"{line} differs from pyproject.toml"


def test_a_function_that_reads_no_images_carries_no_image_libraries(
    bundles: dict[str, Path],
) -> None:
    names = {line.partition("==")[0] for line in requirements_of(bundles["trending"])}

    assert not names & {"pillow", "pillow-heif", "onnxruntime"}


def test_bundles_are_reproducible(tmp_path: Path, index: bundle.DistributionIndex) -> None:
    first = bundle.build_bundle("tags", tmp_path / "first", index)
    second = bundle.build_bundle("tags", tmp_path / "second", index)

    assert first.read_bytes() == second.read_bytes()


def write_function(functions_dir: Path, name: str, source: str) -> None:
    (functions_dir / name).mkdir(parents=True)
    (functions_dir / name / "main.py").write_text(source)


def test_importing_a_build_only_dependency_fails_the_bundle(
    tmp_path: Path, index: bundle.DistributionIndex
) -> None:
    write_function(tmp_path, "leaky", "import scipy.sparse\nfrom instatag import logs\n")

    with pytest.raises(bundle.BundleError, match=r"leaky imports scipy\.sparse from scipy"):
        bundle.build_bundle("leaky", tmp_path / "out", index, functions_dir=tmp_path)


def test_imports_for_type_checking_only_are_left_out(
    tmp_path: Path, index: bundle.DistributionIndex
) -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "import functions_framework\n"
        "if TYPE_CHECKING:\n"
        "    import scipy\n"
    )
    write_function(tmp_path, "typed", source)

    archive = bundle.build_bundle("typed", tmp_path / "out", index, functions_dir=tmp_path)

    assert [line.partition("==")[0] for line in requirements_of(archive)] == [
        "functions-framework"
    ]


def test_namespace_packages_resolve_to_the_distribution_imported_from_them(
    tmp_path: Path, index: bundle.DistributionIndex
) -> None:
    source = "import functions_framework\nfrom google.cloud import firestore\nimport google.auth\n"
    write_function(tmp_path, "store", source)

    archive = bundle.build_bundle("store", tmp_path / "out", index, functions_dir=tmp_path)

    assert [line.partition("==")[0] for line in requirements_of(archive)] == [
        "functions-framework",
        "google-auth",
        "google-cloud-firestore",
    ]


def test_lazy_imports_inside_functions_are_followed(tmp_path: Path) -> None:
    main = tmp_path / "main.py"
    main.write_text("def handler():\n    from instatag import runtime\n    import redis\n")

    closure = bundle.import_closure(main)

    assert "instatag.runtime" in closure.modules
    assert "instatag.settings" in closure.modules
    assert "redis" in closure.external


def venv_for(requirements: str) -> Path:
    """A venv holding exactly `requirements`, kept under build/venvs by their hash."""
    digest = hashlib.sha256(f"{sys.version}\n{requirements}".encode()).hexdigest()[:16]
    venv = VENVS / digest
    python = venv / "bin" / "python"
    if (venv / ".complete").exists():
        return python

    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    (venv / "requirements.txt").write_text(requirements)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "-r", str(venv / "requirements.txt")],
        check=True,
        env=clean_environment(),
    )
    (venv / ".complete").touch()
    return python


def clean_environment() -> dict[str, str]:
    """This process's environment without anything pointing at the project's own venv."""
    return {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"}
        and not key.startswith("INSTATAG_")
    }


@pytest.mark.bundle
@pytest.mark.parametrize("function", FUNCTIONS)
def test_bundle_imports_in_a_clean_venv(
    bundles: dict[str, Path], function: str, tmp_path: Path
) -> None:
    with zipfile.ZipFile(bundles[function]) as opened:
        opened.extractall(tmp_path)
    python = venv_for((tmp_path / "requirements.txt").read_text())
    modules = sorted(bundle.import_closure(FUNCTIONS_DIR / function / "main.py").modules)
    entry_point = handler_of(function).entry_point
    # The package must come from the bundle, not from the project's editable install.
    script = (
        "import importlib, os, sys\n"
        "import main, instatag\n"
        f"assert callable(main.{entry_point})\n"
        "assert instatag.__file__.startswith(os.getcwd()), instatag.__file__\n"
        "for name in sys.argv[1:]:\n"
        "    importlib.import_module(name)\n"
    )

    result = subprocess.run(
        [str(python), "-c", script, *modules],
        cwd=tmp_path,
        env={**clean_environment(), "INSTATAG_BACKEND": "google"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert result.returncode == 0, result.stderr
