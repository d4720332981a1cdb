"""The nn layer: Cell and, later, layers and losses."""
