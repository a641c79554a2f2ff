# Facts and edges derived from the reference tables (investors.tsv, contradictions_fx.tsv).
# Quotes are the tables' own cell text (several cells joined by a space).
import os
import re

from kb_sources import match_source

HERE = os.path.dirname(os.path.abspath(__file__))
REF = os.path.join(os.path.dirname(HERE), "reference")
ARTICLE_PATH = "/work/shared/seeds/000_61a020b1efeb3fe6.txt"

FACTS = []
EDGES = []
EXTRA_ALIASES = {
    # exact cell values of the reference tables, so loaders can resolve them
    "zhipu": ["Zhipu AI (Z.ai)"],
    "moonshot": ["Moonshot AI (via Qiniu)"],
    "openrouter": ["OpenRouter (provider: MiniMax)"],
    "minimax": ["稀宇科技 (MiniMax)"],
    "claude-pro": ["Claude Pro (incl. Claude Code)"],
    "deepseek-r1": ["DeepSeek R1 (deepseek-reasoner)"],
    "deepseek-v3": ["DeepSeek V3 (deepseek-chat)"],
    "deepseek-v3.1": ["DeepSeek V3.1 (deepseek-chat/-reasoner)"],
    "deepseek-v3.2": ["DeepSeek V3.2 (deepseek-chat / deepseek-reasoner)"],
    "glm-4.5-x": ["GLM-4.5-X / GLM-4.5-AirX"],
    "kimi-code": ["Kimi Code (Kimi membership)", "kimi.com (China)"],
    "azure-ai-foundry": ["Azure"],
    "qiniu": ["Qiniu (China)"],
    "anthropic": ["api.anthropic.com", "claude.com", "claude.ai"],
    "deepseek": ["api.deepseek.com", "deepseek.com"],
    "openai": ["api.openai.com", "openai.com"],
    "zhipu-maas": ["bigmodel.cn (China)", "z.ai/subscribe (international)", "智谱开放平台"],
    "alibaba-bailian": ["dashscope (China)"],
    "deepinfra": ["deepinfra.com"],
    "fireworks": ["fireworks.ai"],
    "groq": ["groq.com"],
    "novita": ["novita.ai"],
    "wu-weijie": ["吳瑋杰"],
}


def _load(name):
    lines = open(os.path.join(REF, name), encoding="utf-8").read().split("\n")
    h = lines[0].split("\t")
    return {l.split("\t")[0]: dict(zip(h, l.split("\t"))) for l in lines[1:] if l.strip()}


INV = _load("investors.tsv")
NOTES = _load("contradictions_fx.tsv")
PRICES = _load("prices.tsv")
CONF = {"high": "verified", "medium": "secondary", "low": "unverified"}


def source_ids(cell):
    out = []
    for t in re.split(r"\s;\s|;\s", cell):
        if not t.strip():
            continue
        s = match_source(t)
        if s is None:
            raise SystemExit("unmapped source token: %r" % t)
        if s not in out:
            out.append(s)
    return out


def _row(ref):
    if ref.startswith("I"):
        return INV[ref]
    if ref.startswith("N"):
        return NOTES[ref]
    return PRICES[ref]


def _quote(r, cells):
    if isinstance(cells, str):
        cells = [cells]
    parts = []
    for c in cells:
        if c.startswith("="):
            parts.append(c[1:])
        else:
            v = r.get(c, "")
            if v:
                parts.append(v)
    return " ".join(parts)


def _src_status(ref, source_col="source", source=None, status=None, note=""):
    r = _row(ref)
    ids = source_ids(r[source_col]) if r.get(source_col) else ["reference-notes"]
    if source is None and ids and ids[0] == "article":
        # table cell text is not article text: cite the table row (article noted in `note`)
        ids = ids[1:] + ["article"]
        if not ids[0] or ids[0] == "article":
            ids.insert(0, {"I": "reference-investors", "P": "reference-prices"}.get(ref[0], "reference-notes"))
    src = source or ids[0]
    also = [i for i in ids if i != src]
    notes = []
    if ref.startswith("P"):
        st0 = r["status"]
        if status is None:
            status = ("verified" if st0.startswith("verified") else "unverified" if ("unverified" in st0 or "low" in st0)
                      else "secondary")
        notes.append("price_status=" + st0)
    if ref.startswith("I"):
        conf = r["confidence"]
        if status is None:
            status = CONF.get(conf, "unverified")
        notes.append("confidence=" + conf)
        if r.get("note"):
            notes.append(r["note"])
    if also:
        notes.append("also=" + ",".join(also))
    if note:
        notes.insert(0, note)
    return src, status or "secondary", "; ".join(notes)


def RF(subject, predicate, typ, value, ref, cells, unit="", currency="", qualifier="", as_of="",
       status=None, note="", source=None, source_col="source"):
    r = _row(ref)
    src, st, nt = _src_status(ref, source_col, source, status, note)
    FACTS.append(dict(subject=subject, predicate=predicate, type=typ, value=str(value), unit=unit,
                      currency=currency, qualifier=qualifier, as_of=as_of or "2026-01-08", source=src,
                      quote=_quote(r, cells), status=st, ref=ref, note=nt))


def RE(src_key, typ, dst, ref, as_of="", props="", cells=None, status=None, note="", source=None):
    r = _row(ref)
    src, st, nt = _src_status(ref, "source", source, status, note)
    if cells is None:
        cells = ["party"] if not r.get("detail") else ["party", "=-", "detail"]
    p = props
    extra = []
    for part in [x.strip() for x in nt.split("; ") if x.strip()]:
        if re.match(r"^(confidence|also)=", part):
            extra.append(part.replace(";", ","))
        else:
            extra.append("note=" + part.replace(";", ",").replace("=", ":"))
    if extra:
        p = (p + ";" if p else "") + ";".join(extra)
    EDGES.append(dict(src=src_key, type=typ, dst=dst, as_of=as_of or "2026-01-08", source=src,
                      quote=_quote(r, cells), status=st, ref=ref, props=p))


# ====================================================================== investors.tsv
# ---- Zhipu
RE("tang-jie", "FOUNDED", "zhipu", "I001", "2019", "role=co-founder & chief scientist")
RE("tang-jie", "EXECUTIVE_OF", "zhipu", "I001", "2019", "title=chief scientist")
RE("tang-jie", "WORKS_AT", "tsinghua-keg", "I001", "2019", "title=professor")
RF("zhipu", "founded_date", "date", "2019", "I001", ["date", "detail"], as_of="2019")
RE("zhang-peng", "CEO_OF", "zhipu", "I002", "2019", "since=2019")
RE("liu-debing", "CHAIRMAN_OF", "zhipu", "I003", "2019", "since=2019")
RE("liu-debing", "MEMBER_OF", "tsinghua", "I003", "2019", "role=alumnus")
RE("li-juanzi", "FOUNDED", "zhipu", "I004", "2019", "role=co-founder")
RE("li-juanzi", "WORKS_AT", "tsinghua-keg", "I004", "2019", "title=professor")
RE("zhipu-controlling-shareholders", "SHAREHOLDER_OF", "zhipu", "I005", "2025-12", "stake_pct=33.03;qualifier=about")
for p in ("tang-jie", "zhang-peng", "liu-debing"):
    RE(p, "MEMBER_OF", "zhipu-controlling-shareholders", "I005", "2025-12", "acting_in_concert=true")
