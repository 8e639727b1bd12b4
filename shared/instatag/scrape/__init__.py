"""Scraping public posts into the corpus: sources, the Graph API budget, tasks and dispatch."""

from instatag.scrape.base import Source
from instatag.scrape.budget import HashtagBudget
from instatag.scrape.files import FileSource
from instatag.scrape.graph import GraphApiSource
from instatag.scrape.run import ScrapeResult, ScrapeTask, dispatch, make_source, scrape

__all__ = [
    "FileSource",
    "GraphApiSource",
    "HashtagBudget",
    "ScrapeResult",
    "ScrapeTask",
    "Source",
    "dispatch",
    "make_source",
    "scrape",
]
