def f(a: int):
    """Doc."""
