"""Python API of the requests group."""
__all__: list = []
