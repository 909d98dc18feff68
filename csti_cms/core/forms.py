"""The page editing form of csti-cms pages.

For each slot-aware StreamField it gives the editor a copy of the stream block
without the blocks that are unavailable on the page's site (a plugin switched
off there, or a block whose plugin was removed), and removes those blocks from
the value being edited. When the form is saved, they are put back where they
were, so switching a plugin off for a while never costs a page its content.
"""

import copy

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import BlockWidget

from csti_cms.blocks.slots import PRESERVED, SlotStreamBlock, is_block_available


class SlotAwarePageForm(WagtailAdminPageForm):
    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        self.site = self._page_site(parent_page)
        self.hidden_blocks = {}
        for name, field in self.fields.items():
            block = getattr(field, "block", None)
            if isinstance(block, SlotStreamBlock):
                self._hide_unavailable_blocks(name, field, block)

    def _page_site(self, parent_page):
        page = self.instance if self.instance.pk else parent_page
        return page.get_site() if page is not None else None

    def _is_hidden(self, block, block_name):
        owner = block.owner_of(block_name)
        return owner == PRESERVED or not is_block_available(block_name, owner, self.site)

    def _hide_unavailable_blocks(self, name, field, block):
        hidden_names = {n for n in block.child_blocks if self._is_hidden(block, n)}
        stored = getattr(self.instance, name, None)
        raw = list(stored.get_prep_value()) if stored else []
        if not hidden_names:
            return
        hidden, seen_ids = [], []
        for item in raw:
            if item["type"] in hidden_names:
                hidden.append((list(reversed(seen_ids)), item))
            seen_ids.append(item.get("id"))
        # A shallow copy shares the child block definitions but not the dict of them,
        # so no new block classes pile up in Wagtail's registry.
        editor_block = copy.copy(block)
        editor_block.child_blocks = {
            n: child for n, child in block.child_blocks.items() if n not in hidden_names
        }
        field.block = editor_block
        field.widget = BlockWidget(editor_block)
        self.hidden_blocks[name] = (block, hidden)
        self.initial[name] = editor_block.to_python(
            [item for item in raw if item["type"] not in hidden_names]
        )

    def clean(self):
        cleaned_data = super().clean()
        for name, (full_block, hidden) in self.hidden_blocks.items():
            value = cleaned_data.get(name)
            if value is not None and hidden:
                cleaned_data[name] = full_block.to_python(restore(value.get_prep_value(), hidden))
        return cleaned_data


def restore(visible, hidden):
    """Put ``hidden`` blocks back into ``visible`` where they were.

    ``hidden`` lists ``(ids of the blocks that preceded it, nearest first, raw block)``
    in stream order. Each goes right after the nearest of those that is still
    there (the editor may have deleted some), or first when none is.
    """
    result = list(visible)
    for preceding_ids, item in hidden:
        positions = {entry.get("id"): index for index, entry in enumerate(result)}
        anchor = next((positions[i] for i in preceding_ids if i in positions), -1)
        result.insert(anchor + 1, item)
    return result
