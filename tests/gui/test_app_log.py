"""The application's log: a crash in native code leaves every thread's stack there (issue 17)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bureau_app.app_log import AppLog

pytestmark = [pytest.mark.gui, pytest.mark.timeout(180)]

ROOT = Path(__file__).resolve().parents[2]


def test_a_fatal_signal_in_the_real_application_writes_the_stacks_to_its_log(
    tmp_path: Path,
) -> None:
    log = tmp_path / "bureau-app.log"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BUREAU_APP_LOG=str(log))
    app = subprocess.Popen(
        [sys.executable, "-m", "bureau_app.main", "--demo", str(tmp_path / "demo")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while "bureau-app started" not in (log.read_text() if log.exists() else ""):
            assert app.poll() is None and time.monotonic() < deadline
            time.sleep(0.1)
        time.sleep(1.0)  # the window is up and the event loop runs
        app.send_signal(signal.SIGSEGV)  # what a crash in Qt or a C extension raises
        assert app.wait(timeout=60) != 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    text = log.read_text()
    assert "Fatal Python error: Segmentation fault" in text
    assert "most recent call first" in text  # the Python stacks, thread by thread


def test_an_unexpected_exception_is_logged_with_its_traceback(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.capture_exceptions() as passed_on:
        log = AppLog(tmp_path / "app.log")
        log.install()
        try:
            try:
                raise ValueError("boom for the log")
            except ValueError:
                sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
        finally:
            log.close()
    assert len(passed_on) == 1  # and still handed to the previous hook
    text = (tmp_path / "app.log").read_text()
    assert "unexpected exception" in text and "ValueError: boom for the log" in text
    assert "Traceback" in text
    assert oct((tmp_path / "app.log").stat().st_mode & 0o777) == "0o600"
