"""Each leadership form the importer reads."""

from __future__ import annotations

import pytest

from plangen.importer.people import read_group


def test_role_line_with_titles_in_brackets() -> None:
    group, warnings = read_group(["组长:井明泉(五井小学校长)于海军(嵩山小学校长)"])
    assert group["leaders"] == [{"name": "井明泉", "title": "校长", "org": "五井小学"},
                                {"name": "于海军", "title": "校长", "org": "嵩山小学"}]
    assert warnings == []


def test_several_roles_on_one_line_and_names_continued_on_the_next() -> None:
    group, _ = read_group(["组长:张明(五井小学校长)副组长:刘钰(五井小学副校长)。",
                           "赵磊(五井小学教导主任)。", "成员:结对学校全体教师。"])
    assert [p["name"] for p in group["leaders"]] == ["张明"]
    assert [p["name"] for p in group["deputies"]] == ["刘钰", "赵磊"]
    assert group["members"] == [{"description": "结对学校全体教师"}]


def test_spaced_labels_and_full_width_colon() -> None:
    group, _ = read_group(["组 长：张三、李四", "副 组 长：王五", "组  员：赵六 钱七"])
    assert [p["name"] for p in group["leaders"]] == ["张三", "李四"]
    assert [p["name"] for p in group["deputies"]] == ["王五"]
    assert [p["name"] for p in group["members"]] == ["赵六", "钱七"]


def test_empty_template_slots_are_empty_and_reported() -> None:
    group, warnings = read_group(["组长:副组长:组员:"])
    assert group["leaders"] == [] and not group.get("deputies") and not group.get("members")
    assert len(warnings) == 3 and "组长" in warnings[0].message
    assert group["body"] == "组长:副组长:组员:"  # kept, so the part is not empty


def test_prose_you_ren_zuzhang() -> None:
    group, _ = read_group(["由县委常委李某任组长"])
    assert group["leaders"] == [{"name": "李某", "title": "县委常委"}]


def test_prose_without_you_with_two_titles_and_office() -> None:
    text = ("成立城乡学校结对帮扶领导小组,区委常委、宣传部长王立新任组长,区教育局副局长陈晓东任常务副组长,"
            "各结对学校校长任副组长,成员包括各校教导主任,办公室设在区教育局,由周海同志兼任办公室主任。")
    group, _ = read_group([text])
    assert group["name"] == "城乡学校结对帮扶领导小组"
    assert group["leaders"] == [{"name": "王立新", "title": "区委常委、宣传部长"}]
    assert group["deputies"] == [{"name": "陈晓东", "title": "副局长", "org": "区教育局", "role": "常务副组长"},
                                 {"description": "各结对学校校长"}]
    assert group["members"] == [{"description": "各校教导主任"}]
    assert group["office"] == {"location": "区教育局", "director": {"name": "周海"}}
    assert group["body"] == text  # the prose is kept as the group's text


def test_prose_role_first_and_yi_wei() -> None:
    group, _ = read_group(["组长由纪委书记担任,副组长由工作部部长担任,成员为中层干部。"])
    assert group["leaders"] == [{"description": "纪委书记"}]
    assert group["members"] == [{"description": "中层干部"}]
    group, _ = read_group(["我们乡成立以乡长为组长,各村干部为成员的领导小组。"])
    assert group["leaders"] == [{"description": "乡长"}]


def test_traditional_text_keeps_its_characters() -> None:
    group, _ = read_group(["組長:劉鈺(五井小學副校長)"], "幫扶結對活動領導小組。")
    assert group["name"] == "幫扶結對活動領導小組"
    assert group["leaders"] == [{"name": "劉鈺", "title": "副校長", "org": "五井小學"}]


def test_text_without_people_is_kept_as_the_body() -> None:
    group, _ = read_group(["加大宣传。成立帮困企业工作领导小组,加大对干部职工的宣传。"], "加强领导")
    assert group["leaders"] == [] and group["name"] == "帮困企业工作领导小组"
    assert "加大宣传" in group["body"]


def test_a_person_in_two_roles_keeps_the_first_and_is_reported() -> None:
    group, warnings = read_group(["组长:张三", "成员:张三、李四"])
    assert group["leaders"] == [{"name": "张三"}] and group["members"] == [{"name": "李四"}]
    assert "张三" in warnings[0].message


def test_a_known_organisation_name_is_split_from_the_title_before_the_suffix_rule() -> None:
    line = ["组长：王立新（青山县农业农村局农技中心主任）", "由青山县农业农村局农技中心副主任陈红任副组长"]
    by_suffix, _ = read_group(line)  # a centre under a bureau: one of its departments
    assert by_suffix["leaders"] == [{"name": "王立新", "title": "农技中心主任", "org": "青山县农业农村局"}]
    known, _ = read_group(line, orgs=("青山县农业农村局农技中心",))  # the registry names the centre a body
    assert known["leaders"] == [{"name": "王立新", "title": "主任", "org": "青山县农业农村局农技中心"}]
    assert known["deputies"][0] == {"name": "陈红", "title": "副主任", "org": "青山县农业农村局农技中心"}


def test_a_department_stays_in_the_title() -> None:
    """教务处, 护理部, 基础教育股 are parts of an organisation: with it written before, it is the organisation;
    alone, the department stays in the title."""
    group, _ = read_group(["组长：王立新（青山县实验学校教务处主任）", "副组长：陈红（县人民医院护理部主任）"])
    assert group["leaders"] == [{"name": "王立新", "title": "教务处主任", "org": "青山县实验学校"}]
    assert group["deputies"] == [{"name": "陈红", "title": "护理部主任", "org": "县人民医院"}]
    alone, _ = read_group(["成员：教务处主任 郝仁、县委组织部部长 钟南"])
    assert alone["members"] == [{"name": "郝仁", "title": "教务处主任"},
                                {"name": "钟南", "title": "部长", "org": "县委组织部"}]


def test_a_department_under_a_school_named_by_its_number() -> None:
    group, _ = read_group(["成员：钟秀英（县二中教务处主任）、黎俊（县二中政教处主任）"])
    assert group["members"] == [{"name": "钟秀英", "title": "教务处主任", "org": "县二中"},
                                {"name": "黎俊", "title": "政教处主任", "org": "县二中"}]


def test_words_that_hold_a_place_character_are_no_place() -> None:
    """村镇建设股 is a department (村镇: villages and towns), not a body of a village or a town."""
    group, _ = read_group(["成员：邬晨（村镇建设股股长）、鲍勇（县教研室主任）"])
    assert group["members"] == [{"name": "邬晨", "title": "村镇建设股股长"},
                                {"name": "鲍勇", "title": "主任", "org": "县教研室"}]


def test_an_office_alone_or_a_bureaus_is_a_department_after_another_organisation_a_body() -> None:
    group, _ = read_group(["成员：丁卫国（综合办公室主任）、白居正（市第二中学办公室主任）、冼夫（街道办事处主任）",
                           "莫晓丹（县气象局办公室主任）、田甜（县文化馆办公室主任）、杨国庆（县政府办公室主任）"])
    assert group["members"] == [{"name": "丁卫国", "title": "综合办公室主任"},
                                {"name": "白居正", "title": "主任", "org": "市第二中学办公室"},
                                {"name": "冼夫", "title": "主任", "org": "街道办事处"},
                                {"name": "莫晓丹", "title": "办公室主任", "org": "县气象局"},
                                {"name": "田甜", "title": "办公室主任", "org": "县文化馆"},
                                {"name": "杨国庆", "title": "主任", "org": "县政府办公室"}]


def test_the_youth_leagues_and_a_unions_office_are_their_departments() -> None:
    group, _ = read_group(["成员：黄小燕（团县委办公室主任）、龙秀英（县总工会办公室主任）"])
    assert group["members"] == [{"name": "黄小燕", "title": "办公室主任", "org": "团县委"},
                                {"name": "龙秀英", "title": "办公室主任", "org": "县总工会"}]


def test_the_office_head_in_a_unit_of_the_groups_own_body_keeps_the_unit_in_the_post() -> None:
    group, _ = read_group([("医院成立领导小组，由党委书记、院长黄志坚任组长，副院长覃卫东任副组长。领导小组下设办公室，"
                            "办公室设在医务部，由胸痛中心协调员米雪同志担任办公室主任。")])
    assert group["office"]["director"] == {"name": "米雪", "title": "胸痛中心协调员"}


def test_members_after_a_verb_and_a_colon_and_advisers_invited_to_the_group() -> None:
    group, _ = read_group([("由党委书记、校长向慧敏任组长，成员有：聂红英（学前教育系主任）、吴春华（教务处处长）。"
                            "同时，邀请县商务局副局长姚振华、县农业农村局副局长卢雪梅担任领导小组顾问。")])
    assert [(p["name"], p.get("title"), p.get("role")) for p in group["members"]] == [
        ("聂红英", "学前教育系主任", None), ("吴春华", "教务处处长", None), ("姚振华", "副局长", "顾问"), ("卢雪梅", "副局长", "顾问")]
    assert group["members"][2]["org"] == "县商务局"


def test_village_posts_and_a_supervisor_before_names_are_their_titles() -> None:
    group, _ = read_group(["组 长：村支书 黄德胜 成 员：村会计 朱小平、村文书 石小燕、信息技术部主管龙小飞及各服务站站长"])
    assert group["leaders"] == [{"name": "黄德胜", "title": "村支书"}]
    assert group["members"] == [{"name": "朱小平", "title": "村会计"}, {"name": "石小燕", "title": "村文书"},
                                {"name": "龙小飞", "title": "信息技术部主管"}, {"description": "各服务站站长"}]


def test_a_four_character_name_after_a_post_when_no_shorter_name_leaves_a_post() -> None:
    group, _ = read_group(["由镇党委书记王海涛任组长，镇党委副书记、镇长更登扎西任常务副组长，副镇长拉毛措任副组长。"])
    assert group["deputies"] == [{"name": "更登扎西", "title": "镇党委副书记、镇长", "role": "常务副组长"},
                                 {"name": "拉毛措", "title": "副镇长"}]


def test_a_sentence_forming_another_team_after_the_group_adds_none_of_its_roles_to_the_group() -> None:
    group, _ = read_group(["学校成立结对帮扶工作领导小组，由党委书记、校长向慧敏任组长，副校长梁晓燕任副组长。",
                           "每所结对中心园组建一个帮扶小组，由1名骨干教师任组长，吸收艺术等专业教师为成员。"])
    assert group["leaders"] == [{"name": "向慧敏", "title": "党委书记、校长"}]
    assert group["deputies"] == [{"name": "梁晓燕", "title": "副校长"}] and "members" not in group
    assert "每所结对中心园组建一个帮扶小组" in group["body"]


def test_a_bureaus_own_office_named_with_ban_and_a_comrade_before_the_post_in_brackets() -> None:
    group, _ = read_group(["成员：邝永福（县教育局基建办主任）、周强（县委农办主任）",
                           "领导小组办公室设在县教育局，周强同志兼任办公室主任，肖丹同志（县人大常委会办公室四级主任科员）任联络员。"])
    assert group["members"] == [{"name": "邝永福", "title": "基建办主任", "org": "县教育局"},
                                {"name": "周强", "title": "主任", "org": "县委农办"},
                                {"name": "肖丹", "title": "四级主任科员", "org": "县人大常委会办公室", "role": "联络员"}]


def test_a_flattened_row_of_names_and_posts_ending_in_a_group_and_a_companys_centre_and_chef() -> None:
    group, _ = read_group(["成　员：向明辉　县水利局副局长　　　　　覃小兵　县自然资源局副局长　　　　　项目所在乡镇乡镇长",
                           "　　　　滕建波（云栖酒店管理集团人力资源中心总经理）、邵国良（云栖酒店管理集团行政总厨）"])
    assert group["members"] == [{"name": "向明辉", "title": "副局长", "org": "县水利局"},
                                {"name": "覃小兵", "title": "副局长", "org": "县自然资源局"},
                                {"description": "项目所在乡镇乡镇长"},
                                {"name": "滕建波", "title": "人力资源中心总经理", "org": "云栖酒店管理集团"},
                                {"name": "邵国良", "title": "行政总厨", "org": "云栖酒店管理集团"}]


def test_the_office_head_written_post_then_name_after_a_colon() -> None:
    group, _ = read_group(["组长：唐春晖（县卫生健康局副局长）", "领导小组办公室设在县疾控中心免疫规划科，办公室主任：免疫规划科科长 石磊。"])
    assert group["office"]["director"] == {"name": "石磊", "title": "免疫规划科科长"}


