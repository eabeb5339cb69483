"""Bureau's desktop application (PySide6). Calls `ceremony` only; no business logic here.

Starting points:

- ``window.open_bureau(window, store_folder, platform=None)`` (real cards over
  PC/SC, bundles as files) and ``window.open_demo(window, folder, ballots=...,
  seed=..., description=...)`` (platform simulator, training cards) return the
  ``adapter.CeremonyAdapter`` connecting ``ceremony.workflow.engine.Bureau`` to
  the window: ``next_step()``, ``start_step(step)``, ``refresh()``, signals
  ``step_finished(kind)``, ``step_failed(error)``, ``card_prompt_opened``,
  ``dialog_opened``; ``pins`` is its ``QtPinHandler``.
- ``steps``: ``next_step(state, definition)`` and ``phase_views(state,
  definition)``, the engine state as the window shows it.
- ``card_sources`` (``TrainingCardSource``, ``PcscCardSource``) and
  ``platform_sources`` (``SimulatedPlatform``, ``FilePlatform``).

What the engine adapter uses (each module's docstring says more):

- ``shell.BureauWindow(settings)``: ``set_phases(views)``, ``set_bureau_name``,
  signals ``action_requested(phase_key)`` and ``projection_requested``;
  pages ``journal_view``, ``results_view``, ``expert_view``, ``pv_preview``;
  its ``runner`` (``worker.JobRunner``) for long work.
- ``phase_model``: ``PhaseView`` protocol, ``ChecklistItem``, ``PhaseState``,
  ``PHASE_KEYS`` (the keys of ``ceremony.workflow.phases``).
- ``worker``: ``Job(fn(progress), cancellable=...)``, ``JobRunner.start(job)``,
  ``Progress.report(fraction, message)`` / ``check_cancelled()``;
  ``progress_dialog.ProgressDialog(title, job)``.
- Cards: ``pin_bridge.QtPinHandler`` (a ``ceremony.cards`` ``PinHandler``),
  ``card_prompt.CardPromptDialog(ExpectedCard, CardEvents)``,
  ``card_bridge.CardEventBridge(events, identify)`` for ``CardMonitor``.
- ``error_dialog.ErrorDialog(error)``, ``error_hook.ErrorHook``.
- ``journal_view.JournalRow``, ``results_model.ContestResult`` / ``ListResult``,
  ``projection.ProjectionWindow(contests)``, ``report_view.VerificationReportView``.
"""

from bureau_app.refcount_guard import guard_singletons

# Before any Qt call: see refcount_guard for the PySide6 6.12 / CPython 3.11 bug.
guard_singletons()
