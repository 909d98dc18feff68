import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Create (or reset) the demo site's administrator and print the login. "
        "For local demos only: refuses to run when DEBUG is off."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/")

    def handle(self, username, url, **options):
        if not settings.DEBUG:
            raise CommandError(
                "ensure_demo_admin only runs with DEBUG on; use createsuperuser on a real site."
            )
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or secrets.token_urlsafe(9)
        user, created = get_user_model().objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@example.org", "is_staff": True, "is_superuser": True},
        )
        user.is_staff = user.is_superuser = user.is_active = True
        # Wagtail's account preferences (the admin's language among them) require a name.
        user.first_name = user.first_name or "Demo"
        user.last_name = user.last_name or "Admin"
        user.set_password(password)
        user.save()
        action = "created" if created else "password reset"
        self.stdout.write(self.style.SUCCESS(f"Admin {action}. Log in at {url}"))
        self.stdout.write(f"    user: {username}\n    password: {password}")
