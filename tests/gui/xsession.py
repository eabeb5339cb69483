"""The real `bureau-app` in a real X server, driven by real key presses (xdotool).

``XSession`` starts Xvfb (a free display), a window manager (matchbox) and the
application as a separate process, exactly as a bureau starts it. The driver
knows what is on screen from the application's own log (``BUREAU_APP_LOG``:
"step started", "PIN asked: card …", "quorum prompt: card of … checked") and
from the active window's title; it answers with keys, as the members would.
Nothing here calls the application's code: it is another process.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "xdotool", "matchbox-window-manager")
SEED = "bureau-demo"  # the seed `bureau-app --demo` uses (bureau_app.window.open_demo)
BALLOTS = 40  # the default of `bureau-app --demo`; 12 leaves a tie for the last seat

_FAILURES = re.compile(
    r"step failed|unexpected exception|Fatal Python error|Segmentation fault|Traceback"
)


def missing_tools() -> list[str]:
    return [t for t in TOOLS if shutil.which(t) is None]


class AppFailedError(AssertionError):
    pass


@dataclass
class XSession:
    """Xvfb + window manager + the application; ``close`` ends the three."""

    folder: Path
    size: tuple[int, int] = (1280, 720)
    lang: str = "fr"
    display: str = ""
    log_path: Path = field(init=False)
    _procs: list[subprocess.Popen[bytes]] = field(default_factory=list)
    _log_offset: int = 0
    _pending: list[str] = field(default_factory=list)
    app: subprocess.Popen[bytes] | None = None

    def __post_init__(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.log_path = self.folder / "bureau-app.log"

    # --- processes ------------------------------------------------------------------------

    def start_x(self) -> None:
        read, write = os.pipe()
        width, height = self.size
        xvfb = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write),
                "-screen",
                "0",
                f"{width}x{height}x24",
                "-nolisten",
                "tcp",
                "-noreset",
            ],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        self._procs.append(xvfb)
        number = b""
        with os.fdopen(read, "rb") as pipe:
            while not number.endswith(b"\n"):
                chunk = pipe.read(1)
                if not chunk:
                    raise RuntimeError("Xvfb did not start")
                number += chunk
        self.display = f":{number.decode().strip()}"
        wm = subprocess.Popen(
            ["matchbox-window-manager", "-use_titlebar", "no"],
            env=self.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._procs.append(wm)
        time.sleep(0.5)

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in {"WAYLAND_DISPLAY"}}
        env["DISPLAY"] = self.display
        env["QT_QPA_PLATFORM"] = "xcb"
        env["BUREAU_APP_LOG"] = str(self.log_path)
        env.pop("SESSION_MANAGER", None)
        return env

    def start_app(self, *extra: str) -> None:
        command = [
            sys.executable,
            "-m",
            "bureau_app.main",
            "--demo",
            str(self.folder / "demo"),
            "--ballots",
            str(BALLOTS),
            "--lang",
            self.lang,
            *extra,
        ]
        self.app = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.env(),
            stdout=open(self.folder / "stdout.txt", "wb"),  # noqa: SIM115
            stderr=open(self.folder / "stderr.txt", "wb"),  # noqa: SIM115
        )
        self.wait_for(r"bureau-app started", timeout=60)
        self.wait_window("Bureau de vote", timeout=60)

    def close(self) -> None:
        if self.app is not None and self.app.poll() is None:
            self.app.send_signal(signal.SIGTERM)
            try:
                self.app.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.app.kill()
                self.app.wait()
        for proc in reversed(self._procs):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()

    # --- X ----------------------------------------------------------------------------------

    def xdotool(self, *args: str) -> str:
        result = subprocess.run(
            ["xdotool", *args],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        return result.stdout.strip()

    def active_title(self) -> str:
        return self.xdotool("getactivewindow", "getwindowname")

    def wait_window(self, title: str, timeout: float = 30) -> None:
        """Until the active window's title contains ``title``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.check_alive()
            if title in self.active_title():
                time.sleep(0.15)  # the dialog's focus widget settles
                return
            time.sleep(0.1)
        raise AssertionError(f"no active window {title!r}; active: {self.active_title()!r}")

    def key(self, *keys: str) -> None:
        self.xdotool("key", "--clearmodifiers", "--delay", "40", *keys)

    def type(self, text: str) -> None:
        self.xdotool("type", "--clearmodifiers", "--delay", "25", text)

    def screenshot(self, path: Path) -> None:
        """The whole screen, grabbed from the X server (what a person sees)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        code = (
            "import sys\n"
            "from PySide6.QtGui import QGuiApplication\n"
            "app = QGuiApplication(sys.argv[:1])\n"
            "image = app.primaryScreen().grabWindow(0)\n"
            "sys.exit(0 if image.save(sys.argv[1]) else 1)\n"
        )
        env = self.env()
        env.pop("BUREAU_APP_LOG", None)
        subprocess.run([sys.executable, "-c", code, str(path)], env=env, check=True, timeout=60)

    # --- the application's log ---------------------------------------------------------------

    def check_alive(self) -> None:
        if self.app is not None and self.app.poll() is not None:
            raise AppFailedError(
                f"bureau-app exited with {self.app.returncode}:\n{self.log_tail()}"
            )

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def new_lines(self) -> list[str]:
        if not self.log_path.exists():
            return []
        with self.log_path.open("rb") as handle:
            handle.seek(self._log_offset)
            data = handle.read()
        end = data.rfind(b"\n")
        if end < 0:
            return []
        self._log_offset += end + 1
        return data[: end + 1].decode(errors="replace").splitlines()

    def wait_for(
        self,
        pattern: str,
        timeout: float = 300,
        allow_failure: Callable[[str], bool] = lambda _l: False,
    ) -> re.Match[str]:
        """The next log line matching ``pattern``; a failure line on the way fails the test."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._pending.extend(self.new_lines())
            while self._pending:
                line = self._pending.pop(0)
                if _FAILURES.search(line) and not allow_failure(line):
                    time.sleep(0.5)
                    raise AppFailedError(f"{line}\n{self.log_tail()}")
                match = regex.search(line)
                if match:
                    return match
            self.check_alive()
            time.sleep(0.05)
        raise AssertionError(f"nothing matched {pattern!r} in time:\n{self.log_tail()}")
