from tests.enquiries.fixtures import no_notification_lists, notifications  # noqa: F401 - fixtures
