"""Deprecated alias of :mod:`libanalyze`, kept for one release (0.2.x).

The package was published as ``analyze`` up to 0.1.0; that name belongs to an
unrelated PyPI project, so the distribution and the import are now
``libanalyze``. ``import analyze`` still works and returns the very same module
object as ``import libanalyze``, with a DeprecationWarning. It will be removed in
0.3.0.
"""
import sys
import warnings

import libanalyze

warnings.warn("the 'analyze' import is deprecated and will be removed in libanalyze 0.3.0; "
              "use 'import libanalyze'", DeprecationWarning, stacklevel=2)
sys.modules[__name__] = libanalyze
