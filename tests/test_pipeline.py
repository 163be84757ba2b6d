import pytest

from sugia import Page, Pipeline, Stage
from sugia.errors import PageError
from sugia.page import Failure


class Upper(Stage):
    name = "upper"

    def process(self, page: Page) -> Page:
        page.text = page.raw.decode().upper()
        return page


class RejectEmpty(Stage):
    name = "reject"

    def process(self, page: Page) -> Page:
        if not page.text:
            raise PageError("empty page: nothing here")
        if page.text == "BOOM":
            raise ValueError("bad state")
        return page


def pages(*raws: bytes):
    return [Page(source=f"p{i}", raw=r) for i, r in enumerate(raws)]


def test_pipeline_counts_failures_per_stage_and_goes_on():
    pipe = Pipeline([Upper(), RejectEmpty()])
    out = list(pipe.run(pages(b"a", b"", b"boom", b"b")))
    assert [p.ok for p in out] == [True, False, False, True]
    assert out[1].failure == Failure("reject", "empty page: nothing here")
    assert out[2].failure.reason == "internal error: ValueError: bad state"
    assert pipe.stats["upper"].pages == 4 and pipe.stats["reject"].failed == 2
    assert pipe.stats["reject"].reasons == {"empty page": 1, "internal error": 1}
    assert "reject" in pipe.report()


def test_pipeline_is_lazy():
    seen = []

    def source():
        for p in pages(b"a", b"b"):
            seen.append(p.source)
            yield p

    run = Pipeline([Upper()]).run(source())
    assert seen == []
    next(run)
    assert seen == ["p0"]


def test_pipeline_raise_policy_propagates():
    with pytest.raises(ValueError):
        list(Pipeline([Upper(), RejectEmpty()], on_error="raise").run(pages(b"boom")))


def test_pipeline_read_failures_pass_through_untouched():
    pipe = Pipeline([Upper()])
    failed = Page(source="x", failure=Failure("read", "not found: no such file"))
    assert pipe.process(failed) is failed and pipe.read_failures.failed == 1 and pipe.stats["upper"].pages == 0


def test_pipeline_page_round_trips_through_dict():
    page = Page(source="a.txt", body="Nội dung")
    page.meta.title = "Tiêu đề"
    page.meta.published = "2024-03-05"
    again = Page.from_dict(page.to_dict())
    assert again.to_dict() == page.to_dict()