RF("zhipu-controlling-shareholders", "equity_stake", "percent", "33.03", "I005", ["amount", "currency"], qualifier="about", as_of="2025-12")
RE("cas-star", "INVESTS_IN", "zhipu", "I006", "2019", "round=angel (exclusive);amount=40000000;currency=CNY;post_money=375000000")
RE("huakong-tech-transfer", "FOUNDED", "zhipu", "I006", "2019", "role=co-initiator with CAS Star")
RF("zhipu", "round_amount", "money", "40000000", "I006", ["round", "amount", "currency"], currency="CNY", as_of="2019", note="angel round (CAS Star)")
RF("zhipu", "post_money_valuation", "money", "375000000", "I006", ["round", "valuation_post", "valuation_currency"], currency="CNY", as_of="2019", note="after angel round")
RF("cas-star", "shares_held_at_ipo", "number", "5912000", "I006", "detail", unit="shares", as_of="2026-01-08")
RE("baai", "INVESTS_IN", "zhipu", "I007", "2021-04", "round=angel (IP contribution);amount=20370000;currency=CNY;vehicle=beijing-innovation-zhiyuan")
RE("beijing-innovation-zhiyuan", "INVESTS_IN", "zhipu", "I007", "2021-04", "round=angel (IP contribution);amount=20370000;currency=CNY")
RE("beijing-innovation-zhiyuan", "SUBSIDIARY_OF", "baai", "I007", "2021-04")
RF("zhipu", "round_amount", "money", "20370000", "I007", ["round", "amount", "currency"], currency="CNY", as_of="2021-04", note="BAAI in-kind IP contribution")
for p in ("qiming", "legend-capital", "tsinghua-holdings"):
    RE(p, "INVESTS_IN", "zhipu", "I008", "2022-09", "round=Series B;amount=hundreds of millions;currency=CNY")
RE("meituan", "INVESTS_IN", "zhipu", "I009", "2023", "round=2023 round;stake=~10%")
RF("meituan", "shares_held_at_ipo", "number", "17217000", "I009", "detail", unit="shares", as_of="2026-01-08", note="~HK$2.0bn at IPO price", source="ref-reportify-cn-zhipu")
RF("meituan", "stake_in_zhipu", "percent", "10", "I009", "detail", qualifier="about", as_of="2023")
for p in ("alibaba", "tencent", "ant-group", "meituan", "xiaomi", "shunwei", "gl-ventures", "hongshan"):
    RE(p, "INVESTS_IN", "zhipu", "I010", "2023", "round=2023 rounds (incl. B3);total=2500000000;currency=CNY")
RE("gl-ventures", "SUBSIDIARY_OF", "hillhouse", "I010", "2023")
RF("zhipu", "funding_raised", "money", "2500000000", "I010", ["round", "amount", "currency"], currency="CNY", as_of="2023", note="2023 total")
RF("zhipu", "valuation", "money", "1000000000", "I010", ["valuation_post", "valuation_currency"], currency="USD", as_of="2023-09", note="by mid-Sep 2023")
RF("zhipu", "valuation", "money", "500000000", "I010", "valuation_currency", currency="USD", as_of="2023-07", note="0.5B in Jul 2023 (from valuation_currency cell)")
RE("prosperity7", "INVESTS_IN", "zhipu", "I011", "2024-05", "round=2024 round (~$400M);note2=first notable foreign investor")
RE("prosperity7", "SUBSIDIARY_OF", "saudi-aramco", "I011", "2024")
RE("prosperity7", "BASED_IN", "saudi-arabia", "I011", "2024")
RF("zhipu", "round_amount", "money", "400000000", "I011", "round", currency="USD", qualifier="about", as_of="2024-05..2024-06", note="2024 round incl. Prosperity7")
RF("zhipu", "valuation", "money", "3000000000", "I011", ["valuation_post", "valuation_currency"], currency="USD", qualifier="about", as_of="2024-06")
RE("zhongguancun-science-city", "INVESTS_IN", "zhipu", "I012", "2024-12", "round=2024-12 round;amount=3000000000;currency=CNY")
RF("zhipu", "round_amount", "money", "3000000000", "I012", ["round", "amount", "currency"], currency="CNY", as_of="2024-12")
for p in ("hangzhou-city-investment", "shangcheng-capital", "alibaba", "tencent"):
    RE(p, "INVESTS_IN", "zhipu", "I013", "2025-03", "round=2025-03 round;amount=>1000000000;currency=CNY")
RF("zhipu", "round_amount", "money", "1000000000", "I013", ["round", "amount", "currency"], currency="CNY", qualifier="over", as_of="2025-03")
RF("zhipu", "valuation", "money", "3000000000", "I013", ["valuation_post", "valuation_currency"], currency="USD", qualifier="about", as_of="2025-03")
RE("huafa-group", "INVESTS_IN", "zhipu", "I014", "2025-03", "round=strategic;amount=500000000;currency=CNY")
RF("huafa-group", "investment_amount", "money", "500000000", "I014", ["amount", "currency"], currency="CNY", as_of="2025-03")
RE("chengdu-hitech-zone", "INVESTS_IN", "zhipu", "I015", "2025-03", "round=strategic;amount=300000000;currency=CNY")
RF("chengdu-hitech-zone", "investment_amount", "money", "300000000", "I015", ["amount", "currency"], currency="CNY", as_of="2025-03..2025-04")
RE("zhipu", "DEVELOPS", "zhipu-zhuge", "I015", "2025-03", cells="detail")
RF("zhipu", "valuation", "money", "24377000000", "I016", ["valuation_post", "valuation_currency"], currency="CNY", as_of="2025-05",
   note="B6 (last private round) post-money; article rounds to 243.8億元")
