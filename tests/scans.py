"""Scanned versions of gazettes for the OCR tests: any PDF rasterised as an office scanner would (grey, 150 or
200 dpi, light noise), with chosen pages turned 180° or skewed, or only its cover scanned. The truth of a scan is
the truth of the PDF it was made from."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pymupdf


def _grey(page: pymupdf.Page, dpi: int) -> np.ndarray:
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    return np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, :pix.width].copy()


def _noisy(image: np.ndarray, seed: int) -> np.ndarray:
    """Light scanner noise: grain and a slightly grey background."""
    rng = np.random.default_rng(seed)
    noise = rng.normal(0, 6, image.shape)
    return np.clip(image.astype(float) * 0.96 + 4 + noise, 0, 255).astype(np.uint8)


def _skewed(image: np.ndarray, degrees: float) -> np.ndarray:
    """Turned counter-clockwise about the centre by a few degrees, as a sheet laid askew on the scanner."""
    from PIL import Image

    turned = Image.fromarray(image).rotate(degrees, resample=Image.Resampling.BICUBIC, fillcolor=250)
    return np.asarray(turned).copy()


def scan(source: Path, target: Path, *, dpi: int = 200, turned: tuple[int, ...] = (), skewed: tuple[int, ...] = (),
         only: tuple[int, ...] | None = None, skew: float = 2.0) -> Path:
    """Write a scanned copy of a PDF: every page (or only the pages given) replaced by its grey image."""
    with pymupdf.open(source) as doc, pymupdf.open() as out:
        for k, page in enumerate(doc):
            if only is not None and k not in only:
                out.insert_pdf(doc, from_page=k, to_page=k)
                continue
            image = _noisy(_grey(page, dpi), k)
            if k in skewed:
                image = _skewed(image, skew)
            if k in turned:
                image = np.ascontiguousarray(np.rot90(image, 2))
            h, w = image.shape
            pix = pymupdf.Pixmap(pymupdf.csGRAY, w, h, image.tobytes(), False)
            new = out.new_page(width=page.rect.width, height=page.rect.height)
            new.insert_image(new.rect, pixmap=pix)
        out.save(target, deflate=True)
    return target


def blank(target: Path, pages: int = 2) -> Path:
    """A PDF of blank scanned pages (nothing readable)."""
    with pymupdf.open() as out:
        for _ in range(pages):
            page = out.new_page(width=595, height=842)
            pix = pymupdf.Pixmap(pymupdf.csGRAY, 300, 420, bytes([250]) * (300 * 420), False)
            page.insert_image(page.rect, pixmap=pix)
        out.save(target)
    return target
