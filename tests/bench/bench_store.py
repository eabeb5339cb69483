"""Store and journal figures (run by hand: `.venv/bin/python -m tests.bench.bench_store`).

Prints the cost of a durable commit (WAL, synchronous=FULL), of verifying and
exporting a journal, and of streaming a large urn-sized blob in and out.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from ceremony.store import (
    FileKeySource,
    export_journal,
    load_workstation_key,
    open_store,
    verify_journal,
    verify_journal_export,
)
from ceremony.store.journal import Actor


def _timed(label: str, seconds: float, per: int = 0) -> None:
    each = f"  ({seconds / per * 1000:.2f} ms each)" if per else ""
    print(f"{label:<48} {seconds:8.3f} s{each}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--blob-mib", type=int, default=256)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "store"
        started = time.perf_counter()
        store = open_store(folder)
        _timed("open + migrate an empty store", time.perf_counter() - started)
        key = load_workstation_key(FileKeySource(Path(scratch) / "key.hex"))
        assert key is not None
        actors = [Actor("president", "0001"), Actor("delegate", "0002")]
        started = time.perf_counter()
        for number in range(args.entries):
            with store.transaction() as tx:
                blob = tx.put_blob(
                    f"bundle {number}".encode() * 100, kind="t", direction="internal"
                )
                tx.append(phase="p", action="a", actors=actors, details={"n": number}, blobs=[blob])
        _timed(
            f"{args.entries} transactions (blob + entry)",
            time.perf_counter() - started,
            args.entries,
        )
        started = time.perf_counter()
        store.make_checkpoint(key)
        _timed("checkpoint (verifies the chain first)", time.perf_counter() - started)
        started = time.perf_counter()
        verify_journal(store, trusted_public_key=key.public_key)
        _timed("verify_journal (chain, checkpoint, blobs)", time.perf_counter() - started)
        started = time.perf_counter()
        data = export_journal(store)
        _timed(f"export ({len(data) / 1e6:.1f} MB JSONL)", time.perf_counter() - started)
        started = time.perf_counter()
        verify_journal_export(data, key.public_key)
        _timed("verify_journal_export", time.perf_counter() - started)

        source = Path(scratch) / "urn.bel"
        with source.open("wb") as handle:
            for _ in range(args.blob_mib):
                handle.write(bytes(range(256)) * 4096)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        sha256 = store.put_blob_file(source, kind="urn", direction="imported")
        _timed(
            f"put_blob_file {args.blob_mib} MiB (hash, copy, fsync)", time.perf_counter() - started
        )
        started = time.perf_counter()
        store.blob_path(sha256)
        _timed(f"blob_path {args.blob_mib} MiB (re-hash)", time.perf_counter() - started)
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        growth = (rss_after - rss_before) / 1024
        print(f"{'peak RSS growth while streaming the blob':<48} {growth:8.1f} MiB")
        print(f"{'peak RSS':<48} {rss_after / 1024:8.1f} MiB")
        store.close()


if __name__ == "__main__":
    main()
