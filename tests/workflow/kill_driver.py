"""Run the small demo ceremony, killing this process (SIGKILL) inside the N-th
journal append of this run, i.e. inside a step's store transaction, before it
commits. Usage: python -m tests.workflow.kill_driver FOLDER N (N = 0: no kill).
"""

from __future__ import annotations

import io
import os
import signal
import sys
from pathlib import Path
from typing import Any

from ceremony.store.store import Transaction
from ceremony.workflow.demo import run_demo
from tests.workflow.ceremony_setup import BALLOTS, SEED, small_description


def main() -> None:
    folder, target = Path(sys.argv[1]), int(sys.argv[2])
    original = Transaction.append
    calls = 0

    def append_then_die(self: Transaction, **kwargs: Any) -> Any:
        nonlocal calls
        entry = original(self, **kwargs)
        calls += 1
        if calls == target:
            print(f"KILLED in {kwargs['action']}", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
        return entry

    Transaction.append = append_then_die  # type: ignore[method-assign]
    run_demo(folder, BALLOTS, seed=SEED, description=small_description(), stream=io.StringIO())
    print("COMPLETED", flush=True)


if __name__ == "__main__":
    main()
