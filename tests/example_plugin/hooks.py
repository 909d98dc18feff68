from csti_cms.plugins import hookimpl


@hookimpl
def csti_page_head(request, page):
    return '<meta name="quiz" content="on">'


@hookimpl
def csti_footer_links(request):
    return [("Quiz of the month", "/fr/plugins/quiz/answers.json")]


@hookimpl
def csti_organization_jsonld(site, request):
    return {"knowsAbout": ["science quizzes"]}
