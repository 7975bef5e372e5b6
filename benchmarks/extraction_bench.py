"""Generalisation and speed of the fact layer on Reuters-21578 train, scored by Reuters' own tags.

Document-level recall of:
  people      a tagged person's surname among the officials extracted from that story
              (the few tagged people who hold no public office, listed in NO_OFFICE, are skipped)
  places      a tagged country appears as an official's country, a meeting location or a figure's country
  commodities a tagged commodity topic appears among the story's commodity mentions
and docs/s and words/s of extraction. Baseline in the same run: a capitalised-word-pair "name
finder" for people (every capitalised bigram counts as a person), to show what titles buy.

    .venv/bin/python benchmarks/extraction_bench.py [--limit N] [--misses 10]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpora import records  # noqa: E402

from wirefacts.extract.facts import extract_facts
from wirefacts.extract.gazetteers import places  # noqa: E402
from wirefacts.extract.people import name_tokens  # noqa: E402
from wirefacts.text.article import WORD, parse_article  # noqa: E402

# Reuters commodity topics → the gazetteer's canonical names that count for them.
TOPICS = {
    "wheat": {"wheat"},
    "corn": {"corn"},
    "sugar": {"sugar"},
    "coffee": {"coffee"},
    "cocoa": {"cocoa"},
    "crude": {"crude oil"},
    "nat-gas": {"natural gas", "liquefied natural gas"},
    "copper": {"copper"},
    "gold": {"gold"},
    "alum": {"aluminium", "bauxite"},
    "veg-oil": {
        "vegetable oils",
        "palm oil",
        "soybean oil",
        "rapeseed oil",
        "sunflower oil",
        "coconut oil",
        "groundnut oil",
        "cottonseed oil",
        "olive oil",
    },
    "iron-steel": {"steel", "iron ore", "scrap metal"},
    "rice": {"rice"},
    "cotton": {"cotton"},
    "rubber": {"rubber"},
    "tin": {"tin"},
    "zinc": {"zinc"},
    "lead": {"lead"},
    "nickel": {"nickel"},
    "silver": {"silver"},
    "platinum": {"platinum"},
    "palm-oil": {"palm oil"},
    "barley": {"barley"},
    "sorghum": {"sorghum"},
    "soybean": {"soybeans"},
    "soy-oil": {"soybean oil"},
    "soy-meal": {"soybean meal"},
    "rapeseed": {"rapeseed"},
    "oat": {"oats"},
    "tea": {"tea"},
    "wool": {"wool"},
    "livestock": {"cattle", "hogs", "sheep", "poultry", "beef", "pork"},
    "carcass": {"beef", "pork", "meat", "poultry", "mutton"},
    "orange": {"oranges"},
    "lumber": {"lumber"},
    "potato": {"potatoes"},
    "hog": {"hogs"},
    "heat": {"heating oil"},
    "gas": {"gasoline"},
    "fuel": {"fuel oil", "diesel"},
    "jet": {"jet fuel"},
    "propane": {"liquefied petroleum gas"},
    "naphtha": {"naphtha"},
    "strategic-metal": None,
}
# Reuters tags some people who hold no public office (raiders, bankers, executives): skipped.
NO_OFFICE = {
    "icahn",
    "murdoch",
    "kaufman",
    "pickens",
    "boesky",
    "perelman",
    "goldsmith",
    "iacocca",
    "trump",
    "hunt",
    "steinberg",
    "bass",
    "jacobs",
    "holmes-a-court",
    "bond",
    "maxwell",
    "agnelli",
    "de-benedetti",
    "wang",
    "fukuda",
    "hennessy",
    "keating",
    "milken",
    "levine",
    "siegel",
    "lindner",
    "smith",
    "jones",
}
COUNTRY_BY_TAG = {p.text.lower(): p.country for p in places().values() if p.kind == "country"}
COUNTRY_BY_TAG |= {
    "usa": "USA",
    "uk": "GBR",
    "west-germany": "DEU",
    "east-germany": "DEU",
    "ussr": "RUS",
    "south-korea": "KOR",
    "north-korea": "PRK",
    "hong-kong": "HKG",
    "new-zealand": "NZL",
    "saudi-arabia": "SAU",
    "south-africa": "ZAF",
    "ivory-coast": "CIV",
    "sri-lanka": "LKA",
    "uae": "ARE",
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--misses", type=int, default=0, help="print this many missed people and commodities")
    args = ap.parse_args()
    recs = []
    for rec in records("reuters21578-train.jsonl.gz"):
        body = parse_article(rec["text"]).body
        if body.strip():
            recs.append((rec, body))
        if args.limit and len(recs) >= args.limit:
            break
    words = sum(len(WORD.findall(b)) for _, b in recs)
    started = time.perf_counter()
    facts = extract_facts((rec["file"], body, None) for rec, body in recs)
    seconds = time.perf_counter() - started

    officials = facts["officials"]
    name_of = dict(zip(officials["official_id"], officials["name"], strict=True))
    country_of = dict(zip(officials["official_id"], officials["country"], strict=True))
    people_by_doc, countries_by_doc, commodities_by_doc = defaultdict(set), defaultdict(set), defaultdict(set)
    for doc_id, official_id in facts["official_mentions"].select("doc_id", "official_id").iter_rows():
        people_by_doc[doc_id].update(name_tokens(name_of[official_id]))
        countries_by_doc[doc_id].add(country_of[official_id])
    for doc_id, country in facts["meetings"].select("doc_id", "location_country").iter_rows():
        countries_by_doc[doc_id].add(country)
    for doc_id, country in facts["trade_figures"].select("doc_id", "country").iter_rows():
        countries_by_doc[doc_id].add(country)
    for doc_id, commodity in facts["commodity_mentions"].select("doc_id", "commodity").iter_rows():
        commodities_by_doc[doc_id].add(commodity)

    tallies = {k: [0, 0] for k in ("people", "people_baseline", "places", "commodities")}
    misses = defaultdict(list)
    for rec, body in recs:
        doc = rec["file"]
        bigram_names = {
            t for m in re.finditer(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", body) for t in name_tokens(m.group(0))
        }
        for person in rec["people"]:
            if person in NO_OFFICE or person.split("-")[-1] in NO_OFFICE:
                continue
            surname = person.split("-")[-1]
            tallies["people"][1] += 1
            tallies["people_baseline"][1] += 1
            tallies["people"][0] += surname in people_by_doc[doc]
            tallies["people_baseline"][0] += surname in bigram_names
            if surname not in people_by_doc[doc]:
                misses["people"].append((person, doc, body))
        for place in rec["places"]:
            country = COUNTRY_BY_TAG.get(place.replace("-", " ")) or COUNTRY_BY_TAG.get(place)
            if country:
                tallies["places"][1] += 1
                tallies["places"][0] += country in countries_by_doc[doc]
        for topic in rec["topics"]:
            wanted = TOPICS.get(topic)
            if wanted:
                tallies["commodities"][1] += 1
                hit = bool(wanted & commodities_by_doc[doc])
                tallies["commodities"][0] += hit
                if not hit:
                    misses["commodities"].append((topic, doc, body))
    print(f"documents {len(recs):,}, words {words:,}")
    print(f"extraction {seconds:.1f} s: {len(recs) / seconds:,.0f} docs/s, {words / seconds:,.0f} words/s")
    for name, (hit, total) in tallies.items():
        print(f"recall {name:16s} {hit / total if total else 0:.3f} ({hit}/{total})")
    print(
        f"officials {officials.height:,}, meetings {facts['meetings'].height:,}, figures {facts['trade_figures'].height:,}"
    )
    rng = random.Random(3)
    for kind in ("people", "commodities"):
        for tag, doc, body in rng.sample(misses[kind], min(args.misses, len(misses[kind]))):
            hit = re.search(re.escape(tag.split("-")[-1]), body, re.I)
            context = body[max(0, hit.start() - 100) : hit.end() + 60] if hit else body[:160]
            print(f"  missed {kind[:-1]} {tag} in {doc}: ...{' '.join(context.split())}...")


if __name__ == "__main__":
    main()
