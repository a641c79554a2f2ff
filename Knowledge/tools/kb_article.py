# Facts and edges taken from the seed article (source id `article`, status `secondary`).
# Quotes are exact substrings of the article; build.py checks them.

ART = "2026-01-08"

FACTS = []   # dicts; ids assigned in order by build.py (append only to keep ids stable)
EDGES = []


def A(subject, predicate, typ, value, quote, unit="", currency="", qualifier="", as_of=ART,
      note="", status="secondary", source="article", ref=""):
    FACTS.append(dict(subject=subject, predicate=predicate, type=typ, value=str(value), unit=unit,
                      currency=currency, qualifier=qualifier, as_of=as_of, source=source,
                      quote=quote, status=status, ref=ref, note=note))


def E(src, typ, dst, quote, as_of=ART, props="", status="secondary", source="article", ref=""):
    EDGES.append(dict(src=src, type=typ, dst=dst, as_of=as_of, source=source, quote=quote,
                      status=status, ref=ref, props=props))


# ---------------------------------------------------------------- headline / IPOs
A("zhipu", "listing_date", "date", "2026-01-08", "2026年1月8日,中國AI大模型初創公司智譜,正式在港交所掛牌上市")
A("zhipu", "listing_exchange", "entity", "hkex", "智譜,正式在港交所掛牌上市")
A("zhipu", "nickname", "text", "world's first large-model stock", "成為“全球大模型第一股”")
A("zhipu", "company_type", "text", "Chinese AI large-model start-up", "中國AI大模型初創公司智譜")
A("minimax", "listing_date", "date", "2026-01-09", "一天后,另一家模型公司MiniMax,也將緊隨其后敲鐘",
  note="article: one day after Zhipu's 2026-01-08 listing")
A("zhipu-ipo", "event_date", "date", "2026-01-08", "2026年1月8日,中國AI大模型初創公司智譜,正式在港交所掛牌上市")
A("minimax-ipo", "event_date", "date", "2026-01-09", "一天后,另一家模型公司MiniMax,也將緊隨其后敲鐘")
A("zhipu", "milestone", "text", "first large-model start-up in the world to IPO", "全球首家IPO的大模型初創企業,也是來自中國的智譜")
A("six-tigers", "tech_wave_duration", "text", "3 years", "技術變革僅僅席卷三年",
  note="the technology wave has lasted only three years (2023-2026)")
A("six-tigers", "rise_year", "date", "2023", "2023年,這些AGI(通用人工智能)的理想主義者,快速被推至臺前")

# ---------------------------------------------------------------- DeepSeek shock
A("deepseek", "breakout_period", "period", "2025-01..2025-03", "比如2025年初,DeepSeek的異軍突起", qualifier="about",
  note="年初 = early 2025; month range approximate")
A("deepseek-shock", "event_date", "period", "2025-01..2025-03", "比如2025年初,DeepSeek的異軍突起", qualifier="about",
  note="年初 = early 2025")
A("six-tigers", "response_to_deepseek", "text", "several had to quickly adjust business and cut teams",
  "促使六小虎中的幾家不得不迅速調整業務、裁撤團隊", as_of="2025")
A("deepseek", "breakout_models", "text", "DeepSeek V3 and R1 reputation explosion early 2025",
  "年初DeepSeek V3、R1的口碑爆發", as_of="2025")
A("deepseek", "reputation", "text", "most internationally known Chinese large model",
  "讓DeepSeek一躍成為國際上知名度最高的中國大模型", as_of="2025")
A("deepseek", "open_source", "bool", "true", "為了同開源的DeepSeek爭取市場聲量", as_of="2025")
A("six-tigers", "response_to_deepseek", "text", "gave up part of closed-source profits to follow fast",
  "六小虎也不得不忍痛割去閉源的部分利潤,快速跟進", as_of="2025")
A("six-tigers", "job_seeking_share", "percent", "41.07", "截至2025年7月,41.07%的六小虎員工,將自己的狀態改成了“求職中”",
  as_of="2025-07", note="data from Maimai (脈脈); share of six-tiger employees whose status is 'job seeking'")
A("maimai", "reported", "text", "41.07% of six-tiger employees set status to job-seeking (as of 2025-07)",
  "脈脈數據顯示,截至2025年7月,41.07%的六小虎員工", as_of="2025-07")
A("six-tigers", "model_breakthrough_period", "period", "2025-07..2025-12", "2025下半年以來,在模型研發的突破上,六小虎展現出了遠超預期的爆發力",
  note="second half of 2025")
A("deepseek", "market_view_after_half_year", "text", "after half a year the market's enthusiasm for DeepSeek returned to rationality",
  "半年后,市場對DeepSeek的追捧回歸了理性", as_of="2025")
A("deepseek", "weakness", "text", "many hallucinations; weak at truly understanding business (B2B customers' view)",
  "部署DeepSeek的弊端:幻覺多,在真正理解業務上有短板", as_of="2025")
A("deepseek", "effect_on_b2b", "text", "did market education for enterprise customers",
  "DeepSeek的爆火,也變相完成了對企業客戶的市場教育", as_of="2025")

