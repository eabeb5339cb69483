"""Run by hand: the real `bureau-app` through whole training ceremonies, N times in a row.

    .venv/bin/python -m tests.bench.bench_real_app_runs [RUNS] [--shots DIR] [--size WxH]

Each run is a fresh Xvfb with a window manager, a fresh demo folder and the
application as its own process, driven with the keyboard through xdotool
(``tests.gui.xceremony``). Odd runs take the plain path, even runs the
incidents (typo in the fingerprint, wrong and cancelled PINs, the secretary
for the president, a delegate replaced). A run fails on any error dialog,
"unexpected exception", crash or fatal signal in the application's log.
``--shots DIR`` saves a screenshot of every screen of the first run.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from tests.gui.xceremony import INCIDENTS, CeremonyRun, Plan, failures_in_log, platform_fingerprint
from tests.gui.xsession import AppFailedError, XSession, missing_tools


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("runs", type=int, nargs="?", default=10)
    parser.add_argument("--shots", type=Path)
    parser.add_argument("--size", default="1280x720")
    parser.add_argument(
        "--keep", type=Path, default=Path(tempfile.gettempdir()) / "bureau-real-app-failures"
    )
    args = parser.parse_args(argv)
    if missing_tools():
        print(f"missing: {missing_tools()} (bash scripts/bootstrap.sh --dev)", file=sys.stderr)
        return 2
    width, height = (int(v) for v in args.size.split("x"))
    fingerprint = platform_fingerprint()
    failures = 0
    for number in range(1, args.runs + 1):
        plan = INCIDENTS if number % 2 == 0 else Plan()
        with tempfile.TemporaryDirectory(prefix="bureau-real-app-") as scratch:
            x = XSession(Path(scratch), size=(width, height))
            start = time.monotonic()
            outcome = "ok"
            try:
                x.start_x()
                x.start_app()
                shots = args.shots if number == 1 else None
                run = CeremonyRun(x, fingerprint, plan, shots)
                run.run()
                bad = failures_in_log(x.log_path.read_text())
                if bad:
                    raise AppFailedError("\n".join(bad))
            except (AssertionError, RuntimeError) as error:
                failures += 1
                outcome = f"FAILED: {str(error)[:2000]}"
                args.keep.mkdir(parents=True, exist_ok=True)
                kept = args.keep / f"run-{number:02d}-bureau-app.log"
                if x.log_path.exists():
                    shutil.copyfile(x.log_path, kept)
                    outcome += f"\n  whole log: {kept}"
            finally:
                x.close()
            kind = "incidents" if plan is INCIDENTS else "plain"
            print(f"run {number:2d} ({kind:9s}) {time.monotonic() - start:6.1f} s  {outcome}")
            sys.stdout.flush()
    print(f"{args.runs - failures} of {args.runs} runs without an error")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
