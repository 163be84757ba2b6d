"""What kind of diplomatic event a phrase names, keeping the protocol detail Vietnamese
reporting carries: hội đàm (talks) is not hội kiến/tiếp (reception), điện đàm is a phone call,
a visit has a level (cấp Nhà nước, chính thức, làm việc, công tác).

Patterns run on folded text (no marks). Order matters: the first kind that matches a phrase
wins ("Hội nghị Bộ trưởng" before the generic "Hội nghị").
"""
from __future__ import annotations

import re

KINDS: tuple[tuple[str, str], ...] = (
    ("summit", r"hoi nghi thuong dinh|hoi nghi cap cao|tuan le cap cao|hoi nghi lanh dao|thuong dinh"),
    ("ministerial_meeting", r"hoi nghi (?:hep |khong chinh thuc |dac biet )?bo truong|hoi nghi hoi dong|hop bo truong"
                            r"|cap bo truong"),
    ("senior_officials_meeting", r"quan chuc cao cap|quan chuc(?: [a-z]+){0,3} cap cao|hoi nghi som|cuoc hop som"
                                 r"|(?:cuoc )?hop tru bi"),
    ("visit", r"tham cap nha nuoc|tham (?:huu nghi )?chinh thuc|tham huu nghi|tham lam viec|tham va lam viec|chuyen tham"
              r"|chuyen cong tac"
              r"|hoat dong song phuong|cong du"),
    ("talks", r"hoi dam"),
    ("phone_call", r"dien dam|dien thoai voi|goi dien(?: thoai)?"),
    ("reception", r"hoi kien|chao xa giao|tiep xa giao|tiep xuc|tiep va lam viec|(?:da |se |)tiep(?= (?:dai su|ong|ba|bo truong|thu truong|doan|chu tich|tong|pho|nguoi|lanh|cac|dai dien|[a-z]+ [a-z]+ (?:dai su|bo truong)))|gap(?: go)?(?= [a-z])"),
    ("signing", r"le ky(?! niem)|ky ket|(?:da |se )ky(?= )|ky ban ghi nho|ky hiep dinh|ky thoa thuan"),
    ("session", r"ky hop|khoa hop|phien hop|phien toan the"),
    ("conference", r"hoi thao|phien thao luan|toa dam|dien dan|hoi nghi"),
    ("ceremony", r"le ky niem|le khai mac|le be mac|le don|le tiep don|khai truong|khanh thanh|le trao"),
    ("other", r"tham khao chinh tri|doi thoai|cuoc hop|tham van"),
)
# Every kind an event can have, in priority order: CLI choices, API validation and web labels derive from it.
EVENT_KINDS: tuple[str, ...] = tuple(kind for kind, _ in KINDS)
TRIGGER = re.compile("|".join(f"(?P<{kind}>\\b(?:{pattern})\\b)" for kind, pattern in KINDS))
# A meeting named as the aim of another is not an event of this sentence.
NOT_HELD = re.compile(r"(?:chuan bi|tru bi|tien toi|huong toi|de nghi to chuc|moi du|ung cu)(?: cho)?(?: cac)?\s*$")
LEVEL = re.compile(r"tham (cap nha nuoc|chinh thuc|lam viec|cong tac)|chuyen (cong tac|tham cap nha nuoc|tham chinh thuc)")
UPGRADE = re.compile(r"nang cap quan he[^.;]{0,60}?(?:len|thanh)\s+")
ORDINAL = re.compile(r"lan thu (\d+)((?:\s*,\s*\d+)*)")


_BY_KIND = tuple((kind, re.compile(rf"\b(?:{pattern})\b")) for kind, pattern in KINDS)


def kind_of(folded_phrase: str) -> str:
    """The first kind, in priority order, that the phrase names anywhere."""
    return next((kind for kind, pattern in _BY_KIND if pattern.search(folded_phrase)), "other")

# Documents signed or adopted: "ký Bản ghi nhớ hợp tác...", "thông qua Tuyên bố chung...".
DOCUMENT = re.compile(r"\b(?:Bản ghi nhớ|Hiệp định|Thỏa thuận|Thoả thuận|Tuyên bố chung|Tuyên bố|Nghị định thư|Công ước"
                      r"|Kế hoạch hành động|Chương trình hành động|Biên bản|Hiến chương|Hiệp ước|Bản thỏa thuận)\b")
