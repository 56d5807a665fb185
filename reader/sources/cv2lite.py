"""The image operations the OCR engine asks of OpenCV, in numpy and Pillow.

RapidOCR calls about twenty OpenCV functions (resize, perspective crops, the contours of its text map, the
smallest rotated box around each). They are what it needs of a 155 MB library, so the engine is loaded with this
module in OpenCV's place (`ocr.engine`) and the bundle leaves OpenCV out. Each function follows OpenCV's
conventions for the arguments the engine passes (pixel centres at integers, BGR channel order, uint8 results)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw

COLOR_GRAY2BGR = 8
COLOR_RGB2BGR = 4
COLOR_BGR2RGB = 4
COLOR_BGR2GRAY = 6
RETR_LIST = 1
CHAIN_APPROX_SIMPLE = 2
INTER_LINEAR = 1
INTER_CUBIC = 2
BORDER_CONSTANT = 0
BORDER_REPLICATE = 1
ROTATE_90_CLOCKWISE = 0
ROTATE_180 = 1
ROTATE_90_COUNTERCLOCKWISE = 2

Rect = tuple[tuple[float, float], tuple[float, float], float]


def cvtColor(img: np.ndarray, code: int) -> np.ndarray:  # noqa: N802 (OpenCV's name)
    """Grey to three channels, or swap red and blue; grey from BGR."""
    if code == COLOR_GRAY2BGR:
        return np.repeat(img.reshape(img.shape[0], img.shape[1], 1), 3, axis=2)
    if code == COLOR_RGB2BGR:
        return np.ascontiguousarray(img[..., 2::-1])
    if code == COLOR_BGR2GRAY:
        grey = img[..., 0] * 0.114 + img[..., 1] * 0.587 + img[..., 2] * 0.299
        return np.clip(np.rint(grey), 0, 255).astype(img.dtype)
    raise ValueError(f"cvtColor: conversion {code} is not provided")


def _linear_taps(size_in: int, size_out: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each output index: the two input indices and the weight of the second (half-pixel centres, clamped)."""
    src = (np.arange(size_out, dtype=np.float64) + 0.5) * (size_in / size_out) - 0.5
    src = np.clip(src, 0, size_in - 1)
    low = np.floor(src).astype(np.intp)
    high = np.minimum(low + 1, size_in - 1)
    return low, high, (src - low).astype(np.float32)


def resize(img: np.ndarray, dsize: tuple[int, int], interpolation: int = INTER_LINEAR) -> np.ndarray:
    """Bilinear resize to (width, height), as OpenCV's default (no smoothing when shrinking)."""
    width, height = int(dsize[0]), int(dsize[1])
    if width <= 0 or height <= 0:
        raise ValueError(f"resize: bad size {dsize}")
    y0, y1, fy = _linear_taps(img.shape[0], height)
    top, bottom = np.take(img, y0, axis=0).astype(np.float32), np.take(img, y1, axis=0).astype(np.float32)
    bottom -= top
    bottom *= fy.reshape((-1,) + (1,) * (img.ndim - 1))
    top += bottom
    x0, x1, fx = _linear_taps(img.shape[1], width)
    data, right = np.take(top, x0, axis=1), np.take(top, x1, axis=1)
    right -= data
    right *= fx.reshape((1, -1) + (1,) * (img.ndim - 2))
    data += right
    if img.dtype == np.uint8:  # a weighted mean of uint8 values stays within 0-255: round half up, no clip
        data += 0.5
        return data.astype(np.uint8)
    return data.astype(img.dtype)


def copyMakeBorder(img: np.ndarray, top: int, bottom: int, left: int, right: int,  # noqa: N802
                   borderType: int, value: Sequence[float] | float = 0) -> np.ndarray:  # noqa: N803
    """Pad with a constant (or the edge pixels)."""
    pad = [(top, bottom), (left, right)] + [(0, 0)] * (img.ndim - 2)
    if borderType == BORDER_REPLICATE:
        return np.pad(img, pad, mode="edge")
    fill = value[0] if isinstance(value, Sequence) else value
    return np.pad(img, pad, mode="constant", constant_values=fill)


def rotate(img: np.ndarray, code: int) -> np.ndarray:
    """Turn by 90° clockwise, 180° or 90° counter-clockwise."""
    turns = {ROTATE_90_CLOCKWISE: -1, ROTATE_180: 2, ROTATE_90_COUNTERCLOCKWISE: 1}[code]
    return np.ascontiguousarray(np.rot90(img, turns))


