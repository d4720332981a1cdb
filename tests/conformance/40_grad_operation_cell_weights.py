"""GradOperation(get_by_list=True) on a Cell called without params.

MindSpore 2.10 then differentiates the Cell's trainable Parameters (the
frozen q is left out). api.md 2.10 says "() if no params"; that holds for a
plain function that uses no Parameter (35_grad_operation_table.py).
"""
from mindspore import Parameter, Tensor, nn, ops


class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.z = Parameter(Tensor([1.0]), name="z")
        self.q = Parameter(Tensor([2.0]), name="q", requires_grad=False)

    def construct(self, a):
        return a * self.z * self.q


net = Net()
x = Tensor([3.0])
print(ops.GradOperation(get_by_list=True)(net)(x))
print(ops.GradOperation(get_all=True, get_by_list=True)(net)(x))
print(ops.GradOperation(get_by_list=True)(net, net.q)(x))