def test_a_leadership_table_with_a_duties_column_keeps_the_duties_in_the_groups_text() -> None:
    group, _ = read_group(["| 职务 | 姓名 | 单位及职务 | 工作分工 |", "| --- | --- | --- | --- |",
                           "| 组长 | 谭雪梅 | 柳岸社区党总支书记 | 全面负责 |", "| 成员 | 袁小军 | 柳岸社区残疾人专职委员 | 需求摸底 |"])
    assert [p["name"] for p in group["leaders"] + group["members"]] == ["谭雪梅", "袁小军"]
    assert "全面负责" in group["body"] and "需求摸底" in group["body"]


def test_comrade_before_and_and_the_office_head_of_the_centre_named_before() -> None:
    group, _ = read_group([("由镇长卢小燕同志任组长，副镇长万思远同志和县农业农村局驻镇农技员覃永康同志任副组长。"
                            "领导小组办公室设在镇农业综合服务中心，由该中心主任胡德胜同志兼任办公室主任。")])
    assert group["deputies"] == [{"name": "万思远", "title": "副镇长"},
                                 {"name": "覃永康", "title": "驻镇农技员", "org": "县农业农村局"}]
    assert group["office"]["director"] == {"name": "胡德胜", "title": "主任"}


def test_spaced_people_then_a_group_and_names_spaced_out_and_a_head_of_quality_before_a_name() -> None:
    group, _ = read_group(["组长：覃 志 强（副镇长）",
                           "副组长：总经理　钟　灵　　质量负责人　施文静",
                           "成员：卢晓峰　物理教研组长、孙倩　九年级物理备课组长、麻江乡中学全体物理教师",
                           "　　　侯建军（县林业局森林防火办公室主任）"])
    assert group["leaders"] == [{"name": "覃志强", "title": "副镇长"}]
    assert group["deputies"] == [{"name": "钟灵", "title": "总经理"}, {"name": "施文静", "title": "质量负责人"}]
    assert group["members"] == [{"name": "卢晓峰", "title": "物理教研组长"}, {"name": "孙倩", "title": "九年级物理备课组长"},
                                {"description": "麻江乡中学全体物理教师"},
                                {"name": "侯建军", "title": "森林防火办公室主任", "org": "县林业局"}]


def test_a_post_qualified_by_its_charge_before_a_name_and_a_teacher_named_by_surname_only() -> None:
    group, _ = read_group(["由院长谭正文任组长，分管医疗副院长黎红英、麻醉科主任蒋德明任副组长。",
                           "成员：贺  平（社区居委会主任）、秦老师（退休教师，志愿者）"])
    assert group["deputies"] == [{"name": "黎红英", "title": "分管医疗副院长"}, {"name": "蒋德明", "title": "麻醉科主任"}]
    assert group["members"][0] == {"name": "贺平", "title": "主任", "org": "社区居委会"}
    assert "name" not in group["members"][1] and "秦老师" in group["members"][1]["description"]


def test_members_made_up_of_people_parted_by_commas_and_posts_in_quotes_or_in_a_ward() -> None:
    group, _ = read_group([("由村党支部书记龙永福任组长，成员由村“两委”委员吴建华、龙国强，镇农业综合服务中心技术员陈志远及各村民小组组长组成。"
                            "领导小组下设技术指导组，由肾内科主任彭卫东任组长。"),
                           "成员：彭涛（骨伤一病区主任）"])
    assert [(p.get("name"), p.get("title"), p.get("org")) for p in group["members"]] == [
        ("吴建华", "村“两委”委员", None), ("龙国强", "村“两委”委员", None), ("陈志远", "技术员", "镇农业综合服务中心"),
        (None, None, None), ("彭涛", "骨伤一病区主任", None)]
    assert [p.get("name") for p in group["leaders"]] == ["龙永福"]


def test_prose_groups_read_four_character_names_and_titles_after_an_organisation() -> None:
    group, _ = read_group([("领导小组由县教育局党组书记、局长欧阳晓峰同志担任组长，县教育局副局长贺春林同志、"
                            "县教师发展中心主任樊莉同志担任副组长，局属各股室负责人为成员。")])
    assert group["leaders"] == [{"name": "欧阳晓峰", "title": "党组书记、局长", "org": "县教育局"}]
    assert group["deputies"] == [{"name": "贺春林", "title": "副局长", "org": "县教育局"},
                                 {"name": "樊莉", "title": "主任", "org": "县教师发展中心"}]
    assert group["members"] == [{"description": "局属各股室负责人"}]


def test_titles_before_names_in_a_list_and_a_title_after_a_comma() -> None:
    group, _ = read_group(["组长：罗建国，县农业农村局局长；", "副组长：县司法局副局长 宗和平、县妇联副主席 屠静",
                           "成员：县财政局、县供销社、镇村监委会主任 骆小梅"])
    assert group["leaders"] == [{"name": "罗建国", "title": "局长", "org": "县农业农村局"}]
    assert group["deputies"] == [{"name": "宗和平", "title": "副局长", "org": "县司法局"},
                                 {"name": "屠静", "title": "副主席", "org": "县妇联"}]
    names = [p.get("name") for p in group["members"]]
    assert names == [None, None, "骆小梅"] and group["members"][2]["org"] == "镇村监委会"


def test_roles_beyond_leader_deputy_member_are_kept_as_written() -> None:
    group, _ = read_group(["常务副组长：方志华（县教育局局长）", "顾问：陆一鸣（滨江职业技术学院院长）", "秘书长：贺军（县职业中专校长）"])
    assert group["deputies"] == [{"name": "方志华", "title": "局长", "org": "县教育局", "role": "常务副组长"}]
    assert group["members"] == [{"name": "陆一鸣", "title": "院长", "org": "滨江职业技术学院", "role": "顾问"},
                                {"name": "贺军", "title": "校长", "org": "县职业中专", "role": "秘书长"}]
    group, _ = read_group(["成　员：吴德华（工作队队员）", "技术顾问：李明德（县农业农村局果树站高级农艺师）"])
    assert group["members"] == [{"name": "吴德华", "title": "工作队队员"},
                                {"name": "李明德", "title": "果树站高级农艺师", "org": "县农业农村局", "role": "技术顾问"}]


def test_inline_sentence_with_names_before_titles_and_a_shared_title() -> None:
    group, _ = read_group(["由冯建华校长任组长，副局长黎明、侯静任副组长，各教研组长为成员。"])
    assert group["leaders"] == [{"name": "冯建华", "title": "校长"}]
    assert group["deputies"] == [{"name": "黎明", "title": "副局长"}, {"name": "侯静", "title": "副局长"}]
    assert group["members"] == [{"description": "各教研组长"}]


def test_a_compound_surname_makes_a_four_character_name_and_the_office_director_needs_no_you() -> None:
    group, _ = read_group(["县卫生健康局成立领导小组，局长诸葛文华同志任组长，副局长侯永强任副组长。",
                           "领导小组下设办公室，办公室设在县卫生健康局，侯永强同志兼任办公室主任。"])
    assert group["leaders"] == [{"name": "诸葛文华", "title": "局长"}]
    assert group["office"]["director"]["name"] == "侯永强"


def test_the_office_director_named_with_ren_alone() -> None:
    group, _ = read_group(["组长：葛长青（县教育局局长）", "成员：伍德胜（县教育局基础教育股股长）",
                           "领导小组下设办公室，办公室设在县教育局基础教育股，伍德胜同志任办公室主任，负责日常工作。"])
    assert group["office"] == {"location": "县教育局基础教育股", "director": {"name": "伍德胜"}}
    alone, _ = read_group(["组长：葛长青（县教育局局长）", "伍德胜同志任领导小组办公室主任。"])
    assert alone["office"]["director"] == {"name": "伍德胜"}


def test_an_office_set_up_with_yu_names_its_place_and_director() -> None:
    group, _ = read_group(["由校长蒙某任组长，政教处主任杨某为成员。领导小组下设办公室于政教处，由杨某兼任办公室主任，负责统计上报。"])
    assert group["office"] == {"location": "政教处", "director": {"name": "杨某"}}
    other, _ = read_group(["组长：葛长青（县教育局局长）", "领导小组办公室设于县教育局，伍德胜同志兼任办公室主任。"])
    assert other["office"] == {"location": "县教育局", "director": {"name": "伍德胜"}}


def test_a_title_after_a_short_organisation_and_a_post_of_both_schools() -> None:
    group, _ = read_group(["组长：县残联理事长刘洋", "金山中学校长毕华任副组长，两校教导主任邵峰、申雨任成员。"])
    assert group["leaders"] == [{"name": "刘洋", "title": "理事长", "org": "县残联"}]
    assert group["members"] == [{"name": "邵峰", "title": "教导主任"}, {"name": "申雨", "title": "教导主任"}]


def test_a_bureau_not_named_and_a_society_head() -> None:
    group, _ = read_group(["由局党组书记、局长柴进同志任组长，副局长花荣任副组长。", "成员：吴越（塘下镇老年协会会长）"])
    assert group["leaders"] == [{"name": "柴进", "title": "党组书记、局长"}]
    assert group["members"] == [{"name": "吴越", "title": "会长", "org": "塘下镇老年协会"}]


def test_people_parted_by_commas_before_dan_ren_and_roles_inside_brackets() -> None:
    group, _ = read_group(["县委书记诸葛亮、县长司马懿任组长，副组长由县委副书记庞统，县委常委、组织部部长法正担任。"])
    assert group["leaders"] == [{"name": "诸葛亮", "title": "县委书记"}, {"name": "司马懿", "title": "县长"}]
    assert group["deputies"] == [{"name": "庞统", "title": "县委副书记"}, {"name": "法正", "title": "县委常委、组织部部长"}]
    bracketed, _ = read_group(["甘宁（组长，凤鸣街道党工委书记）、凌统（副组长，凤鸣街道办事处主任）"])
    assert bracketed["leaders"] == [{"name": "甘宁", "title": "书记", "org": "凤鸣街道党工委"}]
    assert bracketed["deputies"] == [{"name": "凌统", "title": "主任", "org": "凤鸣街道办事处"}]


def test_names_and_titles_taking_turns_in_a_flattened_table_row() -> None:
    group, _ = read_group(["成　员：张三　县发改局局长　李四　县财政局局长　王五　县农业农村局局长"])
    assert group["members"] == [{"name": "张三", "title": "局长", "org": "县发改局"},
                                {"name": "李四", "title": "局长", "org": "县财政局"},
                                {"name": "王五", "title": "局长", "org": "县农业农村局"}]


def test_a_name_then_several_titles_parted_by_a_space() -> None:
    group, _ = read_group(["组　长：周泰　县委副书记、县长", "副组长：蒋钦　县委常委、常务副县长", "　　　　丁奉　县政府副县长"])
    assert group["leaders"] == [{"name": "周泰", "title": "县委副书记、县长"}]
    assert group["deputies"] == [{"name": "蒋钦", "title": "县委常委、常务副县长"},
                                 {"name": "丁奉", "title": "副县长", "org": "县政府"}]


def test_a_name_with_a_middle_dot_after_its_title() -> None:
    group, _ = read_group(["成　员：镇党政办主任　黄爵滋", "　　　　镇社会事务办主任　买买提·艾力"])
    assert group["members"] == [{"name": "黄爵滋", "title": "主任", "org": "镇党政办"},
                                {"name": "买买提·艾力", "title": "主任", "org": "镇社会事务办"}]
    group, _ = read_group(["由县民宗局局长阿不都·热合曼任组长。"])
    assert group["leaders"] == [{"name": "阿不都·热合曼", "title": "局长", "org": "县民宗局"}]


def test_a_name_with_a_middle_dot_as_office_director() -> None:
    group, _ = read_group(["领导小组办公室设在县教育局，热依拉·买买提同志兼任办公室主任。"])
    assert group["office"] == {"location": "县教育局", "director": {"name": "热依拉·买买提"}}


def test_two_titled_people_joined_by_he() -> None:
    group, _ = read_group(["县卫生健康局党组书记、局长耿精忠和县医疗保障局局长孙延龄任副组长。"])
    assert group["deputies"] == [{"name": "耿精忠", "title": "党组书记、局长", "org": "县卫生健康局"},
                                 {"name": "孙延龄", "title": "局长", "org": "县医疗保障局"}]
    group, _ = read_group(["县人力资源和社会保障局副局长栾海任组长。"])  # 和 inside an organisation's name
    assert group["leaders"] == [{"name": "栾海", "title": "副局长", "org": "县人力资源和社会保障局"}]


