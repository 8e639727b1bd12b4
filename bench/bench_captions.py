"""Captions: cold start with the model pulled from the Storage emulator, against the floor of
creating the onnxruntime session from a local file and running it once; then warm caption
requests against warm tag requests.

    .venv/bin/python bench/bench_captions.py [--runs 5] [--requests 40]

Everything runs on the Google backend against the emulators this script starts: the models
are published to a Cloud Storage emulator bucket, the sample posts stored in the Firestore
emulator. Raw results go to `bench/.out/captions.json`.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / ".out"
TEAM_IMAGES = ROOT.parent / "shared" / "data" / "images"
PROJECT = "bench-captions"
BUCKET = "bench-models"
SETTLE_SECONDS = 1.0
# A function's /tmp is held in memory, so the cold starts cache their models in memory too.
MEMORY_DIR = "/dev/shm" if Path("/dev/shm").is_dir() else None

# A fresh interpreter that loads a local model and runs it once: the floor of any cold start.
FLOOR = """
import sys, time
started = time.perf_counter()
import numpy as np
import onnxruntime as ort
session = ort.InferenceSession(sys.argv[1], providers=["CPUExecutionProvider"])
session.run(None, {"image": np.zeros((1, 3, 224, 224), np.float32)})
print(time.perf_counter() - started, flush=True)
"""

# A fresh interpreter that starts a function (captions or tags) and answers one request.
COLD = """
import io, sys, time
started = time.perf_counter()
import functions_framework
app = functions_framework.create_app(sys.argv[3], sys.argv[1])
with open(sys.argv[2], "rb") as photo:
    data = photo.read()