# ---------------------------------------------------------------- GLM model releases
A("glm-4.5", "release_date", "date", "2025-07-28", "2025年7月28日發布的GLM-4.5")
A("glm-4.5", "hf_trending_time_to_top", "number", "48", "首發48小時內就一躍沖上Hugging Face的全球熱門榜榜首",
  unit="hours", qualifier="at-most", as_of="2025-07", note="reached #1 on the Hugging Face global trending list within 48 hours of launch")
A("glm-4.5", "hf_trending_rank", "text", "#1 on Hugging Face global trending list",
  "一躍沖上Hugging Face的全球熱門榜榜首", as_of="2025-07")
A("glm-4.5", "chatbot_arena_rank", "number", "5", "GLM-4.5在權威模型競技場ChatBot Arena及WebDev Arena全球排行榜中,還穩居全球前五",
  qualifier="at-most", as_of="2025-09", note="global top five (前五)")
A("glm-4.5", "webdev_arena_rank", "number", "5", "GLM-4.5在權威模型競技場ChatBot Arena及WebDev Arena全球排行榜中,還穩居全球前五",
  qualifier="at-most", as_of="2025-09", note="global top five (前五)")
A("glm-4.5", "competition_context", "text", "July 2025 fight for open-source SOTA",
  "頗具火藥味的一幕發生在2025年7月。為了爭奪全球開源模型的SOTA的位置", as_of="2025-07")
A("glm-4.6", "months_after_predecessor", "text", "2 months", "GLM-4.5發布僅兩個月后,智譜又交出了在Coding能力上與Anthropic、OpenAI并列第一的GLM-4.6",
  note="released two months (兩個月) after GLM-4.5; stored as text because the article uses a Chinese numeral")
A("glm-4.6", "release_date", "date", "2025-09", "GLM-4.5發布僅兩個月后,智譜又交出了", status="derived",
  note="2025-07-28 + two months (article); month only")
A("glm-4.6", "coding_rank", "text", "tied first in coding with Anthropic and OpenAI",
  "在Coding能力上與Anthropic、OpenAI并列第一的GLM-4.6")
A("glm-4.7", "months_after_predecessor", "number", "3", "GLM-4.6;3個月后,在主流基準測試中", unit="months",
  note="GLM-4.7 open-sourced three months after GLM-4.6")
A("glm-4.7", "release_date", "date", "2025-12", "12月,在模型綜合能力榜單Artificial Analysis中,GLM-4.7", status="derived",
  note="GLM-4.6 (2025-09) + 3 months; consistent with the December Artificial Analysis ranking")
A("glm-4.7", "benchmark_parity_with", "entity", "claude-sonnet-4.5", "代碼能力對齊Claude Sonnet 4.5的GLM-4.7",
  note="coding ability on par with Claude Sonnet 4.5 on mainstream benchmarks")
A("glm-4.7", "open_source", "bool", "true", "又緊接著開源")
A("glm-4.7", "artificial_analysis_rank", "text", "#1 open-source model and #1 Chinese model (double first)",
  "GLM-4.7獲得開源模型與國產模型雙料榜首", as_of="2025-12")
A("glm-4.7", "is_flagship", "bool", "true", "在智譜旗艦模型GLM-4.7發布后")
A("glm-5", "status", "text", "announced as coming soon (internal letter by Tang Jie)", "宣布將很快推出GLM-5")
A("tang-jie", "announced", "entity", "glm-5", "唐杰發布內部信,宣布將很快推出GLM-5")
A("tang-jie", "title", "text", "founding initiator and chief scientist of Zhipu", "智譜創立發起人兼首席科學家唐杰")

# ---------------------------------------------------------------- ARR / business
A("zhipu-maas", "arr", "money", "20000000", "ARR年化收入從2000萬增至超5億", currency="CNY", as_of="2025-03",
  note="starting point of the 10-month growth; currency not stated in article (presumably CNY, see N06); as_of approximate (10 months before the letter)")
A("zhipu-maas", "arr", "money", "500000000", "ARR年化收入從2000萬增至超5億", currency="CNY", qualifier="over",
  note="after GLM-4.7 release; currency not stated (presumably CNY)")
A("zhipu", "maas_arr", "money", "500000000", "其MaaS ARR年化收入從2000萬增至超5億", currency="CNY", qualifier="over",
  note="Zhipu MaaS annualised revenue after GLM-4.7; currency presumably CNY")
A("zhipu-maas", "arr_growth_multiple", "number", "25", "10個月獲25倍增幅", unit="x")
A("zhipu-maas", "arr_growth_period", "number", "10", "10個月獲25倍增幅", unit="months")
A("zhipu-maas", "growth_compared_to", "entity", "anthropic", "與Anthropic指數級增長同頻",
  note="growth said to be in step with Anthropic's exponential growth")
A("zhipu-maas", "yoy_growth", "percent", "900", "2025年全年,智譜MaaS同比增速超900%", qualifier="over", as_of="2025")
A("zhipu", "maas_yoy_growth", "percent", "900", "智譜MaaS同比增速超900%", qualifier="over", as_of="2025")
A("glm-coding-plan", "arr", "money", "100000000", "ARR在上線2個月內,就快速突破了1億元", currency="CNY", qualifier="over",
  note="within 2 months of launch")
