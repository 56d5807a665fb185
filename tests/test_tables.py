"""Table rows printed over several lines (a PDF's tall cells, a 文号 cut after its year) put back together."""

from __future__ import annotations

import re

from reader.archive import Archive
from reader.gazette.tables import logical_lines, rebuild_texts

# a list laid out as PDF converters read it: each row's short cells on its middle line, its tall cells above/below
CUT = [
    "序号\t发文字号\t文件名称\t处理意见",
    "江政办发〔2011〕",
    "1\t江城市人民政府办公室关于加强城区绿化管理的通知\t废止",
    "35号",
    "江政发〔2013〕 关于印发《江城市农村公路养护管理办法",
    "2\t宣布失效",
    "7号\t（试行）》的通知",
    "关于印发《江城市居民二次供水设施管理规定》的通",
    "3\t江政规发〔2019〕2号\t废止",
    "知",
    "江政办发",
    "4\t关于做好防汛抗旱工作的通知\t废止",
    "〔2016〕58号",
    "5\t江政发〔2020〕11号",
    "江城市文明行为促进办法废止",
    "附件 2",
]


def test_rows_cut_over_lines_become_one_row_each_in_the_headers_order():
    rows = [text for _, text in rebuild_texts(CUT)]
    assert rows == [
        "序号\t发文字号\t文件名称\t处理意见",
        "1\t江政办发〔2011〕35号\t江城市人民政府办公室关于加强城区绿化管理的通知\t废止",
        "2\t江政发〔2013〕7号\t关于印发《江城市农村公路养护管理办法（试行）》的通知\t宣布失效",
        "3\t江政规发〔2019〕2号\t关于印发《江城市居民二次供水设施管理规定》的通知\t废止",
        "4\t江政办发〔2016〕58号\t关于做好防汛抗旱工作的通知\t废止",
        "5\t江政发〔2020〕11号\t江城市文明行为促进办法\t废止",
        "附件 2",
    ]


def test_whole_rows_and_tables_of_other_things_stay_as_printed():
    whole = ["序号\t文号\t文件名称\t处理意见", "1\t江政发〔2013〕7号\t江城市农村公路养护管理办法\t废止", "本决定自公布之日起施行。"]
    places = ["序号\t区域名称\t面积（公顷）\t责任单位", "1\t青苇湖湿地", "320", "本表数据截至2023年底。"]
    assert [t for _, t in rebuild_texts(whole)] == whole
    assert [t for _, t in rebuild_texts(places)] == places


def test_stored_texts_read_by_validity_use_the_same_rule():
    rows = logical_lines("\n".join(CUT))
    assert rows[2] == (CUT[0].__len__() + 1 + len(CUT[1]) + 1 + len(CUT[2]) + 1 + len(CUT[3]) + 1,
                       "2\t江政发〔2013〕7号\t关于印发《江城市农村公路养护管理办法（试行）》的通知\t宣布失效")


def _decision_tables(archive: Archive, issue_id: str) -> list[list[list[str]]]:
    decision = next(d for d in archive.documents(issue_id) if d.doc_number_canonical == "青政规发〔2023〕1号")
    return [[[re.sub(r"\s+", "", c) for c in row] for row in b["rows"]]
            for b in archive.document(decision.id).blocks if b.get("kind") == "table"]


def test_the_shared_decision_read_from_its_pdf_holds_the_tables_of_its_text_export(shared, tmp_path):
    """青政规发〔2023〕1号 lists 63 documents in four tables; the PDF cuts most 文号 cells after the year."""
    with Archive(tmp_path / "pdf") as pdf, Archive(tmp_path / "txt") as txt:
        from_pdf = _decision_tables(pdf, pdf.import_file(next((shared / "pdfs").glob("000_*.pdf"))).issue_id)
        from_text = _decision_tables(txt, txt.import_file(next((shared / "seeds").glob("000_*.txt"))).issue_id)
    assert from_pdf == from_text
    assert [len(t) - 1 for t in from_pdf] == [25, 4, 12, 22] and {len(r) for t in from_pdf for r in t} == {4}
