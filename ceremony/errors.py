"""The one base of every error Bureau raises on purpose.

Each error carries a French sentence for the person at the keyboard (what
happened, what to do) and a technical cause for the log. Neither may contain a
secret: no PIN, key share or credential ever goes into an error.
"""

from __future__ import annotations


class CeremonyError(Exception):
    """Base of Bureau's named errors.

    ``user_message`` is French, for the bureau member or the expert;
    ``technical`` is English, for the log and the folded "details" view.
    """

    default_message = "Une erreur est survenue."

    def __init__(self, technical: str = "", *, user_message: str | None = None) -> None:
        self.user_message = user_message or self.default_message
        self.technical = technical
        super().__init__(f"{self.user_message} [{technical}]" if technical else self.user_message)
