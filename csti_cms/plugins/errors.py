from django.core.exceptions import ImproperlyConfigured


class PluginError(ImproperlyConfigured):
    """A plugin cannot start; the message names the plugin, the problem and the fix."""

    def __init__(self, plugin, problem, fix):
        self.plugin, self.problem, self.fix = plugin, problem, fix
        super().__init__(f"csti-cms plugin {plugin!r} {problem}: {fix}.")
