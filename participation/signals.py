"""Signals other parts of participation listen to (workshops' live maps, for one).

`contribution_committed` is sent after the transaction that saved a contribution has committed,
never before: a rolled-back submission sends nothing. Arguments: `sender` (the model class),
`instance`, `kind` ("pin", "proposal")."""

from django.dispatch import Signal

contribution_committed = Signal()
