"""`instatag captions IMAGE`: caption options for a photo, with the published models."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from instatag.captions.service import CaptionAnswer, CaptionRequest, service
from instatag.captions.templates import TONES
from instatag.commands import read_file
from instatag.settings import get_settings

SOURCES = {"photo": "written from the photo", "posts": "from a similar post"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("captions", help="write caption options for a photo")
    parser.add_argument("image", type=Path, help="a JPEG, PNG, WebP or HEIC photo")
    parser.add_argument("--tone", choices=TONES, help="one tone for every option (default: a mix)")
    parser.add_argument("--count", type=int, help="how many options (1-10, default 4)")
    parser.add_argument(
        "--with-hashtags", action="store_true", help="append the recommended hashtags"
    )
    parser.add_argument("--platform", help="instagram (default), tiktok, x or threads")
    parser.add_argument("--json", action="store_true", help="print the function's JSON answer")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = get_settings()
    request = CaptionRequest(
        image=read_file(args.image),
        tone=args.tone,
        count=args.count or settings.captions.default_count,
        with_hashtags=args.with_hashtags,
        platform=args.platform or settings.tags.default_platform,
    )
    answer = service().answer(request)
    sys.stdout.write(json.dumps(answer.to_json(), indent=2) + "\n" if args.json else show(answer))
    return 0


def show(answer: CaptionAnswer) -> str:
    """The answer as a person reads it in a terminal."""
    seen = ", ".join(f"{c.label} ({c.score:.0%})" for c in answer.analysis.concepts)
    lines = [f"About: {answer.subject.text}", f"In the photo: {seen}", ""]
    body = answer.to_json()
    for number, option in enumerate(body["captions"], start=1):
        lines.append(f"{number}. [{option['tone']}, {SOURCES[option['source']]}]")
        lines += [f"   {line}" for line in option["text"].splitlines()]
    lines += [f"note: {note}" for note in answer.notes]
    return "\n".join(lines) + "\n"
