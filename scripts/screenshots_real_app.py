"""Screenshots of every page of the real `bureau-app` through a whole training ceremony.

    .venv/bin/python scripts/screenshots_real_app.py OUT_DIR [--sizes 1280x720,1920x1080]

For each screen size: Xvfb + window manager + the application (another process),
driven with the mouse (``tests.gui.xmouse``) through the training ceremony; the
whole X screen is grabbed at every step's page, every dialog (fingerprint, card and
quorum prompts, codes, drawing of lots, expert, the roll-call of each session, an
arrival, the closing of each session), the help, the procès-verbal before
signing, the results and their projection full screen, the journal, expert mode and
the end-of-ceremony summary. PNGs go to OUT_DIR/<W>x<H>-<lang>/. Not a test: look at
the images. French only (the driver finds widgets by their French names). Needs
Xvfb, xdotool and matchbox-window-manager (bootstrap.sh --dev).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.gui.xceremony import Plan, platform_fingerprint  # noqa: E402
from tests.gui.xmouse import MouseCeremony, MouseSession  # noqa: E402
from tests.gui.xsession import missing_tools  # noqa: E402

# The count with a replacement (the secretary opens, Dr Benali for Dr Perrin) and a wrong
# code at the seal: the prompts' other states are in the pictures too. The roll-calls: a
# delegate late for the sealing session (his arrival entered), the president replaced by
# the secretary and a delegate by the substitute his union named at the count.
PLAN = Plan(
    roll_calls={
        "sealing": {"del-inph": "absent"},
        "count": {"presidente": "replaced", "del-inph": "replaced:Dr Marc Lefort"},
    },
    arrivals={"sealing": ["del-inph"]},
    cards={"count": ["secretaire", "del-aph", "del-cmh-snam"]},
    wrong_pin={"sign_seal"},
)


class Tour:
    """The pages a member opens on the way, besides the steps: help, PV, projection…"""

    def __init__(self) -> None:
        self.done: set[str] = set()

    def __call__(self, run: MouseCeremony, name: str) -> None:
        mouse = run.mouse
        if "help" not in self.done:
            self.done.add("help")
            mouse.click(None, object="link_help")
            mouse.wait_widget("Aide", name="Texte de l'aide")
            run.shot("help-step")
            mouse.click("Aide", name="Aide de toutes les étapes")
            time.sleep(0.5)
            run.shot("help-all")
            mouse.click("Aide", name="Liste à cocher de la séance de dépouillement")
            time.sleep(0.5)
            run.shot("help-checklist-count")
            mouse.click("Aide", cls="QPushButton", text="Fermer")
            mouse.wait_widget(None, object="next_action")
        if name == "results" and "results" not in self.done:
            self.done.add("results")
            self._scroll_results(run)
        if "pv" not in self.done and self._enabled(run, "link_pv"):
            self.done.add("pv")
            mouse.click(None, object="link_pv")
            mouse.wait_widget(None, timeout=120, enabled=False, name_has="Page 1 sur")
            time.sleep(0.5)
            run.shot("pv-preview-before-signing")
            mouse.click(None, cls="QPushButton", text="Retour à l'étape en cours")
            mouse.wait_widget(None, object="next_action")

    @staticmethod
    def _enabled(run: MouseCeremony, object_name: str) -> bool:
        _seq, state = run.x.state()
        widget = run.mouse.find(state, None, object=object_name)
        return widget is not None and bool(widget["enabled"])

    @staticmethod
    def _scroll_results(run: MouseCeremony) -> None:
        """The other contests of the results page (chosen in its list with the mouse)."""
        _seq, state = run.x.state()
        box = run.mouse.find(state, None, name="Aller au scrutin")
        if box is None:
            return
        run.mouse.choose(1, None, name="Aller au scrutin")
        time.sleep(0.5)
        run.shot("results-second-contest")


def final_tour(run: MouseCeremony) -> None:
    """After the archive: the summary, the journal, the results, expert mode."""
    mouse = run.mouse
    time.sleep(1.0)
    run.shot("end-summary")
    mouse.click(None, name="Ouvrir le journal")
    time.sleep(1.0)
    run.shot("journal")
    mouse.click(None, name="Ouvrir les résultats")
    time.sleep(0.5)
    run.shot("results-final")
    mouse.click(None, name="Ouvrir le mode expert")
    time.sleep(0.5)
    run.shot("expert-mode")
    mouse.click(None, name="Revenir aux étapes de la cérémonie")
    time.sleep(0.5)
    run.shot("back-to-current-step")


def one_size(out: Path, size: tuple[int, int], language: str, work: Path) -> list[Path]:
    folder = out / f"{size[0]}x{size[1]}-{language}"
    folder.mkdir(parents=True, exist_ok=True)
    x = MouseSession(work / f"{size[0]}x{size[1]}-{language}", size=size, lang=language)
    x.start_x()
    try:
        x.start_app()
        run = MouseCeremony(x, platform_fingerprint(), PLAN, folder, on_page=Tour())
        run.run()
        final_tour(run)
    finally:
        x.close()
    return sorted(folder.glob("*.png"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--sizes", default="1280x720,1920x1080")
    args = parser.parse_args(argv)
    missing = missing_tools()
    if missing:
        print(f"missing tools: {missing} (bash scripts/bootstrap.sh --dev)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="bureau-shots-") as work:
        for text in args.sizes.split(","):
            width, height = (int(v) for v in text.lower().split("x"))
            started = time.monotonic()
            shots = one_size(args.out, (width, height), "fr", Path(work))
            seconds = time.monotonic() - started
            print(f"{width}x{height}: {len(shots)} screenshots in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
