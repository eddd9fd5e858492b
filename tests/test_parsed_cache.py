"""The window's cache of parsed pathway files: never stale, owner-only, and a bad copy is rebuilt."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import sys
from pathlib import Path

import pytest

from livercalc_desktop.knowledge.parsed_cache import MAX_COPY_BYTES, ParsedTomlCache
from livercalc_desktop.knowledge.pathway import bundled_pathway_folder, load_pathway
from livercalc_desktop.knowledge.strict_table import read_toml

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@pytest.fixture
def pathway_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "pathway"
    shutil.copytree(bundled_pathway_folder(), folder)
    return folder


@pytest.fixture
def cache(tmp_path: Path) -> ParsedTomlCache:
    return ParsedTomlCache(tmp_path / "cache" / "parsed-toml")


def copies(cache: ParsedTomlCache, stem: str) -> list[Path]:
    return sorted(cache.folder.glob(f"{stem}-*.json"))


def test_a_pathway_read_through_the_cache_is_the_parsed_one(pathway_copy, cache):
    parsed = load_pathway(pathway_copy)
    for _ in range(2):  # the first load writes the copies, the second reads them
        cached = load_pathway(pathway_copy, cache.read)
        assert (cached.schema, cached.kb) == (parsed.schema, parsed.kb)
    assert [len(copies(cache, stem)) for stem in ("case-schema", "knowledge-base", "references")] == [1, 1, 1]


def test_a_sound_copy_is_what_is_read(pathway_copy, cache):
    source = pathway_copy / "references.toml"
    cache.read(source)
    (copy,) = copies(cache, "references")
    copy.write_text(json.dumps({"from-the-copy": True}), "utf-8")
    assert cache.read(source) == {"from-the-copy": True}


@posix_only
def test_copies_are_owner_only(pathway_copy, cache):
    load_pathway(pathway_copy, cache.read)
    assert stat.S_IMODE(cache.folder.stat().st_mode) == 0o700
    assert {stat.S_IMODE(copy.stat().st_mode) for copy in cache.folder.iterdir()} == {0o600}


def test_a_changed_file_is_parsed_again_and_its_old_copy_dropped(pathway_copy, cache):
    load_pathway(pathway_copy, cache.read)
    old_copy = copies(cache, "knowledge-base")
    path = pathway_copy / "knowledge-base.toml"
    text = path.read_text("utf-8")
    path.write_text(text.replace('"Isolated, tests outstanding"', '"Isolated, tests pending"', 1), "utf-8")
    labels = {category.label for category in load_pathway(pathway_copy, cache.read).kb.categories}
    assert "Isolated, tests pending" in labels and "Isolated, tests outstanding" not in labels
    new_copy = copies(cache, "knowledge-base")
    assert len(new_copy) == 1 and new_copy != old_copy


def test_another_version_never_reads_this_versions_copy(pathway_copy, tmp_path):
    source = pathway_copy / "references.toml"
    folder = tmp_path / "cache"
    ParsedTomlCache(folder, version="1.0").read(source)
    for copy in folder.iterdir():
        copy.write_text(json.dumps({"stale": True}), "utf-8")
    assert ParsedTomlCache(folder, version="1.1").read(source) == read_toml(source)


@pytest.mark.parametrize("damage", [b"{not json", b"\xff\xfe", b"[1, 2]", b""])
def test_a_damaged_copy_is_ignored_and_written_again(pathway_copy, cache, damage):
    source = pathway_copy / "case-schema.toml"
    cache.read(source)
    (copy,) = copies(cache, "case-schema")
    copy.write_bytes(damage)
    assert cache.read(source) == read_toml(source)
    assert json.loads(copy.read_text("utf-8")) == read_toml(source)


@posix_only
def test_a_copy_others_could_write_is_ignored_and_replaced(pathway_copy, cache):
    source = pathway_copy / "references.toml"
    cache.read(source)
    (copy,) = copies(cache, "references")
    copy.write_text(json.dumps({"planted": True}), "utf-8")
    os.chmod(copy, 0o666)
    assert cache.read(source) == read_toml(source)
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600


@posix_only
def test_a_cache_folder_that_cannot_be_written_only_costs_the_parsing(pathway_copy, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", "utf-8")  # a file where the cache folder should be
    parsed = load_pathway(pathway_copy)
    cached = load_pathway(pathway_copy, ParsedTomlCache(blocked / "parsed-toml").read)
    assert (cached.schema, cached.kb) == (parsed.schema, parsed.kb)


def _copy_name(cache: ParsedTomlCache, source: Path) -> Path:
    """Where ``cache`` keeps the copy of ``source``: found by reading once, then removed."""
    cache.read(source)
    (copy,) = copies(cache, source.stem)
    copy.unlink()
    return copy


@posix_only
@pytest.mark.parametrize("junk", ["folder", "pipe"])
def test_junk_where_a_copy_should_be_only_costs_the_parsing(pathway_copy, cache, junk):
    """A folder there stopped the window from starting (IsADirectoryError); a named pipe hung it."""
    source = pathway_copy / "references.toml"
    copy = _copy_name(cache, source)
    if junk == "folder":
        copy.mkdir()
    else:
        os.mkfifo(copy, 0o600)

    def hung(_signal: int, _frame: object) -> None:
        raise AssertionError("reading the cache hung")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(10)
    try:
        assert cache.read(source) == read_toml(source)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@posix_only
def test_a_link_where_a_copy_should_be_is_not_followed(pathway_copy, cache, tmp_path):
    """A link could point the window at any owner-only JSON file; the copy is parsed again instead."""
    source = pathway_copy / "references.toml"
    copy = _copy_name(cache, source)
    planted = tmp_path / "planted.json"
    planted.write_text(json.dumps({"planted": True}), "utf-8")
    os.chmod(planted, 0o600)
    copy.symlink_to(planted)
    assert cache.read(source) == read_toml(source)
    assert not copy.is_symlink() and json.loads(planted.read_text("utf-8")) == {"planted": True}


def test_a_copy_larger_than_any_of_ours_is_ignored_and_written_again(pathway_copy, cache):
    source = pathway_copy / "references.toml"
    cache.read(source)
    (copy,) = copies(cache, "references")
    copy.write_text(json.dumps({"huge": "x" * MAX_COPY_BYTES}), "utf-8")
    assert cache.read(source) == read_toml(source)
    assert copy.stat().st_size < MAX_COPY_BYTES
