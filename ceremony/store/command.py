"""``bureau journal verify`` (and ``bureau journal export``).

Verifies a store's journal (chain, checkpoints, blobs) or an exported JSON
Lines journal. Exit 0 only if every check passed; 1 naming the failure.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ceremony.store.errors import StoreError
from ceremony.store.export import export_journal, verify_journal_export
from ceremony.store.records import RecordedKey
from ceremony.store.store import default_store_dir, open_store
from ceremony.store.store_verify import verify_journal
from ceremony.store.verify import JournalReport
from ceremony.store.workstation_key import default_key_source, load_workstation_key


def add_parser(subparsers: Any) -> None:
    """Add ``journal verify`` and ``journal export`` to the ``bureau`` command."""
    journal = subparsers.add_parser("journal", help="vérifier ou exporter le journal du bureau")
    journal.set_defaults(handler=lambda _args: _usage(journal))
    actions = journal.add_subparsers(dest="journal_command", metavar="ACTION")

    verify = actions.add_parser(
        "verify", help="recalculer le chaînage et les signatures du journal"
    )
    source = verify.add_mutually_exclusive_group()
    source.add_argument("--store", type=Path, help="dossier du registre (défaut : données Bureau)")
    source.add_argument("--file", type=Path, help="journal exporté (JSON Lines)")
    verify.add_argument(
        "--public-key",
        help="clé publique du poste (hex) qui doit avoir signé les points de contrôle",
    )
    verify.add_argument(
        "--signed-head",
        action="store_true",
        help="exiger que la dernière entrée soit couverte par un point de contrôle signé",
    )
    verify.add_argument("--json", action="store_true", help="résultat en JSON")
    verify.set_defaults(handler=run)

    export = actions.add_parser("export", help="écrire le journal en JSON Lines")
    export.add_argument("--store", type=Path, help="dossier du registre (défaut : données Bureau)")
    export.add_argument("--out", type=Path, required=True, help="fichier à écrire")
    export.set_defaults(handler=run_export)


def run(args: argparse.Namespace) -> int:
    notes: list[str] = []
    try:
        if args.file is not None:
            report = verify_journal_export(
                args.file.read_bytes(), args.public_key, require_signed_head=args.signed_head
            )
            if args.public_key is None:
                notes.append(
                    "Aucune clé publique donnée : comparez les clés ci-dessous avec celle "
                    "relevée lors de la cérémonie."
                )
        else:
            with open_store(args.store or default_store_dir()) as store:
                trusted = args.public_key or _local_key_if_recorded(
                    store.recorded_keys(), notes, store.folder
                )
                report = verify_journal(
                    store, trusted_public_key=trusted, require_signed_head=args.signed_head
                )
                if any(key.weaker for key in store.recorded_keys()):
                    notes.append(
                        "Des points de contrôle sont signés par une clé conservée dans un "
                        "fichier (pas de trousseau système) : protection plus faible."
                    )
    except (StoreError, OSError) as error:
        _print_failure(error, as_json=args.json)
        return 1
    _print_report(report, notes, as_json=args.json)
    return 0


def run_export(args: argparse.Namespace) -> int:
    try:
        with open_store(args.store or default_store_dir()) as store:
            verify_journal(store)
            args.out.write_bytes(export_journal(store))
    except (StoreError, OSError) as error:
        _print_failure(error, as_json=False)
        return 1
    print(f"Journal vérifié et exporté dans {args.out}")
    return 0


def _local_key_if_recorded(
    recorded: Sequence[RecordedKey], notes: list[str], store_folder: Path | None = None
) -> str | None:
    """This workstation's key, when the store knows it; else rely on recorded keys.

    Looked for where the engine keeps it: the system keyring, else a key file in the
    store's own folder (what ``Bureau.checkpoint`` uses), else the user data folder."""
    sources = [default_key_source(store_folder)] if store_folder is not None else []
    sources.append(default_key_source())
    known = {key.public_key for key in recorded}
    local = None
    for source in sources:
        try:
            local = load_workstation_key(source, create=False)
        except StoreError as error:
            notes.append(f"Clé du poste illisible ({error.technical}).")
            continue
        if local is not None and local.public_key in known:
            return local.public_key
    if recorded:
        notes.append(
            "La clé de ce poste n'a signé aucun point de contrôle de ce registre : les "
            "signatures sont vérifiées avec les clés enregistrées dans le registre lui-même. "
            "Donnez --public-key pour les confronter à la clé relevée lors de la cérémonie."
        )
    return None


def _print_report(report: JournalReport, notes: list[str], *, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"ok": True, **report.to_dict(), "notes": notes}, ensure_ascii=False))
        return
    print(f"Journal intègre : {report.entries} entrées, tête {report.head_hash}.")
    signed = "point de contrôle signé" if report.checkpoints < 2 else "points de contrôle signés"
    print(
        f"{report.checkpoints} {signed}, le dernier à l'entrée {report.last_checkpoint_sequence}."
    )
    if report.unsigned_tail:
        tail = (
            "entrée après le dernier point de contrôle n'est protégée"
            if report.unsigned_tail < 2
            else "entrées après le dernier point de contrôle ne sont protégées"
        )
        print(f"{report.unsigned_tail} {tail} que par le chaînage.")
    if report.blobs_checked:
        kept = (
            "fichier conservé vérifié"
            if report.blobs_checked < 2
            else "fichiers conservés vérifiés"
        )
        print(f"{report.blobs_checked} {kept}.")
    for key in report.public_keys:
        print(f"Clé du poste : {key}")
    for note in notes:
        print(f"Attention : {note}")


def _print_failure(error: StoreError | OSError, *, as_json: bool) -> None:
    if isinstance(error, StoreError):
        message, technical = error.user_message, error.technical
        sequence = getattr(error, "sequence", None)
        name = type(error).__name__
    else:
        message, technical, sequence = "Fichier illisible.", str(error), None
        name = type(error).__name__
    if as_json:
        failure = {"ok": False, "error": name, "message": message, "technical": technical}
        print(json.dumps({**failure, "sequence": sequence}, ensure_ascii=False))
        return
    where = f" (entrée {sequence})" if sequence is not None else ""
    print(f"ÉCHEC{where} : {message}", file=sys.stderr)
    print(f"  {name}: {technical}", file=sys.stderr)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2
