"""pyproject.toml, environment.yml, the README and the package agree.

Two install routes must give the same environment: pip with the extras of
pyproject.toml, and conda with environment.yml (Binder, Windows). A
package added to one file and forgotten in the other breaks only the
route nobody tried, so these tests compare the two files.
"""
import doctest
import fnmatch
import re
import sys
import textwrap
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pytest itself depends on tomli before Python 3.11
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
CONDA_ONLY = {"python", "pip"}  # the interpreter and the installer


def read_pyproject():
    """Return pyproject.toml as a dict."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def requirement(spec):
    """Split ``"numpy>=1.26"`` into the normalised name and the version
    constraint without spaces: ``("numpy", ">=1.26")``. Extras and
    environment markers are dropped."""
    spec = spec.split(";")[0].strip()
    name = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", spec).group(0)
    rest = re.sub(r"^\[[^\]]*\]", "", spec[len(name):].strip())
    return re.sub(r"[-_.]+", "-", name).lower(), rest.replace(" ", "")


def environment_items(text):
    """Return ``(conda_specs, pip_specs)`` from environment.yml's text.

    A small reader for this file's shape, so that the test needs no YAML
    library: top-level keys at column 0, ``- item`` entries under
    ``dependencies:``, and a ``- pip:`` entry with a deeper list.
    """
    conda, pip = [], []
    section, pip_indent = None, None
    for raw in text.splitlines():
        line = raw.split(" #")[0].rstrip()
        item = line.strip()
        if not item or item.startswith("#"):
            continue
        indent = len(line) - len(line.lstrip())
        if indent == 0 and not item.startswith("-"):
            section, pip_indent = item.split(":")[0], None
            continue
        if section != "dependencies" or not item.startswith("- "):
            continue
        item = item[2:].strip()
        if item == "pip:":
            pip_indent = indent
        elif pip_indent is not None and indent > pip_indent:
            pip.append(item)
        else:
            pip_indent = None
            conda.append(item)
    return conda, pip


def pyproject_requirements(project):
    """Every requirement of the project: runtime and all extras."""
    specs = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        specs += extra
    return dict(requirement(spec) for spec in specs)


def marked_block(text, marker):
    """The lines of the fenced block between ``<!-- marker -->`` and
    ``<!-- /marker -->`` in a Markdown text, fences removed."""
    match = re.search(
        rf"<!-- {marker} -->\n(.*?)<!-- /{marker} -->", text, re.S)
    if match is None:
        return None
    lines = match.group(1).strip().splitlines()
    return [line for line in lines if not line.startswith("```")]


# ----------------------------------------------------------------------
# The real files.
def test_environment_yml_has_the_same_packages_as_pyproject():
    wanted = pyproject_requirements(read_pyproject()["project"])
    conda, _ = environment_items(
        (ROOT / "environment.yml").read_text("utf-8"))
    present = dict(requirement(spec) for spec in conda)
    missing = sorted(set(wanted) - set(present))
    extra = sorted(set(present) - set(wanted) - CONDA_ONLY)
    differ = sorted(f"{name}{wanted[name]} vs {name}{present[name]}"
                    for name in set(wanted) & set(present)
                    if wanted[name] != present[name])
    assert not missing, (
        f"environment.yml lacks {', '.join(missing)} from pyproject.toml; "
        f"add them to its dependencies list")
    assert not extra, (
        f"environment.yml installs {', '.join(extra)}, which pyproject.toml "
        f"does not name; add them to pyproject.toml or drop them")
    assert not differ, (
        f"version constraints differ (pyproject.toml vs environment.yml): "
        f"{'; '.join(differ)}; make them equal")


def test_environment_yml_installs_mindgrad_itself_as_env_mindgrad():
    text = (ROOT / "environment.yml").read_text("utf-8")
    _, pip = environment_items(text)
    assert any(re.fullmatch(r"-e \.(\[[\w,]+\])?", spec) for spec in pip), (
        "environment.yml needs '- -e .' in its pip: list, so that Binder "
        "and conda users get mindgrad itself")
    assert re.search(r"^name: mindgrad$", text, re.M), (
        "environment.yml must say 'name: mindgrad'; the README tells "
        "users to run 'conda activate mindgrad'")


def test_package_version_equals_the_project_version():
    import mindgrad

    version = read_pyproject()["project"]["version"]
    assert getattr(mindgrad, "__version__", None) == version, (
        f"mindgrad.__version__ is "
        f"{getattr(mindgrad, '__version__', 'missing')!r} but "
        f"pyproject.toml says {version!r}; set __version__ = {version!r} "
        f"in mindgrad/__init__.py")


def test_every_listed_package_data_pattern_matches_a_file():
    patterns = read_pyproject()["tool"]["setuptools"]["package-data"]
    problems = []
    for package, globs in patterns.items():
        folder = ROOT / package.replace(".", "/")
        for pattern in globs:
            # A pattern may be listed before its subpackage is written.
            if not (folder / pattern).parent.is_dir():
                continue
            if not list(folder.glob(pattern)):
                problems.append(
                    f"pyproject.toml lists {package}/{pattern}, which "
                    f"matches no file; add the file or remove the pattern")
    assert not problems, "\n".join(problems)


def test_every_data_file_in_the_package_is_listed():
    patterns = read_pyproject()["tool"]["setuptools"]["package-data"]
    unlisted = []
    for path in sorted((ROOT / "mindgrad").rglob("*")):
        if (path.is_dir() or "__pycache__" in path.parts
                or path.suffix in (".py", ".pyc")):
            continue
        relative = path.relative_to(ROOT / "mindgrad").as_posix()
        if not any(fnmatch.fnmatch(relative, pattern)
                   for pattern in patterns.get("mindgrad", [])):
            unlisted.append(f"mindgrad/{relative}")
    assert not unlisted, (
        f"{', '.join(unlisted)} would be left out of the wheel; add a "
        f"pattern to [tool.setuptools.package-data] in pyproject.toml")


def test_readme_commands_name_existing_extras_and_one_test_command():
    readme = (ROOT / "README.md").read_text("utf-8")
    extras = set(read_pyproject()["project"]["optional-dependencies"])
    named = set(re.findall(r'pip install -e "\.\[(\w+)\]"', readme))
    assert named and named <= extras, (
        f"the README installs extras {sorted(named)}, but pyproject.toml "
        f"defines {sorted(extras)}; make them agree")
    block = marked_block(readme, "test-command")
    assert block is not None and len(block) == 1, (
        "README.md must hold exactly one command line in a fenced block "
        "between <!-- test-command --> and <!-- /test-command -->; "
        ".ci/run runs that line")


def test_readme_examples_print_what_they_show():
    # A closing ``` would count as expected output; blank lines keep the
    # line numbers of the report right.
    text = re.sub(r"(?m)^```.*$", "",
                  (ROOT / "README.md").read_text("utf-8"))
    test = doctest.DocTestParser().get_doctest(
        text, {}, "README.md", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0 and result.failed == 0, (
        "a >>> example in README.md no longer prints what it shows; fix "
        "the example (captured stdout shows the difference)")


# ----------------------------------------------------------------------
# The readers themselves, on small texts.
def test_requirement_splits_name_and_constraint():
    assert requirement("NumPy >= 1.26") == ("numpy", ">=1.26")
    assert requirement("tomli>=1; python_version < '3.11'") == (
        "tomli", ">=1")
    assert requirement("Foo_Bar[extra]==2") == ("foo-bar", "==2")


def test_environment_items_separates_conda_and_pip_lists():
    text = textwrap.dedent("""\
        name: demo  # a comment
        channels:
          - conda-forge
        dependencies:
          - python>=3.9
          - pip
          - pip:
              - -e .
              - somewheel
          - numpy
        other:
          - ignored
        """)
    assert environment_items(text) == (
        ["python>=3.9", "pip", "numpy"], ["-e .", "somewheel"])


def test_marked_block_reads_the_command_between_markers():
    text = "x\n<!-- cmd -->\n```bash\nrun this\n```\n<!-- /cmd -->\n"
    assert marked_block(text, "cmd") == ["run this"]
    assert marked_block(text, "other") is None
