"""Rendering a template in the visitor's language (Vietnamese by default, English by toggle,
kept in a cookie), with the links every page needs."""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from .i18n import KINDS, LANGS, STRINGS
from .render import marked

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.filters["marked"] = marked


def language(request: Request) -> str:
    lang = request.query_params.get("lang") or request.cookies.get("lang") or "vi"
    return lang if lang in LANGS else "vi"


def url_with(request: Request, **changes: Any) -> str:
    """This page's URL with some query parameters changed (None removes one)."""
    params = {k: v for k, v in request.query_params.items() if k not in changes and k != "offset"}
    params |= {k: v for k, v in changes.items() if v is not None}
    return f"{request.url.path}?{urlencode(params)}" if params else request.url.path


def moment(iso: str) -> str:
    """An ISO instant as people read it: "08/10/2024 14:30 (UTC+07:00)", a day as "08/10/2024"."""
    from datetime import datetime

    try:
        value = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if len(iso) <= 10:
        return value.strftime("%d/%m/%Y")
    zone = value.strftime(" (UTC%z)") if value.tzinfo else ""
    return value.strftime("%d/%m/%Y %H:%M") + (zone[:-3] + ":" + zone[-3:] if zone else "")


templates.env.filters["moment"] = moment


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    lang = language(request)
    other = "en" if lang == "vi" else "vi"
    response = templates.TemplateResponse(request, template, {
        "t": STRINGS[lang], "lang": lang, "kinds": KINDS[lang], "toggle": url_with(request, lang=other),
        "url_with": lambda **c: url_with(request, **c), **context}, status_code=status)
    if "lang" in request.query_params:
        response.set_cookie("lang", lang, max_age=365 * 86400, samesite="lax")
    return response


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status=status, status_code=status, message=message)