RF("zhipu", "last_private_round", "text", "B6 (2025-05)", "I016", ["party", "round", "date"], as_of="2025-05")
RF("zhipu", "total_funding", "money", "8363000000", "I017", ["amount", "currency"], currency="CNY", as_of="2025", note="8 market-based rounds since 2022; >50 institutions")
RF("zhipu", "funding_rounds", "number", "8", "I017", "party", unit="rounds", as_of="2025", note="market-based rounds since 2022 (prospectus)")
RF("zhipu", "institutional_investor_count", "number", "50", "I017", "party", unit="institutions", qualifier="over", as_of="2025")
RE("legend-capital", "SHAREHOLDER_OF", "zhipu", "I018", "2026-01-08", "shares=27109000;value=~HK$3.15bn")
RF("legend-capital", "shares_held_at_ipo", "number", "27109000", "I018", ["amount", "currency"], unit="shares", as_of="2026-01-08")
RE("ant-group", "SHAREHOLDER_OF", "zhipu", "I019", "2026-01-08", "shares=16085000;value=~HK$1.869bn")
RF("ant-group", "shares_held_at_ipo", "number", "16085000", "I019", ["amount", "currency"], unit="shares", as_of="2026-01-08")
RE("capital-today", "SHAREHOLDER_OF", "zhipu", "I020", "2026-01-08", "shares=11350000;value=~HK$1.319bn")
RF("capital-today", "shares_held_at_ipo", "number", "11350000", "I020", ["amount", "currency"], unit="shares", as_of="2026-01-08")
RE("qiming", "SHAREHOLDER_OF", "zhipu", "I021", "2026-01-08", "shares=10019000;value=~HK$1.164bn")
RF("qiming", "shares_held_at_ipo", "number", "10019000", "I021", ["amount", "currency"], unit="shares", as_of="2026-01-08")
RE("huakong-fund", "SHAREHOLDER_OF", "zhipu", "I022", "2026-01-08", "stake_pct=1.88;qualifier=about")
RF("huakong-fund", "stake_in_zhipu", "percent", "1.88", "I022", ["amount", "currency"], qualifier="about", as_of="2026-01-08")
for p in ("kingsoft", "tal", "hongshan", "hillhouse", "fortune-capital", "shunwei", "wuqing-state-fund", "haidian-state-fund", "zhuhai-state-fund"):
    RE(p, "INVESTS_IN", "zhipu", "I023", "2021..2025", "round=various")
RE("zhipu", "LISTED_ON", "hkex", "I024", "2026-01-08", "stock_code=02513;board=main board (18C);offer_price=116.20 HKD", cells=["party", "date"])
RF("zhipu", "stock_code", "text", "02513", "I024", "party", as_of="2026-01-08")
RF("zhipu", "ipo_raise", "money", "4348000000", "I024", ["amount", "currency"], currency="HKD", as_of="2026-01-08", note="gross, pre-greenshoe")
RF("zhipu", "ipo_shares_offered", "number", "37419500", "I024", "amount", unit="shares", as_of="2026-01-08")
RF("zhipu", "ipo_offer_price", "money", "116.20", "I024", "amount", currency="HKD", as_of="2026-01-08")
RF("zhipu", "market_cap", "money", "51100000000", "I024", ["valuation_post", "valuation_currency"], currency="HKD", qualifier="about", as_of="2026-01-08", note="at offer price")
RF("zhipu", "market_cap", "money", "57900000000", "I024", "detail", currency="HKD", qualifier="about", as_of="2026-01-08", note="at day-1 close")
RF("zhipu", "ipo_public_offer_subscription", "number", "1159.46", "I024", "detail", unit="x", as_of="2026-01-08")
RF("zhipu", "ipo_international_subscription", "number", "15.28", "I024", "detail", unit="x", as_of="2026-01-08")
RF("zhipu", "day1_close_price", "money", "131.50", "I024", "detail", currency="HKD", as_of="2026-01-08")
RF("zhipu", "day1_return", "percent", "13.17", "I024", "detail", as_of="2026-01-08")
RF("zhipu-ipo", "event_date", "date", "2026-01-08", "I024", ["party", "date"], as_of="2026-01-08")
RE("zhipu-cornerstones", "INVESTS_IN", "zhipu", "I025", "2026-01", "round=IPO cornerstone;amount=2980000000;currency=HKD;share_of_offering=~70%", cells=["party", "amount", "currency"])
for p in ("jsc-international-fund", "jinyi-capital", "perseverance-am"):
    RE(p, "MEMBER_OF", "zhipu-cornerstones", "I025", "2026-01", cells=["party"])
    RE(p, "INVESTS_IN", "zhipu", "I025", "2026-01", "round=IPO cornerstone", cells=["party"])
