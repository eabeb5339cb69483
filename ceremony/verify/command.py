"""``bureau verify PATH [--json]`` (DESIGN.md §6).

PATH is a Belenios election directory or a `.bel` file. Every check is
printed by name with its outcome, then the result when the election is
tallied; the exit status is 0 only if every check passed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ceremony.verify.belenios import verify_belenios
from ceremony.verify.report import Outcome, VerificationReport, french_typography

EXIT_OK = 0
EXIT_FAILED = 1


def add_parser(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Register ``bureau verify`` (DESIGN.md §6; the audit of spec §3.5)."""
    parser = subparsers.add_parser(
        "verify",
        help="vérifier une élection Belenios (.bel ou dossier d'élection)",
        description=(
            "Vérification indépendante d'une élection Belenios : chaque contrôle est "
            "affiché avec son résultat ; code de sortie non nul si l'un échoue."
        ),
    )
    parser.add_argument("path", type=Path, metavar="PATH", help="fichier .bel ou dossier")
    parser.add_argument("--json", action="store_true", help="rapport au format JSON")
    parser.add_argument(
        "--previous",
        type=Path,
        metavar="BEL",
        help="copie antérieure de la même urne : vérifier que rien n'a été retiré",
    )
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="nombre de processus de vérification des bulletins (défaut : tous les cœurs)",
    )
    parser.set_defaults(handler=run)


def format_result(report: VerificationReport) -> str:
    """The result table in French, one line per answer (§4.19)."""
    if report.result is None:
        return ""
    lines = ["Résultat :"]
    questions = report.details.get("questions", [])
    for index, row in enumerate(report.result):
        labels: list[str] = []
        if index < len(questions):
            lines.append(f"  {questions[index]['question']}")
            labels = list(questions[index]["columns"])
        for column, count in enumerate(row):
            label = labels[column] if column < len(labels) else f"réponse {column + 1}"
            lines.append(f"    {label} : {count}")
    return "\n".join(lines)


_BALLOT_FIGURES = ("archive.format", "archive.chain", "ballots.valid", "ballots.unique")
"""The checks without which the ballot counts of the summary are not established."""


def format_summary(report: VerificationReport) -> str:
    """Election, ballots and fingerprints to compare with the published ones (§3.5.2)."""
    d = report.details
    if "uuid" not in d:
        return ""
    prints = d.get("fingerprints", {})
    stage = (
        []
        if d.get("tallied")
        else [
            "L'élection est encore ouverte (aucun décompte publié) : les vérifications du "
            "dépouillement sont sans objet à ce stade."
        ]
    )
    unsettled = [
        c.name
        for c in report.checks
        if c.name in _BALLOT_FIGURES and c.outcome in {Outcome.FAILED, Outcome.SKIPPED}
    ]
    caveat = (
        [
            "Ces nombres de bulletins ne sont pas établis (archive lue en partie ou bulletin "
            f"refusé) : voir {', '.join(unsettled)}."
        ]
        if unsettled
        else []
    )
    lines = [
        f"Élection : {d['name']} (uuid {d['uuid']})",
        *stage,
        f"Bulletins dans l'urne : {d['ballots']} ; remplacés par un nouveau vote du même "
        f"électeur : {d.get('replaced_ballots', 0)} ; comptés (dernier de chaque "
        f"électeur) : {d['tallied_ballots']}",
        *caveat,
        f"Empreinte de l'élection : {prints.get('election', '')}",
        f"Empreinte des clés des garants : {prints.get('trustees', '')}",
        f"Empreinte des codes de vote publics : {prints.get('public_credentials', '')}",
    ]
    # The same typography as the report's lines above it (typographic apostrophes).
    return "\n".join(french_typography(line) for line in lines)


def run(args: argparse.Namespace) -> int:
    """Run the audit (§3.5), print the report and result (§4.19); 0 only if all passed."""
    report = verify_belenios(args.path, previous=args.previous, workers=args.workers)
    if args.json:
        sys.stdout.write(report.to_json() + "\n")
    else:
        sys.stdout.write(report.to_text("fr") + "\n")
        summary = format_summary(report)
        if summary:
            sys.stdout.write(summary + "\n")
        table = format_result(report)
        if table:
            sys.stdout.write(table + "\n")
    return EXIT_OK if report.passed else EXIT_FAILED
