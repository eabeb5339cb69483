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
- ``bureau verify --workers 1`` and ``--workers N`` on the whole archive (start-up,
  imports and the whole audit included);
- where one ballot's time goes: unit costs of libsodium and of the native library
  (curve25519-dalek, native/), and the calls of each per ballot.

Every ratio is printed against both references, side by side: ``election verify``
(which does not wait for its ballot checks, so its time is mostly start-up) and the
tool's full check (``--skip-ballot-check`` plus every ballot through ``verify-ballot``,
the start of each call subtracted). Targets (issue 18): one process at most 0.7×,
the pool at most 0.4× of the tool's wall time.
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

from ceremony.protocol import ed25519_native as native
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
    the process start and the loading of the election and of L: after each
    ballot, the same call on a ballot of another election (refused before any
    proof) is timed, and the sum of those is subtracted. Interleaving them keeps
    both under the same load (the previous version timed the starts apart, and
    a change of load between the two halves moved the result by 2 ms per ballot).
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
    foreign_file = tool.workdir / "foreign-ballot.json"
    foreign = json.loads(ballots[0])
    foreign["election_uuid"] = "1111111111111"  # refused at once (wrong election)
    foreign_file.write_text(json.dumps(foreign, separators=(",", ":")) + "\n")
    check = ["election", "verify-ballot", "--dir", str(record), "--ballot"]
    totals = {"calls wall": 0.0, "calls CPU": 0.0, "starts wall": 0.0, "starts CPU": 0.0}
    for ballot in ballots:
        ballot_file.write_bytes(ballot + b"\n")
        cpu, wall = child_cpu(), time.perf_counter()
        _run(tool, *check, str(ballot_file))
        totals["calls wall"] += time.perf_counter() - wall
        totals["calls CPU"] += child_cpu() - cpu
        cpu, wall = child_cpu(), time.perf_counter()
        if tool.run_raw([*check, str(foreign_file)]).returncode == 0:
            sys.exit("belenios-tool 3.3 accepted a ballot of another election")
        totals["starts wall"] += time.perf_counter() - wall
        totals["starts CPU"] += child_cpu() - cpu
    n = len(ballots)
    return {
        **totals,
        "start wall": totals["starts wall"] / n,
        "start CPU": totals["starts CPU"] / n,
        "net wall": max(totals["calls wall"] - totals["starts wall"], 0.0),
        "net CPU": max(totals["calls CPU"] - totals["starts CPU"], 0.0),
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


def time_bureau_verify(path: Path, workers: int) -> tuple[float, float] | None:
    """``bureau verify --workers N`` on the whole archive: (wall, CPU of the command)."""
    bureau = shutil.which("bureau") or str(Path(sys.executable).with_name("bureau"))
    if not Path(bureau).exists():
        return None
    cpu, start = child_cpu(), time.perf_counter()
    proc = subprocess.run([bureau, "verify", "--workers", str(workers), str(path)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    if proc.returncode != 0:
        print(f"bureau verify exited {proc.returncode}: {(proc.stdout + proc.stderr)[-300:]}")
        return None
    return time.perf_counter() - start, child_cpu() - cpu


def unit_costs(group: Ed25519Group, repeat: int = 2000) -> dict[str, float]:
    """µs per operation: libsodium's, and the native library's that replace them."""
    rng = random.Random(3)
    xs = [group.g_pow(group.random_scalar(rng)).encoded for _ in range(64)]
    es = [int(group.random_scalar(rng)).to_bytes(32, "little") for _ in range(64)]
    so = sodium
    ops = {
        "libsodium variable-base mult (noclamp)":
            lambda i: so.crypto_scalarmult_ed25519_noclamp(es[i & 63], xs[i & 63]),
        "libsodium fixed-base mult (noclamp)":
            lambda i: so.crypto_scalarmult_ed25519_base_noclamp(es[i & 63]),
        "libsodium validation (is_valid_point)":
            lambda i: so.crypto_core_ed25519_is_valid_point(xs[i & 63]),
        "libsodium point addition":
            lambda i: so.crypto_core_ed25519_add(xs[i & 63], xs[(i + 1) & 63]),
    }  # fmt: skip
    if native.available():
        context = native.KeyContext(xs[7])
        ints = [int.from_bytes(e, "little") for e in es]
        ops |= {
            "native validation": lambda i: native.is_valid_point(xs[i & 63]),
            "native commitment pair (A, B)": lambda i: context.commitments(
                [(ints[i & 63], ints[(i + 1) & 63], ints[(i + 2) & 63], xs[i & 63],
                  xs[(i + 1) & 63])]),
            "native signature commitment": lambda i: context.double_base(
                ints[i & 63], ints[(i + 1) & 63], xs[i & 63]),
            "native point addition": lambda i: native.point_sum((xs[i & 63], xs[(i + 1) & 63])),
        }  # fmt: skip
    out = {}
    for name, op in ops.items():
        start = time.perf_counter()
        for i in range(repeat):
            op(i)
        out[name] = (time.perf_counter() - start) / repeat * 1e6
    return out


class _Counting:
    """Stands for a module (``nacl.bindings``, ``ed25519_native``) and counts the calls."""

    def __init__(self, target: object, prefix: str) -> None:
        self.target = target
        self.prefix = prefix
        self.counts: dict[str, int] = {}

    def __getattr__(self, name: str) -> object:
        target = getattr(self.target, name)
        if not callable(target) or isinstance(target, type):
            return target

        def call(*args: object) -> object:
            key = self.prefix + name
            self.counts[key] = self.counts.get(key, 0) + 1
            return target(*args)

        return call


def count_operations(path: Path, sample: int = 20) -> dict[str, float]:
    """Calls per ballot (libsodium and native) while verifying the first ``sample`` ballots.

    A native ``commitments`` call computes several (A, B) pairs: its rows are
    counted as "native commitment pairs".
    """
    from ceremony.protocol import ed25519 as module

    election_bytes, credentials_bytes, ballots = archive_parts(path)
    election = Election.from_bytes(election_bytes)
    credentials = load_credentials(election.group, credentials_bytes)
    first = [b for _, b in zip(range(sample), ballots, strict=False)]
    counting_sodium = _Counting(sodium, "libsodium ")
    counting_native = _Counting(native, "native ")
    pairs = 0
    original = native.KeyContext.commitments

    def commitments(self: native.KeyContext, rows: list[tuple[int, int, int, bytes, bytes]]
                    ) -> list[bytes]:  # fmt: skip
        nonlocal pairs
        pairs += len(rows)
        return original(self, rows)

    saved = module.sodium, module.native
    module.sodium, module.native = counting_sodium, counting_native  # type: ignore[assignment]
    native.KeyContext.commitments = commitments  # type: ignore[method-assign]
    try:
        for outcome in verify_ballots(election, credentials, first, workers=1):
            assert outcome.ok
    finally:
        module.sodium, module.native = saved
        native.KeyContext.commitments = original  # type: ignore[method-assign]
    counts = counting_sodium.counts | counting_native.counts
    counts["native commitment pairs (rows)"] = pairs
    return {k: v / len(first) for k, v in sorted(counts.items()) if v}


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
    backend = "native (curve25519-dalek)" if native.available() else "libsodium only"
    print(f"our Ed25519 backend: {backend}" + ("" if native.available()
                                               else f" — {native.load_error}"))  # fmt: skip
    load_before = os.getloadavg()
    tools = [time_tool(tool) for _ in range(args.repeat)]
    bel_wall, bel_cpu = min(r[0] for r in tools), min(r[1] for r in tools)
    skip_wall, skip_cpu = time_tool_skip(tool)
    full = time_tool_per_ballot(tool, path)
    fair_wall, fair_cpu = skip_wall + full["net wall"], skip_cpu + full["net CPU"]
    ones = [time_ours(path, 1) for _ in range(args.repeat)]
    one_wall, one_cpu, count = min(r[0] for r in ones), min(r[1] for r in ones), ones[0][2]
    pools = [time_ours(path, args.workers) for _ in range(args.repeat)]
    pool_wall, pool_cpu = min(r[0] for r in pools), min(r[1] for r in pools)
    assert count == n, (count, n)
    bureau_one = [time_bureau_verify(path, 1) for _ in range(args.repeat)]
    bureau_pool = [time_bureau_verify(path, args.workers) for _ in range(args.repeat)]
    row = "{:44}{:9.2f}{:10.2f}{:9}{:9}"
    ratio = "{:9.3f}"
    print(f"\n{'wall time':44}{'total s':>9}{'ms/ball.':>10}{'/verify':>9}{'/full':>9}")
    print(row.format("tool 3.3 election verify", bel_wall, bel_wall / n * 1e3, "", "")
          + "   (does not wait for its ballot checks)")  # fmt: skip
    print(row.format("tool 3.3 full check (skip + net verify-ballot)", fair_wall,
                     fair_wall / n * 1e3, "", ""))  # fmt: skip

    def ours(label: str, wall: float, target: str) -> None:
        print(row.format(label, wall, wall / n * 1e3, ratio.format(wall / bel_wall),
                         ratio.format(wall / fair_wall)) + f"   (target ≤ {target})")  # fmt: skip

    ours("ours: ballots, 1 process", one_wall, "0.7")
    ours(f"ours: ballots, pool of {args.workers}", pool_wall, "0.4")
    pool_label = f"bureau verify --workers {args.workers}"
    for label, runs, target in (("bureau verify --workers 1", bureau_one, "0.7"),
                                (pool_label, bureau_pool, "0.4")):  # fmt: skip
        done = [r for r in runs if r is not None]
        if done:
            ours(label, min(r[0] for r in done), target)
    print(f"\n{'CPU time':44}{'total s':>9}{'ms/ball.':>10}")
    cpu_row = "{:44}{:9.2f}{:10.2f}"
    for label, cpu in (("tool 3.3 election verify", bel_cpu),
                       ("tool 3.3 full check", fair_cpu),
                       ("tool verify --skip-ballot-check", skip_cpu),
                       ("ours: ballots, 1 process", one_cpu),
                       (f"ours: ballots, pool of {args.workers}, all", pool_cpu)):  # fmt: skip
        print(cpu_row.format(label, cpu, cpu / n * 1e3))
    for label, runs in (("bureau verify --workers 1", bureau_one), (pool_label, bureau_pool)):
        done = [r for r in runs if r is not None]
        if done:
            cpu = min(r[1] for r in done)
            print(cpu_row.format(label + ", all", cpu, cpu / n * 1e3))
    print(f"  tool verify-ballot: {n} calls {full['calls wall']:.2f} s wall, starts (ballot of "
          f"another election, refused at once) {full['start wall'] * 1e3:.1f} ms wall, "
          f"{full['start CPU'] * 1e3:.1f} ms CPU each")  # fmt: skip
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\npeak RSS: this process {me:.0f} MiB, largest child {kids:.0f} MiB "
          "(the largest child may be belenios-tool)")  # fmt: skip
    print("\nunit costs (µs):")
    for name, us in unit_costs(ED25519).items():
        print(f"  {name:44}{us:8.1f}")
    print("calls per ballot:")
    for name, calls in count_operations(path).items():
        print(f"  {name:44}{calls:8.1f}")
    print(f"\nload average before / after the run: {load_before} / {os.getloadavg()}")


if __name__ == "__main__":
    main()
