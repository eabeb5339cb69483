"""Benchmark: expert verification of a whole ceremony archive (issue 9).

Run by hand (not a test; figures depend on the machine and its load)::

    .venv/bin/python -m tests.bench.bench_verify_archive [--ballots 2000] [--archive DIR]

Builds (or reuses, with ``--archive``) a demo ceremony archive of N ballots
with ``bureau demo``'s driver, run from a copy of the application (the count
checks the software fingerprint, which must not move while it runs), then
times ``verify_ceremony_archive`` on one process and on every core, and prints
side by side: wall time, ballots per second, peak memory, and the time the
demo's own urn import took to verify the same ballots (the reference: the
bureau verifies each ballot once at the urn import, the expert once again).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ceremony.verify.archive import verify_ceremony_archive

ROOT = Path(__file__).resolve().parents[2]
BUILD = (
    "import sys; from pathlib import Path; from ceremony.workflow.demo import run_demo; "
    "run_demo(Path(sys.argv[1]), int(sys.argv[2]))"
)


def build(out: Path, ballots: int) -> float:
    """Run the demo from a copy of the application; return its urn-import time (s)."""
    snapshot = out.parent / "application"
    for name in ("ceremony", "bureau_app", "resources"):
        shutil.copytree(ROOT / name, snapshot / name, ignore=shutil.ignore_patterns("__pycache__"))
    done = subprocess.run(
        [sys.executable, "-c", BUILD, str(out), str(ballots)],
        cwd=snapshot,
        env={**os.environ, "PYTHONPATH": str(snapshot)},
        check=True,
        capture_output=True,
        text=True,
    )
    found = re.search(r"Urne importée et chaque bulletin vérifié\s+([0-9.]+) s", done.stdout)
    return float(found.group(1)) if found else float("nan")


def timed(folder: Path, workers: int) -> tuple[float, bool, int]:
    lines: list[str] = []
    start = time.perf_counter()
    report = verify_ceremony_archive(folder, workers=workers, progress=lines.append)
    elapsed = time.perf_counter() - start
    counted = sum(
        int(m.group(1))
        for line in lines
        if (m := re.search(r": (\d+) bulletin\(s\) vérifié\(s\)", line))
    )
    return elapsed, report.passed, counted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=2000)
    parser.add_argument("--archive", type=Path, help="an existing ceremony archive to verify")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-archive-") as tmp:
        folder = args.archive
        reference = float("nan")
        if folder is None:
            folder = Path(tmp) / "demo"
            start = time.perf_counter()
            reference = build(folder, args.ballots)
            built = time.perf_counter() - start
            print(f"demo archive of {args.ballots} ballots built in {built:.1f} s")
        one, ok1, ballots = timed(folder, 1)
        many, ok2, _ = timed(folder, args.workers)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"ballots verified: {ballots}; passed: {ok1 and ok2}")
        print(f"{'':34}{'wall (s)':>10}{'ballots/s':>12}")
        print(f"{'archive verification, 1 process':34}{one:10.1f}{ballots / one:12.1f}")
        print(
            f"{f'archive verification, {args.workers} processes':34}{many:10.1f}"
            f"{ballots / many:12.1f}"
        )
        print(f"{'demo urn import (reference)':34}{reference:10.1f}{ballots / reference:12.1f}")
        print(f"peak memory of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
