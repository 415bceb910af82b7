"""The store: the only code that speaks SQL.

`core/project.py` (the Project: connection, transactions, the user's edits) and the modules
here, one per concept, hold every statement. The rest of the program asks them typed
questions (a page of documents, a document's gold spans, the rows a merge adds) and never
touches a connection; `tests/test_architecture.py` checks it. Module functions take the
Project as their first argument, so they run inside its transactions and on its backend.
"""