def test_a_table_keeps_its_unit_and_title_columns_as_written() -> None:
    rows = ["| 组内职务 | 姓名 | 工作单位 | 职务 |", "| --- | --- | --- | --- |",
            "| 组长 | 上官婉儿 | 县教育体育局 | 党组书记、局长 |",
            "| 成员 | 热依拉·买买提 | 县教育体育局基础教育股 | 股长 |",
            "| 成员 | 葛洪 | 县中医院办公室 | 主任 |"]
    group, _ = read_group(rows)
    assert group["leaders"] == [{"name": "上官婉儿", "title": "党组书记、局长", "org": "县教育体育局"}]
    assert group["members"] == [{"name": "热依拉·买买提", "title": "股长", "org": "县教育体育局基础教育股"},
                                {"name": "葛洪", "title": "主任", "org": "县中医院办公室"}]


def test_the_office_director_named_on_a_line_of_its_own() -> None:
    group, _ = read_group(["领导小组办公室设在县文化馆。", "领导小组办公室主任由向秀同志兼任。"])
    assert group["office"] == {"location": "县文化馆", "director": {"name": "向秀"}}
    group, _ = read_group(["办公室主任：向秀（县文化馆馆长）"])
    assert group["office"] == {"director": {"name": "向秀", "title": "馆长", "org": "县文化馆"}}


def test_a_group_description_under_a_role_continues_that_role() -> None:
    group, _ = read_group(["成　员：县文化馆馆长　向秀", "县乡村振兴局副局长　王戎", "各乡镇分管文化工作的负责同志",
                           "领导小组下设办公室，负责日常工作。"])
    assert group["members"] == [{"name": "向秀", "title": "馆长", "org": "县文化馆"},
                                {"name": "王戎", "title": "副局长", "org": "县乡村振兴局"},
                                {"description": "各乡镇分管文化工作的负责同志"}]
    assert group["body"] == "领导小组下设办公室，负责日常工作。"


def test_a_short_line_aligned_under_the_label_continues_the_role() -> None:
    group, _ = read_group(["成　员：镇党政办主任　黄爵滋", "　　　　镇财政所全体干部职工"])
    assert group["members"][1] == {"description": "镇财政所全体干部职工"}
    group, _ = read_group(["成　员：镇党政办主任　黄爵滋", "　　领导小组下设办公室。"])  # a paragraph's own indent
    assert len(group["members"]) == 1 and group["body"] == "　　领导小组下设办公室。"


def test_role_lines_as_list_items_and_a_placeholder_slot() -> None:
    group, _ = read_group(["学校成立对口帮扶工作领导小组：", "- 组长：韩愈，市第二中学校长", "- 成员：各教研组长、×××（待定）",
                           "- 秘书长：白居易（市第二中学办公室主任）"])
    assert group["leaders"] == [{"name": "韩愈", "title": "校长", "org": "市第二中学"}]
    assert group["members"] == [{"description": "各教研组长"}, {"description": "×××（待定）"},
                                {"name": "白居易", "title": "主任", "org": "市第二中学办公室", "role": "秘书长"}]


def test_placeholders_never_become_people() -> None:
    group, _ = read_group(["组长：XXX（XXX学校校长）", "副组长：xxx（副校长）、某某", "成员：×××、×××"])
    people = group["leaders"] + group["deputies"] + group["members"]
    assert all("name" not in p for p in people)
    assert group["leaders"] == [{"description": "XXX（XXX学校校长）"}]


def test_a_headerless_table_with_empty_role_cells_and_a_party_title() -> None:
    rows = ["| 组　长 | 欧阳修 | 市教育局党组书记、局长 |", "| --- | --- | --- |",
            "| 副组长 | 范仲淹 | 市教师发展中心主任 |", "|  | 梅尧臣 | 市教育局人事科科长 |",
            "| 办公室主任 | 曾巩 | 市教育局办公室主任 |"]
    group, _ = read_group(rows)
    assert group["leaders"] == [{"name": "欧阳修", "title": "党组书记、局长", "org": "市教育局"}]
    assert group["deputies"] == [{"name": "范仲淹", "title": "主任", "org": "市教师发展中心"},
                                 {"name": "梅尧臣", "title": "人事科科长", "org": "市教育局"}]
    assert group["members"] == [{"name": "曾巩", "title": "办公室主任", "org": "市教育局", "role": "办公室主任"}]


def test_several_titles_in_brackets_split_as_in_prose() -> None:
    group, _ = read_group(["组长：晏殊（市教育局党组成员、副局长）"])
    assert group["leaders"] == [{"name": "晏殊", "title": "党组成员、副局长", "org": "市教育局"}]
    group, _ = read_group(["组长：周泰（县委副书记、县长）"])
    assert group["leaders"] == [{"name": "周泰", "title": "县委副书记、县长"}]


def test_member_units_and_the_office_after_them_on_one_line() -> None:
    line = ("组长：邱处机（县委副书记）；副组长：谭处端（县政协副主席）；成员：县委统战部、县工商联主要负责同志。"
            "领导小组办公室设在县工商联，由县工商联主席刘处玄兼任办公室主任。")
    group, _ = read_group([line])
    assert group["deputies"] == [{"name": "谭处端", "title": "副主席", "org": "县政协"}]
    assert not any(p.get("name") for p in group["members"])  # 县委统战部 is no one named 统战部
    assert group["office"] == {"location": "县工商联", "director": {"name": "刘处玄", "title": "主席", "org": "县工商联"}}
    assert group["body"] == "领导小组办公室设在县工商联，由县工商联主席刘处玄兼任办公室主任。"


def test_a_short_title_before_names_and_names_sharing_it() -> None:
    group, _ = read_group(["组　长：校长　庄子期", "副组长：副校长　惠子明　列御寇", "成　员：教导主任　公孙龙　总务主任　邓析"])
    assert group["leaders"] == [{"name": "庄子期", "title": "校长"}]
    assert group["deputies"] == [{"name": "惠子明", "title": "副校长"}, {"name": "列御寇", "title": "副校长"}]
    assert group["members"] == [{"name": "公孙龙", "title": "教导主任"}, {"name": "邓析", "title": "总务主任"}]


def test_phone_numbers_after_the_people_stay_in_the_text_only() -> None:
    lines = ["组  长：宋　江　县农业农村局局长　　　　13907310001", "        公孙胜　县农技推广中心主任　电话：0793-5512345"]
    group, _ = read_group(lines)
    assert group["leaders"] == [{"name": "宋江", "title": "局长", "org": "县农业农村局"},
                                {"name": "公孙胜", "title": "主任", "org": "县农技推广中心"}]
    assert "13907310001" in group["body"] and "0793-5512345" in group["body"]


def test_a_table_row_to_be_filled_in_and_a_party_title_before_the_post() -> None:
    rows = ["| 姓名 | 单位及职务 | 组内职务 | 联系电话 |", "| --- | --- | --- | --- |",
            "| 司马光明 | 县卫生健康委员会党组书记、主任 | 组长 | 13870001111 |",
            "| 待定 | 县妇幼保健院院长 | 成员 |  |"]
    group, _ = read_group(rows)
    assert group["leaders"] == [{"name": "司马光明", "title": "党组书记、主任", "org": "县卫生健康委员会"}]
    assert all("name" not in p for p in group["members"])


def _everyone(lines: list[str]) -> list[tuple[str, dict[str, str]]]:
    group, _ = read_group(lines)
    return [(role, p) for role in ("leaders", "deputies", "members") for p in group.get(role, [])]


def test_name_title_and_organisation_in_columns_in_any_order() -> None:
    want = [("leaders", {"name": "张三", "title": "局长", "org": "县教育局"})]
    for line in ("组长：张三　县教育局　局长", "组长：县教育局　张三　局长", "组长：张三　局长（县教育局）",
                 "组长：张三/县教育局局长", "组长：县教育局局长：张三"):
        assert _everyone([line]) == want, line
    assert _everyone(["副组长：李四　县财政局　副局长", "王五　县民政局　副局长"]) == [
        ("deputies", {"name": "李四", "title": "副局长", "org": "县财政局"}),
        ("deputies", {"name": "王五", "title": "副局长", "org": "县民政局"})]


def test_the_role_in_brackets_before_or_after_the_title() -> None:
    want = [("leaders", {"name": "张三", "title": "局长", "org": "县教育局"})]
    assert _everyone(["1. 张三　县教育局局长（组长）"]) == want
    assert _everyone(["张三（组长）县教育局局长"]) == want


def test_name_comma_several_titles() -> None:
    assert _everyone(["组长：张三，县教育局党组书记、局长；副组长：李四，县财政局副局长。"]) == [
        ("leaders", {"name": "张三", "title": "党组书记、局长", "org": "县教育局"}),
        ("deputies", {"name": "李四", "title": "副局长", "org": "县财政局"})]


def test_prose_with_the_title_in_brackets() -> None:
    assert _everyone(["组长由张三（县长）担任，副组长由李四（县委常委、副县长）担任。"]) == [
        ("leaders", {"name": "张三", "title": "县长"}), ("deputies", {"name": "李四", "title": "县委常委、副县长"})]


def test_a_deputy_who_is_also_the_office_director() -> None:
    group, _ = read_group(["副组长兼办公室主任：李四（县教育局副局长）"])
    assert group["deputies"] == [{"name": "李四", "title": "副局长", "org": "县教育局"}]
    assert group["office"] == {"director": {"name": "李四", "title": "副局长", "org": "县教育局"}}


def test_an_honorary_leader_keeps_the_word_and_an_aside_stays_in_the_text() -> None:
    group, _ = read_group(["名誉组长：李四（县政协主席）", "组长：张三（县教育局局长）（兼）"])
    assert group["leaders"] == [{"name": "李四", "title": "主席", "org": "县政协", "role": "名誉组长"},
                                {"name": "张三", "title": "局长", "org": "县教育局"}]
    assert group["body"] == "组长：张三（县教育局局长）（兼）"


def test_a_name_after_its_organisation_without_a_title() -> None:
    assert _everyone(["成员：县教育局王五、县财政局赵六、县直各部门"]) == [
        ("members", {"name": "王五", "org": "县教育局"}), ("members", {"name": "赵六", "org": "县财政局"}),
        ("members", {"description": "县直各部门"})]


def test_sex_or_nation_in_the_brackets_is_not_the_organisation() -> None:
    assert _everyone(["副组长：富弼（女，市教育局副局长）、马骏（回族，县民宗局局长）"]) == [
        ("deputies", {"name": "富弼", "title": "副局长", "org": "市教育局"}),
        ("deputies", {"name": "马骏", "title": "局长", "org": "县民宗局"})]


def test_a_table_row_naming_units_is_no_one() -> None:
    rows = ["| 序号 | 姓名 | 单位 | 职务 | 组内职务 |", "| --- | --- | --- | --- | --- |",
            "| 1 | 李冰 | 县水利局 | 局长 | 组长 |", "| 2 | 各乡镇 |  | 分管负责同志 | 成员 |"]
    group, _ = read_group(rows)
    assert group["leaders"] == [{"name": "李冰", "title": "局长", "org": "县水利局"}]
    assert all("name" not in p for p in group["members"])


def test_numbered_role_lines_personal_details_and_a_labelled_phone() -> None:
    assert _everyone(["一、组长：张三（县长）", "二、副组长：李四（副县长）"]) == [
        ("leaders", {"name": "张三", "title": "县长"}), ("deputies", {"name": "李四", "title": "副县长"})]
    group, _ = read_group(["组长：张三，男，汉族，县教育局局长", "副组长：李四 县财政局副局长 电话：6612345"])
    assert group["leaders"] == [{"name": "张三", "title": "局长", "org": "县教育局"}]
    assert group["deputies"] == [{"name": "李四", "title": "副局长", "org": "县财政局"}]
    assert "汉族" in group["body"] and "6612345" in group["body"]


def test_titles_before_a_name_in_a_role_line_and_a_subject_before_a_post() -> None:
    assert _everyone(["组长：县委副书记、县长张三", "成员：各校校长、陈静（语文教研组长）"]) == [
        ("leaders", {"name": "张三", "title": "县委副书记、县长"}),
        ("members", {"description": "各校校长"}), ("members", {"name": "陈静", "title": "语文教研组长"})]


def test_first_leader_in_prose_and_posts_of_two_bodies() -> None:
    assert _everyone(["县委书记狄青任第一组长，县委副书记、县长种世衡任组长。"]) == [
        ("leaders", {"name": "狄青", "title": "县委书记", "role": "第一组长"}),
        ("leaders", {"name": "种世衡", "title": "县委副书记、县长"})]
    assert _everyone(["组　长：县纪委副书记、监委副主任　包拯"]) == [
        ("leaders", {"name": "包拯", "title": "县纪委副书记、监委副主任"})]


def test_two_names_in_one_table_cell_share_the_row() -> None:
    rows = ["| 领导小组职务 | 姓名 | 工作单位 | 现任职务 |", "| --- | --- | --- | --- |",
            "| 成员 | 阮小七、白胜 | 县职业技能鉴定中心 | 副主任 |"]
    group, _ = read_group(rows)
    assert group["members"] == [{"name": "阮小七", "title": "副主任", "org": "县职业技能鉴定中心"},
                                {"name": "白胜", "title": "副主任", "org": "县职业技能鉴定中心"}]


