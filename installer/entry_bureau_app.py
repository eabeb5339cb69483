"""Frozen entry point of `bureau-app`, the GUI (see installer/bureau.spec)."""

import multiprocessing
import sys

from bureau_app.main import main

if __name__ == "__main__":
    # A frozen program started as a worker process must run the worker, not main().
    multiprocessing.freeze_support()
    sys.exit(main())
