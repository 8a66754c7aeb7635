"""The staff roles: which groups exist and what each may do, in one matrix (`roles.py`), kept in
the database by `sync.sync_roles()`."""
