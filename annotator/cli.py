"""The command line: `annotator [PROJECT]` opens the window (with no project, the last one
used); subcommands work on the core.

Each subcommand lives in annotator/commands/<name>.py with `register(subparsers)`; user
errors become one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from annotator import __version__
from annotator.core.errors import AnnotatorError

COMMANDS = ["new", "import_", "export", "validate", "stats", "show", "assign", "collect", "progress", "checkout",
            "pull", "push", "train", "suggest", "evaluate", "merge", "agreement", "restore", "selftest", "desktop",
            "review"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Annotate Arabic news text: quotes, sources, cues and dates. "
        "Run with a project file to open it in the window, or with nothing to reopen the last project "
        "(the sample project the first time).",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"annotator.commands.{name}").register(sub)
    return parser


def _subcommands(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv or not (argv[0].startswith("-") or argv[0] in _subcommands(parser)):
        return gui_main(argv)
    # Everything a command prints goes through one filter: ids, names and text from a
    # project or input file never reach the terminal as escape sequences.
    from annotator.core.terminal import SafeStream

    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr)
    try:
        return _run(parser, argv)
    finally:
        sys.stdout, sys.stderr = saved


def _run(parser: argparse.ArgumentParser, argv: list[str]) -> int:
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return args.run(args) or 0
    except AnnotatorError as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("annotator: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def gui_main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) > 1:
        print("annotator: give at most one project file to open (or a command; see annotator --help)", file=sys.stderr)
        return 2
    from annotator.gui.app import run

    try:
        return run(argv[0] if argv else None)
    except AnnotatorError as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return 1
