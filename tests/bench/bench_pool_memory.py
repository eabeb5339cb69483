"""Benchmark: the pool workers' memory is flat in the electorate (issue 18).

Run by hand (figures depend on the machine)::

    .venv/bin/python -m tests.bench.bench_pool_memory [--electors 1000 100000] [--group Ed25519]

For each electorate size, in a fresh Python process: an election, a public
credential list L of that many electors (random points; building it is part
of the parent's cost), 16 ballots verified on a pool of 2 spawned workers.
It prints the parent's peak resident memory and the largest worker's resident
memory after verifying ballots, read inside the worker. Workers
never receive L (``pool.VerifierSeed`` is the election only), so their figure
must not grow with the electorate; the parent's does (it holds L).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import random, resource, sys
from ceremony.protocol.ballot import sign_ballot_with_secret
from ceremony.protocol.credentials import make_credential_list
from ceremony.protocol.election import make_election
from ceremony.protocol.elgamal import PlainPowers
from ceremony.protocol.group import get_group
from ceremony.protocol.pool import verify_ballots

group, electors = get_group(sys.argv[1]), int(sys.argv[2])
template = {"description": "d", "name": "n", "questions": [{"answers": ["A", "B"],
            "blank": True, "min": 1, "max": 1, "question": "q"}]}
rng = random.Random(1)
election = make_election(template, "Y2Ju8hHWTPe1TZ", group, group.g_pow(12345))
voters = [group.random_scalar(rng) for _ in range(16)]
# The other electors' credentials: distinct points, cheap to make (g^1, g^2, ... by additions).
public, point = [group.g_pow(s) for s in voters], group.g
for _ in range(electors - len(voters)):
    point = group.mul(point, group.g)
    public.append(point)
credentials = make_credential_list(group, public)
powers = PlainPowers(group, election.public_key)
ballots = [sign_ballot_with_secret(election, powers, s, [[0, 1, 0]], rng).to_bytes()
           for s in voters]
outcomes = list(verify_ballots(election, credentials, ballots, workers=2, chunk_size=4,
                               mp_context="spawn"))
assert all(o.ok for o in outcomes), outcomes
# The workers' resident memory, measured inside them: a pool set up as verify_ballots
# sets up spawned workers (pool.VerifierSeed), after they verified ballots. (ru_maxrss of
# a spawned child keeps its pre-exec peak: useless here.)
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from ceremony.protocol import pool
from tests.bench.bench_pool_memory import vmrss
with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn"),
                         initializer=pool._init_worker,
                         initargs=(pool.VerifierSeed.of(election, False),)) as ex:
    assert all(o.ok for c in ex.map(pool._verify_chunk, [ballots[:8], ballots[8:]], [0, 8])
               for o in c)
    worker = max(ex.map(vmrss, range(8)))
me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{me:.1f} {worker / 1024:.1f}")
"""


def vmrss(_: object = None) -> int:
    """This process's resident memory in KiB (run inside a pool worker)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--electors", type=int, nargs="+", default=[1000, 100_000])
    parser.add_argument("--group", default="Ed25519")
    args = parser.parse_args()
    head = f"{'electors':>10}{'parent MiB':>12}{'worker MiB':>12}"
    print(f"{head}   ({args.group}, spawn, 2 workers, worker VmRSS read inside it)")
    rows = []
    for n in args.electors:
        out = subprocess.run(
            [sys.executable, "-c", CHILD, args.group, str(n)],
            capture_output=True, text=True, check=True, cwd=ROOT,
        ).stdout.split()  # fmt: skip
        parent, worker = float(out[0]), float(out[1])
        rows.append({"electors": n, "parent_mib": parent, "worker_mib": worker})
        print(f"{n:>10}{parent:>12.1f}{worker:>12.1f}")
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
