# Later additions (appended after kb_article / kb_reference so earlier ids stay stable).
import kb_article
import kb_reference
from kb_article import A, E
from kb_reference import RE, RF

_f0, _e0 = len(kb_article.FACTS), len(kb_article.EDGES)
_rf0, _re0 = len(kb_reference.FACTS), len(kb_reference.EDGES)

# ---------------------------------------------------------------- more article facts
A("tang-jie-internal-letter", "event_date", "date", "2026-01-08", "今天,智譜創立發起人兼首席科學家唐杰發布內部信")
A("tang-jie-internal-letter", "announced", "entity", "glm-5", "宣布將很快推出GLM-5")
A("six-tigers", "regained_glory", "text", "the six tigers regained glory (H2 2025 model breakthroughs)", "六小虎重奪榮耀", as_of="2025")
A("six-tigers", "darkest_moment", "text", "DeepSeek V3/R1 brought the six tigers a darkest moment in reputation and market share",
  "讓六小虎一度迎來口碑和市場份額的至暗時刻", as_of="2025")
A("six-tigers", "industry_consensus", "text", "base-model performance is a model vendor's competitiveness",
  "“基座模型的性能,就是模型廠商的競爭力。”", as_of="2025")
A("six-tigers", "iteration_pace", "text", "flagship iterations faster and quality stays high", "旗艦模型的迭代節奏不僅更快,迭代質量還一直保持在線", as_of="2025")
A("zhipu", "b2b_view_before", "text", "B2B business once thought devastated by DeepSeek", "一度被認為“受到DeepSeek毀滅性打擊”的B端業務", as_of="2025")
A("openrouter", "description_in_article", "text", "global large-model platform", "全球大模型平臺OpenReutor的數據顯示")
A("glm-coding-plan", "target_users", "text", "developers (subscription product)", "面向開發者的訂閱產品GLM Coding")
A("zhipu-maas", "growth_vs_overseas_leaders", "text", "power-law growth clearly better than overseas leaders in the same period",
  "冪次增長態勢顯著優于海外龍頭同期表現", as_of="2025")
A("openai", "effect_on_chinese_startups", "text", "each OpenAI release triggered 'swallowed panic' among Chinese AI founders",
  "都會引發中國AI創業者的“被吞噬恐慌”", as_of="2024")
A("north-america", "market_size_rank", "text", "largest overseas market", "海外最大的北美市場")
A("zhipu", "north_america_access", "text", "appeared to lose entry to North America due to US export controls", "看似在海外最大的北美市場失去了入場機會")
A("social-capital", "location", "text", "Silicon Valley", "硅谷基金Social Capita")
A("chamath-palihapitiya", "stance", "text", "openly led a defection to Chinese models", "就公然帶頭“倒戈”中國模型")
A("zhipu", "belt_and_road_order_period", "period", "2025-01..2025-03", "2025年初,智譜拿下了某“一帶一路”國家的海外訂單",
  qualifier="about", note="年初 = early 2025")
A("zhipu", "role_in_sovereign_ai", "text", "independent third-party model vendor increasingly important for national data security",
  "第三方獨立模型廠商,將承擔愈發重要的角色")
A("wang-huiwen", "entered_llm_race", "text", "among the earliest to enter the LLM race (early 2023)", "王慧文最早躬身入局大模型賽道時",
  as_of="2023", note="article context: 2023年初")
A("six-tigers", "pivots", "text", "two paused pre-training: one focused on healthcare, one pivoted to industry solutions",
  "或聚焦業務,往醫療這一垂類領域發力,或開始轉型,做各類行業解決方案", status="secondary",
  note="article does not name them; commonly reported as Baichuan (healthcare) and 01.AI (industry solutions) - unverified")
A("zhipu-and-minimax", "loss_interpretation", "text", "disclosed losses prove AI is still early and are the price of innovation",
  "MiniMax和智譜披露的虧損,是AI發展仍處于早期的證明")
