"""``bureau card check|show|unblock|wipe``: a member's own card, at any time.

``wipe`` is the only command that ever destroys a ceremony key: it shows what
the card holds, asks the holder to type the confirmation sentence, then the
card's current PIN (:mod:`ceremony.workflow.card_wipe`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ceremony.cards.keylabel import KeyLabel
from ceremony.workflow.card_wipe import check_card, set_reset_code, unblock_card, wipe_card
from ceremony.workflow.engine import Bureau


def _one(args: argparse.Namespace) -> Any:
    if len(args.cards) != 1:
        raise argparse.ArgumentTypeError("une seule carte : --card MEMBRE=NUMÉRO")
    return args.cards[0]


def _show(bureau: Bureau, args: argparse.Namespace) -> None:
    card = _one(args)
    label = card.client.read_key_label()
    if label is None:
        print("Cette carte ne porte aucune clé de cérémonie.")
    else:
        print(f"Cette carte porte une clé de cérémonie : {label.describe()}.")


def _check(bureau: Bureau, args: argparse.Namespace) -> None:
    check_card(bureau, _one(args))
    print(
        "Contrôle réussi : la carte ouvre bien sa clé pour cette cérémonie et elle "
        "correspond à la clé publique du bureau (rien n'est affiché ; contrôle journalisé)."
    )


def _unblock(bureau: Bureau, args: argparse.Namespace) -> None:
    method = "reset_code" if args.reset_code else "admin_pin"
    unblock_card(bureau, _one(args), method)
    how = "le code de déblocage" if args.reset_code else "le code administrateur"
    print(f"Carte débloquée avec {how} : nouveau code personnel enregistré (journalisé).")


def _set_reset_code(bureau: Bureau, args: argparse.Namespace) -> None:
    set_reset_code(bureau, _one(args))
    print(
        "Code de déblocage enregistré sur la carte (journalisé, jamais le code). "
        "Il est remis sous pli scellé selon la règle du document de remise des clés."
    )


def _ask_confirmation(read: Callable[[str], str]) -> Callable[[KeyLabel, str], str]:
    def confirm(label: KeyLabel, phrase: str) -> str:
        print(f"Cette carte porte : {label.describe()}.", file=sys.stderr)
        print(
            "L'effacer rend cette clé inutilisable pour toujours : l'urne de cette élection "
            "ne pourra plus être ouverte avec cette carte.",
            file=sys.stderr,
        )
        print(f"Pour confirmer, tapez exactement : {phrase}", file=sys.stderr)
        return read("Confirmation : ")

    return confirm


def _wipe(bureau: Bureau, args: argparse.Namespace) -> None:
    label = wipe_card(bureau, _one(args), _ask_confirmation(input))
    print(f"Clé effacée de la carte {label.card_serial} (effacement journalisé).")


def add_card_parser(subparsers: Any, with_bureau: Callable[..., Any]) -> None:
    card = subparsers.add_parser(
        "card", help="la carte d'un membre : contrôler, débloquer, effacer"
    )
    actions = card.add_subparsers(dest="card_command", metavar="ACTION", required=True)
    for name, help_text, action in (
        ("show", "dire ce que porte la carte (sans code)", _show),
        ("check", "prouver que la carte ouvre sa clé (journalisé)", _check),
        (
            "unblock",
            "débloquer le code personnel (code administrateur, ou --reset-code)",
            _unblock,
        ),
        (
            "set-reset-code",
            "définir le code de déblocage de la carte (sous le code administrateur)",
            _set_reset_code,
        ),
        ("wipe", "effacer la clé de la carte, à la demande de son titulaire", _wipe),
    ):
        parser = actions.add_parser(name, help=help_text, description=help_text)
        parser.add_argument("--store", type=Path, help="dossier du bureau")
        parser.add_argument("--card", action="append", metavar="MEMBRE=NUMÉRO", required=True)
        if name == "unblock":
            parser.add_argument(
                "--reset-code",
                action="store_true",
                help="avec le code de déblocage de la carte au lieu du code administrateur",
            )
        parser.set_defaults(handler=with_bureau(action))
