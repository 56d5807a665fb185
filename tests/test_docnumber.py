from reader.gazette import docnumber


def test_every_bracket_style_has_one_canonical_form():
    printed = ["青政办发〔2023〕4号", "青政办发[2023]4号", "青政办发【2023】4号", "青政办发［2023］4号",
               "青政办发(2023)4号", "青政办发（2023）4号", "青政办发〔２０２３〕４号", "青政办发〔2023〕 4 号"]
    assert {docnumber.canonical(p) for p in printed} == {"青政办发〔2023〕4号"}


def test_number_is_not_confused_with_a_longer_one():
    assert docnumber.canonical("卫政办发[2023]14号") != docnumber.canonical("卫政办发[2023]4号")


def test_title_glued_to_the_number_is_not_swallowed():
    found = docnumber.find_last("关于印发实施方案的通知 青党办〔2023〕5号")
    assert found is not None and found[0].prefix == "青党办"


def test_a_line_holding_only_a_number():
    assert docnumber.parse_line("(卫政发[2023]54号)").canonical == "卫政发〔2023〕54号"
    assert docnumber.parse_line("根据青政发〔2013〕58号文件") is None


def test_loose_forms_typed_in_a_search_box():
    assert docnumber.parse_loose("青政办发2023 4号").canonical == "青政办发〔2023〕4号"
    assert docnumber.parse_loose("青政办发 2023年4号").canonical == "青政办发〔2023〕4号"
    assert docnumber.parse_loose("垃圾分类") is None


def test_search_keys_include_the_parts():
    number = docnumber.parse_loose("青政办发〔2023〕4号")
    assert number.keys() == ["青政办发〔2023〕4号", "青政办发", "2023", "4号"]
