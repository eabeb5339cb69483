"""A scripted PIN handler for tests: answers from a queue, records the prompts."""

from __future__ import annotations

from dataclasses import dataclass, field

from ceremony.cards.errors import PinEntryCancelledError
from ceremony.cards.interface import PinKind, PinPrompt


@dataclass
class ScriptedPins:
    """Answers each ``PinKind`` from its own list, in order; a missing answer cancels."""

    answers: dict[PinKind, list[str]]
    asked: list[tuple[PinKind, int | None]] = field(default_factory=list)

    def get_pin(self, prompt: PinPrompt, tries_left: int | None) -> str:
        self.asked.append((prompt.kind, tries_left))
        queue = self.answers.get(prompt.kind, [])
        if not queue:
            raise PinEntryCancelledError(f"test handler has no {prompt.kind.value} PIN left")
        return queue.pop(0) if len(queue) > 1 else queue[0]


def user_pins(pin: str) -> ScriptedPins:
    return ScriptedPins({PinKind.USER: [pin]})
