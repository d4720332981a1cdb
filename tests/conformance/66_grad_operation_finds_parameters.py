"""GradOperation(get_by_list=True) called on a plain function without
weights: MindSpore 2.10 differentiates the trainable Parameters the
function uses, in the order its operations first read them (api.md 2.10
says (); MindSpore wins)."""
import numpy as np

from mindspore import Parameter, Tensor, ops

w = Parameter(Tensor(np.array([6.0], np.float32)), name="w")
b = Parameter(Tensor(np.array([1.0], np.float32)), name="b")
frozen = Parameter(Tensor(np.array([3.0], np.float32)), name="frozen",
                   requires_grad=False)
x = Tensor(np.array([100.0], np.float32))

cases = {
    "w*x+b": lambda x: w * x + b,
    "b+w*x": lambda x: b + w * x,         # w*x runs first
    "w used twice": lambda x: w * x + w * w,
    "frozen skipped": lambda x: frozen * x + w,
    "only Parameters": lambda x: w * w,
    "no Parameter": lambda x: x * 2,
}
for label, f in cases.items():
    print(label, ops.GradOperation(get_by_list=True)(f)(x))
    print(label, ops.GradOperation(get_all=True, get_by_list=True)(f)(x))
print(ops.GradOperation(get_by_list=True)(cases["w*x+b"], [b])(x))
print(w.asnumpy(), b.asnumpy())
