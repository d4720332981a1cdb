"""mindgrad's benchmarks: mindgrad against the same work in plain NumPy.

Run from the repository root::

    python bench/run.py                 # every benchmark, 1-2 minutes
    python bench/run.py --quick         # fewer rounds, under 30 seconds
    python bench/run.py --only a --only d --profile

Each row times mindgrad and a hand-written NumPy version of the same
computation in this one process, taking turns (see ``_timing.py``), and
prints the median of the per-round ratios against the project's target.
A MISS is a measurement, not a failure: the exit status is 0 unless a
benchmark could not run at all. bench/README.md explains each benchmark
and where its target comes from.

NumPy and mindgrad are imported only after the command line is read,
because ``--threads`` must set the BLAS thread count before NumPy loads
its BLAS library.
"""
import argparse
import cProfile
import os
import pstats
import statistics
import subprocess
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)            # the repository: import its mindgrad

FULL = {"chain_rounds": 61, "deep_rounds": 11, "import_runs": 15,
        "mlp_rounds": 41, "epoch_rounds": 7, "memory_steps": 10_000}
QUICK = {"chain_rounds": 15, "deep_rounds": 3, "import_runs": 7,
         "mlp_rounds": 11, "epoch_rounds": 3, "memory_steps": 1_000}

# key, name, what it measures, target (a ratio, or seconds for "import")
BENCHMARKS = [
    ("a", "chain", "chain of 1,000 ops, shape (4,)", 5.5),
    ("b", "deep-chain", "chain of 100,000 ops, shape (1,)", 9.0),
    ("c", "import", "import time, whole process", 0.03),
    ("d", "mlp", "raw-ops MLP step 784-512-512-10", None),
    ("e", "dense", "nn.Dense + nn.SGD MLP step", None),
    ("f", "epoch", "one epoch over the bundled digits", 1.15),
    ("g", "memory", "memory over 10,000 MLP steps", None),
]
DENSE_TARGETS = {64: 1.15, 256: 1.05}
MLP_TARGETS = {64: 1.15, 256: 1.05}
MLP_SIZES = (784, 512, 512, 10)
LEARNING_RATE = 0.05          # as bench/training.py's NumPy step


def parse_arguments(argv):
    names = [name for key, name, _, _ in BENCHMARKS] + [
        key for key, _, _, _ in BENCHMARKS]
    parser = argparse.ArgumentParser(
        description="Time mindgrad against hand-written NumPy.")
    parser.add_argument("--quick", action="store_true",
                        help="fewer rounds: under 30 seconds, noisier")
    parser.add_argument("--only", action="append", choices=names,
                        metavar="NAME",
                        help=f"run only this benchmark (repeatable): "
                             f"{', '.join(names)}")
    parser.add_argument("--threads", type=int, metavar="N",
                        help="set OMP/OPENBLAS/MKL_NUM_THREADS to N before "
                             "NumPy loads (default: the library's own)")
    parser.add_argument("--profile", action="store_true",
                        help="also profile mindgrad's side of the chosen "
                             "benchmarks with cProfile")
    return parser.parse_args(argv)


# --- (c) import time ------------------------------------------------------