A("glm-coding-plan", "time_to_arr_100m_cny", "number", "2", "ARR在上線2個月內,就快速突破了1億元", unit="months", qualifier="at-most")
A("glm-coding-plan", "sold_on", "entity", "zhipu-maas", "僅智譜MaaS開放平臺(bigmodel.cn)中面向開發者的訂閱產品GLM Coding")
A("zhipu", "business_model", "text", "mainly large-model API calls", "以大模型API調用為主要商業模式的智譜",
  note="contradicted by the article's own 84.8% local-deployment revenue share (see N10)")
A("zhipu", "b2b_turnaround", "text", "B2B business became 'certain money' in H2 2025", "B端業務,反而在下半年成為了“確定的錢”", as_of="2025")
A("zhipu", "revenue_share_local_deployment", "percent", "84.8", "2025年上半年,來自本地化部署的收入占比高達84.8%", as_of="2025-H1",
  note="from the prospectus")
A("zhipu", "first_growth_curve", "text", "API calls and subscriptions replacing local deployment", "API調用和訂閱,已經逐漸代替本地化部署,成為智譜收入的第一增長曲線")
A("zhipu", "customer_share_government", "percent", "20", "G端客戶不到20%", qualifier="under",
  note="per SVP Wu Weijie on Xiaohongshu")
A("zhipu", "customer_share_internet", "percent", "50", "互聯網占比50%", note="per SVP Wu Weijie on Xiaohongshu")
A("zhipu", "gross_margin_local_deployment", "percent", "60", "公司本地化的毛利率一直保持在60%以上", qualifier="over",
  note="per SVP Wu Weijie; contradicted by prospectus 59.1% (H1 2025), see N09")
A("zhipu", "gross_margin_multiple_vs_traditional", "number", "2", "是傳統公司均值的2倍", unit="x",
  note="local-deployment gross margin vs traditional companies' average")
A("zhipu", "receivable_period", "text", "far below industry average", "賬期也遠低于行業平均水平")
A("zhipu", "openrouter_usage_rank", "number", "10", "GLM-4.5和GLM-4.6自上線以來,調用量穩居全球前10", qualifier="at-most",
  note="GLM-4.5 and GLM-4.6 usage in global top 10 on OpenRouter ('OpenReutor')")
A("glm-4.5", "openrouter_usage_rank", "number", "10", "GLM-4.5和GLM-4.6自上線以來,調用量穩居全球前10", qualifier="at-most")
A("glm-4.6", "openrouter_usage_rank", "number", "10", "GLM-4.5和GLM-4.6自上線以來,調用量穩居全球前10", qualifier="at-most")
A("zhipu", "openrouter_paid_revenue", "text", "paid-traffic revenue on OpenRouter exceeds all other Chinese models combined",
  "同時付費流量收入超過所有國產模型之和")
A("zhipu", "subject_to_export_controls", "bool", "true", "受到美國出口管制的智譜")
A("zhipu", "paying_developer_count", "number", "150000", "智譜面向開發者的模型業務獲得自全球184個國家的15萬開發者每月付費",
  unit="developers", note="developers paying monthly")
A("zhipu", "paying_developer_countries", "number", "184", "獲得自全球184個國家的15萬開發者每月付費", unit="countries")
A("zhipu", "top10_internet_companies_using", "text", "9 of the top 10", "前十大互聯網公司九家都在用他們的模型",
  note="nine of the top ten internet companies use Zhipu models")
A("zhipu", "coding_platform_coverage", "text", "covers coding platforms of almost all top internet companies", "幾乎涵蓋所有頭部互聯網大廠的coding平臺")
A("minimax", "overseas_revenue_share", "percent", "73.1", "2025年截至9月30日,MiniMax的境外收入,占到了總收入的73.1%",
  as_of="2025-01..2025-09", note="period 2025-01-01..2025-09-30, from prospectus")

# ---------------------------------------------------------------- sovereign AI / overseas
A("zhipu", "overseas_order_value", "text", "~US$10 million (千萬美元)", "智譜拿下了某“一帶一路”國家的海外訂單,價值千萬美元", as_of="2025", note="千萬美元 = order of ten million US dollars; early 2025; Belt and Road country unnamed")
A("malaysia-national-maas", "built_on", "entity", "zhipu", "馬來西亞宣布其國家級MaaS平臺,基于智譜Z.ai的開源基礎模型構建",
  note="built on Zhipu Z.ai open-source base models")
A("zhipu", "order_nature", "text", "co-building national sovereign large models", "這些訂單的性質,是“國家級主權大模型”的共建")
A("zhipu", "government_orders", "text", "won government orders in multiple regions (per OpenAI analysts)", "2025年6月,OpenAI分析師發現,智譜在多個地區獲得了政府的訂單",
  as_of="2025-06")
A("openai-analysts", "said", "text", "Zhipu locks Chinese systems and standards into emerging markets before US or European rivals",
  "在美國或歐洲競爭對手之前,(智譜)將中國的系統和標準鎖定在新興市場。", as_of="2025-06")
