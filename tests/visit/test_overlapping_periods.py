"""Two seasonal periods covering the same day would leave visitors one set of hours
and hide the other: the admin refuses them, closures may overlap freely."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from csti_cms.visit.models import OpeningHours

from .helpers import REGULAR, replace_opening_hours

pytestmark = pytest.mark.django_db

WINTER = {"start_date": date(2026, 12, 28), "end_date": date(2027, 1, 10)}
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def week(**times):
    data = {f"{day}_{edge}": "" for day in DAYS for edge in ("opens", "closes")}
    data.update(times)
    return data


def regular_week():
    return week(**{name: value.strftime("%H:%M") for name, value in REGULAR.items()})


def period_row(start, end, pk=None, delete=False):
    row = {
        "start_date": start,
        "end_date": end,
        **week(monday_opens="10:00", monday_closes="18:00"),
    }
    if pk is not None:
        row["id"] = pk
    if delete:
        row["DELETE"] = "1"
    return row


def closure_row(start, end=""):
    return {"start_date": start, "end_date": end, "reason": "exceptional"}


@pytest.fixture
def winter_hours():
    return replace_opening_hours(periods=[{**WINTER, **REGULAR}])


def post(client, hours, periods, closures=()):
    url = reverse("wagtailsettings:edit", args=["csti_visit", "openinghours", hours.site_id])
    existing = hours.seasonal_periods.count()
    data = nested_form_data(
        {
            **regular_week(),
            "seasonal_periods": inline_formset(periods, initial=existing),
            "closures": inline_formset(list(closures), initial=hours.closures.count()),
        }
    )
    return client.post(url, data)


def period_errors(response, index):
    with translation.override("en"):
        form = response.context["form"].formsets["seasonal_periods"].forms[index]
        return [str(message) for message in form.errors.get("start_date", [])]


def test_a_period_overlapping_another_is_refused_next_to_its_dates(
    english_admin_client, winter_hours
):
    winter = winter_hours.seasonal_periods.get()
    response = post(
        english_admin_client,
        winter_hours,
        [
            period_row("2026-12-28", "2027-01-10", pk=winter.pk),
            period_row("2027-01-05", "2027-01-20"),
        ],
    )
    assert response.status_code == 200, "the overlapping period was saved"
    assert period_errors(response, 1) == [
        "This period overlaps the one from 28 December 2026 to 10 January 2027. Each day "
        "follows the hours of one seasonal period only: change the dates of one of them."
    ]
    assert period_errors(response, 0) == []
    assert winter_hours.seasonal_periods.count() == 1


def test_the_french_admin_names_the_other_period_with_french_dates(admin_client, winter_hours):
    """Written out as on the practical page: no "10/01/2027" to read either way."""
    winter = winter_hours.seasonal_periods.get()
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    with translation.override("fr"):
        response = post(
            admin_client,
            winter_hours,
            [
                period_row("2026-12-28", "2027-01-10", pk=winter.pk),
                period_row("2027-01-05", "2027-01-20"),
            ],
        )
    assert response.status_code == 200
    assert "28 décembre 2026" in response.content.decode()
    assert "10 janvier 2027" in response.content.decode()


def test_periods_that_only_touch_are_accepted(english_admin_client, winter_hours):
    winter = winter_hours.seasonal_periods.get()
    response = post(
        english_admin_client,
        winter_hours,
        [
            period_row("2026-12-28", "2027-01-10", pk=winter.pk),
            period_row("2027-01-11", "2027-01-20"),
        ],
    )
    assert response.status_code == 302, response.context["form"].errors
    assert winter_hours.seasonal_periods.count() == 2


def test_a_period_deleted_in_the_same_save_does_not_count(english_admin_client, winter_hours):
    winter = winter_hours.seasonal_periods.get()
    response = post(
        english_admin_client,
        winter_hours,
        [
            period_row("2026-12-28", "2027-01-10", pk=winter.pk, delete=True),
            period_row("2027-01-05", "2027-01-20"),
        ],
    )
    assert response.status_code == 302, response.context["form"].errors
    period = OpeningHours.objects.get(pk=winter_hours.pk).seasonal_periods.get()
    assert period.start_date == date(2027, 1, 5)


def test_a_period_already_in_error_is_not_compared(english_admin_client, winter_hours):
    winter = winter_hours.seasonal_periods.get()
    response = post(
        english_admin_client,
        winter_hours,
        [
            period_row("2026-12-28", "2027-01-10", pk=winter.pk),
            period_row("2027-01-20", "2027-01-05"),
        ],
    )
    assert response.status_code == 200
    assert period_errors(response, 1) == []
    with translation.override("en"):
        form = response.context["form"].formsets["seasonal_periods"].forms[1]
        assert [str(m) for m in form.errors["end_date"]] == [
            "The end date cannot be before the start date."
        ]


def test_overlapping_closures_are_accepted(english_admin_client, winter_hours):
    response = post(
        english_admin_client,
        winter_hours,
        [period_row("2026-12-28", "2027-01-10", pk=winter_hours.seasonal_periods.get().pk)],
        [closure_row("2026-12-24", "2026-12-26"), closure_row("2026-12-25")],
    )
    assert response.status_code == 302, response.context["form"].errors
    assert winter_hours.closures.count() == 2


def test_a_closure_ending_before_it_starts_is_refused(english_admin_client, winter_hours):
    response = post(
        english_admin_client,
        winter_hours,
        [period_row("2026-12-28", "2027-01-10", pk=winter_hours.seasonal_periods.get().pk)],
        [closure_row("2026-12-26", "2026-12-24")],
    )
    assert response.status_code == 200, "the closure was saved"
    with translation.override("en"):
        form = response.context["form"].formsets["closures"].forms[0]
        assert [str(m) for m in form.errors["end_date"]] == [
            "The end date cannot be before the start date."
        ]
    assert not winter_hours.closures.exists()
