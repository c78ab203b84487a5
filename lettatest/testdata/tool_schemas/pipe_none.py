def f(a: int | None):
    """Pipe.

    Args:
        a: a
    """
