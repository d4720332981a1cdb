"""Checkpoints: save_checkpoint, load_checkpoint, load_param_into_net.

Behaviour from api.md 8.1 (checked on MindSpore 2.10; the conformance
programs 58-61 hold MindSpore's own output), the .npz format of 8.2, and
the promise that a save interrupted at any moment leaves the previous
checkpoint intact.
"""
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest

import mindgrad as ms
from mindgrad import Parameter, Tensor, nn, ops

ROOT = Path(__file__).resolve().parent.parent


class Body(nn.Cell):
    def __init__(self, scale=1.0):
        super().__init__()
        self.w = Parameter(Tensor(np.arange(6.0).reshape(2, 3) * scale,
                                  ms.float32), name="w")
        self.b = Parameter(Tensor([0.5, -0.5, 0.25]), name="b")

    def construct(self, x):
        return ops.relu(ops.matmul(x, self.w) + self.b)


class Head(nn.Cell):
    def __init__(self, value=1.0):
        super().__init__()
        self.v = Parameter(Tensor(np.full((3, 1), value), ms.float32),
                           name="v")

    def construct(self, x):
        return ops.matmul(x, self.v)


class Net(nn.Cell):
    def __init__(self, scale=1.0, head=1.0):
        super().__init__()
        self.body = Body(scale)
        self.head = Head(head)
        self.steps = Parameter(Tensor([3], ms.int32), name="steps",
                               requires_grad=False)

    def construct(self, x):
        return self.head(self.body(x))


def zeroed(net):
    for param in net.get_parameters():
        param.set_data(ops.zeros_like(param))
    return net


def arrays(net):
    return {name: p.asnumpy() for name, p in net.parameters_and_names()}


@pytest.fixture
def saved(tmp_path):
    path = str(tmp_path / "net.ckpt")
    ms.save_checkpoint(Net(), path)
    return path


# --- round trip ---------------------------------------------------------
def test_round_trip_restores_every_value_dtype_and_name(saved):
    loaded = ms.load_checkpoint(saved)
    assert list(loaded) == ["steps", "body.w", "body.b", "head.v"]
    net = zeroed(Net())
    assert ms.load_param_into_net(net, loaded) == ([], [])
    for name, value in arrays(Net()).items():
        np.testing.assert_array_equal(arrays(net)[name], value)
        assert arrays(net)[name].dtype == value.dtype
    assert all(p.name == k and p.requires_grad for k, p in loaded.items())
    assert net.steps.requires_grad is False      # the net's flag is kept


def test_suffix_is_added_and_an_existing_file_overwritten(tmp_path):
    ms.save_checkpoint(Net(), str(tmp_path / "model"))
    ms.save_checkpoint(Net(head=2.0), str(tmp_path / "model.ckpt"))
    assert sorted(os.listdir(tmp_path)) == ["model.ckpt"]
    loaded = ms.load_checkpoint(str(tmp_path / "model.ckpt"))
    np.testing.assert_array_equal(loaded["head.v"].asnumpy(), [[2.]] * 3)


def test_lists_dicts_and_load_results_can_be_saved(tmp_path):
    path = str(tmp_path / "x.ckpt")
    ms.save_checkpoint(Net().trainable_params(), path)
    assert list(ms.load_checkpoint(path)) == ["body.w", "body.b", "head.v"]
    ms.save_checkpoint([{"name": "a", "data": Tensor([1, 2])}], path)
    ms.save_checkpoint(ms.load_checkpoint(path), path)
    assert ms.load_checkpoint(path)["a"].dtype == ms.int64
    ms.save_checkpoint({"m": np.ones(2), "s": "text"}, path)
    loaded = ms.load_checkpoint(path)
    assert (loaded["m"].dtype, loaded["s"]) == (ms.float64, "text")


def test_append_dict_values_come_back_with_mindspore_dtypes(tmp_path):
    path = str(tmp_path / "x.ckpt")
    ms.save_checkpoint(Head(), path, append_dict={
        "epoch": 3, "lr": 0.5, "done": True, "tag": "best",
        "scale": np.float64(0.25), "history": Tensor([1, 2])})
    loaded = ms.load_checkpoint(path)
    assert loaded["tag"] == "best"
    found = {k: (str(v.dtype), v.shape, v.asnumpy().tolist())
             for k, v in loaded.items() if k not in ("v", "tag")}
    assert found == {"epoch": ("Int64", (), 3), "lr": ("Float32", (), 0.5),
                     "done": ("Bool", (), True),
                     "scale": ("Float64", (), 0.25),
                     "history": ("Int64", (2,), [1, 2])}


