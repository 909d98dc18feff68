"""Store a page's translation the way wagtail-localize stores a translator's work.

Given the source page and an unsaved instance holding the same content in the
target language (same block ids), every source string gets its translated
string in translation memory; wagtail-localize then builds and publishes the
translated page. Editors can later open it in the translation editor. Translatable
snippets (event categories, venues) are translated the same way.
"""

from collections import defaultdict

from django.db import transaction
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


class TranslationMismatch(ValueError):
    """The translated content does not line up with the source, string by string."""


def _strings_by_path(segment_values):
    by_path = defaultdict(list)
    for value in segment_values:
        if isinstance(value, StringSegmentValue):
            by_path[value.path].append(value.string.data)
    return by_path


@transaction.atomic
def translate_page(source_page, translated_instance, locale):
    source, _ = TranslationSource.get_or_create_from_instance(source_page)
    translated = _strings_by_path(extract_segments(translated_instance))
    position = defaultdict(int)
    segments = source.stringsegment_set.select_related("string", "context").order_by("order")
    for segment in segments:
        path = segment.context.path
        index = position[path]
        position[path] += 1
        try:
            data = translated[path][index]
        except IndexError:
            raise TranslationMismatch(
                f"{source_page.title!r}: no {locale.language_code} text for string "
                f"{index + 1} at {path} ({segment.string.data[:60]!r})"
            ) from None
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": data, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    if not isinstance(source_page, Page):
        # Snippets and other translatable objects have no revisions: saved as they are.
        translation.save_target(publish=True)
        return translation
    # wagtail-localize defers publishing to the end of the transaction, with the
    # page as it was then; inside one long transaction that stale copy would undo
    # the tree bookkeeping of the children added meanwhile. Publish right away.
    translation.save_target(publish=False)
    translation.get_target_instance().get_latest_revision().publish()
    return translation