def test_a_table_pasted_one_cell_per_line() -> None:
    lines = ["名单如下：", "职务", "姓名", "工作单位及职务", "组长", "白居正", "县委宣传部副部长、县文明办主任",
             "副组长", "苏东来", "县教育局副局长", "领导小组负责统筹协调。"]
    group, _ = read_group(lines)
    assert group["leaders"] == [{"name": "白居正", "title": "县委宣传部副部长、县文明办主任"}]
    assert group["deputies"] == [{"name": "苏东来", "title": "副局长", "org": "县教育局"}]
    assert group["body"] == "名单如下：\n\n领导小组负责统筹协调。"


def test_names_in_brackets_after_their_title() -> None:
    assert _everyone(["组长：校长（杜子美）", "副组长：副校长（孟浩然、王摩诘）", "成员：教导主任（岑参）、各班班主任"]) == [
        ("leaders", {"name": "杜子美", "title": "校长"}), ("deputies", {"name": "孟浩然", "title": "副校长"}),
        ("deputies", {"name": "王摩诘", "title": "副校长"}), ("members", {"name": "岑参", "title": "教导主任"}),
        ("members", {"description": "各班班主任"})]
    assert _everyone(["成员：县教育局局长（兼）"]) == [("members", {"description": "县教育局局长"})]


def test_the_office_sentence_after_bare_names_in_a_paste() -> None:
    group, _ = read_group(["组长：韦应物 副组长：刘长卿 钱起 成员：郎士元 李端 领导小组办公室设在教务处，教务处主任郎士元兼任办公室主任。"])
    assert [p["name"] for p in group["members"]] == ["郎士元", "李端"]
    assert group["office"] == {"location": "教务处", "director": {"name": "郎士元", "title": "教务处主任"}}


def test_a_department_inside_an_organisation_and_a_former_post() -> None:
    assert _everyone(["成员由县住建局村镇建设股股长郑夏雨、县民政局社会救助股股长王晓霞同志组成。"]) == [
        ("members", {"name": "郑夏雨", "title": "村镇建设股股长", "org": "县住建局"}),
        ("members", {"name": "王晓霞", "title": "社会救助股股长", "org": "县民政局"})]
    assert _everyone(["顾　　问：张九龄　县政协原副主席"]) == [
        ("members", {"name": "张九龄", "title": "原副主席", "org": "县政协", "role": "顾问"})]


def test_name_then_role_then_title() -> None:
    assert _everyone(["- 陆游：组长，县乡村振兴局局长", "- 范成大：副组长，团县委书记"]) == [
        ("leaders", {"name": "陆游", "title": "局长", "org": "县乡村振兴局"}),
        ("deputies", {"name": "范成大", "title": "书记", "org": "团县委"})]
    group, _ = read_group(["说明：成员，见附件"])
    assert group["leaders"] == [] and group["body"] == "说明：成员，见附件"


def test_name_comrade_title_then_the_role_as_a_sentence() -> None:
    group, _ = read_group(["1.郑和同志，县委常委、常务副县长，任组长；", "2.费信同志，县农业农村局局长，任成员。"])
    assert group["leaders"] == [{"name": "郑和", "title": "县委常委、常务副县长"}]
    assert group["members"] == [{"name": "费信", "title": "局长", "org": "县农业农村局"}]
    assert "任组长" in group["body"]


def test_a_body_that_names_no_one_in_particular_stays_in_the_title() -> None:
    assert _everyone(["组员：朱熹（少先队大队辅导员）、陈亮（庆丰农场工会主席）"]) == [
        ("members", {"name": "朱熹", "title": "少先队大队辅导员"}),
        ("members", {"name": "陈亮", "title": "主席", "org": "庆丰农场工会"})]


def test_a_surname_before_a_placeholder_is_a_slot() -> None:
    group, _ = read_group(["组　长：王××（镇党委书记）", "副组长：李××（镇长）、×××（镇党委副书记）", "成　员：某某、某某某"])
    assert all("name" not in p for role in ("leaders", "deputies", "members") for p in group[role])
    assert group["leaders"] == [{"description": "王××（镇党委书记）"}]


def test_a_teaching_office_and_deng_tongzhi_after_the_last_name() -> None:
    group, _ = read_group(["成员：县教研室心理教研员　何心隐、县第一中学心理教师　李贽等同志"])
    assert group["members"] == [{"name": "何心隐", "title": "心理教研员", "org": "县教研室"},
                                {"name": "李贽", "title": "心理教师", "org": "县第一中学"}]
    assert group["body"] == "成员：县教研室心理教研员　何心隐、县第一中学心理教师　李贽等同志"


def test_table_rows_that_name_only_a_role_head_the_rows_under_them() -> None:
    rows = ["| 序号 | 姓名 | 工作单位 | 职务 |", "| --- | --- | --- | --- |", "| 组长 |  |  |  |",
            "| 1 | 陆　羽 | 县农业农村局 | 局长 |", "| 副组长 |  |  |  |", "| 2 | 卢仝 | 县农业农村局 | 副局长 |",
            "| 3 | 皎然 | 县茶叶产业发展中心 | 主任 |"]
    group, _ = read_group(rows)
    assert [p["name"] for p in group["leaders"]] == ["陆羽"]
    assert [p["name"] for p in group["deputies"]] == ["卢仝", "皎然"]


def test_emoji_bullets_and_posts_of_a_town_s_two_bodies() -> None:
    assert _everyone(["👉组长：花木兰（镇党委副书记、镇长）", "▶副组长：穆桂英（镇党委委员、副镇长）"]) == [
        ("leaders", {"name": "花木兰", "title": "镇党委副书记、镇长"}),
        ("deputies", {"name": "穆桂英", "title": "镇党委委员、副镇长"})]


def test_a_headquarters_with_commanders() -> None:
    assert _everyone(["总指挥：张三（县长）", "副总指挥：李四（副县长）"]) == [
        ("leaders", {"name": "张三", "title": "县长", "role": "总指挥"}),
        ("deputies", {"name": "李四", "title": "副县长", "role": "副总指挥"})]
    assert _everyone(["由县长张三任总指挥。"]) == [("leaders", {"name": "张三", "title": "县长", "role": "总指挥"})]


def test_a_duty_after_the_title_in_the_brackets_stays_in_the_text() -> None:
    group, _ = read_group(["组　长：郭子仪（县政府副县长，负责全面工作）"])
    assert group["leaders"] == [{"name": "郭子仪", "title": "副县长", "org": "县政府"}]
    assert "负责全面工作" in group["body"]


def test_role_labels_glued_to_the_names() -> None:
    group, _ = read_group(["领导小组组成人员：组长寇准（县民政局局长）；副组长吕蒙正（县民政局副局长）。"])
    assert group["leaders"] == [{"name": "寇准", "title": "局长", "org": "县民政局"}]
    assert group["deputies"] == [{"name": "吕蒙正", "title": "副局长", "org": "县民政局"}]
    assert group["body"].startswith("领导小组组成人员：组长寇准")
    group, _ = read_group(["成员：语文教研组长张三（一年级）"])  # 组长 inside a post is no label
    assert not group.get("leaders")
    assert group["members"] == [{"name": "张三", "title": "语文教研组长"}]  # read piece by piece (piecewise.py)


def test_name_with_title_in_brackets_then_the_role() -> None:
    assert _everyone(["张　巡（县政府副县长）　　　组　长", "雷万春（县城市管理局副局长）成　员"]) == [
        ("leaders", {"name": "张巡", "title": "副县长", "org": "县政府"}),
        ("members", {"name": "雷万春", "title": "副局长", "org": "县城市管理局"})]


def test_a_leader_of_another_body_named_in_prose_is_not_the_group_s() -> None:
    group, _ = read_group(["组　长：刘　基　县政府副县长",
                           "领导小组下设工作专班，专班组长由县水利局副局长胡惟庸担任，成员从县水利局抽调。"])
    assert [p["name"] for p in group["leaders"]] == ["刘基"]


def test_labels_in_square_brackets_and_a_column_parted_by_a_semicolon() -> None:
    assert _everyone(["【组长】秦良玉　街道党工委书记", "【成员】许穆夫　街道社会事务办主任；各社区党委书记"]) == [
        ("leaders", {"name": "秦良玉", "title": "书记", "org": "街道党工委"}),
        ("members", {"name": "许穆夫", "title": "主任", "org": "街道社会事务办"}),
        ("members", {"description": "各社区党委书记"})]


def test_a_note_after_the_label_and_a_member_who_is_also_the_office_director() -> None:
    group, _ = read_group(["成员（按姓氏笔画为序）：", "吕　蒙　县残联副理事长（兼办公室主任）", "陆　逊　县卫生健康局副局长"])
    assert group["members"] == [{"name": "吕蒙", "title": "副理事长", "org": "县残联"},
                                {"name": "陆逊", "title": "副局长", "org": "县卫生健康局"}]
    assert group["office"] == {"director": {"name": "吕蒙", "title": "副理事长", "org": "县残联"}}
    assert "按姓氏笔画为序" in group["body"] and "兼办公室主任" in group["body"]


def test_a_table_cell_holding_the_name_and_the_title() -> None:
    rows = ["| 小组职务 | 姓名及单位职务 |", "| --- | --- |", "| 组长 | 李时中 县卫生健康局局长 |",
            "| 成员 | 张三 李四 |"]
    group, _ = read_group(rows)
    assert group["leaders"] == [{"name": "李时中", "title": "局长", "org": "县卫生健康局"}]
    assert group["members"] == [{"name": "张三"}, {"name": "李四"}]


def test_a_surname_with_a_post_and_a_post_in_charge_name_no_one() -> None:
    group, _ = read_group(["学校成立以校长为组长，分管副校长为副组长的领导小组。", "组长：王校长", "副组长：李书记　赵副校长"])
    people = group["leaders"] + group["deputies"]
    assert all("name" not in p for p in people)
    assert {"description": "赵副校长"} in group["deputies"]


def test_tabs_in_role_lines_and_a_line_continuing_a_table_s_last_role() -> None:
    group, _ = read_group(["| 组　长： | 邵　雍 | 县政府副县长 |", "| 副组长： | 程　颢 | 县农业农村局局长 |",
                           "程　颐\t县林业局局长", "成　员：\t张　载\t县农业农村局副局长"])
    assert [p["name"] for p in group["deputies"]] == ["程颢", "程颐"]
    assert group["members"] == [{"name": "张载", "title": "副局长", "org": "县农业农村局"}]


def test_village_posts_written_short() -> None:
    assert _everyone(["组长：王大有（村支书） 成员：赵四海（村会计） 钱五福（村妇女主任）"]) == [
        ("leaders", {"name": "王大有", "title": "村支书"}), ("members", {"name": "赵四海", "title": "村会计"}),
        ("members", {"name": "钱五福", "title": "村妇女主任"})]


def test_a_sub_heading_about_something_else_ends_the_group() -> None:
    group, _ = read_group(["### （一）领导小组", "组　长：范　蠡　县政府副县长", "### （二）工作专班",
                           "专班成员：计　然　县农业农村局农经股股长"])
    assert [p["name"] for p in group["leaders"]] == ["范蠡"]
    assert not group.get("members") and not group.get("deputies")
    assert "专班成员：计然　县农业农村局农经股股长" in group["body"]


def test_a_joint_conference_convener_and_a_concurrent_post() -> None:
    assert _everyone(["召集人：沈从文　县政府副县长", "副召集人：向警予　县人力资源和社会保障局局长"]) == [
        ("leaders", {"name": "沈从文", "title": "副县长", "org": "县政府", "role": "召集人"}),
        ("deputies", {"name": "向警予", "title": "局长", "org": "县人力资源和社会保障局", "role": "副召集人"})]
    group, _ = read_group(["组　长：贺　龙（县委常委、副县长，兼县茶旅融合发展中心主任）"])
    assert group["leaders"] == [{"name": "贺龙", "title": "县委常委、副县长"}]
    assert "兼县茶旅融合发展中心主任" in group["body"]


def test_prose_with_an_adverb_before_the_role() -> None:
    assert _everyone(["由县委副书记陶澍亲自担任组长，县政府副县长左宗棠具体负责、任常务副组长。"]) == [
        ("leaders", {"name": "陶澍", "title": "县委副书记"}),
        ("deputies", {"name": "左宗棠", "title": "副县长", "org": "县政府", "role": "常务副组长"})]


