"""Decode and clean: from raw bytes to the main article's lines, nothing else.

`Decode` turns bytes into Unicode NFC; `Clean` splits the page into lines (HTML through
resiliparse), picks the headline and labels every line body or out with the learned line
classifier, and joins the body.
"""
from __future__ import annotations

from ..errors import PageError
from ..lang.decode import decode_noted
from ..lang.text import match_key, squash_spaces
from ..page import Line, Page
from ..pipeline import Stage
from .features import Facts, LineView, jaccard, line_facts, page_features, title_features, words_of
from .headline import headline_text, is_headline, is_stamp_line
from .model import LineModel, load
from .wrap import unwrap


class Decode(Stage):
    name = "decode"
    requires = ("raw",)
    assigns = ("text", "encoding", "notes")

    def process(self, page: Page) -> Page:
        page.text, page.encoding, notes = decode_noted(page.raw)
        page.notes += notes
        return page


def page_views(page: Page) -> list[LineView]:
    """The page's non-empty lines as the classifier sees them; HTML head goes to hints."""
    if page.kind == "html":
        from .html import html_lines

        lines, in_main, page.head = html_lines(page.text)
        flags: list[bool | None] = list(in_main)
        numbered = list(enumerate(lines))
    else:
        lines = [squash_spaces(line) for line in page.text.split("\n")]
        flags = [None] * len(lines)
        numbered = unwrap(lines)
    return [LineView(i, text, key, len(words_of(text)), flags[i])
            for i, text in numbered if (key := match_key(text))]


def pick_title(views: list[LineView], model: LineModel, hint: str | None = None,
               facts: list[Facts] | None = None) -> int | None:
    """Position of the headline among `views`: the line matching the page's declared title
    when there is one, else the best-scoring of the first lines."""
    if hint:
        want = set(match_key(hint).split())
        scored = [(jaccard(set(v.key.split()), want), i) for i, v in enumerate(views)]
        sim, at = max(scored, default=(0.0, None))
        if sim >= 0.7:
            return at
        return None
    facts = facts or line_facts(views)
    feats = title_features(views, facts=facts)
    if not feats:
        return None
    ranked = sorted(range(len(feats)), key=lambda i: -model.title.score(feats[i]))
    return next((i for i in ranked if is_headline(views[i].text, facts[i].cues)), ranked[0])


def fill_main_gaps(views: list[LineView], facts: list[Facts], labels: list[str], title_at: int | None) -> list[str]:
    """An HTML page's subheadings and list items between two body lines, which the page's
    markup puts in its main content, are body: the classifier, reading lines one by one,
    takes short lines for furniture ("Ba trụ cột hợp tác", "- Mở rộng đào tạo...")."""
    body_at = [i for i, label in enumerate(labels) if label == "body"]
    if not body_at or views[0].in_main is None:
        return labels
    out = list(labels)
    for i in range(body_at[0] + 1, body_at[-1]):
        if out[i] != "body" and i != title_at and views[i].in_main and not facts[i].cues \
                and not is_stamp_line(views[i].text):
            out[i] = "body"
    return out


# A byline with its date stamp is short; longer lines are not checked for one.
STAMP_LINE_WORDS = 20


class Clean(Stage):
    name = "clean"
    requires = ("text", "kind", "hints")
    assigns = ("lines", "head", "body", "meta.title")

    def process(self, page: Page) -> Page:
        views = page_views(page)
        if not views:
            raise PageError("no text: the page has no readable lines")
        model = load()
        hint = (page.head and page.head.title) or page.hints.title
        facts = line_facts(views)
        title_at = pick_title(views, model, hint, facts)
        labels, probs = model.label(page_features(views, title_at, facts))
        labels = fill_main_gaps(views, facts, labels, title_at)
        page.lines, body, seen = [], [], set()
        for i, (view, label, p) in enumerate(zip(views, labels, probs)):
            if i == title_at:
                label = "title"
            elif label == "body" and view.words <= STAMP_LINE_WORDS and is_stamp_line(view.text):
                label = "out"  # a byline with its date stamp
            page.lines.append(Line(view.index + 1, view.text, view.in_main, label, p))
            if label == "body" and view.key not in seen:  # a caption printed twice is body once
                seen.add(view.key)
                body.append(view.text)
        page.body = "\n".join(body)
        title = views[title_at].text if title_at is not None else (squash_spaces(hint) if hint else None)
        page.meta.title = headline_text(title) or title if title else None
        return page
