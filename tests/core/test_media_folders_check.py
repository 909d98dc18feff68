"""The system check names a media folder the site cannot write, before editors meet it.

Tests run as root in the project's containers, where the operating system lets every
write through; the folder the check must find unwritable is therefore refused by
``os.access`` for the test, every other path being answered as usual.
"""

import os

import pytest

from csti_cms.core import checks


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


@pytest.fixture
def unwritable(monkeypatch):
    """``unwritable(folder)``: the process may no longer write into ``folder``."""
    refused = set()
    os_access = os.access

    def access(path, mode, **kwargs):
        if mode & os.W_OK and os.fspath(path) in refused:
            return False
        return os_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)
    return lambda folder: refused.add(os.fspath(folder))


def test_writable_media_folders_give_no_warning(media_root):
    for name in ("images", "original_images", "documents"):
        (media_root / name).mkdir()
    assert checks.check_media_folders(app_configs=None) == []


@pytest.mark.parametrize("name", ["", "images", "original_images", "documents"])
def test_a_media_folder_the_site_cannot_write_is_named(media_root, unwritable, name):
    folder = media_root / name
    folder.mkdir(exist_ok=True)
    unwritable(folder)
    [warning] = checks.check_media_folders(app_configs=None)
    assert warning.id == "csti_core.W004"
    assert f"The media folder {folder} (MEDIA_ROOT) cannot be written" in warning.msg


def test_a_media_folder_not_made_yet_is_no_fault(media_root, unwritable):
    unwritable(media_root / "documents")
    assert checks.check_media_folders(app_configs=None) == []


def test_the_check_is_run_by_manage_py_check():
    from django.core.checks import registry

    assert checks.check_media_folders in registry.registry.get_checks()
