#!/usr/bin/env python
"""Run the demo site unless DJANGO_SETTINGS_MODULE names another one."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sites.demo.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
