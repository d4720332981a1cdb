"""MNIST for the lessons: real handwritten digits, offline or downloaded.

Not loaded by ``import mindgrad``; import it when a lesson needs digits:

>>> from mindgrad.data import load_mnist, batches
>>> images, labels = load_mnist("train")
>>> print(images.shape, len(batches(images, labels, batch_size=64)))
(6000, 1, 28, 28) 94

The bundled digits come from the MNIST database by Yann LeCun, Corinna
Cortes and Christopher J. C. Burges (CC BY-SA 3.0); see
``MNIST_CREDIT.txt`` beside this file. See lesson 12.
"""
from .mnist import Batches, batches, load_mnist

__all__ = ["load_mnist", "batches", "Batches"]
