"""Writing a package from a folder of templates, for ``csti-cms start`` and ``startplugin``.

Template files end in ``-tpl`` so that tools never mistake them for code of
csti-cms itself (ruff, pytest, the packaging of ``.py`` files); their paths and
contents hold ``${...}`` placeholders (:class:`string.Template`), which leaves
Python's own braces alone.
"""

from pathlib import Path
from string import Template


def copy_template(template_dir, target, context):
    """Write every file of ``template_dir`` under ``target``, placeholders filled in."""
    for source in sorted(Path(template_dir).rglob("*")):
        if source.is_dir():
            continue
        relative = Template(str(source.relative_to(template_dir))).substitute(context)
        destination = Path(target) / relative.removesuffix("-tpl")
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.name.endswith("-tpl"):
            destination.write_text(Template(source.read_text()).substitute(context))
        else:
            destination.write_bytes(source.read_bytes())