def test_choice_func_and_prefixes_select_names(saved, tmp_path):
    def names(**kw):
        return list(ms.load_checkpoint(saved, **kw))

    assert names(filter_prefix="body") == ["steps", "head.v"]
    assert names(filter_prefix=("body.w", "steps")) == ["body.b", "head.v"]
    assert names(specify_prefix=["head", "steps"]) == ["steps", "head.v"]
    assert names(choice_func=lambda n: n.endswith("b")) == ["body.b"]
    # as in MindSpore, a prefix switches choice_func off
    assert names(filter_prefix="b", choice_func=lambda n: False) == [
        "steps", "head.v"]
    path = str(tmp_path / "part.ckpt")
    ms.save_checkpoint(Net(), path, choice_func=lambda n: "." in n)
    assert list(ms.load_checkpoint(path)) == ["body.w", "body.b", "head.v"]


def test_net_keyword_loads_into_the_net(saved):
    net = zeroed(Net())
    ms.load_checkpoint(saved, net=net)
    np.testing.assert_array_equal(net.head.v.asnumpy(), [[1.]] * 3)


# --- load_param_into_net --------------------------------------------------
def test_missing_and_unused_names_are_returned_and_warned(saved):
    class Bigger(Net):
        def __init__(self):
            super().__init__()
            self.extra = Parameter(Tensor([9.0]), name="extra")

    net = Bigger()
    with pytest.warns(UserWarning, match=r"1 Parameters.*\['extra'\]"):
        result = ms.load_param_into_net(net, ms.load_checkpoint(saved))
    assert result == (["extra"], [])
    assert net.extra.asnumpy().tolist() == [9.0]
    with pytest.warns(UserWarning, match="2 Parameters"):
        result = ms.load_param_into_net(Body(), ms.load_checkpoint(saved),
                                        strict_load=True)
    assert result == (["w", "b"], ["steps", "body.w", "body.b", "head.v"])


def test_a_prefixed_dict_matches_by_suffix_unless_strict(saved):
    loaded = ms.load_checkpoint(saved)
    renamed = {f"backbone.{k}": Parameter(v, name=f"backbone.{k}")
               for k, v in loaded.items()}
    net = zeroed(Net())
    everything = list(arrays(net))
    with pytest.warns(UserWarning, match="keep their values"):
        result = ms.load_param_into_net(net, renamed, strict_load=True)
    assert result == (everything, list(renamed))
    assert ms.load_param_into_net(net, renamed) == ([], list(renamed))
    np.testing.assert_array_equal(net.body.w.asnumpy(),
                                  loaded["body.w"].asnumpy())


def test_shape_mismatch_names_the_parameter_and_loads_nothing(saved):
    loaded = ms.load_checkpoint(saved)
    loaded["head.v"] = Parameter(Tensor(np.ones((4, 1)), ms.float32),
                                 name="head.v")
    net = zeroed(Net())
    with pytest.raises(RuntimeError, match=r"head\.v.*\(3, 1\).*\(4, 1\)"):
        ms.load_param_into_net(net, loaded)
    # MindSpore would have loaded body.* already; mindgrad loads nothing
    assert not any(a.any() for a in arrays(net).values())


@pytest.mark.parametrize("net_dtype, saved_dtype, strict, outcome", [
    (ms.float32, ms.float64, False, "warns"),
    (ms.float16, ms.float32, False, "warns"),
    (ms.int32, ms.int64, False, "warns"),
    (ms.float32, ms.float64, True, RuntimeError),
    (ms.int32, ms.float32, False, RuntimeError),
    (ms.bool_, ms.int64, False, RuntimeError),
    (ms.uint8, ms.int32, False, RuntimeError),
])
def test_dtype_conversion_follows_mindspore(net_dtype, saved_dtype, strict,
                                            outcome):
    param = Parameter(Tensor([0, 0], net_dtype), name="p")
    net = nn.Cell()
    net.p = param
    value = {"p": Parameter(Tensor([1, 1], saved_dtype), name="p")}
    if outcome == "warns":
        with pytest.warns(UserWarning, match="converted"):
            ms.load_param_into_net(net, value, strict)
        assert param.dtype == net_dtype and param.asnumpy().tolist() == [1, 1]
    else:
        with pytest.raises(outcome, match=str(net_dtype)):
            ms.load_param_into_net(net, value, strict)
        assert param.asnumpy().tolist() == [0, 0]


