from tests.enquiries.fixtures import notifications  # noqa: F401 - a fixture
