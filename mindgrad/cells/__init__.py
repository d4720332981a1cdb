"""The nn layer: Cell, containers, layers, activations, losses and
initializers; ``mindgrad.nn`` re-exports them."""
