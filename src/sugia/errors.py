"""Typed errors. A `PageError` fails one page (the batch goes on); a `UsageError` stops a
command before any work. Messages say what is wrong and what to do."""


class SugiaError(Exception):
    """Base of every error sugia raises on purpose."""


class PageError(SugiaError):
    """This page cannot be processed; the message names the reason."""


class UsageError(SugiaError):
    """The command was called wrongly (missing path, unknown format...)."""
