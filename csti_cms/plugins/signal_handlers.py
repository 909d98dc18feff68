from .state import forget


def forget_site_state(sender, instance, **kwargs):
    forget(instance.site_id)
