"""Checkpoint mistakes and their error classes (api.md 8.1, 9)."""
import os
import tempfile
import time

import numpy as np
import mindspore as ms
from mindspore import Parameter, Tensor, nn, ops


def show_error(label, make):
    """Print the class of the error make() raises (messages differ)."""
    try:
        str(make())  # str() forces the value, so a lazy error surfaces
    except Exception as e:
        print(label, type(e).__name__)
    else:
        print(label, "no error")
    settle()


def settle():
    """Let a failed op finish failing before the next check runs: MindSpore
    2.10 runs ops asynchronously and may raise a failed op's error again
    at a later op. mindgrad raises at once, so it skips the pause."""
    if Tensor.__module__.startswith("mindspore"):
        time.sleep(0.2)
    for _ in range(2):
        try:
            (Tensor([1.0]) + 1).asnumpy()
        except Exception:
            pass


class Net(nn.Cell):
    def __init__(self, size=2, dtype=ms.float32):
        super().__init__()
        self.a = Parameter(Tensor(np.ones(size), dtype), name="a")
        self.b = Parameter(Tensor([1.0, 2.0, 3.0]), name="b")

    def construct(self, x):
        return x


with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "net.ckpt")
    ms.save_checkpoint(Net(), path)
    loaded = ms.load_checkpoint(path)
    show_error("missing file:", lambda: ms.load_checkpoint(
        os.path.join(folder, "other.ckpt")))
    show_error("no suffix:", lambda: ms.load_checkpoint(path[:-5]))
    show_error("not a str:", lambda: ms.load_checkpoint(3))
    junk = os.path.join(folder, "junk.ckpt")
    with open(junk, "wb") as file:
        file.write(b"this is not a checkpoint" * 4)
    show_error("corrupt file:", lambda: ms.load_checkpoint(junk))
    show_error("a directory:", lambda: ms.save_checkpoint(Net(), folder))
    show_error("save a Tensor:", lambda: ms.save_checkpoint(Tensor([1.0]),
                                                            path))
    show_error("save a tuple:", lambda: ms.save_checkpoint(
        tuple(Net().get_parameters()), path))
    show_error("list of Tensors:", lambda: ms.save_checkpoint(
        [Tensor([1.0])], path))
    show_error("file name int:", lambda: ms.save_checkpoint(Net(), 5))
    show_error("append list:", lambda: ms.save_checkpoint(
        Net(), path, append_dict={"x": [1, 2]}))
    show_error("append not dict:", lambda: ms.save_checkpoint(
        Net(), path, append_dict=[1]))
    show_error("filter int:", lambda: ms.load_checkpoint(path,
                                                         filter_prefix=5))
    show_error("filter empty str:", lambda: ms.load_checkpoint(
        path, filter_prefix=""))
    show_error("filtered to nothing:", lambda: ms.load_checkpoint(
        path, filter_prefix=["a", "b"]))
    show_error("shape mismatch:", lambda: ms.load_param_into_net(
        Net(size=3), loaded))
    show_error("int net:", lambda: ms.load_param_into_net(
        Net(dtype=ms.int32), loaded))
    show_error("strict f64:", lambda: ms.load_param_into_net(
        Net(dtype=ms.float64), loaded, strict_load=True))
    show_error("not a Cell:", lambda: ms.load_param_into_net(5, loaded))
    show_error("not a dict:", lambda: ms.load_param_into_net(
        Net(), list(loaded.values())))
    show_error("Tensor value:", lambda: ms.load_param_into_net(
        Net(), {"a": Tensor([1.0, 2.0])}))
    net = Net()
    show_error("f64 into f32:", lambda: ms.load_param_into_net(
        net, {"a": Parameter(Tensor(np.array([5.0, 6.0])), name="a")}))
    print(net.a.dtype, net.a.asnumpy())
    show_error("f32 into f16:", lambda: ms.load_param_into_net(
        Net(dtype=ms.float16), loaded))