def test_a_titled_person_then_a_group_joined_by_ji() -> None:
    prose, _ = read_group(["由镇党委书记谭启明任组长，镇社会事务综合服务中心主任麻振宇及各村（社区）党组织书记为成员。"])
    assert prose["members"] == [{"name": "麻振宇", "title": "主任", "org": "镇社会事务综合服务中心"},
                                {"description": "各村（社区）党组织书记"}]
    line, _ = read_group(["成员：县财政局局长张三、县民政局局长李四及各乡镇分管负责同志"])
    assert line["members"] == [{"name": "张三", "title": "局长", "org": "县财政局"},
                               {"name": "李四", "title": "局长", "org": "县民政局"},
                               {"description": "各乡镇分管负责同志"}]


def test_name_slash_post_pairs_parted_by_semicolons() -> None:
    group, _ = read_group(["组长：韦建华/县人民政府副县长", "副组长：黄志勇/县水利局局长；覃美华／县财政局副局长"])
    assert group["deputies"] == [{"name": "黄志勇", "title": "局长", "org": "县水利局"},
                                 {"name": "覃美华", "title": "副局长", "org": "县财政局"}]


def test_roles_set_with_a_count_and_roles_before_a_dash() -> None:
    """'设组长1名，由…担任' reads as '组长由…担任'; '组长-陈佳丽(…)' as '组长：陈佳丽(…)'; the line kept whole."""
    line = "领导小组设组长1名，由县政府副县长罗振宇担任；设副组长2名，分别由县农业农村局局长李海涛、县民政局局长谭丽君担任。"
    prose, _ = read_group([line])
    assert [p["name"] for p in prose["leaders"] + prose["deputies"]] == ["罗振宇", "李海涛", "谭丽君"]
    assert prose["body"] == line
    chat, _ = read_group(["名单：组长-陈佳丽(卫健局局长)  副组长-杨帆(卫健局副局长)、周婷(疾控中心主任)"])
    assert chat["leaders"] == [{"name": "陈佳丽", "title": "局长", "org": "卫健局"}]
    assert [p["name"] for p in chat["deputies"]] == ["杨帆", "周婷"]
    assert chat["body"] == "名单：组长-陈佳丽(卫健局局长)  副组长-杨帆(卫健局副局长)、周婷(疾控中心主任)"


def test_the_office_set_up_in_its_own_clause_and_a_director_whose_surname_ends_a_title() -> None:
    group, _ = read_group(["组长：柴文轩（街道党工委书记）", "领导小组下设办公室，设在街道社会事务办，由关晓雯同志兼任办公室主任。"])
    assert group["office"] == {"location": "街道社会事务办", "director": {"name": "关晓雯"}}
    group, _ = read_group(["组长：谭振邦（县人民政府副县长）", "领导小组办公室设在县科学技术局，官志明同志任办公室主任。"])
    assert group["office"]["director"] == {"name": "官志明"}


def test_an_adviser_engaged_in_prose_and_the_rest_of_a_group_after_ji() -> None:
    group, _ = read_group(["城关司法所所长罗俊及其余各司法所所长为成员。同时聘请县律师协会会长莫振邦同志为活动顾问，负责业务指导。"])
    assert group["members"] == [{"name": "罗俊", "title": "所长", "org": "城关司法所"}, {"description": "其余各司法所所长"},
                                {"name": "莫振邦", "title": "会长", "org": "县律师协会", "role": "顾问"}]


def test_departments_of_a_party_committees_department() -> None:
    group, _ = read_group(["由县委常委、组织部部长谭启明任组长，县委组织部组织二股股长缪长青、县委组织部干部监督股股长宁晓岚为成员。"])
    assert group["members"] == [{"name": "缪长青", "title": "组织二股股长", "org": "县委组织部"},
                                {"name": "宁晓岚", "title": "干部监督股股长", "org": "县委组织部"}]


def test_a_village_party_branch_is_the_organisation_like_a_party_branch() -> None:
    group, _ = read_group(["组长：欧建林（青山村党总支书记）", "成员：彭大海（杨庄村党支部书记）"])
    assert group["leaders"] == [{"name": "欧建林", "title": "书记", "org": "青山村党总支"}]
    assert group["members"] == [{"name": "彭大海", "title": "书记", "org": "杨庄村党支部"}]


def test_posts_of_a_body_only_implied_and_bodies_named_by_their_ending() -> None:
    line = "成员：欧晓丽（局优抚安置股股长）、蒋慧芳（校党委副书记）、向志华（龙潭镇人大主席）、田仕华（县气象台台长）、解云飞（县新华书店副经理）"
    group, _ = read_group([line])
    assert group["members"] == [{"name": "欧晓丽", "title": "优抚安置股股长"}, {"name": "蒋慧芳", "title": "党委副书记"},
                                {"name": "向志华", "title": "主席", "org": "龙潭镇人大"},
                                {"name": "田仕华", "title": "台长", "org": "县气象台"},
                                {"name": "解云飞", "title": "副经理", "org": "县新华书店"}]
    adviser, _ = read_group(["组长：樊晓晨（县图书馆馆长）", "另聘请县文化旅游广电局副局长郝明远为顾问。"])
    assert adviser["members"] == [{"name": "郝明远", "title": "副局长", "org": "县文化旅游广电局", "role": "顾问"}]


def test_a_department_of_a_body_only_implied_in_a_title_first_line_and_a_department_word_kept() -> None:
    group, _ = read_group(["成　员：局市容环卫股股长　孟庆华", "　　　　院感科科长　申家豪"])
    assert group["members"] == [{"name": "孟庆华", "title": "市容环卫股股长"}, {"name": "申家豪", "title": "院感科科长"}]


def test_a_title_with_its_modifier_a_red_cross_department_and_a_title_first_name_before_a_stop() -> None:
    group, _ = read_group(["组长：蓝玉（县红十字会常务副会长）", "副组长：黎秋菊（县红十字会专职副会长）",
                           "成员：麻正明（县红十字会赈济救护部部长）、县音乐舞蹈家协会主席 符晓峰。"])
    assert group["leaders"] == [{"name": "蓝玉", "title": "常务副会长", "org": "县红十字会"}]
    assert group["deputies"] == [{"name": "黎秋菊", "title": "专职副会长", "org": "县红十字会"}]
    assert group["members"] == [{"name": "麻正明", "title": "赈济救护部部长", "org": "县红十字会"},
                                {"name": "符晓峰", "title": "主席", "org": "县音乐舞蹈家协会"}]


def test_people_one_to_a_clause_before_the_role_they_share() -> None:
    group, _ = read_group([("成立领导小组，由镇党委书记谭振宇任组长，镇党委副书记邹永红，镇党委委员、组织委员石磊任副组长，"
                            "镇纪委书记梁志诚，镇党政综合办主任向丽为成员。")])
    assert [p["name"] for p in group["deputies"]] == ["邹永红", "石磊"]
    assert group["members"] == [{"name": "梁志诚", "title": "书记", "org": "镇纪委"},
                                {"name": "向丽", "title": "主任", "org": "镇党政综合办"}]


def test_company_posts_school_offices_and_a_doubled_character_at_an_organisations_end() -> None:
    members = ("成员：谢春生，生产部经理；龙海燕（安全办主任）；周文斌（县档案馆馆藏利用科科长）；谭明亮（农村社会调查股股长）；"
               "县供水公司经理 杨光辉，各乡镇分管负责同志")
    group, _ = read_group(["副组长：颜晓婷，总经理；吴开明，桃坪村党支部书记；", members])
    assert group["deputies"] == [{"name": "颜晓婷", "title": "总经理"}, {"name": "吴开明", "title": "书记", "org": "桃坪村党支部"}]
    assert group["members"][:5] == [{"name": "谢春生", "title": "生产部经理"}, {"name": "龙海燕", "title": "安全办主任"},
                                    {"name": "周文斌", "title": "馆藏利用科科长", "org": "县档案馆"},
                                    {"name": "谭明亮", "title": "农村社会调查股股长"},
                                    {"name": "杨光辉", "title": "经理", "org": "县供水公司"}]


def test_a_police_bureaus_commissar_and_brigades_and_a_name_padded_with_two_spaces() -> None:
    group, _ = read_group(["副组长：黄仁杰（县公安局党委副书记、政委）", "成员：王振华（县公安局法制大队大队长）、邱海洋（城管执法大队大队长）",
                           "        郭  琳  镇人大主席"])
    assert group["deputies"] == [{"name": "黄仁杰", "title": "党委副书记、政委", "org": "县公安局"}]
    assert group["members"] == [{"name": "王振华", "title": "法制大队大队长", "org": "县公安局"},
                                {"name": "邱海洋", "title": "城管执法大队大队长"},
                                {"name": "郭琳", "title": "主席", "org": "镇人大"}]


def test_name_comma_post_lines_continue_the_role_above_to_the_last_one() -> None:
    group, _ = read_group(["成　员：孙志鹏，医务科科长；", "　　　　柏小燕，护理部主任；", "　　　　郝春梅，龙潭乡卫生院院长。"])
    assert group["members"] == [{"name": "孙志鹏", "title": "医务科科长"}, {"name": "柏小燕", "title": "护理部主任"},
                                {"name": "郝春梅", "title": "院长", "org": "龙潭乡卫生院"}]
    assert "body" not in group


def test_a_street_offices_unit_and_a_villages_resident_first_secretary() -> None:
    assert _everyone(["组长：沈立军　街道党工委书记", "成员：袁　涛　街道党建办主任；滕志远　枫木村驻村第一书记"]) == [
        ("leaders", {"name": "沈立军", "title": "书记", "org": "街道党工委"}),
        ("members", {"name": "袁涛", "title": "主任", "org": "街道党建办"}),
        ("members", {"name": "滕志远", "title": "驻村第一书记", "org": "枫木村"})]


def test_a_party_body_alone_and_a_groups_own_party_committee_stay_in_the_title() -> None:
    assert _everyone(["副组长：曹丽娟　党委副书记　　万晓东　副院长　　韦红　纪委书记",
                      "成员：集团党委委员、副总经理 舒红军，集团财务部部长 杨淑琴"]) == [
        ("deputies", {"name": "曹丽娟", "title": "党委副书记"}),
        ("deputies", {"name": "万晓东", "title": "副院长"}),
        ("deputies", {"name": "韦红", "title": "纪委书记"}),
        ("members", {"name": "舒红军", "title": "党委委员、副总经理"}),
        ("members", {"name": "杨淑琴", "title": "财务部部长"})]


def test_a_schools_own_units_stay_in_the_title_where_its_head_leads_the_group() -> None:
    assert _everyone(["组长：邹建平（党委书记、校长）",
                      ("成员：彭卫东（实训中心主任）、田洪（图书馆馆长）、吴敏（校工会常务副主席）、罗俊（城关司法所所长）、"
                       "舒文杰（县疾控中心主任）")]) == [
        ("leaders", {"name": "邹建平", "title": "党委书记、校长"}),
        ("members", {"name": "彭卫东", "title": "实训中心主任"}),
        ("members", {"name": "田洪", "title": "图书馆馆长"}),
        ("members", {"name": "吴敏", "title": "工会常务副主席"}),
        ("members", {"name": "罗俊", "title": "所长", "org": "城关司法所"}),
        ("members", {"name": "舒文杰", "title": "主任", "org": "县疾控中心"})]


def test_units_keep_their_organisation_where_the_leader_names_his() -> None:
    assert _everyone(["组长：陈佳丽（卫健局局长）", "副组长：周婷（疾控中心主任）"]) == [
        ("leaders", {"name": "陈佳丽", "title": "局长", "org": "卫健局"}),
        ("deputies", {"name": "周婷", "title": "主任", "org": "疾控中心"})]


def test_a_party_group_membership_before_a_title_and_a_name_is_one_persons_titles() -> None:
    assert _everyone(["副组长：党组成员、副检察长何晓梅，党组成员、副检察长陈建"]) == [
        ("deputies", {"name": "何晓梅", "title": "党组成员、副检察长"}),
        ("deputies", {"name": "陈建", "title": "党组成员、副检察长"})]


def test_two_people_with_two_titles_each_joined_by_he_and_units_sharing_the_word_for_their_heads() -> None:
    group, _ = read_group([("院里成立驻村帮扶工作领导小组，由院党组书记、院长梁振华任组长，院党组成员、副院长唐雪梅和院党组成员、"
                           "政治部主任欧阳立新任副组长，办公室、立案庭、民事审判庭、梅溪人民法庭负责人为成员。")])
    assert group["leaders"] == [{"name": "梁振华", "title": "党组书记、院长"}]
    assert group["deputies"] == [{"name": "唐雪梅", "title": "党组成员、副院长"},
                                 {"name": "欧阳立新", "title": "党组成员、政治部主任"}]
    assert group["members"] == [{"description": "办公室、立案庭、民事审判庭、梅溪人民法庭负责人"}]


