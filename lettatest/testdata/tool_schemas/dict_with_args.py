def f(a: Dict[str, int]):
    """Dict args.

    Args:
        a: a
    """
