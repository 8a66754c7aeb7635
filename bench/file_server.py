"""The physical limit of a static answer on this machine: uvicorn and a bare ASGI application
that sends bytes it holds in memory, with no Django and no file look-up.

`python -m uvicorn bench.file_server:app` serves every file under BENCH_FILES_DIR at /<name>,
with the Content-Encoding the file name says (name.gz is sent as gzip)."""

import os
from pathlib import Path

_FILES = {}
for path in Path(os.environ.get("BENCH_FILES_DIR", ".")).iterdir():
    headers = [(b"content-type", b"application/octet-stream")]
    if path.suffix == ".gz":
        headers.append((b"content-encoding", b"gzip"))
    body = path.read_bytes()
    headers.append((b"content-length", str(len(body)).encode()))
    _FILES["/" + path.name] = (headers, body)


async def app(scope, receive, send):
    headers, body = _FILES.get(scope["path"], ([(b"content-length", b"0")], b""))
    status = 200 if scope["path"] in _FILES else 404
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
