"""The `bureau` command: every ceremony step, scriptable (DESIGN.md §6)."""

from __future__ import annotations

import argparse
import errno
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

from ceremony import __version__
from ceremony.errors import CeremonyError
from ceremony.fingerprint import add_fingerprint_option
from ceremony.verify import command as verify_command


def run_verify(args: argparse.Namespace) -> int:
    """A ceremony archive goes to the expert verifier, anything else to the Belenios one."""
    if not args.path.is_dir() and not zipfile.is_zipfile(args.path):
        # A .bel file: ceremony archives and recounts are folders or zips, and
        # their verifiers import the journal store (about 1 s before any check).
        return verify_command.run(args)
    from ceremony.verify.archive import (
        format_archive_report,
        is_ceremony_archive,
        verify_ceremony_archive,
    )
    from ceremony.verify.recount import is_recount_bundle, is_recount_folder, verify_recount

    if is_recount_folder(args.path) or is_recount_bundle(args.path):
        recount = verify_recount(args.path, getattr(args, "original", None))
        sys.stdout.write((recount.to_json() if args.json else recount.to_text("fr")) + "\n")
        return 0 if recount.passed else 1
    if not is_ceremony_archive(args.path):
        return verify_command.run(args)
    report = verify_ceremony_archive(
        args.path,
        workers=args.workers,
        progress=None if args.json else lambda line: print(f"  {line}", file=sys.stderr),
    )
    if args.json:
        sys.stdout.write(report.to_json() + "\n")
    else:
        sys.stdout.write(format_archive_report(report, "fr") + "\n")
    return 0 if report.passed else 1


def build_parser(only_verify: bool = False) -> argparse.ArgumentParser:
    """The whole `bureau` parser; with ``only_verify``, its `verify` command alone
    (`bureau verify` then starts without importing the workflow and the store)."""
    parser = argparse.ArgumentParser(
        prog="bureau",
        description=(
            "Bureau : l'application du bureau de vote électronique "
            "(Belenios 3.3, Ed25519 ou BELENIOS-2048 ; cartes OpenPGP, paquets signés)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"bureau {__version__}")
    add_fingerprint_option(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMANDE")
    if not only_verify:
        from ceremony.workflow import command as workflow_command

        workflow_command.add_parsers(subparsers)
    verify_command.add_parser(subparsers)
    subparsers.choices["verify"].set_defaults(handler=run_verify)
    subparsers.choices["verify"].add_argument(
        "--original",
        type=Path,
        metavar="ARCHIVE_DIR",
        help="pour un nouveau décompte (recount.zip) : l'archive de la cérémonie d'origine",
    )
    if not only_verify:
        from ceremony.store import command as journal_command

        journal_command.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(only_verify=arguments[:1] == ["verify"])
    args = parser.parse_args(arguments)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        result: int = args.handler(args)
    except CeremonyError as error:
        print(f"bureau : {error.user_message}", file=sys.stderr)
        print(f"  (détail technique : {error.technical})", file=sys.stderr)
        return 1
    except (KeyboardInterrupt, EOFError) as error:
        # Ctrl-C, or Ctrl-D at a code prompt: the step stops; the journal keeps only whole steps.
        print(
            "\nbureau : saisie interrompue : l'étape en cours n'est pas faite et le journal "
            "n'en garde rien ; relancez la commande pour la reprendre.",
            file=sys.stderr,
        )
        return 130 if isinstance(error, KeyboardInterrupt) else 1
    except argparse.ArgumentTypeError as error:
        print(f"bureau : {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"bureau : {describe_os_error(error)}", file=sys.stderr)
        print(f"  (détail technique : {error!r})", file=sys.stderr)
        return 1
    return result


_OS_ERRORS = {
    errno.ENOENT: "n'existe pas",
    errno.EISDIR: "est un dossier, pas un fichier",
    errno.ENOTDIR: "n'est pas un dossier",
    errno.EEXIST: "existe déjà (et n'est pas un dossier)",
    errno.EACCES: "n'est pas accessible (droits insuffisants)",
    errno.EPERM: "n'est pas accessible (opération non permise)",
    errno.EROFS: "est sur un support en lecture seule",
    errno.ENOSPC: "ne peut pas être écrit : le support est plein",
}


def describe_os_error(error: OSError) -> str:
    """A file problem in French, naming the file (the operator typed its name)."""
    what = _OS_ERRORS.get(error.errno or 0, "ne peut pas être lu ou écrit")
    name = error.filename if error.filename is not None else "le fichier"
    return f"« {name} » {what}."


if __name__ == "__main__":
    sys.exit(main())
