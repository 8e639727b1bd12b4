"""Resident memory of the tags function serving a request with a 100k-hashtag model.

    .venv/bin/python bench/memory_tags.py [--tags 100000]

Publishes the vision model and a synthetic tags model of N hashtags (128 factors, see
`bench_tags.synthetic_tags_model`) to a temporary model bucket, then starts a fresh Python
process that loads `functions/tags/main.py` through functions-framework, serves one photo
request and one text request, and reports its resident set size (VmRSS) and its peak (VmHWM).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data"


def status_mib() -> dict[str, float]:
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) / 1024
    return fields


def child() -> int:
    """Runs in the fresh process: import the function, serve, measure."""
    import functions_framework

    measured = {"after_import": status_mib()}
    app = functions_framework.create_app(
        target="tags", source=str(ROOT / "functions" / "tags" / "main.py")
    )
    client = app.test_client()
    photo = (DATA / "images" / "hearts.jpeg").read_bytes()
    form = {"image": (io.BytesIO(photo), "hearts.jpeg"), "text": "love hearts"}
    answers = [
        client.post("/", data=form, content_type="multipart/form-data").status_code,
        client.post("/", json={"text": "beach sunset", "hashtags": ["summer"]}).status_code,
    ]
    measured["after_requests"] = status_mib()
    print(json.dumps({"statuses": answers, **measured}))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tags", type=int, default=100_000)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child()

    sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "shared"), str(ROOT)]
    from bench_tags import published_models

    with published_models(args.tags) as folder:
        env = {
            **os.environ,
            "INSTATAG_DATA_DIR": str(folder / "data"),
            "INSTATAG_MODELS__CACHE_DIR": str(folder / "cache"),
            "INSTATAG_LOG_LEVEL": "WARNING",
        }
        done = subprocess.run(
            [sys.executable, __file__, "--child"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    after = result["after_requests"]
    print(f"{args.tags} hashtags, answers {result['statuses']}")
    print(f"  after import:   {result['after_import']['VmRSS']:6.1f} MiB resident")
    print(f"  after serving:  {after['VmRSS']:6.1f} MiB resident, peak {after['VmHWM']:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
