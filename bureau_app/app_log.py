"""The application's log: Python's logging, unexpected exceptions and fatal signals, one file.

A crash in native code (Qt, a C extension) kills the process before any
Python handler runs; ``faulthandler`` writes every thread's Python stack to
the same file first, so the assistance can tell which step and which thread
(issue 17). Nothing secret is logged: PINs and key shares never reach an
exception message or a log call (COMMON.md).
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO

import platformdirs

LOG_ENV = "BUREAU_APP_LOG"
"""A file to log to instead of the user's log folder (tests, assistance)."""

_MAX_BYTES = 2_000_000

log = logging.getLogger("bureau_app")


def log_path() -> Path:
    chosen = os.environ.get(LOG_ENV)
    if chosen:
        return Path(chosen)
    return Path(platformdirs.user_log_dir("bureau")) / "bureau-app.log"


class AppLog:
    """Opened once at start-up; ``close`` at exit (faulthandler keeps the file until then)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or log_path()
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if self.path.exists() and self.path.stat().st_size > _MAX_BYTES:
            self.path.replace(self.path.with_suffix(".log.1"))
        # Unbuffered enough for a crash: faulthandler writes to the descriptor itself.
        self._file: IO[str] = open(  # noqa: SIM115 - open for the process's life
            self.path, "a", encoding="utf-8", buffering=1
        )
        os.chmod(self.path, 0o600)
        self._handler = logging.StreamHandler(self._file)
        self._handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
        )
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook

    def install(self) -> None:
        root = logging.getLogger()
        root.addHandler(self._handler)
        if root.level > logging.INFO or root.level == logging.NOTSET:
            root.setLevel(logging.INFO)
        self._file.write(
            f"--- bureau-app started {datetime.now(UTC).isoformat(timespec='seconds')} "
            f"pid {os.getpid()}\n"
        )
        faulthandler.enable(self._file, all_threads=True)
        sys.excepthook = self._hook
        threading.excepthook = self._thread_hook

    def _hook(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        log.error("unexpected exception", exc_info=(kind, error, trace))
        self._previous_hook(kind, error, trace)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            log.error(
                "unexpected exception in thread %s",
                args.thread.name if args.thread else "?",
                exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
            )
        self._previous_thread_hook(args)

    def close(self) -> None:
        faulthandler.disable()
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook
        logging.getLogger().removeHandler(self._handler)
        self._file.write(
            f"--- bureau-app stopped {datetime.now(UTC).isoformat(timespec='seconds')}\n"
        )
        self._file.close()
