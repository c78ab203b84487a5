def f(a: int):
    """Empty.

    Args:
        a: 
    """
