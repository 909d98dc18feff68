"""Test set-up shared by the whole suite.

The demo content is loaded once into the test database; every test runs in a
transaction rolled back at its end, so tests can change pages freely.
"""

import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from csti_cms.core.caching import new_generation
from csti_cms.core.demo_content import stable_uuid

# The helpers.py modules assert too: their failures should read as well as a test's own.
# Registered before any test module imports a helper.
pytest.register_assert_rewrite(
    "tests.helpers",
    *(f"tests.{path.parent.name}.helpers" for path in Path(__file__).parent.glob("*/helpers.py")),
)

LANGUAGES = ("fr", "nl", "en")

# The plugin test kit's fixtures (site, other_site, enable_plugin, disable_plugin).
pytest_plugins = ["csti_cms.plugins.testing"]


def pytest_configure(config):
    """Stop before any test when the settings are not the suite's.

    pytest-django prefers an exported DJANGO_SETTINGS_MODULE to pyproject.toml's, and the
    demo's steps leave ``sites.demo.settings.dev`` exported: the tests would then run on
    the development settings and empty the demo's own database.
    """
    expected = config.getini("DJANGO_SETTINGS_MODULE")
    chosen = os.environ.get("DJANGO_SETTINGS_MODULE")
    if chosen != expected:
        raise pytest.UsageError(
            f"the tests run on {expected} (pyproject.toml), not on {chosen}: "
            "run `unset DJANGO_SETTINGS_MODULE` and start pytest again."
        )


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    return f"database: {database['ENGINE'].rsplit('.', 1)[-1]} {database['NAME']}"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)
        visit_demo_pages()


def visit_demo_pages():
    """Show every live page of the demo once, so its picture sizes exist before any test.

    Renditions made in a test go with its rolled-back transaction: every test that showed
    the home page made its 32 picture sizes again, most of the suite's time. Made here
    they stay, as they do on a site (tests of making them delete theirs first).
    """
    client = Client()
    for shown in Page.objects.live().filter(depth__gt=1):
        url = shown.get_url()
        if url:
            client.get(url)


def demo_page(key, language="fr"):
    """A page of the demo content by its key in fixtures/demo/content.json."""
    return Page.objects.get(
        translation_key=stable_uuid("page", key), locale__language_code=language
    ).specific


@pytest.fixture(autouse=True)
def fresh_caches():
    """Caches outlive a test's rolled-back transaction (Wagtail's site root paths,
    plugin switches, settings); start every test without them."""
    for cache in caches.all():
        cache.clear()
    # The generation file outlives the caches, and what processes remember per generation.
    new_generation()
    yield


@pytest.fixture(autouse=True)
def english_unless_asked(client):
    """Tests read messages in English unless they ask for a language.

    French is the site's default language, so code run outside a request and the
    admin (negotiated from Accept-Language) would answer in French; public pages
    keep the language of their URL.
    """
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def english_admin_client(admin_client, admin_user):
    """A superuser working in English, so the checks read the admin's own words
    (the admin otherwise follows the user's preferred language)."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    return admin_client


@pytest.fixture
def home_fr(db):
    return demo_page("home", "fr")


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get(language_code=code) for code in LANGUAGES}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests run last, after pytest has grouped the tests by their fixtures.

    Playwright's event loop runs in the main thread from the first browser test to the end
    of the session: a database test after it fails with SynchronousOnlyOperation. pytest's
    grouping can put tests after them, for instance when a test names one of Playwright's
    fixtures (a parametrized argument called ``page``).
    """
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture
def superuser(client):
    """A superuser signed in to the admin, who sees every centre's data."""
    user = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(user)
    return client
