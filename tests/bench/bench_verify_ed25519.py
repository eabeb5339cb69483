"""Benchmark: Ed25519 ballot verification, ours against belenios-tool 3.3 ``election verify``.

Run by hand (not a test; figures depend on the machine and its load; needs the
sid chroot of tests/belenios33/install.sh, hence root)::

    .venv/bin/python -m tests.bench.bench_verify_ed25519 [--ballots 500] [--workers N]
        [--trustees threshold|single] [--repeat 1] [--workdir DIR]

It builds with belenios-tool 3.3 an Ed25519 election shaped like a real scrutin
(one homomorphic question, 6 lists + blank; trustees [Single, Pedersen 2-of-3]
made by the tool, or two Single trustees), whose public credentials g^s are
ours. Our code makes and signs the ballots on all cores and appends them as
Ballot events; belenios-tool 3.3 checks the record once. Then, on the same
archive, it times side by side:

- belenios-tool 3.3 ``election verify`` (wall and CPU of the child; through chroot);
- our verification of L and of every ballot streamed from the archive, in one
  process and on a pool of ``--workers`` (wall and CPU), with the peak resident
  memory of this process and of the largest worker;
- ``bureau verify`` on the whole archive, when it accepts the record (3.3
  threshold setups need the formats33 branch);
- where one ballot's time goes: libsodium's variable-base and fixed-base
  multiplications, point validations, and the count of each per ballot.

Targets (issue 18): one process at most 0.7×, the pool at most 0.4× of the tool's wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from nacl import bindings as sodium

from ceremony.protocol.archive import (
    PendingEvent,
    append_events,
    iter_events,
    iter_records,
    read_header,
    write_archive,
)
from ceremony.protocol.ballot import sign_ballot_with_secret
from ceremony.protocol.ed25519 import ED25519, Ed25519Group
from ceremony.protocol.election import Election
from ceremony.protocol.elgamal import PlainPowers
from ceremony.protocol.fastverify import load_credentials
from ceremony.protocol.pool import verify_ballots
from tests.belenios33.tool import BeleniosTool33, chroot_dir, chroot_version

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
GROUP = ["--group", "Ed25519"]


def _run(tool: BeleniosTool33, *args: str, stdin: str | None = None) -> str:
    proc = tool.run_raw(list(args), stdin=stdin)
    if proc.returncode != 0:
        sys.exit(f"belenios-tool 3.3 {' '.join(args)} failed: {proc.stderr}")
    return proc.stdout


def _threshold_trustees(tool: BeleniosTool33, n: int = 3, t: int = 2) -> None:
    w = tool.workdir
    keygen = ["setup", "generate-trustee-key-threshold", *GROUP]
    ids = [_run(tool, *keygen, "--threshold-context", f"{i}/{t}/{n}", "--step", "1").strip()
           for i in range(1, n + 1)]  # fmt: skip
    (w / "certs.jsons").write_text("".join((w / f"{i}.cert").read_text() for i in ids))
    certs = ["--certs", "certs.jsons"]
    _run(tool, *keygen, *certs, "--step", "2")
    polys = [
        _run(tool, *keygen, "--threshold-context", f"{i}/{t}/{n}", *certs, "--key",
             f"{ident}.key", "--step", "3")
        for i, ident in enumerate(ids, start=1)
    ]  # fmt: skip
    (w / "polynomials.jsons").write_text("".join(polys))
    _run(tool, *keygen, *certs, "--step", "4", "--polynomials", "polynomials.jsons")
    outs = [
        _run(tool, *keygen, *certs, "--key", f"{i}.key", "--step", "5",
             stdin=(w / f"{i}.vinput").read_text())
        for i in ids
    ]  # fmt: skip
    (w / "threshold.json").write_text(
        _run(tool, *keygen, *certs, "--step", "6", "--polynomials", "polynomials.jsons",
             stdin="".join(outs))
    )  # fmt: skip


def setup_election(tool: BeleniosTool33, voters: int, trustees: str) -> tuple[str, list[int]]:
    """belenios-tool 3.3 election in Ed25519 whose public credentials g^s are ours."""
    w = tool.workdir
    uuid = _run(tool, "setup", "generate-token").strip()
    rng = random.Random(7)
    secrets = [ED25519.random_scalar(rng) for _ in range(voters)]
    (w / "public_creds.json").write_text(
        json.dumps(sorted(str(ED25519.g_pow(s)) for s in secrets)) + "\n"
    )
    if trustees == "threshold":
        _threshold_trustees(tool)
        _run(tool, "setup", "generate-trustee-key", *GROUP)
    else:
        for _ in range(2):
            _run(tool, "setup", "generate-trustee-key", *GROUP)
    (w / "public_keys.jsons").write_text("".join(p.read_text() for p in w.glob("*.pubkey")))
    _run(tool, "setup", "make-trustees")
    (w / "template.json").write_text(json.dumps(TEMPLATE))
    _run(tool, "setup", "make-election", "--uuid", uuid, *GROUP, "--template", "template.json")
    _run(tool, "archive", "init")
    return uuid, secrets


def _make_one(args: tuple[bytes, int, int, int]) -> bytes:
    election_bytes, secret, choice, seed = args
    election = Election.from_bytes(election_bytes)
    vote = [0] * 7
    vote[choice] = 1
    powers = PlainPowers(election.group, election.public_key)
    return sign_ballot_with_secret(election, powers, secret, [vote], random.Random(seed)).to_bytes()


def cast_ballots(archive: Path, election_bytes: bytes, secrets: list[int], workers: int) -> None:
    rng = random.Random(1)
    jobs = [(election_bytes, s, rng.randrange(7), rng.getrandbits(64)) for s in secrets]
    with ProcessPoolExecutor(workers) as pool:
        ballots = list(pool.map(_make_one, jobs, chunksize=16))
    append_events(archive, [PendingEvent("Ballot", (b,)) for b in ballots])


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_tool(tool: BeleniosTool33) -> tuple[float, float]:
    cpu, wall = child_cpu(), time.perf_counter()
    _run(tool, "election", "verify")
    return time.perf_counter() - wall, child_cpu() - cpu


def time_tool_skip(tool: BeleniosTool33) -> tuple[float, float]:
    """``election verify --skip-ballot-check``: what the tool does besides ballot checks."""
    cpu, wall = child_cpu(), time.perf_counter()
    _run(tool, "election", "verify", "--skip-ballot-check")
    return time.perf_counter() - wall, child_cpu() - cpu


def time_tool_per_ballot(tool: BeleniosTool33, path: Path) -> dict[str, float]:
    """belenios-tool 3.3 checking every ballot fully: one ``verify-ballot`` per ballot.

    ``election verify`` does not wait for its ballot checks, and ``verify-ballot``
    refuses a ballot already in the record (DuplicateBallot): each ballot is
    checked against the record cut after its Setup event. Each call also pays
    the process start and the loading of the election and of L: measured on a
    ballot of another election (refused before any proof), and subtracted.
    """
    events = iter_events(iter_records(path))
    setup = next(events)
    assert setup.event.type == "Setup" and setup.payload is not None
    ballots = [e.payload for e in events if e.event.type == "Ballot" and e.payload is not None]
    record = tool.workdir / "setup-only"
    record.mkdir(exist_ok=True)
    for stale in record.glob("*.bel"):
        stale.unlink()
    write_archive(
        record / path.name,
        read_header(path),
        [PendingEvent("Setup", (*setup.nested.values(), setup.payload))],
    )
    ballot_file = tool.workdir / "one-ballot.json"
    check = ["election", "verify-ballot", "--dir", str(record), "--ballot", str(ballot_file)]
    cpu, wall = child_cpu(), time.perf_counter()
    for ballot in ballots:
        ballot_file.write_bytes(ballot + b"\n")
        _run(tool, *check)
    total_wall, total_cpu = time.perf_counter() - wall, child_cpu() - cpu
    foreign = json.loads(ballots[0])
    foreign["election_uuid"] = "1111111111111"  # refused at once (wrong election)
    ballot_file.write_text(json.dumps(foreign, separators=(",", ":")) + "\n")
    starts = 20
    cpu, wall = child_cpu(), time.perf_counter()
    for _ in range(starts):
        if tool.run_raw(check).returncode == 0:
            sys.exit("belenios-tool 3.3 accepted a ballot of another election")
    start_wall, start_cpu = (time.perf_counter() - wall) / starts, (child_cpu() - cpu) / starts
    n = len(ballots)
    return {
        "calls wall": total_wall,
        "calls CPU": total_cpu,
        "start wall": start_wall,
        "start CPU": start_cpu,
        "net wall": max(total_wall - n * start_wall, 0.0),
        "net CPU": max(total_cpu - n * start_cpu, 0.0),
    }


def archive_parts(path: Path) -> tuple[bytes, bytes, Iterator[bytes]]:
    events = iter_events(iter_records(path))
    setup = next(events)

    def ballots() -> Iterator[bytes]:
        for resolved in events:
            if resolved.event.type == "Ballot" and resolved.payload is not None:
                yield resolved.payload

    return setup.nested["election"], setup.nested["credentials"], ballots()


def time_ours(path: Path, workers: int) -> tuple[float, float, int]:
    cpu, wall = time.process_time() + child_cpu(), time.perf_counter()
    election_bytes, credentials_bytes, ballots = archive_parts(path)
    election = Election.from_bytes(election_bytes)
    credentials = load_credentials(election.group, credentials_bytes)
    count = 0
    for outcome in verify_ballots(election, credentials, ballots, workers=workers):
        if not outcome.ok:
            sys.exit(f"our verifier refused a ballot: {outcome}")
        count += 1
    return time.perf_counter() - wall, time.process_time() + child_cpu() - cpu, count


def time_bureau_verify(path: Path) -> float | None:
    bureau = shutil.which("bureau") or str(Path(sys.executable).with_name("bureau"))
    if not Path(bureau).exists():
        return None
    start = time.perf_counter()
    proc = subprocess.run([bureau, "verify", str(path)], capture_output=True, text=True,
                          check=False)  # fmt: skip
    if proc.returncode != 0:
        print(f"bureau verify exited {proc.returncode}: {(proc.stdout + proc.stderr)[-300:]}")
        return None
    return time.perf_counter() - start


def unit_costs(group: Ed25519Group, repeat: int = 2000) -> dict[str, float]:
    """µs per libsodium operation, the floor of a ballot's verification."""
    rng = random.Random(3)
    xs = [group.g_pow(group.random_scalar(rng)).encoded for _ in range(64)]
    es = [int(group.random_scalar(rng)).to_bytes(32, "little") for _ in range(64)]
    out = {}
    for name, op in {
        "variable-base scalar mult (noclamp)": lambda i: sodium.crypto_scalarmult_ed25519_noclamp(
            es[i & 63], xs[i & 63]),
        "fixed-base scalar mult (noclamp)": lambda i: sodium.crypto_scalarmult_ed25519_base_noclamp(
            es[i & 63]),
        "point validation (is_valid_point)": lambda i: sodium.crypto_core_ed25519_is_valid_point(
            xs[i & 63]),
        "point addition": lambda i: sodium.crypto_core_ed25519_add(xs[i & 63], xs[(i + 1) & 63]),
    }.items():  # fmt: skip
        start = time.perf_counter()
        for i in range(repeat):
            op(i)
        out[name] = (time.perf_counter() - start) / repeat * 1e6
    return out


