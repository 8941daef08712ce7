// The page's words in Chinese (default) and English; ?lang=en or the EN button switches.
const WORDS = {
    zh: {
        "title": "城市治理指挥中心", "city": "北京市", "back": "返回全市", "pin": "固定画面", "unpin": "恢复轮播",
        "close": "关闭", "filter.category": "类别", "filter.range": "时段", "all": "全部类别",
        "range.24h": "近24小时", "range.7d": "近7天", "range.30d": "近30天",
        "panel.map": "各区态势", "panel.alerts": "热点预警", "panel.ranking": "三率综合排名（月评）",
        "panel.streets": "街道乡镇排名", "panel.trend": "趋势（对比上周同期）", "panel.categories": "问题类别 Top 8",
        "panel.points": "高频点位（7天）", "panel.watchlist": "挂牌督办",
        "conn.connecting": "正在连接…", "conn.live": "实时", "conn.lost": "连接中断，{age}前的数据，{retry}秒后重连",
        "conn.stale": "数据延迟：{what}", "conn.resync": "正在同步…",
        "map.created": "今日案件", "map.per10k": "万人诉求比", "map.overdue": "超期", "map.composite": "综合得分",
        "kpi.hotline": "今日热线受理", "kpi.grid": "今日网格发现", "kpi.failedChecks": "今日抽查不合格",
        "kpi.open": "在办案件", "kpi.overdue": "超期案件", "kpi.aboutToBreach": "即将超期（2小时内）",
        "kpi.response": "响应率（24h）", "kpi.resolution": "解决率（24h）", "kpi.satisfaction": "满意率（24h）",
        "kpi.proactive": "未诉先办占比", "kpi.spotCheck": "抽查合格率", "kpi.per10k": "万人诉求比（今日）",
        "vs.lastWeek": "较上周同期", "pending.response": "待响应", "pending.rating": "待回访",
        "stale.age": "数据已{age}未更新", "stale.never": "尚未收到数据", "age.never": "从未收到", "unit.s": "秒", "unit.min": "分钟",
        "unit.h": "小时", "unit.d": "天", "unit.pp": "个百分点",
        "col.rank": "#", "col.name": "名称", "col.composite": "综合", "col.response": "响应",
        "col.resolution": "解决", "col.satisfaction": "满意", "col.spotCheck": "抽查合格", "col.cases": "件数",
        "col.today": "今日", "col.open": "在办", "col.overdue": "超期", "col.point": "点位", "col.street": "街道",
        "col.problems": "问题数", "col.failedChecks": "抽查不合格", "col.since": "挂牌日",
        "by.district": "按区", "by.unit": "按承办单位",
        "trend.today": "本期", "trend.lastWeek": "上周同期",
        "alert.ack": "确认", "alert.comment": "批注", "alert.assign": "指派", "alert.acked": "已确认",
        "alert.sent": "已提交", "alert.failed": "提交失败：{why}", "alert.commentPh": "批注（可选）",
        "alert.assignPh": "指派给（可选）", "alert.submit": "提交", "alert.none": "暂无预警",
        "alert.obs": "实际 {o} / 预期 {e}", "alert.age": "{age}前",
        "kind.NEW": "新发", "kind.INTENSIFYING": "加剧", "kind.PERSISTENT": "持续", "kind.DIMINISHING": "减弱",
        "sev.HIGH": "高", "sev.MEDIUM": "中", "sev.LOW": "低",
        "cases.title": "案件清单：{what}", "cases.none": "没有案件", "cases.error": "无法加载：{why}",
        "col.caseId": "工单号", "col.source": "来源", "col.category": "类别", "col.status": "状态",
        "col.created": "受理时间", "col.limit": "办结时限", "col.district": "区",
        "src.HOTLINE": "热线", "src.GRID": "网格", "src.INSPECTION": "抽查",
        "status.OPEN": "在办", "status.RESOLVED": "已解决", "status.CLOSED": "已办结",
        "none": "暂无数据", "error.auth": "会话已过期，请重新打开 /?token=…",
    },
    en: {
        "title": "City Governance Command Centre", "city": "Beijing", "back": "Back to city", "pin": "Pin scene",
        "unpin": "Resume rotation", "close": "Close", "filter.category": "Category", "filter.range": "Range",
        "all": "All categories", "range.24h": "Last 24 h", "range.7d": "Last 7 days", "range.30d": "Last 30 days",
        "panel.map": "Districts", "panel.alerts": "Hotspot alerts", "panel.ranking": "Composite ranking (monthly)",
        "panel.streets": "Streets and towns", "panel.trend": "Trend vs same period last week",
        "panel.categories": "Top 8 categories", "panel.points": "High-frequency points (7 d)",
        "panel.watchlist": "Watch-list",
        "conn.connecting": "Connecting…", "conn.live": "Live", "conn.lost": "Connection lost, data {age} old, retry in {retry} s",
        "conn.stale": "Delayed data: {what}", "conn.resync": "Resynchronising…",
        "map.created": "Cases today", "map.per10k": "Cases per 10k", "map.overdue": "Overdue", "map.composite": "Composite",
        "kpi.hotline": "Hotline cases today", "kpi.grid": "Grid discoveries today", "kpi.failedChecks": "Failed checks today",
        "kpi.open": "Open cases", "kpi.overdue": "Overdue", "kpi.aboutToBreach": "Due within 2 h",
        "kpi.response": "Response rate (24 h)", "kpi.resolution": "Resolution rate (24 h)",
        "kpi.satisfaction": "Satisfaction (24 h)", "kpi.proactive": "Proactive share", "kpi.spotCheck": "Spot-check pass rate",
        "kpi.per10k": "Cases per 10k residents (today)",
        "vs.lastWeek": "vs last week", "pending.response": "awaiting response", "pending.rating": "awaiting rating",
        "stale.age": "no data for {age}", "stale.never": "no data received yet", "age.never": "never received", "unit.s": " s", "unit.min": " min",
        "unit.h": " h", "unit.d": " d", "unit.pp": " pp",
        "col.rank": "#", "col.name": "Name", "col.composite": "Score", "col.response": "Resp.",
        "col.resolution": "Resol.", "col.satisfaction": "Satisf.", "col.spotCheck": "Checks OK", "col.cases": "Cases",
        "col.today": "Today", "col.open": "Open", "col.overdue": "Overdue", "col.point": "Point", "col.street": "Street",
        "col.problems": "Problems", "col.failedChecks": "Failed checks", "col.since": "Listed",
        "by.district": "Districts", "by.unit": "Handling units",
        "trend.today": "This period", "trend.lastWeek": "Last week",
        "alert.ack": "Ack", "alert.comment": "Comment", "alert.assign": "Assign", "alert.acked": "Acknowledged",
        "alert.sent": "Sent", "alert.failed": "Failed: {why}", "alert.commentPh": "Comment (optional)",
        "alert.assignPh": "Assign to (optional)", "alert.submit": "Submit", "alert.none": "No alerts",
        "alert.obs": "observed {o} / expected {e}", "alert.age": "{age} ago",
        "kind.NEW": "New", "kind.INTENSIFYING": "Intensifying", "kind.PERSISTENT": "Persistent", "kind.DIMINISHING": "Diminishing",
        "sev.HIGH": "High", "sev.MEDIUM": "Med", "sev.LOW": "Low",
        "cases.title": "Cases: {what}", "cases.none": "No cases", "cases.error": "Cannot load: {why}",
        "col.caseId": "Case", "col.source": "Source", "col.category": "Category", "col.status": "Status",
        "col.created": "Created", "col.limit": "Due", "col.district": "District",
        "src.HOTLINE": "Hotline", "src.GRID": "Grid", "src.INSPECTION": "Check",
        "status.OPEN": "Open", "status.RESOLVED": "Resolved", "status.CLOSED": "Closed",
        "none": "No data", "error.auth": "Session expired: open /?token=… again",
    },
};

let current = "zh";
const listeners = [];

/** The current language: "zh" or "en". */
export function lang() {
    return current;
}

/** The word for a key in the current language, with {name} placeholders filled in. */
export function t(key, vars) {
    const text = WORDS[current][key] ?? WORDS.zh[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, name) => vars[name] ?? "") : text;
}

/** Switches the language, relabels every [data-i18n] element and tells the listeners. */
export function setLang(next) {
    current = next === "en" ? "en" : "zh";
    document.documentElement.lang = current === "en" ? "en" : "zh-CN";
    for (const el of document.querySelectorAll("[data-i18n]")) {
        el.textContent = t(el.dataset.i18n);
    }
    for (const listener of listeners) listener(current);
}

/** Calls back on every language switch. */
export function onLangChange(listener) {
    listeners.push(listener);
}

/** A name in the current language: the English one when it exists and English is on. */
export function localName(zh, en) {
    return current === "en" && en ? en : zh;
}