@pytest.mark.parametrize("line", ["成员：县果树研究所所长 贺玲，各乡镇分管农业的副乡镇长。", "成员：县果树研究所所长 贺玲 各乡镇分管农业的副乡镇长"])
def test_a_group_after_a_titled_persons_name_is_not_that_persons_title(line: str) -> None:
    assert _everyone([line]) == [
        ("members", {"name": "贺玲", "title": "所长", "org": "县果树研究所"}),
        ("members", {"description": "各乡镇分管农业的副乡镇长"})]


def test_a_table_column_of_department_and_post_and_a_colleges_own_schools() -> None:
    assert _everyone(["| 职务 | 姓名 | 部门及职务 |", "| --- | --- | --- |", "| 组长 | 黄志坚 | 党委副书记、院长 |",
                      "| 成员 | 曹明 | 现代农业学院院长 |", "| 成员 | 孙璐 | 沙河农商银行普惠金融部总经理 |"]) == [
        ("leaders", {"name": "黄志坚", "title": "党委副书记、院长"}),
        ("members", {"name": "曹明", "title": "现代农业学院院长"}),
        ("members", {"name": "孙璐", "title": "普惠金融部总经理", "org": "沙河农商银行"})]


def test_a_deputy_and_a_department_head_named_after_their_body_take_its_name() -> None:
    group, _ = read_group([("成立领导小组，由县供销社党组书记、理事会主任杨立华任组长，理事会副主任向东升任副组长，"
                           "县卫生健康委员会基层卫生健康股股长吴晓丽、医政医管股股长杨帆为成员。")])
    assert group["deputies"] == [{"name": "向东升", "title": "理事会副主任", "org": "县供销社"}]
    assert group["members"][1] == {"name": "杨帆", "title": "医政医管股股长", "org": "县卫生健康委员会"}


def test_a_foundation_and_a_brigade_of_a_market_authority() -> None:
    assert _everyone(["成员：县青少年发展基金会秘书长　马丽、县文化市场综合行政执法大队大队长　石磊"]) == [
        ("members", {"name": "马丽", "title": "秘书长", "org": "县青少年发展基金会"}),
        ("members", {"name": "石磊", "title": "大队长", "org": "县文化市场综合行政执法大队"})]


def test_a_companys_own_posts_name_no_organisation_but_its_departments_stay_whole() -> None:
    assert _everyone(["组长：龙德胜（公司党委书记、执行董事）、田启明（公司总经理、党委副书记）",
                      "副组长：韦丽娜（公司副经理）", "成员：巫志强（公司金融部总经理）"]) == [
        ("leaders", {"name": "龙德胜", "title": "党委书记、执行董事"}),
        ("leaders", {"name": "田启明", "title": "总经理、党委副书记"}),
        ("deputies", {"name": "韦丽娜", "title": "副经理"}),
        ("members", {"name": "巫志强", "title": "公司金融部总经理"})]


def test_a_department_or_a_rank_of_a_body_only_implied_is_the_title_alone() -> None:
    assert _everyone(["副组长：局二级主任科员赵文某", "成员：公司党群工作部部长刘芳，局风险监测和综合减灾股股长吴振某",
                      "　　　　易红梅　局财务股负责人", "组长：汪立群（中心党支部书记、主任）、孟某（中心主任）"]) == [
        ("leaders", {"name": "汪立群", "title": "党支部书记、主任"}), ("leaders", {"name": "孟某", "title": "主任"}),
        ("deputies", {"name": "赵文某", "title": "二级主任科员"}),
        ("members", {"name": "刘芳", "title": "党群工作部部长"}),
        ("members", {"name": "吴振某", "title": "风险监测和综合减灾股股长"}),
        ("members", {"name": "易红梅", "title": "财务股负责人"})]


def test_a_companys_board_and_chief_officers_posts_before_or_after_the_name() -> None:
    assert _everyone(["组　　长：贺志某　公司党委书记、执行董事", "副组长：集团总会计师梁慧、公司总工程师王小明",
                      "由公司党支部书记、董事长卢建新任组长。"]) == [
        ("leaders", {"name": "贺志某", "title": "党委书记、执行董事"}),
        ("leaders", {"name": "卢建新", "title": "党支部书记、董事长"}),
        ("deputies", {"name": "梁慧", "title": "总会计师"}), ("deputies", {"name": "王小明", "title": "总工程师"})]


def test_clauses_of_people_before_the_role_they_share_a_village_clinic_and_posts_before_bracketed_names() -> None:
    assert _everyone(["由院长向某任组长，全科医生欧晓丽、杨正华，护士长彭春燕，石门坳村卫生室乡村医生田茂林为成员。"]) == [
        ("leaders", {"name": "向某", "title": "院长"}),
        ("members", {"name": "欧晓丽", "title": "全科医生"}), ("members", {"name": "杨正华", "title": "全科医生"}),
        ("members", {"name": "彭春燕", "title": "护士长"}),
        ("members", {"name": "田茂林", "title": "乡村医生", "org": "石门坳村卫生室"})]
    prose = ("由总经理黄某任组长，语文名师工作室主持人邹红英任副组长，成员由寄递事业部经理（潘雪梅）、综合办公室主任"
             "（罗永红）及各乡镇邮政支局局长组成。办公室设在寄递事业部，潘雪梅兼办公室主任。")
    group, _ = read_group([prose])
    assert group["deputies"] == [{"name": "邹红英", "title": "语文名师工作室主持人"}]
    assert group["members"] == [{"name": "潘雪梅", "title": "寄递事业部经理"}, {"name": "罗永红", "title": "综合办公室主任"},
                                {"description": "各乡镇邮政支局局长"}]
    assert group["office"] == {"location": "寄递事业部", "director": {"name": "潘雪梅"}}


def test_a_shared_post_a_padded_name_after_its_post_a_post_held_in_a_village_and_posts_before_names_on_a_line() -> None:
    assert _everyone(["副组长：副院长杨雪梅、梁建功；韦国华（县融媒体中心总编辑）", "成　员：立案庭庭长柯　敏、郝天明（驻青竹村第一书记）",
                      "德育主任　陆美玲　　各送教小组组长"]) == [
        ("deputies", {"name": "杨雪梅", "title": "副院长"}), ("deputies", {"name": "梁建功", "title": "副院长"}),
        ("deputies", {"name": "韦国华", "title": "总编辑", "org": "县融媒体中心"}),
        ("members", {"name": "柯敏", "title": "立案庭庭长"}), ("members", {"name": "郝天明", "title": "驻青竹村第一书记"}),
        ("members", {"name": "陆美玲", "title": "德育主任"}), ("members", {"description": "各送教小组组长"})]
    assert _everyone(["组长：张三（局长）、李四", "成员：马骏（驻村工作队队员）"]) == [
        ("leaders", {"name": "张三", "title": "局长"}), ("leaders", {"name": "李四"}),
        ("members", {"name": "马骏", "title": "队员", "org": "驻村工作队"})]
    shared = [("members", {"name": n, "title": "全科医生"}) for n in ("黄国庆", "谢丽", "邓建军")]
    assert _everyone(["成　员：全科医生　黄国庆、谢丽、邓建军"]) == shared  # one post for a list of names
    assert _everyone(["成员：全科医生黄国庆、谢丽、邓建军、护士长彭小琴"]) == [
        *shared, ("members", {"name": "彭小琴", "title": "护士长"})]
    assert _everyone(["成员：县教育局局长　张三、县财政局"]) == [
        ("members", {"name": "张三", "title": "局长", "org": "县教育局"}), ("members", {"description": "县财政局"})]


def test_a_group_schools_head_a_named_units_head_and_a_name_before_he_and_a_titled_person() -> None:
    group, _ = read_group(["由集团总校长、桐川一中校长钟启明任组长，驻村工作队队员郑一鸣、陆薇和村会计蓝秋菊为成员。"])
    assert group["leaders"] == [{"name": "钟启明", "title": "集团总校长、桐川一中校长"}]  # not a person named 集团总
    assert group["members"] == [{"name": "郑一鸣", "title": "队员", "org": "驻村工作队"},
                                {"name": "陆薇", "title": "队员", "org": "驻村工作队"}, {"name": "蓝秋菊", "title": "村会计"}]
    assert _everyone(["成员：中医科主任杨帆、信息科负责人黄伟、各科室负责人"]) == [
        ("members", {"name": "杨帆", "title": "中医科主任"}), ("members", {"name": "黄伟", "title": "信息科负责人"}),
        ("members", {"description": "各科室负责人"})]


def test_an_organs_party_group_and_a_hospitals_party_committee_give_the_post_to_the_organ() -> None:
    assert _everyone(["组长：郑永康（县工商联党组书记）", "副组长：石泽民（县人民医院党委书记）", "成员：樊志勇（镇党委书记）"]) == [
        ("leaders", {"name": "郑永康", "title": "党组书记", "org": "县工商联"}),
        ("deputies", {"name": "石泽民", "title": "党委书记", "org": "县人民医院"}),
        ("members", {"name": "樊志勇", "title": "书记", "org": "镇党委"})]  # a place's party committee is a body


def test_a_party_members_post_holds_no_zucheng() -> None:
    group, _ = read_group(["副组长由局党组成员、副局长罗春花和副局长杨胜利担任。"])  # 党组成员: not …由局党 组成
    assert group["deputies"] == [{"name": "罗春花", "title": "党组成员、副局长"}, {"name": "杨胜利", "title": "副局长"}]


def test_members_after_you_a_secretary_a_president_and_a_table_of_experts_under_another_heading() -> None:
    group, _ = read_group(["由园长彭晓琳任组长，副园长柳青任副组长，成员有邹丽（大班年级组长）、邓婷（中班年级组长）。"])
    assert group["leaders"] == [{"name": "彭晓琳", "title": "园长"}]  # 成员有邹丽（…）: no label glued to a name 有邹丽
    assert group["members"] == [{"name": "邹丽", "title": "大班年级组长"}, {"name": "邓婷", "title": "中班年级组长"}]
    assert _everyone(["副组长：总裁 蒋若愚，党委副书记 马丽华", "秘　书：邱晓明（医务部副主任）"]) == [
        ("deputies", {"name": "蒋若愚", "title": "总裁"}), ("deputies", {"name": "马丽华", "title": "党委副书记"}),
        ("members", {"name": "邱晓明", "title": "医务部副主任", "role": "秘书"})]
    group, _ = read_group(["组长：肖国华（院长）", "（二）派驻专家", "| 科室 | 姓名 | 职称 |", "| --- | --- | --- |",
                           "| 神经内科 | 黎振宇 | 副主任医师 |"])
    assert group["leaders"] == [{"name": "肖国华", "title": "院长"}] and "members" not in group
    assert "| 科室 | 姓名 | 职称 |\n| --- | --- | --- |\n| 神经内科 | 黎振宇 | 副主任医师 |" in group["body"]


def test_a_chats_stray_spaces_in_prose_a_padded_name_in_prose_and_a_duty_in_brackets_after_the_post() -> None:
    group, _ = read_group(["成立以村党支部书记 陈光明 为组长，村委会主任 李德华、镇农业综合服务中心主任 王  涛为副组长的领导小组。"])
    assert group["leaders"] == [{"name": "陈光明", "title": "书记", "org": "村党支部"}]
    assert group["deputies"] == [{"name": "李德华", "title": "主任", "org": "村委会"},
                                 {"name": "王涛", "title": "主任", "org": "镇农业综合服务中心"}]
    group, _ = read_group(["由镇党委书记罗文涛任组长，镇党委副书记、镇长石　磊任常务副组长。"])
    assert group["deputies"] == [{"name": "石磊", "title": "镇党委副书记、镇长", "role": "常务副组长"}]
    assert _everyone(["副组长：黎春华  副院长（分管公共卫生）", "乐进　西城区社区卫生服务中心主任　成员"]) == [
        ("deputies", {"name": "黎春华", "title": "副院长"}),
        ("members", {"name": "乐进", "title": "主任", "org": "西城区社区卫生服务中心"})]  # a role after: spaces kept


def test_a_central_schools_posts_name_the_school() -> None:
    assert _everyone(["组长：陶文彬（中心小学党支部书记、校长）", "成员：骆红（中心小学少先队大队辅导员）"]) == [
        ("leaders", {"name": "陶文彬", "title": "党支部书记、校长", "org": "中心小学"}),  # not the centre's 小学党支部书记
        ("members", {"name": "骆红", "title": "少先队大队辅导员", "org": "中心小学"})]


