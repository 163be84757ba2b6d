"""Hard-wrapped paragraphs joined (a page written for the test, cut at 60 characters)."""
import textwrap

from sugia.clean.wrap import unwrap

PARAGRAPHS = [
    "Chiều 5/3, tại Hà Nội, Bộ trưởng Ngoại giao Lê Gia Bảo đã tiếp Đại sứ Nhật Bản Sato Kenji nhân dịp "
    "Đại sứ trình bản sao Quốc thư và bắt đầu nhiệm kỳ công tác tại Việt Nam.",
    "Hai bên nhất trí thúc đẩy hợp tác trong các lĩnh vực kinh tế, thương mại, đầu tư, giáo dục, văn hóa "
    "và giao lưu nhân dân, góp phần làm sâu sắc thêm quan hệ Đối tác chiến lược toàn diện giữa hai nước.",
    "Đại sứ khẳng định sẽ nỗ lực hết sức mình để đóng góp vào sự phát triển của quan hệ hai nước trong "
    "nhiệm kỳ công tác, và cảm ơn sự hỗ trợ của Bộ Ngoại giao Việt Nam.",
]


def test_wrap_cut_paragraphs_are_joined_where_they_were_cut():
    lines = ["Bộ trưởng tiếp Đại sứ Nhật Bản", ""]
    for paragraph in PARAGRAPHS:
        lines += textwrap.wrap(paragraph, 60) + [""]
    joined = [text for _, text in unwrap(lines) if text]
    assert joined == ["Bộ trưởng tiếp Đại sứ Nhật Bản", *PARAGRAPHS]
    assert unwrap(lines)[2][0] == 2  # a joined line keeps the number of its first line


def test_wrap_pages_not_cut_to_one_width_are_left_alone():
    lines = ["Bộ trưởng tiếp Đại sứ Nhật Bản", *PARAGRAPHS, "Tin liên quan", "Bộ trưởng dự hội nghị ASEAN"]
    assert unwrap(lines) == list(enumerate(lines))
