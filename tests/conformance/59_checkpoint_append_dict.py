"""Checkpoint extras: append_dict values and their dtypes (api.md 8.1)."""
import os
import tempfile

import numpy as np
import mindspore as ms
from mindspore import Parameter, Tensor, nn


class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor([1.0, 2.0]), name="w")
        self.half = Parameter(Tensor([1.5], ms.float16), name="half")
        self.wide = Parameter(Tensor(np.array([2.5])), name="wide")
        self.flags = Parameter(Tensor([True, False]), name="flags")
        self.count = Parameter(Tensor(3, ms.int8), name="count")

    def construct(self, x):
        return x


extras = {"epoch": 3, "lr": 0.5, "tag": "best", "done": True,
          "scale": np.float64(0.25), "history": Tensor([1, 2, 3])}
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "extras.ckpt")
    ms.save_checkpoint(Net(), path, append_dict=extras)
    loaded = ms.load_checkpoint(path)
    print(list(loaded))
    for name, value in loaded.items():
        if isinstance(value, str):
            print(name, "str", value)
        else:
            print(name, value.dtype, value.shape, value.asnumpy())
    print(ms.load_param_into_net(Net(), loaded))
    ms.save_checkpoint(Net(), path, append_dict={"w": 5})
    print("append replaces:", ms.load_checkpoint(path)["w"].asnumpy(),
          list(ms.load_checkpoint(path)))
