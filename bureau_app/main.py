"""Entry point of `bureau-app`, the bureau's graphical application."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ceremony import __version__


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bureau-app",
        description="Bureau : application graphique du bureau de vote électronique.",
    )
    parser.add_argument("--version", action="version", version=f"bureau-app {__version__}")
    parser.add_argument(
        "--store",
        metavar="DOSSIER",
        help="dossier du bureau (par défaut : le dossier de données de l'utilisateur)",
    )
    parser.add_argument(
        "--demo",
        metavar="DOSSIER",
        help=(
            "démonstration et entraînement : plateforme simulée et cartes d'entraînement "
            "dans DOSSIER (rouvrir le même dossier reprend la cérémonie)"
        ),
    )
    parser.add_argument(
        "--expert",
        action="store_true",
        help="vérification par un expert : ouvrir une archive ou une élection, sans cérémonie",
    )
    parser.add_argument(
        "--ballots",
        type=int,
        default=40,
        help="démonstration : nombre de votants simulés (par défaut : 40)",
    )
    parser.add_argument(
        "--lang",
        choices=["fr", "en"],
        help="langue de l'interface (par défaut : celle du système, sinon le français)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    from bureau_app.display import display_problem_here

    problem = display_problem_here()
    if problem is not None:
        sys.stderr.write(problem.message())
        return 1
    # Qt is imported only once arguments are parsed, so `--help` works without a display.
    from bureau_app.window import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
