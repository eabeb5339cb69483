"""Whether Qt can open a window here, asked before the QApplication exists.

When Qt's ``xcb`` plugin cannot start, most often because there is no X
server at all, Qt aborts the process with a hint that ``libxcb-cursor0`` may be
missing, even when the library is installed (the frozen bundle carries it).
The operator must read instead that no display was found, in French then in
English, and the process exits normally.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# Platforms that draw without any display server.
HEADLESS_PLATFORMS = frozenset(
    {"offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs", "vkkhrdisplay"}
)


@dataclass(frozen=True)
class DisplayProblem:
    french: str
    english: str

    def message(self) -> str:
        return f"bureau-app : {self.french}\nbureau-app: {self.english}\n"


NO_DISPLAY = DisplayProblem(
    french=(
        "aucun écran trouvé (ni DISPLAY ni WAYLAND_DISPLAY n'est défini). "
        "Lancez l'application depuis la session graphique du poste ; "
        "les commandes « bureau » fonctionnent sans écran."
    ),
    english=(
        "no display found (neither DISPLAY nor WAYLAND_DISPLAY is set). "
        "Start the application from the computer's graphical session; "
        "the `bureau` commands work without a display."
    ),
)


def _requested_platforms(environ: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt will try, in order (QT_QPA_PLATFORM may list several)."""
    requested = environ.get("QT_QPA_PLATFORM", "")
    names = [part.split(":", 1)[0].strip() for part in requested.split(";")]
    names = [name for name in names if name]
    if names:
        return names
    # Qt's default on Linux: Wayland in a Wayland session, X11 otherwise.
    if environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get("WAYLAND_DISPLAY"):
        return ["wayland", "xcb"]
    return ["xcb"]


def _has_server(name: str, environ: Mapping[str, str]) -> bool:
    if name in HEADLESS_PLATFORMS:
        return True
    if name == "xcb":
        return bool(environ.get("DISPLAY"))
    if name.startswith("wayland"):
        return bool(environ.get("WAYLAND_DISPLAY"))
    # A platform this check does not know: let Qt judge.
    return True


def _plugin_file(platforms_dir: Path, name: str) -> Path:
    return platforms_dir / f"libq{name}.so"


def display_problem(
    environ: Mapping[str, str], platforms_dir: Path | None
) -> DisplayProblem | None:
    """Why Qt could not open a window with this environment, or None if it can.

    ``platforms_dir`` is Qt's ``plugins/platforms`` folder (None: unknown, the
    plugin is then not looked for).
    """
    candidates = _requested_platforms(environ)
    usable = [name for name in candidates if _has_server(name, environ)]
    if not usable:
        return NO_DISPLAY
    if platforms_dir is None:
        return None
    if any(_plugin_file(platforms_dir, name).is_file() for name in usable):
        return None
    french = ", ".join(f"« {name} »" for name in usable)
    english = ", ".join(f"'{name}'" for name in usable)
    return DisplayProblem(
        french=(
            f"le module d'affichage de Qt {french} est absent de {platforms_dir} : "
            "l'installation est incomplète, réinstallez Bureau."
        ),
        english=(
            f"Qt's display plugin {english} is missing from {platforms_dir}: "
            "the installation is incomplete, reinstall Bureau."
        ),
    )


def _platforms_dir(environ: Mapping[str, str]) -> Path:
    override = environ.get("QT_QPA_PLATFORM_PLUGIN_PATH")
    if override:
        return Path(override)
    # QtCore alone creates no application and needs no display.
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"


def display_problem_here() -> DisplayProblem | None:
    """The check for this process (Linux only: Windows and macOS always have a screen)."""
    if not sys.platform.startswith("linux"):
        return None
    return display_problem(os.environ, _platforms_dir(os.environ))