RF("zhipu", "cornerstone_amount", "money", "2980000000", "I025", ["amount", "currency"], currency="HKD", as_of="2026-01")
RF("zhipu", "cornerstone_count", "number", "11", "I025", "party", unit="investors", as_of="2026-01")
RF("zhipu", "cornerstone_share_of_offering", "percent", "70", "I025", "detail", qualifier="about", as_of="2026-01")
# ---- MiniMax
RE("yan-junjie", "FOUNDED", "minimax", "I026", "2021..2022")
RE("yan-junjie", "CEO_OF", "minimax", "I026", "2021..2022")
RE("yan-junjie", "CHAIRMAN_OF", "minimax", "I026", "2021..2022")
RE("yan-junjie", "WORKS_AT", "sensetime", "I026", "", "role=former VP;former=true")
RE("yun-yeyi", "FOUNDED", "minimax", "I027", "2021..2022", "role=co-founder")
RE("yun-yeyi", "WORKS_AT", "sensetime", "I027", "", "former=true")
RE("hillhouse", "INVESTS_IN", "minimax", "I028", "2022", "round=angel (lead);amount=30000000..31000000;currency=USD;post_money=200000000")
RF("minimax", "round_amount", "money", "30000000", "I028", ["amount", "currency"], currency="USD", as_of="2022", note="angel round per LatePost")
RF("minimax", "round_amount", "money", "31000000", "I028", ["amount", "currency"], currency="USD", as_of="2022", note="angel round per reportify", source="ref-reportify-ai-760997422843596")
RF("minimax", "post_money_valuation", "money", "200000000", "I028", ["valuation_post", "valuation_currency"], currency="USD", as_of="2022", note="after angel round")
RE("mihoyo", "INVESTS_IN", "minimax", "I029", "2022", "round=early round;pre_ipo_stake=7.05%")
RF("mihoyo", "stake_in_minimax", "percent", "7.05", "I029", "detail", as_of="2025-12", note="pre-IPO stake")
RE("mingshi-capital", "INVESTS_IN", "minimax", "I030", "2022-03", "round=6 rounds from 2022-03")
RF("mingshi-capital", "rounds_in_minimax", "number", "6", "I030", "round", unit="rounds", as_of="2025")
RE("idg-capital", "INVESTS_IN", "minimax", "I031", "2022", "round=early rounds")
RE("yunqi-partners", "INVESTS_IN", "minimax", "I031", "2022", "round=early rounds")
RE("tencent", "INVESTS_IN", "minimax", "I032", "2023-06", "round=2023 round;amount=>250000000;currency=USD;tencent_amount=~40M USD", cells=["party", "amount", "currency"])
RF("minimax", "round_amount", "money", "250000000", "I032", ["amount", "currency"], currency="USD", qualifier="over", as_of="2023-06")
RF("tencent", "investment_amount", "money", "40000000", "I032", "currency", currency="USD", qualifier="about", as_of="2023-06", note="Tencent share per Reuters")
RF("minimax", "valuation", "money", "1200000000", "I032", ["valuation_post", "valuation_currency"], currency="USD", as_of="2023-06")
RE("alibaba", "INVESTS_IN", "minimax", "I033", "2024-03", "round=2024 round (lead);amount=>600000000;currency=USD;largest_investor=true")
RE("hongshan", "INVESTS_IN", "minimax", "I033", "2024-03", "round=2024 round;amount=>600000000;currency=USD")
RF("minimax", "round_amount", "money", "600000000", "I033", ["amount", "currency"], currency="USD", qualifier="over", as_of="2024-03")
RF("minimax", "valuation", "money", "2500000000", "I033", ["valuation_post", "valuation_currency"], currency="USD", as_of="2024-03")
RF("minimax", "total_funding", "money", "1500000000", "I034", ["amount", "currency"], currency="USD", qualifier="about", as_of="2025")
RF("minimax", "funding_rounds", "number", "7", "I034", "party", unit="rounds", as_of="2025")
RF("minimax", "institutional_investor_count", "number", "30", "I034", "party", unit="institutions", as_of="2025")
RF("minimax", "valuation", "money", "4200000000", "I035", ["valuation_post", "valuation_currency"], currency="USD", qualifier="about", as_of="2025", note="pre-IPO (seed article)")
RE("minimax", "LISTED_ON", "hkex", "I036", "2026-01-09", "stock_code=00100;offer_price=165 HKD", cells=["party", "date"])
RF("minimax", "stock_code", "text", "00100", "I036", "party", as_of="2026-01-09")
RF("minimax", "listing_date", "date", "2026-01-09", "I036", ["party", "date"], as_of="2026-01-09")
RF("minimax-ipo", "event_date", "date", "2026-01-09", "I036", ["party", "date"], as_of="2026-01-09")
RF("minimax", "ipo_offer_price", "money", "165", "I036", "detail", currency="HKD", as_of="2026-01-09", note="top of range")
RF("minimax", "ipo_price_range", "money", "151..165", "I036", "valuation_post", currency="HKD", as_of="2026-01")
RF("minimax", "ipo_public_offer_subscription", "number", "1837", "I036", "detail", unit="x", qualifier="about", as_of="2026-01-09")
RF("minimax", "day1_close_price", "money", "345", "I036", "detail", currency="HKD", as_of="2026-01-09")
RF("minimax", "day1_return", "percent", "109", "I036", "detail", as_of="2026-01-09")
RF("minimax", "market_cap", "money", "105000000000", "I036", "detail", currency="HKD", qualifier="about", as_of="2026-01-09", note="at day-1 close")
RF("minimax", "market_cap", "money", "50400000000", "I036", ["valuation_post", "valuation_currency"], currency="HKD", as_of="2026-01-09", note="at HK$165 offer price")
RF("minimax", "cornerstone_amount", "money", "2723000000", "I037", "amount", currency="HKD", as_of="2026-01")
RF("minimax", "cornerstone_amount_usd", "money", "350000000", "I037", ["amount", "currency"], currency="USD", qualifier="about", as_of="2026-01")
RF("minimax", "cornerstone_count", "number", "14", "I037", "party", unit="investors", as_of="2026-01")
RF("minimax", "cornerstone_share_of_offering", "percent", "56.5", "I037", "detail", as_of="2026-01")
RE("minimax-cornerstones", "INVESTS_IN", "minimax", "I037", "2026-01", "round=IPO cornerstone;amount=2723000000;currency=HKD", cells=["party", "amount"])
for p in ("aspex", "eastspring", "mirae-asset", "adia", "alibaba", "e-fund"):
    RE(p, "MEMBER_OF", "minimax-cornerstones", "I037", "2026-01", cells=["party"])
    RE(p, "INVESTS_IN", "minimax", "I037", "2026-01", "round=IPO cornerstone", cells=["party"])
RE("boyu-capital", "INVESTS_IN", "minimax", "I037", "2026-01", "round=IPO cornerstone", cells=["party"], status="unverified", note="per one source only")
# ---- Moonshot
RE("yang-zhilin", "FOUNDED", "moonshot", "I038", "2023-03")
RE("yang-zhilin", "CEO_OF", "moonshot", "I038", "2023-03")
RE("yang-zhilin", "WORKS_AT", "google", "I038", "", "former=true;unit=Google Brain")
RE("yang-zhilin", "WORKS_AT", "meta", "I038", "", "former=true;unit=Meta AI")
RF("moonshot", "founded_date", "date", "2023-03", "I038", "date", as_of="2023-03")
RE("zhou-xinyu", "FOUNDED", "moonshot", "I039", "2023-03", "role=co-founder;title=CTO per one source")
RE("wu-yuxin", "FOUNDED", "moonshot", "I039", "2023-03", "role=co-founder;title=COO per one source")
RE("zhang-yutong", "EXECUTIVE_OF", "moonshot", "I040", "2025-11", "title=president")
RE("zhang-yutong", "FOUNDED", "moonshot", "I040", "2023", "role=co-founder")
RE("zhang-yutong", "WORKS_AT", "gsr-ventures", "I040", "", "former=true;title=partner")
RE("zhu-xiaohu", "EXECUTIVE_OF", "gsr-ventures", "I040", "", "title=managing partner")
for p in ("hongshan", "zhenfund", "capital-today"):
    RE(p, "INVESTS_IN", "moonshot", "I041", "2023-06-11", "round=angel" + (";lead=true" if p == "hongshan" else ""))
RE("meituan-dragonball", "INVESTS_IN", "moonshot", "I042", "2023-07-11", "round=Series A;lead=true")
RE("meituan-dragonball", "SUBSIDIARY_OF", "meituan", "I042", "2023")
for p in ("hongshan", "capital-today"):
    RE(p, "INVESTS_IN", "moonshot", "I043", "2023-10", "round=2023 round;amount=~2000000000;currency=CNY")
RF("moonshot", "round_amount", "money", "2000000000", "I043", ["amount", "currency"], currency="CNY", qualifier="about", as_of="2023-10")
for p in ("alibaba", "hongshan", "meituan", "xiaohongshu", "monolith"):
    RE(p, "INVESTS_IN", "moonshot", "I044", "2024-02", "round=Series B;amount=>1000000000;currency=USD" + (";lead=true" if p == "alibaba" else ""))
