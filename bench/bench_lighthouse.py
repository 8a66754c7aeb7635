"""Lighthouse (npm `lighthouse`, mobile, performance only) in Debian's Chromium against the
benchmark server: the four pages young people and parents land on most. The goal is a score of
at least 95 on each.

Lighthouse is installed from the npm registry into var/bench/lighthouse/ the first time (the
version below, so every run scores with the same rules); without npm or Chromium the rows say so
instead of failing the whole bench."""

import json
import shutil
import subprocess

from bench.harness import BENCH_DIR, BenchServer, print_grid

LIGHTHOUSE_VERSION = "12.8.2"
PAGES = ("/", "/services/", "/have-your-say/pin/", "/community-map/")
GOAL = 95
NODE_DIR = BENCH_DIR / "lighthouse"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def lighthouse() -> str | None:
    binary = NODE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        if shutil.which("npm") is None:
            return None
        NODE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", f"lighthouse@{LIGHTHOUSE_VERSION}"],
            cwd=NODE_DIR,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return str(binary)


def audit(binary: str, url: str) -> dict:
    report = NODE_DIR / "report.json"
    subprocess.run(
        [
            binary,
            url,
            "--only-categories=performance",
            "--form-factor=mobile",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        env={"CHROME_PATH": CHROMIUM, "PATH": "/usr/bin:/bin"},
        check=True,
    )
    return json.loads(report.read_text())


def _figure(result: dict, audit_id: str) -> str:
    return result["audits"][audit_id].get("displayValue", "").replace("\xa0", " ")


def run(server: BenchServer) -> list:
    """Prints its own table (scores, not request rates) and adds no rows to the main one."""
    binary = lighthouse()
    headers = ["page", "performance", "goal", "FCP", "LCP", "TBT", "CLS", "notes"]
    data = []
    for path in PAGES:
        if binary is None:
            data.append([path, "-", f">= {GOAL}", "", "", "", "", "skipped: npm not found"])
            continue
        result = audit(binary, server.base + path)
        score = round(result["categories"]["performance"]["score"] * 100)
        data.append(
            [
                path,
                str(score),
                f">= {GOAL}",
                _figure(result, "first-contentful-paint"),
                _figure(result, "largest-contentful-paint"),
                _figure(result, "total-blocking-time"),
                _figure(result, "cumulative-layout-shift"),
                "met" if score >= GOAL else "NOT met",
            ]
        )
    print_grid(headers, data, f"Lighthouse {LIGHTHOUSE_VERSION}, mobile, Debian Chromium")
    return []