@pytest.mark.parametrize("call, error, words", [
    (lambda p: ms.load_checkpoint(p + ".missing.ckpt"), ValueError,
     "no checkpoint file"),
    (lambda p: ms.load_checkpoint(p[:-5]), ValueError, "end in '.ckpt'"),
    (lambda p: ms.load_checkpoint(Path(p)), TypeError, "must be a str"),
    (lambda p: ms.load_checkpoint(p, filter_prefix=5), TypeError, "prefix"),
    (lambda p: ms.load_checkpoint(p, filter_prefix=""), ValueError, "''"),
    (lambda p: ms.load_checkpoint(p, specify_prefix="zzz"), ValueError,
     "nothing is left"),
    (lambda p: ms.load_checkpoint(p, dec_key=b"k" * 16),
     NotImplementedError, "dec_key"),
    (lambda p: ms.save_checkpoint(Tensor([1.0]), p), TypeError, "Cell"),
    (lambda p: ms.save_checkpoint((Parameter(1.0, name="a"),), p),
     TypeError, "tuple"),
    (lambda p: ms.save_checkpoint([Tensor([1.0])], p), TypeError,
     "Parameters"),
    (lambda p: ms.save_checkpoint({"a": Tensor([1.0])}, p), TypeError,
     "dict"),
    (lambda p: ms.save_checkpoint(Net(), Path(p)), TypeError, "str(path)"),
    (lambda p: ms.save_checkpoint(Net(), os.path.dirname(p)),
     IsADirectoryError, "directory"),
    (lambda p: ms.save_checkpoint(Net(), p, append_dict={"x": [1]}),
     TypeError, "append_dict"),
    (lambda p: ms.save_checkpoint(Net(), p, enc_key=b"k" * 16),
     NotImplementedError, "enc_key"),
    (lambda p: ms.load_param_into_net(5, {}), TypeError, "Cell"),
    (lambda p: ms.load_param_into_net(Net(), [1]), TypeError, "dict"),
    (lambda p: ms.load_param_into_net(Net(), {"steps": Tensor([1])}),
     TypeError, "Parameter"),
])
def test_mistakes_raise_mindspore_classes_with_a_fix(saved, call, error,
                                                     words):
    before = Path(saved).read_bytes()
    with pytest.raises(error) as info:
        call(saved)
    assert words in str(info.value)
    assert Path(saved).read_bytes() == before       # nothing was written


# --- the file format ------------------------------------------------------
def test_file_is_an_uncompressed_npz_with_a_json_manifest(saved):
    with zipfile.ZipFile(saved) as archive:
        assert {i.compress_type for i in archive.infolist()} == {
            zipfile.ZIP_STORED}
    with np.load(saved, allow_pickle=False) as data:
        assert sorted(data.files) == ["__manifest__", "p0", "p1", "p2",
                                      "p3"]
        assert data["__manifest__"].dtype == np.uint8
        manifest = json.loads(data["__manifest__"].tobytes().decode("utf-8"))
        np.testing.assert_array_equal(data["p1"], Body().w.asnumpy())
    assert (manifest["format"], manifest["version"]) == (
        "mindgrad-checkpoint", 1)
    assert manifest["entries"][1] == {"name": "body.w", "key": "p1",
                                      "shape": [2, 3], "dtype": "float32"}


def _write_npz(path, **arrays):
    with open(path, "wb") as file:
        np.savez(file, **arrays)


def _manifest(text):
    return np.frombuffer(text.encode(), np.uint8)


@pytest.mark.parametrize("write", [
    lambda p: Path(p).write_bytes(b"\x0a\x04conv\x12\x02\x08\x01" * 9),
    lambda p: Path(p).write_bytes(b""),
    lambda p: _write_npz(p, weight=np.ones(2)),
    lambda p: np.save(open(p, "wb"), np.ones(3)),
    lambda p: _write_npz(p, __manifest__=np.ones(3)),
    lambda p: _write_npz(p, __manifest__=_manifest(
        '{"format": "other", "version": 1, "entries": []}')),
    lambda p: _write_npz(p, __manifest__=_manifest(
        '{"format": "mindgrad-checkpoint", "version": 1, "entries": '
        '[{"name": "a", "key": "p0", "shape": [2], "dtype": "float32"}]}')),
    lambda p: _write_npz(p, p0=np.array([{"a": 1}], dtype=object),
                         __manifest__=_manifest(
        '{"format": "mindgrad-checkpoint", "version": 1, "entries": '
        '[{"name": "a", "key": "p0", "shape": [1], "dtype": "object"}]}')),
], ids=["mindspore-protobuf", "empty", "plain-npz", "npy", "bad-manifest",
        "other-format", "missing-array", "pickled-object"])
def test_a_foreign_or_corrupted_file_is_not_a_checkpoint(tmp_path, write):
    path = str(tmp_path / "foreign.ckpt")
    write(path)
    with pytest.raises(ValueError, match="not a mindgrad checkpoint"):
        ms.load_checkpoint(path)


