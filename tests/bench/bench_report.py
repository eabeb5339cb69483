"""Benchmark (run by hand): procès-verbal size and time for a 22-contest bureau, seat allocation.

    .venv/bin/python -m tests.bench.bench_report

No reference implementation exists for these; the figures are printed for the
record (the 2019 CSN had 21 contests per instance, seats per contest <= 15).
"""

from __future__ import annotations

import time

from ceremony.report.pv import make_pv_pdf
from ceremony.tally.seats import ListVotes, compute_seat_allocation
from tests.report.test_pv_shapes import large_pv


def main() -> None:
    data = large_pv()
    start = time.perf_counter()
    pdf = make_pv_pdf(data)
    pv_seconds = time.perf_counter() - start
    print(f"PV, {len(data.results)} contests: {pv_seconds:.2f} s, {len(pdf) / 1024:.0f} KiB")

    lists = [ListVotes(f"L{i}", 1_000_000 // (i + 1)) for i in range(20)]
    runs = 200
    start = time.perf_counter()
    for _ in range(runs):
        compute_seat_allocation("bench", lists, 100, lot_seed="1")
    per_call = (time.perf_counter() - start) / runs
    print(f"seat allocation, 20 lists, 100 seats: {per_call * 1000:.2f} ms per contest")


if __name__ == "__main__":
    main()
