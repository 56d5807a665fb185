"""公文 written as OFD files (GB/T 33190: a zip of XML), for the OFD tests and bench/bench_sources.py.

Two layouts offices receive:
- "red header": the issuing organ's banner (XX人民政府文件; the organs of a joint document stacked, 文件 beside
  them) in large red type, the 发文字号 centred under it, a red
  rule, the title centred in 二号, recipients, the body in 三号 with two-character indents, the signature and
  date right-aligned, page numbers (— 1 —) at the foot; each line one TextObject whose TextCode spaces its
  characters with DeltaX; the 版记 (抄送, and the office that printed it on what day) at the foot of the last
  page, and the issuer's seal as an image over the signature.
- "composite": title first and bold, the 发文字号 under it, the body, signature and date; all the page's text in
  a composite graphic unit of DocumentRes.xml that the page places with a CompositeObject (as some producers
  do), each character its own TextCode with its own X.
The truth of each file is the document it was written from (title, 文号, issuer, date)."""

from __future__ import annotations

import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reader.models import Document

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
W, H = 210.0, 297.0  # A4, mm
LEFT, RIGHT, TOP, BOTTOM = 28.0, 182.0, 37.0, 262.0
PT = 25.4 / 72  # mm per point
LAYOUTS = ("red header", "composite")


def advance(ch: str, size: float) -> float:
    """The advance of a character: full width for CJK, half for Latin and digits."""
    return size if unicodedata.east_asian_width(ch) in ("W", "F") else size * 0.5


def wrap(text: str, size: float, width: float, indent: float = 0.0) -> list[str]:
    """Text broken into lines that fit a width (closing punctuation never starts a line)."""
    lines, cur, used, room = [], "", 0.0, width - indent
    for ch in text:
        w = advance(ch, size)
        if cur and used + w > room and ch not in "，。、；：！？）》”":
            lines.append(cur)
            cur, used, room = "", 0.0, width
        cur += ch
        used += w
    return lines + [cur] if cur else lines


@dataclass
class Placed:
    """A line of text placed on a page: left edge and baseline (mm), size (mm), font, weight, colour."""

    text: str
    x: float
    y: float
    size: float
    font: int = 1
    bold: bool = False
    red: bool = False


@dataclass
class Pages:
    """Lines flowing down pages, with a page number at the foot of each."""

    pages: list[list[Placed]] = field(default_factory=lambda: [[]])
    y: float = TOP

    def room(self, size: float) -> None:
        """Start a new page when the next line would not fit."""
        if self.y + size > BOTTOM:
            self.pages.append([])
            self.y = TOP

    def line(self, text: str, size: float, align: str = "left", indent: float = 0.0, gap: float = 0.5, **kw) -> None:
        """One line at the current height."""
        self.room(size)
        self.y += size
        width = sum(advance(c, size) for c in text)
        x = {"left": LEFT + indent, "center": (W - width) / 2, "right": RIGHT - 2 * size - width}[align]
        self.pages[-1].append(Placed(text, x, self.y, size, **kw))
        self.y += size * gap

    def para(self, text: str, size: float, align: str = "left", indent: bool = True, **kw) -> None:
        """A paragraph wrapped to the text width."""
        lines = wrap(text, size, RIGHT - LEFT, 2 * size if indent else 0.0)
        for k, part in enumerate(lines):
            self.line(part, size, align, 2 * size if indent and k == 0 else 0.0, **kw)


