"""Benchmark: where one ballot's verification time goes, against belenios-tool's.

Run by hand, after ``tests.bench.bench_verify`` has built its election::

    .venv/bin/python -m tests.bench.bench_verify_floor --workdir DIR [--belenios-ms 60.7]

It verifies every ballot of the archive in DIR in one process with our
``BallotVerifier``, timing each kind of work where it happens (the
verifier's own functions, wrapped for the run), and prints, per ballot and
as a fraction of belenios-tool's time per ballot:

- variable-base exponentiations of the proofs (§4.12–4.13): chains and powmods;
- fixed-base exponentiations of g and y (tables);
- the signature's exponentiation of the credential (§4.14);
- the batched subgroup test (§4.2);
- everything else (parsing, hashing, bookkeeping).

Then the unit costs of 2048-bit arithmetic on this machine: GMP's powmod with
a 256-bit exponent, GMP's cost per internal product (powmod / its ~315
Montgomery products), and a product or a square reduced mod p from Python.
These show the floor a pure-Python verifier (DESIGN §5) cannot go below.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import gmpy2

from ceremony.protocol import fastverify, proofs
from ceremony.protocol.election import Election
from ceremony.protocol.group import BELENIOS_2048
from tests.bench.bench_verify import archive_parts, tool

SPENT: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)


def timed(kind: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[kind] += time.perf_counter() - start
            CALLS[kind] += 1

    return wrapper


def instrument() -> None:
    """Wrap the verifier's arithmetic so each kind of work is timed where it runs."""
    powers = fastverify.TablePowers
    powers.base_pow = timed("variable base (proofs)", powers.base_pow)  # type: ignore[method-assign]
    for name in ("g_pow", "y_pow", "gy_pow"):
        setattr(powers, name, timed("fixed base g, y (tables)", getattr(powers, name)))
    # proofs.py raises the credential with gmpy2.powmod in verify_signature only.
    proofs.gmpy2 = SimpleNamespace(  # type: ignore[assignment]
        powmod=timed("credential (signature)", gmpy2.powmod)
    )
    fastverify.find_non_members = timed(  # type: ignore[assignment]
        "subgroup test (batched)", fastverify.find_non_members
    )


def belenios_ms(workdir: Path, ballots: int) -> float:
    start = time.perf_counter()
    tool(workdir, "election", "verify")
    return (time.perf_counter() - start) / ballots * 1e3


def unit_costs() -> dict[str, float]:
    """Microseconds per operation on 2048-bit numbers (BELENIOS-2048)."""
    group = BELENIOS_2048
    p, q = gmpy2.mpz(group.p), gmpy2.mpz(group.q)
    rng = random.Random(1)
    xs = [gmpy2.powmod(group.g, rng.randrange(q), p) for _ in range(256)]
    es = [gmpy2.mpz(rng.randrange(q)) for _ in range(256)]
    start = time.perf_counter()
    for x, e in zip(xs, es, strict=True):
        gmpy2.powmod(x, e, p)
    powmod = (time.perf_counter() - start) / len(xs) * 1e6
    n = 20_000
    start = time.perf_counter()
    for i in range(n):
        _ = xs[i & 255] * xs[(i + 1) & 255] % p
    product = (time.perf_counter() - start) / n * 1e6
    x = xs[0]
    start = time.perf_counter()
    for _ in range(n):
        x = x * x % p
    square = (time.perf_counter() - start) / n * 1e6
    return {
        "GMP powmod, 256-bit exponent": powmod,
        # 256 squarings + about 43 products + a 16-entry table (window 5).
        "GMP, per internal Montgomery product": powmod / 315,
        "Python x * y % p": product,
        "Python x * x % p": square,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--belenios-ms", type=float, help="skip timing belenios-tool")
    args = parser.parse_args()
    (path,) = sorted(args.workdir.glob("*.bel"))
    election_bytes, credentials_bytes, ballots = archive_parts(path)
    raws = list(ballots)
    n = len(raws)
    reference = args.belenios_ms or belenios_ms(args.workdir, n)
    election = Election.from_bytes(election_bytes)
    credentials = fastverify.load_credentials(election.group, credentials_bytes)
    verifier = fastverify.BallotVerifier(election, credentials)
    instrument()
    start = time.perf_counter()
    outcomes = verifier.verify_chunk(raws)
    total = time.perf_counter() - start
    assert all(o.ok for o in outcomes), "the archive holds a ballot we refuse"

    print(f"{n} ballots of {path.name}; belenios-tool: {reference:.2f} ms per ballot\n")
    print(f"{'':34}{'calls/ballot':>13}{'ms/ballot':>11}{'ratio':>8}")
    accounted = 0.0
    for kind in sorted(SPENT, key=SPENT.__getitem__, reverse=True):
        ms = SPENT[kind] / n * 1e3
        accounted += ms
        print(f"{kind:34}{CALLS[kind] / n:13.1f}{ms:11.2f}{ms / reference:8.3f}")
    rest = total / n * 1e3 - accounted
    print(f"{'parsing, hashing, bookkeeping':34}{'':13}{rest:11.2f}{rest / reference:8.3f}")
    whole = total / n * 1e3
    print(f"{'whole verification':34}{'':13}{whole:11.2f}{whole / reference:8.3f}")
    print("\nunit costs (2048-bit p):")
    for name, micro in unit_costs().items():
        print(f"  {name:40}{micro:9.2f} µs")


if __name__ == "__main__":
    main()
