import typing

def f(a: typing.List[int], b: typing.Optional[str] = None):
    """typing.X.

    Args:
        a: a
        b: b
    """
