"""`instatag build`: build the vision and tags models and publish them to the model bucket."""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from instatag import runtime
from instatag.corpus import POSTS, Post
from instatag.errors import BadRequest, InstaTagError, NotFound
from instatag.modelstore import publish

logger = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "build", help="train the models on the stored posts and publish them"
    )
    parser.add_argument("--skip-vision", action="store_true", help="build the tags model only")
    parser.add_argument("--skip-tags", action="store_true", help="build the vision model only")
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar while training (default: when stderr is a terminal)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.skip_vision and args.skip_tags:
        raise BadRequest("--skip-vision and --skip-tags together leave nothing to build")
    settings = runtime.settings()
    progress = sys.stderr.isatty() if args.progress is None else args.progress

    with tempfile.TemporaryDirectory(prefix="instatag-build-") as tmp:
        out = Path(tmp)
        files: dict[str, list[Path]] = {}
        corpus_size = None
        if not args.skip_vision:
            files["vision"] = _build_vision(out / "vision")
        if not args.skip_tags:
            posts = list(stored_posts())
            if not posts:
                raise NotFound("no posts are stored; load some with `instatag import FILE.jsonl`")
            files["tags"] = _build_tags(posts, out / "tags", progress)
            corpus_size = len(posts)
        manifest = publish(
            runtime.blobs(), files, corpus_size=corpus_size, prefix=settings.models.prefix
        )

    for entry in manifest.files:
        sys.stdout.write(
            f"{settings.models.prefix}{manifest.version}/{entry.name} "
            f"({entry.size / 1e6:.1f} MB)\n"
        )
    sys.stdout.write(f"published model version {manifest.version}\n")
    return 0


def stored_posts() -> Iterator[Post]:
    """Every post in the document store; one that no longer parses is skipped and logged."""
    for post_id, document in runtime.documents().query(POSTS):
        try:
            yield Post.from_record({**document, "id": post_id}, document.get("source", "file"))
        except InstaTagError as exc:
            logger.warning("skipping stored post %s: %s", post_id, exc)


def _build_vision(out: Path) -> list[Path]:
    from models.vision.build import build_vision

    paths: list[Path] = build_vision(out)
    return paths


def _build_tags(posts: list[Post], out: Path, progress: bool) -> list[Path]:
    from models.tags.train import train, write

    trained = train(posts, show_progress=progress)
    logger.info(
        "trained the tags model: %d hashtags from %d posts",
        len(trained.corpus.tags),
        trained.corpus.matrix.shape[0],
    )
    paths: list[Path] = write(trained, out)
    return paths