def _run_python(code):
    """Seconds a whole ``python -c code`` process takes, start to exit.

    Bytecode caching is switched on, as on a learner's machine: with
    PYTHONDONTWRITEBYTECODE set, every run would compile mindgrad's source
    afresh (about 40 ms) while NumPy's installed caches are always used.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True,
                   env=env)
    return time.perf_counter() - start


def import_times(runs):
    """Medians of ``import mindgrad`` and ``import numpy`` processes.

    The processes alternate, so both see the same load; mindgrad imports
    NumPy itself, so the difference is what mindgrad adds. The first run
    of each is a warm-up (it may write bytecode caches).
    """
    _run_python("import mindgrad")
    _run_python("import numpy")
    turns = [("import mindgrad", []), ("import numpy", [])]
    for run_ in range(runs):
        for code, times in turns if run_ % 2 == 0 else turns[::-1]:
            times.append(_run_python(code))
    return [statistics.median(times) for _, times in turns]


# --- (d) the MLP training step ------------------------------------------


def mlp_arrays(batch):
    """Float32 weights (out, in) and biases as nn.Dense keeps them (the
    same as bench/training.py's), a batch of inputs and int32 labels,
    from fixed seeds."""
    import numpy as np
    import training
    rng = np.random.default_rng(1)
    x = rng.standard_normal((batch, MLP_SIZES[0])).astype(np.float32)
    labels = rng.integers(0, MLP_SIZES[-1], batch).astype(np.int32)
    return training.initial_weights(), x, labels


def mindgrad_mlp(weights, x, labels):
    """One SGD step written with mindgrad's raw operations and
    Parameters, without nn: the graph lesson 06's engine builds."""
    import numpy as np

    import mindgrad as ms
    from mindgrad import Parameter, Tensor, ops
    params = [Parameter(Tensor(w), name=f"p{i}")
              for i, w in enumerate(weights)]
    w1, b1, w2, b2, w3, b3 = params
    x, labels = Tensor(x), Tensor(labels)

    def forward(x, labels):
        h = ops.relu(ops.matmul(x, w1.T) + b1)
        h = ops.relu(ops.matmul(h, w2.T) + b2)
        return ops.cross_entropy(ops.matmul(h, w3.T) + b3, labels)

    grad_fn = ms.value_and_grad(forward, None, params)

    def step():
        loss, grads = grad_fn(x, labels)
        for param, grad in zip(params, grads):
            # In place, as an optimizer does and as the NumPy side does:
            # np.asarray shares the Parameter's memory (make_mlp checks
            # the update landed). param.set_data(param - lr * grad) would
            # make two fresh arrays per Parameter, which costs page faults
            # at these sizes.
            array = np.asarray(param)
            array -= LEARNING_RATE * np.asarray(grad)
        return loss
    return step, params


def numpy_mlp(weights, x, labels):
    """The same step by hand (bench/training.py's NumPy step): forward,
    softmax cross-entropy backward, the matmul gradients, SGD in place."""
    import training
    step, params = training.numpy_step(weights)
    return (lambda: step(x, labels)), params


def make_mlp(batch):
    """Both sides of the MLP benchmark, and whether one step from the
    same weights gives both the same loss and the same new weights."""
    import numpy as np
    weights, x, labels = mlp_arrays(batch)
    ours, ours_params = mindgrad_mlp(weights, x, labels)
    base, base_params = numpy_mlp(weights, x, labels)
    agree = np.allclose(ours().asnumpy(), base(), rtol=1e-5) and all(
        np.allclose(p.asnumpy(), q, rtol=1e-5, atol=1e-6)
        for p, q in zip(ours_params, base_params))
    return ours, base, agree


# --- running and reporting ----------------------------------------------


def _duration(seconds):
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} us"


def _ratio_row(label, comparison, target, agree, note=""):
    low, high = comparison.spread
    status = "PASS" if comparison.ratio <= target else "MISS"
    if not agree:                    # a fast wrong answer proves nothing
        status += " (RESULTS DIFFER)"
    return [label, _duration(comparison.ours_median),
            _duration(comparison.base_median), f"{comparison.ratio:.2f}x",
            f"{low:.2f}-{high:.2f}", f"<= {target:g}x", status, note]


def run_chain(length, size, rounds, target):
    import _timing
    import chain
    ours, base, agree = chain.make(length, size)
    comparison = _timing.compare(ours, base, rounds,
                                 warmup=0 if length > 10_000 else 2)
    per_op = comparison.ours_median / length
    label = f"({'a' if length < 10_000 else 'b'}) chain of {length:,} " \
        f"ops, shape ({size},)"
    return [_ratio_row(label, comparison, target, agree,
                       f"mindgrad {per_op * 1e6:.2f} us/op")]


def run_import(runs, target):
    ours, base = import_times(runs)
    extra = ours - base
    status = "PASS" if extra <= target else "MISS"
    return [["(c) import mindgrad - numpy", _duration(ours), _duration(base),
             f"{extra:+.3f} s", "", f"<= {target:g} s", status,
             f"median of {runs} processes each"]]


def run_mlp(rounds):
    import _timing
    rows = []
    for batch, target in MLP_TARGETS.items():
        ours, base, agree = make_mlp(batch)
        comparison = _timing.compare(ours, base, rounds, sample_time=0.05)
        rows.append(_ratio_row(f"(d) MLP step, batch {batch}",
                               comparison, target, agree,
                               "raw ops, float32"))
    return rows


def run_dense(rounds):
    import _timing
    import training
    rows = []
    for batch, target in DENSE_TARGETS.items():
        ours, base, agree = training.make_step(batch)
        comparison = _timing.compare(ours, base, rounds, sample_time=0.05)
        rows.append(_ratio_row(f"(e) nn MLP step, batch {batch}",
                               comparison, target, agree,
                               "nn.Dense, CrossEntropyLoss, nn.SGD"))
    return rows


def run_epoch(rounds, target):
    import _timing
    import training
    ours, base, agree = training.make_epoch()
    comparison = _timing.compare(ours, base, rounds, sample_time=0.5)
    row = _ratio_row("(f) epoch, 6,000 digits", comparison, target, agree,
                     "94 steps of 64")
    row[-1] += f"; 15 epochs ~ {_duration(15 * comparison.ours_median)}"
    return [row]


def run_memory(steps):
    import training
    before, after, seconds = training.memory_growth(steps)
    grown = after - before
    status = "PASS" if grown < 5 else "MISS"
    return [[f"(g) memory, {steps:,} MLP steps", f"{before:.0f} MB",
             f"{after:.0f} MB", f"{grown:+.1f} MB", "",
             "< +5 MB", status, f"resident memory; {_duration(seconds)}"]]


