"""A synthetic corpus of N assistance plans for benchmarks: `python bench/corpus.py N DIR`.

Deterministic for a seed, fast (pure string building, no YAML dumper), and shaped like a real
collection: half YAML (one plan in four with Chinese keys), half Markdown with front matter,
`##` parts, leadership label lines, `###` dated steps and numbered requirement lists. Every
part of the model appears. A few hundred organisations are reused with Zipf-like frequency,
people belong to organisations, ~50 cited documents and ~40 tags are shared across plans.

`generate(root, n, seed)` writes `plangen.yaml` and `plans/`; `specs(n, seed)` returns the plan
specifications themselves (used by build_bench.py to write the same corpus for Hugo and MkDocs).
"""

from __future__ import annotations

import bisect
import itertools
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁沈姚卢姜崔钟谭陆汪范金廖贾夏韦傅方邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃戴莫孔汤"
GIVEN = "文涛晓梅建国志明丽海峰永红卫东斌远山庆华启军海燕成明军杰玉兰春生秀英国庆桂芳德胜立新振宇佳怡子涵思远俊杰雅琴婷鹏飞宏伟淑珍家豪嘉欣凤琴伟光天佑利民学勤雪松"
PLACES = ("青溪县", "云州市", "柳湾镇", "石岭乡", "白沙镇", "东坪乡", "南河镇", "西山乡", "北塘镇", "龙泉镇",
          "桃源乡", "清河县", "安平县", "河口镇", "松林乡", "凤鸣镇", "新华区", "长丰县", "梅岭乡", "金水镇",
          "大坪乡", "双龙镇", "红石乡", "永安县", "太平镇", "光明乡", "望江县", "平川镇", "马坪乡", "岭背乡")
VILLAGES = "马坪岭背杨柳沙湾上寨下庄中和高桥黄泥竹园枫林茶坪石门水口新屋"

# Organisation kinds: suffix, and the titles people of that kind hold (all known to cnposts.TITLES).
KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("实验小学", ("校长", "副校长", "教导主任", "德育主任", "教研组长")),
    ("中心小学", ("校长", "副校长", "教导主任", "总务主任")),
    ("第一中学", ("校长", "副校长", "教导主任", "政教主任")),
    ("中心幼儿园", ("园长", "副园长", "办公室主任")),
    ("人民政府", ("县长", "副县长", "办公室主任", "科长")),
    ("教育局", ("局长", "副局长", "股长", "教研员")),
    ("卫生健康局", ("局长", "副局长", "科长")),
    ("人民医院", ("书记", "副书记", "办公室主任", "科长")),
    ("人力资源和社会保障局", ("局长", "副局长", "股长", "科长")),
    ("农业农村局", ("局长", "副局长", "站长", "股长")),
    ("扶贫开发办公室", ("主任", "副主任", "干事")),
    ("发展和改革局", ("局长", "副局长", "科长")),
    ("供销合作社", ("主任", "副主任", "经理")),
    ("农村信用合作联社", ("董事长", "总经理", "副总经理")),
    ("农技推广站", ("站长", "干事")),
)
VILLAGE_TITLES = ("党支部书记", "驻村第一书记", "村主任")
CATEGORIES = (("教育帮扶", "education"), ("医疗帮扶", "health"), ("驻村帮扶", "poverty"),
              ("就业帮扶", "employment"), ("企业帮扶", "enterprise"), ("产业帮扶", "industry"),
              ("消费帮扶", "consumption"), ("科技帮扶", "technology"))
TAGS = ("结对帮扶", "送教下乡", "城乡教育均衡", "精准扶贫", "驻村帮扶", "产业扶贫", "技能培训", "稳岗就业",
        "惠企政策", "房租减免", "医疗下乡", "家庭医生", "乡村振兴", "留守儿童", "控辍保学", "消费扶贫",
        "农技服务", "电商进村", "易地搬迁", "危房改造", "饮水安全", "兜底保障", "小额信贷", "光伏扶贫",
        "劳务协作", "公益岗位", "健康扶贫", "教育资助", "师资培训", "对口支援", "志愿服务", "文化下乡",
        "村级集体经济", "合作社", "茶叶产业", "林下经济", "乡村旅游", "人居环境", "基层党建", "扶志扶智")