RF("moonshot", "round_amount", "money", "1000000000", "I044", ["amount", "currency"], currency="USD", qualifier="over", as_of="2024-02")
RF("moonshot", "valuation", "money", "2500000000", "I044", ["valuation_post", "valuation_currency"], currency="USD", as_of="2024-02")
for p in ("tencent", "gaorong", "source-code-capital", "sky9", "bluerun", "xiaohongshu", "cmvc", "funplus", "andon-health", "shunwei", "5y-capital", "ggv"):
    RE(p, "INVESTS_IN", "moonshot", "I045", "2024-08", "round=2024 extension")
RF("moonshot", "round_amount", "money", "800000000", "I045", "amount", currency="USD", qualifier="about", as_of="2024-08", note="initial close from Alibaba & Capital Today")
RF("moonshot", "valuation", "money", "3000000000", "I045", ["valuation_post", "valuation_currency"], currency="USD", qualifier="about", as_of="2024-08")
RF("alibaba", "stake_in_moonshot", "percent", "40", "I045", "detail", qualifier="about", as_of="2024-08", status="unverified", note="low confidence per table")
for p in ("idg-capital", "alibaba", "tencent", "hongshan", "meituan", "xiaohongshu", "gaorong", "wang-huiwen"):
    RE(p, "INVESTS_IN", "moonshot", "I046", "2025-12-31", "round=Series C;amount=500000000;currency=USD" + (";lead=true;lead_amount=150000000" if p == "idg-capital" else ""))
RF("moonshot", "round_amount", "money", "500000000", "I046", ["amount", "currency"], currency="USD", as_of="2025-12-31")
RF("moonshot", "valuation", "money", "4300000000", "I046", ["valuation_post", "valuation_currency"], currency="USD", as_of="2025-12-31")
RF("moonshot", "cash", "money", "10000000000", "I046", "detail", currency="CNY", qualifier="over", as_of="2025-12-31", note="per Yang Zhilin internal letter")
RF("idg-capital", "investment_amount", "money", "150000000", "I046", "party", currency="USD", as_of="2025-12-31")
for p in ("alibaba", "tencent", "5y-capital"):
    RE(p, "INVESTS_IN", "moonshot", "I047", "2026-01..2026-02", "round=Series C+ (first tranche);amount=>700000000;currency=USD")
RF("moonshot", "round_amount", "money", "700000000", "I047", ["amount", "currency"], currency="USD", qualifier="over", as_of="2026-02")
# ---- Baichuan
RE("wang-xiaochuan", "FOUNDED", "baichuan", "I048", "2023-04")
RE("wang-xiaochuan", "CEO_OF", "baichuan", "I048", "2023-04")
RE("wang-xiaochuan", "FOUNDED", "sogou", "I048", "", "note2=founder & ex-CEO of Sogou")
RF("baichuan", "round_amount", "money", "50000000", "I049", ["amount", "currency"], currency="USD", as_of="2023", note="angel round, investors undisclosed")
for p in ("alibaba", "tencent", "xiaomi", "shunwei", "legend-star", "tsinghua-holdings", "tal", "shenzhen-capital"):
    RE(p, "INVESTS_IN", "baichuan", "I050", "2023-10", "round=Series A1;amount=300000000;currency=USD")
RF("baichuan", "round_amount", "money", "300000000", "I050", ["amount", "currency"], currency="USD", as_of="2023-10")
RF("baichuan", "valuation", "money", "1200000000", "I050", ["valuation_post", "valuation_currency"], currency="USD", qualifier="about", as_of="2023-10")
for p in ("alibaba", "tencent", "xiaomi", "beijing-ai-fund", "shanghai-ai-fund", "shenzhen-capital", "cicc-fund"):
    RE(p, "INVESTS_IN", "baichuan", "I051", "2024-07", "round=Series A;amount=5000000000;currency=CNY")
RE("lighthouse-capital", "PARTNERS_WITH", "baichuan", "I051", "2024-07", "role=financial adviser", cells="detail")
RF("baichuan", "round_amount", "money", "5000000000", "I051", ["amount", "currency"], currency="CNY", as_of="2024-07")
RF("baichuan", "valuation", "money", "20000000000", "I051", ["valuation_post", "valuation_currency"], currency="CNY", qualifier="over", as_of="2024-07", note="~US$2.8bn")
# ---- StepFun
RE("jiang-daxin", "FOUNDED", "stepfun", "I052", "2023-04")
RE("jiang-daxin", "CEO_OF", "stepfun", "I052", "2023-04")
RE("jiang-daxin", "WORKS_AT", "microsoft", "I052", "", "former=true;title=CVP / chief scientist STCA")
RE("yin-qi", "CHAIRMAN_OF", "stepfun", "I053", "2026-01")
RE("yin-qi", "FOUNDED", "megvii", "I053", "")
RE("yin-qi", "CEO_OF", "megvii", "I053", "")
for p in ("fortera-capital", "tencent", "qiming", "5y-capital"):
    RE(p, "INVESTS_IN", "stepfun", "I054", "2024-12", "round=Series B;amount=hundreds of millions;currency=USD" + (";lead=true" if p == "fortera-capital" else ""))
for p in ("sscic-pioneer-fund", "china-life-equity", "huaqin", "xuhui-capital", "tencent", "qiming"):
    RE(p, "INVESTS_IN", "stepfun", "I055", "2026-01-26", "round=Series B+;amount=>5000000000;currency=CNY")
