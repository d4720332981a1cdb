"""Choosing what to save and load: choice_func, filter_prefix,
specify_prefix, and matching by name (api.md 8.1)."""
import os
import tempfile

import mindspore as ms
from mindspore import Parameter, Tensor, nn


class Block(nn.Cell):
    def __init__(self, value):
        super().__init__()
        self.weight = Parameter(Tensor([value, value]), name="weight")
        self.bias = Parameter(Tensor([value]), name="bias")

    def construct(self, x):
        return x * self.weight + self.bias


class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.conv1 = Block(1.0)
        self.conv2 = Block(2.0)
        self.fc = Block(3.0)

    def construct(self, x):
        return self.fc(self.conv2(self.conv1(x)))


with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "net.ckpt")
    ms.save_checkpoint(Net(), path,
                       choice_func=lambda name: name.startswith("conv"))
    print("saved conv only:", list(ms.load_checkpoint(path)))
    ms.save_checkpoint(Net(), path)
    print("filter str:", list(ms.load_checkpoint(path, filter_prefix="conv")))
    print("filter list:", list(ms.load_checkpoint(
        path, filter_prefix=["conv1", "fc.bias"])))
    print("specify:", list(ms.load_checkpoint(path, specify_prefix="fc")))
    print("choice:", list(ms.load_checkpoint(
        path, choice_func=lambda name: name.endswith("bias"))))
    print("prefix wins over choice:", list(ms.load_checkpoint(
        path, filter_prefix="fc", choice_func=lambda name: False)))
    part = ms.load_checkpoint(path, filter_prefix="conv1")
    net = Net()
    for param in net.get_parameters():
        param.set_data(param * 0)
    print("partial:", ms.load_param_into_net(net, part))
    print("conv1 kept:", net.conv1.weight.asnumpy(),
          "conv2 loaded:", net.conv2.weight.asnumpy())
    renamed = {"backbone." + k: Parameter(v, name="backbone." + k)
               for k, v in ms.load_checkpoint(path).items()}
    net = Net()
    for param in net.get_parameters():
        param.set_data(param * 0)
    print("strict, prefixed names:", ms.load_param_into_net(
        net, renamed, strict_load=True), net.fc.bias.asnumpy())
    print("prefixed names:", ms.load_param_into_net(net, renamed),
          net.fc.bias.asnumpy())
