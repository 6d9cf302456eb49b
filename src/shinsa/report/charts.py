"""Chart geometry computed in Python, drawn as inline SVG by the templates (no chart library and
no script: the report must render offline and print the same)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from shinsa.stats import Proportion

PALETTE = ("#1c5bb8", "#c2410c", "#15803d", "#7e22ce", "#b91c1c", "#4b5563")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4")
"""Each series also gets its own dash pattern, so overlays stay apart in grey print and for
readers who do not tell the colours apart."""


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Axis:
    index: int
    label: str
    end: Point
    label_at: Point
    anchor: str
    """SVG text-anchor: start, middle or end, so labels sit outside the chart."""
    has_data: bool


@dataclass
class Series:
    name: str
    colour: str
    dash: str
    points: list[Point] = field(default_factory=list)
    values: list[float] = field(default_factory=list)
    whiskers: list[tuple[Point, Point]] = field(default_factory=list)

    @property
    def polygon(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


@dataclass
class Radar:
    width: int
    height: int
    centre: Point
    radius: float
    axes: list[Axis]
    rings: list[tuple[int, str]]
    """(value, polygon points) for the 20/40/60/80/100 grid."""
    ring_labels: list[tuple[int, Point]]
    series: list[Series]


def _polar(centre: Point, radius: float, index: int, count: int) -> Point:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return Point(centre.x + radius * math.cos(angle), centre.y + radius * math.sin(angle))


def _has_value(prop: Proportion | None) -> bool:
    return prop is not None and prop.value is not None


def radar(labels: list[str], runs: list[tuple[str, list[Proportion | None]]]) -> Radar:
    """A radar over ``labels`` (one axis each, 0-100). Each run gives one proportion per axis, or
    None where it has no data: such an axis is drawn as "no data", never as a zero."""
    width, height, radius = 640, 470, 170.0
    centre = Point(width / 2, 232)
    count = len(labels)
    with_data = [any(_has_value(values[i]) for _, values in runs) for i in range(count)]
    axes = []
    for i, label in enumerate(labels):
        end = _polar(centre, radius, i, count)
        label_at = _polar(centre, radius + 22, i, count)
        dx = label_at.x - centre.x
        anchor = "middle" if abs(dx) < 8 else ("start" if dx > 0 else "end")
        axes.append(Axis(i, label, end, label_at, anchor, with_data[i]))
    rings = []
    for value in (20, 40, 60, 80, 100):
        ring = [_polar(centre, radius * value / 100, i, count) for i in range(count)]
        rings.append((value, " ".join(f"{p.x:.1f},{p.y:.1f}" for p in ring)))
    ring_labels = [(value, Point(centre.x + 4, centre.y - radius * value / 100 - 2)) for value in (20, 40, 60, 80, 100)]
    series = []
    for n, (name, values) in enumerate(runs):
        s = Series(name, PALETTE[n % len(PALETTE)], DASHES[n % len(DASHES)])
        for i, prop in enumerate(values):
            if prop is None or prop.value is None:
                continue
            s.points.append(_polar(centre, radius * prop.value, i, count))
            s.values.append(prop.value * 100)
            s.whiskers.append((_polar(centre, radius * prop.low, i, count), _polar(centre, radius * prop.high, i, count)))
        series.append(s)
    return Radar(width, height, centre, radius, axes, rings, ring_labels, series)
