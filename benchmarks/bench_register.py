"""The case register at 10,000 cases, on SQLite and PostgreSQL, against the plain drivers.

For each backend: insert 10,000 cases (import-style batches of 200, and single saves),
search by category and scan-date range, and export the de-identified CSV. The baseline is
plain ``sqlite3`` / ``psycopg`` doing the same rows in the same run: the same table, the
same precomputed values (so the ratio shows what validation, assessment and SQLAlchemy
cost), the same search query, and the same rows written with ``csv``.

    python -m benchmarks.bench_register          (PostgreSQL half needs its server binaries)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import create_engine

from benchmarks.common import EXAMPLES, median_seconds
from livercalc_desktop.knowledge.pathway import bundled_pathway_folder, load_pathway
from livercalc_desktop.register.documents import read_case
from livercalc_desktop.register.export import export_rows, write_csv
from livercalc_desktop.register.location import parse_url
from livercalc_desktop.register.store import Register, Search
from livercalc_desktop.register.tables import metadata
from tests.postgres_server import PostgresMissing, PostgresServer

CASES = 10_000
BATCH = 200
SEARCH = Search(category="isolated-pending", scan_from=dt.date(2025, 3, 1), scan_to=dt.date(2025, 6, 30))
COLUMNS = (
    "case_id, number, kind, reason, case_json, content_sha256, category, level, urgent, flags, kb_version, "
    "scan_date, due_date, patient_name, hospital_number, search_text, recorded_at, recorded_by, workstation"
)
RAW_SEARCH = """
SELECT r.case_id, r.number, r.kind, r.category, r.level, r.urgent, r.scan_date, r.due_date,
       r.patient_name, r.hospital_number,
       EXISTS (SELECT 1 FROM outcomes o WHERE o.case_id = r.case_id) AS outcome_recorded
FROM revisions r
WHERE NOT EXISTS (SELECT 1 FROM revisions later WHERE later.case_id = r.case_id AND later.number > r.number)
  AND r.category = {p} AND r.scan_date >= {p} AND r.scan_date <= {p} AND r.kind = 'saved'
