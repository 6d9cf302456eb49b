"""Targets: the systems under assessment, behind one interface."""

from shinsa.targets.base import Completion, Target, TargetError, TargetOptions, build_target, targets

__all__ = ["Completion", "Target", "TargetError", "TargetOptions", "build_target", "targets"]
