"""Timing helpers shared by the benchmarks: medians of repeated runs, child peak memory."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "resources" / "examples"


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def process_seconds(args: list[str], repeat: int = 5, env_extra: dict[str, str] | None = None) -> float:
    """Median wall time of a whole child process, which must succeed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env_extra or {})}

    def run() -> None:
        subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    run()  # warm the file cache once
    return median_seconds(run, repeat)


def process_cpu_seconds(args: list[str], repeat: int = 5, env_extra: dict[str, str] | None = None) -> float:
    """Median CPU time (user + system) of a whole child process, which must succeed.

    On a shared machine wall time swings by half between runs; the CPU a process uses
    varies much less, so ratios of CPU times compare changes more steadily.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env_extra or {})}

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm up
    times = []
    for _ in range(repeat):
        before = cpu()
        subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(cpu() - before)
    return statistics.median(times)


def peak_child_rss_mib() -> float:
    """Largest resident set of any child so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


PY = sys.executable