A("openai-analysts", "said", "text", "Zhipu shows a responsible, transparent, auditable Chinese AI alternative",
  "智譜展示了一種負責任的、透明的、隨時可審計的中國AI替代方案。", as_of="2025-06")
A("wu-weijie", "said", "text", "China is starting to export sovereign large models and build digital sovereignty for nations",
  "中國開始輸出主權大模型,替國家構建數字主權。")
A("wu-weijie", "said", "text", "G-end customers <20%, internet 50%, local-deployment gross margin >60% (2x traditional average)",
  "在智譜的客戶群中,G端客戶不到20%,互聯網占比50%")
A("wu-weijie", "title", "text", "senior vice president of Zhipu", "智譜高級副總裁吳瑋杰")

# ---------------------------------------------------------------- China vs OpenAI
A("china", "llm_gap_vs_openai", "number", "6", "中國大模型與OpenAI差了將近6個月的時間", unit="months", qualifier="nearly",
  as_of="2024-12", note="consensus among senior AI practitioners at end of 2024")
A("sam-altman", "said", "text", "any start-up or product trying to build inside our blast radius will be crushed",
  "任何試圖在我們爆炸半徑內建立的初創公司或產品,都會被碾壓。")
A("sam-altman", "title", "text", "founder and CEO of OpenAI", "OpenAI創始人兼CEO Sam Altman")

# ---------------------------------------------------------------- Claude / GLM price comparison
A("manpreet-singh", "occupation", "text", "data scientist from the US", "一名來自美國的數據科學家Manpreet Singh發帖", as_of="2025-09")
A("manpreet-singh", "complained_about", "entity", "claude-code", "控訴Anthropic旗下的Claude Code能力存在缺陷", as_of="2025-09")
A("manpreet-singh", "switched_to", "entity", "glm-4.5", "最后,這名數據科學家轉向使用智譜旗下的模型GLM-4.5", as_of="2025-09")
A("anthropic", "admitted", "text", "Claude Opus 4.1 and Opus 4 quality dropped due to inference-stack update issues",
  "由于推理堆棧的更新問題,Claude Opus 4.1和Opus 4的質量的確有所下降", as_of="2025-09")
A("claude-opus-4.1", "quality_issue", "text", "quality dropped due to inference-stack update", "Claude Opus 4.1和Opus 4的質量的確有所下降", as_of="2025-09")
A("claude-opus-4", "quality_issue", "text", "quality dropped due to inference-stack update", "Claude Opus 4.1和Opus 4的質量的確有所下降", as_of="2025-09")
A("claude-pro", "price", "money", "17", "也要每個月17美元", unit="per_month", currency="USD", as_of="2025-09",
  note="lowest subscription incl. Claude Code; $17 is the annual-billing monthly equivalent (see N26)")
A("claude-pro", "price", "money", "120", "合人民幣約120元", unit="per_month", currency="CNY", qualifier="about", as_of="2025-09",
  note="CNY conversion of US$17 given by the article")
A("claude-pro", "excludes", "entity", "claude-opus-4.1", "Pro方案,不包含Opus 4.1的使用權益", as_of="2025-09")
A("claude-pro", "includes_product", "entity", "claude-code", "包含Claude Code使用權益的最低訂閱價(Pro方案", as_of="2025-09")
A("claude-code", "min_subscription_price", "money", "17", "包含Claude Code使用權益的最低訂閱價(Pro方案,不包含Opus 4.1的使用權益),也要每個月17美元",
  unit="per_month", currency="USD", as_of="2025-09")
A("glm-4.5", "coding_performance", "text", "close to Claude Sonnet 4", "GLM-4.5的Coding性能接近Claude Sonnet 4", as_of="2025-09")
A("glm-4.5", "api_price_cheaper_multiple", "number", "7", "API價格僅為后者的1/7", unit="x", as_of="2025-09",
  note="API price is 1/7 of Claude Sonnet 4's, i.e. 7x cheaper (blogger claim); vs=claude-sonnet-4")
A("glm-coding-plan", "lowest_price", "money", "20", "月費最低僅20元人民幣", unit="per_month", currency="CNY", as_of="2025-09",
  note="lowest monthly fee; probably first-month/promotional (see N19)")
A("glm-coding-plan", "price_cheaper_multiple", "number", "6", "價格是Claude Code的1/6", unit="x", as_of="2025-09",
  note="price is 1/6 of Claude Code (Claude Pro), i.e. 6x cheaper; vs=claude-code")
A("glm-coding-plan", "includes_feature", "text", "coding functionality", "包含Coding功能的GLM Coding Plan", as_of="2025-09")

# ---------------------------------------------------------------- integrations / global
A("glm-4.6", "integrated_by", "text", "Cerebras, Cline, Kilo, Vercel, Cursor, Windsurf",
  "主流AI平臺Cline、Kilo、Vercel,以及AI Coding頂流工具Cursor和Windsurf", as_of="2025")
