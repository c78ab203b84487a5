def f(a: List[str], b: list[int], c: List[List[str]], d: list[Optional[float]]):
    """Lists.

    Args:
        a: a
        b: b
        c: c
        d: d
    """
