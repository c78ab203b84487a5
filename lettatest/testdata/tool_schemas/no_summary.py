def f(a: int):
    """
    Args:
        a: the a
    """