def lay_out_document(doc: Document, layout: str) -> list[list[Placed]]:
    """A 公文 placed on pages in one of the two layouts."""
    body, title = 16 * PT, 22 * PT
    p = Pages()
    if layout == "red header":
        organs = (doc.issuer or "禾川市人民政府").split()
        p.y = 30.0
        if len(organs) == 1:
            banner = organs[0] + "文件"
            p.line(banner, 15.0 if len(banner) <= 11 else 11.0, "center", font=2, red=True, gap=1.2)
        else:  # a joint document: the organs stacked, 文件 beside them, centred on their height
            size = 10.0
            width = max(sum(advance(c, size) for c in o) for o in organs)
            x = (W - width - 2.6 * size - 4) / 2
            for k, organ in enumerate(organs):
                p.pages[-1].append(Placed(organ, x, p.y + size * (1 + 1.3 * k), size, font=2, red=True))
            middle = p.y + size * (1 + 1.3 * (len(organs) - 1) / 2) + 0.3 * size
            p.pages[-1].append(Placed("文件", x + width + 4, middle, 1.3 * size, font=2, red=True))
            p.y += size * (1.3 * len(organs) + 1.2)
        if doc.doc_number:
            p.line(doc.doc_number, body, "center", gap=2.0)
        for part in wrap(doc.title, title, RIGHT - LEFT - 10):
            p.line(part, title, "center", font=2, gap=0.6)
    else:
        for part in wrap(doc.title, title, RIGHT - LEFT - 10):
            p.line(part, title, "center", font=3, bold=True, gap=0.6)
        if doc.doc_number:
            p.line(doc.doc_number, body, "center", gap=1.0)
    p.y += body
    for block in doc.blocks[1:]:
        if block.kind == "docnumber":
            continue
        if block.kind in ("signature", "date"):
            p.line(block.text, body, "right")
        elif block.kind in ("heading", "subtitle"):
            p.para(block.text, body, font=3, indent=block.kind == "heading")
        elif block.kind == "table":
            for row in block.text.split("\n"):
                p.para("  ".join(c.strip() for c in row.split("\t")), body, indent=False)
        elif block.kind in ("recipients", "note", "attachment"):
            p.para(block.text, body, indent=False)
        else:
            p.para(block.text, body)
    if layout == "red header":  # the 版记 at the foot of the last page: copies to, and who printed it when
        p.y = max(p.y + 2 * body, BOTTOM - 4 * body)
        p.line("抄送：市委各部门，市人大常委会办公室，市政协办公室。", 14 * PT, indent=body / 2)
        office = (doc.issuer or "禾川市人民政府").split()[-1]
        printed = f"{doc.date[:4]}年{int(doc.date[5:7])}月{int(doc.date[8:10])}日印发" if doc.date else "印发"
        p.pages[-1].append(Placed(office, LEFT + body / 2, p.y + 14 * PT, 14 * PT))
        p.pages[-1].append(Placed(printed, RIGHT - sum(advance(c, 14 * PT) for c in printed) - body / 2, p.y + 14 * PT,
                                  14 * PT))
    for k, page in enumerate(p.pages):
        number = f"— {k + 1} —"
        page.append(Placed(number, (W - sum(advance(c, 14 * PT) for c in number)) / 2, 280.0, 14 * PT))
    return p.pages


def _text_object(oid: int, t: Placed, per_char: bool) -> str:
    """A TextObject: one TextCode spaced by DeltaX, or one TextCode per character."""
    width = sum(advance(c, t.size) for c in t.text)
    attrs = f'ID="{oid}" Boundary="{t.x:.3f} {t.y - t.size:.3f} {width + 1:.3f} {t.size * 1.4:.3f}" Font="{t.font}" Size="{t.size:.3f}"'
    if t.bold:
        attrs += ' Weight="700"'
    color = '<ofd:FillColor Value="255 0 0"/>' if t.red else ""
    if per_char:
        codes, x = "", 0.0
        for ch in t.text:
            codes += f'<ofd:TextCode X="{x:.3f}" Y="{t.size:.3f}">{escape(ch)}</ofd:TextCode>'
            x += advance(ch, t.size)
    else:
        deltas = " ".join(f"{advance(c, t.size):.3f}" for c in t.text[:-1])
        codes = f'<ofd:TextCode X="0" Y="{t.size:.3f}" DeltaX="{deltas}">{escape(t.text)}</ofd:TextCode>'
    return f"<ofd:TextObject {attrs}>{color}{codes}</ofd:TextObject>"