A("cerebras", "description_in_article", "text", "world's largest inference-chip company", "全球最大推理芯片公司Cerebras")
A("kimi-k2", "available_on", "entity", "amazon-bedrock", "月之暗面的Kimi-K2、MiniMax的模型,近期也上架了亞馬遜云科技的模型服務平臺Bedrock")
A("minimax", "models_available_on", "entity", "amazon-bedrock", "MiniMax的模型,近期也上架了亞馬遜云科技的模型服務平臺Bedrock")
A("chamath-palihapitiya", "said", "text", "K2 performance is strong enough and much cheaper than OpenAI and Anthropic",
  "K2的性能確實足夠強,而且說實話,比OpenAI和Anthropic便宜太多了。")
A("chamath-palihapitiya", "moved_workloads_to", "entity", "kimi-k2", "將大量工作負載轉向Kimi K2后")
A("china", "models_seen_by_world", "text", "Chinese models being seen by the world is a certain fact", "中國模型被世界看到,已經是確定性的事實")

# ---------------------------------------------------------------- quotes by people
A("zheng-can", "said", "text", "DeepSeek's role was especially in market education, saving a lot of cost",
  "DeepSeek的作用,尤其體現在市場教育方面,格外節省了成本。")
A("zheng-can", "title", "text", "managing director of Linear Capital", "線性資本董事總經理鄭燦")
A("wang-huiwen", "said", "text", "everyone in AI should pull together and not undermine each other",
  "現在(AI領域)我覺得大家要同舟共濟,別互相拆臺。", as_of="2023")
A("wang-huiwen", "said", "text", "I applaud everyone who dares to take this road; those on the road are all warriors",
  "勇于踏上這條路的人我都鼓掌,上路的都是勇士。", as_of="2023")
A("wang-huiwen", "title", "text", "co-founder of Meituan", "美團聯合創始人王慧文")
A("zhipu-investor-anon", "said", "text", "after DeepSeek every Zhipu model iteration was a last-ditch fight to make performance 'sharpest'",
  "智譜的員工都抱著“背水一戰”的信念,將性能打磨到“最Sharp”", as_of="2025")
A("liang-wenfeng", "said", "text", "talent pay matching top big tech firms and unlimited compute budget",
  "與頭部大廠匹配的人才薪資", note="also: 不設上限的算力額度 (no cap on compute)")
A("liang-wenfeng", "said", "text", "no upper limit on compute quota", "不設上限的算力額度")
A("deepseek", "innovations", "text", "MLA, new MoE architecture, self-play", "在MLA、新MoE架構、self-play等技術上的一系列創新")

# ---------------------------------------------------------------- firsts
A("wudao", "milestone", "text", "China's first MoE (mixture-of-experts) large model", "中國首個MoE(混合專家架構)大模型,出自智源“悟道”")
A("kimi", "milestone", "text", "China's first hit AI application", "首款爆款AI應用Kimi,來自月之暗面")
A("autoglm", "milestone", "text", "world's first general agent able to operate a phone", "全球首個能操作手機的通用Agent,是智譜發布的AutoGLM")
A("autoglm", "lead_over_doubao_phone", "number", "14", "比后來的豆包手機早了整整14個月", unit="months")

# ---------------------------------------------------------------- losses, burn, R&D
A("zhipu-and-minimax", "cash_burn", "money", "11000000000", "兩家公司在過去三年里燒了近110億元", currency="CNY", qualifier="nearly",
  as_of="2023..2025", note="combined, over the past three years, per prospectuses")
A("zhipu-and-minimax", "rd_share_of_spend", "percent", "70", "將近70%的支出用于模型研發", qualifier="nearly", as_of="2023..2025")
A("zhipu", "rd_spend", "money", "2195000000", "2024年研發投入高達21.95億元", currency="CNY", as_of="2024")
A("zhipu", "rd_share_of_total_spend", "percent", "80", "占當年總支出的約80%", qualifier="about", as_of="2024")
A("six-tigers", "companies_paused_pretraining", "text", "2 companies", "六小虎之中,已經有兩家公司擱置了基座大模型的預訓練",
  note="one focusing on healthcare, one pivoting to industry solutions")
A("six-tigers", "lead_window", "text", "each advanced model's lead window is often only a few months", "每個先進模型的領先窗口,往往只有幾個月")
A("zhipu-and-minimax", "roi_view", "text", "11bn CNY is a very high-ROI investment vs hundreds of billions/trillions of future value",
  "如果將110億元,與未來大模型能撬動的千億、萬億增強相比,顯然是ROI極高的一筆投入")

# ---------------------------------------------------------------- OpenAI history
A("openai", "years_before_chatgpt", "number", "7", "OpenAI已經蟄伏了近7年", unit="years", qualifier="nearly",
  note="OpenAI lay low ~7 years before ChatGPT")
A("chatgpt", "launch_period", "text", "winter (late 2022)", "在ChatGPT引爆科技圈的那個冬天之前", note="winter 2022; year not stated in article")

# ---------------------------------------------------------------- IPO economics, valuations
A("zhipu", "ipo_raise", "money", "4300000000", "智譜此次IPO募資規模預計達43億港元", currency="HKD", qualifier="estimate",
  note="expected (預計); reference I024: HK$4.348bn gross")
