"""What a card's label tells its holder: Paris time, never a bare UTC stamp."""

from __future__ import annotations

from ceremony.cards.keylabel import KeyLabel


def _label(stored_at: str) -> KeyLabel:
    return KeyLabel(
        "csn", "president", "Mme Anne Rousseau", "ab" * 32, stored_at, "single", "FF00", "c1"
    )


def test_the_label_says_when_the_key_was_stored_in_paris_time() -> None:
    winter = _label("2026-12-06 19:37 UTC").describe()
    summer = _label("2026-07-01 08:05 UTC").describe()
    assert "rangée le 06/12/2026 à 20\u00a0h\u00a037 (heure de Paris)" in winter
    assert "rangée le 01/07/2026 à 10\u00a0h\u00a005 (heure de Paris)" in summer
    assert "UTC" not in winter + summer
    # A label written in another form is shown as it is, not refused.
    assert "rangée le 6 déc. 2026" in _label("6 déc. 2026").describe()
