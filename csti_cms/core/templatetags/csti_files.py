"""The ``file_size`` filter: "146 Ko", "1.2 MB", in the visitor's language
(see :mod:`csti_cms.core.file_sizes`)."""

from django import template

from csti_cms.core.file_sizes import readable_file_size

register = template.Library()

register.filter("file_size", readable_file_size)
