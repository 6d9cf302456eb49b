"""The Alembic environment of the store: ``env.py`` and one file per schema revision in
``versions/`` (``NNNN_name.py``, revision id ``NNNN``, a straight line). ``store.migrate`` runs it."""
