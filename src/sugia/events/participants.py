"""Who took part in an event: the people its sentence names as acting in it, and those later
sentences add while they speak of the same event ("Tham dự hội đàm có ...", "Tại buổi tiếp,
...", "Về phía Việt Nam có ..."). Not the one who invited or whose greetings are conveyed
("theo lời mời của X", "thay mặt X", "chuyển lời thăm hỏi của X"), nor who merely travels
with a delegation ("Cùng đi có ...").
"""
from __future__ import annotations

import re

from ..lang.text import fold
from ..records import Person


def _alternatives(*phrases: str) -> str:
    return "(?:" + "|".join(phrases) + ")"


# Text before a name that says its bearer is not there: the inviter, the one represented, the
# sender of greetings. No comma or semicolon stands between the cue and the name.
ABSENT = re.compile(_alternatives(r"loi moi(?: trang trong)?(?: cua)?", "thay mat", "nhan dip", "ke nhiem", "tien nhiem",
                                  r"loi (?:chao|tham hoi|chuc mung|chuc|cam on)(?: tot dep| than thiet| trang trong)* cua")
                    + r"[^,;.()]*$")
# A sentence that lists who attended the event just reported.
ATTENDANCE = re.compile(r"\b" + _alternatives("tham du", "cung du", "co mat", "ve phia", "chung kien", "du hoi dam", "du buoi",
                                             "du le", "du cuoc", "tham gia hoi dam", "tham gia doan", "ra don", "don doan")
                        + r"\b")
# "hai Thủ tướng", "hai đồng Chủ tịch", "Thủ tướng Chính phủ hai nước": the holders of a post the
# page names, both of them.
BOTH_HOLDERS = re.compile(r"\bhai (?:dong )?(thu tuong|bo truong|chu tich|tong thong|truong doan|nha lanh dao)\b"
                          r"|\b(thu tuong|bo truong|chu tich|tong thong)(?: chinh phu| nuoc)? hai nuoc\b")
# A sentence that opens on an event: "Tại buổi tiếp, ...", "Phát biểu tại Hội nghị, ..." (the
# meeting's noun is kept: the event it names takes the sentence's people).
MEETING_NOUNS = ("tiep", "hoi dam", "hoi kien", "gap", "dien dam", "lam viec", "hoi nghi", "hop", "ky", "chao", "tham")
REFERENCE = re.compile(r"^\W*" + _alternatives("tai", "trong", "sau", "mo dau", "ket thuc", "phat bieu tai")
                       + r" ((?:(?:buoi|cuoc|le|phien) )?" + _alternatives(*MEETING_NOUNS) + ")")
# Travelling with a delegation is not taking part in its talks.
ACCOMPANYING = re.compile(r"\b(?:cung di|tuy tung)\b")


def present(sentence: str, start: int, people: list[tuple[int, int, Person]]) -> list[str]:
    """Names of the people the sentence (at `start` in the body) shows present, in order."""
    out: list[str] = []
    for s, _e, person in people:
        if start <= s < start + len(sentence) and not ABSENT.search(fold(sentence[: s - start])[-250:]):
            if person.name not in out:
                out.append(person.name)
    return out


def holders(sentence: str, people: list[Person]) -> list[str]:
    """The people a sentence names by a post they both hold ("hai Thủ tướng")."""
    out: list[str] = []
    for m in BOTH_HOLDERS.finditer(fold(sentence)):
        post = m.group(1) or m.group(2)
        out += [p.name for p in people if p.name not in out and any(fold(t).startswith(post) for t in p.titles)]
    return out


def referenced(sentence: str) -> str | None:
    """The meeting a sentence opens on, folded ("cuoc hop" of "Phát biểu tại cuộc họp, ...")."""
    found = REFERENCE.match(fold(sentence))
    return found.group(1) if found else None


def attendance(sentence: str) -> bool:
    """Does the sentence list attendees of the event just reported (and not companions), or
    open on it ("Tại buổi tiếp, ...")?"""
    folded = fold(sentence)
    return bool(ATTENDANCE.search(folded) or REFERENCE.match(folded)) and not ACCOMPANYING.search(folded)