RF("stepfun", "round_amount", "money", "5000000000", "I055", ["amount", "currency"], currency="CNY", qualifier="over", as_of="2026-01-26", note="~US$720M")
RF("stepfun", "total_funding", "money", "1500000000", "I056", ["amount", "currency"], currency="USD", qualifier="over", as_of="2026-01")
# ---- 01.AI
RE("kai-fu-lee", "FOUNDED", "01ai", "I057", "2023-03")
RE("kai-fu-lee", "CEO_OF", "01ai", "I057", "2023-03")
RE("kai-fu-lee", "CHAIRMAN_OF", "sinovation", "I057", "")
RE("kai-fu-lee", "WORKS_AT", "google", "I057", "", "former=true;title=president of Google China")
RE("alibaba-cloud", "INVESTS_IN", "01ai", "I058", "2023-11", "round=2023 round;lead=true")
RE("alibaba-cloud", "SUBSIDIARY_OF", "alibaba", "I058", "")
RF("01ai", "valuation", "money", "1000000000", "I058", ["valuation_post", "valuation_currency"], currency="USD", qualifier="over", as_of="2023-11", note="unicorn within 8 months")
RF("01ai", "fundraising_target", "money", "200000000", "I059", ["amount", "currency"], currency="USD", qualifier="at-most", as_of="2023-12", note="reported in progress; outcome not confirmed")
RE("01ai", "PARTNERS_WITH", "alibaba", "I060", "2024-12..2025-01", "note2=pre-training & infra teams moved to Alibaba joint lab", cells=["party"])
RF("01ai", "revenue", "money", "100000000", "I060", "detail", currency="CNY", qualifier="over", as_of="2024")
RE("alibaba", "INVESTS_IN", "01ai", "I060", "2025-01", "note2=Lee calls Alibaba a major investor", cells="detail")
# ---- DeepSeek
RE("liang-wenfeng", "FOUNDED", "deepseek", "I061", "2023")
RE("liang-wenfeng", "CEO_OF", "deepseek", "I061", "2023")
RE("liang-wenfeng", "FOUNDED", "high-flyer", "I061", "", "role=co-founder;also=CEO")
RE("liang-wenfeng", "SHAREHOLDER_OF", "deepseek", "I061", "", "role=controlling shareholder", cells="detail")
RE("high-flyer", "INVESTS_IN", "deepseek", "I062", "2023", "round=self-funded;sole_funder=true")
RF("deepseek", "has_external_vc", "bool", "false", "I062", "detail", status="unverified", note="'no external VC round reported'; absence not proven")
RE("deepseek", "SPUN_OUT_OF", "high-flyer", "I063", "2023-05", cells="party")
RE("deepseek", "SUBSIDIARY_OF", "high-flyer", "I063", "2023")
RF("high-flyer", "aum", "money", "8000000000", "I064", ["amount", "currency"], currency="USD", qualifier="about", as_of="2024..2025", note="AP figure")
RF("high-flyer", "aum_peak", "money", "12000000000", "I064", ["amount", "currency"], currency="USD", qualifier="over", as_of="2024..2025", note="Bloomberg figure (peak)", source="ref-lnginnorthernbc-highflyer")
RF("high-flyer", "gpu_count", "number", "10000", "I064", "detail", unit="A100 GPUs", qualifier="about", as_of="2022")


# ====================================================================== contradictions_fx.tsv
import kb_article  # noqa: E402


def ref_article(subject, predicate, value, ref):
    """Tag the matching article fact with a reference-note id (the article side of a contradiction)."""
    for f in kb_article.FACTS:
        if f["subject"] == subject and f["predicate"] == predicate and f["value"] == str(value):
            if not f["ref"]:
                f["ref"] = ref
            else:
                f["note"] = (f["note"] + "; " if f["note"] else "") + "see also " + ref
            return
    raise SystemExit("no article fact %s %s %s" % (subject, predicate, value))


def NF(subject, predicate, typ, value, ref, cells, side="b", source=None, status="secondary", **kw):
    col = "source_" + side
    RF(subject, predicate, typ, value, ref, cells, source=source, status=status, source_col=col, **kw)


# N01 / N02 implied FX
ref_article("claude-pro", "price", "120", "N01")
NF("cny", "usd_cny_rate", "number", "7.06", "N01", "assessment", source="reference-notes", status="derived",
   unit="CNY per USD", qualifier="about", as_of="2025-09", note="implied by US$17 = ~¥120 (article)")
ref_article("zhipu", "valuation", "3500000000", "N02")
NF("cny", "usd_cny_rate", "number", "6.97", "N02", "assessment", source="reference-notes", status="derived",
   unit="CNY per USD", qualifier="about", as_of="2026-01-08", note="implied by 243.8億元 = ~35億美元 (article; rounded USD figure)")
# N03
ref_article("glm-coding-plan", "price_cheaper_multiple", "6", "N03")
NF("glm-coding-plan", "price_cheaper_multiple", "number", "6", "N03", ["claim_a", "=|", "claim_b"], source="reference-notes",
   status="derived", unit="x", as_of="2025-09", note="120/20 = 6 (price is 1/6); consistent with ~7.06 CNY/USD; vs=claude-code")
# N04
ref_article("zhipu", "market_cap_multiple_of_prior_valuation", "2", "N04")
NF("zhipu", "market_cap_multiple_of_prior_valuation", "number", "2.05", "N04", "claim_b", source="reference-notes",
   status="derived", unit="x", note="raw 500/243.8 treating HKD and CNY at par")
NF("zhipu", "market_cap_multiple_of_prior_valuation", "number", "1.9", "N04", "assessment", source="reference-notes",
   status="unverified", unit="x", qualifier="about", note="at ~0.92 CNY/HKD (rate not in article)")
NF("cny", "hkd_cny_rate", "number", "0.92", "N04", "assessment", source="reference-notes", status="unverified",
   unit="CNY per HKD", qualifier="about", note="assumed rate from the reference note, not in article")
# N05
ref_article("mistral", "valuation_multiple_vs_chinese_peers", "3..4", "N05")
NF("mistral", "valuation_multiple_vs_minimax", "number", "3.3", "N05", "claim_b", source="reference-notes", status="derived", unit="x", note="14/4.2")
NF("mistral", "valuation_multiple_vs_zhipu", "number", "4.0", "N05", "claim_b", source="reference-notes", status="derived", unit="x", note="14/3.5")
# N06
ref_article("zhipu-maas", "arr_growth_multiple", "25", "N06")
NF("zhipu-maas", "arr_growth_multiple", "number", "25", "N06", "claim_b", source="reference-notes", status="derived", unit="x",
   note="500M/20M; currency not stated (presumably CNY)")
# N07
ref_article("zhipu", "ipo_raise", "4300000000", "N07")
NF("zhipu", "ipo_raise_net", "money", "4173000000", "N07", "claim_b", source="ref-asiaict-13115", currency="HKD", qualifier="about", as_of="2026-01-08")
NF("zhipu", "ipo_raise", "money", "5100000000", "N07", "assessment", source="ref-caizhongshe-zhipu", status="unverified", currency="HKD",
   qualifier="at-most", as_of="2026-01-08", note="'up to 51億港元'; does not reconcile with the share count")
NF("zhipu", "ipo_raise", "money", "4348000000", "N07", "claim_b", source="reference-notes", status="derived", currency="HKD",
   as_of="2026-01-08", note="37.4195M H shares x HK$116.20, gross")
# N08
ref_article("glm-4.5", "api_price_cheaper_multiple", "7", "N08")
NF("glm-4.5", "api_price_cheaper_multiple", "number", "5", "N08", "claim_b", source="reference-prices", status="derived", unit="x", as_of="2026-01-07",
   note="input tokens: $0.60 vs $3.00 per 1M = 1/5 (P033 vs P043); vs=claude-sonnet-4")
NF("glm-4.5", "api_price_cheaper_multiple", "number", "6.8", "N08", "claim_b", source="reference-prices", status="derived", unit="x", as_of="2026-01-07",
   note="output tokens: $2.20 vs $15.00 per 1M = 1/6.8 (P033 vs P043); vs=claude-sonnet-4")
