"""What the window shows about each phase: a small view-model the engine adapter implements.

The window never decides anything: it displays ``PhaseView`` objects and reports
which phase's next action the user asked for. The ceremony engine's adapter
(``ceremony.workflow``) provides the views and reacts to the request.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


class PhaseState(enum.Enum):
    TODO = "todo"
    CURRENT = "current"
    DONE = "done"


@dataclass(frozen=True)
class ChecklistItem:
    """One line of a phase's checklist (``done``: ticked) or of what has been verified."""

    label: str
    done: bool


@dataclass(frozen=True)
class OptionalAction:
    """A step the bureau may take, as often as needed, besides the phase's next action."""

    key: str
    label: str


class PhaseView(Protocol):
    """One phase as the window displays it; texts are French, written for bureau members."""

    @property
    def key(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def state(self) -> PhaseState: ...

    @property
    def checklist(self) -> Sequence[ChecklistItem]: ...

    @property
    def verified(self) -> Sequence[ChecklistItem]:
        """What has been checked so far; ``done`` False means the check FAILED (shown as such)."""
        ...

    @property
    def next_action(self) -> str | None:
        """Label of the button that starts the next step; None when nothing is to be done."""
        ...

    @property
    def optional_actions(self) -> Sequence[OptionalAction]:
        """Secondary buttons of the page (e.g. a decision during the vote); often none."""
        ...


# The bureau's phases in order, with the keys and French labels of
# ceremony.workflow.phases (a test keeps the two in step). The labels are
# repeated here as literals so that pyside6-lupdate can collect them.
PHASE_TITLES: dict[str, str] = {
    "preparation": str(QT_TRANSLATE_NOOP("Phases", "Préparation")),
    "key_ceremony": str(QT_TRANSLATE_NOOP("Phases", "Cérémonie des clés")),
    "test_vote": str(QT_TRANSLATE_NOOP("Phases", "Vote à blanc")),
    "sealing": str(QT_TRANSLATE_NOOP("Phases", "Scellement")),
    "vote_open": str(QT_TRANSLATE_NOOP("Phases", "Vote ouvert")),
    "closed": str(QT_TRANSLATE_NOOP("Phases", "Clôture et contrôle de l'urne")),
    "expert": str(QT_TRANSLATE_NOOP("Phases", "Conclusions de l'expert")),
    "count": str(QT_TRANSLATE_NOOP("Phases", "Dépouillement")),
    "pv": str(QT_TRANSLATE_NOOP("Phases", "Procès-verbal")),
    "archived": str(QT_TRANSLATE_NOOP("Phases", "Archivage et remise des clés")),
}

PHASE_KEYS: tuple[str, ...] = tuple(PHASE_TITLES)


def phase_title(view: PhaseView) -> str:
    """The phase's title in the interface language (the engine's French title if unknown)."""
    source = PHASE_TITLES.get(view.key)
    if source is None:
        return view.title
    return QCoreApplication.translate("Phases", source)


@dataclass(frozen=True)
class StaticPhase:
    """A phase with fixed content: what the window shows before the engine is connected."""

    key: str
    title: str
    state: PhaseState = PhaseState.TODO
    checklist: Sequence[ChecklistItem] = ()
    verified: Sequence[ChecklistItem] = ()
    next_action: str | None = None
    optional_actions: Sequence[OptionalAction] = ()


def unconnected_phases() -> list[StaticPhase]:
    """Every phase, to do, with no action: the frame before ``ceremony.workflow`` drives it."""
    return [StaticPhase(key, title) for key, title in PHASE_TITLES.items()]
