"""Benchmark (run by hand): writing and importing a large urn bundle, streaming.

    .venv/bin/python -m tests.bench.bench_bundles [MIB]

Builds an urn bundle whose archive is MIB mebibytes of incompressible bytes on
disk (default 1024, about a 100,000-ballot urn), writes it, imports it from
the file (every check, every hash) and reads the archive back through the
verifying stream. Prints time and peak memory (tracemalloc and max RSS) next to
the reference: ``sha256sum`` of the same archive (the I/O + hash lower bound)
and ``zip -t``-like ``unzip -tq`` of the bundle.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from ceremony.bundles.envelope import write_bundle_file
from ceremony.bundles.importer import import_bundle_file
from ceremony.bundles.sources import CHUNK, open_file
from tests.bundles.factory import CONTESTS, context_for
from tests.bundles.test_streaming import big_urn_of_size


def timed(label: str, action):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = action()
    print(f"{label:<44} {time.perf_counter() - start:7.2f} s")
    return result


def main() -> None:
    mib = int(sys.argv[1]) if len(sys.argv) > 1 else 1024
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        tracemalloc.start()
        bundle = timed(
            f"make urn bundle ({mib} MiB archive, hashed)", lambda: big_urn_of_size(root, mib << 20)
        )
        target = root / "urn.zip"
        timed("write_bundle_file (stored, streamed)", lambda: write_bundle_file(bundle, target))
        verified = timed(
            "import_bundle_file (all checks)",
            lambda: import_bundle_file(target, "urn", context_for("urn")),
        )

        def read_back() -> int:
            with open_file(verified.bundle.files, f"urns/{CONTESTS[0]}.bel") as stream:
                return sum(len(c) for c in iter(lambda: stream.read(CHUNK), b""))

        timed("read archive back through verifying stream", read_back)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"{'bundle size':<44} {target.stat().st_size / 2**20:7.0f} MiB")
        print(f"{'peak Python allocations (tracemalloc)':<44} {peak / 2**20:7.1f} MiB")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{'max RSS of the process':<44} {rss:7.0f} MiB")
        print("reference:")
        archive = root / "big.bel"
        if shutil.which("sha256sum"):
            timed(
                "  sha256sum of the archive",
                lambda: subprocess.run(["sha256sum", archive], check=True, capture_output=True),
            )
        if shutil.which("unzip"):
            timed(
                "  unzip -tq of the bundle",
                lambda: subprocess.run(["unzip", "-tq", target], check=True, capture_output=True),
            )


if __name__ == "__main__":
    main()