ORDER BY r.scan_date DESC, r.case_id DESC
"""


def case_texts(count: int) -> list[str]:
    """Make ``count`` valid cases from the examples: scan dates over 2 years, distinct names."""
    examples = [json.loads(p.read_text("utf-8")) for p in sorted(EXAMPLES.glob("*.json"))]
    texts = []
    for index in range(count):
        data = json.loads(json.dumps(examples[index % len(examples)]))
        data["exam"]["date"] = (dt.date(2024, 1, 1) + dt.timedelta(days=index % 730)).isoformat()
        data["patient"] = {**data.get("patient", {}), "name": f"Patient {index:05d}", "hospital_number": f"H{index}"}
        data.pop("workup", None)  # dated entries would otherwise fall before or long after the new scan date
        for dated in ("illness_date", "infection_date"):
            data.get("history", {}).pop(dated, None)
        texts.append(json.dumps(data, ensure_ascii=False))
    return texts


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def raw_values(register: Register, texts: Sequence[str]) -> list[tuple[Any, ...]]:
    """The revision rows the register writes, computed once, for the plain-driver baseline."""
    rows = []
    for case_id, text in enumerate(texts, 1):
        document = read_case(text, register.pathway, "bench")
        values = {**register._revision_values(document, 1, "saved", None), "case_id": case_id}
        rows.append(tuple(values[name.strip()] for name in COLUMNS.split(",")))
    return rows


def raw_insert(connect: Callable[[], Any], placeholder: str, rows: list[tuple[Any, ...]]) -> float:
    marks = ", ".join([placeholder] * len(rows[0]))
    now = dt.datetime(2026, 1, 1)

    def run() -> None:
        connection = connect()
        cursor = connection.cursor()
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            cursor.executemany(
                f"INSERT INTO cases (id, created_at) VALUES ({placeholder}, {placeholder})",
                [(row[0], now) for row in batch],
            )
            cursor.executemany(f"INSERT INTO revisions ({COLUMNS}) VALUES ({marks})", batch)
            connection.commit()
        connection.close()

    return timed(run)


def raw_search(connect: Callable[[], Any], placeholder: str) -> tuple[float, int]:
    connection = connect()
    query = RAW_SEARCH.format(p=placeholder)
    params = (SEARCH.category, SEARCH.scan_from, SEARCH.scan_to)
    found = len(connection.cursor().execute(query, params).fetchall())
    seconds = median_seconds(lambda: connection.cursor().execute(query, params).fetchall(), 20)
    connection.close()
    return seconds, found


def raw_export(connect: Callable[[], Any], folder: Path) -> float:
    def run() -> None:
        connection = connect()
        rows = (
            connection.cursor()
            .execute(
                "SELECT case_id, category, level, urgent, flags, kb_version, scan_date, case_json FROM revisions "
                "ORDER BY scan_date, case_id"
            )
            .fetchall()
        )
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for row in rows:
            data = json.loads(row[-1])
            writer.writerow([*row[:-1], data["exam"]["gestational_age"]["weeks"], data["lesion"].get("count")])
        (folder / "raw.csv").write_text(buffer.getvalue(), "utf-8")
        connection.close()

    return timed(run)


def bench_backend(name: str, url: str, raw_url: str, connect: Callable[[], Any], placeholder: str) -> None:
    pathway = load_pathway(bundled_pathway_folder())
    texts = case_texts(CASES)
    with Register.open(pathway, url) as register:
        documents = [read_case(t, pathway, "bench") for t in texts]
        insert_s = timed(lambda: [register.add_many(documents[i : i + BATCH]) for i in range(0, CASES, BATCH)])
        single = texts[:200]
        single_s = timed(lambda: [register.add(t) for t in single]) / len(single)
        found = len(register.search(SEARCH))
        search_s = median_seconds(lambda: register.search(SEARCH), 20)
        text_s = median_seconds(lambda: register.search(Search(text="patient 0420")), 20)
        with tempfile.TemporaryDirectory() as folder:
            export_s = timed(lambda: write_csv(register, Path(folder), export_rows(register)))
        values = raw_values(register, texts)
    engine = create_engine(parse_url(raw_url))
    metadata.create_all(engine)
    engine.dispose()
    raw_insert_s = raw_insert(connect, placeholder, values)
    raw_search_s, raw_found = raw_search(connect, placeholder)
    with tempfile.TemporaryDirectory() as folder:
        raw_export_s = raw_export(connect, Path(folder))
    assert found == raw_found, (found, raw_found)
    print(f"{name}: {CASES:,} cases")
    print(
        f"  insert (batches of {BATCH}): register {insert_s:.2f} s, plain driver {raw_insert_s:.2f} s, "
        f"ratio {insert_s / raw_insert_s:.1f}x (register also validates and assesses each case)"
    )
    print(f"  single save: {single_s * 1000:.1f} ms per case")
    print(
        f"  search category + 4 months ({found} cases): register {search_s * 1000:.1f} ms, "
        f"plain driver {raw_search_s * 1000:.1f} ms, ratio {search_s / raw_search_s:.1f}x "
        f"[{'under' if search_s < 0.05 else 'OVER'} the 50 ms target]"
    )
    print(f"  search by name: {text_s * 1000:.1f} ms")
    print(
        f"  de-identified CSV export: register {export_s:.2f} s, plain driver + csv {raw_export_s:.2f} s, "
        f"ratio {export_s / raw_export_s:.1f}x (register parses every case and writes ~80 columns)"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        raw_path = Path(folder) / "raw.sqlite3"
        bench_backend(
            "SQLite",
            f"sqlite:///{folder}/register.sqlite3",
            f"sqlite:///{raw_path}",
            lambda: sqlite3.connect(raw_path, detect_types=sqlite3.PARSE_DECLTYPES),
            "?",
        )
    try:
        server = PostgresServer.start()
    except PostgresMissing as exc:
        print(f"PostgreSQL: not measured ({exc})")
        return
    try:
        for database in ("register", "raw"):
            with psycopg.connect(server.admin_conninfo(), autocommit=True) as admin:
                admin.execute(f"CREATE DATABASE {database}")
        conninfo = f"host=127.0.0.1 port={server.port} user={server.superuser} dbname=raw"
        bench_backend("PostgreSQL", server.url("register"), server.url("raw"), lambda: psycopg.connect(conninfo), "%s")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
