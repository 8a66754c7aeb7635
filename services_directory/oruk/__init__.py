"""Open Referral UK 3.0: the read-only API (`api.py`), the shapes it answers (`serializers.py`)
and the importer of other feeds (`importer.py`)."""