DOC_TOPICS = ("城乡学校结对帮扶工作实施意见", "脱贫攻坚驻村帮扶工作管理办法", "脱贫攻坚工作要点",
              "医疗卫生对口支援工作方案", "就业扶贫行动计划", "支持小微企业发展的若干措施",
              "产业扶贫项目资金管理办法", "消费扶贫行动实施意见", "科技特派员工作实施办法",
              "乡村振兴战略实施意见", "农村劳动力转移就业工作意见", "教育精准扶贫实施方案",
              "健康扶贫工程实施方案", "巩固拓展脱贫攻坚成果实施意见", "驻村第一书记管理办法",
              "扶贫小额信贷管理办法", "农村人居环境整治行动方案")
DOC_ISSUERS = (("云州市教育局", "云教发"), ("青溪县扶贫开发领导小组", "青扶组发"), ("云州市人民政府", "云政发"),
               ("云州市卫生健康委员会", "云卫发"), ("青溪县人民政府办公室", "青政办发"),
               ("云州市人力资源和社会保障局", "云人社发"), ("云州市发展和改革委员会", "云发改"))
DEPTS = ("教导处", "办公室", "扶贫工作站", "医务科", "就业服务中心", "项目股", "综合股")

# Sentence patterns; slots: {a} helper org, {b} recipient org, {n} number, {t} tag, {c} category.
OPENERS = (
    "为深入贯彻落实上级关于{c}工作的部署，进一步推动{b}加快发展，结合实际，制定本方案。",
    "为切实做好{y}年度{c}工作，确保各项帮扶措施落到实处，经研究，制定本方案。",
    "根据上级统一安排，{a}与{b}结成帮扶对子，为把这项工作做实做细，制定本方案。",
)
THOUGHTS = (
    "坚持以人民为中心的发展思想，把{c}作为一项重要的政治任务来抓，做到思想上重视、措施上到位、效果上明显。",
    "坚持“平等互助、按需帮扶、共同成长”的原则，发挥{a}在人才、技术和管理方面的优势，带动{b}整体提升。",
    "帮扶不是简单的单向输送，而是双方之间的相互学习，既把成熟的经验带下去，也把基层的好做法带回来。",
    "坚持精准施策，因地制宜，一户一策、一校一策，既解决眼前的突出困难，又着眼于长远的可持续发展。",
    "以{t}为抓手，统筹各方资源，形成部门协同、上下联动、社会参与的工作格局。",
    "坚持扶贫与扶志、扶智相结合，激发帮扶对象的内生动力，防止“等靠要”思想，做到帮扶有温度、发展有后劲。",
)
GOALS = (
    "{b}的基础条件明显改善，群众满意度达到 {p}% 以上；",
    "每年组织{t}活动不少于 {n} 次，参与人数累计达到 {m} 人次；",
    "培养 {n} 名以上业务骨干，形成一支留得住、用得上的本土人才队伍；",
    "建立健全长效机制，帮扶期满后{b}能够自主运转、持续发展；",
    "村集体经济年收入达到 {n} 万元以上，带动 {m} 户群众稳定增收；",
    "适龄儿童无因贫失学辍学，基本医疗保险参保率达到 100%；",
    "帮扶对象中有劳动能力的家庭每户至少有一人稳定就业；",
)
BODIES = (
    "{a}每月选派业务骨干到{b}开展现场指导，每学期不少于 {n} 次，每次活动后填写**活动记录表**。",
    "通过集中培训、跟岗学习和线上交流等方式，帮助{b}的干部职工提升业务能力和服务水平。",
    "对帮扶对象逐户走访，核实家庭人口、收入来源和主要困难，建立“一户一档”帮扶台账。",
    "整合项目资金 {n} 万元，重点支持{t}项目建设，资金使用情况按季度公示，接受群众监督。",
    "联系县内企业开发就业岗位 {m} 个，组织有就业意愿的群众参加**免费技能培训**。",
    "建立双方联席会议制度，每季度召开一次工作推进会，研究解决帮扶中遇到的实际问题。",
    "把帮扶成效纳入年度考核，对工作突出的单位和个人予以表扬，对推进不力的及时督促整改。",
    "各有关单位要明确一名分管领导和一名联络员，确保人员、时间、内容三落实。",
    "严格执行廉洁纪律，帮扶人员不接受宴请，不给帮扶对象增加任何负担。",
    "注重收集活动照片、记录和总结材料，做到工作有计划、过程有记录、结果有评估。",
    "充分利用广播、宣传栏和微信群等渠道，把政策送到每一户，提高群众的知晓率和参与度。",
    "{b}要主动对接，提出具体需求，配合做好各项帮扶活动的组织和保障工作。",
)
STEP_NAMES = ("宣传动员", "调研摸底", "组织实施", "全面推进", "中期评估", "巩固提升", "检查验收", "总结评估")
REQ_TITLES = ("提高认识，落实责任", "立足需求，讲求实效", "严守纪律，减轻负担", "及时总结，建档留痕",
              "加强协调，形成合力", "强化督查，严格考核", "廉洁帮扶，接受监督", "注重宣传，营造氛围")
