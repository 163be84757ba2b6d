"""The entity tagger: Viterbi over weights, BIO spans, the labels training reads, and the
shipped model on sentences written for the test."""
import pytest

from sugia.entities import extract_entities
from sugia.entities.tagger import LABELS, Tagger, lines_of, load, rule_labels, spans
from sugia.entities.train import gold_labels
from sugia.lang.tokens import tokenize


def test_tagger_viterbi_follows_state_and_transition_weights():
    rows = [("state", "w=an", "B-PER", "2"), ("state", "w=ba", "I-PER", "1"), ("state", "w=ba", "B-LOC", "1.5"),
            ("trans", "B-PER", "I-PER", "1"), ("trans", "O", "I-PER", "-5"), ("state", "w=x", "O", "1"),
            ("state", "-1:w=x", "B-LOC", "1")]
    tagger = Tagger.from_rows(rows)
    assert tagger.tag([["w=an"], ["w=ba"]]) == ["B-PER", "I-PER"]  # the transition outweighs B-LOC
    assert tagger.tag([["w=x"], ["w=ba"]]) == ["O", "B-LOC"]  # and its neighbour's word says so
    assert tagger.tag([]) == []


def test_tagger_scores_own_and_neighbour_attributes_as_the_trained_strings_do():
    """The decoder sums rows by offset without writing '-1:w=...' strings: the same scores as
    summing the weights of `features`' strings (what the CRF was trained on)."""
    import numpy as np

    from sugia.entities.tagger import VIEWS, features, own_attributes

    tagger = load()
    if tagger is None:
        pytest.skip("no trained tagger (make train)")
    tokens = tokenize("Chiều 5/3, Thủ tướng Phạm Minh Chính tiếp Đại sứ Kassym-Jomart tại Hà Nội")
    rules = ["O"] * len(tokens)
    unseen = len(tagger.weights) - 1
    ids = {(f"{o}:{a}" if o else a): tagger.views[n, k] for a, n in tagger.attributes.items()
           for k, o in enumerate(VIEWS) if tagger.views[n, k] != unseen}
    by_strings = np.array([sum((tagger.weights[ids[a]] for a in row if a in ids), np.zeros(len(LABELS)))
                           for row in features(tokens, rules)])
    assert np.allclose(tagger.scores(own_attributes(tokens, rules)), by_strings)


@pytest.mark.parametrize("labels,found", [
    (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
    (["I-ORG", "I-ORG", "O"], [(0, 2, "ORG")]),  # a name the model opens with I- still counts
    (["B-PER", "B-PER"], [(0, 1, "PER"), (1, 2, "PER")]),
    (["O", "O"], []),
])
def test_tagger_spans(labels, found):
    assert spans(labels) == found


def test_tagger_rule_and_gold_labels():
    text = "Bộ trưởng Lê Gia Bảo tới Hà Nội.\nĐoàn Bộ Ngoại giao"
    tokens = tokenize(text)
    assert rule_labels(tokens, [(10, 20, "PER")])[2:5] == ["B-PER", "I-PER", "I-PER"]
    gold = gold_labels(tokens, [("Lê Gia Bảo", "PER"), ("Hà Nội", "LOC"), ("Bộ Ngoại giao", "ORG")])
    assert [label for label in gold if label != "O"] == ["B-PER", "I-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG",
                                                         "I-ORG", "I-ORG"]
    assert len(lines_of(tokens)) == 2 and set(gold) <= set(LABELS)


PARAGRAPH = ("Theo ông Nguyễn Trung Kiên, hoạt động sẽ diễn ra tại Hà Nội. Tổng thư ký Trung tâm Nhật Bản – ASEAN "
             "Hoàng Tú Minh phát biểu. Đại sứ Myanmar tại Việt Nam Min Thu cũng dự. Thủ tướng Hun Sen và Thủ tướng "
             "Nguyễn Xuân Phúc dự.")


def test_tagger_shipped_model_adds_to_the_rules_and_keeps_theirs():
    """Weights change with each training; what holds is that the tagger keeps every name the
    rules find and adds names the rules cannot read (a short foreign name, a transliteration)."""
    rules = {p.name for p in extract_entities({"body": PARAGRAPH})[0]}
    both = {p.name for p in extract_entities({"body": PARAGRAPH}, load())[0]}
    assert rules < both and both - rules <= {"Min Thu", "Hoàng Tú Minh", "Hun Sen"}


def test_tagger_post_of_a_name_it_found():
    rows = [("state", "w=bình", "I-PER", "9"), ("state", "w=nguyễn", "B-PER", "9"), ("state", "w=văn", "I-PER", "9")]
    from sugia.lang.text import tone_key

    rows = [(kind, f"w={tone_key(attr[2:])}", label, weight) for kind, attr, label, weight in rows]
    people = extract_entities({"body": "Nguyễn Văn Bình, Thứ trưởng Bộ Ngoại giao, cho biết hai bên sẽ ký."},
                              Tagger.from_rows(rows))[0]
    assert [(p.name, p.titles) for p in people] == [("Nguyễn Văn Bình", ["Thứ trưởng Bộ Ngoại giao"])]


@pytest.mark.parametrize("name,meeting", [
    ("Thượng đỉnh về Phối hợp hành động", True), ("Hội nghị Cấp cao ASEAN", True), ("Toạ đàm Biển Đông", True),
    ("Diễn đàn Kinh tế Thế giới", False), ("Hội Chữ thập đỏ", False), ("Liên hợp quốc", False),
])
def test_tagger_meetings_are_not_organisations(name, meeting):
    from sugia.entities.tagger import is_meeting

    assert is_meeting(name) is meeting
