"""Who may do what: roles in a project, the permissions they grant, and the signed-in principal.

Admins are users with ``is_admin``: they act as :attr:`Role.ADMIN` in every project. Everyone
else has one role per project they are a member of, and sees nothing of other projects."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    ASSESSOR = "assessor"
    REVIEWER = "reviewer"
    VIEWER = "viewer"


class Permission(StrEnum):
    VIEW = "view"
    """Read systems, runs, results and reports."""
    REVIEW = "review"
    """Change a verdict or a checklist answer (review pages)."""
    RUN = "run"
    """Start, resume and configure runs; file runs under systems."""
    MANAGE = "manage"
    """Users, projects, memberships and systems."""


GRANTS: dict[Role, frozenset[Permission]] = {
    Role.VIEWER: frozenset({Permission.VIEW}),
    Role.REVIEWER: frozenset({Permission.VIEW, Permission.REVIEW}),
    Role.ASSESSOR: frozenset({Permission.VIEW, Permission.REVIEW, Permission.RUN}),
    Role.ADMIN: frozenset(Permission),
}
MEMBER_ROLES = (Role.ASSESSOR, Role.REVIEWER, Role.VIEWER)
"""Roles a membership can carry (admin is a property of the user, not of a membership)."""


@dataclass(frozen=True, slots=True)
class User:
    user_id: int
    username: str
    is_admin: bool


@dataclass(frozen=True, slots=True)
class Principal:
    """The signed-in user of a request, how they signed in and their role in each project."""

    user: User
    via: str
    """``session`` (browser cookie: unsafe requests need the CSRF token) or ``token`` (API token)."""
    roles: dict[int, Role] = field(default_factory=dict)
    """Project id → role, for the projects the user is a member of."""
    csrf_token: str = ""
    """The session's CSRF token (empty for API tokens), for forms and htmx requests."""

    def role_in(self, project_id: int) -> Role | None:
        return Role.ADMIN if self.user.is_admin else self.roles.get(project_id)

    def can(self, permission: Permission, project_id: int) -> bool:
        role = self.role_in(project_id)
        return role is not None and permission in GRANTS[role]

    def can_anywhere(self, permission: Permission) -> bool:
        return self.user.is_admin or any(permission in GRANTS[role] for role in self.roles.values())

    def visible_projects(self) -> set[int] | None:
        """Ids of the projects this user may see; None means every project (admin)."""
        return None if self.user.is_admin else set(self.roles)
