# Entities: one per line:  key :: labels :: name :: aliases (|-separated) :: description
# Chinese aliases are expanded to both simplified and traditional forms by build.py (OpenCC).

ENTITIES_TEXT = r"""
# ---- Chinese model companies / labs ----
zhipu :: Company,Lab :: Zhipu AI :: 智谱|智谱AI|智谱华章|北京智谱华章科技有限公司|北京智谱华章科技|北京智谱华章科技股份有限公司|Zhipu|Zhipu AI|ZhipuAI|Zhipu Huazhang|Zhipu Huazhang Technology|Beijing Zhipu Huazhang Technology|zhi pu|zhipu ai|Z.ai|Zai|Z ai|Knowledge Atlas|Knowledge Atlas Technology|THUDM|02513|2513|02513.HK|2513.HK|HKEX:02513|全球大模型第一股|大模型第一股 :: Beijing-based large-model start-up spun out of Tsinghua University's KEG lab (GLM model family; MaaS platform bigmodel.cn / Z.ai); listed on HKEX main board 2026-01-08 (stock code 02513), called the "world's first large-model stock".
minimax :: Company,Lab :: MiniMax :: 稀宇科技|上海稀宇科技|上海稀宇科技有限公司|稀宇|稀宇极智|MiniMax AI|Mini Max|Xiyu Technology|Shanghai Xiyu Technology|00100|0100|00100.HK|0100.HK|HKEX:00100 :: Shanghai-based large-model start-up (MiniMax M-series models); listed on HKEX 2026-01-09 (stock code 00100), one day after Zhipu.
deepseek :: Company,Lab :: DeepSeek :: 深度求索|杭州深度求索|杭州深度求索人工智能基础技术研究有限公司|深度求索人工智能|Deep Seek|DeepSeek AI|shen du qiu suo :: Hangzhou AI lab funded by quant fund High-Flyer; its V3 and R1 models caused a shock in early 2025.
moonshot :: Company,Lab :: Moonshot AI :: 月之暗面|月之暗面科技|北京月之暗面科技有限公司|Moonshot|Moonshot AI|yue zhi an mian|Dark Side of the Moon :: Beijing start-up behind the Kimi assistant and Kimi K2 models; one of the "six little tigers".
baichuan :: Company,Lab :: Baichuan Intelligence :: 百川智能|百川|Baichuan|Baichuan AI|Baichuan Intelligent Technology :: Beijing LLM start-up founded 2023 by Wang Xiaochuan (ex-Sogou).
stepfun :: Company,Lab :: StepFun :: 阶跃星辰|阶跃|Step Fun|Jieyue Xingchen :: Shanghai LLM start-up founded 2023 by Jiang Daxin (ex-Microsoft).
01ai :: Company,Lab :: 01.AI :: 零一万物|01 AI|01AI|Zero One|Lingyi Wanwu|Zero One Everything :: LLM start-up founded 2023 by Kai-Fu Lee; moved pre-training teams to Alibaba around 2025-01.
baai :: Lab,Organization :: Beijing Academy of Artificial Intelligence :: 智源|智源研究院|北京智源人工智能研究院|北京智源|BAAI|Zhiyuan|Zhiyuan Institute :: Beijing non-profit AI institute; produced Wu Dao (悟道), China's first MoE large model; early IP-contributing investor in Zhipu.
beijing-innovation-zhiyuan :: Investor,Fund :: Beijing Innovation Zhiyuan :: 北京创新智源 :: Investment vehicle through which BAAI contributed IP to Zhipu (2021-04).
high-flyer :: Company,Investor,Fund :: High-Flyer :: 幻方量化|幻方|High-Flyer Quant|High Flyer|Huanfang|浙江九章资产 :: Chinese quantitative hedge fund co-founded by Liang Wenfeng; parent and sole funder of DeepSeek.
# ---- six tigers group ----
six-tigers :: Group :: Six Little Tigers :: 六小虎|AI六小虎|大模型六小虎|六小龙|AI六小龙|six little tigers|six tigers|six AI tigers|AI tigers|four AI tigers|四小龙|five tigers|six dragons|little tigers :: Informal label for China's leading independent LLM start-ups (usually Zhipu, MiniMax, Moonshot AI, Baichuan, StepFun, 01.AI); membership varies by outlet/date.
zhipu-and-minimax :: Group :: Zhipu AI and MiniMax (combined) :: 智谱和MiniMax|智谱与MiniMax|Zhipu and MiniMax|Zhipu & MiniMax|MiniMax and Zhipu :: Grouping used for combined figures the article gives for the two companies (e.g. ~11 bn CNY burned over three years).
# ---- western / global labs & big tech ----
openai :: Company,Lab :: OpenAI :: Open AI|開放人工智能 :: US AI lab (ChatGPT, GPT series); founded and led by Sam Altman.
anthropic :: Company,Lab :: Anthropic :: Anthropic AI|安索普|Anthropic PBC :: US AI lab behind Claude and Claude Code.
mistral :: Company,Lab :: Mistral AI :: Mistral|Mistral AI SAS :: French AI model company; latest valuation US$14bn per the article.
google :: Company :: Google :: 谷歌|Alphabet|Google Brain :: US technology company.
microsoft :: Company :: Microsoft :: 微软|MSFT|Microsoft Azure :: US technology company.
meta :: Company :: Meta :: Meta AI|Facebook|脸书 :: US technology company.
bytedance :: Company :: ByteDance :: 字节|字节跳动|Byte Dance|Volcano Engine|火山引擎 :: Chinese internet giant (Doubao); entered the LLM race in earnest per the article.
tencent :: Company,Investor :: Tencent :: 腾讯|腾讯控股|Tencent Holdings|Tencent Cloud|腾讯云|0700.HK :: Chinese internet giant; investor in Zhipu, MiniMax, Moonshot AI, Baichuan, StepFun.
alibaba :: Company,Investor :: Alibaba :: 阿里|阿里巴巴|阿里巴巴集团|Alibaba Group|BABA|9988.HK :: Chinese internet giant; investor in Zhipu, MiniMax, Moonshot AI, Baichuan, 01.AI.
alibaba-cloud :: Company,Investor,Platform :: Alibaba Cloud :: 阿里云|Aliyun|阿里雲 :: Cloud arm of Alibaba; led 01.AI's 2023 round.
alibaba-bailian :: Platform :: Alibaba Cloud Model Studio (Bailian) :: 百炼|阿里云百炼|Model Studio|Bailian|DashScope|灵积 :: Alibaba Cloud model-serving platform; resells GLM-4.5 in China.
meituan :: Company,Investor :: Meituan :: 美团|美团点评|Meituan Dianping|3690.HK :: Chinese local-services giant; ~10% holder of Zhipu; co-founded by Wang Huiwen.
meituan-dragonball :: Investor,Fund :: Meituan Dragonball :: 美团龙珠|龙珠资本|Dragonball Capital :: Meituan-affiliated fund; led Moonshot AI's Series A.
xiaomi :: Company,Investor :: Xiaomi :: 小米|小米集团|1810.HK :: Chinese consumer-electronics group; investor in Zhipu and Baichuan.
xiaohongshu :: Company,Investor,Platform :: Xiaohongshu :: 小红书|RED|Little Red Book|Xiaohongshu (RED) :: Chinese social platform; where Zhipu SVP Wu Weijie posted; investor in Moonshot AI.
ant-group :: Company,Investor :: Ant Group :: 蚂蚁集团|蚂蚁|Ant Financial|蚂蚁金服 :: Alibaba-affiliated fintech; Zhipu shareholder.
kingsoft :: Company,Investor :: Kingsoft :: 金山|金山软件 :: Chinese software company; Zhipu shareholder.
tal :: Company,Investor :: TAL Education :: 好未来|TAL|TAL Education Group :: Chinese education company; investor in Zhipu and Baichuan.
sensetime :: Company :: SenseTime :: 商汤|商汤科技 :: Chinese AI company; former employer of MiniMax founders.
sogou :: Company :: Sogou :: 搜狗 :: Chinese search company founded by Wang Xiaochuan.
megvii :: Company :: Megvii :: 旷视|旷视科技|Face++ :: Chinese computer-vision company founded by Yin Qi.
mihoyo :: Company,Investor :: miHoYo :: 米哈游|HoYoverse :: Chinese game developer; early MiniMax investor (7.05% pre-IPO).
huaqin :: Company,Investor :: Huaqin Technology :: 华勤技术|华勤 :: Chinese ODM; StepFun B+ investor.
andon-health :: Company,Investor :: Andon Health :: 九安医疗|Andon :: Chinese medical-device maker; Moonshot AI investor.
funplus :: Company,Investor :: FunPlus :: 趣加 :: Game company; Moonshot AI investor.
saudi-aramco :: Company :: Saudi Aramco :: 沙特阿美|Aramco :: Saudi state oil company; parent of Prosperity7 Ventures.
huafa-group :: Company,Investor,Government :: Huafa Group :: 华发集团|珠海华发|Zhuhai Huafa :: Zhuhai state-owned group; invested CNY 500M in Zhipu (2025-03).
hangzhou-city-investment :: Investor,Fund,Government :: Hangzhou City Investment Group Industrial Fund :: 杭州城投产业基金|杭州城投|Hangzhou City Investment Group :: Hangzhou state fund; Zhipu investor (2025-03).
shangcheng-capital :: Investor,Fund,Government :: Shangcheng Capital :: 上城资本 :: Hangzhou Shangcheng district capital; Zhipu investor (2025-03).
zhongguancun-science-city :: Investor,Government :: Zhongguancun Science City :: 中关村科学城 :: Beijing Haidian state platform; Zhipu investor (2024-12).
chengdu-hitech-zone :: Government,Investor :: Chengdu Hi-Tech Industrial Development Zone :: 成都高新区|成都高新技术产业开发区|Chengdu High-tech Zone :: Chengdu district government; invested CNY 300M in Zhipu (regional model "Zhipu Zhuge").
wuqing-state-fund :: Government,Investor :: Wuqing district state fund :: 武清|天津武清 :: Local state fund listed among Zhipu shareholders.
haidian-state-fund :: Government,Investor :: Haidian district state fund :: 海淀|北京海淀 :: Local state fund listed among Zhipu shareholders.
zhuhai-state-fund :: Government,Investor :: Zhuhai state fund :: 珠海 :: Local state fund listed among Zhipu shareholders.
tsinghua :: Organization :: Tsinghua University :: 清华|清华大学|THU :: Beijing university; Zhipu grew out of its KEG lab.
tsinghua-keg :: Lab :: Tsinghua KEG Lab :: 清华KEG|知识工程实验室|清华大学知识工程实验室|KEG :: Knowledge Engineering Group at Tsinghua (Tang Jie, Li Juanzi).
tsinghua-holdings :: Investor,Company :: Tsinghua Holdings :: 清华控股 :: Tsinghua's holding company; investor in Zhipu and Baichuan.
huakong-tech-transfer :: Organization :: Huakong Technology Transfer :: 华控技术转移 :: Tsinghua-linked tech-transfer firm; co-initiator of Zhipu with CAS Star.
huakong-fund :: Investor,Fund :: Huakong Fund :: 华控基金|北京华控|青岛华控 :: Zhipu shareholder (~1.88% at IPO).
# ---- investors / funds ----
cas-star :: Investor,Fund :: CAS Star :: 中科创星|Zhongke Chuangxing :: Xi'an hard-tech VC; exclusive angel investor of Zhipu (2019).
qiming :: Investor,Fund :: Qiming Venture Partners :: 启明创投|启明|Qiming :: VC; Zhipu Series B investor and StepFun investor.
legend-capital :: Investor,Fund :: Legend Capital :: 君联资本|君联 :: VC; Zhipu Series B investor and largest independent holder at IPO.
legend-star :: Investor,Fund :: Legend Star :: 联想之星 :: Lenovo-affiliated incubator/VC; Baichuan investor.
shunwei :: Investor,Fund :: Shunwei Capital :: 顺为资本|顺为 :: Xiaomi-affiliated VC; investor in Zhipu, Moonshot, Baichuan.
hillhouse :: Investor,Fund :: Hillhouse :: 高瓴|高瓴资本|Hillhouse Capital|Hillhouse Investment :: Investment firm; led MiniMax's angel round; Zhipu shareholder.
gl-ventures :: Investor,Fund :: GL Ventures :: 高瓴创投|GL Ventures (Hillhouse) :: Hillhouse's venture arm; Zhipu investor 2023.
hongshan :: Investor,Fund :: HongShan :: 红杉中国|红杉|HongShan Capital|Sequoia China|Sequoia Capital China|Sequoia :: Former Sequoia China; investor in Zhipu, MiniMax, Moonshot AI.
prosperity7 :: Investor,Fund :: Prosperity7 Ventures :: Prosperity7|Prosperity 7|P7 :: Saudi Aramco's venture fund; first notable foreign investor in Zhipu (2024).
capital-today :: Investor,Fund :: Capital Today :: 今日资本 :: VC; Zhipu shareholder and Moonshot AI investor.
fortune-capital :: Investor,Fund :: Fortune Capital :: 达晨财智|达晨创投|达晨 :: VC; Zhipu shareholder.
jsc-international-fund :: Investor,Fund :: JSC International Investment Fund SPC :: JSC International Investment Fund :: Cornerstone investor in Zhipu's IPO.
jinyi-capital :: Investor,Fund :: JinYi Capital Multi-Strategy Fund SPC :: JinYi Capital|金懿资本 :: Cornerstone investor in Zhipu's IPO.
perseverance-am :: Investor,Fund :: Perseverance Asset Management :: 坚毅资产管理|Perseverance :: Cornerstone investor in Zhipu's IPO.
mingshi-capital :: Investor,Fund :: Mingshi Capital :: 明势创投|明势资本|明势 :: VC; invested in six MiniMax rounds from 2022-03.
idg-capital :: Investor,Fund :: IDG Capital :: IDG|IDG资本 :: VC; early MiniMax investor; led Moonshot AI's Series C ($150M).
yunqi-partners :: Investor,Fund :: Yunqi Partners :: 云启资本|云启 :: VC; early MiniMax investor.
aspex :: Investor,Fund :: Aspex Management :: Aspex :: Hong Kong fund; MiniMax IPO cornerstone.
eastspring :: Investor,Fund :: Eastspring Investments :: Eastspring|瀚亚投资 :: Asset manager; MiniMax IPO cornerstone.
mirae-asset :: Investor,Fund :: Mirae Asset :: 未来资产|Mirae Asset Global Investments :: Korean asset manager; MiniMax IPO cornerstone.
adia :: Investor,Fund,Government :: Abu Dhabi Investment Authority :: ADIA|阿布扎比投资局 :: Sovereign fund; MiniMax IPO cornerstone.
e-fund :: Investor,Fund :: E Fund Management :: 易方达|易方达基金|E Fund :: Chinese fund manager; MiniMax IPO cornerstone.
boyu-capital :: Investor,Fund :: Boyu Capital :: 博裕资本|博裕 :: PE firm; MiniMax IPO cornerstone per one source.
zhenfund :: Investor,Fund :: ZhenFund :: 真格基金|真格 :: Seed VC; Moonshot AI angel investor.
monolith :: Investor,Fund :: Monolith Management :: 砺思资本|Monolith :: VC; Moonshot AI investor.
gaorong :: Investor,Fund :: Gaorong Ventures :: 高榕资本|高榕|Gaorong Capital :: VC; Moonshot AI investor.
source-code-capital :: Investor,Fund :: Source Code Capital :: 源码资本|源码 :: VC; Moonshot AI investor.
sky9 :: Investor,Fund :: Sky9 Capital :: 天际资本|Sky9 :: VC; Moonshot AI investor.
bluerun :: Investor,Fund :: BlueRun Ventures :: 蓝驰创投|蓝驰|BlueRun :: VC; Moonshot AI investor.
cmvc :: Investor,Fund :: China Merchants Venture Capital :: 招商局创投|CMVC|招银国际 :: VC; Moonshot AI investor.
5y-capital :: Investor,Fund :: 5Y Capital :: 五源资本|五源|Five Source|Morningside Venture Capital|晨兴资本 :: VC (formerly Morningside); investor in Moonshot AI and StepFun.
ggv :: Investor,Fund :: GGV Capital :: 纪源资本|GGV|Notable Capital :: VC; Moonshot AI investor.
gsr-ventures :: Investor,Fund :: GSR Ventures :: 金沙江创投|金沙江|GSR :: VC led by Zhu Xiaohu; Zhang Yutong's former firm.
shenzhen-capital :: Investor,Fund,Government :: Shenzhen Capital Group :: 深创投|深圳市创新投资集团|SCGC :: State-owned VC; Baichuan investor.
beijing-ai-fund :: Investor,Fund,Government :: Beijing AI Industry Investment Fund :: 北京人工智能产业投资基金|北京AI产业基金 :: State fund; Baichuan investor (2024-07).
shanghai-ai-fund :: Investor,Fund,Government :: Shanghai AI Investment Fund :: 上海人工智能产业投资基金|上海AI产业基金 :: State fund; Baichuan investor (2024-07).
cicc-fund :: Investor,Fund :: CICC-related fund :: 中金|中金资本|CICC|CICC Capital :: Fund related to China International Capital Corp; Baichuan investor.
lighthouse-capital :: Organization :: Lighthouse Capital :: 光源资本 :: Financial adviser on Baichuan's 2024 round.
fortera-capital :: Investor,Fund,Government :: Fortera Capital :: 上海国投|上国投|SSCIC|Shanghai State-owned Capital Investment|国方资本 :: Shanghai state capital platform; led StepFun's Series B.
sscic-pioneer-fund :: Investor,Fund,Government :: SSCIC Pioneer Fund :: 上国投先导基金|上海国投先导基金|先导基金 :: Shanghai state pioneer fund; StepFun B+ investor.
china-life-equity :: Investor,Fund :: China Life Equity :: 国寿股权|中国人寿|China Life :: Insurer's PE arm; StepFun B+ investor.
xuhui-capital :: Investor,Fund,Government :: Xuhui Capital :: 徐汇资本 :: Shanghai Xuhui district capital; StepFun B+ investor.
sinovation :: Investor,Fund :: Sinovation Ventures :: 创新工场 :: VC founded by Kai-Fu Lee.
social-capital :: Investor,Fund :: Social Capital :: Social Capita|Social Capital Hedosophia|社会资本 :: Silicon Valley fund founded by Chamath Palihapitiya (article misspells it "Social Capita").
linear-capital :: Investor,Fund :: Linear Capital :: 线性资本 :: Chinese early-stage tech VC; Zheng Can is managing director.
zhipu-controlling-shareholders :: Group :: Zhipu controlling-shareholder group :: 智谱控股股东|一致行动人|北京链湃|链湃|慧惠|智登 :: Parties acting in concert (北京链湃, 刘德兵, 唐杰, 张鹏, 慧惠, 智登), ~33.03% of Zhipu per prospectus.
zhipu-cornerstones :: Group,Investor :: Zhipu IPO cornerstone investors :: 智谱基石投资者|智谱基石 :: 11 cornerstone investors in Zhipu's IPO (~HK$2.98bn, ~70% of offering).
minimax-cornerstones :: Group,Investor :: MiniMax IPO cornerstone investors :: MiniMax基石投资者|MiniMax基石 :: 14 cornerstone investors in MiniMax's IPO (~US$350M / HK$2.723bn, 56.5% of offer).
# ---- people ----
tang-jie :: Person :: Tang Jie :: 唐杰|Jie Tang|tang jie :: Tsinghua professor (KEG lab); Zhipu founding initiator and chief scientist; announced GLM-5 in an internal letter on 2026-01-08.
zhang-peng :: Person :: Zhang Peng :: 张鹏|Peng Zhang :: CEO of Zhipu AI since founding.
liu-debing :: Person :: Liu Debing :: 刘德兵|Debing Liu :: Chairman of Zhipu AI; Tsinghua alumnus.
li-juanzi :: Person :: Li Juanzi :: 李涓子|Juanzi Li :: Tsinghua KEG professor; Zhipu co-founder.
wu-weijie :: Person :: Wu Weijie :: 吴玮杰|Weijie Wu :: Senior vice president of Zhipu AI; posts on Xiaohongshu.
yan-junjie :: Person :: Yan Junjie :: 闫俊杰|Junjie Yan :: Founder, chairman and CEO of MiniMax; ex-SenseTime VP.
yun-yeyi :: Person :: Yun Yeyi :: 贠烨祎|Yeyi Yun :: MiniMax co-founder; ex-SenseTime.
yang-zhilin :: Person :: Yang Zhilin :: 杨植麟|Zhilin Yang :: Founder and CEO of Moonshot AI.
zhou-xinyu :: Person :: Zhou Xinyu :: 周昕宇|Xinyu Zhou :: Moonshot AI co-founder.
wu-yuxin :: Person :: Wu Yuxin :: 吴育昕|Yuxin Wu :: Moonshot AI co-founder.
zhang-yutong :: Person :: Zhang Yutong :: 张予彤|Yutong Zhang :: Moonshot AI co-founder and president (from 2025-11); ex-GSR Ventures partner.
zhu-xiaohu :: Person :: Zhu Xiaohu :: 朱啸虎|Xiaohu Zhu :: GSR Ventures managing partner; brought arbitration involving Zhang Yutong.
wang-xiaochuan :: Person :: Wang Xiaochuan :: 王小川|Xiaochuan Wang :: Founder and CEO of Baichuan Intelligence; founder and ex-CEO of Sogou.
jiang-daxin :: Person :: Jiang Daxin :: 姜大昕|Daxin Jiang :: Founder and CEO of StepFun; ex-Microsoft CVP.
yin-qi :: Person :: Yin Qi :: 印奇|Qi Yin :: Megvii founder; StepFun chairman from 2026-01.
kai-fu-lee :: Person :: Kai-Fu Lee :: 李开复|Lee Kai-Fu|Li Kaifu :: Founder and CEO of 01.AI; chairman of Sinovation Ventures; ex-president of Google China.
liang-wenfeng :: Person :: Liang Wenfeng :: 梁文锋|Wenfeng Liang :: Founder and CEO of DeepSeek; co-founder of High-Flyer.
wang-huiwen :: Person,Investor :: Wang Huiwen :: 王慧文|Huiwen Wang :: Meituan co-founder; early LLM entrepreneur (2023); individual investor in Moonshot AI.
sam-altman :: Person :: Sam Altman :: 萨姆·奥特曼|奥特曼|山姆·奥特曼|Altman :: Founder and CEO of OpenAI.
chamath-palihapitiya :: Person,Investor :: Chamath Palihapitiya :: Chamath|查马斯|查马斯·帕里哈皮提亚 :: Founder of Silicon Valley fund Social Capital; moved workloads to Kimi K2.
manpreet-singh :: Person :: Manpreet Singh :: 曼普里特·辛格 :: US data scientist who in 2025-09 complained about Claude Code and switched to GLM-4.5.
zheng-can :: Person :: Zheng Can :: 郑灿|Can Zheng :: Managing director of Linear Capital.
openai-analysts :: Group :: OpenAI analysts :: OpenAI分析师 :: OpenAI analysts who in 2025-06 reported Zhipu winning government orders in several regions.
zhipu-investor-anon :: Person,Investor :: Anonymous Zhipu investor :: 智谱的一名投资人|智谱投资人 :: Unnamed Zhipu investor quoted by 36Kr.
# ---- models ----
glm :: Model :: GLM model family :: GLM|General Language Model|智谱GLM|ChatGLM|GLM系列 :: Zhipu's General Language Model family.
glm-4.5 :: Model :: GLM-4.5 :: GLM 4.5|GLM4.5|glm-4.5|zai/glm-4.5|zai-org/GLM-4.5|z-ai/glm-4.5 :: Zhipu flagship open model released 2025-07-28; #1 on Hugging Face trending within 48h.
glm-4.5-air :: Model :: GLM-4.5-Air :: GLM 4.5 Air|GLM4.5-Air|glm-4.5-air|zai/glm-4.5-air :: Lighter GLM-4.5 variant.
glm-4.5-x :: Model :: GLM-4.5-X :: GLM 4.5 X|glm-4.5-x :: Premium fast GLM-4.5 variant.
glm-4.5-airx :: Model :: GLM-4.5-AirX :: GLM 4.5 AirX|glm-4.5-airx :: Premium fast GLM-4.5-Air variant.
glm-4.6 :: Model :: GLM-4.6 :: GLM 4.6|GLM4.6|glm-4.6|zai-glm-4.6|z-ai/glm-4.6|zai/glm-4.6 :: Zhipu model released ~2 months after GLM-4.5; tied first in coding with Anthropic and OpenAI per the article; integrated by Cerebras, Cline, Kilo, Vercel, Cursor, Windsurf.
glm-4.7 :: Model :: GLM-4.7 :: GLM 4.7|GLM4.7|glm-4.7|zai/glm-4.7 :: Zhipu flagship open-sourced ~3 months after GLM-4.6; coding on par with Claude Sonnet 4.5; #1 open and #1 Chinese model on Artificial Analysis (2025-12).
glm-5 :: Model :: GLM-5 :: GLM 5|GLM5|glm-5 :: Next Zhipu flagship announced by Tang Jie's internal letter (2026-01-08) as coming soon.
glm-5.3 :: Model :: GLM-5.3 :: GLM 5.3|glm-5.3|glm-5.3-flash :: Later GLM generation (credit-based coding plan era, ~2026-08).
autoglm :: Product,Model :: AutoGLM :: Auto GLM|AutoGLM智能体|autoglm :: Zhipu's phone-operating agent; the world's first general agent able to operate a phone, 14 months before the Doubao phone.
wudao :: Model :: Wu Dao :: 悟道|Wudao|WuDao|Wu Dao 2.0|悟道2.0 :: BAAI model family; China's first MoE large model.
kimi :: Product :: Kimi :: Kimi智能助手|Kimi Chat|Kimi AI|KimiChat|kimi.com :: Moonshot AI's assistant; China's first hit AI app.
kimi-k2 :: Model :: Kimi K2 :: Kimi-K2|KimiK2|K2|kimi-k2|moonshot/kimi-k2|moonshotai/kimi-k2|kimi-k2-instruct|kimi-k2-0711-preview|kimi-k2-0905-preview :: Moonshot AI open model; on Amazon Bedrock; praised by Chamath Palihapitiya.
kimi-k2-thinking :: Model :: Kimi K2 Thinking :: Kimi-K2-Thinking|kimi-k2-thinking|moonshot.kimi-k2-thinking :: Reasoning variant of Kimi K2.
kimi-k2-turbo :: Model :: Kimi K2 Turbo :: kimi-k2-turbo-preview|Kimi-K2-Turbo :: Faster Kimi K2 variant.
kimi-k2.5 :: Model :: Kimi K2.5 :: K2.5|Kimi-K2.5 :: Kimi model generation used in Kimi Code (~2026-02).
minimax-m1 :: Model :: MiniMax M1 :: MiniMax-M1|minimax-m1|minimax/minimax-m1|minimax-m1-80k :: MiniMax reasoning model.
minimax-m2 :: Model :: MiniMax M2 :: MiniMax-M2|minimax-m2|minimax.minimax-m2|minimax/minimax-m2 :: MiniMax model available on Amazon Bedrock.
minimax-m2.1 :: Model :: MiniMax M2.1 :: MiniMax-M2.1|M2.1 :: MiniMax model; same API price as M2.
minimax-m3 :: Model :: MiniMax M3 :: MiniMax-M3|M3 :: MiniMax model released 2026-06-01 (per prices.tsv).
deepseek-v3 :: Model :: DeepSeek V3 :: DeepSeek-V3|DeepSeekV3|V3|深度求索V3 :: DeepSeek model whose early-2025 breakout pressured the six tigers.
deepseek-r1 :: Model :: DeepSeek R1 :: DeepSeek-R1|R1|deepseek-reasoner|deepseek/deepseek-r1|azure_ai/deepseek-r1 :: DeepSeek reasoning model (2025-01).
deepseek-v3.1 :: Model :: DeepSeek V3.1 :: DeepSeek-V3.1|deepseek-v3p1|deepseek-chat-v3.1 :: DeepSeek model (2025-08).
deepseek-v3.2 :: Model :: DeepSeek V3.2 :: DeepSeek-V3.2|deepseek-v3.2|deepseek/deepseek-v3.2 :: DeepSeek model (late 2025).
deepseek-chat :: Product :: deepseek-chat (API model id) :: deepseek-chat|deepseek/deepseek-chat :: DeepSeek API model id that points at the current V3.x chat model.
claude-sonnet-4 :: Model :: Claude Sonnet 4 :: Sonnet 4|Claude 4 Sonnet|claude-sonnet-4|claude-sonnet-4-20250514|anthropic/claude-sonnet-4 :: Anthropic model; GLM-4.5 coding said to approach it at 1/7 the API price.
claude-sonnet-4.5 :: Model :: Claude Sonnet 4.5 :: Sonnet 4.5|Claude 4.5 Sonnet|claude-sonnet-4-5|claude-sonnet-4-5-20250929 :: Anthropic model; GLM-4.7 coding said to match it.
claude-opus-4 :: Model :: Claude Opus 4 :: Opus 4|Claude 4 Opus|claude-opus-4 :: Anthropic model; quality dropped due to inference-stack issue (2025).
claude-opus-4.1 :: Model :: Claude Opus 4.1 :: Opus 4.1|claude-opus-4-1|claude-opus-4-1-20250805 :: Anthropic model; quality dropped due to inference-stack issue (2025); not included in Pro plan.
gpt-1 :: Model :: GPT-1 :: GPT1 :: OpenAI's first GPT model.
gpt-2 :: Model :: GPT-2 :: GPT2 :: OpenAI model.
gpt-3.5 :: Model :: GPT-3.5 :: GPT3.5|GPT-3.5 Turbo :: OpenAI model behind the original ChatGPT.
gpt-4o :: Model :: GPT-4o :: gpt-4o|GPT4o :: OpenAI model (price comparison point).
gpt-5 :: Model :: GPT-5 :: gpt-5|GPT5|openai/gpt-5 :: OpenAI model (price comparison point).
chatgpt :: Product :: ChatGPT :: Chat GPT|chatgpt.com :: OpenAI chatbot whose launch ignited the tech world (winter 2022).
doubao-phone :: Product :: Doubao phone :: 豆包手机|豆包手机助手|Doubao Phone Assistant :: ByteDance's Doubao phone agent, launched 14 months after AutoGLM.
doubao :: Product,Model :: Doubao :: 豆包|Doubao AI :: ByteDance's AI assistant / model family.
# ---- products / plans ----
claude-code :: Product :: Claude Code :: ClaudeCode|claude code :: Anthropic's coding agent; complained about by Manpreet Singh (2025-09).
claude-pro :: Plan :: Claude Pro :: Claude Pro plan|Pro方案|Claude Pro方案 :: Anthropic subscription incl. Claude Code; US$17/month (annual billing) or US$20 monthly; excludes Opus 4.1 per the article.
claude-max :: Plan :: Claude Max :: Claude Max plan|Claude Max (incl. Claude Code) :: Anthropic's higher-usage subscription incl. Claude Code (Max 5x US$100/month, Max 20x US$200/month; monthly only).
claude-max-5x :: Plan :: Claude Max 5x :: Max 5x|Claude Max (5x) :: Anthropic subscription, 5x Pro usage, US$100/month.
claude-max-20x :: Plan :: Claude Max 20x :: Max 20x|Claude Max (20x) :: Anthropic subscription, 20x Pro usage, US$200/month.
glm-coding-plan :: Plan,Product :: GLM Coding Plan :: GLM Coding|GLM编程套餐|GLM编码套餐|智谱编码套餐|智谱编程套餐|GLM Coding套餐|Z.ai Coding Plan|GLM coding subscription :: Zhipu's developer coding subscription (bigmodel.cn / z.ai); ARR passed 100M CNY within 2 months of launch; from 20 CNY/month (article, 2025-09).
glm-coding-plan-lite :: Plan :: GLM Coding Plan Lite :: GLM Coding Lite|GLM编程套餐Lite|智谱编码套餐Lite|Lite套餐 :: Entry tier of the GLM Coding Plan.
glm-coding-plan-pro :: Plan :: GLM Coding Plan Pro :: GLM Coding Pro tier|GLM编程套餐Pro|智谱编码套餐Pro :: Middle tier of the GLM Coding Plan.
glm-coding-plan-max :: Plan :: GLM Coding Plan Max :: GLM Coding Max|GLM编程套餐Max|智谱编码套餐Max :: Top tier of the GLM Coding Plan.
kimi-code :: Plan,Product :: Kimi Code :: Kimi Code membership|Kimi会员|Kimi编程套餐|Kimi Coding Plan :: Moonshot AI's coding subscription (tiers Adagio, Andante, Moderato, Allegretto).
kimi-code-adagio :: Plan :: Kimi Code Adagio :: Adagio :: Free Kimi tier (no Code quota).
kimi-code-andante :: Plan :: Kimi Code Andante :: Andante :: Kimi Code entry tier.
kimi-code-moderato :: Plan :: Kimi Code Moderato :: Moderato :: Kimi Code middle tier.
kimi-code-allegretto :: Plan :: Kimi Code Allegretto :: Allegretto :: Kimi Code top tier.
minimax-coding-plan :: Plan,Product :: MiniMax Coding Plan :: MiniMax Token Plan|MiniMax编程套餐|MiniMax Coding/Token Plan :: MiniMax's coding subscription (Starter, Plus, Max).
minimax-coding-plan-starter :: Plan :: MiniMax Coding Plan Starter :: MiniMax Starter :: MiniMax coding plan entry tier.
minimax-coding-plan-plus :: Plan :: MiniMax Coding Plan Plus :: MiniMax Plus :: MiniMax coding plan middle tier.
minimax-coding-plan-max :: Plan :: MiniMax Coding Plan Max :: MiniMax Max :: MiniMax coding plan top tier.
zhipu-maas :: Platform,Product :: Zhipu MaaS Open Platform :: bigmodel.cn|bigmodel|BigModel|open.bigmodel.cn|智谱MaaS开放平台|智谱MaaS|MaaS开放平台|Zhipu MaaS|z.ai/subscribe|api.z.ai :: Zhipu's model-as-a-service / API platform (bigmodel.cn in China, Z.ai internationally); MaaS ARR rose from 20M to >500M in 10 months.
zhipu-zhuge :: Model :: Zhipu Zhuge :: 智谱诸葛|诸葛 :: Regional model built with Chengdu Hi-Tech Zone.
malaysia-national-maas :: Platform :: Malaysia national MaaS platform :: 马来西亚国家级MaaS平台|马来西亚MaaS平台|Malaysia MaaS :: Malaysia's national model-as-a-service platform, built on Zhipu Z.ai open base models.
# ---- platforms, tools, rankings ----
hugging-face :: Platform,Company :: Hugging Face :: HuggingFace|HF|抱抱脸 :: Model hub.
hf-trending :: Ranking :: Hugging Face global trending list :: Hugging Face trending|HF trending|Hugging Face热门榜|全球热门榜|热门榜 :: Hugging Face's global trending-models list; GLM-4.5 reached #1 within 48 hours.
chatbot-arena :: Ranking,Platform :: LMArena (Chatbot Arena) :: ChatBot Arena|Chatbot Arena|LMArena|LMSYS Arena|LMSYS Chatbot Arena|模型竞技场|大模型竞技场 :: Crowd-sourced model leaderboard (renamed LMArena in 2025); GLM-4.5 in global top 5 (2025-09).
webdev-arena :: Ranking,Platform :: WebDev Arena :: WebDev Arena leaderboard|WebDevArena :: LMArena's web-development leaderboard; GLM-4.5 in global top 5 (2025-09).
artificial-analysis :: Ranking,Organization :: Artificial Analysis :: ArtificialAnalysis|AA index|Artificial Analysis Intelligence Index :: Independent model benchmarking/leaderboard; GLM-4.7 #1 open-source and #1 Chinese model (2025-12).
openrouter :: Platform,Company,Ranking :: OpenRouter :: OpenReutor|Open Router|openrouter.ai :: Global LLM API marketplace (article misspells it "OpenReutor"); GLM-4.5/4.6 in global top 10 by usage.
cerebras :: Company,Platform :: Cerebras :: Cerebras Systems|Cerebras Inference|cerebras.ai :: AI chip company ("world's largest inference-chip company" per the article); serves GLM-4.6.
cline :: Product,Platform :: Cline :: Cline AI :: AI coding agent platform integrating GLM-4.6.
kilo :: Product,Platform :: Kilo Code :: Kilo|KiloCode :: AI coding platform integrating GLM-4.6.
vercel :: Company,Platform :: Vercel :: Vercel AI Gateway|v0 :: Web platform integrating GLM-4.6.
cursor :: Product :: Cursor :: Cursor IDE|Anysphere :: Top AI coding tool integrating GLM-4.6.
windsurf :: Product :: Windsurf :: Codeium|Windsurf IDE :: AI coding tool integrating GLM-4.6.
aws :: Company,Platform :: Amazon Web Services :: AWS|亚马逊云科技|亚马逊云|Amazon|亚马逊 :: Amazon's cloud; operates Bedrock.
amazon-bedrock :: Platform :: Amazon Bedrock :: Bedrock|AWS Bedrock|亚马逊Bedrock :: AWS model-serving platform; lists Kimi K2 and MiniMax models.
azure-ai-foundry :: Platform :: Microsoft Azure AI Foundry :: Azure AI Foundry|Azure AI|azure_ai :: Microsoft model platform reselling DeepSeek models.
deepinfra :: Company,Platform :: DeepInfra :: Deep Infra :: Inference provider reselling GLM-4.5 and DeepSeek V3.1.
fireworks :: Company,Platform :: Fireworks AI :: Fireworks|fireworks_ai :: Inference provider reselling DeepSeek V3.1.
groq :: Company,Platform :: Groq :: GroqCloud :: Inference provider reselling Kimi K2.
novita :: Company,Platform :: Novita AI :: Novita :: Inference provider reselling MiniMax M1.
ominigate :: Platform :: Ominigate :: ominigate.ai :: Model API reseller.
qiniu :: Company,Platform :: Qiniu :: 七牛云|七牛 :: Chinese cloud reselling Kimi K2.
maimai :: Platform,Company :: Maimai :: 脉脉|Maimai (professional network) :: Chinese professional social network whose data showed 41.07% of six-tiger staff job-seeking (2025-07).
36kr :: Company :: 36Kr :: 36氪|36 Kr|36kr.com :: Chinese tech media; author of the seed article.
36kr-intelligent-emergence :: Organization :: 36Kr Intelligent Emergence :: 智能涌现|36氪智能涌现 :: 36Kr's AI column.
netease :: Company,Platform :: NetEase :: 网易|网易号|NetEase Hao|163.com :: Chinese internet company; NetEase Hao republished the article.
# ---- exchanges, countries, governments, events ----
hkex :: Exchange :: Hong Kong Stock Exchange :: 港交所|香港交易所|香港联交所|联交所|HKEX|HKEx|SEHK|Hong Kong Exchanges and Clearing|HK Stock Exchange|港股 :: Hong Kong exchange where Zhipu (02513) and MiniMax (00100) listed in 2026-01.
china :: Country :: China :: 中国|中华人民共和国|PRC|Mainland China :: Country.
usa :: Country :: United States :: 美国|US|USA|U.S.|America :: Country.
france :: Country :: France :: 法国 :: Country.
malaysia :: Country :: Malaysia :: 马来西亚|大马 :: Country; announced a national MaaS platform built on Zhipu Z.ai open models.
saudi-arabia :: Country :: Saudi Arabia :: 沙特|沙特阿拉伯 :: Country.
belt-and-road :: Group :: Belt and Road countries :: 一带一路|一带一路国家|Belt and Road Initiative|BRI :: Countries in China's Belt and Road Initiative; one placed a ~US$10M-level order with Zhipu in early 2025.
europe :: Country :: Europe :: 欧洲|欧盟|EU :: Region; European rivals mentioned by OpenAI analysts.
north-america :: Country :: North America :: 北美|北美市场 :: Region; the largest overseas market, effectively closed to Zhipu by US export controls.
us-export-controls :: Government,Event :: US export controls :: 美国出口管制|出口管制|Entity List|实体清单 :: US export restrictions affecting Zhipu.
zhipu-ipo :: Event :: Zhipu AI IPO :: 智谱IPO|智谱上市|智谱港股上市|Zhipu listing|Zhipu Hong Kong IPO :: Zhipu's HKEX main-board listing on 2026-01-08 (stock code 02513; offer price HK$116.20).
minimax-ipo :: Event :: MiniMax IPO :: MiniMax IPO|MiniMax上市|MiniMax港股上市|MiniMax listing :: MiniMax's HKEX listing on 2026-01-09 (stock code 00100; offer price HK$165).
tang-jie-internal-letter :: Event :: Tang Jie internal letter (2026-01-08) :: 唐杰内部信|内部信 :: Internal letter on listing day announcing GLM-5 and MaaS ARR growth.
deepseek-shock :: Event :: DeepSeek shock (early 2025) :: DeepSeek冲击|DeepSeek掀桌|DeepSeek爆火 :: DeepSeek V3/R1 breakout in early 2025 that pushed the six tigers into a "darkest moment".
anthropic-postmortem-2025-09 :: Event :: Anthropic quality-degradation postmortem (2025-09) :: Anthropic postmortem :: Anthropic admitted Opus 4.1/Opus 4 quality drops caused by inference-stack updates (postmortem 2025-09-17).
zhipu-prospectus :: Event :: Zhipu AI prospectus :: 智谱招股书 :: Zhipu's HKEX listing prospectus (2025-12).
minimax-prospectus :: Event :: MiniMax prospectus :: MiniMax招股书 :: MiniMax's HKEX listing prospectus (2025-12).
minimax-open-platform :: Platform :: MiniMax Open Platform :: platform.minimax.io|platform.minimaxi.com|platform.minimax.io (international)|platform.minimaxi.com (China)|MiniMax开放平台 :: MiniMax's API / coding-plan platform (international .io and China .com sites).
moonshot-open-platform :: Platform :: Moonshot AI Open Platform :: platform.moonshot.ai|platform.moonshot.cn|月之暗面开放平台|Kimi开放平台 :: Moonshot AI's API platform.
cny :: Organization :: Chinese yuan (CNY) :: 人民币|RMB|yuan|CNY|renminbi :: Currency; used as subject for implied exchange-rate facts.
"""
