"""The image operations the OCR engine runs on instead of OpenCV: exact on shapes whose answer is known."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from reader.sources import cv2lite


def _mask(draw_polys: list[list[tuple[float, float]]], size: tuple[int, int] = (200, 120)) -> np.ndarray:
    image = Image.new("L", size, 0)
    draw = ImageDraw.Draw(image)
    for poly in draw_polys:
        draw.polygon(poly, fill=255)
    return np.asarray(image).copy()


def test_contours_one_per_8_connected_blob() -> None:
    mask = np.zeros((20, 30), dtype=np.uint8)
    mask[2:6, 2:12] = 255  # a bar
    mask[6, 12] = 255  # touching the bar only by a corner: the same blob
    mask[10:15, 20:25] = 255  # a square
    mask[17, 3] = 255  # a single pixel
    contours, _ = cv2lite.findContours(mask, cv2lite.RETR_LIST, cv2lite.CHAIN_APPROX_SIMPLE)
    boxes = sorted((int(c[:, 0, 0].min()), int(c[:, 0, 1].min()), int(c[:, 0, 0].max()), int(c[:, 0, 1].max()))
                   for c in contours)
    assert boxes == [(2, 2, 12, 6), (3, 17, 3, 17), (20, 10, 24, 14)]
    assert all(c.dtype == np.int32 and c.shape[1:] == (1, 2) for c in contours)


def test_min_area_rect_of_a_rotated_bar() -> None:
    # a 100 × 16 bar turned by 3°, as a skewed text line in the detector's map
    angle = math.radians(3)
    u, n = np.array([math.cos(angle), math.sin(angle)]), np.array([-math.sin(angle), math.cos(angle)])
    c = np.array([100.0, 60.0])
    corners = [tuple(c + u * dx + n * dy) for dx, dy in ((-50, -8), (50, -8), (50, 8), (-50, 8))]
    contours, _ = cv2lite.findContours(_mask([corners]), cv2lite.RETR_LIST, cv2lite.CHAIN_APPROX_SIMPLE)
    assert len(contours) == 1
    (cx, cy), (w, h), theta = cv2lite.minAreaRect(contours[0])
    long_side, short_side = max(w, h), min(w, h)
    assert abs(cx - 100) < 1 and abs(cy - 60) < 1
    assert abs(long_side - 100) < 2 and abs(short_side - 16) < 2
    assert abs(((theta if w > h else theta - 90) + 90) % 180 - 90 - 3) < 1
    points = cv2lite.boxPoints(((cx, cy), (w, h), theta))
    assert points.shape == (4, 2) and points.dtype == np.float32
    assert np.allclose(sorted(np.hypot(*(points - np.roll(points, 1, 0)).T)), sorted([w, w, h, h]), atol=1e-3)


def test_min_area_rect_of_a_point_and_of_a_segment() -> None:
    assert cv2lite.minAreaRect(np.array([[[5, 7]]])) == ((5.0, 7.0), (0.0, 0.0), 0.0)
    (_, (w, h), _) = cv2lite.minAreaRect(np.array([[0, 0], [30, 40]]))
    assert sorted([w, h]) == [pytest.approx(0.0, abs=1e-9), pytest.approx(50.0)]


def test_box_score_fills_the_polygon_with_its_outline() -> None:
    mask = np.zeros((10, 10), dtype=np.uint8)
    cv2lite.fillPoly(mask, np.array([[[2, 2], [6, 2], [6, 5], [2, 5]]], dtype=np.int32), 1)
    assert int(mask.sum()) == 5 * 4 and mask[2:6, 2:7].all()
    values = np.arange(100, dtype=np.float32).reshape(10, 10)
    assert cv2lite.mean(values, mask)[0] == pytest.approx(float(values[2:6, 2:7].mean()))
    assert cv2lite.mean(values, np.zeros_like(mask))[0] == 0.0


def test_resize_bilinear_with_half_pixel_centres() -> None:
    ramp = np.tile(np.arange(0, 200, 20, dtype=np.uint8), (4, 1))  # 10 columns: 0, 20, ..., 180
    half = cv2lite.resize(ramp, (5, 2))
    assert half.shape == (2, 5) and half.dtype == np.uint8
    assert half[0].tolist() == [10, 50, 90, 130, 170]  # midway between each pair of source columns
    double = cv2lite.resize(np.array([[0, 100]], dtype=np.uint8), (4, 1))
    assert double[0].tolist() == [0, 25, 75, 100]
    colour = cv2lite.resize(np.dstack([ramp, ramp, ramp]), (5, 2))
    assert colour.shape == (2, 5, 3) and (colour[..., 2] == half).all()


def test_perspective_crop_of_an_upright_box_is_the_slice() -> None:
    rng = np.random.default_rng(1)
    image = rng.integers(0, 256, (60, 80, 3), dtype=np.uint8)
    src = np.array([[10, 20], [50, 20], [50, 36], [10, 36]], dtype=np.float32)
    dst = np.array([[0, 0], [40, 0], [40, 16], [0, 16]], dtype=np.float32)
    m = cv2lite.getPerspectiveTransform(src, dst)
    assert np.allclose(m, [[1, 0, -10], [0, 1, -20], [0, 0, 1]], atol=1e-9)
    crop = cv2lite.warpPerspective(image, m, (40, 16), borderMode=cv2lite.BORDER_REPLICATE,
                                   flags=cv2lite.INTER_CUBIC)
    assert crop.shape == (16, 40, 3)
    assert int(np.abs(crop.astype(int) - image[20:36, 10:50]).max()) <= 1  # rounding of the cubic taps only


def test_colour_border_and_turns() -> None:
    grey = np.array([[1, 2], [3, 4]], dtype=np.uint8)
    bgr = cv2lite.cvtColor(grey, cv2lite.COLOR_GRAY2BGR)
    assert bgr.shape == (2, 2, 3) and (bgr[..., 1] == grey).all()
    rgb = np.array([[[1, 2, 3]]], dtype=np.uint8)
    assert cv2lite.cvtColor(rgb, cv2lite.COLOR_RGB2BGR).tolist() == [[[3, 2, 1]]]
    padded = cv2lite.copyMakeBorder(grey, 1, 0, 0, 2, cv2lite.BORDER_CONSTANT, value=(0, 0, 0))
    assert padded.tolist() == [[0, 0, 0, 0], [1, 2, 0, 0], [3, 4, 0, 0]]
    assert cv2lite.rotate(grey, cv2lite.ROTATE_180).tolist() == [[4, 3], [2, 1]]
    assert cv2lite.dilate(np.eye(3, dtype=np.uint8), np.ones((2, 2))).tolist() == [[1, 1, 0], [1, 1, 1], [0, 1, 1]]


def test_cv2lite_offers_every_cv2_name_the_installed_ocr_engine_uses():
    """The contract with the OCR engine: every ``cv2.NAME`` (and ``from cv2 import NAME``) in the installed
    engine's code exists in cv2lite, so an engine upgrade that needs more fails here, naming what is missing."""
    import ast
    import importlib.util

    spec = importlib.util.find_spec("rapidocr_onnxruntime")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("the OCR engine is not installed")
    used: dict[str, set[str]] = {}
    for path in Path(next(iter(spec.submodule_search_locations))).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "cv2":
                used.setdefault(node.attr, set()).add(path.name)
            elif isinstance(node, ast.ImportFrom) and node.module == "cv2":
                for alias in node.names:
                    used.setdefault(alias.name, set()).add(path.name)
    assert len(used) > 20  # the engine's image operations were found at all
    missing = {name: sorted(files) for name, files in used.items() if not hasattr(cv2lite, name)}
    assert not missing, f"cv2lite lacks what the installed OCR engine uses: {missing}"
