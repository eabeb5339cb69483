"""Bureau's core: the bureau de vote électronique's ceremony, without any GUI.

Nothing under this package may import Qt (tests/test_architecture.py checks it).
"""

__version__ = "0.1.0"
