"""The ingest pages: a form to upload files or give a URL (with the write token), and a
progress page for the job it starts, which refreshes itself."""
from __future__ import annotations

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from .access import can_read, check_write, received
from .templating import render

router = APIRouter(include_in_schema=False)


@router.get("/ingest", response_class=HTMLResponse, dependencies=[Depends(can_read)])
def ingest_page(request: Request) -> HTMLResponse:
    return render(request, "ingest.html", enabled=request.app.state.token is not None)


@router.post("/ingest")
async def ingest_form(request: Request, token: str = Form(""), url: str = Form(""),
                      files: list[UploadFile] = File(default=[])) -> Response:
    check_write(request, token)
    job = request.app.state.jobs.start(await received(files, url))
    return RedirectResponse(f"/ingest/{job.id}", status_code=303)


@router.get("/ingest/{job_id}", response_class=HTMLResponse, dependencies=[Depends(can_read)])
def job_page(request: Request, job_id: int) -> HTMLResponse:
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no ingest job {job_id}")
    return render(request, "job.html", job=job)
