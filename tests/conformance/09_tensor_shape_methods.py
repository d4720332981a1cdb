"""Tensor shape methods (api.md 3.3, 3.6)."""
import numpy as np

from mindspore import Tensor

t = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
print(t.reshape(6), t.reshape((1, 6)).shape)
print(t.reshape(-1, 1).shape, t.reshape([3, 2]))
print(t.view(3, 2).shape, t.view((6,)).shape)
print(t.transpose())
print(t.transpose(1, 0).shape, t.T.shape)
print(t.flatten(), t.flatten().shape)

u = Tensor(np.ones((1, 3, 1), np.float32))
print(u.squeeze().shape, u.squeeze(0).shape, u.squeeze(axis=2).shape)
print(t.expand_dims(0).shape, t.expand_dims(-1).shape)
print(t.unsqueeze(1).shape)

for row in t:
    print("row", row)
c = t.copy()
c[0, 0] = 100.0
print(t[0, 0], c[0, 0])
print(len(t), t.shape)