class _Counting:
    """Stands for ``nacl.bindings`` in ``ceremony.protocol.ed25519`` and counts the calls."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def __getattr__(self, name: str) -> object:
        target = getattr(sodium, name)

        def call(*args: object) -> object:
            self.counts[name] = self.counts.get(name, 0) + 1
            return target(*args)

        return call


def count_operations(path: Path, sample: int = 20) -> dict[str, float]:
    """libsodium calls per ballot while verifying the first ``sample`` ballots."""
    from ceremony.protocol import ed25519 as module

    election_bytes, credentials_bytes, ballots = archive_parts(path)
    election = Election.from_bytes(election_bytes)
    credentials = load_credentials(election.group, credentials_bytes)
    first = [b for _, b in zip(range(sample), ballots, strict=False)]
    counting = _Counting()
    saved = module.sodium
    module.sodium = counting  # type: ignore[assignment]
    try:
        for outcome in verify_ballots(election, credentials, first, workers=1):
            assert outcome.ok
    finally:
        module.sodium = saved
    return {k.removeprefix("crypto_"): v / len(first) for k, v in sorted(counting.counts.items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=500)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=1, help="keep the best of N runs")
    parser.add_argument("--trustees", choices=["threshold", "single"], default="threshold")
    parser.add_argument("--workdir", type=Path, default=None, help="a directory in the chroot")
    args = parser.parse_args()
    root = chroot_dir()
    if chroot_version(root) is None:
        sys.exit(f"belenios-tool 3.3 not found in {root}: bash tests/belenios33/install.sh (root)")
    root = root.resolve()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench-ed25519-", dir=root / "work"))
    work.mkdir(parents=True, exist_ok=True)
    tool = BeleniosTool33(root, work.resolve())
    try:
        run(args, tool, work)
    finally:
        if args.workdir is None:  # a temporary election inside the chroot
            shutil.rmtree(work, ignore_errors=True)


def run(args: argparse.Namespace, tool: BeleniosTool33, work: Path) -> None:
    """Build (or reuse) the record in ``work`` and print the figures."""
    print(f"election in {work}: {args.ballots} ballots, 6 lists + blank, Ed25519, "
          f"trustees {args.trustees}")  # fmt: skip
    existing = sorted(work.glob("*.bel"))
    if existing:
        path = existing[0]
        print(f"reusing {path}")
    else:
        start = time.perf_counter()
        uuid, secrets = setup_election(tool, args.ballots, args.trustees)
        path = work / f"{uuid}.bel"
        cast_ballots(path, (work / "election.json").read_bytes().strip(), secrets, args.workers)
        print(f"built in {time.perf_counter() - start:.1f} s")
    n = args.ballots
    tools = [time_tool(tool) for _ in range(args.repeat)]
    bel_wall, bel_cpu = min(r[0] for r in tools), min(r[1] for r in tools)
    ones = [time_ours(path, 1) for _ in range(args.repeat)]
    one_wall, one_cpu, count = min(r[0] for r in ones), min(r[1] for r in ones), ones[0][2]
    pools = [time_ours(path, args.workers) for _ in range(args.repeat)]
    pool_wall, pool_cpu = min(r[0] for r in pools), min(r[1] for r in pools)
    assert count == n, (count, n)
    row = "{:38}{:10.2f}{:11.2f}{:8}"
    print(f"\n{'':38}{'total s':>10}{'ms/ballot':>11}{'ratio':>8}")
    print(row.format("belenios-tool 3.3 election verify, wall", bel_wall, bel_wall / n * 1e3, ""))
    print(row.format("belenios-tool 3.3 election verify, CPU", bel_cpu, bel_cpu / n * 1e3, ""))
    ratio = "{:8.3f}"
    print(row.format("ours, 1 process, wall", one_wall, one_wall / n * 1e3,
                     ratio.format(one_wall / bel_wall)) + "   (target ≤ 0.7)")  # fmt: skip
    print(row.format("ours, 1 process, CPU", one_cpu, one_cpu / n * 1e3,
                     ratio.format(one_cpu / bel_cpu)))  # fmt: skip
    print(row.format(f"ours, pool of {args.workers}, wall", pool_wall, pool_wall / n * 1e3,
                     ratio.format(pool_wall / bel_wall)) + "   (target ≤ 0.4)")  # fmt: skip
    print(row.format(f"ours, pool of {args.workers}, CPU (all)", pool_cpu, pool_cpu / n * 1e3,
                     ratio.format(pool_cpu / bel_cpu)))  # fmt: skip
    print(
        "caveat: belenios-tool 3.3 `election verify` does not wait for its ballot checks\n"
        "(reference note §5): when its CPU per ballot is far below ours, it skipped them."
    )
    skip_wall, skip_cpu = time_tool_skip(tool)
    full = time_tool_per_ballot(tool, path)
    print(row.format("tool verify --skip-ballot-check, wall", skip_wall, skip_wall / n * 1e3, ""))
    print(row.format("tool verify --skip-ballot-check, CPU", skip_cpu, skip_cpu / n * 1e3, ""))
    print(row.format("tool verify-ballot x n, wall (raw)", full["calls wall"],
                     full["calls wall"] / n * 1e3, ""))  # fmt: skip
    print(row.format("tool verify-ballot x n, CPU (raw)", full["calls CPU"],
                     full["calls CPU"] / n * 1e3, ""))  # fmt: skip
    print(f"  (one verify-ballot start, refused at once: wall {full['start wall'] * 1e3:.1f} ms,"
          f" CPU {full['start CPU'] * 1e3:.1f} ms)")  # fmt: skip
    fair_wall, fair_cpu = skip_wall + full["net wall"], skip_cpu + full["net CPU"]
    print(row.format("tool full check (skip + net), wall", fair_wall, fair_wall / n * 1e3, ""))
    print(row.format("tool full check (skip + net), CPU", fair_cpu, fair_cpu / n * 1e3, ""))
    print(row.format("  ours 1 process vs tool full, wall", one_wall, one_wall / n * 1e3,
                     ratio.format(one_wall / fair_wall)) + "   (target ≤ 0.7)")  # fmt: skip
    print(row.format("  ours 1 process vs tool full, CPU", one_cpu, one_cpu / n * 1e3,
                     ratio.format(one_cpu / fair_cpu)))  # fmt: skip
    print(row.format(f"  ours pool of {args.workers} vs tool full, wall", pool_wall,
                     pool_wall / n * 1e3, ratio.format(pool_wall / fair_wall))
          + "   (target ≤ 0.4)")  # fmt: skip
    bureau = time_bureau_verify(path)
    if bureau is not None:
        print(row.format("bureau verify (whole archive), wall", bureau, bureau / n * 1e3,
                         ratio.format(bureau / bel_wall)))  # fmt: skip
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\npeak RSS: this process {me:.0f} MiB, largest child {kids:.0f} MiB "
          "(the largest child may be belenios-tool)")  # fmt: skip
    print("\nlibsodium unit costs (µs):")
    for name, us in unit_costs(ED25519).items():
        print(f"  {name:38}{us:8.1f}")
    for name, count in count_operations(path).items():
        print(f"  per ballot, {name:30}{count:8.1f}")
    print(f"\nload average during the run: {os.getloadavg()}")


if __name__ == "__main__":
    main()
