"""The ingest pages: a form to upload files or give a URL (with the write token), and a
progress page for the job it starts, which refreshes itself."""
from __future__ import annotations

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from .access import CSRF_COOKIE, can_read, check_form, check_write, new_csrf, received
from .templating import render

router = APIRouter(include_in_schema=False)


@router.get("/ingest", response_class=HTMLResponse, dependencies=[Depends(can_read)])
def ingest_page(request: Request) -> HTMLResponse:
    csrf = new_csrf(request)
    response = render(request, "ingest.html", enabled=request.app.state.token is not None, csrf=csrf)
    response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict")
    return response


@router.post("/ingest")
async def ingest_form(request: Request, token: str = Form(""), url: str = Form(""), csrf: str = Form(""),
                      files: list[UploadFile] = File(default=[])) -> Response:
    check_form(request, csrf)
    check_write(request, token)
    job = request.app.state.jobs.start(await received(files, url, request.app.state.allow_private))
    return RedirectResponse(f"/ingest/{job.id}", status_code=303)


@router.get("/ingest/{job_id}", response_class=HTMLResponse, dependencies=[Depends(can_read)])
def job_page(request: Request, job_id: str) -> HTMLResponse:
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no ingest job {job_id}")
    return render(request, "job.html", job=job)
