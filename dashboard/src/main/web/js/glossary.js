// The definition (口径) behind each KPI tile, from the README's metric glossary (SPEC §4).
import { lang } from "./i18n.js";

const GLOSSARY = {
    hotline: ["12345热线今日（北京时间自然日）受理的工单数：HOTLINE 的 CREATED 事件。",
        "Hotline work orders created today (Beijing calendar day): HOTLINE CREATED events."],
    grid: ["网格员今日主动发现的问题数：GRID 的 CREATED 事件。",
        "Problems grid workers found today: GRID CREATED events."],
    failedChecks: ["创城抽查今日不合格的次数：passed = false 的 CHECKED 事件。",
        "Civilized-city spot checks failed today: CHECKED events with passed = false."],
    open: ["在办：自 CREATED 起至 RESOLVED 止，REOPENED 后重新计入；CLOSED 即办结。\"未解决\"的评价不会重开案件。",
        "Open: from CREATED until RESOLVED, again after REOPENED; finished at CLOSED. A \"not solved\" rating does not reopen a case."],
    overdue: ["超期：在办且已超过办结时限（紧急2小时；供暖、积水24小时；其他7天，自受理起算）。",
        "Overdue: open and past its resolution limit (urgent 2 h; heating and waterlogging 24 h; otherwise 7 days from creation)."],
    aboutToBreach: ["即将超期：在办、尚未超期，且将在2小时内到期。",
        "About to breach: open, not yet overdue, due within the next 2 hours."],
    response: ["响应率 = 按时响应数 ÷ 已判定响应数（近24小时，热线）。时限：紧急2小时，其他24小时；超时未响应在时限到达时判为未按时。附待响应数。",
        "Response rate = on-time responses ÷ response decisions (last 24 h, hotline). Limit: 2 h urgent, else 24 h; an unanswered case is decided as missed at its limit. Shown with cases awaiting a decision."],
    resolution: ["解决率 = 回访中表示\"已解决\"的评价数 ÷ 评价数（近24小时，热线；同一案件只计最新一次评价）。附待回访数。",
        "Resolution rate = ratings saying \"resolved\" ÷ ratings (last 24 h, hotline; a case's latest rating only). Shown with resolved cases awaiting a rating."],
    satisfaction: ["满意率 = (满意 + 基本满意×权重) ÷ 评价数（近24小时，热线；权重默认1）。",
        "Satisfaction = (satisfied + weight × basically satisfied) ÷ ratings (last 24 h, hotline; weight 1 by default)."],
    proactive: ["未诉先办占比 = (网格发现 + 抽查不合格) ÷ 全部新增问题（近24小时）。",
        "Proactive share = (grid discoveries + failed checks) ÷ all problems created (last 24 h)."],
    spotCheck: ["抽查合格率 = 合格次数 ÷ 全部抽查（CHECKED）次数（近24小时）。",
        "Spot-check pass rate = passed ÷ all CHECKED events (last 24 h)."],
    per10k: ["万人诉求比 = 今日热线工单数 ÷ (常住人口 ÷ 10,000)，人口取2020年第七次人口普查。",
        "Cases per 10,000 residents = hotline cases today ÷ (population ÷ 10,000), 2020 census population."],
};

/** The definition of a KPI in the current language. */
export function definition(key) {
    const entry = GLOSSARY[key];
    return entry ? entry[lang() === "en" ? 1 : 0] : "";
}
