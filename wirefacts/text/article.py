"""Plain text of a web page or wire story → headline, date, article body and caption spans.

Pages saved as text keep their site furniture: menus, share rows, related-story lists,
subscription and copyright footers. The article is found the way body-text extractors find
it in HTML, with words instead of tags: every block (paragraph) gets a score, positive for
prose (long, sentence-like, rich in function words) and negative for furniture, and the body
is the contiguous run of blocks with the highest total (a maximum-sum segment). Furniture
inside that run is then dropped block by block. Photo captions stay in the body, because
meetings are often reported in them, but their spans are returned so that nothing takes a
publication date from a caption.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from wirefacts.text.dates import find_dates

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself just me
    more most my no nor not now of off on once only or other our ours out over own said same she
    should so some such than that the their theirs them then there these they this those through
    to too under until up very was we were what when where which while who whom why will with
    would you your""".split()
)

WORD = re.compile(r"[^\W\d_][\w'’-]*")
BULLET = re.compile(r"^\s*(?:[•·▪◦●*]|-(?=\s)|–|—)\s*")

# Whole blocks that are site furniture wherever they appear.
FURNITURE = re.compile(
    r"""^(?:
        (?:read|see|watch|listen)\s+(?:more|also|next|full\ story)\b.*
      | exit\ mobile\ version
      | reuters?|\(?(?:ap|afp|reuters|upi|ians|pti|ani)\)?
      | skip\ to\ (?:main\ )?content
      | advertisements?|sponsored(?:\ content)?|promoted(?:\ stories)?|ad
      | (?:written|reported|edited|compiled|posted)\ by\b.{0,60}
      | (?:topics|tags|filed\ (?:to|under)|categories|category)\s*:.*
      | (?:related|more\ from|recent\ from|you\ may\ also\ like|latest|most\ (?:read|popular|viewed)
          |trending|recommended|previous|next|load\ more|comments?|leave\ a\ (?:comment|reply)
          |privacy(?:\ policy)?|terms(?:\ of\ (?:use|service))?|cookie\ policy|about\ us|contact\ us
          |careers|advertise|sitemap|home|menu|search)\b[^.!?]{0,40}
      | (?:share|tweet|send|email|e-mail|print|facebook|twitter|whatsapp|telegram|linkedin|pinterest
          |reddit|copy\ link|flipboard|messenger|x)(?:[\s,|/]*(?:share|tweet|send|email|e-mail|print
          |facebook|twitter|whatsapp|telegram|linkedin|pinterest|reddit|copy\ link|flipboard
          |messenger|x))*
      | (?:share|follow)\ (?:this|us|on)\b.{0,60}
      | click\ here\b.*
    )$""",
    re.I | re.X,
)

# Furniture that can sit inside an otherwise ordinary short block.
FURNITURE_WORDS = re.compile(
    r"©|\bcopyright\b|all rights reserved|\bsubscribe\b|\bnewsletter\b|\bsign (?:up|in)\b|\blog ?in\b"
    r"|\bcookies?\b|\bdownload (?:the|our) app\b|\bjoin (?:our|us)\b|\bfollow us\b|\bunsubscribe\b",
    re.I,
)
# Blocks after which a page no longer carries the article: the comments and the links to the
# site's other posts. (Related-story and share blocks also appear in the middle of articles,
# so they only score as furniture.)
END_OF_ARTICLE = re.compile(
    r"""^(?:
        \[?\d*\s*(?:comments?|responses?|replies)\b.{0,40}
      | (?:top\ rated|view|show|load)\ comments?\b.{0,20}
      | leave\ a\ (?:comment|reply)\b.{0,20}
      | (?:post\ navigation|tell\ us\ what\ you\ think|about\ the\ author|previous\ (?:news|post|article)
          |next\ (?:news|post|article))\b.{0,60}
        # a "More World News" heading; case-sensitive, so "More talks are planned." is prose
      | (?-i:More\ (?:from\ )?[A-Z]\w+(?:\ [A-Z]\w+){0,2})
    )$""",
    re.I | re.X,
)
COMMENTER = re.compile(r"^\S{1,40} (?:says|said|wrote|replied):$")
TEASER = re.compile(r"(?:\.\.\.|…)\s*$")
BYLINE = re.compile(r"^[Bb][Yy]\s+[A-Z][\w.'’-]*,?(?:\s+(?:[A-Z][\w.'’-]*,?|and|in|&)){0,6}\s*$")

