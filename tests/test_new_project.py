"""A new project uses newsreport as its users will: a fresh virtual environment, `pip install` of
this repository, a script that imports names from `newsreport` alone, and `mypy --strict` on it.

Nothing is downloaded: the project is installed `--no-deps --no-index --no-build-isolation`, and
the packages pip would fetch (pydantic, lxml, ..., and hatchling and mypy) come from the test
environment through a `.pth` file in the new one.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import newsreport

from .conftest import ROOT

SCRIPT = '''\
"""Build, validate, write and read a report, with names imported from newsreport only."""

import datetime
from pathlib import Path

from newsreport import (
    FORMATS,
    Body,
    Event,
    Excerpt,
    Headline,
    NewsReport,
    PartialDate,
    Participant,
    Participation,
    Person,
    Place,
    Span,
    Statement,
    read,
    read_all,
    validate,
    write,
)

TEXT = 'LISBON - Ana Costa, the minister, said: "The port reopens in May." She spoke in Lisbon.'


def participants() -> tuple[Participant, ...]:
    costa = Person(id="costa", name="Ana Costa", mentions=(Span.find(TEXT, "Ana Costa"),))
    lisbon = Place(
        id="lisbon",
        name="Lisbon",
        place_type="city",
        mentions=(Span.find(TEXT, "LISBON"), Span.find(TEXT, "Lisbon")),
    )
    return costa, lisbon


def build() -> NewsReport:
    quote = Span.find(TEXT, "The port reopens in May.")
    return NewsReport(
        id="urn:example:port-1",
        headline=Headline(text="The port reopens in May", origin="editorial"),
        published=datetime.datetime(2025, 2, 3, 10, 0, tzinfo=datetime.timezone.utc),
        language="en",
        body=Body(text=TEXT),
        participants=participants(),
        event=Event(
            id="briefing",
            kind="press-conference",
            name="Costa's briefing",
            date=PartialDate(value="2025-02-03"),
            place="lisbon",
            participations=(Participation(participant="costa", role="speaker"),),
        ),
        statements=(
            Statement(
                id="q1",
                kind="direct",
                speakers=("costa",),
                text=quote.of(TEXT),
                span=quote,
                reporting_verb=Excerpt.find(TEXT, "said", after=Span.find(TEXT, "minister")),
                event="briefing",
            ),
        ),
    )


def main() -> None:
    report = build()
    assert validate(report.model_dump(mode="json", exclude_none=True)) == []
    written: list[str] = []
    for name, fmt in FORMATS.items():
        if not fmt.writable:
            continue
        path = Path("port" + fmt.extensions[0])
        path.write_bytes(write(report, name))
        written.append(name)
        if fmt.readable and fmt.lossless:
            assert read(path) == report, name
    Path("archive.jsonl").write_bytes(write(report, "jsonl") * 2)
    speakers = [s.speakers for r in read_all("archive.jsonl") for s in r.statements]
    print(f"written: {' '.join(written)}; speakers {speakers}")


if __name__ == "__main__":
    main()
'''


def _run(*command: str | Path, cwd: Path) -> str:
    """Run `command` in `cwd`, failing with its output if it fails; its stdout."""
    env = {**os.environ, "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"{command} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_a_new_project_builds_checks_writes_and_reads_a_report(tmp_path: Path) -> None:
    """pip-installed into a fresh venv, newsreport alone builds, validates, writes and reads a report,
    and `mypy --strict` passes on the script that does it."""
    venv, project = tmp_path / "venv", tmp_path / "project"
    project.mkdir()
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=tmp_path).strip())
    (site / "test-environment.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    pip = (sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index")
    _run(*pip, "--no-build-isolation", ROOT, cwd=tmp_path)

    where = _run(python, "-c", "import newsreport; print(newsreport.__file__)", cwd=project).strip()
    assert Path(where).is_relative_to(site), where  # the installed copy, not the repository

    (project / "report_tool.py").write_text(SCRIPT, encoding="utf-8")
    (project / "mypy.ini").write_text("[mypy]\n", encoding="utf-8")  # the project's own: no plugin
    out = _run(python, "report_tool.py", cwd=project)
    writable = " ".join(name for name, fmt in newsreport.FORMATS.items() if fmt.writable)
    assert out == f"written: {writable}; speakers [('costa',), ('costa',)]\n"
    assert {path.name for path in project.iterdir()} >= {"port.json", "port.zip", "port.xml", "port.csv"}
    checked = _run(python, "-m", "mypy", "--strict", "--cache-dir", tmp_path / "mypy", "report_tool.py", cwd=project)
    assert checked.startswith("Success: no issues found in 1 source file"), checked