A("zhipu-ipo", "ipo_raise", "money", "4300000000", "IPO募資規模預計達43億港元", currency="HKD", qualifier="estimate")
A("mistral", "valuation", "money", "14000000000", "法國AI模型公司Mistral AI的最新估值為140億美元", currency="USD")
A("minimax", "valuation", "money", "4200000000", "IPO前,MiniMax的估值約42億美元", currency="USD", qualifier="about",
  note="pre-IPO; likely last private-round valuation (see N11)")
A("zhipu", "valuation", "money", "24380000000", "智譜估值為243.8億元", currency="CNY", note="pre-IPO valuation (B6 post-money 243.77億, I016)")
A("zhipu", "valuation", "money", "3500000000", "243.8億元(約35億美元)", currency="USD", qualifier="about", note="USD conversion of 243.8億元")
A("mistral", "valuation_multiple_vs_chinese_peers", "number", "3..4", "兩者的估值之間,幾乎有3-4倍的差距", unit="x",
  note="Mistral vs MiniMax/Zhipu valuations")
A("zhipu", "market_cap", "money", "50000000000", "IPO后,智譜的市值預計超過500億港元", currency="HKD", qualifier="over",
  note="expected (預計) post-IPO market cap")
A("zhipu", "market_cap_multiple_of_prior_valuation", "number", "2", "是此前估值的約2倍", unit="x", qualifier="about",
  note="compares HKD market cap with CNY valuation as if at par (see N04)")
A("zhipu-ipo", "fundraising_efficiency", "text", "far exceeds private-market financing", "募資的效率,遠超面向一級市場的融資")
A("mistral", "country", "entity", "france", "法國AI模型公司Mistral AI")

