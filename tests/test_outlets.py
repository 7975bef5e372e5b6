"""documents.outlet from page metadata or the folder's outlets.csv, and documents.credited_agency."""

import shutil

from tests.conftest import SEEDS, query, run_pipeline
from wirefacts.text.outlets import OutletMap, html_outlet, parse_outlets_csv

PAGE = """<!doctype html><html><head><title>China vows rare earth support to India</title>
{meta}</head><body><article><h1>China vows rare earth support to India</h1>
<p>NEW DELHI (Reuters) - China has pledged to address India's requirements for rare earths, fertilisers
and tunnel boring machines, Indian officials said on Tuesday, as Chinese Foreign Minister Wang Yi visited
India for the 24th round of border talks with National Security Advisor Ajit Doval.</p>
<p>Shipments of rare earth magnets to India were still 58% lower than January levels, according to Chinese
customs data, although exports to Europe and the United States surged in June after similar agreements.</p>
</article></body></html>"""


def test_outlet_map_rows():
    rows = parse_outlets_csv("pattern,outlet\ntass/,TASS\nna-00*.txt,ABC News (US)\n,ignored\n")
    assert rows.outlet_for("tass/2017/a.txt") == "TASS"
    assert rows.outlet_for("other/na-0012.txt") == "ABC News (US)"
    assert rows.outlet_for("na-1200.txt") is None
    assert rows.outlet_for("tassle/a.txt") is None
    assert OutletMap().outlet_for("a.txt") is None


def test_html_outlet_prefers_site_name_then_canonical_host():
    assert html_outlet("Al Jazeera", "https://www.aljazeera.com/news/x") == "Al Jazeera"
    assert html_outlet(None, "https://www.rte.ie/news/world/x.html") == "rte.ie"
    assert html_outlet(None, None) is None


def test_pipeline_outlets_and_credits(tmp_path):
    source, warehouse = tmp_path / "in", tmp_path / "w.duckdb"
    (source / "wire").mkdir(parents=True)
    shutil.copy(next(SEEDS.glob("001_*.txt")), source / "wire" / "001.txt")
    shutil.copy(next(SEEDS.glob("000_*.txt")), source / "000.txt")
    shutil.copy(next(SEEDS.glob("002_*.txt")), source / "002.txt")
    (source / "named.html").write_text(
        PAGE.format(meta='<meta property="og:site_name" content="Reuters India">'), encoding="utf-8"
    )
    (source / "canonical.html").write_text(
        PAGE.format(meta='<link rel="canonical" href="https://www.example-news.co.uk/world/china-india">'),
        encoding="utf-8",
    )
    (source / "outlets.csv").write_text("pattern,outlet\nwire/,Wire Desk\n000.txt,Business Insider Africa\n")
    assert run_pipeline(source, warehouse).success
    rows = {
        r[0]: r[1:]
        for r in query(warehouse, "SELECT source_path, outlet, outlet_source, credited_agency FROM documents")
    }
    assert rows["wire/001.txt"] == ("Wire Desk", "outlets_csv", "Reuters")
    assert rows["000.txt"] == ("Business Insider Africa", "outlets_csv", None)
    assert rows["002.txt"] == (None, None, None)
    assert rows["named.html"] == ("Reuters India", "html_metadata", "Reuters")
    assert rows["canonical.html"] == ("example-news.co.uk", "html_metadata", "Reuters")
    assert query(warehouse, "SELECT reason FROM rejected_documents WHERE source_path = 'outlets.csv'") == [
        ("source_metadata",)
    ]
    spans = query(
        warehouse,
        "SELECT substr(body, credit_start + 1, credit_end - credit_start) FROM documents WHERE credit_start "
        "IS NOT NULL",
    )
    assert sorted(s[0] for s in spans) == ["Reuters", "Reuters", "Reuters"]

    # A new outlets.csv reaches files whose bytes did not change.
    (source / "outlets.csv").write_text("pattern,outlet\n*.txt,Seeds\n")
    assert run_pipeline(source, warehouse).success
    assert query(warehouse, "SELECT DISTINCT outlet FROM documents WHERE source_path LIKE '%.txt'") == [
        ("Seeds",)
    ]
