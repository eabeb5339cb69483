"""Benchmark: memory of the public credential list L in the counting process (issue 18).

Run by hand (not a test)::

    .venv/bin/python -m tests.bench.bench_credential_memory [--electors 100000] [--group Ed25519]

Builds a published L of random public credentials, then loads it twice, each
under ``tracemalloc``: as ``fastverify.load_credentials`` (a ``CredentialList``)
and as ``credential_index.load_compact_credentials`` (the urn import's parent).
Prints, for each, the memory held afterwards (bytes per elector) and the peak
while loading, and the load time.
"""

from __future__ import annotations

import argparse
import gc
import random
import time
import tracemalloc
from collections.abc import Callable

from ceremony.protocol.credential_index import load_compact_credentials
from ceremony.protocol.credentials import make_credential_list
from ceremony.protocol.fastverify import load_credentials
from ceremony.protocol.group import get_group


def measure(label: str, load: Callable[[], object], electors: int) -> None:
    gc.collect()
    tracemalloc.start()
    start = time.perf_counter()
    kept = load()
    seconds = time.perf_counter() - start
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:34}{held / electors:10.0f} B/elector held{peak / 2**20:10.1f} MiB peak"
          f"{seconds:9.1f} s")  # fmt: skip
    del kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--electors", type=int, default=100_000)
    parser.add_argument("--group", default="Ed25519")
    args = parser.parse_args()
    group = get_group(args.group)
    rng = random.Random(1)
    public = [group.g_pow(group.random_scalar(rng)) for _ in range(args.electors)]
    data = make_credential_list(group, public).to_json()
    del public
    print(f"{args.group}, {args.electors} electors, published L {len(data) / 2**20:.1f} MiB")
    measure("load_credentials (CredentialList)", lambda: load_credentials(group, data),
            args.electors)  # fmt: skip
    measure("load_compact_credentials", lambda: load_compact_credentials(group, data),
            args.electors)  # fmt: skip


if __name__ == "__main__":
    main()
