"""Named slots in core StreamFields that other apps (plugins) add blocks to.

A core page body is a :class:`SlotStreamField`: its blocks are the base stream
block's own children plus whatever was registered for its slot when apps were
loaded. The field leaves its block list out of migrations, so installing or
removing a plugin never changes a core migration.

Two guarantees keep editors' content safe:

- a block whose owner is switched off for a site renders nothing there and is
  hidden from that site's editors, yet stays in the stored content (see
  :mod:`csti_cms.core.forms`);
- a stored block whose type is unknown (its plugin was removed without
  uninstalling) is kept as raw data by :class:`PreservedBlock` instead of being
  dropped on the next save, which is what a plain StreamBlock would do.
"""

from dataclasses import dataclass

from django.apps import apps
from django.utils.html import format_html_join
from django.utils.module_loading import import_string
from wagtail import blocks, hooks
from wagtail.fields import StreamField
from wagtail.models import Site

#: Wagtail hook: ``fn(block_name, owner, site) -> bool``; any False hides the block on that site.
BLOCK_AVAILABLE_HOOK = "csti_is_block_available"


@dataclass(frozen=True)
class SlotBlock:
    name: str
    block: blocks.Block
    #: The app label of whoever contributed the block (a plugin), for availability checks.
    owner: str


class SlotRegistry:
    def __init__(self):
        self._slots = {}

    def register(self, slot, name, block, owner):
        if not isinstance(block, blocks.Block):
            raise TypeError(
                f"{owner}: the block registered as {name!r} in slot {slot!r} must be a "
                f"Wagtail block instance, not {type(block).__name__}."
            )
        entries = self._slots.setdefault(slot, {})
        if name in entries and entries[name].owner != owner:
            raise ValueError(
                f"{owner}: block name {name!r} in slot {slot!r} is already taken by "
                f"{entries[name].owner}; prefix block names with the plugin label."
            )
        entries[name] = SlotBlock(name, block, owner)

    def blocks_for(self, slot):
        return list(self._slots.get(slot, {}).values())

    def owner_of(self, slot, name):
        entry = self._slots.get(slot, {}).get(name)
        return entry.owner if entry else None

    def unregister_owner(self, owner):
        """Forget everything ``owner`` registered (used by tests of the registry)."""
        for entries in self._slots.values():
            for name in [n for n, entry in entries.items() if entry.owner == owner]:
                del entries[name]


registry = SlotRegistry()


def is_block_available(block_name, owner, site):
    """Whether a block contributed by ``owner`` may be shown on ``site``."""
    if owner is None or site is None:
        return True
    return all(fn(block_name, owner, site) for fn in hooks.get_hooks(BLOCK_AVAILABLE_HOOK))


class PreservedBlock(blocks.Block):
    """Stands in for a stored block whose type is no longer known.

    Its value is the raw stored data, given back unchanged on save; it renders
    nothing and contributes nothing to search.
    """

    def to_python(self, value):
        return value

    def bulk_to_python(self, values):
        return list(values)

    def get_prep_value(self, value):
        return value

    def render(self, value, context=None):
        return ""

    def render_basic(self, value, context=None):
        return ""

    def get_searchable_content(self, value):
        return []

    def get_api_representation(self, value, context=None):
        return None


class SlotStreamBlock(blocks.StreamBlock):
    """A StreamBlock that knows its slot and keeps blocks of unknown types."""

    def __init__(self, local_blocks=None, *, slot=None, **kwargs):
        self.slot = slot
        self.preserved_names = set()
        super().__init__(local_blocks, **kwargs)

    def owner_of(self, block_name):
        if block_name in self.preserved_names:
            return PRESERVED
        return registry.owner_of(self.slot, block_name)

    def _preserve_unknown_types(self, stream):
        for item in stream or []:
            if isinstance(item, dict) and item.get("type") not in self.child_blocks:
                name = item.get("type")
                preserved = PreservedBlock()
                preserved.set_name(name)
                self.child_blocks[name] = preserved
                self.preserved_names.add(name)

    def to_python(self, value):
        if isinstance(value, list):
            self._preserve_unknown_types(value)
        return super().to_python(value)

    def bulk_to_python(self, values):
        values = list(values)
        for stream in values:
            self._preserve_unknown_types(stream)
        return super().bulk_to_python(values)

    def render_basic(self, value, context=None):
        """Each visible child with its own template, without wrapper elements."""
        return format_html_join(
            "\n",
            "{}",
            ((child.render(context=context),) for child in visible_children(value, context)),
        )


#: Owner given to preserved blocks: never available, always kept.
PRESERVED = "__preserved__"


def visible_children(stream_value, context=None):
    """The children of ``stream_value`` that may be shown on the current site."""
    stream_block = getattr(stream_value, "stream_block", None)
    if not isinstance(stream_block, SlotStreamBlock):
        return list(stream_value or [])
    request = (context or {}).get("request")
    site = Site.find_for_request(request) if request is not None else None
    visible = []
    for child in stream_value:
        owner = stream_block.owner_of(child.block_type)
        if owner == PRESERVED:
            continue
        if is_block_available(child.block_type, owner, site):
            visible.append(child)
    return visible


class SlotStreamField(StreamField):
    """A StreamField whose blocks are a base stream block plus the blocks of a slot.

    ``base_block`` is a :class:`SlotStreamBlock` subclass or its dotted path;
    ``slot`` names the slot. The block list is built once apps are ready (so every
    plugin had the chance to register) and is not written into migrations.
    """

    def __init__(self, *, base_block, slot, **kwargs):
        kwargs.pop("block_lookup", None)
        self.base_block = base_block
        self.slot = slot
        super().__init__(block_types=None, **kwargs)

    @property
    def base_block_path(self):
        if isinstance(self.base_block, str):
            return self.base_block
        return f"{self.base_block.__module__}.{self.base_block.__qualname__}"

    @property
    def stream_block(self):
        cached = self.__dict__.get("_stream_block")
        if cached is not None:
            return cached
        base = self.base_block
        if isinstance(base, str):
            base = import_string(base)
        contributed = [(entry.name, entry.block) for entry in registry.blocks_for(self.slot)]
        block = base(contributed, slot=self.slot)
        block.set_meta_options(self.block_opts)
        if apps.ready:
            # Only cache once every app's ready() has run and registered its blocks.
            self.__dict__["_stream_block"] = block
        return block

    def deconstruct(self):
        name, path, _args, kwargs = super(StreamField, self).deconstruct()
        kwargs["base_block"] = self.base_block_path
        kwargs["slot"] = self.slot
        return name, "csti_cms.blocks.slots.SlotStreamField", [], kwargs