def test_several_posts_before_a_name_in_brackets() -> None:
    assert _everyone(["组　长：分公司党委书记、总经理（钟浩然）", "副组长：副校长（孟浩然、王摩诘）"]) == [
        ("leaders", {"name": "钟浩然", "title": "党委书记、总经理"}),
        ("deputies", {"name": "孟浩然", "title": "副校长"}), ("deputies", {"name": "王摩诘", "title": "副校长"})]


def test_an_academic_rank_after_a_post_is_one_of_the_persons_titles() -> None:
    assert _everyone(["组　长：邱明远　农学院院长、教授"]) == [
        ("leaders", {"name": "邱明远", "title": "院长、教授", "org": "农学院"})]  # not a second leader named 教授


def test_a_posts_other_name_in_brackets_a_branch_banks_own_posts_and_the_office_set_up_in_brackets() -> None:
    group, _ = read_group(["组　长：党组书记、局长（经理）　黄德明", "副组长：陈晓琴　　支行党委委员、副行长", "　　　　覃志华　　支行副行长",
                           "成　员：办公室主任　谭　勇", "领导小组下设办公室（设在局〔分公司〕办公室），由谭勇同志兼任办公室主任。"])
    assert group["leaders"] == [{"name": "黄德明", "title": "党组书记、局长（经理）"}]
    assert group["deputies"] == [{"name": "陈晓琴", "title": "党委委员、副行长"}, {"name": "覃志华", "title": "副行长"}]
    assert group["members"] == [{"name": "谭勇", "title": "办公室主任"}]
    assert group["office"] == {"location": "局〔分公司〕办公室", "director": {"name": "谭勇"}}


def test_a_body_or_a_department_with_two_names_the_other_in_brackets() -> None:
    assert _everyone(["组长：向国华，县局（分公司）党支部书记、局长、经理", "副组长：陈立伟　　局（分公司）副局长、副经理"]) == [
        ("leaders", {"name": "向国华", "title": "党支部书记、局长、经理", "org": "县局（分公司）"}),
        ("deputies", {"name": "陈立伟", "title": "副局长、副经理"})]
    assert _everyone(["成　员：运维检修部主任　钟亮；营销部（农电工作部）主任　戴红霞；各相关供电所所长"]) == [
        ("members", {"name": "钟亮", "title": "运维检修部主任"}),
        ("members", {"name": "戴红霞", "title": "营销部（农电工作部）主任"}), ("members", {"description": "各相关供电所所长"})]


def test_police_posts_and_the_office_after_a_table_below_a_sentence_on_the_villages() -> None:
    assert _everyone(["成员：社区民警舒志远、胡斌，辅警覃小芳"]) == [
        ("members", {"name": "舒志远", "title": "社区民警"}), ("members", {"name": "胡斌", "title": "社区民警"}),
        ("members", {"name": "覃小芳", "title": "辅警"})]
    group, _ = read_group(["| 小组职务 | 姓名 | 职务 |", "| --- | --- | --- |", "| 组长 | 肖振华 | 镇长 |",
                           "各村（居）党组织书记为领导小组当然成员。领导小组下设办公室，办公室设在镇应急管理站，由高峰同志兼任办公室主任。"])
    assert group["leaders"] == [{"name": "肖振华", "title": "镇长"}] and "members" not in group
    assert group["office"] == {"location": "镇应急管理站", "director": {"name": "高峰"}}


def test_a_centre_inside_a_school_is_its_department_and_a_long_post_ending_in_a_known_title() -> None:
    assert _everyone(["成员：柏雪（县第一中学心理健康教育中心主任）、左思源（县第三中学心理健康教育专职教师）、黎明远（县教师发展中心副主任）"]) == [
        ("members", {"name": "柏雪", "title": "心理健康教育中心主任", "org": "县第一中学"}),
        ("members", {"name": "左思源", "title": "心理健康教育专职教师", "org": "县第三中学"}),
        ("members", {"name": "黎明远", "title": "副主任", "org": "县教师发展中心"})]


def test_posts_named_without_a_person_a_colleges_own_posts_a_county_offices_department_and_units_heads() -> None:
    assert _everyone(["组　长：汪海波（学院党委书记）、冯建军（学院院长）", "成　员：向小满（县委史志研究室编研股股长）、杨帆（校医）、各社区书记、网格长、村保洁员",
                      "医务科、护理部、院办、财务科、人事科负责人为成员。"]) == [
        ("leaders", {"name": "汪海波", "title": "党委书记"}), ("leaders", {"name": "冯建军", "title": "院长"}),
        ("members", {"name": "向小满", "title": "编研股股长", "org": "县委史志研究室"}), ("members", {"name": "杨帆", "title": "校医"}),
        ("members", {"description": "各社区书记"}), ("members", {"description": "网格长"}), ("members", {"description": "村保洁员"}),
        ("members", {"description": "医务科、护理部、院办、财务科、人事科负责人"})]


def test_a_street_party_bodys_own_posts_and_the_office_set_up_without_a_place() -> None:
    prose = ("街道成立工作领导小组，由党工委书记韩立新任组长，党工委委员、副主任杜泽宇任副组长。"
             "领导小组下设办公室，由罗小芬同志兼任办公室主任，负责日常协调。")
    group, _ = read_group([prose])
    assert group["leaders"] == [{"name": "韩立新", "title": "党工委书记"}]
    assert group["deputies"] == [{"name": "杜泽宇", "title": "党工委委员、副主任"}]
    assert group["office"] == {"director": {"name": "罗小芬"}}


def test_a_name_sharing_a_post_before_he_and_columns_with_a_group_after_them() -> None:
    assert _everyone(["由社区党委委员邱伟、杨春燕和网格员麻建军为成员。", "组长：符立群（支公司党支部书记、总经理）"]) == [
        ("leaders", {"name": "符立群", "title": "党支部书记、总经理"}),
        ("members", {"name": "邱伟", "title": "委员", "org": "社区党委"}),
        ("members", {"name": "杨春燕", "title": "委员", "org": "社区党委"}), ("members", {"name": "麻建军", "title": "网格员"})]
    assert _everyone(["成 员：吴晓光 县乡村振兴局综合股股长 包丽萍 县交通运输局运输股股长 各乡镇分管领导"]) == [
        ("members", {"name": "吴晓光", "title": "综合股股长", "org": "县乡村振兴局"}),
        ("members", {"name": "包丽萍", "title": "运输股股长", "org": "县交通运输局"}),
        ("members", {"description": "各乡镇分管领导"})]
    assert _everyone(["由县发展和改革局副局长麻成军、县住房和城乡建设局局长严正平为成员。"]) == [
        ("members", {"name": "麻成军", "title": "副局长", "org": "县发展和改革局"}),
        ("members", {"name": "严正平", "title": "局长", "org": "县住房和城乡建设局"})]


def test_health_and_company_posts_and_a_group_after_yiji() -> None:
    assert _everyone(["组长由站长黄某担任，成员包括全科医生刘晨、护士长周敏、公卫医师胡俊以及社区各网格员。", "副组长：党委副书记、总裁　蔡文博"]) == [
        ("leaders", {"name": "黄某", "title": "站长"}), ("deputies", {"name": "蔡文博", "title": "党委副书记、总裁"}),
        ("members", {"name": "刘晨", "title": "全科医生"}), ("members", {"name": "周敏", "title": "护士长"}),
        ("members", {"name": "胡俊", "title": "公卫医师"}), ("members", {"description": "社区各网格员"})]


def test_a_centre_under_a_bureau_a_work_team_named_alone_and_a_list_ending_yiji_before_wei() -> None:
    assert _everyone(["由县文化馆馆长皮雅琴、县教育局学生资助管理中心主任龚红霞、工作队队员吴德华以及各有关乡镇分管负责同志为成员。"]) == [
        ("members", {"name": "皮雅琴", "title": "馆长", "org": "县文化馆"}),
        ("members", {"name": "龚红霞", "title": "学生资助管理中心主任", "org": "县教育局"}),
        ("members", {"name": "吴德华", "title": "工作队队员"}), ("members", {"description": "各有关乡镇分管负责"})]
    assert _everyone(["成员：田春花（桃林完小校长）"]) == [("members", {"name": "田春花", "title": "校长", "org": "桃林完小"})]
    assert _everyone(["成员：罗海波　县中心粮库主任", "覃显明　县水利局水库管理股股长"]) == [
        ("members", {"name": "罗海波", "title": "主任", "org": "县中心粮库"}),
        ("members", {"name": "覃显明", "title": "水库管理股股长", "org": "县水利局"})]  # a department named for reservoirs
    assert _everyone(["成员：孔繁宇（金桂社区警务室民警）、严立新（农业农村审计股股长）"]) == [
        ("members", {"name": "孔繁宇", "title": "民警", "org": "金桂社区警务室"}),  # a community's body, not its department
        ("members", {"name": "严立新", "title": "农业农村审计股股长"})]  # 农村 is a word, no place
    assert _everyone(["成员：谭永红（乡村振兴工作办公室主任）、邵雅琴（社区建设办公室主任）"]) == [  # an office named by its work
        ("members", {"name": "谭永红", "title": "乡村振兴工作办公室主任"}), ("members", {"name": "邵雅琴", "title": "社区建设办公室主任"})]
    assert _everyone(["成　员：向华清　县审计局驻枫木坪村第一书记", "　　　　杨永福　枫木坪村党支部书记、村委会主任",
                      "　　　　陶玉梅　长湾社区党委书记、居委会主任", "　　　　邓慧　社区党委书记、居委会主任",
                      "　　　　刘家豪　街道党工委委员、副主任"]) == [
        ("members", {"name": "向华清", "title": "驻枫木坪村第一书记", "org": "县审计局"}),  # the village it is held in
        ("members", {"name": "杨永福", "title": "党支部书记、村委会主任", "org": "枫木坪村"}),  # the village's two bodies
        ("members", {"name": "陶玉梅", "title": "党委书记、居委会主任", "org": "长湾社区"}),
        ("members", {"name": "邓慧", "title": "社区党委书记、居委会主任"}), ("members", {"name": "刘家豪", "title": "街道党工委委员、副主任"})]
    assert _everyone(["副组长：蒋玉华（局总工程师）", "联络员：唐小雨（政企客户部乡村振兴专员）"]) == [
        ("deputies", {"name": "蒋玉华", "title": "总工程师"}),
        ("members", {"name": "唐小雨", "title": "政企客户部乡村振兴专员", "role": "联络员"})]


def test_a_teachers_post_before_a_name_and_heads_of_units_after_ji() -> None:
    assert _everyone(["由校长俞某任组长，心理健康教师雷思琪、小班年级组长韦佳佳及两所结对园负责人为成员。"]) == [
        ("leaders", {"name": "俞某", "title": "校长"}), ("members", {"name": "雷思琪", "title": "心理健康教师"}),
        ("members", {"name": "韦佳佳", "title": "小班年级组长"}), ("members", {"description": "两所结对园负责人"})]
    assert _everyone(["由校长俞某任组长，全体教师为成员。"])[1] == ("members", {"description": "全体教师"})


def test_a_name_comma_and_two_titles_the_second_a_bare_post() -> None:
    assert _everyone(["副组长：杨丽娟，县联社党委副书记、主任；苏振华，县联社党委委员、副主任"]) == [
        ("deputies", {"name": "杨丽娟", "title": "党委副书记、主任", "org": "县联社"}),
        ("deputies", {"name": "苏振华", "title": "党委委员、副主任", "org": "县联社"})]


def test_a_table_whose_first_post_column_holds_the_roles_and_a_name_opening_with_quotes() -> None:
    group, _ = read_group(["医院成立“送医送药下乡”健康帮扶工作领导小组：", "| 职务 | 姓名 | 现任职务 |", "| --- | --- | --- |",
                           "| 组长 | 万国庆 | 院长 |", "| 副组长 | 巫晓丽 | 党委副书记、副院长 |"])
    assert group["name"] == "“送医送药下乡”健康帮扶工作领导小组"
    assert group["deputies"] == [{"name": "巫晓丽", "title": "党委副书记、副院长"}]


def test_posts_of_a_political_consultative_conference_a_credit_union_a_risk_director_and_social_security() -> None:
    assert _everyone(["组长：孟广川（县政协党组书记、主席）", "副组长：谭卫国，联社党委书记、理事长；田野（风险总监）",
                      "成员：陈佳（就业社保专干）"]) == [
        ("leaders", {"name": "孟广川", "title": "党组书记、主席", "org": "县政协"}),
        ("deputies", {"name": "谭卫国", "title": "党委书记、理事长"}),
        ("deputies", {"name": "田野", "title": "风险总监"}),
        ("members", {"name": "陈佳", "title": "就业社保专干"})]


