"""Round-robin timing of two functions that do the same work.

Why round-robin: on a shared two-core machine the speed of the CPU
drifts by tens of percent from one second to the next (other processes,
frequency scaling, caches). Timing mindgrad for a minute and then NumPy
for a minute would compare two different machines. Here the two sides
take turns, many rounds; each round gives one ratio, measured while both
sides saw the same conditions, and the median over rounds drops the
rounds a neighbour disturbed.
"""
import gc
import math
import os
import platform
import statistics
import time

import numpy as np


class Comparison:
    """Per-round times of mindgrad (``ours``) and NumPy (``base``)."""

    def __init__(self, ours, base):
        self.ours, self.base = ours, base     # seconds per call, per round
        self.ratios = [o / b for o, b in zip(ours, base)]

    @property
    def ratio(self):
        """The median of the per-round ratios: the number we report."""
        return statistics.median(self.ratios)

    @property
    def spread(self):
        """The quartiles of the per-round ratios (how noisy the run was)."""
        if len(self.ratios) < 4:
            return min(self.ratios), max(self.ratios)
        q1, _, q3 = statistics.quantiles(self.ratios, n=4)
        return q1, q3

    @property
    def ours_median(self):
        return statistics.median(self.ours)

    @property
    def base_median(self):
        return statistics.median(self.base)


def time_per_call(fn, repeat):
    """Seconds per call of ``fn``, averaged over ``repeat`` calls.

    The garbage collector stays on while timing: collecting the objects a
    computation leaves behind is part of its cost in real use. It runs
    once before the clock starts, so neither side pays for the garbage
    the other side left.
    """
    gc.collect()
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) / repeat


def calls_for(fn, sample_time):
    """How many calls of ``fn`` fill about ``sample_time`` seconds, so a
    sample of a fast function is not lost in the timer's resolution."""
    once = time_per_call(fn, 1)
    return max(1, math.ceil(sample_time / max(once, 1e-9)))


def compare(ours, base, rounds, sample_time=0.02, warmup=2):
    """Time ``ours`` against ``base`` in alternating turns.

    Each round times one sample of each side (``calls_for`` calls); the
    side that goes first alternates from round to round, so neither
    always runs on a cache the other has just warmed or cooled.
    """
    for _ in range(warmup):
        ours()
        base()
    repeats = calls_for(ours, sample_time), calls_for(base, sample_time)
    ours_times, base_times = [], []
    turns = [(ours, repeats[0], ours_times), (base, repeats[1], base_times)]
    for round_ in range(rounds):
        for fn, repeat, times in turns if round_ % 2 == 0 else turns[::-1]:
            times.append(time_per_call(fn, repeat))
    return Comparison(ours_times, base_times)


# --- describing the machine ---------------------------------------------

THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                    "MKL_NUM_THREADS")


def _blas_name():
    """The BLAS NumPy was built with, from ``np.show_config`` (1.25+)."""
    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
    except (TypeError, KeyError):
        return "unknown BLAS"
    return f"{blas.get('name', '?')} {blas.get('version', '')}".strip()


def _thread_pools():
    """The BLAS thread pools NumPy really uses, if threadpoolctl is
    installed (it reads them from the loaded libraries)."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "threadpoolctl not installed"
    pools = [f"{pool['internal_api']}={pool['num_threads']}"
             for pool in threadpool_info()]
    return ", ".join(pools) or "no pools found"


def describe_machine():
    """Lines describing what the numbers were measured on."""
    variables = [f"{name}={os.environ[name]}" for name in THREAD_VARIABLES
                 if name in os.environ]
    load = _load_average()
    return [
        f"python {platform.python_version()}, numpy {np.__version__} "
        f"({_blas_name()}), {os.cpu_count()} cores",
        f"BLAS threads: {', '.join(variables) or 'library default'}; "
        f"pools: {_thread_pools()}",
        f"load average at start: {load}" if load else "",
    ]


def _load_average():
    """The one-minute load average: above the core count, other work is
    competing for the CPU and every ratio is less trustworthy."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except (AttributeError, OSError):      # Windows has no load average
        return ""
