def tool(a: int):
    """The tool.

    Args:
        a: a
    """
    return helper(a)


def helper(a):
    return a
