from csti_cms.plugins import hookimpl


@hookimpl
def csti_page_head(request, page):
    return '<meta name="quiz" content="on">'
