"""Frozen entry point of the `bureau` command (see installer/bureau.spec)."""

import multiprocessing
import sys

from ceremony.cli import main

if __name__ == "__main__":
    # A frozen program started as a worker process must run the worker, not main().
    multiprocessing.freeze_support()
    sys.exit(main())
