"""Expert mode verifies a real election record (made by our code) on a worker thread."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bureau_app.expert_view import ExpertView
from bureau_app.worker import JobRunner
from tests.protocol.our_election import make_our_election

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def election_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rng = random.Random(7)
    directory = tmp_path_factory.mktemp("expert")
    election = make_our_election(directory, rng, voters=3)
    election.cast([[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 0]], rng)
    election.tally(rng)
    return directory


@pytest.fixture
def view(qtbot, app):  # type: ignore[no-untyped-def]
    runner = JobRunner()
    widget = ExpertView(runner)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    assert runner.wait(60_000)


def test_a_sound_record_reads_all_passed(qtbot, view, election_dir) -> None:  # type: ignore[no-untyped-def]
    (archive,) = election_dir.glob("*.bel")
    digest_before = archive.read_bytes()
    with qtbot.waitSignal(view.verified, timeout=120_000) as done:
        view.open_path(archive)
    report = done.args[0]
    assert report.passed
    assert view.report_view.verdict.text() == "Toutes les vérifications ont réussi."
    assert "ballots.valid" in view.report_view.shown_names()
    assert archive.read_bytes() == digest_before  # read-only
    qtbot.waitUntil(lambda: not view.progress.isVisible())


def test_a_tampered_record_names_the_failed_check(qtbot, view, election_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (archive,) = election_dir.glob("*.bel")
    broken = tmp_path / "broken.bel"
    data = bytearray(archive.read_bytes())
    data[-600] ^= 1
    broken.write_bytes(bytes(data))
    with qtbot.waitSignal(view.verified, timeout=120_000) as done:
        view.open_path(broken)
    report = done.args[0]
    assert not report.passed
    assert view.report_view.verdict.text().endswith("ÉCHEC.")
    view.report_view.only_failures.setChecked(True)
    assert view.report_view.shown_names() == [check.name for check in report.failed_checks()]


def test_an_unexpected_failure_is_shown_as_an_error(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    def broken_verifier(_path: Path):  # type: ignore[no-untyped-def]
        raise OSError("disk unplugged")

    runner = JobRunner()
    widget = ExpertView(runner, verify=broken_verifier)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.failed, timeout=10_000) as failed:
        widget.open_path(Path("/nonexistent.bel"))
    assert isinstance(failed.args[0], OSError)
    assert runner.wait(10_000)
