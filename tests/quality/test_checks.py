"""The gate's checks on HTML and JSON-LD, without a browser or a server."""

from quality import crawl, page_checks
from quality.report import Problem, format_report
from quality.structured_data import item_problems

URL = "https://centre.example/fr/atelier/"

HEAD = """<!DOCTYPE html><html lang="fr"><head><title>Atelier</title>
<meta name="description" content="Un atelier.">
<link rel="canonical" href="https://centre.example/fr/atelier/">
<link rel="alternate" hreflang="fr" href="https://centre.example/fr/atelier/">
<link rel="alternate" hreflang="nl" href="https://centre.example/nl/workshop/">
<meta property="og:title" content="Atelier"><meta property="og:type" content="article">
<meta property="og:url" content="https://centre.example/fr/atelier/">
<meta property="og:image" content="https://centre.example/media/a.png">
</head><body><main><a href="#x">x</a><p id="x">
<a href="/fr/">home</a><a href="https://elsewhere.example/">out</a><a href="mailto:a@b.c">m</a>
<img src="/media/b.png" srcset="/media/b2.png 2x, /media/b3.png 3x" alt="b">
</p></main></body></html>"""

SITEMAP_PAGE = crawl.SitemapPage(
    URL, "fr", {"fr": URL, "nl": "https://centre.example/nl/workshop/"}
)


def parse(html=HEAD):
    return page_checks.ParsedPage.parse(URL, html)


def test_a_complete_head_passes():
    page = parse()
    assert page_checks.head_problems(page, SITEMAP_PAGE) == []
    assert page_checks.fragment_problems(page) == []


def test_links_and_images_are_collected_with_internal_ones_kept():
    page = parse()
    assert set(page.internal(page.links)) >= {
        "https://centre.example/fr/",
        "https://centre.example/nl/workshop/",
    }
    assert "https://elsewhere.example/" not in page.internal(page.links)
    assert not any(url.startswith("mailto:") for url in page.links)
    assert set(page.internal(page.images)) == {
        "https://centre.example/media/a.png",
        "https://centre.example/media/b.png",
        "https://centre.example/media/b2.png",
        "https://centre.example/media/b3.png",
    }


def test_a_language_other_than_the_sitemaps_is_reported():
    page = parse(HEAD.replace('<html lang="fr">', '<html lang="en">'))
    assert page_checks.head_problems(page, SITEMAP_PAGE) == [
        '<html lang="en"> but the sitemap lists the page as "fr"'
    ]


def test_missing_or_wrong_hreflang_alternates_are_reported():
    page = parse(HEAD.replace("/nl/workshop/", "/nl/elders/"))
    assert page_checks.head_problems(page, SITEMAP_PAGE) == [
        'hreflang "nl" points to https://centre.example/nl/elders/, '
        "the sitemap to https://centre.example/nl/workshop/"
    ]
    bare = parse(HEAD.replace('rel="alternate"', 'rel="x"'))
    assert page_checks.head_problems(bare, SITEMAP_PAGE) == [
        "no hreflang alternates, though the sitemap lists 2 language versions (fr, nl)"
    ]


def test_an_event_needs_what_google_requires():
    event = {"@context": "https://schema.org", "@type": "Event", "name": "Atelier"}
    assert item_problems(event, "event") == [
        "event (Event) lacks startDate, which Google requires",
        "event (Event) lacks location, which Google requires",
    ]
    event.update(
        startDate="2030-01-01",
        location={"@type": "Place", "name": "Curiosa"},
    )
    assert item_problems(event, "event") == [
        "event.location (Place) lacks address, which Google requires"
    ]
    event["location"]["address"] = {"@type": "PostalAddress", "addressLocality": "Namur"}
    assert item_problems(event, "event") == []


def test_items_name_their_context_and_type():
    assert item_problems({"name": "x"}, "item") == [
        "item has no schema.org @context",
        "item has no @type",
    ]
    museum = {"@context": "https://schema.org", "@type": "Museum", "name": "Curiosa"}
    assert item_problems(museum, "item") == ["item (Museum) lacks address, which Google requires"]


def test_a_breadcrumb_item_links_its_page_except_the_last():
    crumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Accueil"},
            {"@type": "ListItem", "position": 2, "name": "Atelier"},
        ],
    }
    assert item_problems(crumbs, "crumbs") == [
        "crumbs.itemListElement[0] lacks item (the page's URL)"
    ]


def test_json_ld_blocks_are_parsed_one_by_one():
    html = HEAD.replace(
        "</head>",
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "Organization", "name": "Curiosa"}</script>'
        '<script type="application/ld+json">{oops</script></head>',
    )
    problems = page_checks.structured_data_problems(parse(html))
    assert len(problems) == 1
    assert problems[0].startswith("JSON-LD block 2 does not parse")


def test_selection_by_language_and_count():
    pages = [
        crawl.SitemapPage(f"https://c.example/{code}/{n}/", code) for code in "ab" for n in range(3)
    ]
    assert [p.url for p in crawl.select(pages, {"b"}, 2)] == [
        "https://c.example/b/0/",
        "https://c.example/b/1/",
    ]
    assert len(crawl.select(pages)) == 6


def test_the_report_groups_problems_by_page():
    report = format_report(
        [
            Problem("/b/", "axe", "bad"),
            Problem("/a/", "head", "no title"),
            Problem("/a/", "axe", "x"),
        ],
        3,
        {"fr"},
        ["head", "axe"],
    )
    assert report.splitlines() == [
        "/a/",
        "  [axe] x",
        "  [head] no title",
        "/b/",
        "  [axe] bad",
        "3 pages checked (fr; checks: head, axe): 3 problems on 2 pages.",
    ]
