"""SoftmaxCrossEntropyWithLogits and LossBase.get_loss (api.md 6.2)."""
import mindspore as ms
from mindspore import Tensor, nn, ops


def show_error(label, fn):
    try:
        fn()
        print(label, "no error")
    except Exception as e:  # noqa: BLE001 - the class is the point
        print(label, type(e).__name__)


logits = Tensor([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]], ms.float32)
onehot = Tensor([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], ms.float32)
probs = Tensor([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1]], ms.float32)
labels = Tensor([0, 1], ms.int32)
print(nn.SoftmaxCrossEntropyWithLogits()(logits, onehot))
print(nn.SoftmaxCrossEntropyWithLogits()(logits, probs))
print(nn.SoftmaxCrossEntropyWithLogits(reduction="mean")(logits, onehot))
print(nn.SoftmaxCrossEntropyWithLogits(reduction="sum")(logits, onehot))
print(nn.SoftmaxCrossEntropyWithLogits(sparse=True)(logits, labels))
print(nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")(
    logits, labels))
print(nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="sum")(
    logits, Tensor([0, 1])))
loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
print(ms.grad(loss_fn)(logits, labels))
show_error("bad reduction:",
           lambda: nn.SoftmaxCrossEntropyWithLogits(reduction="bad"))
show_error("sparse float labels:", lambda: nn.SoftmaxCrossEntropyWithLogits(
    sparse=True)(logits, Tensor([0.0, 1.0])))
show_error("dense int labels:",
           lambda: nn.SoftmaxCrossEntropyWithLogits()(logits, labels))

data = Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
print(nn.LossBase().get_loss(data))
print(nn.LossBase().get_loss(data, Tensor([[1.0], [0.0]], ms.float32)))
print(nn.LossBase("sum").get_loss(Tensor([1.0, 2.0])))
print(nn.LossBase("none").get_loss(Tensor([1.0, 2.0]), 2.0))
print(nn.LossBase())
show_error("lossbase reduction:", lambda: nn.LossBase("avg"))


class AbsLoss(nn.LossBase):
    def construct(self, logits, labels):
        return self.get_loss(ops.abs(logits - labels))


print(AbsLoss()(Tensor([1.0, 2.0]), Tensor([0.0, 0.0])))
print(AbsLoss("sum")(Tensor([1.0, -2.0]), Tensor([0.0, 0.0])))
print(ms.grad(AbsLoss())(Tensor([1.0, -2.0]), Tensor([0.0, 0.0])))
