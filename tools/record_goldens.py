"""Record the conformance goldens by running the programs under MindSpore.

Usage, from the repository root::

    MINDSPORE_PYTHON=<mindspore-venv>/bin/python python tools/record_goldens.py
    MINDSPORE_PYTHON=... python tools/record_goldens.py 25_grad_positions

Every program ``tests/conformance/NN_topic.py`` (or only those named on the
command line, with or without ``.py``) runs under the Python interpreter
named by ``MINDSPORE_PYTHON``, which must have MindSpore 2.10 installed.
Its standard output becomes ``tests/conformance/golden/NN_topic.txt``.

The recorder fails loudly, and writes no golden for that program, when a
program exits non-zero, prints a Python traceback, or times out. Standard
error is never recorded: MindSpore's log lines go there, and GLOG_v=3 keeps
all but errors out of it.
"""
import argparse
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROGRAM_DIR = ROOT / "tests" / "conformance"
GOLDEN_DIR = PROGRAM_DIR / "golden"
EXPECTED_VERSION = "2.10."
TIMEOUT_SECONDS = 300


def find_programs(names):
    """Return the program paths to record: all, or the ones named."""
    programs = sorted(PROGRAM_DIR.glob("[0-9][0-9]_*.py"))
    if not names:
        return programs
    by_stem = {path.stem: path for path in programs}
    chosen = []
    for name in names:
        stem = Path(name).stem
        if stem not in by_stem:
            sys.exit(f"record_goldens: no program {stem}.py in "
                     f"tests/conformance; choose from: "
                     f"{', '.join(sorted(by_stem))}")
        chosen.append(by_stem[stem])
    return chosen


def oracle_environment():
    """The environment for MindSpore runs: quiet logs, fixed hashing."""
    env = dict(os.environ)
    env["GLOG_v"] = "3"  # MindSpore logs errors only, and only to stderr
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def check_version(python, env):
    """Refuse to record with anything but MindSpore 2.10."""
    result = subprocess.run(
        [python, "-c", "import mindspore; print(mindspore.__version__)"],
        capture_output=True, text=True, env=env, timeout=TIMEOUT_SECONDS)
    version = result.stdout.strip()
    if result.returncode != 0 or not version.startswith(EXPECTED_VERSION):
        sys.exit(f"record_goldens: {python} must import MindSpore "
                 f"{EXPECTED_VERSION}x, got {version or 'an error'}:\n"
                 f"{result.stderr}")
    return version


def run_program(python, program, env):
    """Run one program; return (stdout, problem or None)."""
    # A scratch working directory keeps stray files out of the repository.
    with tempfile.TemporaryDirectory() as scratch:
        try:
            result = subprocess.run(
                [python, str(program)], capture_output=True, text=True,
                env=env, cwd=scratch, timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            return "", f"timed out after {TIMEOUT_SECONDS} s"
    if result.returncode != 0:
        return result.stdout, (f"exited with status {result.returncode}:\n"
                               f"{result.stderr}")
    for stream, text in (("stdout", result.stdout),
                         ("stderr", result.stderr)):
        if "Traceback (most recent call last)" in text:
            return result.stdout, f"printed a traceback on {stream}:\n{text}"
    if not result.stdout.strip():
        return result.stdout, "printed nothing"
    return result.stdout, None


def main():
    parser = argparse.ArgumentParser(
        description="Record conformance goldens under real MindSpore.")
    parser.add_argument("programs", nargs="*",
                        help="program names (default: all)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="programs run in parallel (default: CPUs)")
    args = parser.parse_args()

    python = os.environ.get("MINDSPORE_PYTHON")
    if not python:
        sys.exit("record_goldens: set MINDSPORE_PYTHON to the Python "
                 "interpreter of a MindSpore 2.10 environment, e.g. "
                 "MINDSPORE_PYTHON=<mindspore-venv>/bin/python "
                 "python tools/record_goldens.py")
    env = oracle_environment()
    version = check_version(python, env)
    programs = find_programs(args.programs)
    print(f"recording {len(programs)} programs with MindSpore {version}")

    GOLDEN_DIR.mkdir(exist_ok=True)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(
            lambda program: run_program(python, program, env), programs))

    failures = []
    for program, (stdout, problem) in zip(programs, results):
        if problem:
            failures.append(program.name)
            print(f"FAILED {program.name}: {problem}", file=sys.stderr)
            continue
        golden = GOLDEN_DIR / f"{program.stem}.txt"
        golden.write_text(stdout, encoding="utf-8", newline="\n")
        print(f"wrote golden/{golden.name} ({len(stdout.splitlines())} "
              f"lines)")
    if failures:
        sys.exit(f"record_goldens: {len(failures)} program(s) failed: "
                 f"{', '.join(failures)}")


if __name__ == "__main__":
    main()
