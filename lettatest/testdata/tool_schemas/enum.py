from enum import Enum

class Color(Enum):
    RED = 'red'

def f(a: Color):
    """Enum.

    Args:
        a: a
    """
