"""Fictional gazettes with personnel decisions in the forms the shared gazettes lack, with their truth.

A city gazette (聘任为, 任命…为 two posts, 免去张三、李四的…职务, a name running into its post, 挂任…挂职期为1年,
提名为…人选, 退休, 不再担任, names with · and rare characters, a post broken over two lines, a trial period)
with a leading group, a work division and a 任前公示 that decide nothing; and a national gazette in the style of
1954 and 1999 (heading lists: 全国人民代表大会常务委员会任免名单, 国务院任免人员, 决定任命： then names, a 主席令);
a provincial gazette (试用期 in brackets, 任命A为…，B为…, 分别任, 不再担任) with a leading group. Each is
written as a text export and printed as a real PDF with tests/prints.py, so the whole import path is exercised."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tests.prints import LAYOUTS, print_issue


@dataclass
class Doc:
    """A document: its text and the decisions it holds (person, action, post)."""

    section: str
    title: str
    number: str | None
    recipients: str | None
    body: list[str]
    issuer: str
    date: str
    truth: list[tuple[str, str, str | None]] = field(default_factory=list)


CITY = [
    Doc("人事任免", "云岭市人民政府关于赵一鸣等同志职务任免的通知", "云政干发〔2024〕7号", "各县（区）人民政府，市政府各部门：",
        ["经市人民政府研究决定：",
         "赵一鸣同志任市科学技术局副局长；",
         "钱二聘任为市农业科学研究院院长；",
         "任命孙三丰为市审计局局长、市统计局局长；",
         "李四海任市财政局副局长，免去其市税务服务中心主任职务；",
         "免去周五、吴六的市商务局副局长职务；",
         "免去郑七市水务局副局长职务；",
         "冯堃任市档案馆馆长；",
         "阿依古丽·买买提任市民族宗教事务局副局长；",
         "褚八挂任市发展和改革委员会副主任，挂职期为1年；",
         "卫九同志任市应急管理局副局长（挂职）；",
         "朱秋同志任市云计算和大数据发展局副局长",
         "（挂职）；",
         "蒋十同志提名为市工商业联合会主席人选；",
         "免去沈国强同志市教育局局长职务，退休；",
         "韩冬不再担任市人力资源和社会保障局副局长职务；",
         "免去王殿",
         "锁市城市管理局副局长职务。",
         "按照有关规定，赵一鸣、李四海2名同志任职试用期为一年。"],
        "云岭市人民政府", "2024年3月15日",
        [("赵一鸣", "appoint", "市科学技术局副局长"), ("钱二", "appoint", "市农业科学研究院院长"),
         ("孙三丰", "appoint", "市审计局局长"), ("孙三丰", "appoint", "市统计局局长"),
         ("李四海", "appoint", "市财政局副局长"), ("李四海", "remove", "市税务服务中心主任"),
         ("周五", "remove", "市商务局副局长"), ("吴六", "remove", "市商务局副局长"),
         ("郑七", "remove", "市水务局副局长"), ("冯堃", "appoint", "市档案馆馆长"),
         ("阿依古丽·买买提", "appoint", "市民族宗教事务局副局长"),
         ("褚八", "second", "市发展和改革委员会副主任"), ("卫九", "second", "市应急管理局副局长"),
         ("朱秋", "second", "市云计算和大数据发展局副局长"), ("蒋十", "nominate", "市工商业联合会主席"),
         ("沈国强", "remove", "市教育局局长"), ("韩冬", "remove", "市人力资源和社会保障局副局长"),
         ("王殿锁", "remove", "市城市管理局副局长"),
         ("赵一鸣", "trial", None), ("李四海", "trial", None)]),
    Doc("人事任免", "云岭市人民政府关于王喆等同志任职的通知", "云政干发〔2024〕9号", "各县（区）人民政府，市政府各部门：",
        ["根据工作需要，市人民政府决定：",
         "王喆任市公安局交通警察支队支队长；",
         "欧阳春雨任市卫生健康委员会副主任；",
         "任命刘小红同志为市图书馆馆长。"],
        "云岭市人民政府", "2024年4月2日",
        [("王喆", "appoint", "市公安局交通警察支队支队长"), ("欧阳春雨", "appoint", "市卫生健康委员会副主任"),
         ("刘小红", "appoint", "市图书馆馆长")]),
    Doc("市政府文件", "云岭市人民政府关于调整市防汛抗旱指挥部组成人员的通知", "云政发〔2024〕12号",
        "各县（区）人民政府，市政府各部门：",
        ["因人员变动，市人民政府决定调整市防汛抗旱指挥部组成人员。现将调整后的名单通知如下：",
         "总指挥：王大山（市长）", "副总指挥：李小川（副市长）",
         "成员：赵一鸣（市科学技术局副局长）、钱二（市农业科学研究院院长）",
         "指挥部办公室设在市水务局，郑七同志兼任办公室主任的职务由市水务局另行安排。"],
        "云岭市人民政府", "2024年4月8日"),
    Doc("市政府文件", "云岭市人民政府关于市长副市长工作分工的通知", "云政发〔2024〕13号", "各县（区）人民政府，市政府各部门：",
        ["因人员变动，现将市长、副市长工作分工通知如下：",
         "王大山市长：主持市政府全面工作，负责审计方面的工作。",
         "李小川副市长：负责发展改革、财政、税务方面的工作。"],
        "云岭市人民政府", "2024年4月9日"),
]

PROVINCE = [
    Doc("人事任免", "示范省人民政府关于张明等职务任免的通知", "示政人〔2024〕3号", "各市、县人民政府，省政府各部门：",
        ["省人民政府决定：",
         "张明任示范省发展和改革委员会副主任（试用期一年）；",
         "任命李华为示范省教育厅副厅长，王强为示范省财政厅副厅长；",
         "免去赵刚的示范省交通运输厅副厅长职务；",
         "免去钱伟、孙丽同志的示范省统计局副局长职务；",
         "周敏、吴凡同志分别任示范省审计厅副厅长、示范省民政厅副厅长；",
         "郑华同志不再担任示范省水利厅副厅长职务。"],
        "示范省人民政府", "2024年6月3日",
        [("张明", "appoint", "示范省发展和改革委员会副主任"), ("张明", "trial", None),
         ("李华", "appoint", "示范省教育厅副厅长"), ("王强", "appoint", "示范省财政厅副厅长"),
         ("赵刚", "remove", "示范省交通运输厅副厅长"), ("钱伟", "remove", "示范省统计局副局长"),
         ("孙丽", "remove", "示范省统计局副局长"), ("周敏", "appoint", "示范省审计厅副厅长"),
         ("吴凡", "appoint", "示范省民政厅副厅长"), ("郑华", "remove", "示范省水利厅副厅长")]),
    Doc("省政府文件", "示范省人民政府关于成立示范省数字政府建设领导小组的通知", "示政发〔2024〕9号",
        "各市、县人民政府，省政府各部门：",
        ["为加强对数字政府建设工作的领导，省政府决定成立示范省数字政府建设领导小组。组成人员如下：",
         "组　长：张明　省发展和改革委员会副主任", "副组长：李华　省教育厅副厅长",
         "成　员：王强　省财政厅副厅长", "领导小组办公室设在省发展和改革委员会，张明同志兼任办公室主任。"],
        "示范省人民政府", "2024年6月5日"),
]

NATIONAL = [
    Doc("国务院人事任免", "全国人民代表大会常务委员会任免名单", None, None,
        ["（1999年4月29日第九届全国人民代表大会常务委员会第九次会议通过）",
         "一、免去宋明的中华人民共和国驻甲国特命全权大使职务；",
         "二、任命欧阳晓东为中华人民共和国驻甲国特命全权大使；",
         "三、任命林海、高山为全国人民代表大会常务委员会副秘书长。"],
        "全国人民代表大会常务委员会", "1999年4月29日",
        [("宋明", "remove", "中华人民共和国驻甲国特命全权大使"),
         ("欧阳晓东", "appoint", "中华人民共和国驻甲国特命全权大使"),
         ("林海", "appoint", "全国人民代表大会常务委员会副秘书长"),
         ("高山", "appoint", "全国人民代表大会常务委员会副秘书长")]),
    Doc("国务院人事任免", "国务院任免人员", None, None,
        ["任命马文为教育部副部长",
         "免去黄河的教育部副部长职务",
         "任命张长江为司法部部长，李淮为司法部副部长",
         "免去陈平、周安的国家计划委员会委员职务"],
        "国务院", "1999年5月6日",
        [("马文", "appoint", "教育部副部长"), ("黄河", "remove", "教育部副部长"),
         ("张长江", "appoint", "司法部部长"), ("李淮", "appoint", "司法部副部长"),
         ("陈平", "remove", "国家计划委员会委员"), ("周安", "remove", "国家计划委员会委员")]),
    Doc("国务院人事任免", "国务院关于任免国家工作人员的决定", None, None,
        ["国务院决定任命：",
         "刘一为外交部副部长；",
         "陈二为商务部部长助理。",
         "国务院决定免去：",
         "赵三的外交部副部长职务。"],
        "国务院", "1999年5月8日",
        [("刘一", "appoint", "外交部副部长"), ("陈二", "appoint", "商务部部长助理"),
         ("赵三", "remove", "外交部副部长")]),
    Doc("国务院人事任免", "中华人民共和国主席令", None, None,
        ["根据中华人民共和国全国人民代表大会常务委员会的决定：",
         "任命周一为中华人民共和国驻乙国特命全权大使；",
         "免去吴二的中华人民共和国驻乙国特命全权大使职务。"],
        "中华人民共和国主席", "1999年5月10日",
        [("周一", "appoint", "中华人民共和国驻乙国特命全权大使"),
         ("吴二", "remove", "中华人民共和国驻乙国特命全权大使")]),
]


def text_export(gazette: str, year: int, issue: int, docs: list[Doc]) -> str:
    """The issue as a PDF-to-text converter gives it: cover, 目录, then each document's paragraphs."""
    out = ["", gazette, "", f"{year}年 第 {issue} 期", "", "目 录", ""]
    section = None
    for k, d in enumerate(docs):
        if d.section != section:
            section = d.section
            out += [f"【{section}】", ""]
        out += [f"{d.title} {d.number or ''}\t({k * 2 + 1})", ""]
    out += ["主 编：编辑部", "", "地 址：人民路1号", "", ""]
    for d in docs:
        out += [d.title, ""] + ([d.number, ""] if d.number else []) + ([d.recipients, ""] if d.recipients else [])
        for p in d.body:
            out += [p, ""]
        out += [d.issuer, d.date, ""]
    return "\n".join(out) + "\n"


