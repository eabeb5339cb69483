"""``bureau recount ARCHIVE_DIR --store NEW_STORE --card … [--out DIR]`` (DESIGN.md §6)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ceremony.errors import CeremonyError
from ceremony.workflow.holders import PresentCard


def print_results(
    title: str,
    results: dict[str, list[int]],
    names: dict[str, str],
    list_names: dict[str, list[str]] | None = None,
) -> None:
    """Each contest's [blank, list 1, …] as the count computed it, lists by their names."""
    print(title)
    for uuid, row in sorted(results.items()):
        blank, *lists = row
        labels = (list_names or {}).get(uuid, [])
        votes = " ; ".join(
            f"{labels[i] if i < len(labels) else f'liste {i + 1}'} : {v}"
            for i, v in enumerate(lists)
        )
        print(f"  {names.get(uuid, uuid)} : blancs {blank} ; {votes}")


def add_recount_parser(subparsers: Any, open_card: Callable[[str], PresentCard]) -> None:
    parser = subparsers.add_parser(
        "recount",
        help="nouveau décompte depuis l'archive de la cérémonie et les cartes",
        description=(
            "Nouveau décompte (art. 23) sur n'importe quel poste : vérifie l'archive, "
            "reconstruit ce que le décompte demande dans un NOUVEAU dossier de bureau, "
            "déchiffre avec n'importe quel quorum légal de cartes, compare aux résultats "
            "archivés et écrit un rapport signé à côté de l'archive (jamais dedans)."
        ),
    )
    parser.add_argument("archive", type=Path, metavar="ARCHIVE_DIR")
    parser.add_argument("--store", type=Path, required=True, help="nouveau dossier de bureau")
    parser.add_argument("--card", action="append", metavar="MEMBRE=NUMÉRO", required=True)
    parser.add_argument("--out", type=Path, help="dossier du rapport (défaut : à côté)")

    def handler(args: argparse.Namespace) -> int:
        from ceremony.workflow.recount import recount_from_archive

        try:
            cards = [open_card(spec) for spec in args.card]
            outcome = recount_from_archive(
                args.archive,
                args.store,
                cards,
                args.out,
                notice=lambda text: print(text, file=sys.stderr),
            )
        except CeremonyError as error:
            print(f"Refusé : {error.user_message}", file=sys.stderr)
            print(f"  (détail technique : {error.technical})", file=sys.stderr)
            return 1
        print_results(
            "Résultats du nouveau décompte :",
            outcome.results,
            outcome.contest_names,
            outcome.list_names,
        )
        if outcome.equal:
            print("Identiques aux résultats archivés.")
        else:
            print("DIFFÉRENTS des résultats archivés :")
            for line in outcome.differences:
                print(f"  {line}")
        print(f"Cartes utilisées : {', '.join(outcome.members_used)}")
        print(f"Rapport signé écrit dans : {outcome.folder}")
        print(f"Paquet signé (bureau verify l'accepte seul) : {outcome.folder / 'recount.zip'}")
        return 0 if outcome.equal else 2

    parser.set_defaults(handler=handler)
