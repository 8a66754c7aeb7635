"""`make bench`: every bench_*.py module's run(server) against one prepared server, one table.

A module may also define `run_standalone()` for benchmarks that need servers of their own (other
databases, many rows); those print their own tables."""

import importlib
import pkgutil
import sys
import time

import bench
from bench.harness import BenchServer, print_table


def main(selected: list[str]) -> int:
    modules = [
        importlib.import_module(f"bench.{info.name}")
        for info in pkgutil.iter_modules(bench.__path__)
        if info.name.startswith("bench_") and (not selected or info.name in selected)
    ]
    started = time.monotonic()
    print("Preparing the benchmark server (fresh database, demo content) ...", flush=True)
    server = BenchServer("default").prepare()
    rows = []
    with server:
        for module in modules:
            if hasattr(module, "run"):
                print(f"running {module.__name__} ...", flush=True)
                rows.extend(module.run(server))
    print_table(rows, "Safer Places Bristol benchmarks (one uvicorn worker, SQLite)")
    for module in modules:
        if hasattr(module, "run_standalone"):
            module.run_standalone()
    print(f"\n(total {time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
