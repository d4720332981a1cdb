"""``mindgrad.common``: as ``mindspore.common``, home of ``initializer``."""
