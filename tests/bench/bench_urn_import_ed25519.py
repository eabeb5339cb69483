"""Benchmark: an Ed25519 urn import at scale (issue 18), beside the 2048-bit figures.

Run by hand (not a test; figures depend on the machine and its load)::

    .venv/bin/python -m tests.bench.bench_urn_import_ed25519 [--ballots 100000]
        [--workdir DIR] [--workers N]

It reuses ``tests.bench.bench_simulator``'s two phases, each in a fresh process
(so that each peak is its own): ``generate`` builds the demo's CSN bureau with
the default description (Ed25519; about 3.6 electors per ballot: 357,144 at
100,000 ballots), runs the real engine up to the seal and writes the urn bundle;
``import`` opens the store in a new process and imports the urn through
``Bureau.import_urn_file`` (every ballot verified on all cores, L looked up in
the parent, tally). A work folder that already holds ``urn.zip`` skips the
generation.

It prints, for the import: wall time, CPU of the process and its workers
(and per ballot), the peak resident memory of the parent (the step's own and
the process's) and of the largest worker, the load average, the Ed25519
backend (native library or libsodium), and the 2048-bit reference of the issue
(100,000 ballots: 1,750 s wall, parent 509 MiB).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from ceremony.protocol import ed25519_native
from ceremony.simulator.description import description_group, load_description
from tests.bench.bench_simulator import run_phase

REFERENCE_2048 = {"ballots": 100_000, "seconds": 1750, "parent_mib": 509}
IMPORT_STEP = "engine: import and verify the urn"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=100_000)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--workers", type=int, help="for generating the urn (default: all)")
    args = parser.parse_args()
    group = description_group(load_description())
    if group != "Ed25519":
        sys.exit(f"the demo description is in {group}, not Ed25519")
    backend = "native (curve25519-dalek)" if ed25519_native.available() else "libsodium only"
    folder = (args.workdir or Path(tempfile.mkdtemp(prefix="bench-urn-ed25519-"))) / str(
        args.ballots
    )
    print(f"cores: {os.cpu_count()}, work folder: {folder}, backend: {backend}", flush=True)
    figures: dict[str, Any] = {}
    if not (folder / "urn.zip").exists():
        figures = run_phase("generate", folder, args.ballots, args.workers)
    figures |= run_phase("import", folder, args.ballots, None)
    print(json.dumps(figures, indent=1, ensure_ascii=False))
    step = figures.get(IMPORT_STEP)
    if not isinstance(step, dict):
        sys.exit(f"no import figures: {figures.get('skipped', figures)}")
    ballots = figures.get("ballots") or args.ballots
    electors = figures.get("electors", "?")
    print(f"\nEd25519 urn import: {ballots} ballots, {electors} electors, group {group}")
    print(f"  wall                 {step['seconds']:>9.1f} s")
    print(
        f"  CPU (parent+workers) {step['cpu_seconds']:>9.1f} s"
        f"   ({step['cpu_seconds'] / ballots * 1e3:.2f} ms per ballot)"
    )
    print(
        f"  peak memory          parent {step.get('step_peak_mib')} MiB during the import "
        f"({step['self_mib']} MiB for the whole process), largest worker "
        f"{step['children_mib']} MiB"
    )
    print(f"  load average         {step['load']}")
    ref = REFERENCE_2048
    print(
        f"  2048-bit reference   {ref['ballots']} ballots: {ref['seconds']} s wall, "
        f"parent {ref['parent_mib']} MiB"
    )


if __name__ == "__main__":
    main()
