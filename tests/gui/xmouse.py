"""A whole training ceremony in the real `bureau-app`, with the mouse only (xdotool).

Like ``tests.gui.xceremony`` (the keyboard-only run) the members are played from
another process: they read the application's log to know what it asks. Where to
click, they learn as a person does by looking at the screen: the application,
started with ``BUREAU_APP_GEOMETRY`` (``bureau_app.geometry_dump``), writes where its
visible widgets are; the driver moves the X pointer there and clicks (real X events
through xdotool). The keyboard is used only to type text into a field the mouse
clicked first (codes, the fingerprint, a value for the drawing of lots): no key ever
navigates, confirms or cancels.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ceremony.cards.interface import PinKind, PinPrompt
from ceremony.workflow.demo import DemoPins
from tests.gui.xceremony import MEMBERS, Plan, lots_value
from tests.gui.xsession import SEED, AppFailedError, XSession

GEOMETRY_ENV = "BUREAU_APP_GEOMETRY"
LAST_STEP = "export_archive"
WRONG_PIN = "97531864"

_ASKS = (
    r"step started: (\w+)|step finished: (\w+)|dialog opened: (\w+)"
    r"|card prompt opened|quorum prompt opened: (\w+)"
    r"|quorum prompt: card of ([\w-]+) (checked, more needed|checked, complete"
    r"|not taken: (\w+))|PIN asked: card (\S+), ([\w-]+)"
    r"|lots value asked: ([\w-]+), (\w+)|step stopped by a cancelled entry: (\w+)"
)
"""What the application's log says it asks of the members (or that a step began/ended)."""
_CLICK_TAKES = 15.0
"""Seconds within which a next-action click is followed by one of those lines."""

Widget = dict[str, Any]
Window = dict[str, Any]
State = dict[str, Any]


@dataclass
class MouseSession(XSession):
    """``XSession`` whose application also says where its widgets are (test-only dump)."""

    @property
    def geometry_path(self) -> Path:
        return self.folder / "geometry.json"

    def key(self, *keys: str) -> None:
        raise AssertionError(f"the mouse-only run pressed keys: {keys}")

    def env(self) -> dict[str, str]:
        env = super().env()
        env[GEOMETRY_ENV] = str(self.geometry_path)
        return env

    # --- what is on screen ---------------------------------------------------------------

    def state(self) -> tuple[int, State]:
        """(sequence number, what the application last said is on screen)."""
        for _ in range(50):
            try:
                data = json.loads(self.geometry_path.read_text(encoding="utf-8"))
                return int(data["seq"]), data["state"]
            except (OSError, ValueError, KeyError):
                time.sleep(0.05)
        raise AssertionError(f"no geometry from the application in {self.geometry_path}")


def _plain(text: str) -> str:
    return text.replace("&", "")


def matches(widget: Widget, **query: str) -> bool:
    """``name``/``text``/``object``/``cls`` equal; ``name_has``/``text_has`` contain."""
    for key, wanted in query.items():
        if key == "cls" and widget["class"] != wanted:
            return False
        if key == "object" and widget["object"] != wanted:
            return False
        if key == "name" and widget["name"] != wanted:
            return False
        if key == "text" and _plain(widget["text"]) != wanted:
            return False
        if key == "name_has" and wanted not in widget["name"]:
            return False
        if key == "text_has" and wanted not in _plain(widget["text"]):
            return False
    return True


