def f(a: int):
    """Doc.

    Attributes:
        a: the a
    """
