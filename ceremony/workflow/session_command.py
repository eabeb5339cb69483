"""``bureau session open|close``: the roll-call of a public session from the command line.

Times are entered by the bureau (``--at``, ISO 8601; without an offset they are
read as Paris time); without ``--at`` the session opens or closes now.
Members are named by their identifier in the definition; a substitute
delegate is named by their full name (``--replaced del-x="Dr Y"``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from ceremony.workflow import rollcall
from ceremony.workflow.engine import Bureau
from ceremony.workflow.errors import WrongPhaseError
from ceremony.workflow.phases import Phase
from ceremony.workflow.rollcall import Movement, RollCallError

PARIS = ZoneInfo("Europe/Paris")
SESSION_NAMES = {"sealing": "de scellement", "count": "de dépouillement"}


class SessionArgumentError(RollCallError):
    default_message = "L'appel saisi n'est pas valable."


def parse_time(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise SessionArgumentError(
            f"bad time {text!r}: {error}",
            user_message=(
                f"Heure illisible : « {text} ». Écrivez-la ainsi : 2024-11-27T14:02 "
                "(heure de Paris) ou avec son décalage, 2024-11-27T14:02+01:00."
            ),
        ) from None
    return moment.replace(tzinfo=PARIS) if moment.tzinfo is None else moment


def _known(bureau: Bureau, names: Sequence[str]) -> None:
    members = [m.member_id for m in bureau.bureau_definition().members]
    unknown = [n for n in names if n not in members]
    if unknown:
        raise SessionArgumentError(
            f"unknown members {unknown}; members are {members}",
            user_message=(
                f"Membre inconnu : {', '.join(unknown)}. Les membres de ce bureau sont : "
                f"{', '.join(members)}."
            ),
        )
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise SessionArgumentError(
            f"members named twice: {twice}",
            user_message=f"Membre nommé deux fois dans l'appel : {', '.join(twice)}.",
        )


def _replacements(items: Sequence[str]) -> dict[str, str]:
    replaced: dict[str, str] = {}
    for item in items:
        member, sep, stand_in = item.partition("=")
        if not sep or not member.strip() or not stand_in.strip():
            raise SessionArgumentError(
                f"bad replacement {item!r}",
                user_message=(
                    f"Remplacement illisible : « {item} ». Écrivez MEMBRE=REMPLAÇANT, par exemple "
                    'presidente=secretaire ou del-aph="Dr Marc Lefort".'
                ),
            )
        replaced[member.strip()] = stand_in.strip()
    return replaced


def _movements(items: Sequence[str], what: str) -> list[Movement]:
    moves = []
    for item in items:
        member, sep, at = item.partition("@")
        if not sep or not member.strip():
            raise SessionArgumentError(
                f"bad {what} {item!r}",
                user_message=(
                    f"Mouvement illisible : « {item} ». Écrivez MEMBRE@HEURE, par exemple "
                    "del-aph@2024-12-11T10:04."
                ),
            )
        moves.append(Movement(member.strip(), parse_time(at.strip())))
    return moves


def _in_phase(
    bureau: Bureau, session: str, phases: Mapping[str, tuple[Phase, ...]], verb: str
) -> None:
    """Checked before anything else: without a definition there are no members to call."""
    phase = bureau.phase
    if phase not in phases[session]:
        expected = phases[session][0]
        raise WrongPhaseError(
            f"session {session} in phase {phase.value}, expected {expected.value}",
            user_message=(
                f"La séance {SESSION_NAMES[session]} ne peut pas être "
                f"{verb} maintenant : "
                f"phase en cours « {phase.label} », attendue « {expected.label} »."
            ),
        )


def open_command(bureau: Bureau, args: argparse.Namespace) -> None:
    _in_phase(bureau, args.session, rollcall.OPEN_PHASES, "ouverte")
    present: list[str] = args.present or []
    absent: list[str] = args.absent or []
    replaced = _replacements(args.replaced or [])
    named = [*present, *absent, *replaced]
    _known(bureau, named)
    members = [m.member_id for m in bureau.bureau_definition().members]
    missing = [m for m in members if m not in named]
    if missing:
        raise SessionArgumentError(
            f"roll-call misses {missing}",
            user_message=(
                "L'appel doit nommer chaque membre, présent, absent ou remplacé. "
                f"Non nommé : {', '.join(missing)}."
            ),
        )
    at = parse_time(args.at) if args.at else bureau.now()
    rollcall.open_session(bureau, args.session, at, present, absent, replaced)
    print(f"Séance {SESSION_NAMES[args.session]} ouverte ; appel consigné.")


def close_command(bureau: Bureau, args: argparse.Namespace) -> None:
    _in_phase(bureau, args.session, rollcall.CLOSE_PHASES, "close")
    arrivals = _movements(args.arrived or [], "arrival")
    departures = _movements(args.left or [], "departure")
    _known(bureau, [m.member_id for m in arrivals])
    _known(bureau, [m.member_id for m in departures])
    at = parse_time(args.at) if args.at else bureau.now()
    rollcall.close_session(bureau, args.session, at, arrivals, departures)
    print(f"Séance {SESSION_NAMES[args.session]} close.")


def movement_command(bureau: Bureau, args: argparse.Namespace) -> None:
    """An arrival or departure entered while the session is open (before a late member's
    card opens the urn, for instance)."""
    _known(bureau, [args.member])
    at = parse_time(args.at) if args.at else bureau.now()
    kind = "arrivals" if args.session_action == "arrive" else "departures"
    rollcall.record_movement(bureau, args.session, kind, Movement(args.member, at))
    word = "Arrivée consignée" if kind == "arrivals" else "Départ consigné"
    print(f"{word} : {args.member}, séance {SESSION_NAMES[args.session]}.")


def measures_command(bureau: Bureau, args: argparse.Namespace) -> None:
    from ceremony.workflow.interventions import record_measures

    record_measures(bureau, parse_time(args.at), args.measures)
    print("Mesures prises consignées ; le procès-verbal les reprend avec l’intervention.")


def session_step(bureau: Bureau) -> str | None:
    """The roll-call command due now (for ``bureau status``), or None."""
    due = rollcall.pending_session(bureau)
    if due is None:
        return None
    session, verb = due
    if verb == "open":
        return (
            f"bureau session open {session} --present … [--absent …] [--replaced …] "
            f"(appel des membres à l’ouverture de la séance {SESSION_NAMES[session]})"
        )
    return (
        f"bureau session close {session} --at HEURE [--arrived …] [--left …] "
        f"(clôture de la séance {SESSION_NAMES[session]})"
    )


def add_session_parser(
    subparsers: Any,
    with_bureau: Callable[
        [Callable[[Bureau, argparse.Namespace], Any]], Callable[[argparse.Namespace], int]
    ],
) -> None:
    from pathlib import Path

    session = subparsers.add_parser("session", help="ouvrir (appel) ou clore une séance du bureau")
    actions = session.add_subparsers(dest="session_action", required=True)
    opening = actions.add_parser("open", help="ouvrir la séance par l'appel des membres")
    closing = actions.add_parser("close", help="clore la séance")
    for parser in (opening, closing):
        parser.add_argument("session", choices=tuple(SESSION_NAMES))
        parser.add_argument("--store", type=Path, help="dossier du bureau")
        parser.add_argument("--at", metavar="HEURE", help="heure (ISO 8601 ; défaut : maintenant)")
    opening.add_argument("--present", nargs="+", metavar="MEMBRE", help="membres présents")
    opening.add_argument("--absent", nargs="+", metavar="MEMBRE", help="membres absents")
    opening.add_argument(
        "--replaced", nargs="+", metavar="MEMBRE=REMPLAÇANT", help="membres remplacés"
    )
    closing.add_argument(
        "--arrived", nargs="+", metavar="MEMBRE@HEURE", help="arrivées pendant la séance"
    )
    closing.add_argument(
        "--left", nargs="+", metavar="MEMBRE@HEURE", help="départs pendant la séance"
    )
    opening.set_defaults(handler=with_bureau(open_command))
    closing.set_defaults(handler=with_bureau(close_command))
    for verb, help_text in (
        ("arrive", "l’arrivée d’un membre"),
        ("leave", "le départ d’un membre"),
    ):
        moving = actions.add_parser(verb, help=f"consigner {help_text} pendant la séance")
        moving.add_argument("session", choices=tuple(SESSION_NAMES))
        moving.add_argument("member", metavar="MEMBRE")
        moving.add_argument("--store", type=Path, help="dossier du bureau")
        moving.add_argument("--at", metavar="HEURE", help="heure (ISO 8601 ; défaut : maintenant)")
        moving.set_defaults(handler=with_bureau(movement_command))
    measures = subparsers.add_parser(
        "intervention", help="consigner les mesures prises après une intervention signalée"
    )
    measures.add_argument("--store", type=Path, help="dossier du bureau")
    measures.add_argument(
        "--at", required=True, metavar="HEURE", help="heure de l’intervention (ISO 8601)"
    )
    measures.add_argument("--measures", required=True, metavar="TEXTE", help="mesures prises")
    measures.set_defaults(handler=with_bureau(measures_command))