def test_a_truncated_checkpoint_is_refused(saved, tmp_path):
    data = Path(saved).read_bytes()
    for size in (len(data) // 3, len(data) - 10):
        path = tmp_path / f"cut{size}.ckpt"
        path.write_bytes(data[:size])
        with pytest.raises(ValueError, match="not a mindgrad checkpoint"):
            ms.load_checkpoint(str(path))


# --- writing atomically --------------------------------------------------
def test_a_failed_save_keeps_the_old_file_and_leaves_no_temp(saved,
                                                             monkeypatch):
    before = Path(saved).read_bytes()

    def broken_savez(file, **arrays):
        file.write(b"half a file")
        raise OSError("disk full")

    monkeypatch.setattr(np, "savez", broken_savez)
    with pytest.raises(OSError, match="disk full"):
        ms.save_checkpoint(Net(head=5.0), saved)
    assert Path(saved).read_bytes() == before
    assert os.listdir(os.path.dirname(saved)) == ["net.ckpt"]


_SAVER = """
import sys
import numpy as np
import mindgrad as ms
from mindgrad import Parameter, Tensor
params = [Parameter(Tensor(np.zeros(1_000_000, np.float32)), name=f"w{i}")
          for i in range(8)]
version = 0
while True:
    version += 1
    for param in params:
        param.set_data(Tensor(np.full(1_000_000, version, np.float32)))
    ms.save_checkpoint(params, sys.argv[1])
    if version == 1:
        print("saved", flush=True)
"""


def _kill_while_writing(path):
    """Start a process that saves in a loop, SIGKILL it while a temporary
    file is being written; return the temporary files it left."""
    folder = os.path.dirname(path)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", _SAVER, path],
                             stdout=subprocess.PIPE, env=env)
    try:
        assert child.stdout.readline() == b"saved\n"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            temporary = [e for e in os.scandir(folder)
                         if e.name.endswith(".tmp") and e.stat().st_size]
            if temporary:
                break
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
        child.stdout.close()
    return [n for n in os.listdir(folder) if n != os.path.basename(path)]


def test_a_save_killed_midway_leaves_the_previous_checkpoint(tmp_path):
    path = str(tmp_path / "big.ckpt")
    caught_midway = False
    for _ in range(10):                  # until a kill lands mid-write
        leftovers = _kill_while_writing(path)
        loaded = ms.load_checkpoint(path)
        values = {float(v) for p in loaded.values()
                  for v in np.unique(p.asnumpy())}
        assert list(loaded) == [f"w{i}" for i in range(8)]
        assert len(values) == 1 and values.pop() >= 1   # one whole version
        for name in leftovers:
            assert name.startswith(".big.ckpt.") and name.endswith(".tmp")
            with pytest.raises(ValueError):           # never a checkpoint
                ms.load_checkpoint(str(tmp_path / name))
            os.remove(tmp_path / name)
        caught_midway = caught_midway or bool(leftovers)
        if caught_midway:
            break
    assert caught_midway, "no kill landed while a temporary file was open"
    assert os.listdir(tmp_path) == ["big.ckpt"]


# --- transfer learning -------------------------------------------------
def _train(net, x, y, steps, lr=0.05):
    weights = net.trainable_params()

    def loss_fn(x, y):
        return ((net(x) - y) ** 2).mean()

    grad_fn = ms.value_and_grad(loss_fn, None, weights=weights)
    losses = []
    for _ in range(steps):
        loss, grads = grad_fn(x, y)
        for param, grad in zip(weights, grads):
            param.set_data(param - lr * grad)       # plain SGD, in place
        losses.append(loss.item())
    return losses


def test_transfer_learning_trains_only_the_new_head(tmp_path):
    x = Tensor(np.random.randn(16, 2), ms.float32)
    y = Tensor(np.random.randn(16, 1), ms.float32)
    pretrained = Net(scale=0.1, head=0.3)
    _train(pretrained, x, y, steps=5)
    path = str(tmp_path / "pretrained.ckpt")
    ms.save_checkpoint(pretrained, path)

    net = Net(scale=0.0, head=-0.2)
    body = ms.load_checkpoint(path, specify_prefix="body")
    with pytest.warns(UserWarning, match=r"\['steps', 'head.v'\]"):
        result = ms.load_param_into_net(net, body)
    assert result == (["steps", "head.v"], [])
    for param in net.body.trainable_params():
        param.requires_grad = False
    assert [p.name for p in net.trainable_params()] == ["head.v"]
    frozen = {n: a.tobytes() for n, a in arrays(net.body).items()}
    head_before = net.head.v.asnumpy()

    losses = _train(net, x, y, steps=20)
    assert {n: a.tobytes() for n, a in arrays(net.body).items()} == frozen
    np.testing.assert_array_equal(net.body.w.asnumpy(),
                                  pretrained.body.w.asnumpy())
    assert not np.array_equal(net.head.v.asnumpy(), head_before)
    assert losses[-1] < losses[0]