# N09
ref_article("zhipu", "gross_margin_local_deployment", "60", "N09")
NF("zhipu", "gross_margin_local_deployment", "percent", "66.0", "N09", "claim_b", source="ref-163-khb99lgv", as_of="2024")
NF("zhipu", "gross_margin_local_deployment", "percent", "59.1", "N09", "claim_b", source="ref-163-khb99lgv", as_of="2025-H1")
for v, y in (("54.6", "2022"), ("64.6", "2023"), ("56.3", "2024"), ("50.0", "2025-H1")):
    NF("zhipu", "gross_margin", "percent", v, "N09", "claim_b", source="ref-guosisoft-754173537062981", as_of=y,
       note="overall gross margin; N09 cites two sources without attributing each figure")
# N10
ref_article("zhipu", "revenue_share_local_deployment", "84.8", "N10")
ref_article("zhipu", "business_model", "mainly large-model API calls", "N10")
NF("zhipu", "revenue_share_local_deployment", "percent", "84.5", "N10", "claim_b", source="ref-cxyjdsgj-129470", as_of="2024")
NF("zhipu", "revenue_share_local_deployment", "percent", "95.5", "N10", "claim_b", source="ref-cxyjdsgj-129470", as_of="2022")
NF("zhipu", "business_model", "text", "mainly local (on-premise) deployment by revenue", "N10", "claim_b", source="reference-notes",
   status="derived", as_of="2025-H1", note="article's own 84.8% local-deployment share contradicts 'API calls as main business model'")
# N11
ref_article("minimax", "valuation", "4200000000", "N11")
NF("minimax", "valuation", "money", "6500000000", "N11", "claim_b", source="ref-asiaict-13115", currency="USD", qualifier="about",
   as_of="2026-01-09", note="IPO-implied at HK$165 (~HK$50.4bn)")
NF("minimax", "valuation", "money", "50400000000", "N11", "claim_b", source="ref-asiaict-13115", currency="HKD", qualifier="about", as_of="2026-01-09",
   note="IPO-implied at HK$165")
# N12
NF("minimax", "ipo_raise", "money", "4800000000", "N12", "claim_a", side="a", currency="HKD", as_of="2026-01-09", note="incl. upsize")
NF("minimax", "ipo_raise", "money", "5540000000", "N12", "claim_b", source="ref-ginlix-16055", currency="HKD", qualifier="about", as_of="2026-01-09")
NF("minimax", "ipo_raise", "money", "4190000000", "N12", "claim_b", source="ref-ai2work-minimax", currency="HKD", qualifier="about", as_of="2026-01-09",
   note="US$538M base deal")
NF("minimax", "ipo_raise_usd", "money", "538000000", "N12", "claim_b", source="ref-ai2work-minimax", currency="USD", as_of="2026-01-09", note="base deal")
# N13
NF("minimax", "founded_date", "date", "2021-12", "N13", "claim_a", side="a", note="incorporation (December 2021)")
NF("minimax", "founded_date", "date", "2022", "N13", "claim_b", note="early 2022 (operational start, LatePost)")
# N14
NF("deepseek", "founded_date", "date", "2023-05", "N14", "claim_a", side="a", note="spun out of High-Flyer lab started Apr 2023")
NF("deepseek", "founded_date", "date", "2023-07-15", "N14", "claim_b", note="registration date per one source")
NF("deepseek", "lab_start_date", "date", "2023-04", "N14", "claim_a", side="a")
# N15
NF("high-flyer", "founded_date", "date", "2015", "N15", "claim_a", side="a")
NF("high-flyer", "founded_date", "date", "2016-02", "N15", "claim_b")
# N16
NF("prosperity7", "investment_in_zhipu", "money", "400000000", "N16", "claim_a", side="a", status="unverified", currency="USD", as_of="2024")
NF("prosperity7", "investment_in_zhipu", "text", "minority investor in a ~US$400M round (own amount undisclosed)", "N16", "claim_b",
   as_of="2024", note="FT version more credible")
# N17
NF("zhipu", "funding_rounds", "number", "16", "N17", "claim_a", side="a", unit="rounds", as_of="2025-03", note="Reuters count")
NF("zhipu", "funding_rounds", "number", "15", "N17", "claim_a", side="a", source="ref-airevolution-zhipu-state", unit="rounds",
   qualifier="over", as_of="2025-03")
# N18
NF("zhipu", "total_funding", "money", "1500000000", "N18", "claim_b", status="unverified", currency="USD", qualifier="about",
   note="aiwiki figure looks high")
NF("zhipu", "total_funding", "money", "1160000000", "N18", "assessment", source="reference-notes", status="derived", currency="USD",
   qualifier="about", note="8.36bn CNY converted")
# N19
A = kb_article.A
A("glm-coding-plan-lite", "price", "money", "20", "月費最低僅20元人民幣", unit="per_month", currency="CNY", as_of="2025-09",
  ref="N19", note="article's lowest monthly fee, assumed to be the Lite tier; likely first-month/intro price")
NF("glm-coding-plan-lite", "price", "money", "49", "N19", "claim_b", currency="CNY", unit="per_month", as_of="2026-02-12",
   note="after 2026-02-12 repricing")
NF("glm-coding-plan-lite", "price", "money", "118", "N19", "claim_b", source="ref-supercli-coding-plan-wiki", status="unverified",
   currency="CNY", unit="per_month", as_of="2026-08", note="credit-based generation; secondary-low")
NF("glm-coding-plan-pro", "price", "money", "149", "N19", "claim_b", currency="CNY", unit="per_month", as_of="2026-02-12")
NF("glm-coding-plan-max", "price", "money", "469", "N19", "claim_b", currency="CNY", unit="per_month", as_of="2026-02-12")
# N20
NF("glm-coding-plan-lite", "price_international", "money", "3", "N20", "claim_a", side="a", currency="USD", unit="per_month",
   as_of="2025-11", note="first order, 50% off")
NF("glm-coding-plan-lite", "price_international", "money", "10", "N20", "claim_b", currency="USD", unit="per_month", as_of="2026-02-12")
NF("glm-coding-plan-lite", "price_international", "money", "18", "N20", "claim_b", source="ref-indexed-60051586451", status="unverified",
   currency="USD", unit="per_month", as_of="2026-08")
# N21
NF("glm-coding-plan-max", "quota_vs_claude_max", "text", "~3x Claude Max (20x)", "N21", "claim_a", side="a", note="GLM-4.6 doc version")
NF("glm-coding-plan-max", "quota_vs_claude_max", "text", "~3x Claude Max (5x)", "N21", "claim_b", status="unverified",
   note="GLM-4.5 doc version; appears to be a typo")
# N22
for key, a, b in (("kimi-code-andante", "39", "49"), ("kimi-code-moderato", "79", "99"), ("kimi-code-allegretto", "159", "199")):
    NF(key, "price", "money", a, "N22", "claim_a", side="a", currency="CNY", unit="per_month", as_of="2026-05-26",
       note="annual-billing monthly equivalent")
    NF(key, "price", "money", b, "N22", "claim_b", currency="CNY", unit="per_month", as_of="2026-02", note="monthly billing")
