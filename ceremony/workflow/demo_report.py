"""``bureau demo``: run the demo ceremony, verify its archive, print the results.

The exit status is 0 only if the independent verification of the archive
passed (DESIGN.md §6); the verification report is written into the archive.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from ceremony.errors import CeremonyError
from ceremony.workflow.archive import PV_FILE
from ceremony.workflow.demo import run_demo


def print_results(out: Path, stream: TextIO) -> None:
    data: dict[str, Any] = json.loads((out / "results.json").read_text(encoding="utf-8"))
    for contest in data["contests"]:
        print(f"\n{contest['title']}", file=stream)
        print(
            f"  inscrits {contest['registered']} · votants {contest['voters_cast']} · "
            f"blancs {contest['blank']} · exprimés {contest['allocation']['expressed']}",
            file=stream,
        )
        for item in contest["lists"]:
            seats = f"{item['seats']} {'siège' if item['seats'] < 2 else 'sièges'}"
            print(f"  {item['votes']:>7} voix  {seats:<9} {item['name']}", file=stream)


def run_and_report(
    out: Path, ballots: int, *, seed: str, stream: TextIO = sys.stdout, group: str | None = None
) -> int:
    from ceremony.verify.archive import (
        format_archive_report,
        verify_ceremony_archive,
        write_report,
    )

    try:
        run_demo(out, ballots, seed=seed, stream=stream, group=group)
    except CeremonyError as error:
        print(f"\nLa démonstration s'est arrêtée : {error.user_message}", file=sys.stderr)
        print(f"  (détail technique : {error.technical})", file=sys.stderr)
        return 1
    print("\nVérification indépendante de l'archive…", file=stream, flush=True)
    start = time.perf_counter()
    report = verify_ceremony_archive(
        out, progress=lambda line: print(f"  {line}", file=stream, flush=True)
    )
    write_report(out, report)
    print(format_archive_report(report, "fr"), file=stream)
    print(f"(vérification : {time.perf_counter() - start:.1f} s)", file=stream)
    print_results(out, stream)
    print(f"\nProcès-verbal : {(out / PV_FILE).resolve()}", file=stream)
    print(f"Archive de la cérémonie : {out.resolve()}", file=stream)
    return 0 if report.passed else 1
