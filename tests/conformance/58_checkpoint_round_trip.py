"""Checkpoint round trip with Cells of Parameters (api.md 8.1)."""
import os
import tempfile

import mindspore as ms
from mindspore import Parameter, Tensor, nn, ops


class Body(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor([[1.0, 2.0], [3.0, 4.0]]), name="w")
        self.b = Parameter(Tensor([0.5, -0.5]), name="b")

    def construct(self, x):
        return ops.matmul(x, self.w) + self.b


class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.body = Body()
        self.head = Parameter(Tensor([1.0, -1.0]), name="head")
        self.step = Parameter(Tensor([7], ms.int32), name="step",
                              requires_grad=False)

    def construct(self, x):
        return (self.body(x) * self.head).sum()


with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "model")
    ms.save_checkpoint(Net(), path)
    print("files:", sorted(os.listdir(folder)))
    loaded = ms.load_checkpoint(path + ".ckpt")
    print("keys:", list(loaded))
    for name, param in loaded.items():
        print(name, param.name, param.dtype, param.shape, param.requires_grad,
              param.asnumpy())
    fresh = Net()
    for param in fresh.get_parameters():
        param.set_data(ops.zeros_like(param))
    print("returns:", ms.load_param_into_net(fresh, loaded))
    print("body.w:", fresh.body.w.asnumpy())
    print("step:", fresh.step.asnumpy(), fresh.step.requires_grad)
    print("value:", fresh(Tensor([[1.0, 1.0]])))
    ms.save_checkpoint(Net(), path + ".ckpt")     # overwritten in place
    print("files:", sorted(os.listdir(folder)))
    print("list of Parameters:", list(ms.load_checkpoint(path + ".ckpt")))


class Bigger(Net):
    def __init__(self):
        super().__init__()
        self.extra = Parameter(Tensor([3.0]), name="extra")


class Smaller(nn.Cell):
    def __init__(self):
        super().__init__()
        self.body = Body()

    def construct(self, x):
        return self.body(x)


with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "net.ckpt")
    ms.save_checkpoint(Net(), path)
    print("bigger:", ms.load_param_into_net(Bigger(),
                                            ms.load_checkpoint(path)))
    print("smaller:", ms.load_param_into_net(Smaller(),
                                             ms.load_checkpoint(path)))
    net = Net()
    ms.load_checkpoint(path, net=net)
    print("net= keyword:", net.head.asnumpy())
    params = list(Net().get_parameters())
    ms.save_checkpoint(params, path)
    print("from a list:", list(ms.load_checkpoint(path)))
    ms.save_checkpoint([{"name": "a", "data": Tensor([1.0, 2.0])},
                        {"name": "n", "data": Tensor([3, 4])}], path)
    print("from dicts:", ms.load_checkpoint(path))
    ms.save_checkpoint(ms.load_checkpoint(path), path)
    print("from a dict:", ms.load_checkpoint(path))
