"""Seed 003, Cell part: nn.Cell + nn.BCEWithLogitsLoss + value_and_grad
over model.trainable_params() (api.md 2.12)."""
import numpy as np
import mindspore
from mindspore import nn, ops, Tensor, Parameter

np.random.seed(42)
x = ops.ones(5, mindspore.float32)  # input tensor
y = ops.zeros(3, mindspore.float32)  # expected output
w = Parameter(Tensor(np.random.randn(5, 3), mindspore.float32), name='w')
b = Parameter(Tensor(np.random.randn(3,), mindspore.float32), name='b')


# Define model
class Network(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = w
        self.b = b

    def construct(self, x):
        z = ops.matmul(x, self.w) + self.b
        return z


# Instantiate model
model = Network()
# Instantiate loss function
loss_fn = nn.BCEWithLogitsLoss()
print(model.trainable_params())
print(loss_fn)


# Define forward function
def forward_fn(x, y):
    z = model(x)
    loss = loss_fn(z, y)
    return loss


grad_fn = mindspore.value_and_grad(forward_fn, None,
                                   weights=model.trainable_params())
loss, grads = grad_fn(x, y)
print(loss)
print(grads)
