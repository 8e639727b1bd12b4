"""`instatag tags IMAGE`: hashtags for a photo (and words), with the published models."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from instatag.commands import read_file
from instatag.hashtags.service import TagAnswer, TagRequest, service
from instatag.settings import get_settings


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("tags", help="recommend hashtags for a photo or some words")
    parser.add_argument("image", nargs="?", type=Path, help="a JPEG, PNG, WebP or HEIC photo")
    parser.add_argument("--text", default="", help="a caption or keywords")
    parser.add_argument("--hashtags", nargs="*", default=[], help="hashtags the post has")
    parser.add_argument("--platform", help="instagram (default), tiktok, x or threads")
    parser.add_argument("--limit", type=int, help="length of the ranked list (1-30)")
    parser.add_argument("--json", action="store_true", help="print the function's JSON answer")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = get_settings()
    image = read_file(args.image) if args.image else None
    request = TagRequest(
        image=image,
        text=args.text,
        hashtags=tuple(args.hashtags),
        platform=args.platform or settings.tags.default_platform,
        limit=args.limit or settings.tags.default_limit,
    )
    answer = service().answer(request)
    sys.stdout.write(json.dumps(answer.to_json(), indent=2) + "\n" if args.json else show(answer))
    return 0


def show(answer: TagAnswer) -> str:
    """The answer as a person reads it in a terminal."""
    lines = []
    if answer.concepts:
        seen = ", ".join(f"{c.label} ({c.score:.0%})" for c in answer.concepts)
        lines.append(f"In the photo: {seen}")
    lines.append(f"For {answer.platform}: {answer.recommendation.copy_text}")
    lines.append("")
    for result in answer.recommendation.tags:
        reasons = "; ".join(result.reasons)
        lines.append(f"  #{result.tag:<28} {result.tier:<8} {result.score:6.3f}  {reasons}")
    lines += [f"note: {note}" for note in answer.notes]
    return "\n".join(lines) + "\n"
