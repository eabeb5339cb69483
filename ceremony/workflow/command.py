"""``bureau`` subcommands for every ceremony step, ``bureau status`` and ``bureau demo``.

Cards are named on the command line as ``MEMBER=SERIAL`` (an OpenPGP card in
any reader) or, for training only, ``MEMBER=training:FILE``. PINs are always
asked on the terminal without echo, never taken as arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ceremony.cards.console import ConsolePinHandler
from ceremony.cards.interface import CardClient
from ceremony.cards.training import TrainingCard
from ceremony.errors import CeremonyError
from ceremony.store.store import default_store_dir, open_store
from ceremony.workflow.engine import Bureau
from ceremony.workflow.holders import PresentCard
from ceremony.workflow.phases import ORDER, Phase
from ceremony.workflow.state import current_phase

NEXT_STEP = {
    Phase.PREPARATION: (
        "bureau confirm-key, puis bureau import-definition, puis bureau register (chaque membre)"
    ),
    Phase.KEY_CEREMONY: "bureau keys --card … (tous les membres présents avec leur carte)",
    Phase.TEST_VOTE: "bureau test-vote --card … (présidence + quorum des délégués)",
    Phase.SEALING: "bureau sign-seal --card … (chaque membre du quorum), puis bureau export-seal",
    Phase.VOTE_OPEN: (
        "bureau import-status FICHIER, bureau decide …, puis bureau import-urn FICHIER"
    ),
    Phase.CLOSED: "bureau import-urn FICHIER",
    Phase.EXPERT: "bureau expert --name … --conclusion …",
    Phase.COUNT: "bureau count --card … (présidence + quorum des délégués)",
    Phase.PV: (
        "bureau pv, puis bureau sign-pv --card … (chaque membre présent), "
        "puis bureau export-results"
    ),
    Phase.ARCHIVED: "bureau archive --out DOSSIER ; bureau recount pour un nouveau décompte",
}


def _open_card(spec: str, bureau: Bureau | None = None) -> PresentCard:
    member, sep, where = spec.partition("=")
    if not sep or not member or not where:
        raise argparse.ArgumentTypeError(
            f"carte attendue sous la forme MEMBRE=NUMÉRO, reçu {spec!r}"
        )
    client: CardClient
    if where.startswith("training:"):
        client = _training_card(Path(where.removeprefix("training:")), bureau)
    else:
        from ceremony.cards.discovery import open_card

        client = open_card(where)
    return PresentCard(member, client, ConsolePinHandler())


def _training_card(path: Path, bureau: Bureau | None) -> TrainingCard:
    """An existing training card file, or a new one if the operator agrees (training only)."""
    if path.exists():
        return TrainingCard(path)
    from ceremony.cards.errors import TrainingCardFileError, TrainingCardRefusedError

    if bureau is None or bureau.state.definition_blob is None:
        raise TrainingCardFileError(
            f"{path} does not exist and no definition is imported",
            user_message=(
                f"La carte d'entraînement {path} n'existe pas. Importez d'abord la définition "
                "d'une élection d'entraînement pour pouvoir la créer."
            ),
        )
    if not bureau.training_allowed:
        raise TrainingCardRefusedError(f"{path}: training card for a real election")
    answer = input(f"La carte d'entraînement {path} n'existe pas. La créer ? (oui/non) ")
    if answer.strip().casefold() not in {"o", "oui", "y", "yes"}:
        raise TrainingCardFileError(
            f"{path}: creation declined",
            user_message="Carte d'entraînement non créée. Rien n'a été modifié.",
        )
    card = TrainingCard.create(path)
    print(f"Carte d'entraînement créée : {path} ({card.serial}).", file=sys.stderr)
    return card


def _ask_lot_value(member_id: str, message: str, hidden: bool) -> str:
    """A member present types their value for the drawing of lots (hidden when committing)."""
    import getpass

    print(message, file=sys.stderr)
    return getpass.getpass("Valeur : ") if hidden else input("Valeur : ")


def _count(bureau: Bureau, args: argparse.Namespace) -> Any:
    from ceremony.workflow.lots_draw import PhysicalLots
    from ceremony.workflow.recount_command import print_results

    physical = getattr(args, "lots", "engagements") == "physique"
    outcome = bureau.count(
        args.cards, lots=PhysicalLots(_ask_lot_value) if physical else _ask_lot_value
    )
    contests = bureau.bureau_definition().contests
    print_results(
        "Résultats du dépouillement :",
        {u: list(r.result[0]) for u, r in outcome.results.items()},
        {c.contest_uuid: c.name for c in contests},
        {c.contest_uuid: [lst.name for lst in c.lists] for c in contests},
    )
    if outcome.lot_seed and physical:
        print(
            f"Tirage au sort public, saisi et contresigné : résultat « {outcome.lot_seed} » "
            "(graine du tirage)."
        )
    elif outcome.lot_seed:
        print(f"Tirage au sort entre les membres présents : graine {outcome.lot_seed}.")
    return None


def _bureau(args: argparse.Namespace) -> Bureau:
    return Bureau(open_store(args.store or default_store_dir()))


def _with_bureau(
    action: Callable[[Bureau, argparse.Namespace], Any],
) -> Callable[[argparse.Namespace], int]:
    def handler(args: argparse.Namespace) -> int:
        bureau = _bureau(args)
        bureau.notice = lambda text: print(text, file=sys.stderr)
        try:
            cards = [_open_card(s, bureau) for s in getattr(args, "card", None) or []]
            args.cards = cards
            result = action(bureau, args)
            if isinstance(result, bytes) and getattr(args, "out", None):
                Path(args.out).write_bytes(result)
                print(f"Écrit : {args.out}")
            print(f"Fait. Phase en cours : {bureau.phase.label}.")
            return 0
        except CeremonyError as error:
            print(f"Refusé : {error.user_message}", file=sys.stderr)
            print(f"  (détail technique : {error.technical})", file=sys.stderr)
            return 1
        finally:
            bureau.store.close()

    return handler


def run_status(args: argparse.Namespace) -> int:
    bureau = _bureau(args)
    try:
        state = bureau.state
        phase = current_phase(state)
        from ceremony.workflow.session_command import session_step

        next_step = (session_step(bureau) if state.definition_blob else None) or NEXT_STEP[phase]
        if args.json:
            print(json.dumps({"phase": phase.value, "next": next_step}, ensure_ascii=False))
            return 0
        for item in ORDER:
            mark = (
                "→" if item is phase else ("✓" if ORDER.index(item) < ORDER.index(phase) else " ")
            )
            print(f" {mark} {item.label}")
        print(f"\nÉtape suivante : {next_step}")
        return 0
    finally:
        bureau.store.close()


def run_demo_command(args: argparse.Namespace) -> int:
    from ceremony.workflow.demo_report import run_and_report

    return run_and_report(Path(args.out), args.ballots, seed=args.seed, group=args.group)


def _step(
    subparsers: Any,
    name: str,
    help_text: str,
    action: Callable[[Bureau, argparse.Namespace], Any],
    *,
    cards: bool = False,
    arguments: Sequence[tuple[Sequence[str], dict[str, Any]]] = (),
) -> None:
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("--store", type=Path, help="dossier du bureau (défaut : données Bureau)")
    if cards:
        parser.add_argument(
            "--card",
            action="append",
            metavar="MEMBRE=NUMÉRO",
            help="carte présente (répéter) ; MEMBRE=training:FICHIER pour une carte d'entraînement",
        )
    for flags, options in arguments:
        parser.add_argument(*flags, **options)
    parser.set_defaults(handler=_with_bureau(action))


def add_parsers(subparsers: Any) -> None:
    """Register ``demo``, ``status`` and every step of the ceremony."""
    demo = subparsers.add_parser(
        "demo",
        help="cérémonie complète de démonstration (cartes d'entraînement, plateforme simulée)",
    )
    demo.add_argument("--ballots", type=int, default=1000, help="nombre de votants (défaut 1000)")
    demo.add_argument("--out", type=Path, default=Path("bureau-demo"), help="dossier de l'archive")
    demo.add_argument("--seed", default="bureau-demo", help="graine de la démonstration")
    demo.add_argument(
        "--group",
        choices=("Ed25519", "BELENIOS-2048"),
        default=None,
        help="groupe des élections Belenios (défaut : celui de la description, Ed25519)",
    )
    demo.set_defaults(handler=run_demo_command)

    status = subparsers.add_parser("status", help="phase en cours et étape suivante")
    status.add_argument("--store", type=Path)
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=run_status)

    from ceremony.workflow.card_command import add_card_parser

    add_card_parser(subparsers, _with_bureau)
    from ceremony.workflow.session_command import add_session_parser

    add_session_parser(subparsers, _with_bureau)
    read = Path.read_bytes
    _step(
        subparsers,
        "confirm-key",
        "confirmer l'empreinte de la clé de la plateforme",
        lambda b, a: b.confirm_platform_key(a.key_id),
        arguments=[(["key_id"], {"metavar": "EMPREINTE"})],
    )
    _step(
        subparsers,
        "import-definition",
        "importer la définition de l'élection",
        lambda b, a: b.import_definition(read(a.file), a.bureau),
        arguments=[(["file"], {"type": Path}), (["--bureau"], {"required": True})],
    )
    _step(
        subparsers,
        "register",
        "initialiser et enregistrer la carte d'un membre",
        lambda b, a: [b.register_member(c) for c in a.cards],
        cards=True,
    )
    _step(
        subparsers, "keys", "cérémonie des clés", lambda b, a: b.generate_keys(a.cards), cards=True
    )
    _step(
        subparsers, "test-vote", "vote à blanc", lambda b, a: b.run_test_vote(a.cards), cards=True
    )
    _step(
        subparsers,
        "sign-seal",
        "signer le scellement",
        lambda b, a: [b.sign_seal(c) for c in a.cards],
        cards=True,
    )
    _step(
        subparsers,
        "export-seal",
        "exporter le paquet de scellement",
        lambda b, a: b.export_seal(),
        arguments=[(["--out"], {"type": Path, "required": True})],
    )
    _step(
        subparsers,
        "import-status",
        "importer un état du vote",
        lambda b, a: b.import_status(read(a.file)),
        arguments=[(["file"], {"type": Path})],
    )
    _step(
        subparsers,
        "decide",
        "suspendre, reprendre ou arrêter le vote",
        lambda b, a: b.export_decision(a.cards[0], a.decision, a.reason, a.authorisation),
        cards=True,
        arguments=[
            (["decision"], {"choices": ["suspend", "resume", "stop"]}),
            (["--reason"], {"required": True}),
            (
                ["--authorisation"],
                {
                    "metavar": "RÉFÉRENCE",
                    "required": True,
                    "help": "référence de l'autorisation du directeur général (art. 19)",
                },
            ),
            (["--out"], {"type": Path, "required": True}),
        ],
    )
    _step(
        subparsers,
        "import-urn",
        "importer et vérifier l'urne close",
        lambda b, a: b.import_urn(read(a.file)),
        arguments=[(["file"], {"type": Path})],
    )
    _step(
        subparsers,
        "expert",
        "consigner les conclusions de l'expert",
        lambda b, a: b.record_expert(a.name, a.conclusion, no_alteration=not a.altered),
        arguments=[
            (["--name"], {"required": True}),
            (["--conclusion"], {"required": True}),
            (["--altered"], {"action": "store_true", "help": "l'expert a constaté une altération"}),
        ],
    )
    _step(
        subparsers,
        "count",
        "dépouillement",
        _count,
        cards=True,
        arguments=[
            (
                ["--lots"],
                {
                    "choices": ["engagements", "physique"],
                    "default": "engagements",
                    "help": (
                        "en cas d'égalité parfaite : « engagements » (chaque membre présent "
                        "engage une valeur secrète, puis la révèle ; défaut) ou « physique » "
                        "(tirage public, résultat saisi et contresigné par les cartes présentes)"
                    ),
                },
            )
        ],
    )
    from ceremony.workflow.recount_command import add_recount_parser

    add_recount_parser(subparsers, _open_card)
    _step(
        subparsers,
        "pv",
        "établir le procès-verbal",
        lambda b, a: b.make_pv(),
        arguments=[(["--out"], {"type": Path})],
    )
    _step(
        subparsers,
        "sign-pv",
        "signer le procès-verbal",
        lambda b, a: [b.sign_pv(c) for c in a.cards],
        cards=True,
    )
    _step(
        subparsers,
        "export-results",
        "exporter le paquet des résultats",
        lambda b, a: b.export_results(a.cards),
        cards=True,
        arguments=[(["--out"], {"type": Path, "required": True})],
    )
    _step(
        subparsers,
        "archive",
        "écrire l'archive de la cérémonie",
        lambda b, a: b.export_archive(a.out),
        arguments=[(["--out"], {"type": Path, "required": True})],
    )