A("zhipu", "ipo_talent_effect", "text", "IPO gives start-ups louder international talent appeal", "IPO讓初創公司,在國際上有了更響亮的人才號召力")
A("zhipu", "post_ipo_expectation", "text", "fairer valuation and broader international influence", "將有望獲得更公允的價值評判,以及更廣泛的國際影響力")
A("glm-4.5", "developer", "entity", "zhipu", "智譜旗下的模型GLM-4.5")
A("glm-4.6", "developer", "entity", "zhipu", "智譜的模型GLM-4.6")
A("glm-4.7", "developer", "entity", "zhipu", "智譜旗艦模型GLM-4.7")
A("autoglm", "developer", "entity", "zhipu", "是智譜發布的AutoGLM")
A("kimi", "developer", "entity", "moonshot", "首款爆款AI應用Kimi,來自月之暗面")
A("kimi-k2", "developer", "entity", "moonshot", "月之暗面的Kimi-K2")
A("wudao", "developer", "entity", "baai", "出自智源“悟道”")
A("claude-code", "developer", "entity", "anthropic", "Anthropic旗下的Claude Code")
A("claude-code", "criticism", "text", "capability defects (Manpreet Singh, 2025-09)", "控訴Anthropic旗下的Claude Code能力存在缺陷", as_of="2025-09")
A("kimi-k2", "praise", "text", "strong performance, far cheaper than OpenAI and Anthropic (Chamath Palihapitiya)",
  "K2的性能確實足夠強,而且說實話,比OpenAI和Anthropic便宜太多了。")
A("glm-4.5", "price_positioning", "text", "coding close to Claude Sonnet 4 at 1/7 of its API price", "但API價格僅為后者的1/7", as_of="2025-09")
A("malaysia", "announced", "entity", "malaysia-national-maas", "近期馬來西亞宣布其國家級MaaS平臺")
A("zhipu", "deployment_business", "text", "local (on-premise/private) deployment was the main revenue source in H1 2025",
  "來自本地化部署的收入占比高達84.8%", as_of="2025-H1")
A("deepseek", "open_source_pressure", "text", "six tigers had to follow open-source DeepSeek, giving up closed-source profits",
  "為了同開源的DeepSeek爭取市場聲量", as_of="2025")
A("deepseek", "architecture_innovation", "text", "innovative training and inference architecture", "創新的訓練和推理架構,讓DeepSeek一躍成為國際上知名度最高的中國大模型")
A("openai", "ceo", "entity", "sam-altman", "OpenAI創始人兼CEO Sam Altman")
A("zhipu", "chief_scientist", "entity", "tang-jie", "智譜創立發起人兼首席科學家唐杰")
A("zhipu", "senior_vice_president", "entity", "wu-weijie", "智譜高級副總裁吳瑋杰")
A("linear-capital", "managing_director", "entity", "zheng-can", "線性資本董事總經理鄭燦")
A("social-capital", "founder", "entity", "chamath-palihapitiya", "Social Capita的創始人Chamath Palihapitiya")
A("meituan", "co_founder", "entity", "wang-huiwen", "美團聯合創始人王慧文")
A("glm-4.5", "successor", "entity", "glm-4.6", "GLM-4.5發布僅兩個月后")
A("glm-4.6", "successor", "entity", "glm-4.7", "GLM-4.6;3個月后,在主流基準測試中")
A("glm-4.7", "successor", "entity", "glm-5", "宣布將很快推出GLM-5")
A("mistral", "description_in_article", "text", "French AI model company", "法國AI模型公司Mistral AI")
A("hkex", "listings", "text", "Zhipu listed 2026-01-08; MiniMax to ring the bell one day later",
  "智譜,正式在港交所掛牌上市,成為“全球大模型第一股”")

A("wu-weijie", "posted_on", "entity", "xiaohongshu", "智譜高級副總裁吳瑋杰在小紅書表示")
A("zhipu-maas", "domain", "text", "bigmodel.cn", "智譜MaaS開放平臺(bigmodel.cn)")
A("zhipu", "international_brand", "text", "Z.ai", "基于智譜Z.ai的開源基礎模型構建")