def seal_png() -> bytes:
    """A red ring as PNG: the seal stamped over a signature."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (120, 120), (255, 255, 255, 0))
    ImageDraw.Draw(image).ellipse((4, 4, 116, 116), outline=(220, 0, 0, 255), width=6)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def write_ofd(target: Path, pages: list[list[Placed]], layout: str, title: str = "") -> None:
    """Write placed pages as an OFD file."""
    composite = layout == "composite"
    oid = 10
    contents, units = [], []
    for k, page in enumerate(pages):
        objects = []
        for t in page:
            oid += 1
            objects.append(_text_object(oid, t, per_char=composite))
        if composite:
            oid += 1
            units.append(f'<ofd:CompositeGraphicUnit ID="{oid}" Width="{W}" Height="{H}"><ofd:Content>'
                         f'{"".join(objects)}</ofd:Content></ofd:CompositeGraphicUnit>')
            objects = [f'<ofd:CompositeObject ID="{oid + 1}" Boundary="0 0 {W} {H}" ResourceID="{oid}"/>']
            oid += 1
        if not composite and k == len(pages) - 1:  # the issuer's seal over the signature: an image, no text
            objects.append('<ofd:ImageObject ID="2" Boundary="120 200 42 42" CTM="42 0 0 42 0 0" ResourceID="9"/>')
        rule = ('<ofd:PathObject ID="1" Boundary="28 50 154 1" Stroke="true" LineWidth="0.5">'
                '<ofd:StrokeColor Value="255 0 0"/><ofd:AbbreviatedData>M 0 0 L 154 0</ofd:AbbreviatedData></ofd:PathObject>'
                if not composite and k == 0 else "")
        contents.append(f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}><ofd:Area><ofd:PhysicalBox>0 0 {W} {H}'
                        f'</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="{k + 2}">{rule}{"".join(objects)}'
                        '</ofd:Layer></ofd:Content></ofd:Page>')
    page_refs = "".join(f'<ofd:Page ID="{1000 + k}" BaseLoc="Pages/Page_{k}/Content.xml"/>' for k in range(len(pages)))
    document = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}><ofd:CommonData><ofd:MaxUnitID>{oid + 1000}'
                f'</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {W} {H}</ofd:PhysicalBox></ofd:PageArea>'
                '<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>'
                f'</ofd:CommonData><ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>')
    fonts = ('<ofd:Font ID="1" FontName="仿宋_GB2312" FamilyName="仿宋_GB2312"/>'
             '<ofd:Font ID="2" FontName="方正小标宋简体" FamilyName="方正小标宋简体"/>'
             '<ofd:Font ID="3" FontName="黑体" FamilyName="黑体"/>')
    public = f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {NS} BaseLoc="Res"><ofd:Fonts>{fonts}</ofd:Fonts></ofd:Res>'
    media = '<ofd:MultiMedias><ofd:MultiMedia ID="9" Type="Image" Format="PNG"><ofd:MediaFile>seal.png</ofd:MediaFile>' \
        '</ofd:MultiMedia></ofd:MultiMedias>' if not composite else ""
    res = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {NS} BaseLoc="Res">{media}<ofd:CompositeGraphicUnits>'
           f'{"".join(units)}</ofd:CompositeGraphicUnits></ofd:Res>')
    ofd = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
           f'<ofd:DocID>0123456789abcdef</ofd:DocID><ofd:Title>{escape(title)}</ofd:Title><ofd:Creator>tests</ofd:Creator>'
           '</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("OFD.xml", ofd)
        zf.writestr("Doc_0/Document.xml", document)
        zf.writestr("Doc_0/PublicRes.xml", public)
        zf.writestr("Doc_0/DocumentRes.xml", res)
        for k, content in enumerate(contents):
            zf.writestr(f"Doc_0/Pages/Page_{k}/Content.xml", content)
        if not composite:
            zf.writestr("Doc_0/Res/seal.png", seal_png())


def write_document(target: Path, doc: Document, layout: str) -> dict[str, str | None]:
    """One 公文 as an OFD file; returns its truth."""
    write_ofd(target, lay_out_document(doc, layout), layout)
    return {"title": doc.title, "doc_number": doc.doc_number, "issuer": doc.issuer, "date": doc.date}