CAPTION = re.compile(
    r"\b(?:file photo|photo(?:graph)?\s*(?:credit)?\s*:|\(photo\b|image(?: caption)?:|pictured\b"
    r"|via (?:ap|reuters|afp|getty)|/reuters\b|reuters/|getty images|/afp\b|afp/|\bap photo\b"
    r"|/pool\b|pool via|courtesy of)",
    re.I,
)
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
DATE_LINE_WORDS = re.compile(
    r"\b(?:published|updated|posted|last|modified|on|at|am|pm|a\.m\.|p\.m\.|ist|gmt|utc|edt|est|bst|cet"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b",
    re.I,
)


@dataclass
class Block:
    text: str
    words: int
    kind: str  # prose, short, furniture, caption, date_line


@dataclass
class Article:
    title: str | None
    published_on: date | None
    body: str
    caption_spans: list[tuple[int, int]] = field(default_factory=list)


def split_blocks(text: str) -> list[str]:
    """Paragraphs of the text; hard-wrapped wire copy is joined back into paragraphs."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    width = _wrap_width(lines)
    blocks: list[str] = []
    current: list[str] = []
    for line in lines:
        stripped = line.strip()
        starts_paragraph = width and line[:1].isspace()
        if not stripped or not width or starts_paragraph:
            if current:
                blocks.append(" ".join(current))
                current = []
        if stripped:
            current.append(re.sub(r"\s+", " ", stripped))
        # An unwrapped line, or a short last line of a wrapped paragraph, ends its block.
        if width and stripped and len(line.rstrip()) < 0.6 * width and current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks


def _wrap_width(lines: list[str]) -> int:
    """The column the text was wrapped at, or 0 when lines are whole paragraphs."""
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(lengths) < 6:
        return 0
    width = sorted(lengths)[int(len(lengths) * 0.9)]
    if not 40 <= width <= 100:
        return 0
    near = sum(1 for n in lengths if 0.75 * width <= n <= width + 2)
    return width if near / len(lengths) >= 0.5 and max(lengths) <= width + 20 else 0


def classify(text: str) -> Block:
    bare = BULLET.sub("", text).strip()
    words = WORD.findall(bare)
    n = len(words)
    if not words:
        return Block(text, 0, "furniture")
    if (
        FURNITURE.match(bare)
        or BYLINE.match(bare)
        or COMMENTER.match(bare)
        or (n <= 25 and FURNITURE_WORDS.search(bare))
        or re.search(r"\bcookies\b", bare, re.I)
    ):
        return Block(text, n, "furniture")
    if n <= 14 and _is_date_line(bare):
        return Block(text, n, "date_line")
    if CAPTION.search(bare):
        return Block(text, n, "caption")
    stop_share = sum(1 for w in words if w.lower() in STOPWORDS) / n
    sentence_like = SENTENCE_END.search(bare) is not None
    if TEASER.search(bare) and n <= 40:
        return Block(text, n, "short")  # a cut-off teaser for another story
    if stop_share >= 0.2 and ((n >= 8 and sentence_like) or n >= 30):
        return Block(text, n, "prose")
    return Block(text, n, "short")


def _is_date_line(text: str) -> bool:
    dates = find_dates(text)
    if not dates:
        return False
    rest = text
    for d in reversed(dates):
        rest = rest[: d.start] + rest[d.end :]
    rest = DATE_LINE_WORDS.sub(" ", rest)
    return len(WORD.findall(rest)) <= 3


def block_score(block: Block) -> float:
    """How much a block pulls the body segment toward itself (prose) or away (furniture)."""
    if block.kind == "prose":
        return float(block.words)
    if block.kind in ("caption", "date_line"):
        return 0.0
    if block.kind == "furniture":
        return -max(4.0, block.words)
    return -(1.0 + 0.5 * block.words)


def best_segment(scores: list[float]) -> tuple[int, int]:
    """Start and end (exclusive) of the contiguous run with the largest sum."""
    best, best_range = float("-inf"), (0, 0)
    running, start = 0.0, 0
    for i, score in enumerate(scores):
        if running <= 0:
            running, start = 0.0, i
        running += score
        if running > best:
            best, best_range = running, (start, i + 1)
    return best_range if best > 0 else (0, 0)


def parse_article(text: str) -> Article:
    blocks = [classify(b) for b in split_blocks(text)]
    if _is_bare_story(blocks):
        # Wire copy and clean text: no site around it, so everything below the headline is the story.
        start, end = (1 if _title_index(blocks, 1) == 0 and len(blocks) > 1 else 0), len(blocks)
    else:
        start, end = best_segment([block_score(b) for b in blocks])
        end = _cut_at_end_marker(blocks, start, end)
        if start == end:  # no prose anywhere: a table or list story; keep all but furniture
            start, end = 0, len(blocks)
    # Captions right next to the article belong to it.
    while start > 0 and blocks[start - 1].kind == "caption":
        start -= 1
    while end < len(blocks) and blocks[end].kind == "caption":
        end += 1
    title_index = _title_index(blocks, start)
    title = BULLET.sub("", blocks[title_index].text) if title_index is not None else None
    published_on = _published_on(blocks, start, end, title_index)

    parts: list[str] = []
    caption_spans: list[tuple[int, int]] = []
    offset = 0
    for block in blocks[start:end]:
        # Pages often repeat the article (print and AMP copies): keep the first.
        if block.kind in ("furniture", "date_line") or (block.words >= 8 and block.text in parts):
            continue
        if parts:
            offset += 2  # the "\n\n" that joins paragraphs
        if block.kind == "caption":
            caption_spans.append((offset, offset + len(block.text)))
        parts.append(block.text)
        offset += len(block.text)
    if not parts and title:
        parts = [title]  # a headline-only brief: the headline is the story
    return Article(title, published_on, "\n\n".join(parts), caption_spans)


def _is_bare_story(blocks: list[Block]) -> bool:
    """A short text with no site furniture (wire sign-offs aside) is a story on its own."""
    furniture = [
        b
        for b in blocks
        if b.kind == "furniture"
        and not re.fullmatch(r"\W*reuters?\W*", b.text, re.I)
        and not BYLINE.match(b.text)
    ]
    return not furniture and len(blocks) <= 60


def _cut_at_end_marker(blocks: list[Block], start: int, end: int) -> int:
    """End the body at the first comments/tags/related block that follows real prose."""
    prose_words = 0
    for i in range(start, end):
        if blocks[i].kind == "prose":
            prose_words += blocks[i].words
        elif (
            prose_words >= 40
            and blocks[i].words <= 12
            and END_OF_ARTICLE.match(BULLET.sub("", blocks[i].text))
        ):
            return i
    return end


def _title_index(blocks: list[Block], body_start: int) -> int | None:
    """The headline: the nearest headline-shaped block above the body."""
    for i in range(body_start - 1, max(-1, body_start - 9), -1):
        block = blocks[i]
        if block.kind in ("furniture", "date_line", "caption") or block.words < 3:
            continue
        if BULLET.match(block.text) or block.words > 30:
            return None
        if block.text.rstrip().endswith(".") and not block.text.isupper():
            return None
        return i
    return None


def _published_on(blocks: list[Block], start: int, end: int, title_index: int | None) -> date | None:
    """The article's own date line: between the headline and the first paragraphs of the body.

    Dates above the headline are the site's banner; dates in captions date the photo.
    """
    first = title_index if title_index is not None else start
    for block in blocks[first : min(end, start + 4)]:
        if block.kind == "date_line":
            return find_dates(block.text)[0].value
        if block.kind == "prose":
            dateline = re.match(
                r"^[A-Z][A-Za-z .,'-]{1,40}?,\s*([^-–—(]{4,30}?)\s*(?:\(\w+\))?\s*[-–—]", block.text
            )
            if dateline and find_dates(dateline.group(1)):
                return find_dates(dateline.group(1))[0].value
    return None
