"""The assessment workspace: ``shinsa serve``'s web app (FastAPI, Jinja2 pages, htmx), its
accounts, projects and jobs. Loaded only by ``shinsa serve``/``shinsa worker``/``shinsa users``;
``create_app`` in ``web.app`` builds it. See docs/web.md for adding a page or router."""