A("europe", "mentioned_as", "text", "home of rivals Zhipu gets ahead of in emerging markets (OpenAI analysts)",
  "在美國或歐洲競爭對手之前", as_of="2025-06")
A("anthropic", "growth_pattern", "text", "exponential growth (Zhipu MaaS said to grow in step)", "與Anthropic指數級增長同頻")
A("usa", "export_controls_on", "entity", "zhipu", "受到美國出口管制的智譜")

# article edges added later
E("zhipu", "OPERATES", "zhipu-maas", "智譜MaaS開放平臺(bigmodel.cn)")
E("glm-4.5", "COMPETES_WITH", "deepseek", "為了爭奪全球開源模型的SOTA的位置", as_of="2025-07", props="note=July 2025 open-source SOTA race")
E("kimi-k2", "COMPETES_WITH", "openai", "比OpenAI和Anthropic便宜太多了", props="topic=price")
E("kimi-k2", "COMPETES_WITH", "anthropic", "比OpenAI和Anthropic便宜太多了", props="topic=price")
E("claude-opus-4.1", "SUCCEEDS", "claude-opus-4", "Claude Opus 4.1和Opus 4")
E("moonshot", "MEMBER_OF", "six-tigers", "首款爆款AI應用Kimi,來自月之暗面", status="unverified",
  props="note=article lists Moonshot's Kimi among start-up milestones; membership per common usage")
E("us-export-controls", "BASED_IN", "usa", "受到美國出口管制的智譜")
E("alibaba", "DEVELOPS", "alibaba-cloud", "騰訊、字節、阿里的持續高調入場")

# ---------------------------------------------------------------- price-table structure edges (ref = P row)
PCELLS = ["vendor", "=-", "product_or_model", "tier_or_variant"]
RE("anthropic", "OFFERS", "claude-pro", "P001", "2026-06-10", "billing=monthly;price=20;currency=USD", cells=PCELLS)
RE("anthropic", "OFFERS", "claude-max", "P003", "2026", cells=PCELLS)
RE("claude-max-5x", "MEMBER_OF", "claude-max", "P003", "2026", "price=100;currency=USD", cells=PCELLS)
RE("claude-max-20x", "MEMBER_OF", "claude-max", "P004", "2026", "price=200;currency=USD", cells=PCELLS)
RE("claude-max", "INCLUDES", "claude-code", "P003", "2026", cells=PCELLS)
RE("zhipu", "OFFERS", "glm-coding-plan", "P009", "2026-02-12", cells=PCELLS)
RE("glm-coding-plan-lite", "MEMBER_OF", "glm-coding-plan", "P009", "2026-02-12", "tier=Lite", cells=PCELLS)
RE("glm-coding-plan-pro", "MEMBER_OF", "glm-coding-plan", "P010", "2026-02-12", "tier=Pro", cells=PCELLS)
RE("glm-coding-plan-max", "MEMBER_OF", "glm-coding-plan", "P011", "2026-02-12", "tier=Max", cells=PCELLS)
RE("glm-coding-plan-lite", "INCLUDES", "glm-5.3", "P012", "2026-08", cells=["quota_or_terms"])
RE("zhipu", "DEVELOPS", "glm-5.3", "P012", "2026-08", cells=["quota_or_terms"])
RE("moonshot", "OFFERS", "kimi-code", "P022", "2026-02", cells=PCELLS)
for p, k in (("P021", "kimi-code-adagio"), ("P022", "kimi-code-andante"), ("P024", "kimi-code-moderato"), ("P026", "kimi-code-allegretto")):
    RE(k, "MEMBER_OF", "kimi-code", p, "2026", cells=PCELLS)
RE("kimi-code", "INCLUDES", "kimi-k2.5", "P022", "2026-02", cells=["quota_or_terms"])
RE("moonshot", "DEVELOPS", "kimi-k2.5", "P022", "2026-02", cells=["quota_or_terms"])
RE("minimax", "OFFERS", "minimax-coding-plan", "P029", "2026", cells=PCELLS)
for p, k in (("P029", "minimax-coding-plan-starter"), ("P030", "minimax-coding-plan-plus"), ("P031", "minimax-coding-plan-max")):
    RE(k, "MEMBER_OF", "minimax-coding-plan", p, "2026", cells=PCELLS)