ISSUES = [("云岭市人民政府公报", 2024, 5, CITY), ("中华人民共和国国务院公报", 1999, 15, NATIONAL),
          ("示范省人民政府公报", 2024, 6, PROVINCE)]


def write(folder: Path, layout_index: int = 1) -> list[tuple[Path, list[Doc]]]:
    """Print every fictional issue as a PDF in a folder; return (pdf, documents) pairs."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for gazette, year, issue, docs in ISSUES:
        text = folder / f"{year}-{issue}.txt"
        text.write_text(text_export(gazette, year, issue, docs), encoding="utf-8")
        pdf = folder / f"{year}-{issue}.pdf"
        print_issue(text, pdf, LAYOUTS[layout_index])
        out.append((pdf, docs))
    return out


def truth(docs: list[Doc]) -> list[tuple[str, str, str, str | None]]:
    """(title, person, action, post) of every decision the documents hold."""
    return [(d.title, *t) for d in docs for t in d.truth]


def build_home(folder: Path) -> Path:
    """A data home holding every fictional issue, printed as PDFs and imported; returns the home."""
    from reader.archive import Archive

    home = folder / "home"
    with Archive(home) as archive:
        for pdf, _docs in write(folder / "prints"):
            assert archive.import_file(pdf).ok
    return home
