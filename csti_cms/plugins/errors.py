from django.core.exceptions import ImproperlyConfigured


class PluginError(ImproperlyConfigured):
    """A plugin cannot start; the message names the plugin, the problem and the fix."""

    def __init__(self, plugin, problem, fix):
        self.plugin, self.problem, self.fix = plugin, problem, fix
        super().__init__(f"{self.subject(plugin)} {problem}: {fix}.")

    @staticmethod
    def subject(plugin):
        return f"csti-cms plugin {plugin!r}"


class PluginSettingError(PluginError):
    """A setting of the plugin framework holds what it cannot use; ``plugin`` is its name.

    Raised while settings are read, like the plugins' own errors, and caught with them.
    """

    @staticmethod
    def subject(setting):
        return f"csti-cms setting {setting}"
