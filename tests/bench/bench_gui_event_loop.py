"""Benchmark (run by hand): GUI event-loop stalls while an urn is verified in the application.

    .venv/bin/python -m tests.bench.bench_gui_event_loop [--ballots 10000] [--workers 2]
        [--workdir DIR]

Builds (or reuses, with ``--workdir``) the election of ``tests.bench.bench_verify``
(belenios-tool setup, ballots made by our code), then opens the application's
progress dialog offscreen and verifies every ballot of the urn on a
``bureau_app.worker`` job, streamed from the archive, reporting progress after
each ballot, while ``bureau_app.stall_meter.StallMeter`` times a 10 ms timer on
the GUI thread. Two ways are measured:

- the ballots verified in the job's thread (one process: it shares the GIL
  with the GUI thread);
- the ballots verified on a process pool (``spawn``: this process runs threads).

Reference, printed alongside: the same meter on the idle event loop. The issue's
target is a longest stall under 100 ms.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

import bureau_app  # noqa: F401  (the refcount guard, before Qt objects exist)
from bureau_app.progress_dialog import ProgressDialog
from bureau_app.stall_meter import StallMeter
from bureau_app.worker import Job, JobRunner, Progress
from ceremony.protocol.election import Election
from ceremony.protocol.fastverify import load_credentials
from ceremony.protocol.pool import verify_ballots
from tests.bench.bench_verify import archive_parts, cast_ballots, setup_election


def verify_urn(path: Path, count: int, workers: int, progress: Progress) -> int:
    """Verify every ballot of the archive; the number of ballots refused."""
    election_bytes, credentials_bytes, ballots = archive_parts(path)
    election = Election.from_bytes(election_bytes)
    credentials = load_credentials(election.group, credentials_bytes)
    progress.report(0.0, "Lecture de l'urne…")
    refused = 0
    outcomes = verify_ballots(election, credentials, ballots, workers=workers, mp_context="spawn")
    for done, outcome in enumerate(outcomes, start=1):
        refused += not outcome.ok
        progress.report(done / count, f"Vérification des bulletins : {done} sur {count}")
    return refused


def measure(app: QApplication, path: Path, count: int, workers: int) -> tuple[float, StallMeter]:
    runner = JobRunner(max_threads=1)
    job: Job[int] = Job(
        lambda progress: verify_urn(path, count, workers, progress), cancellable=False
    )
    dialog = ProgressDialog("Vérification de l'urne", job)
    dialog.show()
    meter = StallMeter(interval_ms=10)
    loop = QEventLoop()
    job.finished.connect(loop.quit)
    meter.start()
    start = time.perf_counter()
    runner.start(job)
    loop.exec()
    elapsed = time.perf_counter() - start
    meter.stop()
    runner.wait()
    if job.error is not None:
        raise SystemExit(f"verification failed: {job.error!r}")
    if job.result:
        raise SystemExit(f"{job.result} ballots refused: the urn should be sound")
    return elapsed, meter


def idle_reference(seconds: float) -> StallMeter:
    meter = StallMeter(interval_ms=10)
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    meter.start()
    loop.exec()
    meter.stop()
    return meter


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bench-gui-"))
    workdir.mkdir(parents=True, exist_ok=True)
    existing = sorted(workdir.glob("*.bel"))
    if existing:
        path = existing[0]
        print(f"reusing {path}")
    else:
        start = time.perf_counter()
        uuid, private = setup_election(workdir, args.ballots)
        cast_ballots(workdir, uuid, private, args.workers)
        path = workdir / f"{uuid}.bel"
        print(f"built {args.ballots} ballots in {time.perf_counter() - start:.1f} s in {workdir}")
    count = sum(1 for _ in archive_parts(path)[2])

    app = QApplication([])
    rows = [("idle event loop (reference, 5 s)", 5.0, idle_reference(5.0))]
    wall, meter = measure(app, path, count, 1)
    rows.append(("verify in the job's thread", wall, meter))
    if args.workers > 1:
        wall, meter = measure(app, path, count, args.workers)
        rows.append((f"verify on a pool of {args.workers} (spawn)", wall, meter))

    print(f"\n{count} ballots, target: longest stall < 100 ms")
    print(f"{'':40}{'wall s':>8}{'ticks':>8}{'p50 ms':>8}{'p99 ms':>8}{'max ms':>8}{'at s':>8}")
    for label, seconds, m in rows:
        print(
            f"{label:40}{seconds:8.1f}{len(m.gaps):8d}{m.percentile_stall(0.5) * 1e3:8.1f}"
            f"{m.percentile_stall(0.99) * 1e3:8.1f}{m.longest_stall * 1e3:8.1f}"
            f"{m.longest_stall_at:8.1f}"
        )
    print(f"\nload average during the run: {os.getloadavg()}")


if __name__ == "__main__":
    main()
