"""Python API of the responses group."""
__all__: list = []
