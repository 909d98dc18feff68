"""Mistakes in a plugin's extension points and slot blocks stop start-up with the fix."""

import types

import pytest
from django.apps import apps
from wagtail import blocks

from csti_cms.blocks import slot_registry
from csti_cms.plugins import PluginError, hookimpl
from csti_cms.plugins.extension_points import plugin_manager
from csti_cms.plugins.registration import (
    _register_extension_points,
    _register_slot_blocks,
    register_plugin,
)


class RiddleBlock(blocks.StructBlock):
    riddle = blocks.CharBlock()


def hooks_module(**implementations):
    """A plugin's ``hooks`` module holding the given ``@hookimpl`` functions."""
    module = types.ModuleType("planetarium.hooks")
    for name, function in implementations.items():
        setattr(module, name, hookimpl(function))
    return module


@pytest.fixture
def quiz_with(monkeypatch):
    """The example plugin's config, with its parts replaced, as ``ready()`` registers it."""
    config = apps.get_app_config("quiz")

    def replace(**parts):
        monkeypatch.setattr(config, "resource", parts.get)
        return config

    return replace


def test_unknown_argument_names_the_plugin_the_extension_point_and_the_fix(quiz_with):
    hooks = hooks_module(csti_footer_links=lambda request, site: [])
    with pytest.raises(PluginError) as refused:
        register_plugin(quiz_with(hooks_module=hooks))
    assert str(refused.value) == (
        "csti-cms plugin 'quiz' implements the extension point csti_footer_links with the "
        "unknown argument(s) site: take only arguments named as in "
        "csti_footer_links(request), all of them or fewer."
    )
    assert not plugin_manager.is_registered(hooks)


def test_unknown_extension_point_lists_the_known_ones():
    hooks = hooks_module(csti_page_footer=lambda request: "")
    with pytest.raises(PluginError) as refused:
        _register_extension_points("planetarium", hooks)
    message = str(refused.value)
    assert message.startswith(
        "csti-cms plugin 'planetarium' implements csti_page_footer, which is not an extension point"
    )
    assert "csti_footer_links, csti_organization_jsonld, csti_page_head" in message
    assert not plugin_manager.is_registered(hooks)


def test_fewer_arguments_than_the_specification_are_accepted():
    hooks = hooks_module(csti_organization_jsonld=lambda site: {}, csti_page_head=lambda: None)
    _register_extension_points("planetarium", hooks)
    try:
        assert plugin_manager.is_registered(hooks)
    finally:
        plugin_manager.unregister(hooks)


def test_block_class_instead_of_an_instance_names_the_block_and_the_fix(quiz_with):
    config = quiz_with(slot_blocks={"body": [("quiz_riddle", RiddleBlock)]})
    with pytest.raises(PluginError) as refused:
        register_plugin(config)
    assert str(refused.value) == (
        "csti-cms plugin 'quiz' registers the class RiddleBlock, not an instance of it, as the "
        "block 'quiz_riddle' in slot 'body': register an instance: ('quiz_riddle', RiddleBlock())."
    )
    assert slot_registry.owner_of("body", "quiz_riddle") is None


def test_something_other_than_a_block_is_refused():
    with pytest.raises(PluginError, match="'planetarium_show' in slot 'body', which is not a"):
        _register_slot_blocks("planetarium", {"body": [("planetarium_show", "RiddleBlock")]})


def test_a_block_name_used_twice_is_refused_and_nothing_is_registered():
    entries = [("planetarium_show", RiddleBlock()), ("planetarium_show", RiddleBlock())]
    with pytest.raises(PluginError, match="block 'planetarium_show' in slot 'body' twice"):
        _register_slot_blocks("planetarium", {"body": entries})
    assert slot_registry.owner_of("body", "planetarium_show") is None


def test_a_block_name_taken_by_another_plugin_is_refused():
    slot_registry.register("body", "planetarium_show", RiddleBlock(), owner="planetarium_old")
    try:
        with pytest.raises(PluginError, match="the plugin 'planetarium_old' registered first"):
            _register_slot_blocks("planetarium", {"body": [("planetarium_show", RiddleBlock())]})
    finally:
        slot_registry.unregister_owner("planetarium_old")
