def f(a: Literal['x']):
    """Literal.

    Args:
        a: a
    """