RE("minimax-coding-plan", "INCLUDES", "minimax-m2.1", "P029", "2026", cells=["quota_or_terms"])
RE("minimax", "DEVELOPS", "minimax-m2.1", "P054", "2026-01-07", cells=["note"])
RE("minimax", "DEVELOPS", "minimax-m3", "P032", "2026-06-01", cells=["as_of"])
RE("minimax", "OPERATES", "minimax-open-platform", "P032", "2026", cells=["sold_on"])
RE("moonshot", "OPERATES", "moonshot-open-platform", "P047", "2026-01-07", cells=["sold_on"])
RE("zhipu", "DEVELOPS", "glm-4.5-air", "P034", "2026-01-07", cells=PCELLS)
RE("zhipu", "DEVELOPS", "glm-4.5-x", "P037", "2026-01-07", cells=PCELLS)
RE("zhipu", "DEVELOPS", "glm-4.5-airx", "P037", "2026-01-07", cells=PCELLS)
RE("anthropic", "DEVELOPS", "claude-sonnet-4", "P043", "2026-01-07", cells=PCELLS)
RE("anthropic", "DEVELOPS", "claude-sonnet-4.5", "P044", "2026-01-07", cells=PCELLS)
RE("moonshot", "DEVELOPS", "kimi-k2-thinking", "P049", "2026-01-07", cells=PCELLS)
RE("moonshot", "DEVELOPS", "kimi-k2-turbo", "P048", "2026-01-07", cells=PCELLS)
RE("minimax", "DEVELOPS", "minimax-m2", "P054", "2026-01-07", cells=PCELLS)
RE("minimax", "DEVELOPS", "minimax-m1", "P057", "2026", cells=PCELLS)
RE("deepseek", "DEVELOPS", "deepseek-v3.1", "P062", "2025-08", cells=PCELLS)
RE("deepseek", "DEVELOPS", "deepseek-v3.2", "P066", "2025-12", cells=PCELLS)
RE("deepseek", "OPERATES", "deepseek-chat", "P060", "2025", cells=PCELLS)
RE("openai", "DEVELOPS", "gpt-4o", "P072", "2026-01-07", cells=PCELLS)
RE("openai", "DEVELOPS", "gpt-5", "P073", "2026-01-07", cells=PCELLS)
RE("kimi-k2-thinking", "SUCCEEDS", "kimi-k2", "P049", "2026-01-07", cells=PCELLS)
RE("deepseek-v3.1", "SUCCEEDS", "deepseek-v3", "P064", "2025", cells=PCELLS)
RE("deepseek-v3.2", "SUCCEEDS", "deepseek-v3.1", "P066", "2025-12", cells=PCELLS)
RE("minimax-m2", "SUCCEEDS", "minimax-m1", "P054", "2025", cells=PCELLS)
RE("claude-sonnet-4.5", "SUCCEEDS", "claude-sonnet-4", "P044", "2025", cells=PCELLS)
RE("glm-4.5-air", "MEMBER_OF", "glm", "P034", "2026-01-07", cells=PCELLS)
RE("glm-5.3", "MEMBER_OF", "glm", "P012", "2026-08", cells=["quota_or_terms"])
# resellers / platforms serving models
for src, dst, p in (("openrouter", "glm-4.6", "P038"), ("deepinfra", "glm-4.5", "P040"), ("alibaba-bailian", "glm-4.5", "P041"),
                    ("alibaba-bailian", "glm-4.5-air", "P042"), ("openrouter", "claude-sonnet-4", "P046"),
                    ("qiniu", "kimi-k2", "P050"), ("openrouter", "kimi-k2", "P052"), ("groq", "kimi-k2", "P053"),
                    ("openrouter", "minimax-m2", "P055"), ("openrouter", "minimax-m1", "P057"), ("ominigate", "minimax-m1", "P058"),
                    ("novita", "minimax-m1", "P059"), ("fireworks", "deepseek-v3.1", "P063"), ("deepinfra", "deepseek-v3.1", "P064"),
                    ("openrouter", "deepseek-v3.1", "P065"), ("openrouter", "deepseek-v3.2", "P068"), ("openrouter", "deepseek-r1", "P069"),
                    ("azure-ai-foundry", "deepseek-r1", "P070"), ("azure-ai-foundry", "deepseek-v3.2", "P071"), ("openrouter", "gpt-5", "P074"),
                    ("amazon-bedrock", "kimi-k2-thinking", "P051"), ("amazon-bedrock", "minimax-m2", "P056"), ("cerebras", "glm-4.6", "P039")):
    RE(src, "INTEGRATES", dst, p, "", "seller_type=" + kb_reference.PRICES[p]["seller_type"], cells=PCELLS)
