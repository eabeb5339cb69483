"""Benchmark (run by hand): GUI event-loop stalls while the application verifies an urn.

    .venv/bin/python -m tests.bench.bench_gui_event_loop [--ballots 10000]
        [--cache /tmp/bench-gui-cache] [--workers N]

The whole application path is measured: a ``BureauWindow`` with its
``CeremonyAdapter`` over a sealed bureau store, the "Importer et vérifier
l'urne" step started as the bureau would, and the engine's
``Bureau.import_urn_file`` verifying every ballot on the worker job (with its
progress dialog fed by the engine's progress callback), while
``bureau_app.stall_meter.StallMeter`` times a 10 ms timer on the GUI thread.

The sealed store and the platform simulator's urn (``urn_bundle_file``) are
built once by ``tests.bench.bench_simulator.generate`` (several minutes on two
cores) and cached under ``--cache/<ballots>``; each run works on a copy.

Reference, printed alongside: the same meter on the idle event loop.
Target (issue 8): longest stall under 100 ms.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

import bureau_app  # noqa: F401  (the refcount guard, before Qt objects exist)
from bureau_app.adapter import CeremonyAdapter
from bureau_app.card_sources import CardSource, TrainingCardSource
from bureau_app.platform_sources import FilePlatform
from bureau_app.shell import BureauWindow
from bureau_app.stall_meter import StallMeter
from bureau_app.steps import Step, StepKind
from ceremony.store.store import open_store
from ceremony.store.workstation_key import FileKeySource
from ceremony.workflow.engine import Bureau


def cached_urn(cache: Path, ballots: int, workers: int | None) -> Path:
    """The sealed bureau and its urn for ``ballots`` voters, built once."""
    folder = cache / str(ballots)
    if (folder / "urn.zip").exists():
        return folder
    from tests.bench.bench_simulator import generate

    if folder.exists():
        shutil.rmtree(folder)  # an interrupted build
    cache.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    generate(folder, ballots, workers)
    print(f"built the {ballots}-ballot urn in {time.perf_counter() - start:.0f} s: {folder}")
    return folder


def measure(app: QApplication, sealed: Path, work: Path) -> tuple[float, StallMeter, int]:
    shutil.copytree(sealed, work, ignore=shutil.ignore_patterns("urn.zip", "*.lock"))
    urn = sealed / "urn.zip"
    settings = QSettings(str(work / "bureau-app.ini"), QSettings.Format.IniFormat)
    window = BureauWindow(settings)
    bureau = Bureau(open_store(work / "store"), key_source=FileKeySource(work / "workstation-key"))

    def cards(members: dict[str, str]) -> CardSource:
        return TrainingCardSource(work, members)

    platform = FilePlatform(choose_open=lambda _parent, _title, _pattern: urn)
    adapter = CeremonyAdapter(window, bureau, platform, cards)
    window.show()
    outcome: list[object] = []
    loop = QEventLoop()
    adapter.step_finished.connect(lambda kind: (outcome.append(kind), loop.quit()))
    adapter.step_failed.connect(lambda error: (outcome.append(error), loop.quit()))
    meter = StallMeter(interval_ms=10)
    meter.start()
    start = time.perf_counter()
    adapter.start_step(Step(StepKind.IMPORT_URN, "Importer et vérifier l'urne"))
    loop.exec()
    elapsed = time.perf_counter() - start
    meter.stop()
    window.runner.wait()
    try:
        if outcome != [StepKind.IMPORT_URN.value]:
            raise SystemExit(f"the urn import did not succeed: {outcome!r}")
        state = bureau.state
        assert state.urn is not None
        ballots = sum(int(c["num_tallied"]) for c in state.urn["contests"].values())
    finally:
        adapter.close()
        bureau.store.close()
        window.close()
    return elapsed, meter, ballots


def idle_reference(seconds: float) -> StallMeter:
    meter = StallMeter(interval_ms=10)
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    meter.start()
    loop.exec()
    meter.stop()
    return meter


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--ballots", type=int, default=10_000)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/bench-gui-cache"))
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    sealed = cached_urn(args.cache, args.ballots, args.workers)
    app = QApplication([])
    load_before = os.getloadavg()
    rows = [("idle event loop (reference, 5 s)", 5.0, idle_reference(5.0), 0)]
    with tempfile.TemporaryDirectory(prefix="bench-gui-") as tmp:
        wall, meter, ballots = measure(app, sealed, Path(tmp) / "bureau")
    rows.append(("urn import step in the application", wall, meter, ballots))
    load_after = os.getloadavg()

    print(f"\n{ballots} ballots verified in the GUI; target: longest stall < 100 ms")
    print(f"cores: {os.cpu_count()}; load average before {load_before}, after {load_after}")
    header = f"{'':38}{'ballots':>8}{'wall s':>8}{'ticks':>7}{'p50 ms':>8}{'p99 ms':>8}"
    print(header + f"{'max ms':>8}{'at s':>7}")
    for label, seconds, m, count in rows:
        print(
            f"{label:38}{count:8d}{seconds:8.1f}{len(m.gaps):7d}"
            f"{m.percentile_stall(0.5) * 1e3:8.1f}{m.percentile_stall(0.99) * 1e3:8.1f}"
            f"{m.longest_stall * 1e3:8.1f}{m.longest_stall_at:7.1f}"
        )


if __name__ == "__main__":
    main()
