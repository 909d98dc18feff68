from csti_cms import __version__
from csti_cms.cli import main


def test_version(capsys):
    assert main(["version"]) == 0
    assert capsys.readouterr().out.strip() == f"csti-cms {__version__}"


def test_no_command_prints_help(capsys):
    assert main([]) == 0
    assert "usage: csti-cms" in capsys.readouterr().out