RE("alibaba-cloud", "OPERATES", "alibaba-bailian", "P041", "2025", cells=["vendor"])
RE("microsoft", "OPERATES", "azure-ai-foundry", "P070", "2026-01-07", cells=["vendor"])

# ---------------------------------------------------------------- more investors.tsv detail
RF("meituan", "stake_value_at_ipo", "money", "2000000000", "I009", "detail", currency="HKD", qualifier="about", as_of="2026-01-08", source="ref-reportify-cn-zhipu")
RF("legend-capital", "stake_value_at_ipo", "money", "3150000000", "I018", ["amount", "currency"], currency="HKD", qualifier="about", as_of="2026-01-08")
RF("ant-group", "stake_value_at_ipo", "money", "1869000000", "I019", ["amount", "currency"], currency="HKD", qualifier="about", as_of="2026-01-08")
RF("capital-today", "stake_value_at_ipo", "money", "1319000000", "I020", ["amount", "currency"], currency="HKD", qualifier="about", as_of="2026-01-08")
RF("qiming", "stake_value_at_ipo", "money", "1164000000", "I021", ["amount", "currency"], currency="HKD", qualifier="about", as_of="2026-01-08")
RF("legend-capital", "ipo_holder_status", "text", "senior independent investor (with Meituan and Qiming)", "I018", "detail", as_of="2026-01-08")
RF("zhipu", "valuation", "money", "3500000000", "I016", "detail", currency="USD", qualifier="about", as_of="2025-05", note="B6 post-money in USD")
RF("stepfun", "round_amount_usd", "money", "720000000", "I055", "currency", currency="USD", qualifier="about", as_of="2026-01-26")
RF("stepfun", "round_note", "text", "largest China foundation-model private round in the prior 12 months", "I055", "detail", as_of="2026-01-26")
RF("baichuan", "valuation", "money", "2800000000", "I051", "valuation_currency", currency="USD", qualifier="about", as_of="2024-07")
RF("moonshot", "round_note", "text", "largest single Chinese LLM round at the time (Series B)", "I044", "detail", as_of="2024-02")
RF("01ai", "unicorn_time", "number", "8", "I058", "detail", unit="months", qualifier="under", as_of="2023-11")
RF("yin-qi", "joined_stepfun", "text", "joined as chairman with the B+ round", "I053", "detail", as_of="2026-01")
RF("zhipu", "ipo_board", "text", "HKEX main board, Chapter 18C", "I024", "party", as_of="2026-01-08")
RF("minimax", "ipo_offer_size_usd", "money", "538000000", "I036", "amount", currency="USD", as_of="2026-01-09", note="base offer (~HK$4.19bn)")

FACTS = kb_article.FACTS[_f0:] + kb_reference.FACTS[_rf0:]
EDGES = kb_article.EDGES[_e0:] + kb_reference.EDGES[_re0:]
del kb_article.FACTS[_f0:]
del kb_article.EDGES[_e0:]
del kb_reference.FACTS[_rf0:]
del kb_reference.EDGES[_re0:]
