"""Plugins reach csti-cms through the public API the plugin guide lists, and nothing else.

The built-in plugins and the scaffold are what plugin authors copy: an import of
an internal module there would spread to every third-party plugin, which would
then break on a change the guide promised nobody depends on.
"""

import ast
from pathlib import Path

import pytest

import csti_cms.plugins
from csti_cms.plugins.scaffold import create_plugin

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = ROOT / "csti_cms" / "plugins"

#: The modules of the guide's "What is public" table.
PUBLIC_MODULES = {
    "csti_cms.plugins",
    "csti_cms.plugins.testing",
    "csti_cms.blocks",
    "csti_cms.core.models",
    "csti_cms.core.audiences",
    "csti_cms.core.caching",
}
#: Named by module path in plugins' migrations, so kept where they are.
MIGRATION_PATHS = {
    "csti_cms.plugins.pages",
    "csti_cms.blocks.slots",
    "csti_cms.core.models.settings",
    "csti_cms.core.language_tags",
}
#: What a plugin's test settings build on (the guide's Testing section).
TEST_SETTINGS = {"csti_cms.settings.base"}


def csti_imports(path):
    """The csti_cms modules a Python file imports, at any depth of its code."""
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            modules.add(node.module)
    return {module for module in modules if module.split(".")[0] == "csti_cms"}


def internal_imports(folder, package):
    """Imports of ``folder``'s files that are neither public nor of the plugin itself."""
    found = {}
    for path in sorted(folder.rglob("*.py")):
        allowed = set(PUBLIC_MODULES)
        if "migrations" in path.parts:
            allowed |= MIGRATION_PATHS
        if "tests" in path.relative_to(folder).parts:
            allowed |= TEST_SETTINGS
        own = {m for m in csti_imports(path) if m == package or m.startswith(f"{package}.")}
        internal = csti_imports(path) - own - allowed
        if internal:
            found[str(path.relative_to(folder))] = sorted(internal)
    return found


@pytest.mark.parametrize("label", ["memberships", "declarations"])
def test_built_in_plugins_import_only_the_public_api(label):
    assert internal_imports(PLUGINS / label, f"csti_cms.plugins.{label}") == {}


def test_scaffold_imports_only_the_public_api(tmp_path):
    plugin = create_plugin("science-quiz", tmp_path)
    assert internal_imports(plugin, "csti_science_quiz") == {}


def test_every_export_can_be_imported():
    for name in csti_cms.plugins.__all__:
        assert getattr(csti_cms.plugins, name) is not None, name


def test_the_guide_lists_every_export():
    guide = (ROOT / "docs" / "plugins.md").read_text()
    table = guide[guide.index("### What is public") : guide.index("### Dependency rules")]
    missing = [name for name in csti_cms.plugins.__all__ if f"`{name}" not in table]
    assert missing == []


def test_plugins_show_translatable_objects_with_the_cores_helpers():
    from csti_cms.core import i18n

    assert csti_cms.plugins.localize_objects is i18n.localize_objects
    assert csti_cms.plugins.prefer_language is i18n.prefer_language


def test_the_core_never_imports_the_plugin_framework():
    """The core offers hooks (csti_cms.core.hooks) and the framework registers for them: an
    import the other way would tie the core to plugins it must run without."""
    core = ROOT / "csti_cms" / "core"
    found = {
        str(path.relative_to(core)): sorted(
            module for module in csti_imports(path) if module.startswith("csti_cms.plugins")
        )
        for path in sorted(core.rglob("*.py"))
    }
    assert {path: modules for path, modules in found.items() if modules} == {}