def dilate(img: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """Grey dilation with a rectangular kernel anchored at its centre; outside pixels do not count."""
    kh, kw = kernel.shape[:2]
    ay, ax = kh // 2, kw // 2
    padded = np.pad(img, [(ay, kh - 1 - ay), (ax, kw - 1 - ax)], mode="edge")
    out = np.zeros_like(img)
    for dy in range(kh):
        for dx in range(kw):
            if kernel[dy, dx]:
                np.maximum(out, padded[dy:dy + img.shape[0], dx:dx + img.shape[1]], out=out)
    return out


def bitwise_not(img: np.ndarray) -> np.ndarray:
    """Invert every bit."""
    return np.invert(img)


def bitwise_and(a: np.ndarray, b: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    """a & b, zero where the mask is zero."""
    out = np.bitwise_and(a, b)
    if mask is not None:
        out[mask == 0] = 0
    return out


def add(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Saturating addition of two uint8 images."""
    return np.clip(a.astype(np.int16) + b.astype(np.int16), 0, 255).astype(np.uint8)


def split(img: np.ndarray) -> tuple[np.ndarray, ...]:
    """The channels of an image."""
    return tuple(np.ascontiguousarray(img[..., i]) for i in range(img.shape[2]))


def merge(channels: Sequence[np.ndarray]) -> np.ndarray:
    """Channels stacked into one image."""
    return np.stack(list(channels), axis=2)


def imread(path: str | Path, flags: int = 1) -> np.ndarray:
    """An image file as BGR."""
    with Image.open(path) as image:
        return cvtColor(np.asarray(image.convert("RGB")), COLOR_RGB2BGR)


def imwrite(path: str | Path, img: np.ndarray) -> bool:
    """Write a BGR (or grey) image to a file."""
    data = img if img.ndim == 2 else cvtColor(img, COLOR_RGB2BGR)
    Image.fromarray(data).save(str(path))
    return True


def _runs(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The horizontal runs of set pixels: row, first and last column of each, in reading order."""
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask != 0
    edges = np.diff(padded, axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    return rows, starts, ends - 1


def _blobs(mask: np.ndarray) -> list[np.ndarray]:
    """The run indices of each 8-connected blob of set pixels."""
    rows, starts, ends = _runs(mask)
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    bounds = np.searchsorted(rows, np.arange(mask.shape[0] + 1))
    for y in range(1, mask.shape[0]):
        above, here = range(bounds[y - 1], bounds[y]), range(bounds[y], bounds[y + 1])
        i = above.start
        for j in here:
            while i < above.stop and ends[i] < starts[j] - 1:
                i += 1
            k = i
            while k < above.stop and starts[k] <= ends[j] + 1:
                a, b = root(j), root(k)
                if a != b:
                    parent[max(a, b)] = min(a, b)
                k += 1
    groups: dict[int, list[int]] = {}
    for i in range(len(rows)):
        groups.setdefault(root(i), []).append(i)
    return [np.array(g) for g in groups.values()]


def findContours(image: np.ndarray, mode: int, method: int) -> tuple[list[np.ndarray], None]:  # noqa: N802
    """The outline of each 8-connected blob as its convex hull (N, 1, 2): all the boxes fitted to it need.

    Holes inside a blob are not reported (a text map has none worth a box)."""
    rows, starts, ends = _runs(image)
    contours = []
    for run_ids in _blobs(image):
        ys = rows[run_ids]
        points = np.concatenate([np.stack([starts[run_ids], ys], 1), np.stack([ends[run_ids], ys], 1)])
        contours.append(_hull(points).reshape(-1, 1, 2).astype(np.int32))
    return contours, None


def _hull(points: np.ndarray) -> np.ndarray:
    """The convex hull of points (N, 2), counter-clockwise, by the monotone chain."""
    pts = sorted({(float(x), float(y)) for x, y in points.reshape(-1, 2)})
    if len(pts) < 3:
        return np.array(pts, dtype=np.float64).reshape(-1, 2)

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return np.array(lower[:-1] + upper[:-1], dtype=np.float64)


def minAreaRect(points: np.ndarray) -> Rect:  # noqa: N802
    """The smallest rotated rectangle around points: ((cx, cy), (w, h), angle in degrees of the w side)."""
    hull = _hull(np.asarray(points, dtype=np.float64))
    if len(hull) == 1:
        return (float(hull[0, 0]), float(hull[0, 1])), (0.0, 0.0), 0.0
    edges = np.roll(hull, -1, axis=0) - hull
    lengths = np.hypot(edges[:, 0], edges[:, 1])
    keep = lengths > 0
    along = edges[keep] / lengths[keep, None]
    across = np.stack([-along[:, 1], along[:, 0]], 1)
    pa, pc = hull @ along.T, hull @ across.T  # (points, directions)
    widths = pa.max(0) - pa.min(0)
    heights = pc.max(0) - pc.min(0)
    best = int(np.argmin(widths * heights))
    u, n = along[best], across[best]
    mid_u = (pa[:, best].max() + pa[:, best].min()) / 2
    mid_n = (pc[:, best].max() + pc[:, best].min()) / 2
    centre = u * mid_u + n * mid_n
    angle = math.degrees(math.atan2(u[1], u[0]))
    return (float(centre[0]), float(centre[1])), (float(widths[best]), float(heights[best])), angle


def boxPoints(rect: Rect) -> np.ndarray:  # noqa: N802
    """The four corners of a rotated rectangle (4, 2), float32."""
    (cx, cy), (w, h), angle = rect
    u = np.array([math.cos(math.radians(angle)), math.sin(math.radians(angle))])
    n = np.array([-u[1], u[0]])
    c = np.array([cx, cy])
    corners = [c - u * w / 2 + n * h / 2, c - u * w / 2 - n * h / 2, c + u * w / 2 - n * h / 2, c + u * w / 2 + n * h / 2]
    return np.array(corners, dtype=np.float32)


def fillPoly(img: np.ndarray, pts: np.ndarray | Sequence[np.ndarray], color: int | Sequence[int]) -> np.ndarray:  # noqa: N802
    """Fill polygons (their outline included) in a one-channel image, in place."""
    value = int(color[0] if isinstance(color, Sequence) else color)
    canvas = Image.new("L", (img.shape[1], img.shape[0]), 0)
    draw = ImageDraw.Draw(canvas)
    for poly in pts:
        xy = [(float(x), float(y)) for x, y in np.asarray(poly).reshape(-1, 2)]
        if len(xy) >= 2:
            draw.polygon(xy, fill=1, outline=1)
    img[np.asarray(canvas) != 0] = value
    return img


def mean(src: np.ndarray, mask: np.ndarray | None = None) -> tuple[float, float, float, float]:
    """The mean of the pixels where the mask is set (0 when none is)."""
    values = src if mask is None else src[mask != 0]
    return (float(values.mean()) if values.size else 0.0, 0.0, 0.0, 0.0)


def getPerspectiveTransform(src: np.ndarray, dst: np.ndarray) -> np.ndarray:  # noqa: N802
    """The 3×3 matrix taking four source points to four destination points."""
    a, b = [], []
    for (x, y), (u, v) in zip(np.asarray(src, dtype=np.float64), np.asarray(dst, dtype=np.float64), strict=True):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        b.append(u)
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b.append(v)
    h = np.linalg.solve(np.array(a), np.array(b))
    return np.append(h, 1.0).reshape(3, 3)


def invert(matrix: np.ndarray) -> tuple[float, np.ndarray]:
    """(1, the inverse) as OpenCV returns it."""
    return 1.0, np.linalg.inv(matrix)


def warpPerspective(img: np.ndarray, M: np.ndarray, dsize: tuple[int, int],  # noqa: N802, N803
                    borderMode: int = BORDER_REPLICATE, flags: int = INTER_CUBIC) -> np.ndarray:  # noqa: N803
    """The image seen through a perspective matrix, bicubic, edges repeated: the crop of one text line."""
    width, height = int(dsize[0]), int(dsize[1])
    inverse = np.linalg.inv(M)
    corners = np.array([[0, 0, 1], [width, 0, 1], [width, height, 1], [0, height, 1]], dtype=np.float64)
    mapped = corners @ inverse.T
    xy = mapped[:, :2] / mapped[:, 2:3]
    margin = 3  # the source region (with a margin for the cubic taps) padded by its edge pixels
    x0 = max(int(math.floor(xy[:, 0].min())) - margin, 0)
    y0 = max(int(math.floor(xy[:, 1].min())) - margin, 0)
    x1 = min(int(math.ceil(xy[:, 0].max())) + margin, img.shape[1])
    y1 = min(int(math.ceil(xy[:, 1].max())) + margin, img.shape[0])
    if x1 <= x0 or y1 <= y0:
        x0, y0, x1, y1 = 0, 0, img.shape[1], img.shape[0]
    pad = [(margin, margin), (margin, margin)] + [(0, 0)] * (img.ndim - 2)
    region = np.pad(img[y0:y1, x0:x1], pad, mode="edge" if borderMode == BORDER_REPLICATE else "constant")
    # output pixel centre (u + 0.5) -> input centre; Pillow's centres are at +0.5, OpenCV's at integers
    shift = np.array([[1, 0, -x0 + margin + 0.5], [0, 1, -y0 + margin + 0.5], [0, 0, 1]])
    back = np.array([[1, 0, -0.5], [0, 1, -0.5], [0, 0, 1]])
    m = shift @ inverse @ back
    m = m / m[2, 2]
    coeffs = tuple(float(c) for c in m.reshape(-1)[:8])
    resample = Image.Resampling.BICUBIC if flags == INTER_CUBIC else Image.Resampling.BILINEAR
    out = Image.fromarray(region).transform((width, height), Image.Transform.PERSPECTIVE, coeffs, resample)
    return np.asarray(out)


def _unused(*_: Any) -> None:
    """Drawing (putText, polylines) is for the engine's own demo pictures, which Gazette Reader never makes."""
    raise NotImplementedError("drawing is not provided: Gazette Reader does not draw OCR results")


putText = polylines = _unused  # noqa: N816
FONT_HERSHEY_SIMPLEX = 0
