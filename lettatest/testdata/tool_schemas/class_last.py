def f(a: int):
    """F.

    Args:
        a: a
    """


class Helper:
    pass