MEASURE_TITLES = ("产业帮扶", "就业帮扶", "教育帮扶", "健康帮扶", "基层党建", "技术指导", "资金支持", "人才培养")
SECTION_TITLES = ("基本情况", "经费来源", "考核办法", "宣传报道", "联系方式")
NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    title: str
    org: str


@dataclass(slots=True)
class Spec:
    """One plan, independent of its spelling."""

    slug: str
    folder: str
    kind: str  # yaml, yaml-zh, markdown
    title: str
    issuer: str
    date: tuple[int, int, int]
    status: str
    start: tuple[int, int, int]
    end: tuple[int, int, int]
    category: str
    tags: list[str]
    basis: list[tuple[str, str]]
    helpers: list[str]
    recipients: list[str]
    attachments: list[str]
    preamble: str
    guiding: str
    objectives: list[str]
    targets: str
    group_name: str
    leaders: list[Person]
    deputies: list[Person]
    members: list[Person]
    member_note: str
    office: tuple[str, Person]
    steps: list[dict[str, object]]
    measures: list[tuple[str, str]]
    requirements: list[tuple[str, str]]
    safeguards: str
    sections: list[tuple[str, str]] = field(default_factory=list)


class _World:
    """Organisations, people and documents shared by every plan of a corpus."""

    def __init__(self, rng: random.Random, n_orgs: int = 320, n_docs: int = 50) -> None:
        names: dict[str, tuple[str, ...]] = {}
        while len(names) < n_orgs:
            if rng.random() < 0.2:
                name = rng.choice(VILLAGES[0::2]) + rng.choice(VILLAGES[1::2]) + "村"
                names.setdefault(rng.choice(PLACES[2:]) + name, VILLAGE_TITLES)
            else:
                suffix, titles = rng.choice(KINDS)
                names.setdefault(rng.choice(PLACES) + suffix, titles)
        self.orgs = list(names)
        rng.shuffle(self.orgs)
        self.cum = list(itertools.accumulate(1.0 / (k + 1) ** 0.9 for k in range(len(self.orgs))))
        used: set[str] = set()
        self.people: dict[str, list[Person]] = {}
        for org in self.orgs:
            staff = []
            for title in names[org] + names[org][1:]:
                name = self._name(rng, used)
                staff.append(Person(name, title, org))
            self.people[org] = staff
        self.docs: list[tuple[str, str]] = []
        for i in range(n_docs):
            issuer, prefix = DOC_ISSUERS[i % len(DOC_ISSUERS)]
            year = 2012 + (i * 7) % 12
            title = f"{issuer[:3]}{DOC_TOPICS[i % len(DOC_TOPICS)]}" if i >= len(DOC_TOPICS) else DOC_TOPICS[i]
            title = f"{issuer}关于印发{title}的通知" if i % 3 == 0 else title
            self.docs.append((title, f"{prefix}〔{year}〕{i + 3}号" if i % 5 else ""))
        self.doc_cum = list(itertools.accumulate(1.0 / (k + 1) for k in range(n_docs)))

    @staticmethod
    def _name(rng: random.Random, used: set[str]) -> str:
        while True:
            given = GIVEN[rng.randrange(len(GIVEN))]
            if rng.random() < 0.7:
                given += GIVEN[rng.randrange(len(GIVEN))]
            name = rng.choice(SURNAMES) + given
            if name not in used:
                used.add(name)
                return name

    def org(self, rng: random.Random) -> str:
        return self.orgs[bisect.bisect(self.cum, rng.random() * self.cum[-1])]

    def distinct_orgs(self, rng: random.Random, k: int, avoid: set[str]) -> list[str]:
        found: list[str] = []
        while len(found) < k:
            o = self.org(rng)
            if o not in avoid and o not in found:
                found.append(o)
        return found

    def doc(self, rng: random.Random) -> tuple[str, str]:
        return self.docs[bisect.bisect(self.doc_cum, rng.random() * self.doc_cum[-1])]