# ================================================================ article edges
E("zhipu", "LISTED_ON", "hkex", "智譜,正式在港交所掛牌上市", as_of="2026-01-08", props="listing_date=2026-01-08")
E("zhipu", "BASED_IN", "china", "中國AI大模型初創公司智譜")
E("zhipu", "MEMBER_OF", "six-tigers", "在兩家“六小虎”最近披露的招股書中", props="note=the two prospectus filers are Zhipu and MiniMax")
E("minimax", "MEMBER_OF", "six-tigers", "在兩家“六小虎”最近披露的招股書中", props="note=the two prospectus filers are Zhipu and MiniMax")
E("zhipu", "MEMBER_OF", "zhipu-and-minimax", "智譜和MiniMax,兩家公司在過去三年里燒了近110億元")
E("minimax", "MEMBER_OF", "zhipu-and-minimax", "智譜和MiniMax,兩家公司在過去三年里燒了近110億元")
E("zhipu", "COMPETES_WITH", "minimax", "IPO,無論對于智譜和MiniMax")
E("deepseek", "COMPETES_WITH", "six-tigers", "DeepSeek的異軍突起,促使六小虎中的幾家不得不迅速調整業務")
E("baai", "DEVELOPS", "wudao", "中國首個MoE(混合專家架構)大模型,出自智源“悟道”")
E("moonshot", "DEVELOPS", "kimi", "首款爆款AI應用Kimi,來自月之暗面")
E("zhipu", "DEVELOPS", "autoglm", "全球首個能操作手機的通用Agent,是智譜發布的AutoGLM")
E("bytedance", "DEVELOPS", "doubao-phone", "比后來的豆包手機早了整整14個月", props="note=Doubao phone is ByteDance's (not named in article)")
E("deepseek", "DEVELOPS", "deepseek-v3", "年初DeepSeek V3、R1的口碑爆發")
E("deepseek", "DEVELOPS", "deepseek-r1", "年初DeepSeek V3、R1的口碑爆發")
E("zhipu", "DEVELOPS", "glm-4.5", "2025年7月28日發布的GLM-4.5", props="release_date=2025-07-28")
E("zhipu", "DEVELOPS", "glm-4.6", "智譜又交出了在Coding能力上與Anthropic、OpenAI并列第一的GLM-4.6")
E("zhipu", "DEVELOPS", "glm-4.7", "在智譜旗艦模型GLM-4.7發布后")
E("zhipu", "DEVELOPS", "glm-5", "宣布將很快推出GLM-5", props="status=announced")
E("glm-4.6", "SUCCEEDS", "glm-4.5", "GLM-4.5發布僅兩個月后")
E("glm-4.7", "SUCCEEDS", "glm-4.6", "GLM-4.6;3個月后,在主流基準測試中")
E("glm-5", "SUCCEEDS", "glm-4.7", "宣布將很快推出GLM-5")
E("glm-4.5", "MEMBER_OF", "glm", "GLM-4.5")
E("glm-4.6", "MEMBER_OF", "glm", "GLM-4.6")
E("glm-4.7", "MEMBER_OF", "glm", "GLM-4.7")
E("glm-5", "MEMBER_OF", "glm", "GLM-5")
E("glm-4.5", "RANKED_ON", "hf-trending", "首發48小時內就一躍沖上Hugging Face的全球熱門榜榜首", as_of="2025-07", props="rank=1;within=48 hours")
E("hugging-face", "OPERATES", "hf-trending", "Hugging Face的全球熱門榜")
E("glm-4.5", "RANKED_ON", "chatbot-arena", "ChatBot Arena及WebDev Arena全球排行榜中,還穩居全球前五", as_of="2025-09", props="rank=top-5")
E("glm-4.5", "RANKED_ON", "webdev-arena", "ChatBot Arena及WebDev Arena全球排行榜中,還穩居全球前五", as_of="2025-09", props="rank=top-5")
E("glm-4.7", "RANKED_ON", "artificial-analysis", "GLM-4.7獲得開源模型與國產模型雙料榜首", as_of="2025-12", props="rank=1;category=open-source models and Chinese models")
E("glm-4.5", "RANKED_ON", "openrouter", "GLM-4.5和GLM-4.6自上線以來,調用量穩居全球前10", props="rank=top-10;metric=usage")
E("glm-4.6", "RANKED_ON", "openrouter", "GLM-4.5和GLM-4.6自上線以來,調用量穩居全球前10", props="rank=top-10;metric=usage")
E("glm-4.6", "COMPETES_WITH", "anthropic", "在Coding能力上與Anthropic、OpenAI并列第一", props="note=tied first in coding")
E("glm-4.6", "COMPETES_WITH", "openai", "在Coding能力上與Anthropic、OpenAI并列第一", props="note=tied first in coding")
E("glm-4.7", "COMPETES_WITH", "claude-sonnet-4.5", "代碼能力對齊Claude Sonnet 4.5的GLM-4.7")
E("glm-4.5", "COMPETES_WITH", "claude-sonnet-4", "GLM-4.5的Coding性能接近Claude Sonnet 4", props="api_price_ratio=1/7")
E("glm-coding-plan", "COMPETES_WITH", "claude-code", "價格是Claude Code的1/6", props="price_ratio=1/6")
E("tang-jie", "FOUNDED", "zhipu", "智譜創立發起人兼首席科學家唐杰", props="role=founding initiator")
E("tang-jie", "EXECUTIVE_OF", "zhipu", "智譜創立發起人兼首席科學家唐杰", props="title=chief scientist")
E("wu-weijie", "EXECUTIVE_OF", "zhipu", "智譜高級副總裁吳瑋杰", props="title=senior vice president")
E("zhipu", "DEVELOPS", "zhipu-maas", "智譜MaaS開放平臺(bigmodel.cn)")
E("zhipu", "OFFERS", "glm-coding-plan", "智譜MaaS開放平臺(bigmodel.cn)中面向開發者的訂閱產品GLM Coding")
E("zhipu-maas", "OFFERS", "glm-coding-plan", "智譜MaaS開放平臺(bigmodel.cn)中面向開發者的訂閱產品GLM Coding")
E("glm-coding-plan", "INCLUDES", "glm-4.5", "包含Coding功能的GLM Coding Plan,月費最低僅20元人民幣", as_of="2025-09", props="note=plan discussed alongside GLM-4.5")
E("minimax", "BASED_IN", "china", "在兩家“六小虎”最近披露的招股書中可以看到,2025年截至9月30日,MiniMax的境外收入")
E("anthropic", "DEVELOPS", "claude-code", "Anthropic旗下的Claude Code")
E("anthropic", "DEVELOPS", "claude-opus-4.1", "Anthropic官方也承認,由于推理堆棧的更新問題,Claude Opus 4.1和Opus 4的質量的確有所下降")
E("anthropic", "DEVELOPS", "claude-opus-4", "Claude Opus 4.1和Opus 4的質量的確有所下降")
E("anthropic", "OFFERS", "claude-pro", "包含Claude Code使用權益的最低訂閱價(Pro方案")
E("claude-pro", "INCLUDES", "claude-code", "包含Claude Code使用權益的最低訂閱價(Pro方案", props="note=Claude Code access included")
E("manpreet-singh", "BASED_IN", "usa", "一名來自美國的數據科學家Manpreet Singh發帖")
E("manpreet-singh", "CUSTOMER_OF", "zhipu", "最后,這名數據科學家轉向使用智譜旗下的模型GLM-4.5", as_of="2025-09", props="switched_from=claude-code")
E("cerebras", "INTEGRATES", "glm-4.6", "出現在全球最大推理芯片公司Cerebras", as_of="2025")
E("cline", "INTEGRATES", "glm-4.6", "主流AI平臺Cline、Kilo、Vercel", as_of="2025")
E("kilo", "INTEGRATES", "glm-4.6", "主流AI平臺Cline、Kilo、Vercel", as_of="2025")
E("vercel", "INTEGRATES", "glm-4.6", "主流AI平臺Cline、Kilo、Vercel", as_of="2025")
E("cursor", "INTEGRATES", "glm-4.6", "AI Coding頂流工具Cursor和Windsurf", as_of="2025")
E("windsurf", "INTEGRATES", "glm-4.6", "AI Coding頂流工具Cursor和Windsurf", as_of="2025")
E("moonshot", "DEVELOPS", "kimi-k2", "月之暗面的Kimi-K2")
E("amazon-bedrock", "INTEGRATES", "kimi-k2", "月之暗面的Kimi-K2、MiniMax的模型,近期也上架了亞馬遜云科技的模型服務平臺Bedrock")
E("amazon-bedrock", "INTEGRATES", "minimax-m2", "MiniMax的模型,近期也上架了亞馬遜云科技的模型服務平臺Bedrock",
  props="note=article says 'MiniMax models'; M2 per N32/P056")
