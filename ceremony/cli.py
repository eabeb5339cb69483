"""The `bureau` command: every ceremony step, scriptable (DESIGN.md §6)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ceremony import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bureau",
        description=(
            "Bureau : l'application du bureau de vote électronique "
            "(Belenios 2.0, cartes OpenPGP, paquets signés)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"bureau {__version__}")
    parser.add_subparsers(dest="command", metavar="COMMANDE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    handler = args.handler
    result: int = handler(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
