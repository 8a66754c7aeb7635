"""The production shape on one machine: nginx with the README's configuration
(deploy/nginx/saferplaces.conf.template) terminating TLS on a free local port, in front of two
uvicorn worker processes started as the README starts them, under the production settings, on
the test's PostgreSQL database and Redis.

Each part is a real process; nothing here stands in for one."""

import http.client
import os
import re
import secrets
import shutil
import ssl
import subprocess
import sys
import time
from pathlib import Path

from tests.servers import free_port

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "deploy" / "nginx" / "saferplaces.conf.template"
NGINX = os.environ.get("NGINX_PATH", "/usr/sbin/nginx")
PLACEHOLDER = re.compile(r"\$\{(SPB_[A-Z_]+)\}")


def render_template(values: dict[str, str], template: Path = TEMPLATE) -> str:
    """What `envsubst` with the README's list of names makes of the template: each ${SPB_...}
    replaced, nginx's own $variables left alone. A placeholder without a value is an error."""
    text = template.read_text()
    missing = sorted(set(PLACEHOLDER.findall(text)) - set(values))
    if missing:
        raise KeyError(f"no value for {', '.join(missing)}")
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A throwaway certificate for 127.0.0.1 and localhost (the clients trust exactly it)."""
    certificate, key = folder / "tls.crt", folder / "tls.key"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=localhost",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout", str(key), "-out", str(certificate),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return certificate, key


def _wait(check, what: str, process: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited ({process.returncode}):\n{log.read_text()[-3000:]}")
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not start in {seconds} s:\n{log.read_text()[-3000:]}")


def _stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def production_env(database_url: str, redis_url: str, prefix: str) -> dict[str, str]:
    """What an operator exports before starting the workers (README, "Production")."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "CONTRIBUTOR_HASH_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        # This run's keys and channel groups, apart from any other run's on the same Redis.
        "CACHE_PREFIX": prefix,
        "CHANNEL_PREFIX": prefix,
        # Alerts would go out by SMTP; there is no mail server here.
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def start_collectstatic(log: Path) -> subprocess.Popen:
    """`manage.py collectstatic` as the README deploys (collected, hashed, compressed), started in
    the background: it needs no database, so it runs while the test database is migrated."""
    env = production_env("postgres://unused/unused", "redis://unused", "unused")
    with log.open("w") as out:
        return subprocess.Popen(
            [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def wait_for_collectstatic(process: subprocess.Popen, log: Path) -> None:
    if process.wait(timeout=300):
        raise RuntimeError(f"collectstatic failed:\n{log.read_text()[-3000:]}")


class ProductionStack:
    """nginx on `port` (https), two workers on `worker_ports` (plain http, loopback only)."""

    def __init__(self, folder: Path, database_url: str, redis_url: str, prefix: str):
        self.folder = folder
        self.port = free_port()
        self.worker_ports = [free_port(), free_port()]
        self.certificate, self.key = self_signed_certificate(folder)
        self.access_log = folder / "access.log"
        self.workers: list[subprocess.Popen] = []
        self.nginx: subprocess.Popen | None = None
        self.env = production_env(database_url, redis_url, prefix)

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"wss://127.0.0.1:{self.port}"

    def tls_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.certificate))

    def nginx_config(self) -> Path:
        site = self.folder / "saferplaces.conf"
        site.write_text(
            render_template(
                {
                    "SPB_LISTEN": f"127.0.0.1:{self.port}",
                    "SPB_SERVER_NAME": "127.0.0.1 localhost",
                    "SPB_WORKERS": " ".join(f"server 127.0.0.1:{p};" for p in self.worker_ports),
                    "SPB_TLS_CERTIFICATE": str(self.certificate),
                    "SPB_TLS_CERTIFICATE_KEY": str(self.key),
                    "SPB_ACCESS_LOG": str(self.access_log),
                }
            )
        )
        # Debian's nginx.conf, cut down to what a private instance needs: its own pid file,
        # error log and temporary folders, in the foreground.
        temp = self.folder / "nginx-temp"
        temp.mkdir(exist_ok=True)
        temp_paths = "\n".join(
            f"    {kind}_temp_path {temp / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        main = self.folder / "nginx.conf"
        main.write_text(
            f"""daemon off;
worker_processes 2;
pid {self.folder / "nginx.pid"};
error_log {self.folder / "error.log"} warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
{temp_paths}
    include {site};
}}
"""
        )
        return main

    def start(self) -> "ProductionStack":
        if not Path(NGINX).exists():
            raise RuntimeError(
                f"nginx is not installed at {NGINX}: run scripts/ensure-nginx.sh (or set NGINX_PATH)"
            )
        # Both start at once; each is waited for below.
        waits = [self._start_worker(port) for port in self.worker_ports]
        for wait in waits:
            wait()
        main = self.nginx_config()
        test = subprocess.run(
            [NGINX, "-t", "-q", "-p", str(self.folder), "-c", str(main)],
            capture_output=True,
            text=True,
        )
        if test.returncode:
            raise RuntimeError(f"nginx refused the README's configuration:\n{test.stderr}")
        log = self.folder / "nginx.out"
        with log.open("w") as out:
            self.nginx = subprocess.Popen(
                [NGINX, "-p", str(self.folder), "-c", str(main)], stdout=out, stderr=out
            )
        _wait(lambda: self.get("/")[0] != 502, "nginx", self.nginx, self.folder / "error.log")
        return self

    def _start_worker(self, port: int):
        log = self.folder / f"worker-{port}.log"
        # The README's command, one worker per port (so the test knows there are two).
        command = [
            sys.executable, "-m", "uvicorn", "website.asgi:application",
            "--host", "127.0.0.1", "--port", str(port),
            "--proxy-headers", "--forwarded-allow-ips=127.0.0.1",
            "--lifespan", "off", "--log-level", "warning", "--no-access-log",
        ]  # fmt: skip
        with log.open("w") as out:
            process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=out, stderr=out)
        self.workers.append(process)

        def answers() -> bool:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            try:
                connection.request("GET", "/", headers={"Host": "127.0.0.1"})
                connection.getresponse()  # any answer: the worker is up
                return True
            finally:
                connection.close()

        return lambda: _wait(answers, f"worker on port {port}", process, log)

    def get(self, path: str, **kwargs) -> tuple[int, dict, bytes]:
        return self.request("GET", path, **kwargs)

    def request(
        self,
        method: str,
        path: str,
        *,
        headers: dict | None = None,
        source: str = "127.0.0.1",
        port: int | None = None,
        body: bytes | None = None,
    ) -> tuple[int, dict, bytes]:
        """One request from the local address `source` (Linux answers all of 127.0.0.0/8), through
        nginx (https), or straight to a worker's `port` (http) when given."""
        if port is None:
            connection = http.client.HTTPSConnection(
                "127.0.0.1", self.port, timeout=20, context=self.tls_context(),
                source_address=(source, 0),
            )  # fmt: skip
            host = f"127.0.0.1:{self.port}"
        else:
            connection = http.client.HTTPConnection(
                "127.0.0.1", port, timeout=20, source_address=(source, 0)
            )
            host = f"127.0.0.1:{port}"
        try:
            connection.request(method, path, body=body, headers={"Host": host, **(headers or {})})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def stop(self) -> None:
        _stop(self.nginx)
        for process in self.workers:
            _stop(process)

    def logs(self) -> str:
        parts = []
        for path in sorted(self.folder.glob("*.log")) + sorted(self.folder.glob("*.out")):
            parts.append(f"--- {path.name}\n{path.read_text()[-2000:]}")
        return "\n".join(parts)


def nginx_available() -> bool:
    return Path(NGINX).exists() and shutil.which("openssl") is not None
