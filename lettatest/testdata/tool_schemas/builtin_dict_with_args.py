def f(a: dict[str, List[int]]):
    """Dict args.

    Args:
        a: a
    """
