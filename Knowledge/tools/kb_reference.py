# Facts and edges derived from the reference tables (investors.tsv, contradictions_fx.tsv).
import os

ARTICLE_PATH = "/work/shared/seeds/000_61a020b1efeb3fe6.txt"
FACTS = []
EDGES = []
EXTRA_ALIASES = {}