def run(key, settings):
    _, _, _, target = next(b for b in BENCHMARKS if b[0] == key)
    if key == "e":
        return run_dense(settings["mlp_rounds"])
    if key == "f":
        return run_epoch(settings["epoch_rounds"], target)
    if key == "g":
        return run_memory(settings["memory_steps"])
    if key == "a":
        return run_chain(1_000, 4, settings["chain_rounds"], target)
    if key == "b":
        return run_chain(100_000, 1, settings["deep_rounds"], target)
    if key == "c":
        return run_import(settings["import_runs"], target)
    return run_mlp(settings["mlp_rounds"])


HEADER = ["benchmark", "mindgrad", "numpy", "ratio", "quartiles",
          "target", "result", "note"]


def print_table(rows):
    widths = [max(len(str(row[i])) for row in [HEADER] + rows)
              for i in range(len(HEADER))]
    for row in [HEADER] + rows:
        print("  ".join(str(cell).ljust(width)
                        for cell, width in zip(row, widths)).rstrip())


# --- profiles -------------------------------------------------------------


def _where(path, line, name):
    """A function's place, relative to the repository when inside it."""
    if path == "~":                      # a built-in: its name says all
        return name
    if path.startswith(ROOT):
        path = os.path.relpath(path, ROOT)
    else:
        path = os.path.basename(path)
    return f"{path}:{line}({name})"


def profile(label, fn, calls, top=12):
    """Print where mindgrad's side spends its time: the functions with
    the most time of their own, then mindgrad's functions by time
    including callees. cProfile slows every Python call, so the shares
    overstate the cost of calls compared with NumPy's own work."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        fn()
    profiler.disable()
    stats = pstats.Stats(profiler).stats
    total = sum(entry[2] for entry in stats.values())
    print(f"\nprofile of mindgrad's side: {label} ({calls} calls, "
          f"{_duration(total / calls)} per call under cProfile)")
    print("  own time  share  calls/call  function")
    by_own = sorted(stats.items(), key=lambda item: -item[1][2])
    for (path, line, name), (_, ncalls, own, _, _) in by_own[:top]:
        print(f"  {_duration(own / calls):>9} {own / total:6.1%} "
              f"{ncalls / calls:10.0f}  {_where(path, line, name)}")
    print("  cumulative (mindgrad's functions, callees included)")
    ours = [item for item in stats.items()
            if item[0][0].startswith(os.path.join(ROOT, "mindgrad"))]
    by_cumulative = sorted(ours, key=lambda item: -item[1][3])
    for (path, line, name), (_, ncalls, _, cumulative, _) in \
            by_cumulative[:top // 2 + 2]:
        print(f"  {_duration(cumulative / calls):>9} "
              f"{cumulative / total:6.1%} {ncalls / calls:10.0f}  "
              f"{_where(path, line, name)}")


def profile_all(keys):
    import chain
    if "a" in keys:
        ours, _, _ = chain.make(1_000, 4)
        profile("chain of 1,000 ops", ours, 50)
    if "b" in keys:
        ours, _, _ = chain.make(100_000, 1)
        profile("chain of 100,000 ops", ours, 1)
    if "d" in keys:
        for batch in MLP_TARGETS:
            ours, _, _ = make_mlp(batch)
            profile(f"MLP step, batch {batch}", ours, 20)


def main(argv=None):
    args = parse_arguments(argv)
    if args.threads:
        for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                         "MKL_NUM_THREADS"):
            os.environ[variable] = str(args.threads)
    sys.path.insert(0, ROOT)             # this tree's mindgrad, even when
    import _timing                       # another one is installed

    chosen = args.only or [key for key, _, _, _ in BENCHMARKS]
    keys = [key for key, name, _, _ in BENCHMARKS
            if key in chosen or name in chosen]
    settings = QUICK if args.quick else FULL
    print("mindgrad vs hand-written NumPy: same process, round-robin, "
          "median of per-round ratios")
    for line in _timing.describe_machine():
        if line:
            print(line)
    print(f"mode: {'quick' if args.quick else 'full'}; ratio = mindgrad "
          f"time / NumPy time; quartiles of the per-round ratios\n")

    rows, failed = [], False
    started = time.perf_counter()
    for key in keys:
        try:
            rows += run(key, settings)
        except Exception:                # report it, run the others
            failed = True
            traceback.print_exc()
            what = next(b[2] for b in BENCHMARKS if b[0] == key)
            rows.append([f"({key}) {what}", "", "", "", "", "", "ERROR",
                         "see the traceback above"])
    print_table(rows)
    if "d" in keys:
        print("\n(d) times a step written with raw Parameters and ops; "
              "(e) the same\nstep with nn.Dense, nn.CrossEntropyLoss and "
              "nn.SGD, as the lessons write it.")
    print(f"total {time.perf_counter() - started:.0f} s")
    if args.profile:
        profile_all(keys)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
