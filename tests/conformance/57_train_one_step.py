"""WithLossCell and TrainOneStepCell: a short training run with known
weights (api.md 7, MindSpore's training wrappers)."""
import numpy as np

from mindspore import Parameter, Tensor, nn, ops


class Line(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor(np.array([[0.5, -1.0]], np.float32)),
                           name="w")
        self.b = Parameter(Tensor(np.array([0.1], np.float32)), name="b")

    def construct(self, x):
        return ops.matmul(x, self.w.T) + self.b


class Squares(nn.Cell):
    def construct(self, y, t):
        return ((y - t) ** 2).mean()


x = Tensor(np.array([[1.0, 2.0], [3.0, -1.0]], np.float32))
t = Tensor(np.array([[1.0], [0.0]], np.float32))

net = Line()
loss_net = nn.WithLossCell(net, Squares())
print(loss_net)
print([p.name for p in loss_net.trainable_params()])
print(loss_net(x, t), loss_net.backbone_network)

opt = nn.SGD(net.trainable_params(), 0.1)
step = nn.TrainOneStepCell(loss_net, opt)
print(step)
print([name for name, _ in step.cells_and_names()])
print([p.name for p in step.trainable_params()])
print(nn.Identity(), nn.Identity()(x))
for _ in range(4):
    print(step(x, t), net.w.asnumpy(), net.b.asnumpy())
print(opt.global_step.asnumpy())

scaled = nn.TrainOneStepCell(loss_net, opt, sens=2.0)
print(scaled.sens, scaled.network is loss_net, scaled.optimizer is opt)
print(scaled(x, t), net.w.asnumpy(), net.b.asnumpy())

net = Line()
step = nn.TrainOneStepCell(nn.WithLossCell(net, Squares()),
                           nn.Adam(net.trainable_params(), 0.05))
for _ in range(4):
    print(step(x, t), net.w.asnumpy(), net.b.asnumpy())

net = Line()
step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()),
                           nn.Momentum(net.trainable_params(), 0.05, 0.9))
for _ in range(4):
    print(step(x, t), net.w.asnumpy(), net.b.asnumpy())
