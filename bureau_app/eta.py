"""Remaining-time estimate from progress fractions, with "now" passed in."""

from __future__ import annotations

from dataclasses import dataclass

# Before this much work and time, an estimate would jump around and mislead.
_MIN_FRACTION = 0.02
_MIN_SECONDS = 1.0
_SMOOTHING = 0.3


@dataclass
class RemainingTimeEstimator:
    """Linear extrapolation of elapsed time over the fraction done, smoothed."""

    started_at: float
    _estimate: float | None = None

    def update(self, fraction: float, now: float) -> float | None:
        """Seconds left, or None while too early to tell."""
        elapsed = now - self.started_at
        if fraction >= 1.0:
            self._estimate = 0.0
            return 0.0
        if fraction < _MIN_FRACTION or elapsed < _MIN_SECONDS:
            return None
        raw = elapsed * (1.0 - fraction) / fraction
        if self._estimate is None:
            self._estimate = raw
        else:
            self._estimate = _SMOOTHING * raw + (1.0 - _SMOOTHING) * self._estimate
        return self._estimate