@dataclass
class Mouse:
    """Finds widgets in the application's geometry and clicks them with the X pointer."""

    x: MouseSession
    clicks: int = 0
    typed: int = 0

    def windows(self, state: State) -> Iterator[Window]:
        yield from state["windows"]

    def top_window(self, state: State) -> Window | None:
        """The window a person would be looking at: a popup, else a modal dialog, else active."""
        for flag in ("popup", "modal", "active"):
            for window in state["windows"]:
                if window[flag]:
                    return window
        return None

    def find(self, state: State, window: str | None = None, **query: str) -> Widget | None:
        top = self.top_window(state)
        for candidate in state["windows"]:
            if window is not None and window not in candidate["title"]:
                continue
            if window is None and candidate is not top:
                continue
            for widget in candidate["widgets"]:
                if matches(widget, **query):
                    return widget
        return None

    def wait_widget(
        self, window: str | None = None, timeout: float = 60, enabled: bool = True, **query: str
    ) -> Widget:
        """The widget, once it is shown (enabled) and has not moved for two dumps."""
        deadline = time.monotonic() + timeout
        seen: tuple[int, list[int]] | None = None
        while time.monotonic() < deadline:
            self.x.check_alive()
            seq, state = self.x.state()
            widget = self.find(state, window, **query)
            ready = widget is not None and (widget["enabled"] or not enabled)
            if ready and widget is not None and self._in_top(state, window):
                # Nothing on screen changed since the last look: the widget is where it is.
                if seen == (seq, widget["rect"]):
                    return widget
                seen = (seq, widget["rect"])
            else:
                seen = None
            time.sleep(0.2)
        raise AssertionError(
            f"no {query} in {window!r}; on screen: {self.describe(self.x.state()[1])}"
        )

    def _in_top(self, state: State, window: str | None) -> bool:
        # Clicking a window hidden behind a modal dialog does nothing, for a person too.
        top = self.top_window(state)
        return top is not None and (window is None or window in top["title"])

    def describe(self, state: State) -> str:
        lines = []
        for window in state["windows"]:
            flags = [f for f in ("popup", "modal", "active") if window[f]]
            lines.append(f"[{window['title']!r} {window['class']} {flags}]")
            for widget in window["widgets"]:
                if widget["class"] in ("QPushButton", "QLineEdit", "QComboBox", "QToolButton"):
                    lines.append(
                        f"   {widget['class']} {widget['object']!r} {widget['name']!r} "
                        f"{widget['text']!r} enabled={widget['enabled']}"
                    )
        return "\n".join(lines)

    def click_rect(self, rect: list[int]) -> None:
        left, top, width, height = rect
        x, y = left + width // 2, top + height // 2
        self.x.xdotool("mousemove", "--sync", str(x), str(y))
        time.sleep(0.08)
        self.x.xdotool("click", "1")
        self.clicks += 1

    def click(self, window: str | None = None, timeout: float = 60, **query: str) -> Widget:
        widget = self.wait_widget(window, timeout, **query)
        self.click_rect(widget["rect"])
        return widget

    def type_into(self, text: str, window: str | None = None, **query: str) -> None:
        """Click a text field (the mouse gives the focus), then type text into it."""
        field_widget = self.click(window, **query)
        self.wait_focus(field_widget, window)
        self.x.type(text)
        self.typed += 1

    def wait_focus(self, widget: Widget, window: str | None, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            _seq, state = self.x.state()
            found = self.find(state, window, cls=widget["class"], name=widget["name"])
            if found is not None and found["focus"]:
                return
            time.sleep(0.1)
        raise AssertionError(f"the click did not give the focus to {widget['name']!r}")

    def choose(self, row: int, window: str | None = None, **combo: str) -> None:
        """Open a combo box with a click and click one of its rows in the popup.

        A person looks again when the list did not do what they meant: the choice is
        checked in the combo box afterwards, and made again if it did not take.
        """
        for _attempt in range(4):
            if self._popup() is None:
                self.click(window, **combo)
            item = self._stable_popup_item(row)
            if item is None:
                continue
            self.click_rect(item["rect"])
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                _seq, state = self.x.state()
                shown = self.find(state, window, **combo)
                if self._popup() is None and shown is not None and shown["text"] == item["text"]:
                    return
                time.sleep(0.1)
        raise AssertionError(f"row {row} of {combo} could not be chosen")

    def _popup(self) -> Window | None:
        _seq, state = self.x.state()
        return next((w for w in state["windows"] if w["popup"]), None)

    def _stable_popup_item(self, row: int, timeout: float = 10) -> Widget | None:
        """The popup's row once the popup has stopped moving (two identical looks)."""
        deadline = time.monotonic() + timeout
        seen: tuple[int, list[int]] | None = None
        while time.monotonic() < deadline:
            seq, state = self.x.state()
            popup = next((w for w in state["windows"] if w["popup"]), None)
            found = None
            if popup is not None:
                for widget in popup["widgets"]:
                    for item in widget.get("items", []):
                        if item.get("row") == row:
                            found = item
            if found is not None:
                if seen == (seq, found["rect"]):
                    return found
                seen = (seq, found["rect"])
            time.sleep(0.2)
        return None

    def menu(self, *path: str) -> None:
        """Click a menu of the menu bar, then its items (text without "&", "…" kept)."""
        _seq, state = self.x.state()
        bar = self.find(state, None, cls="QMenuBar")
        assert bar is not None, self.describe(state)
        item = next(i for i in bar["items"] if _plain(i["text"]) == path[0])
        self.click_rect(item["rect"])
        for text in path[1:]:
            self.click_item_in_popup(text)

    def click_item_in_popup(self, text: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            _seq, state = self.x.state()
            for window in state["windows"]:
                if not window["popup"]:
                    continue
                for widget in window["widgets"]:
                    for item in widget.get("items", []):
                        if _plain(item["text"]).split("\t")[0] == text and item.get(
                            "enabled", True
                        ):
                            time.sleep(0.2)
                            self.click_rect(item["rect"])
                            return
            time.sleep(0.1)
        raise AssertionError(f"no menu item {text!r}")


@dataclass
class MouseCeremony:
    """The members of the demo bureau running a whole training ceremony with the mouse."""

    x: MouseSession
    fingerprint: str
    plan: Plan = field(default_factory=Plan)
    shots: Path | None = None
    on_page: Callable[[MouseCeremony, str], None] | None = None
    """Called on the main window before each next action (the screenshot script's tour)."""
    steps: list[str] = field(default_factory=list)
    incidents: list[str] = field(default_factory=list)
    checked: dict[str, list[str]] = field(default_factory=dict)
    lots: list[tuple[str, str]] = field(default_factory=list)
    mouse: Mouse = field(init=False)
    projected: tuple[list[int], list[int]] | None = None
    """(the projection window's rectangle, the screen's size) when it was open."""
    reclicks: int = 0
    """Next-action clicks made again because the first one did not take (a missed click)."""
    _awaiting: bool = False
    _step: str = ""
    _inserted: int = 0
    _lots_cancelled: bool = False
    _pin_trouble_done: set[str] = field(default_factory=set)
    _shot_names: set[str] = field(default_factory=set)
    _serials: dict[str, str] = field(default_factory=dict)
    _sessions: list[str] = field(default_factory=list)
    """The sessions opened so far, in order ("sealing", then "count")."""
    _arrivals: list[str] = field(default_factory=list)
    """Arrivals still to enter in the session just opened."""
    roll_call_keys: list[str] = field(default_factory=list)
    """What was chosen at each roll-call, for the test to check."""

    def __post_init__(self) -> None:
        self.mouse = Mouse(self.x)

    def shot(self, name: str) -> None:
        if self.shots is None or name in self._shot_names:
            return
        self._shot_names.add(name)
        width, height = self.x.size
        self.x.screenshot(self.shots / f"{width}x{height}-{len(self._shot_names):02d}-{name}.png")

    def member_of(self, serial: str) -> str:
        if serial not in self._serials:
            from ceremony.cards.training import TrainingCard

            folder = self.x.folder / "demo" / "cartes-entrainement"
            for path in folder.glob("*.card"):
                self._serials[TrainingCard(path).serial] = path.stem
        return self._serials[serial]

    # --- the members' clicks -------------------------------------------------------------

    def next_action(self) -> None:
        self.mouse.wait_widget(None, object="next_action")
        if self.on_page is not None:
            self.on_page(self, f"main-{len(self.steps) + 1:02d}")
        self.shot(f"main-{len(self.steps) + 1:02d}")
        self.mouse.click(None, object="next_action")
        self._awaiting = True

    def fingerprint_dialog(self) -> None:
        window = "Empreinte"
        self.mouse.type_into(self.fingerprint, window, name="Empreinte de la clé de la plateforme")
        self.shot("fingerprint-typed")
        self.mouse.click(window, cls="QPushButton", name_has="Confirmer")

    def expert_dialog(self) -> None:
        self.mouse.wait_widget("Conclusions", name="Nom de l'expert")
        self.shot("expert")
        self.mouse.click("Conclusions", cls="QPushButton", name="Consigner")

    def card_prompt(self) -> None:
        self.mouse.wait_widget("Carte à insérer", name="Insérer la carte d'entraînement choisie")
        self.shot("card-prompt")
        self.mouse.click("Carte à insérer", name="Insérer la carte d'entraînement choisie")

    def insert_card(self) -> None:
        reader = "Insérer la carte d'entraînement choisie"
        self.mouse.wait_widget(None, name=reader)
        wanted = self.plan.cards.get(self._step)
        if wanted is not None and self._inserted < len(wanted):
            member = wanted[self._inserted]
            self.mouse.choose(MEMBERS.index(member), None, name="Carte d'entraînement à insérer")
            time.sleep(0.3)
            self.shot(f"quorum-{self._step}-{member}")
        else:
            self.shot(f"quorum-{self._step}")
        self.mouse.click(None, name=reader)
        self._inserted += 1

    def answer_pin(self, serial: str, kind: str) -> None:
        window = "Code de la carte"
        member = self.member_of(serial)
        pin_kind = PinKind(kind)
        pin = DemoPins(SEED, member).get_pin(PinPrompt(pin_kind, "", serial), None)
        trouble = self._step not in self._pin_trouble_done and pin_kind is PinKind.USER
        if trouble and self._step in self.plan.cancel_pin:
            self._pin_trouble_done.add(self._step)
            self.mouse.wait_widget(window, name="Code de la carte (masqué)")
            self.shot("pin-before-cancel")
            self.mouse.click(window, name="Annuler la saisie du code")
            self.incidents.append(f"{self._step}: PIN of {member} cancelled")
            return
        typed = WRONG_PIN if trouble and self._step in self.plan.wrong_pin else pin
        self.mouse.type_into(typed, window, name="Code de la carte (masqué)")
        if pin_kind in (PinKind.NEW_USER, PinKind.NEW_ADMIN, PinKind.NEW_RESET):
            self.mouse.type_into(pin, window, name="Nouveau code, une seconde fois (masqué)")
        if typed == WRONG_PIN:
            self._pin_trouble_done.add(self._step)
            self.incidents.append(f"{self._step}: wrong PIN for {member}")
        self.shot(f"pin-{kind}")
        self.mouse.click(window, name="Valider le code")

    def lots_value(self, member: str, phase: str) -> None:
        window = "Tirage au sort"
        self.mouse.wait_widget(window, cls="QLineEdit")
        if self.plan.cancel_lots and not self._lots_cancelled:
            self._lots_cancelled = True
            self.shot("lots-before-cancel")
            self.mouse.click(window, cls="QPushButton", text_has="nnuler")
            self.incidents.append(f"lots value of {member} cancelled")
            return
        self.shot(f"lots-{phase}-{member}")
        self.mouse.type_into(lots_value(member), window, cls="QLineEdit")
        self.mouse.click(window, cls="QPushButton", text="OK")
        self.lots.append((member, phase))

    def results_page(self) -> None:
        """The results open by themselves after the count; "Continuer" is clicked."""
        self.x.wait_for(r"page shown: results", timeout=30)
        self.mouse.wait_widget(None, name="Revenir à l'étape en cours")
        if self.on_page is not None:
            self.on_page(self, "results")
        self.shot("results")
        self.project()
        self.mouse.click(None, name="Revenir à l'étape en cours")
        self.incidents.append("results shown after the count")

    def project(self) -> None:
        """ "Projeter": full screen for the public, paged and closed with the mouse."""
        self.mouse.click(None, name_has="Projeter les résultats")
        window = "Projection"
        self.mouse.wait_widget(window, name="Fermer la projection")
        _seq, state = self.x.state()
        shown = next(w for w in state["windows"] if w["title"].startswith(window))
        self.projected = (shown["rect"], list(self.x.size))
        self.shot("projection-1")
        self.mouse.click(window, name="Scrutin suivant")
        self.mouse.wait_widget(window, name="Scrutin précédent")  # enabled: on the second
        self.shot("projection-2")
        self.mouse.click(window, name="Fermer la projection")
        self.mouse.wait_widget(None, name="Revenir à l'étape en cours")
        self.incidents.append("results projected, paged and closed")

    def retry_pin(self, member: str) -> None:
        self.mouse.wait_widget(None, name_has="Ressaisir le code de")
        self.shot(f"quorum-after-pin-trouble-{self._step}")
        self.mouse.click(None, name_has="Ressaisir le code de")
        self.incidents.append(f"{self._step}: PIN of {member} typed again")

    # --- the sessions: roll-call, arrivals, closing ---------------------------------------

    def open_session(self) -> None:
        """The call: each member's line has a list (Présent, Absent, Remplacé…) chosen with
        the mouse; a substitute delegate's name is typed into the field of that line."""
        window = "Appel des membres"
        self.mouse.wait_widget(window, cls="QPushButton", name="Consigner l'appel")
        session = "sealing" if not self._sessions else "count"
        self._sessions.append(session)
        plan = self.plan.roll_calls.get(session, {})
        _seq, state = self.x.state()
        shown = next(w for w in state["windows"] if window in w["title"])
        # The lines in the definition's order, top to bottom, as a person reads them.
        combos = sorted(
            (w for w in shown["widgets"] if w["class"] == "QComboBox"),
            key=lambda w: w["rect"][1],
        )
        combos = [w for w in combos if w["name"].startswith("Présence de")]
        assert len(combos) == len(MEMBERS), self.mouse.describe(state)
        for member, combo in zip(MEMBERS, combos, strict=True):
            wanted = plan.get(member, "present")
            if wanted == "absent":
                self.mouse.choose(1, window, name=combo["name"])
            elif wanted.startswith("replaced"):
                self.mouse.choose(2, window, name=combo["name"])
                _, _, substitute = wanted.partition(":")
                if substitute:
                    line = self._field_beside(window, combo)
                    self.mouse.type_into(substitute, window, cls="QLineEdit", name=line)
            self.roll_call_keys.append(f"{session}:{member}:{wanted}")
        self.shot(f"rollcall-open-{session}")
        self.mouse.click(window, cls="QPushButton", name="Consigner l'appel")
        self._arrivals = list(self.plan.arrivals.get(session, []))

    def _field_beside(self, window: str, combo: Widget) -> str:
        """The accessible name of the substitute's field on the combo box's line."""
        _seq, state = self.x.state()
        shown = next(w for w in state["windows"] if window in w["title"])
        middle = combo["rect"][1] + combo["rect"][3] // 2
        for widget in shown["widgets"]:
            top, height = widget["rect"][1], widget["rect"][3]
            if widget["class"] == "QLineEdit" and top <= middle <= top + height:
                return str(widget["name"])
        raise AssertionError(f"no substitute field beside {combo['name']!r}")

    def enter_arrival(self, member: str) -> None:
        """Séance ▸ Arrivée ou départ d'un membre…, from the menu bar, with the mouse."""
        self.mouse.wait_widget(None, object="next_action")
        self.shot(f"main-before-arrival-{member}")
        self.mouse.menu("Séance", "Arrivée ou départ d'un membre…")
        self.incidents.append(f"arrival of {member} entered")

    def movement(self) -> None:
        """An arrival: the only absent member is proposed, at the time of the clock."""
        window = "Arrivée ou départ"
        self.mouse.wait_widget(window, cls="QPushButton", name="Consigner")
        self.shot(f"rollcall-arrival-{self._sessions[-1]}")
        self.mouse.click(window, cls="QPushButton", name="Consigner")

    def close_session(self) -> None:
        window = "Lever la"
        self.mouse.wait_widget(window, cls="QPushButton", name="Lever la séance")
        self.shot(f"rollcall-close-{self._sessions[-1]}")
        self.mouse.click(window, cls="QPushButton", name="Lever la séance")

    # --- the ceremony --------------------------------------------------------------------

    def run(self, timeout: float = 900) -> list[str]:
        deadline = time.monotonic() + timeout
        self.next_action()
        while time.monotonic() < deadline:
            remaining = max(1.0, deadline - time.monotonic())
            try:
                line = self.x.wait_for(
                    _ASKS, timeout=min(remaining, _CLICK_TAKES) if self._awaiting else remaining
                )
            except AppFailedError:
                raise
            except AssertionError:
                if not self._awaiting:
                    raise
                # Nothing followed the click: it was lost; a person clicks again.
                self.reclicks += 1
                self.mouse.click(None, object="next_action")
                continue
            self._awaiting = False
            text = line.group(0)
            if text.startswith("step started"):
                self._step = line.group(1)
                self._inserted = 0
            elif text.startswith("step finished"):
                self.steps.append(line.group(2))
                if line.group(2) == LAST_STEP:
                    self.shot("main-finished")
                    return self.steps
                if line.group(2) == "count":
                    self.results_page()
                if line.group(2) in ("open_session", "session_movement") and self._arrivals:
                    self.enter_arrival(self._arrivals.pop(0))
                    continue
                self.next_action()
            elif text.startswith("dialog opened"):
                kind = line.group(3)
                if kind == "FingerprintDialog":
                    self.fingerprint_dialog()
                elif kind == "ExpertDialog":
                    self.expert_dialog()
                elif kind == "SessionOpenDialog":
                    self.open_session()
                elif kind == "SessionCloseDialog":
                    self.close_session()
                elif kind == "MovementDialog":
                    self.movement()
                elif kind == "ErrorDialog":
                    raise AppFailedError(f"error dialog at {self._step}:\n{self.x.log_tail()}")
            elif text.startswith("card prompt opened"):
                self.card_prompt()
            elif text.startswith("quorum prompt opened"):
                self.insert_card()
            elif text.startswith("quorum prompt: card of"):
                member, what = line.group(5), line.group(6)
                if what.startswith("checked"):
                    self.checked.setdefault(self._step, []).append(member)
                    if what.endswith("more needed"):
                        self.insert_card()
                else:
                    self.retry_pin(member)
            elif text.startswith("PIN asked"):
                self.answer_pin(line.group(8), line.group(9))
            elif text.startswith("lots value asked"):
                self.lots_value(line.group(10), line.group(11))
            elif text.startswith("step stopped by a cancelled entry"):
                self.incidents.append(f"{self._step} stopped by {line.group(12)}, redone")
                self.next_action()
        raise AssertionError(f"the ceremony did not end in time; steps: {self.steps}")
