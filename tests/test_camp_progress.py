"""The progress file (curriculum §7.7): atomic writes, unknown keys
kept, damaged or newer files moved aside, never deleted."""
import json
import os
import subprocess
import sys
import textwrap

import pytest

from mindgrad.camp import progress


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("MINDGRAD_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MINDGRAD_LANG", "en")
    return tmp_path / "home"


def stored(home):
    return json.loads((home / "camp_progress.json").read_text("utf-8"))


def test_default_home_is_dot_mindgrad(monkeypatch, tmp_path):
    monkeypatch.delenv("MINDGRAD_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    assert progress.path() == tmp_path / ".mindgrad" / "camp_progress.json"


def test_no_file_means_empty_progress(home):
    assert progress.load() == {"format": "mindgrad-camp-progress",
                               "version": 1, "days": {}}
    assert not home.exists()


def test_record_counts_attempts_and_keeps_a_pass(home):
    data = progress.load()
    assert progress.record(data, 7, False) == (1, True)
    assert progress.record(data, 7, True, "D07-AAAA-BBBB") == (2, True)
    assert progress.record(progress.load(), 7, False) == (3, True)
    day = stored(home)["days"]["day07"]
    assert day["passed"] is True and day["code"] == "D07-AAAA-BBBB"
    assert day["attempts"] == 3 and len(day["first_passed"]) == 10


def test_unknown_keys_are_kept_on_rewrite(home):
    home.mkdir()
    (home / "camp_progress.json").write_text(json.dumps({
        "format": "mindgrad-camp-progress", "version": 1, "who": "小明",
        "theme": "dark", "days": {"day01": {"passed": True, "note": "x"}}}),
        encoding="utf-8")
    progress.record(progress.load(), 2, True)
    data = stored(home)
    assert data["theme"] == "dark" and data["who"] == "小明"
    assert data["days"]["day01"] == {"passed": True, "note": "x"}
    assert data["days"]["day02"]["passed"] is True


def test_the_file_is_utf8_json_with_chinese_as_is(home):
    progress.save(dict(progress.empty(), who="小明"))
    assert "小明" in (home / "camp_progress.json").read_text("utf-8")


def test_a_failed_replace_leaves_the_old_file_intact(home, monkeypatch):
    progress.save(dict(progress.empty(), who="old"))
    before = (home / "camp_progress.json").read_bytes()

    def fail(*args):
        raise OSError("disk full")
    monkeypatch.setattr(os, "replace", fail)
    assert progress.save(dict(progress.empty(), who="new")) is False
    assert (home / "camp_progress.json").read_bytes() == before
    assert sorted(p.name for p in home.iterdir()) == ["camp_progress.json"]


def test_a_process_killed_mid_write_leaves_the_old_file_intact(home):
    progress.save(dict(progress.empty(), who="old"))
    before = (home / "camp_progress.json").read_bytes()
    # The child writes a large file and is killed inside fsync, before
    # os.replace could run: the old file must still be the old file.
    script = textwrap.dedent("""
        import os, signal
        from mindgrad.camp import progress
        def killed(fd):
            print("writing", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
        os.fsync = killed
        progress.save(dict(progress.empty(), who="new", big="x" * 10**6))
        """)
    done = subprocess.run([sys.executable, "-c", script], env=dict(
        os.environ), capture_output=True, text=True, timeout=60)
    assert done.stdout == "writing\n" and done.returncode != 0
    assert (home / "camp_progress.json").read_bytes() == before
    assert progress.load()["who"] == "old"


@pytest.mark.parametrize("content", [
    b"{not json", b"\xff\xfe\x00garbage", b"[]", b'{"format": "other"}',
    b'{"format": "mindgrad-camp-progress", "version": 1, "days": []}',
    b'{"format": "mindgrad-camp-progress", "version": "1", "days": {}}'])
def test_a_damaged_file_is_moved_aside_with_one_line(home, capsys, content):
    home.mkdir()
    (home / "camp_progress.json").write_bytes(content)
    assert progress.load()["days"] == {}
    assert capsys.readouterr().out == (
        "camp_progress.json could not be read (damaged, or written by a "
        "newer mindgrad); it was moved aside to camp_progress.json.bad-1 "
        "and a new one was started.\n")
    assert (home / "camp_progress.json.bad-1").read_bytes() == content
    assert not (home / "camp_progress.json").exists()


def test_a_newer_version_is_moved_aside_and_numbers_count_up(home, capsys):
    home.mkdir()
    for n in (1, 2):
        (home / "camp_progress.json").write_text(json.dumps({
            "format": "mindgrad-camp-progress", "version": 2, "days": {}}))
        progress.load()
        assert f"camp_progress.json.bad-{n}" in capsys.readouterr().out
    assert sorted(p.name for p in home.iterdir()) == [
        "camp_progress.json.bad-1", "camp_progress.json.bad-2"]


def test_an_unwritable_home_reports_false(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("MINDGRAD_HOME", str(blocker / "sub"))
    assert progress.save(progress.empty()) is False
    assert progress.record(progress.empty(), 3, True) == (1, False)


def test_a_folder_in_place_of_the_file_is_not_fatal(home):
    (home / "camp_progress.json").mkdir(parents=True)
    assert progress.load()["days"] == {}
    assert progress.save(progress.empty()) is False
