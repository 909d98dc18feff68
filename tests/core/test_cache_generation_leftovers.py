"""A writer of the cache generation file killed between writing and renaming leaves its
temporary file behind; the next writer removes it, and never a write still under way."""

import os
import time

from csti_cms.core.caching import GENERATION_FILE_NAME, LEFTOVER_SECONDS, GenerationFile


def temporary_file(folder, suffix, age):
    """A temporary generation file as ``tempfile.mkstemp`` names it, last written ``age``
    seconds ago."""
    leftover = folder / f".{GENERATION_FILE_NAME}-{suffix}"
    leftover.write_text("0" * 32, encoding="ascii")
    then = time.time() - age
    os.utime(leftover, (then, then))
    return leftover


def test_the_next_writer_removes_what_a_killed_writer_left(tmp_path):
    killed = temporary_file(tmp_path, "k1ll3d", LEFTOVER_SECONDS + 60)
    under_way = temporary_file(tmp_path, "wr1t1ng", 5)
    neighbour = tmp_path / ".cache-generation.bak"
    neighbour.write_text("kept", encoding="ascii")
    path = tmp_path / GENERATION_FILE_NAME

    fresh = GenerationFile().write(path)

    assert path.read_text(encoding="ascii") == fresh
    assert not killed.exists()
    assert under_way.exists(), "another process's write under way keeps its file"
    assert neighbour.exists(), "only temporary generation files are removed"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [GENERATION_FILE_NAME, under_way.name, neighbour.name]
    )


def test_reading_the_generation_leaves_the_folder_alone(tmp_path):
    path = tmp_path / GENERATION_FILE_NAME
    generation_file = GenerationFile()
    written = generation_file.write(path)
    killed = temporary_file(tmp_path, "k1ll3d", LEFTOVER_SECONDS + 60)

    assert GenerationFile().read(path) == written
    assert killed.exists(), "a read is one stat and one read, nothing more"


def test_a_leftover_another_writer_removes_first_is_no_error(tmp_path, monkeypatch):
    temporary_file(tmp_path, "k1ll3d", LEFTOVER_SECONDS + 60)
    real_unlink = os.unlink

    def removed_meanwhile(target, *args, **kwargs):
        if os.path.basename(target).startswith(f".{GENERATION_FILE_NAME}-k1ll3d"):
            real_unlink(target)  # the other writer was quicker
        return real_unlink(target, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", removed_meanwhile)
    path = tmp_path / GENERATION_FILE_NAME
    assert GenerationFile().write(path) == path.read_text(encoding="ascii")
