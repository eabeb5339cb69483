"""A PIN handler for the command line: asks with ``getpass`` (nothing echoed).

New PINs are typed twice; a mismatch asks again (three rounds at most), an
empty answer cancels. The reading function is injectable for tests.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from ceremony.cards.errors import PinEntryCancelledError
from ceremony.cards.interface import PinKind, PinPrompt

NEW_KINDS = (PinKind.NEW_USER, PinKind.NEW_ADMIN, PinKind.NEW_RESET)


def _say(text: str) -> None:
    print(text, file=sys.stderr)


@dataclass
class ConsolePinHandler:
    """``PinHandler`` reading codes from the terminal."""

    read: Callable[[str], str] = getpass.getpass
    say: Callable[[str], None] = field(default=_say)

    def get_pin(self, prompt: PinPrompt, tries_left: int | None) -> str:
        who = f" ({prompt.holder})" if prompt.holder else ""
        self.say(f"Carte {prompt.card_serial}{who} : {prompt.message}")
        if tries_left is not None:
            self.say(f"Essais restants avant blocage : {tries_left}.")
        for _ in range(3):
            pin = self.read("Code : ")
            if not pin:
                raise PinEntryCancelledError("empty PIN typed at the console")
            if prompt.kind not in NEW_KINDS or self.read("Confirmez le code : ") == pin:
                return pin
            self.say("Les deux saisies diffèrent. Recommencez.")
        raise PinEntryCancelledError("new PIN confirmation failed three times")
