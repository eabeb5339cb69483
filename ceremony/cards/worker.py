"""All card I/O on one thread.

:class:`CardWorker` owns a single dedicated thread; :class:`ThreadedCard`
wraps any :class:`~ceremony.cards.interface.CardClient` so that each call runs
on that thread while the caller blocks for the result (errors re-raised as
they are). The PIN handler is therefore called on the card thread: a GUI
handler must forward the request to the GUI thread and wait for the answer.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from ceremony.cards.interface import (
    CardClient,
    CardIdentity,
    CardSetup,
    PinHandler,
    Signature,
    WrapContext,
)
from ceremony.cards.keylabel import KeyLabel

_T = TypeVar("_T")


class CardWorker:
    """One thread for every card operation of the application."""

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="card-io")
        self._thread_ids: set[int] = set()
        self._executor.submit(lambda: self._thread_ids.add(threading.get_ident())).result()

    @property
    def on_card_thread(self) -> bool:
        return threading.get_ident() in self._thread_ids

    def call(self, function: Callable[[], _T]) -> _T:
        """Run ``function`` on the card thread and return its result."""
        if self.on_card_thread:
            return function()  # nested call from the card thread itself
        return self._executor.submit(function).result()

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True)


class ThreadedCard:
    """A ``CardClient`` whose every operation runs on the worker's thread."""

    def __init__(self, client: CardClient, worker: CardWorker) -> None:
        self.client = client
        self.worker = worker

    @property
    def is_training(self) -> bool:
        return self.client.is_training

    def read_identity(self) -> CardIdentity:
        return self.worker.call(self.client.read_identity)

    def initialise(self, setup: CardSetup, pins: PinHandler) -> CardIdentity:
        return self.worker.call(lambda: self.client.initialise(setup, pins))

    def sign(self, data: bytes, pins: PinHandler) -> Signature:
        return self.worker.call(lambda: self.client.sign(data, pins))

    def wrap_secret(
        self,
        secret: bytes,
        context: WrapContext,
        pins: PinHandler,
        ceremony_id: str = "",
    ) -> None:
        self.worker.call(lambda: self.client.wrap_secret(secret, context, pins, ceremony_id))

    def unwrap_secret(self, context: WrapContext, pins: PinHandler) -> bytearray:
        return self.worker.call(lambda: self.client.unwrap_secret(context, pins))

    def read_key_label(self) -> KeyLabel | None:
        return self.worker.call(self.client.read_key_label)

    def erase_key(self, pins: PinHandler) -> KeyLabel | None:
        return self.worker.call(lambda: self.client.erase_key(pins))

    def unblock(self, pins: PinHandler) -> None:
        self.worker.call(lambda: self.client.unblock(pins))

    def unblock_with_reset_code(self, pins: PinHandler) -> None:
        self.worker.call(lambda: self.client.unblock_with_reset_code(pins))

    def set_reset_code(self, pins: PinHandler) -> None:
        self.worker.call(lambda: self.client.set_reset_code(pins))

    def close(self) -> None:
        self.worker.call(self.client.close)