# N23
NF("deepseek-v3.2", "output_price", "money", "0.42", "N23", "claim_a", side="a", currency="USD", unit="per_1M_tokens", as_of="2025-12-09",
   note="official page value")
NF("deepseek-v3.2", "output_price", "money", "0.40", "N23", "claim_b", currency="USD", unit="per_1M_tokens", as_of="2026-01-07",
   status="unverified", note="likely rounding/stale entry")
# N24
NF("deepseek-chat", "input_price", "money", "0.60", "N24", "claim_a", side="a", currency="USD", unit="per_1M_tokens", as_of="2026-01-07",
   status="unverified", note="LiteLLM key deepseek-chat; internal inconsistency")
NF("deepseek-chat", "output_price", "money", "1.70", "N24", "claim_a", side="a", currency="USD", unit="per_1M_tokens", as_of="2026-01-07",
   status="unverified", note="LiteLLM key deepseek-chat")
NF("deepseek-chat", "input_price", "money", "0.27", "N24", "claim_b", currency="USD", unit="per_1M_tokens", as_of="2026-01-07",
   status="unverified", note="LiteLLM key deepseek/deepseek-chat; stale V3 price")
NF("deepseek-chat", "output_price", "money", "1.10", "N24", "claim_b", currency="USD", unit="per_1M_tokens", as_of="2026-01-07",
   status="unverified", note="LiteLLM key deepseek/deepseek-chat; stale V3 price")
# N25
for src, i, o, side, who in (("ref-benchable-minimax-m1", "0.30", "1.65", "a", "OpenRouter (provider MiniMax)"),
                             ("ref-ominigate-minimax-m1", "0.40", "2.20", "b", "ominigate"),
                             ("ref-litellm-1-110-2", "0.55", "2.20", "b", "Novita"),
                             ("ref-naga-ac", "0.40", "0.96", "b", "naga.ac")):
    cell = "claim_a" if side == "a" else "claim_b"
    NF("minimax-m1", "input_price", "money", i, "N25", cell, side=side, source=src, currency="USD", unit="per_1M_tokens",
       status="unverified", note="seller: " + who + "; vendor list price not verified")
    NF("minimax-m1", "output_price", "money", o, "N25", cell, side=side, source=src, currency="USD", unit="per_1M_tokens",
       status="unverified", note="seller: " + who + "; vendor list price not verified")
# N26
ref_article("claude-pro", "price", "17", "N26")
NF("claude-pro", "price", "money", "20", "N26", "claim_b", currency="USD", unit="per_month", as_of="2026-06-10",
   note="monthly billing; $17 only with annual ($200/yr) billing")
NF("claude-pro", "annual_price", "money", "200", "N26", "claim_b", currency="USD", unit="per_year", as_of="2026-06-10")
# N27
NF("moonshot", "valuation_target", "money", "10000000000", "N27", "claim_a", side="a", currency="USD", qualifier="about",
   as_of="2026-02-17", status="unverified", note="target, talks ongoing (Bloomberg)")
NF("moonshot", "valuation_target", "money", "10000000000..12000000000", "N27", "claim_b", currency="USD", as_of="2026-02",
   status="unverified", note="reported as completed at $10-12bn")
# N28
NF("baichuan", "founded_date", "date", "2023-04", "N28", "claim_a", side="a")
NF("baichuan", "founded_date", "date", "2023-03", "N28", "claim_b", status="unverified", note="minor discrepancy")
# N29
for k, src in (("moonshot", "ref-frominsideasia-baichuan"), ("baichuan", "ref-frominsideasia-baichuan"),
               ("stepfun", "ref-vacuumtj-16426"), ("01ai", "ref-163-kn3rvgl7")):
    RE(k, "MEMBER_OF", "six-tigers", "N29", "", cells=["claim_b"], status="unverified", source=src,
       note="group label varies by outlet/date")
NF("six-tigers", "membership", "text", "label varies: four AI tigers (Zhipu, Moonshot, MiniMax, Baichuan), five tigers, six dragons incl. StepFun and 01.AI",
   "N29", "claim_b", source="ref-frominsideasia-baichuan", status="unverified")
# N30
NF("openrouter", "article_spelling", "text", "OpenReutor", "N30", "=全球大模型平臺OpenReutor的數據顯示", side="a", source="article")
NF("social-capital", "article_spelling", "text", "Social Capita", "N30", "=硅谷基金Social Capita的創始人", side="a", source="article")
NF("chatbot-arena", "renamed_to", "text", "LMArena (renamed 2025)", "N30", "claim_b", source="reference-notes")
# N31
NF("anthropic-postmortem-2025-09", "event_date", "date", "2025-09-17", "N31", "claim_b", status="secondary")
NF("anthropic-postmortem-2025-09", "affected_period", "period", "2025-08-25..2025-09-02", "N31", "claim_b")
NF("anthropic-postmortem-2025-09", "cause", "text", "TPU misconfiguration affecting Opus 4.1, Opus 4, Sonnet 4", "N31", "claim_b")
# N32
RE("cerebras", "INTEGRATES", "glm-4.6", "N32", "2026-01-07", "model_id=cerebras/zai-glm-4.6;price_row=P039", cells=["claim_b"],
   source="ref-litellm-1-80-12", status="verified")
RE("amazon-bedrock", "INTEGRATES", "kimi-k2-thinking", "N32", "2026-01-07", "model_id=moonshot.kimi-k2-thinking;price_row=P051",
   cells=["claim_b"], source="ref-litellm-1-80-12", status="verified")
RE("amazon-bedrock", "INTEGRATES", "minimax-m2", "N32", "2026-01-07", "model_id=minimax.minimax-m2;price_row=P056",
   cells=["claim_b"], source="ref-litellm-1-80-12", status="verified")
# N33
NF("glm-coding-plan", "paying_developer_count", "number", "150000", "N33", "claim_b", unit="developers", qualifier="over",
   note="within 2 months, globally (prospectus coverage)")
# N34
ref_article("zhipu", "rd_spend", "2195000000", "N34")
NF("zhipu", "rd_spend", "money", "2195400000", "N34", "claim_b", currency="CNY", as_of="2024", status="verified",
   note="prospectus figure; article rounds to 21.95億元")
NF("zhipu", "compute_fees", "money", "1553000000", "N34", "claim_b", currency="CNY", as_of="2024", status="verified")
NF("zhipu", "compute_share_of_rd", "percent", "70.7", "N34", "claim_b", as_of="2024", status="verified")
NF("zhipu", "revenue", "money", "312400000", "N34", "claim_b", currency="CNY", as_of="2024", status="verified")
NF("zhipu", "rd_to_revenue_multiple", "number", "7", "N34", "claim_b", unit="x", qualifier="about", as_of="2024", status="verified")