response = app.test_client().post(
    "/", data={"image": (io.BytesIO(data), "photo")}, content_type="multipart/form-data"
)
assert response.status_code == 200, response.get_data(as_text=True)
captions = len(response.get_json().get("captions", []))
import instatag
print(time.perf_counter() - started, captions, instatag.__file__, flush=True)
"""


def photos() -> list[Path]:
    skimage = Path(str(resources.files("skimage") / "data"))
    return [
        skimage / "chelsea.png",
        skimage / "coffee.png",
        TEAM_IMAGES / "hearts.jpeg",
        TEAM_IMAGES / "bokeh.jpeg",
    ]


def every_photo() -> list[Path]:
    """Every real photo at hand: scikit-image's bundled ones and the team's."""
    skimage = Path(str(resources.files("skimage") / "data"))
    names = [
        "astronaut.png", "brick.png", "chelsea.png", "coffee.png", "coins.png", "grass.png",
        "horse.png", "hubble_deep_field.jpg", "motorcycle_left.png", "retina.jpg", "rocket.jpg",
    ]  # fmt: skip
    return [skimage / name for name in names] + sorted(TEAM_IMAGES.glob("*.jpeg"))


def subject_table(files: dict[str, list[Path]]) -> list[dict[str, Any]]:
    """What the vision model says of each real photo, and what the captions are about."""
    from instatag.captions.palette import mood_of
    from instatag.captions.subject import choose_subject
    from instatag.vision.imaging import RESIZE_SIZE, load_image
    from instatag.vision.model import VisionModel

    model = VisionModel(*files["vision"])
    rows = []
    for path in every_photo():
        image = load_image(path.read_bytes(), min_side=RESIZE_SIZE)
        concepts = model.analyse_image(image, top_k=5).concepts
        subject = choose_subject(concepts, mood_of(image))
        top = concepts[0]
        rows.append(
            {"photo": path.name, "top": top.label, "score": top.score, "subject": subject.text,
             "kind": subject.kind}
        )  # fmt: skip
    return sorted(rows, key=lambda row: -row["score"])


def build_models(out: Path) -> dict[str, list[Path]]:
    from instatag.sample import load_sample

    from models.tags.train import train, write
    from models.vision.build import build_vision

    tags = write(train(load_sample(), show_progress=False), out / "tags")
    return {"vision": build_vision(out / "vision"), "tags": tags}


def start_emulators(logs: Path) -> list[Any]:
    from instatag import localstack

    storage = localstack.storage(logs, BUCKET).start()
    firestore = localstack.firestore(logs).start()
    os.environ["STORAGE_EMULATOR_HOST"] = f"http://{storage.host}"
    os.environ["FIRESTORE_EMULATOR_HOST"] = firestore.host
    return [storage, firestore]


def google_env(cache_dir: Path) -> dict[str, str]:
    return {
        "INSTATAG_BACKEND": "google",
        "INSTATAG_GOOGLE__PROJECT": PROJECT,
        "INSTATAG_GOOGLE__MODEL_BUCKET": BUCKET,
        "INSTATAG_MODELS__CACHE_DIR": str(cache_dir),
        "INSTATAG_LOG_LEVEL": "WARNING",
    }


def publish_and_store(files: dict[str, list[Path]], cache_dir: Path) -> str:
    """Publish the models to the Storage emulator and the sample posts to Firestore."""
    os.environ.update(google_env(cache_dir))
    from instatag import runtime
    from instatag.corpus import save_posts
    from instatag.modelstore import publish
    from instatag.ports.embedded.events import LocalEventBus
    from instatag.sample import load_sample

    runtime.reset()
    manifest = publish(runtime.blobs(), files)
    events = LocalEventBus(PROJECT, {"corpus-updated": lambda event: None})
    save_posts(load_sample(), runtime.documents(), events)
    return manifest.version


def timed_process(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Wall time from starting a process to the first line it prints, and that line.

    The process exits after printing; its shutdown is not part of the answer's time. Each
    process starts after a pause, so what the one before left to the emulators and the disk
    (a connection to close, a downloaded model to write back) is not charged to it.
    """
    time.sleep(SETTLE_SECONDS)
    started = time.perf_counter()
    with subprocess.Popen(
        argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        line = process.stdout.readline()
        elapsed = time.perf_counter() - started
        process.stdout.read()
        errors = process.stderr.read()
    if process.returncode != 0 or not line:
        raise RuntimeError(f"{argv[:3]} failed:\n{errors[-2000:]}")
    return elapsed, line.strip()


def unpack_bundles(out: Path) -> dict[str, Path]:
    """Each function as it is deployed: its `make bundle` archive unpacked, bytecode included."""
    functions = ["captions", "tags"]
    bundler = [sys.executable, str(ROOT / "infra" / "bundle.py"), *functions, "--out", str(out)]
    subprocess.run(bundler, check=True, capture_output=True)
    for function in functions:
        with zipfile.ZipFile(out / f"{function}.zip") as archive:
            archive.extractall(out / function)
    return {function: out / function for function in functions}


def floor_run(model: Path) -> dict[str, float]:
    wall, printed = timed_process([sys.executable, "-c", FLOOR, str(model)], dict(os.environ))
    return {"wall": wall, "inside": float(printed)}


@dataclass(frozen=True)
class Start:
    """Where a cold start takes the function's main.py and the `instatag` package from."""

    function: str
    main: Path
    package_parent: Path


def cold_run(start: Start, photo: Path, cache_dir: Path) -> dict[str, float]:
    """New process to first answer, with an empty model cache and `instatag` from the start's
    folder (first on the path, ahead of the project's editable install)."""
    env = {**os.environ, **google_env(cache_dir), "PYTHONPATH": str(start.package_parent)}
    argv = [sys.executable, "-c", COLD, str(start.main), str(photo), start.function]
    wall, printed = timed_process(argv, env)
    inside, count, package = printed.split()
    if not Path(package).is_relative_to(start.package_parent):
        raise RuntimeError(f"{start} loaded instatag from {package}")
    if start.function == "captions" and int(count) != 4:
        raise RuntimeError(f"the cold start answered {count} captions, not 4")
    return {"wall": wall, "inside": float(inside)}


Runs = dict[str, list[dict[str, float]]]


def cold_rounds(model: Path, photo: Path, runs: int, tmp: Path) -> Runs:
    """The floor and each cold start in turns, so that the machine's load falls on all alike.

    `captions` and `tags` start from their deployed bundles; `captions_source` starts from the
    project's source tree, where (this machine sets PYTHONDONTWRITEBYTECODE) no bytecode lies
    beside the modules: a deployed instance without the bundle's bytecode.
    """
    bundles = unpack_bundles(tmp / "bundles")
    starts = {
        "captions": Start("captions", bundles["captions"] / "main.py", bundles["captions"]),
        "tags": Start("tags", bundles["tags"] / "main.py", bundles["tags"]),
        "captions_source": Start(
            "captions", ROOT / "functions" / "captions" / "main.py", ROOT / "shared"
        ),
    }
    results: Runs = {"floor": [], **{key: [] for key in starts}}
    for _ in range(runs):
        results["floor"].append(floor_run(model))
        for key, start in starts.items():
            with tempfile.TemporaryDirectory(prefix="cold-", dir=MEMORY_DIR) as cache_dir:
                results[key].append(cold_run(start, photo, Path(cache_dir)))
    return results


def warm_runs(requests: int, cache_dir: Path, mined_cache: bool) -> dict[str, list[float]]:
    """Milliseconds per request, captions and tags in turns over the same photos."""
    import functions_framework
    from instatag import runtime
    from instatag.captions import service as caption_service
    from instatag.hashtags import service as tag_service

    os.environ.update(google_env(cache_dir))
    os.environ["INSTATAG_CAPTIONS__MINED_CACHE_SECONDS"] = "300" if mined_cache else "0"
    runtime.reset()
    caption_service.reset()
    tag_service.reset()

    clients = {
        name: functions_framework.create_app(
            name, str(ROOT / "functions" / name / "main.py")
        ).test_client()
        for name in ("captions", "tags")
    }
    data = [path.read_bytes() for path in photos()]

    def call(name: str, photo: bytes) -> float:
        started = time.perf_counter()
        response = clients[name].post(
            "/", data={"image": (io.BytesIO(photo), "photo")}, content_type="multipart/form-data"
        )
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, response.get_data(as_text=True)
        return elapsed

    for photo in data:
        call("captions", photo)
        call("tags", photo)

    times: dict[str, list[float]] = {"captions": [], "tags": []}
    for index in range(requests):
        photo = data[index % len(data)]
        order = ("captions", "tags") if index % 2 else ("tags", "captions")
        for name in order:
            times[name].append(call(name, photo))
    return times


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "median": statistics.median(ordered),
        "p95": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
        "min": ordered[0],
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-captions-") as name:
        tmp = Path(name)
        files = build_models(tmp / "models")
        emulators = start_emulators(tmp / "logs")
        try:
            version = publish_and_store(files, tmp / "publish-cache")
            cold = cold_rounds(files["vision"][0], photos()[0], args.runs, tmp)
            warm = warm_runs(args.requests, tmp / "warm-cache", mined_cache=True)
            uncached = warm_runs(args.requests, tmp / "warm-cache", mined_cache=False)
        finally:
            for emulator in emulators:
                emulator.stop()
    return {
        "model_version": version,
        **cold,
        "warm": warm,
        "warm_without_query_cache": uncached,
    }


def report(results: dict[str, Any]) -> None:
    def times(key: str, part: str = "wall") -> dict[str, float]:
        return summary([run[part] for run in results[key]])

    floor = times("floor")
    rows = [
        ("floor: new process, local model, one run", floor),
        ("captions: new process to first answer", times("captions")),
        ("tags: new process to first answer", times("tags")),
        ("captions from the source tree, no bytecode", times("captions_source")),
    ]
    print("cold start, seconds: median (min), and the median over the floor's")
    for name, got in rows:
        ratio = got["median"] / floor["median"]
        print(f"  {name:42s} {got['median']:.2f} ({got['min']:.2f})  {ratio:.2f}x")
    inside_floor, inside_cold = times("floor", "inside"), times("captions", "inside")
    print(
        f"  after the interpreter started: floor {inside_floor['median']:.2f}, "
        f"captions {inside_cold['median']:.2f}"
    )
    for key in ("warm", "warm_without_query_cache"):
        captions, tags = summary(results[key]["captions"]), summary(results[key]["tags"])
        ratio = captions["median"] / tags["median"]
        print(f"{key}, ms per request: median (p95)")
        print(f"  captions {captions['median']:6.1f} ({captions['p95']:.1f})")
        print(f"  tags     {tags['median']:6.1f} ({tags['p95']:.1f})")
        print(f"  ratio of medians {ratio:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold starts and floors to time")
    parser.add_argument("--requests", type=int, default=40, help="warm requests of each kind")
    parser.add_argument(
        "--photos", action="store_true", help="only print each real photo's top class and subject"
    )
    args = parser.parse_args()
    if args.photos:
        with tempfile.TemporaryDirectory(prefix="bench-captions-") as name:
            for row in subject_table(build_models(Path(name))):
                top = f"{row['score']:.3f} {row['top']}"
                print(f"{row['photo']:22s} {top:46s} {row['kind']:9s} {row['subject']}")
        return

    results = run(args)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "captions.json").write_text(json.dumps(results, indent=1) + "\n")
    report(results)


if __name__ == "__main__":
    main()