def test_a_station_under_a_bureau_or_a_centre_is_its_department_and_a_procuratorates_committee_its_own() -> None:
    assert _everyone(["组长：覃永康（党组书记、检察长）",
                      ("成员：易小川（县农业机械化服务中心农机化技术推广站站长）、黎月红（县农业农村局经作站站长）、"
                      "陈平（石桥镇农经站站长）、韦国庆（检察委员会专职委员）")]) == [
        ("leaders", {"name": "覃永康", "title": "党组书记、检察长"}),
        ("members", {"name": "易小川", "title": "农机化技术推广站站长", "org": "县农业机械化服务中心"}),
        ("members", {"name": "黎月红", "title": "经作站站长", "org": "县农业农村局"}),
        ("members", {"name": "陈平", "title": "站长", "org": "石桥镇农经站"}),
        ("members", {"name": "韦国庆", "title": "检察委员会专职委员"})]


def test_the_person_in_charge_of_a_department_and_of_a_village_school() -> None:
    assert _everyone(["成员：施文涛（县交通运输局财务审计股负责人）、石光荣（黄泥塘村小负责人）、各村负责人"]) == [
        ("members", {"name": "施文涛", "title": "财务审计股负责人", "org": "县交通运输局"}),
        ("members", {"name": "石光荣", "title": "负责人", "org": "黄泥塘村小"}),
        ("members", {"description": "各村负责人"})]


def test_a_federation_of_literary_and_art_circles_and_a_branch_companys_own_posts() -> None:
    assert _everyone(["组长：谭雅琴　县文联党组书记、主席", "成员：卢子健　县文联组联部部长",
                      "副组长：邹凯，分公司党委书记、总经理；龚雪，分公司副总经理；"]) == [
        ("leaders", {"name": "谭雅琴", "title": "党组书记、主席", "org": "县文联"}),
        ("deputies", {"name": "邹凯", "title": "党委书记、总经理"}),
        ("deputies", {"name": "龚雪", "title": "副总经理"}),
        ("members", {"name": "卢子健", "title": "组联部部长", "org": "县文联"})]


def test_a_table_row_naming_a_group_is_a_description_and_leaves_the_others_posts_alone() -> None:
    group, _ = read_group(["| 职务 | 姓名 | 单位及职务 |", "| --- | --- | --- |", "| 组长 | 包振东 | 县水利局党组书记、局长 |",
                           "| 成员 | 沿线各乡镇分管负责同志 | |", "| 成员 | 各乡镇 | 分管负责同志 |"])
    assert group["leaders"] == [{"name": "包振东", "title": "党组书记、局长", "org": "县水利局"}]
    assert group["members"] == [{"description": "沿线各乡镇分管负责同志"}, {"description": "各乡镇分管负责同志"}]


def test_a_headquarters_commanders_and_a_group_whose_words_hold_a_bracket() -> None:
    group, _ = read_group(["成立行动指挥部，组成人员如下：", "指挥长：石瑞峰　　镇党委书记", "副指挥长：柏文涛　　镇党委副书记、镇长",
                           "成　员：蓝海生　　镇村镇建设办主任", "　　　　各村（社区）党组织书记",
                           "另由县农业农村局局长周明任副指挥长"])
    assert group["leaders"] == [{"name": "石瑞峰", "title": "书记", "org": "镇党委", "role": "指挥长"}]
    assert [(p["name"], p["role"]) for p in group["deputies"]] == [("柏文涛", "副指挥长"), ("周明", "副指挥长")]
    assert group["members"][1:] == [{"description": "各村（社区）党组织书记"}]


def test_the_office_sentence_run_into_the_members_in_a_paste_without_spaces() -> None:
    line = "成员：杨新民（乡农业综合服务中心主任）、各村党支部书记领导小组办公室设在乡乡村振兴办，冉军同志兼任办公室主任，负责日常调度。"
    group, _ = read_group([line])
    assert group["members"][-1] == {"description": "各村党支部书记"}
    assert group["office"] == {"location": "乡乡村振兴办", "director": {"name": "冉军"}}


def test_a_member_written_post_first_then_and_a_group() -> None:
    group, _ = read_group(["成员：普惠金融部总经理　谢小梅、综合管理部总经理　孙涛及各支行行长"])
    assert group["members"] == [{"name": "谢小梅", "title": "普惠金融部总经理"}, {"name": "孙涛", "title": "综合管理部总经理"},
                                {"description": "及各支行行长"}]


def test_an_institute_or_a_police_station_under_a_centre_or_a_bureau_is_its_department() -> None:
    assert _everyone([("成员：付晓光（市疾控中心慢性病防制所所长）、鲁国栋（县公安局城关派出所所长）、"
                       "吴春燕（乡财政所所长）、谭明（县农科所所长）")]) == [
        ("members", {"name": "付晓光", "title": "慢性病防制所所长", "org": "市疾控中心"}),
        ("members", {"name": "鲁国栋", "title": "城关派出所所长", "org": "县公安局"}),
        ("members", {"name": "吴春燕", "title": "所长", "org": "乡财政所"}),
        ("members", {"name": "谭明", "title": "所长", "org": "县农科所"})]


def test_an_institute_under_a_company_and_an_observatory_under_a_bureau_are_their_departments() -> None:
    assert _everyone(["成员：贺晓东（城东供水分公司管网所所长）、滕晓东（县气象局气象台台长）"]) == [
        ("members", {"name": "贺晓东", "title": "管网所所长", "org": "城东供水分公司"}),
        ("members", {"name": "滕晓东", "title": "气象台台长", "org": "县气象局"})]


def test_a_vocational_schools_short_name_is_its_organisation_before_a_long_post() -> None:
    assert _everyone(["成员：何丽娜（明港职校电子商务专业负责人）、谭小勇（鹤溪职专电子商务教研组组长）、龙建平（鹤溪职专实训中心主任）"]) == [
        ("members", {"name": "何丽娜", "title": "电子商务专业负责人", "org": "明港职校"}),
        ("members", {"name": "谭小勇", "title": "电子商务教研组组长", "org": "鹤溪职专"}),
        ("members", {"name": "龙建平", "title": "实训中心主任", "org": "鹤溪职专"})]


def test_a_companys_posts_first_with_the_names_in_brackets_and_its_union_among_departments() -> None:
    group, _ = read_group(["副组长：公司党委副书记、总裁（柏志诚）", "　　　　公司党委委员、副总监（沈可欣）",
                           "成　员：党委办公室、工会、财务管理部主要负责人"])
    assert group["deputies"] == [{"name": "柏志诚", "title": "党委副书记、总裁"}, {"name": "沈可欣", "title": "党委委员、副总监"}]
    assert [p.get("name") for p in group["members"]] == [None, None, None]


def test_a_bare_name_then_and_a_group_is_the_person_and_the_group() -> None:
    group, _ = read_group(["成员：邹杰、蒋思雨及各网格网格员", "顾问：县教育局及各乡镇中心学校"])
    assert group["members"] == [{"name": "邹杰"}, {"name": "蒋思雨"}, {"description": "及各网格网格员"},
                                {"description": "县教育局及各乡镇中心学校"}]


def test_departments_named_after_a_post_are_no_people_and_leave_the_posts_above_alone() -> None:
    group, _ = read_group(["组长：党委书记、董事长严定邦；成员：总裁办公室、财富管理总部、党群工作部主要负责人。"])
    assert group["leaders"] == [{"name": "严定邦", "title": "党委书记、董事长"}]
    assert group["members"] == [{"description": "总裁办公室"}, {"description": "财富管理总部"},
                                {"description": "党群工作部主要负责人"}]


def test_a_community_police_officer_of_a_police_station_keeps_the_community_in_the_title() -> None:
    assert _everyone(["成员：桂香派出所社区民警杨帆、桂香社区网格员石晓雨"]) == [
        ("members", {"name": "杨帆", "title": "社区民警", "org": "桂香派出所"}),
        ("members", {"name": "石晓雨", "title": "网格员", "org": "桂香社区"})]


def test_a_duty_in_brackets_after_a_name_in_prose_and_a_liaison_named_in_prose() -> None:
    group, _ = read_group(["由校长吴承德任组长，副校长麻秀云（分管小学部）、副校长杨正邦（分管初中部）任副组长。",
                           "白沙坪小学教导主任滕云为联络员，负责两校日常沟通。"])
    assert group["deputies"] == [{"name": "麻秀云", "title": "副校长"}, {"name": "杨正邦", "title": "副校长"}]
    assert group["members"] == [{"name": "滕云", "title": "教导主任", "org": "白沙坪小学", "role": "联络员"}]


def test_a_supervisor_an_area_manager_an_invited_adviser_and_a_group_and_a_person_joined_by_he() -> None:
    group, _ = read_group(["成　员：包丽君　　中国建设银行溆川支行普惠金融部主管", "　　　　彭浩（城区片区经理）",
                           "特邀县水产事务中心高级工程师彭志远同志为顾问，负责技术指导。"])
    assert group["members"] == [
        {"name": "包丽君", "title": "普惠金融部主管", "org": "中国建设银行溆川支行"}, {"name": "彭浩", "title": "城区片区经理"},
        {"name": "彭志远", "title": "高级工程师", "org": "县水产事务中心", "role": "顾问"}]
    group, _ = read_group(["成员由村“两委”其他干部、各村民小组组长和五里岗稻虾专业合作社理事长熊德贵组成。"])
    assert group["members"] == [{"description": "村“两委”其他干部"}, {"description": "各村民小组组长"},
                                {"name": "熊德贵", "title": "理事长", "org": "五里岗稻虾专业合作社"}]


def test_an_executive_leader_keeps_the_word_the_document_gives() -> None:
    group, _ = read_group(["组长：马骏（街道办事处主任）", "执行组长：陶丽（街道办事处副主任）"])
    assert [(p["name"], p.get("role", "")) for p in group["leaders"]] == [("马骏", ""), ("陶丽", "执行组长")]


def test_a_companys_discipline_secretary_and_offices_are_its_own_and_a_places_discipline_committee_a_body() -> None:
    assert _everyone(["副组长：分行纪委书记钟毅、赤岩矿业集团纪委书记白冬梅、镇纪委书记梁志诚",
                      "成员：赤岩矿业集团办公室主任饶建平、南岭绿能集团有限公司乡村振兴办公室主任莫雅琴、分行普惠金融事业部总经理高明"]) == [
        ("deputies", {"name": "钟毅", "title": "纪委书记"}),
        ("deputies", {"name": "白冬梅", "title": "纪委书记", "org": "赤岩矿业集团"}),
        ("deputies", {"name": "梁志诚", "title": "书记", "org": "镇纪委"}),
        ("members", {"name": "饶建平", "title": "办公室主任", "org": "赤岩矿业集团"}),
        ("members", {"name": "莫雅琴", "title": "乡村振兴办公室主任", "org": "南岭绿能集团有限公司"}),
        ("members", {"name": "高明", "title": "普惠金融事业部总经理"})]


def test_a_table_row_with_no_name_and_a_group_in_the_posts_cell_is_a_description() -> None:
    group, _ = read_group(["| 职务 | 姓名 | 单位及职务 |", "| --- | --- | --- |", "| 组长 | 杜文斌 | 街道党工委书记 |",
                           "| 成员 |  | 各社区党组织书记 |", "| 成员 | — | 各社区卫生服务站站长 |"])
    assert group["members"] == [{"description": "各社区党组织书记"}, {"description": "各社区卫生服务站站长"}]


def test_a_mining_group_keeps_its_name_whole() -> None:
    assert _everyone(["成员：赤岩矿业集团财务部部长 方丽、龙泉煤矿副矿长 武晓东"]) == [
        ("members", {"name": "方丽", "title": "财务部部长", "org": "赤岩矿业集团"}),
        ("members", {"name": "武晓东", "title": "副矿长", "org": "龙泉煤矿"})]


def test_a_county_named_before_a_group_is_no_person() -> None:
    group, _ = read_group(["成员：王立新（县教育局局长）", "　　　　凤栖县、云岭县乡村振兴局分管负责同志"])
    assert [p.get("name") for p in group["members"]] == ["王立新", None, None]


def test_a_supervisor_written_before_the_name_and_a_reservoir_areas_department() -> None:
    group, _ = read_group(["成员：品控部主管 钱若溪、戴家豪（库区工作部主任）、各直播间负责人。"])
    assert group["members"] == [{"name": "钱若溪", "title": "品控部主管"}, {"name": "戴家豪", "title": "库区工作部主任"},
                                {"description": "各直播间负责人"}]


def test_units_sharing_the_word_for_their_heads_then_and_a_group_are_no_people() -> None:
    group, _ = read_group(["由院长邹明亮任组长，医务科、护理部、信息科、财务科负责人及各成员单位院长为成员。"])
    assert group["members"] == [{"description": "医务科、护理部、信息科、财务科负责人及各成员单位院长"}]
