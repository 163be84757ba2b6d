import pickle

import pytest

from sugia import Page, Pipeline, Stage
from sugia.errors import PageError, UsageError
from sugia.page import Failure
from sugia.pipeline import Stats


class Upper(Stage):
    name = "upper"
    requires = ("raw",)
    assigns = ("text",)

    def process(self, page: Page) -> Page:
        page.text = page.raw.decode().upper()
        return page


class RejectEmpty(Stage):
    name = "reject"
    requires = ("text",)

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
    stats = Stats()
    out = list(pipe.run(pages(b"a", b"", b"boom", b"b"), stats))
    assert [p.ok for p in out] == [True, False, False, True]
    assert out[1].failure == Failure("reject", "empty page: nothing here")
    assert out[2].failure.reason == "internal error: ValueError: bad state"
    assert stats.stages["upper"].pages == 4 and stats.stages["reject"].failed == 2
    assert stats.stages["reject"].reasons == {"empty page": 1, "internal error": 1}
    assert "reject" in stats.report()


def test_pipeline_batch_stats_add_up_across_processes():
    """A batch's counts travel back from a worker (pickled) and add up to one run's."""
    pipe = Pipeline([Upper(), RejectEmpty()])
    total = Stats()
    for batch in (pages(b"a", b""), pages(b"boom", b"b", b"c")):
        out, stats = pickle.loads(pickle.dumps(pipe.batch(batch)))
        total += stats
    assert total.stages["upper"].pages == 5 and total.stages["reject"].failed == 2
    assert total.stages["reject"].reasons == {"empty page": 1, "internal error": 1}


def test_pipeline_refuses_a_stage_whose_needs_come_later():
    with pytest.raises(UsageError, match="stage 'reject' needs text"):
        Pipeline([RejectEmpty(), Upper()])


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
    stats = Stats()
    failed = Page(source="x", failure=Failure("read", "not found: no such file"))
    assert Pipeline([Upper()]).process(failed, stats) is failed
    assert stats.read.failed == 1 and "upper" not in stats.stages


def test_pipeline_page_round_trips_through_dict():
    page = Page(source="a.txt", body="Nội dung")
    page.meta.title = "Tiêu đề"
    page.meta.published = "2024-03-05"
    again = Page.from_dict(page.to_dict())
    assert again.to_dict() == page.to_dict()
