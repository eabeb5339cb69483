"""The delegates' public voutputs in a ceremony archive (``keys/voutputs.json``).

A recount from the archive alone needs them: a delegate's card holds a
Pedersen seed, and only the voutput (§4.6.6, public: its ``private_key`` field
is the share encrypted to that delegate) turns the seed into the share. The
file is accounted for only when its hash is the one the key ceremony
journaled (``keys.generated`` → ``voutputs``); any other content is a file no
step of the ceremony accounts for. Archives written before this file existed
still verify without it.
"""

from __future__ import annotations

from typing import Any, Final

VOUTPUTS_FILE: Final = "keys/voutputs.json"


def expected_key_files(ctx: Any) -> set[str]:
    """``{VOUTPUTS_FILE}`` when the archive holds the journaled voutputs, else nothing."""
    state = ctx.facts.get("state")
    index = ctx.facts.get("index") or {}
    keys = getattr(state, "keys", None)
    if keys and VOUTPUTS_FILE in index and index[VOUTPUTS_FILE] == keys.get("voutputs"):
        return {VOUTPUTS_FILE}
    return set()