E("aws", "OPERATES", "amazon-bedrock", "亞馬遜云科技的模型服務平臺Bedrock")
E("chamath-palihapitiya", "FOUNDED", "social-capital", "硅谷基金Social Capita的創始人Chamath Palihapitiya")
E("chamath-palihapitiya", "CUSTOMER_OF", "moonshot", "將大量工作負載轉向Kimi K2后", props="model=kimi-k2")
E("social-capital", "BASED_IN", "usa", "硅谷基金Social Capita")
E("belt-and-road", "CUSTOMER_OF", "zhipu", "智譜拿下了某“一帶一路”國家的海外訂單,價值千萬美元", as_of="2025",
  props="note=one unnamed Belt and Road country;value=~USD 10M")
E("malaysia", "CUSTOMER_OF", "zhipu", "馬來西亞宣布其國家級MaaS平臺,基于智譜Z.ai的開源基礎模型構建", props="project=national MaaS platform")
E("malaysia-national-maas", "BUILT_ON", "zhipu", "基于智譜Z.ai的開源基礎模型構建")
E("malaysia", "OPERATES", "malaysia-national-maas", "馬來西亞宣布其國家級MaaS平臺")
E("openai-analysts", "WORKS_AT", "openai", "2025年6月,OpenAI分析師發現", as_of="2025-06")
E("sam-altman", "FOUNDED", "openai", "OpenAI創始人兼CEO Sam Altman")
E("sam-altman", "CEO_OF", "openai", "OpenAI創始人兼CEO Sam Altman")
E("openai", "DEVELOPS", "chatgpt", "在ChatGPT引爆科技圈的那個冬天之前,OpenAI已經蟄伏了近7年")
E("openai", "DEVELOPS", "gpt-1", "前期GPT-1、GPT-2等“無名成果”的經驗累積")
E("openai", "DEVELOPS", "gpt-2", "前期GPT-1、GPT-2等“無名成果”的經驗累積")
E("openai", "DEVELOPS", "gpt-3.5", "才造就了GPT-3.5")
E("gpt-2", "SUCCEEDS", "gpt-1", "前期GPT-1、GPT-2等“無名成果”的經驗累積")
E("gpt-3.5", "SUCCEEDS", "gpt-2", "才造就了GPT-3.5")
E("chatgpt", "BUILT_ON", "gpt-3.5", "才造就了GPT-3.5")
E("wang-huiwen", "FOUNDED", "meituan", "美團聯合創始人王慧文", props="role=co-founder")
E("zheng-can", "EXECUTIVE_OF", "linear-capital", "線性資本董事總經理鄭燦", props="title=managing director")
E("liang-wenfeng", "WORKS_AT", "deepseek", "梁文鋒在訪談中隱隱透露的")
E("mistral", "BASED_IN", "france", "法國AI模型公司Mistral AI")
E("mistral", "COMPETES_WITH", "zhipu", "兩者的估值之間,幾乎有3-4倍的差距", props="topic=valuation gap")
E("tencent", "COMPETES_WITH", "six-tigers", "隨著近一年來,騰訊、字節、阿里的持續高調入場")
E("bytedance", "COMPETES_WITH", "six-tigers", "隨著近一年來,騰訊、字節、阿里的持續高調入場")
E("alibaba", "COMPETES_WITH", "six-tigers", "隨著近一年來,騰訊、字節、阿里的持續高調入場")
E("zhipu-investor-anon", "INVESTS_IN", "zhipu", "智譜的一名投資人告訴我們")
E("36kr", "OPERATES", "36kr-intelligent-emergence", "36氪“智能涌現”")
E("maimai", "REPORTED_ON", "six-tigers", "脈脈數據顯示,截至2025年7月,41.07%的六小虎員工", as_of="2025-07")
E("zhipu", "SUBJECT_OF", "zhipu-prospectus", "在招股書中,我們或許只能看到")
E("minimax", "SUBJECT_OF", "minimax-prospectus", "在兩家“六小虎”最近披露的招股書中可以看到")
E("zhipu", "SUBJECT_OF", "zhipu-ipo", "智譜此次IPO募資規模預計達43億港元")
E("minimax", "SUBJECT_OF", "minimax-ipo", "另一家模型公司MiniMax,也將緊隨其后敲鐘")
E("tang-jie", "SUBJECT_OF", "tang-jie-internal-letter", "唐杰發布內部信")
E("deepseek", "SUBJECT_OF", "deepseek-shock", "DeepSeek的掀桌")
E("anthropic", "SUBJECT_OF", "anthropic-postmortem-2025-09", "Anthropic官方也承認")
E("zhipu", "SUBJECT_OF", "us-export-controls", "受到美國出口管制的智譜")
E("zhipu", "DEVELOPS", "glm", "智譜旗艦模型GLM-4.7")
