"""The interface's words in Vietnamese (the default) and English."""
from __future__ import annotations

from ..events.kinds import EVENT_KINDS

STRINGS: dict[str, dict[str, str]] = {
    "vi": {
        "site": "sugia — tri thức ngoại giao", "skip": "Bỏ qua đến nội dung chính", "nav": "Điều hướng chính",
        "search": "Tìm kiếm", "events": "Dòng sự kiện", "ingest": "Nạp trang", "other_lang": "English",
        "query": "Từ khóa", "query_help": "Có dấu hoặc không dấu; \"cụm từ\", AND/OR/NOT, tiền tố*",
        "go": "Tìm", "results": "Kết quả", "no_results": "Không tìm thấy trang nào.", "facets": "Thu hẹp",
        "outlet": "Nguồn báo", "year": "Năm", "country": "Quốc gia", "forum": "Diễn đàn", "kind": "Loại sự kiện",
        "all": "Tất cả", "published": "Ngày đăng", "author": "Tác giả", "reprinted_from": "Nguồn gốc",
        "raw": "Trang gốc (thô)", "copies": "Các bản đăng lại", "original": "bản gốc khả dĩ", "metadata": "Thông tin trang",
        "people": "Nhân vật", "organizations": "Tổ chức", "places": "Địa danh", "posts": "Chức vụ theo thời gian",
        "post": "Chức vụ", "first_seen": "Thấy lần đầu", "last_seen": "Thấy lần cuối", "former": "nguyên",
        "attended": "Sự kiện tham dự", "met": "Đã gặp", "mentions_by_month": "Số trang nhắc đến theo tháng",
        "sources": "Các trang", "meetings_by_year": "Các cuộc họp theo năm", "people_in_posts": "Nhân vật giữ chức vụ tại đây",
        "aliases": "Tên khác", "from": "Từ ngày", "to": "Đến ngày", "person": "Nhân vật", "filter": "Lọc",
        "map": "Bản đồ nơi diễn ra sự kiện", "map_note": "Mỗi chấm là một nơi; chấm lớn hơn, nhiều sự kiện hơn.",
        "place": "Địa điểm", "date": "Ngày", "event": "Sự kiện", "participants": "Thành phần", "no_events": "Không có sự kiện nào.",
        "upload": "Tệp (văn bản, HTML, JSON Lines, WARC)", "token": "Mã truy cập", "url": "hoặc địa chỉ URL",
        "start": "Bắt đầu nạp", "progress": "Tiến độ", "job": "Lượt nạp", "state": "Trạng thái", "new": "mới",
        "job_running": "đang nạp", "job_finished": "xong", "job_error": "dừng vì lỗi", "job_failed": "lượt nạp dừng lại",
        "year_inferred": "năm suy ra", "entities": "Thực thể", "download": "Tải xuống",
        "unchanged": "không đổi", "changed": "đã cập nhật", "failed": "lỗi", "ingest_off": "Máy chủ chưa cho phép nạp trang (khởi động với --token).",
        "error": "Lỗi", "home": "Về trang tìm kiếm", "pages": "trang", "previous": "Trang trước", "next": "Trang sau",
        "stats": "Kho hiện có", "n_events": "sự kiện", "n_entities": "thực thể", "figures": "Số liệu", "events_here": "Sự kiện tại đây",
    },
    "en": {
        "site": "sugia — diplomacy knowledge base", "skip": "Skip to main content", "nav": "Main navigation",
        "search": "Search", "events": "Event timeline", "ingest": "Add pages", "other_lang": "Tiếng Việt",
        "query": "Query", "query_help": "With or without diacritics; \"phrases\", AND/OR/NOT, prefix*",
        "go": "Search", "results": "Results", "no_results": "No page found.", "facets": "Narrow down",
        "outlet": "Outlet", "year": "Year", "country": "Country", "forum": "Forum", "kind": "Event kind",
        "all": "All", "published": "Published", "author": "Author", "reprinted_from": "Reprinted from",
        "raw": "Raw page", "copies": "Reprints", "original": "likely original", "metadata": "Page metadata",
        "people": "People", "organizations": "Organisations", "places": "Places", "posts": "Posts over time",
        "post": "Post", "first_seen": "First seen", "last_seen": "Last seen", "former": "former",
        "attended": "Events attended", "met": "Met", "mentions_by_month": "Pages mentioning them, by month",
        "sources": "Pages", "meetings_by_year": "Meetings by year", "people_in_posts": "People holding posts here",
        "aliases": "Also written", "from": "From", "to": "To", "person": "Person", "filter": "Filter",
        "map": "Map of event places", "map_note": "Each dot is a place; larger dots, more events.",
        "place": "Place", "date": "Date", "event": "Event", "participants": "Participants", "no_events": "No events.",
        "upload": "Files (text, HTML, JSON Lines, WARC)", "token": "Access token", "url": "or a URL",
        "start": "Start ingesting", "progress": "Progress", "job": "Ingest job", "state": "State", "new": "new",
        "job_running": "running", "job_finished": "finished", "job_error": "stopped by an error",
        "job_failed": "the ingest stopped", "year_inferred": "year inferred", "entities": "Entities",
        "download": "Download",
        "unchanged": "unchanged", "changed": "updated", "failed": "failed", "ingest_off": "This server does not accept pages (start it with --token).",
        "error": "Error", "home": "Back to search", "pages": "pages", "previous": "Previous", "next": "Next",
        "stats": "In the base", "n_events": "events", "n_entities": "entities", "figures": "Figures", "events_here": "Events held here",
    },
}

_KIND_LABELS: dict[str, dict[str, str]] = {
    "vi": {"summit": "Hội nghị cấp cao", "ministerial_meeting": "Hội nghị Bộ trưởng",
           "senior_officials_meeting": "Hội nghị quan chức cao cấp", "visit": "Chuyến thăm", "talks": "Hội đàm",
           "reception": "Tiếp", "phone_call": "Điện đàm", "conference": "Hội nghị, hội thảo", "signing": "Ký kết",
           "ceremony": "Lễ", "session": "Phiên họp, kỳ họp", "other": "Khác"},
    "en": {"summit": "Summit", "ministerial_meeting": "Ministerial meeting", "senior_officials_meeting": "Senior officials' meeting",
           "visit": "Visit", "talks": "Talks", "reception": "Reception", "phone_call": "Phone call", "conference": "Conference",
           "signing": "Signing", "ceremony": "Ceremony", "session": "Session", "other": "Other"},
}
LANGS = tuple(STRINGS)
# Each event kind's label, in the order of events.kinds.EVENT_KINDS (a kind without a label shows its name).
KINDS: dict[str, dict[str, str]] = {lang: {kind: labels.get(kind, kind) for kind in EVENT_KINDS}
                                    for lang, labels in _KIND_LABELS.items()}