def _fill(rng: random.Random, pattern: str, ctx: dict[str, str]) -> str:
    return pattern.format(n=rng.randint(2, 12), m=rng.randint(20, 400), p=rng.randint(85, 98), **ctx)


def _para(rng: random.Random, pool: tuple[str, ...], ctx: dict[str, str], k: int) -> str:
    return "".join(_fill(rng, s, ctx) for s in rng.sample(pool, k))


def _date_add(d: tuple[int, int, int], months: int) -> tuple[int, int, int]:
    total = d[0] * 12 + d[1] - 1 + months
    return total // 12, total % 12 + 1, min(d[2], 28)


def _spec(world: _World, rng: random.Random, i: int, earlier: list[tuple[str, str]]) -> Spec:
    category, folder = CATEGORIES[rng.randrange(len(CATEGORIES))]
    issuer = world.org(rng)
    helpers = [issuer] + world.distinct_orgs(rng, rng.randint(0, 1), {issuer})
    recipients = world.distinct_orgs(rng, rng.randint(1, 3), set(helpers))
    year = rng.randint(2010, 2024)
    start = (year, rng.randint(1, 9), rng.randint(2, 28))
    months = rng.randint(4, 18)
    end = _date_add(start, months)
    date = (year, start[1], max(1, start[2] - rng.randint(0, 5)))
    tags = rng.sample(TAGS[:20], 1) + rng.sample(TAGS, rng.randint(1, 3))
    basis = list(dict.fromkeys(world.doc(rng) for _ in range(rng.randint(1, 3))))
    ctx = {"a": helpers[0], "b": recipients[0], "c": category, "t": tags[0], "y": str(year)}
    title = (f"{issuer}{year}年{category}工作方案" if i % 3 else f"{issuer}与{recipients[0]}结对帮扶实施方案")
    cites = "、".join(f"《{t}》" + (f"（{n}）" if n else "") for t, n in basis)
    preamble = f"根据{cites}精神，" + _fill(rng, rng.choice(OPENERS), ctx)
    if earlier and rng.random() < 0.3:
        slug, other = earlier[rng.randrange(len(earlier))]
        preamble += f"本方案与[{other}](plan:{slug})相衔接。"
    staff = [p for o in dict.fromkeys(helpers + recipients) for p in world.people[o]]
    chosen = rng.sample(staff, min(len(staff), rng.randint(4, 7)))
    leaders, deputies, members = chosen[:1], chosen[1:3], chosen[3:]
    steps = []
    cursor, remaining, count = start, months, rng.randint(3, 4)
    for k in range(count):
        span = max(1, remaining // (count - k))
        stop = end if k == count - 1 else _date_add(cursor, span)
        stop = stop if k == count - 1 else (stop[0], stop[1], max(1, stop[2] - 1))
        steps.append({"title": STEP_NAMES[(k * 2 + rng.randint(0, 1)) % len(STEP_NAMES)], "start": cursor,
                      "end": stop, "owner": rng.choice(helpers) + rng.choice(DEPTS),
                      "body": _para(rng, BODIES, ctx, 1),
                      "items": [f"{m}月完成{rng.choice(TAGS)}相关工作" for m in sorted(rng.sample(range(1, 13), 2))]
                      if rng.random() < 0.4 else []})
        cursor = _date_add(cursor, span)
        remaining -= span
    office = (helpers[0] + rng.choice(DEPTS), deputies[0] if deputies else leaders[0])
    status = "draft" if rng.random() < 0.02 else ("active" if year >= 2023 else rng.choice(("completed", "archived")))
    sections = [(t, _para(rng, BODIES, ctx, 1)) for t in rng.sample(SECTION_TITLES, rng.randint(0, 1))]
    return Spec(
        slug=f"{year}-{folder}-{i:05d}", folder=folder, kind=("markdown", "yaml", "markdown", "yaml-zh")[i % 4],
        title=title, issuer=issuer, date=date, status=status, start=start, end=end, category=category,
        tags=list(dict.fromkeys(tags)), basis=basis, helpers=helpers, recipients=recipients,
        attachments=[f"{recipients[0]}帮扶需求清单", "帮扶活动记录表"][: rng.randint(1, 2)],
        preamble=preamble, guiding=_para(rng, THOUGHTS, ctx, 2) + ("\n\n" + _para(rng, THOUGHTS, ctx, 1) if i % 2 else ""),
        objectives=[_fill(rng, s, ctx) for s in rng.sample(GOALS, rng.randint(2, 4))],
        targets="、".join(recipients) + "，重点是" + _para(rng, BODIES, ctx, 1),
        group_name=f"{issuer}{category}工作领导小组", leaders=leaders, deputies=deputies, members=members,
        member_note="各结对单位分管负责人", office=office, steps=steps,
        measures=[(t, _para(rng, BODIES, ctx, 1)) for t in rng.sample(MEASURE_TITLES, rng.randint(2, 3))],
        requirements=[(t, _para(rng, BODIES, ctx, 1)) for t in rng.sample(REQ_TITLES, rng.randint(3, 4))],
        safeguards=_para(rng, BODIES, ctx, 1), sections=sections)


def specs(n: int, seed: int = 0) -> list[Spec]:
    """The plans of the corpus for (n, seed), independent of spelling."""
    rng = random.Random(seed)
    world = _World(rng)
    out: list[Spec] = []
    earlier: list[tuple[str, str]] = []
    for i in range(n):
        spec = _spec(world, rng, i, earlier)
        out.append(spec)
        if spec.status != "draft":
            earlier.append((spec.slug, spec.title))
    return out


# --------------------------------------------------------------------------------------------
# Spellings


def iso(d: tuple[int, int, int]) -> str:
    return f"{d[0]:04d}-{d[1]:02d}-{d[2]:02d}"


def cn_date(d: tuple[int, int, int], year: bool = True) -> str:
    return (f"{d[0]}年" if year else "") + f"{d[1]}月{d[2]}日"


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _block(text: str, indent: str) -> str:
    return "|\n" + "\n".join(indent + line if line else "" for line in text.split("\n"))


def _flow(values: list[str]) -> str:
    return "[" + ", ".join(_q(v) for v in values) + "]"


# English key -> Chinese key, for the YAML plans written with Chinese keys.
ZH = {"title": "标题", "issuer": "发文单位", "date": "印发日期", "status": "状态", "period": "实施时间",
      "start": "开始", "end": "结束", "category": "类别", "tags": "标签", "basis": "依据", "number": "文号",
      "doc_title": "文件名称", "partners": "结对单位", "helpers": "帮扶方", "recipients": "受援方",
      "attachments": "附件", "preamble": "前言", "guiding_thought": "指导思想", "objectives": "工作目标",
      "targets": "帮扶对象", "leadership": "领导小组", "name": "小组名称", "leaders": "组长",
      "deputies": "副组长", "members": "成员", "office": "办公室", "location": "设在", "director": "主任",
      "p_name": "姓名", "p_title": "职务", "p_org": "单位", "description": "说明", "steps": "实施步骤",
      "step_title": "名称", "owner": "负责", "body": "内容", "items": "事项", "measures": "主要措施",
      "requirements": "工作要求", "safeguards": "保障措施", "sections": "其他部分", "item_title": "标题",
      "sec_title": "标题"}


def to_yaml(s: Spec, chinese: bool = False) -> str:
    def k(key: str) -> str:
        return ZH[key] if chinese else key.split("_", 1)[1] if key in ("p_name", "p_title", "p_org", "doc_title",
                                                                        "step_title", "item_title", "sec_title") else key

    def person(p: Person) -> str:
        return f"{{{k('p_name')}: {p.name}, {k('p_title')}: {p.title}, {k('p_org')}: {p.org}}}"

    def items(key: str, pairs: list[tuple[str, str]]) -> list[str]:
        out = [f"{k(key)}:"]
        for title, body in pairs:
            out += [f"  - {k('item_title')}: {_q(title)}", f"    {k('body')}: {_block(body, '      ')}"]
        return out

    date = cn_date(s.date) if s.date[2] % 3 == 0 else iso(s.date)
    lines = [f"# 合成语料：{s.slug}" if chinese else f"# synthetic plan {s.slug}",
             f"{k('title')}: {_q(s.title)}", f"{k('issuer')}: {s.issuer}", f"{k('date')}: {date}",
             f"{k('status')}: {s.status}",
             f"{k('period')}: {{{k('start')}: {iso(s.start)}, {k('end')}: {iso(s.end)}}}",
             f"{k('category')}: {s.category}", f"{k('tags')}: {_flow(s.tags)}", f"{k('basis')}:"]
    for title, number in s.basis:
        lines.append(f"  - {{{k('doc_title')}: {_q(title)}" + (f", {k('number')}: {_q(number)}}}" if number else "}"))
    lines += [f"{k('partners')}:", f"  {k('helpers')}: {_flow(s.helpers)}", f"  {k('recipients')}: {_flow(s.recipients)}",
              f"{k('attachments')}: {_flow(s.attachments)}", "",
              f"{k('preamble')}: {_block(s.preamble, '  ')}", f"{k('guiding_thought')}: {_block(s.guiding, '  ')}",
              f"{k('objectives')}:", *(f"  - {_q(o)}" for o in s.objectives),
              f"{k('targets')}: {_block(s.targets, '  ')}", "",
              f"{k('leadership')}:", f"  {k('name')}: {s.group_name}", f"  {k('leaders')}:",
              *(f"    - {person(p)}" for p in s.leaders), f"  {k('deputies')}:",
              *(f"    - {person(p)}" for p in s.deputies), f"  {k('members')}:",
              *(f"    - {person(p)}" for p in s.members), f"    - {{{k('description')}: {s.member_note}}}",
              f"  {k('office')}:", f"    {k('location')}: {s.office[0]}",
              f"    {k('director')}: {person(s.office[1])}", "", f"{k('steps')}:"]
    for st in s.steps:
        lines += [f"  - {k('step_title')}: {st['title']}", f"    {k('start')}: {iso(st['start'])}",  # type: ignore[arg-type]
                  f"    {k('end')}: {iso(st['end'])}", f"    {k('owner')}: {st['owner']}",  # type: ignore[arg-type]
                  f"    {k('body')}: {_block(str(st['body']), '      ')}"]
        if st["items"]:
            lines += [f"    {k('items')}:", *(f"      - {_q(x)}" for x in st["items"])]  # type: ignore[attr-defined]
    lines += items("measures", s.measures) + items("requirements", s.requirements)
    lines.append(f"{k('safeguards')}: {_block(s.safeguards, '  ')}")
    if s.sections:
        lines.append(f"{k('sections')}:")
        for title, body in s.sections:
            lines += [f"  - {k('sec_title')}: {title}", f"    {k('body')}: {_block(body, '      ')}"]
    return "\n".join(lines) + "\n"


def _person_md(p: Person) -> str:
    return f"{p.name}（{p.org}{p.title}）"


def markdown_body(s: Spec) -> str:
    """The body of the plan as Markdown (after the front matter); Hugo and MkDocs pages reuse it."""
    out = [f"# {s.title}", "", s.preamble, ""]
    n = iter(NUMERALS)
    out += [f"## {next(n)}、指导思想", "", s.guiding, "", f"## {next(n)}、工作目标", ""]
    out += [f"- {o}" for o in s.objectives] + ["", f"## {next(n)}、帮扶对象", "", s.targets, ""]
    out += [f"## {next(n)}、组织领导", "", f"成立{s.group_name}：", "",
            "组长：" + "、".join(_person_md(p) for p in s.leaders),
            "副组长：" + "、".join(_person_md(p) for p in s.deputies),
            "成 员：" + "、".join(_person_md(p) for p in s.members) + f"、{s.member_note}", "",
            f"领导小组办公室设在{s.office[0]}，主任由{s.office[1].name}兼任，负责日常联络和资料归档。", ""]
    out += [f"## {next(n)}、实施步骤", ""]
    for i, st in enumerate(s.steps):
        a, b = st["start"], st["end"]
        span = f"{cn_date(a)}至{cn_date(b, year=b[0] != a[0])}"  # type: ignore[arg-type,index]
        out += [f"### 第{NUMERALS[i]}阶段：{st['title']}（{span}）", "", f"负责：{st['owner']}", "", str(st["body"]), ""]
    out += [f"## {next(n)}、主要措施", ""]
    out += [f"{i}. **{t}**。{b}" for i, (t, b) in enumerate(s.measures, 1)] + [""]
    for title, body in s.sections:
        out += [f"## {next(n)}、{title}", "", body, ""]
    out += [f"## {next(n)}、工作要求", ""]
    out += [f"{i}. **{t}**。{b}" for i, (t, b) in enumerate(s.requirements, 1)] + [""]
    out += [f"## {next(n)}、保障措施", "", s.safeguards, ""]
    return "\n".join(out)


def to_markdown(s: Spec) -> str:
    date = f"{s.date[0]}.{s.date[1]}.{s.date[2]}" if s.date[2] % 2 else cn_date(s.date)
    front = [
        "---", f"title: {_q(s.title)}", f"issuer: {s.issuer}", f"date: {date}", f"status: {s.status}",
        f"period: {{start: {iso(s.start)}, end: {iso(s.end)}}}", f"category: {s.category}", f"tags: {_flow(s.tags)}",
        "basis:", *(f"  - {{title: {_q(t)}" + (f", number: {_q(no)}}}" if no else "}") for t, no in s.basis),
        "partners:", f"  helpers: {_flow(s.helpers)}", f"  recipients: {_flow(s.recipients)}",
        f"attachments: {_flow(s.attachments)}", "---", ""]
    return "\n".join(front) + markdown_body(s)


def plan_file(s: Spec) -> tuple[str, str]:
    """(path relative to plans/, text) of a plan in its spelling."""
    if s.kind == "markdown":
        return f"{s.folder}/{s.slug}.md", to_markdown(s)
    return f"{s.folder}/{s.slug}.yaml", to_yaml(s, chinese=s.kind == "yaml-zh")


CONFIG = "title: 帮扶方案（合成语料）\nlanguage: zh-CN\nplans: plans\noutput: site\nsearch: false\nhistory: false\n"


def generate(root: Path, n: int, seed: int = 0) -> list[Spec]:
    """Write plangen.yaml and plans/ for n plans under root; returns the specs."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "plangen.yaml").write_text(CONFIG, encoding="utf-8")
    all_specs = specs(n, seed)
    for folder in {s.folder for s in all_specs}:
        (root / "plans" / folder).mkdir(parents=True, exist_ok=True)
    for s in all_specs:
        rel, text = plan_file(s)
        (root / "plans" / rel).write_text(text, encoding="utf-8")
    return all_specs


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3) or not argv[0].isdigit():
        print("usage: python bench/corpus.py N DIR [SEED]", file=sys.stderr)
        return 2
    generate(Path(argv[1]), int(argv[0]), int(argv[2]) if len(argv) == 3 else 0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
