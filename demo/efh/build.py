"""Short-hands for writing demo StreamField content as data."""


def html_paragraphs(*paragraphs: str) -> str:
    """Plain sentences to rich text paragraphs (inline HTML in them is kept)."""
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def html_list(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def heading(text: str) -> tuple:
    return ("heading", text)


def paragraph(*paragraphs: str, bullets: tuple = ()) -> tuple:
    html = html_paragraphs(*paragraphs)
    if bullets:
        html += html_list(*bullets)
    return ("paragraph", html)


def quote(words: str, attribution: str) -> tuple:
    return ("quote", {"quote": words, "attribution": attribution})


def callout(style: str, title: str, *paragraphs: str) -> tuple:
    return ("callout", {"style": style, "title": title, "text": html_paragraphs(*paragraphs)})


def emergency_card() -> tuple:
    return callout(
        "emergency",
        "If a child or young person is in immediate danger, call 999",
        "If you are worried but it is not an emergency, follow the referral pathway in this "
        'section, or call Bristol City Council\'s First Response on <a href="tel:01179036444">'
        "0117 903 6444</a>.",
    )


def accordion(title: str, items: list[tuple[str, str]]) -> tuple:
    return (
        "accordion",
        {"heading": title, "items": [{"title": t, "text": html_paragraphs(x)} for t, x in items]},
    )


def contact(name: str, role: str = "", phone: str = "", url: str = "", hours: str = "") -> dict:
    return {"name": name, "role": role, "phone": phone, "email": "", "url": url, "hours": hours}


def services(title: str, items: list[tuple[str, str, str]], intro: str = "") -> tuple:
    return (
        "services",
        {
            "heading": title,
            "intro": intro,
            "services": [
                {"name": name, "provider": provider, "description": description}
                for name, provider, description in items
            ],
        },
    )


def link_to_page(slug: str, text: str = "") -> dict:
    """A link to another demo page, resolved to its id when the pathway is saved."""
    return {"page_slug": slug, "text": text}


def link_to_url(url: str, text: str) -> dict:
    return {"url": url, "text": text}


def related_services(title: str, needs: list[str], limit: int = 5) -> tuple:
    """Services pulled from the directory by need when the page is shown."""
    return ("related_services", {"heading": title, "needs": needs, "limit": limit})
