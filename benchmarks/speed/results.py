"""What the speed benchmark measures, as records the table prints and the JSON file keeps."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Ratio:
    """Our time next to the floor's on the same data in the same run.

    For most rows the ratio is ours ÷ floor (lower is better, met when at most `target`); for a
    peer we beat (`faster`), it is how many times faster ours is (met when at least `target`).
    """

    row: str
    floor: str
    n: int
    ours_s: float
    floor_s: float
    target: float | None
    faster: bool = False

    @property
    def ratio(self) -> float:
        return self.floor_s / self.ours_s if self.faster else self.ours_s / self.floor_s

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        return self.ratio >= self.target if self.faster else self.ratio <= self.target

    @property
    def target_text(self) -> str:
        """The target as the tables print it: `≤2x`, `≥30x` for a faster row, empty for none."""
        return "" if self.target is None else f"{'≥' if self.faster else '≤'}{self.target:g}x"

    def as_json(self) -> dict[str, Any]:
        return asdict(self) | {"ratio": round(self.ratio, 3), "met": self.met}


@dataclass(frozen=True)
class Growth:
    """A converter's cost per copy of the example at each scale (seconds), and 100x over 1x."""

    converter: str
    per_copy_s: dict[int, float]
    target: float = 1.5

    @property
    def ratio(self) -> float:
        sizes = sorted(self.per_copy_s)
        return self.per_copy_s[sizes[-1]] / self.per_copy_s[sizes[0]]

    @property
    def met(self) -> bool:
        return self.ratio <= self.target

    def as_json(self) -> dict[str, Any]:
        return asdict(self) | {"ratio": round(self.ratio, 3), "met": self.met}
