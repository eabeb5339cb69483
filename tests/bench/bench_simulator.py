"""Benchmark: the platform simulator's urn at scale, and its import by the bureau.

Run by hand (not a test; figures depend on the machine and its load)::

    .venv/bin/python -m tests.bench.bench_simulator [--ballots 10000 100000]
        [--workdir DIR] [--workers N] [--phase all|generate|import]

For each number of ballots, in a fresh process (so that ``ru_maxrss`` is the
peak of that run alone), the ``generate`` phase:

1. builds the simulator for the demo's CSN bureau (definition, with the public
   credentials of ~3.6 electors per ballot at 28 % turnout, on all cores);
2. runs the bureau's real engine up to the seal (training cards, key ceremony,
   test vote), as ``tests/workflow`` does, and hands the seal to the platform;
3. casts the votes and writes the urn bundle to a file
   (``PlatformSimulator.urn_bundle_file``: ballots on all cores, streamed into
   each contest's ``.bel`` on disk).

Then, in another fresh process, the ``import`` phase opens the same store and
imports the urn through ``Bureau.import_urn_file(path, progress)`` (every
ballot verified, tallied), when the engine has that method.

Each phase prints its wall time, the peak resident memory of the process
(RUSAGE_SELF) and of its pool workers (RUSAGE_CHILDREN), and the load average,
and the end prints them side by side: memory must stay flat in the number of
ballots (compare 10,000 and 100,000).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from ceremony.simulator.description import load_description
from ceremony.simulator.platform import PlatformSimulator
from ceremony.store.store import open_store
from ceremony.workflow.engine import Bureau

SEED = "bench-simulator"
BUREAU = "csn"


def peaks() -> dict[str, float]:
    """Peak resident memory so far, in MiB, of this process and of its reaped children."""
    return {
        "self_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "children_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def reset_step_peak() -> None:
    """Reset this process's VmHWM (Linux ≥ 4.0), so each step shows its own peak."""
    with suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def step_peak_mib() -> float | None:
    """VmHWM of this process since the last reset, in MiB (None where /proc lacks it)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def cpu_seconds() -> float:
    """CPU time so far of this process and its reaped children (pool workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@contextmanager
def step(name: str, figures: dict[str, Any]) -> Iterator[None]:
    print(f"  … {name}", file=sys.stderr, flush=True)
    start, cpu = time.perf_counter(), cpu_seconds()
    load_before = os.getloadavg()[0]
    reset_step_peak()
    yield
    step_peak = step_peak_mib()
    figures[name] = {
        "seconds": round(time.perf_counter() - start, 1),
        "cpu_seconds": round(cpu_seconds() - cpu, 1),
        "step_peak_mib": None if step_peak is None else round(step_peak),
        **{k: round(v) for k, v in peaks().items()},
        "load": f"{load_before:.1f}→{os.getloadavg()[0]:.1f}",
    }
    print(f"    {name}: {figures[name]}", file=sys.stderr, flush=True)


def simulator(ballots: int, workers: int | None) -> PlatformSimulator:
    return PlatformSimulator(
        seed=SEED,
        ballots=ballots,
        bureau_id=BUREAU,
        description=load_description(),
        workers=workers,
    )


def generate(folder: Path, ballots: int, workers: int | None) -> dict[str, Any]:
    from tests.workflow.ceremony_setup import build_sealed

    figures: dict[str, Any] = {}
    with step("simulator: definition and credentials", figures):
        sim = simulator(ballots, workers)
    figures["electors"] = sum(p.registered for p in sim.plans[BUREAU])
    with step("engine: definition, key ceremony, test vote, seal", figures):
        build_sealed(folder, sim)
    store = open_store(folder / "store")
    try:
        bureau = Bureau(store)
        state = bureau.state
        assert state.keys is not None
        seal = bureau.sealed(state)
        trustees = store.get_blob(state.keys["trustees"])
        elections = {u: store.get_blob(b) for u, b in state.keys["elections"].items()}
    finally:
        store.close()
    with step("simulator: cast votes", figures):
        votes = sim.cast_votes()
    figures["ballots"] = sum(len(v.votes) for v in votes)
    urn = folder / "urn.zip"
    with step("simulator: urn bundle file", figures):
        sim.urn_bundle_file(urn, seal, trustees, elections, votes)
    figures["urn_mib"] = round(urn.stat().st_size / (1 << 20), 1)
    return figures


def import_urn(folder: Path) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    store = open_store(folder / "store")
    try:
        bureau = Bureau(store)
        importer: Callable[..., Any] | None = getattr(bureau, "import_urn_file", None)
        if importer is None:
            figures["skipped"] = "Bureau.import_urn_file does not exist yet"
            return figures
        start = time.perf_counter()

        def progress(done: int) -> None:
            if done % 10_000 == 0:
                rate = done / max(time.perf_counter() - start, 1e-9)
                print(f"    {done} ballots verified ({rate:.0f}/s)", file=sys.stderr, flush=True)

        with step("engine: import and verify the urn", figures):
            importer(folder / "urn.zip", progress)
    finally:
        store.close()
    return figures


def run_phase(phase: str, folder: Path, ballots: int, workers: int | None) -> dict[str, Any]:
    """One phase in a fresh interpreter, so its peak memory is its own."""
    command = [
        sys.executable, "-m", "tests.bench.bench_simulator", "--phase", phase,
        "--workdir", str(folder), "--ballots", str(ballots),
    ]  # fmt: skip
    if workers:
        command += ["--workers", str(workers)]
    out = subprocess.run(command, check=True, capture_output=False, stdout=subprocess.PIPE)
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--workers", type=int)
    parser.add_argument("--phase", choices=["all", "generate", "import"], default="all")
    args = parser.parse_args()
    if args.phase != "all":
        folder: Path = args.workdir
        (ballots,) = args.ballots
        if args.phase == "generate":
            folder.mkdir(parents=True, exist_ok=False)
            result = generate(folder, ballots, args.workers)
        else:
            result = import_urn(folder)
        print(json.dumps(result))
        return
    root = args.workdir or Path(tempfile.mkdtemp(prefix="bench-simulator-"))
    print(f"cores: {os.cpu_count()}, work folder: {root}", flush=True)
    table: dict[int, dict[str, Any]] = {}
    for ballots in args.ballots:
        folder = root / f"{ballots}"
        if not (folder / "urn.zip").exists():
            table[ballots] = run_phase("generate", folder, ballots, args.workers)
        table[ballots] = {**table.get(ballots, {}), **run_phase("import", folder, ballots, None)}
    print(json.dumps(table, indent=1, ensure_ascii=False))
    rows = sorted({k for t in table.values() for k, v in t.items() if isinstance(v, dict)})
    width = 56
    print(f"\n{'ballots':<52}" + "".join(f"{n:>{width}}" for n in table))
    for row in rows:
        cells = []
        for figures in table.values():
            f = figures.get(row)
            cells.append(
                f"{f['seconds']:>7.1f} s {f['cpu_seconds']:>7.1f} cpu-s "
                f"{f.get('step_peak_mib')!s:>5} {f['self_mib']:>5} / {f['children_mib']:>5} MiB "
                f"{f['load']:>9}"
                if f
                else ""
            )
        print(f"{row:<52}" + "".join(f"{c:>{width}}" for c in cells))
    print(
        "(wall, CPU of process + workers, peak MiB of the step / of the process so far"
        " / of its workers so far, load average before→after)"
    )


if __name__ == "__main__":
    main()
