"""The « Cartes » menu of a ceremony window: opens the card dialog on the adapter's bureau.

The dialog gets this bureau's cards (training cards in training, the PC/SC
readers otherwise), its PIN dialog bridge and its job runner; after a check,
unblock or wipe the journal view is refreshed (the engine journaled the act).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from bureau_app.card_manage import CardAction, CardManageDialog
from bureau_app.roles import list_names, role_word

if TYPE_CHECKING:
    from bureau_app.adapter import CeremonyAdapter

log = logging.getLogger(__name__)


class CardManager(QObject):
    """One per ceremony window; ``open(action)`` for each entry of the « Cartes » menu."""

    opened = Signal(object)  # the CardManageDialog, for tests and accessibility tools

    def __init__(self, adapter: CeremonyAdapter) -> None:
        super().__init__(adapter)
        self._adapter = adapter
        self.dialog: CardManageDialog | None = None

    def open(self, action_key: str) -> CardManageDialog | None:
        adapter = self._adapter
        window = adapter.window
        if adapter.busy:
            window.statusBar().showMessage(
                self.tr("Une étape est en cours : attendez sa fin avant d'utiliser une carte."),
                10_000,
            )
            return None
        action = CardAction(action_key)
        state = adapter.bureau.state
        definition = adapter.definition(state)
        members: list[tuple[str, str]] = []
        if definition is not None:
            lists = list_names(definition)
            members = [
                (m.member_id, f"{m.name} ({role_word(m, lists)})") for m in definition.members
            ]
        source = adapter.card_source()
        serials = {str(card["serial"]): member_id for member_id, card in state.members.items()}
        first = members[0][0] if members else ""
        reader = source.reader_widget(first) if first else None
        dialog = CardManageDialog(
            action,
            events=source.events,
            open_client=source.client,
            runner=window.runner,
            pins=adapter.pins,
            bureau=adapter.bureau,
            members=members,
            serials=serials,
            reader=reader,
            parent=window,
        )
        dialog.journal_changed.connect(adapter.refresh)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        log.info("card dialog opened: %s", action.value)
        self.opened.emit(dialog)
        return dialog
