"""Benchmark: ballot verification, ours against ``belenios-tool election verify``.

Run by hand (not a test; figures depend on the machine and its load)::

    .venv/bin/python -m tests.bench.bench_verify [--ballots 500] [--workdir DIR] [--workers 2]

It builds with belenios-tool an election shaped like a real scrutin: one
homomorphic question with 6 lists and blank allowed, BELENIOS-2048, trustees
[Single, Pedersen 2-of-3] as in belenios-tool's demo-threshold.sh. The ballots
are made by our code (belenios-tool accepts them: tests/protocol/test_ballot.py)
on all cores, appended as Ballot events, and the archive is checked by
belenios-tool. Then it times, on the same archive:

- belenios-tool election verify (wall and CPU time of the child process);
- our verification of the credential list and of every ballot, streamed from
  the archive, in one process (wall and CPU) and on a process pool (wall);
- ``bureau verify`` on the archive, when that command exists;
- the pool's start-up as the caller sees it, for forked and spawned workers:
  the caller's CPU and wall time until the first outcome, and the bytes
  pickled to each worker (``--startup-only`` runs just this).

and prints the figures side by side with the ratios (target: one process at
most 0.4×, pool at most 0.2× of belenios-tool).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from ceremony.protocol.archive import PendingEvent, append_events, iter_events, iter_records
from ceremony.protocol.ballot import make_ballot
from ceremony.protocol.election import Election
from ceremony.protocol.fastverify import load_credentials
from ceremony.protocol.pool import VerifierSeed, verify_ballots

TEMPLATE = {
    "description": "Élections professionnelles — banc d'essai",
    "name": "CSN collège 2",
    "questions": [
        {
            "answers": [f"Liste {i}" for i in range(1, 7)],
            "blank": True,
            "min": 1,
            "max": 1,
            "question": "Liste de candidats",
        }
    ],
}


def tool(workdir: Path, *args: str, stdin: str | None = None) -> str:
    env = dict(os.environ, BELENIOS_USE_URANDOM="1")
    proc = subprocess.run(
        ["belenios-tool", *args], cwd=workdir, env=env, input=stdin,
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if proc.returncode != 0:
        sys.exit(f"belenios-tool {' '.join(args)} failed: {proc.stderr}")
    return proc.stdout


def setup_election(workdir: Path, voters: int) -> tuple[str, list[str]]:
    """Credentials, Pedersen 2-of-3 + Single trustees, election, archive (demo-threshold.sh)."""
    uuid = tool(workdir, "setup", "generate-token").strip()
    group = ["--group", "BELENIOS-2048"]
    tool(workdir, "setup", "generate-credentials", "--uuid", uuid, *group, "--count", str(voters))
    (pub,) = workdir.glob("*.pubcreds")
    (priv,) = workdir.glob("*.privcreds")
    pub.rename(workdir / "public_creds.json")
    private = [line.split()[1] for line in priv.read_text().splitlines() if line.strip()]
    priv.unlink()
    keygen = ["setup", "generate-trustee-key-threshold", *group]
    for _ in range(3):
        tool(workdir, *keygen, "--step", "1")
    (workdir / "certs.jsons").write_text(
        "".join(p.read_text() for p in sorted(workdir.glob("*.cert")))
    )
    certs = ["--certs", "certs.jsons"]
    tool(workdir, *keygen, *certs, "--step", "2")
    keys = sorted(workdir.glob("*.key"))
    polys = [
        tool(workdir, *keygen, *certs, "--key", k.name, "--step", "3", "--threshold", "2")
        for k in keys
    ]
    (workdir / "polynomials.jsons").write_text("".join(polys))
    tool(workdir, *keygen, *certs, "--step", "4", "--polynomials", "polynomials.jsons")
    voutputs = [
        tool(workdir, *keygen, *certs, "--key", k.name, "--step", "5",
             stdin=(workdir / f"{k.stem}.vinput").read_text())
        for k in keys
    ]  # fmt: skip
    threshold = tool(workdir, *keygen, *certs, "--step", "6", "--polynomials", "polynomials.jsons",
                     stdin="".join(voutputs))  # fmt: skip
    (workdir / "threshold.json").write_text(threshold)
    tool(workdir, "setup", "generate-trustee-key", *group)
    (workdir / "public_keys.jsons").write_text(
        "".join(p.read_text() for p in workdir.glob("*.pubkey"))
    )
    tool(workdir, "setup", "make-trustees")
    (workdir / "threshold.json").unlink()
    (workdir / "template.json").write_text(json.dumps(TEMPLATE))
    tool(workdir, "setup", "make-election", "--uuid", uuid, *group, "--template", "template.json")
    tool(workdir, "archive", "init")
    return uuid, private


def _make_one(args: tuple[bytes, str, int, int]) -> bytes:
    election_bytes, credential, choice, seed = args
    election = Election.from_bytes(election_bytes)
    vote = [0] * 7
    vote[choice] = 1
    return make_ballot(election, credential, [vote], random.Random(seed)).to_bytes()


def cast_ballots(workdir: Path, uuid: str, private: list[str], workers: int) -> list[int]:
    election_bytes = (workdir / "election.json").read_bytes()
    rng = random.Random(1)
    choices = [rng.randrange(7) for _ in private]
    jobs = [
        (election_bytes, c, k, rng.getrandbits(64)) for c, k in zip(private, choices, strict=True)
    ]
    with ProcessPoolExecutor(workers) as pool:
        ballots = list(pool.map(_make_one, jobs, chunksize=8))
    append_events(workdir / f"{uuid}.bel", [PendingEvent("Ballot", (b,)) for b in ballots])
    totals = [0] * 7
    for k in choices:
        totals[k] += 1
    return totals


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_belenios(workdir: Path) -> tuple[float, float]:
    cpu, wall = child_cpu(), time.perf_counter()
    tool(workdir, "election", "verify")
    return time.perf_counter() - wall, child_cpu() - cpu


def archive_parts(path: Path) -> tuple[bytes, bytes, Iterator[bytes]]:
    """Election and credentials bytes, then the ballots streamed from the archive."""
    events = iter_events(iter_records(path))
    setup = next(events)
    assert setup.event.type == "Setup"

    def ballots() -> Iterator[bytes]:
        for resolved in events:
            if resolved.event.type == "Ballot" and resolved.payload is not None:
                yield resolved.payload

    return setup.nested["election"], setup.nested["credentials"], ballots()


def time_ours(path: Path, workers: int) -> tuple[float, float, int]:
    """Wall and CPU seconds (this process and the pool's workers) to verify every ballot."""
    cpu, wall = time.process_time() + child_cpu(), time.perf_counter()
    election_bytes, credentials_bytes, ballots = archive_parts(path)
    election = Election.from_bytes(election_bytes)
    credentials = load_credentials(election.group, credentials_bytes)
    outcomes = verify_ballots(election, credentials, ballots, workers=workers)
    bad = [o for o in outcomes if not o.ok]
    if bad:
        sys.exit(f"our verifier refused {len(bad)} ballots: {bad[0]}")
    elapsed, used = time.perf_counter() - wall, time.process_time() + child_cpu() - cpu
    return elapsed, used, sum(1 for _ in archive_parts(path)[2])


def time_startup(path: Path, workers: int, method: str) -> tuple[float, float, int]:
    """Caller's CPU and wall seconds until the first outcome of a pool, and bytes pickled."""
    election_bytes, credentials_bytes, ballots = archive_parts(path)
    election = Election.from_bytes(election_bytes)
    credentials = load_credentials(election.group, credentials_bytes)
    first = list(islice(ballots, 4))
    pickled = 0
    if method != "fork":  # what the pool hands each spawned worker
        pickled = len(pickle.dumps(VerifierSeed.of(election, True)))
    cpu, wall = time.process_time(), time.perf_counter()
    outcomes = verify_ballots(
        election, credentials, first, workers=workers, chunk_size=1, mp_context=method
    )
    next(outcomes)
    elapsed, used = time.perf_counter() - wall, time.process_time() - cpu
    for _ in outcomes:
        pass
    return used, elapsed, pickled


def print_startup(path: Path, workers: int) -> None:
    print(f"\npool start-up (caller's side, {workers} workers, until the first outcome):")
    print(f"{'':34}{'CPU s':>10}{'wall s':>10}{'pickled':>12}")
    for method in ("fork", "spawn"):
        used, elapsed, pickled = time_startup(path, workers, method)
        print(f"{method:34}{used:10.3f}{elapsed:10.3f}{pickled:12,}")


def time_bureau_verify(path: Path) -> float | None:
    bureau = shutil.which("bureau") or str(Path(sys.executable).with_name("bureau"))
    if not Path(bureau).exists():
        return None
    start = time.perf_counter()
    proc = subprocess.run(
        [bureau, "verify", str(path)], capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        print(f"bureau verify exited {proc.returncode}: {(proc.stdout + proc.stderr)[-400:]}")
        return None
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=500)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=1, help="keep the best of N runs")
    parser.add_argument("--startup-only", action="store_true", help="time the pool's start-up")
    parser.add_argument(
        "--workdir", type=Path, default=None, help="reused when it already holds an election"
    )
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bench-verify-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"election in {workdir}: {args.ballots} ballots, 6 lists + blank, BELENIOS-2048, "
          "trustees [Single, Pedersen 2-of-3]")  # fmt: skip
    existing = sorted(workdir.glob("*.bel"))
    if existing:  # an election built by an earlier run: time it again
        path = existing[0]
        print(f"reusing {path}")
    else:
        start = time.perf_counter()
        uuid, private = setup_election(workdir, args.ballots)
        expected = cast_ballots(workdir, uuid, private, args.workers)
        print(f"built in {time.perf_counter() - start:.1f} s; expected totals {expected}")
        path = workdir / f"{uuid}.bel"

    if args.startup_only:
        print_startup(path, args.workers)
        print(f"\nload average during the run: {os.getloadavg()}")
        return
    # The machine may be shared: each figure is the best of --repeat runs.
    runs = [time_belenios(path.parent) for _ in range(args.repeat)]
    bel_wall, bel_cpu = min(r[0] for r in runs), min(r[1] for r in runs)
    ones = [time_ours(path, 1) for _ in range(args.repeat)]
    one_wall, one_cpu, count = min(r[0] for r in ones), min(r[1] for r in ones), ones[0][2]
    pools = [time_ours(path, args.workers) for _ in range(args.repeat)]
    pool_wall, pool_cpu = min(r[0] for r in pools), min(r[1] for r in pools)
    assert count == args.ballots
    n = args.ballots
    print()
    print(f"{'':34}{'total s':>10}{'ms/ballot':>11}{'ratio':>8}")
    print(f"{'belenios-tool election verify wall':34}{bel_wall:10.2f}{bel_wall / n * 1e3:11.2f}")
    print(f"{'belenios-tool election verify CPU':34}{bel_cpu:10.2f}{bel_cpu / n * 1e3:11.2f}")
    row = "{:34}{:10.2f}{:11.2f}{:8.3f}"
    print(row.format("ours, 1 process, wall", one_wall, one_wall / n * 1e3, one_wall / bel_wall))
    print(row.format("ours, 1 process, CPU", one_cpu, one_cpu / n * 1e3, one_cpu / bel_cpu))
    print(f"{f'ours, pool of {args.workers}, wall':34}{pool_wall:10.2f}"
          f"{pool_wall / n * 1e3:11.2f}{pool_wall / bel_wall:8.3f}")  # fmt: skip
    print(row.format(f"ours, pool of {args.workers}, CPU (all)", pool_cpu, pool_cpu / n * 1e3,
                     pool_cpu / bel_cpu))  # fmt: skip
    print(f"{'pool scaling (1 process / pool)':34}{one_wall / pool_wall:10.2f}")
    # On a loaded machine the wall ratios mean little; CPU / workers is the wall
    # time the pool would take with its cores to itself.
    ideal = pool_cpu / args.workers
    print(row.format("pool, CPU / workers (idle cores)", ideal, ideal / n * 1e3, ideal / bel_cpu))
    bureau = time_bureau_verify(path)
    if bureau is not None:
        print(f"{'bureau verify (whole archive), wall':34}{bureau:10.2f}"
              f"{bureau / n * 1e3:11.2f}{bureau / bel_wall:8.3f}")  # fmt: skip
    print_startup(path, args.workers)
    print(f"\nload average during the run: {os.getloadavg()}")


if __name__ == "__main__":
    main()
