def f(a: List):
    """Bare typing.List.

    Args:
        a: a
    """
