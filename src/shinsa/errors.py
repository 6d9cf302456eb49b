"""User-facing errors.

Anything raised as :class:`ShinsaError` is bad input or an unusable environment: the CLI prints its
message on one line and exits with code 2. Everything else is a bug and keeps its traceback.
"""


class ShinsaError(Exception):
    """Bad input or unusable configuration; the message says what is wrong and where."""


class InputError(ShinsaError):
    """A file, suite, option or reference given by the user is invalid."""


class StoreError(ShinsaError):
    """The database cannot be written (locked, read-only, full, deleted): the run stops at the
    first failed write, keeps what was stored, and resumes with the same run id."""


class RunBusyError(ShinsaError):
    """Another process is executing the same run."""
