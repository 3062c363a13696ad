"""Build 000_report.docx: sample 000 (荣成市 2020) hand-rendered as a Word document.

Test fixture generator, stdlib only (zipfile + hand-written WordprocessingML strings).
Run from anywhere: ``python3 make_000_docx.py`` writes ``000_report.docx`` beside this file.
The output is deterministic (fixed part order, fixed zip timestamps).

Content is typed from ``../samples/000_1dfec89e3ce2593a.txt`` (expected values:
``tests/expected/000.json``). Tables follow the 2019 template's merges
(``shared/spec/templates.md`` §3, §5, §6): ``w:gridSpan`` for merged columns,
``w:vMerge`` restart/continue for merged rows. Table cells keep the sample's own padding
(``'25 '``, ``' 135839'``, ``'2\\xa0'``); blank cells are an empty ``w:tc`` with one empty ``w:p``.
Extras a Word file carries: one tracked change in section 一 (``w:del`` 继续 + ``w:ins`` 持续;
the accepted text is the sample's) and one content control (``w:sdt``) around the first
paragraph of section 五.
"""

import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "000_report.docx")

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FIXED_DATE = (2021, 1, 28, 9, 0, 0)
REV_DATE = "2021-01-28T09:00:00Z"
AUTHOR = "荣成市政府办公室"

# ---------------------------------------------------------------- prose
# (kind, text): title / h1 / h2 / p / empty; 'tracked' = (before, deleted, inserted, after);
# 'sdt' = a paragraph wrapped in a content control.
PART1 = [
    ('title', '2020年荣成市政府信息公开年报'),
    ('empty', ''),
    ('p', '本年度报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)和《山东省政府信息公开规定》(以下简称《规定》)要求，由荣成市人民政府编制。全文包括概述，主动公开政府信息情况，依申请公开政府信息情况，政府信息公开相关的行政复议、行政诉讼、举报投诉情况，存在的主要问题和改进措施，并附2020年度荣成市政府办公室信息公开情况统计表。本年度报告中所列数据的统计期限从2020年1月1日到12月31日止。本年度报告的电子版本可以从http://www.rongcheng.gov.cn/下载。如对本年度报告有疑问，请与荣成市人民政府办公室联系。（联系电话：7567517，电子邮箱：rc7567517@wh.shandong.cn）'),
    ('h1', '一、概 述'),
    ('tracked', ('2020年我市牢牢把握新时代政务公开工作的职责定位和面临的新形势，紧紧围绕市委、市政府中心工作及群众关注关切，以公开促落实、促规范、促服务，全面提升政务公开质量和实效，', '继续', '持续', '做好信息发布、解读回应、政民互动、平台建设等方面工作。')),
    ('h1', '二、主动公开政府信息情况'),
    ('p', '今年市政府网站共主动公开信息22454条，其中概况类信息420条，政务动态类信息8003条；发布在线访谈44期，开展意见征集和网上调查16次，针对热点问题发布回应关切27期。'),
    ('h2', ' （一）总体情况'),
    ('p', '1.政策文件。2020年，政策文件网上公开了29件，配发解读材料22件，其中主要负责人带头解读政策1件。'),
    ('p', '2.行政权力运行。公开透明是法治政府的基本特征。随着群众民主意识，法制意识的提高，社会对政府行政权力运行的关注度越来越高，为促进全力运行在阳光下，描绘公民知情权的美好蓝图，我市以制度约束提升公开能力，结合国家及省市政务公开工作要点，以决策、执行、管理、服务、结果公开为主线，制定了政务公开事项目录动态调整机制、重大决策预公开制度、文件属性源头认定制度、利益相关方参加政府会议制度等覆盖政府行政权力运行全过程的制度10项，形成了覆盖公开工作全环节、全内容的流程规范体系，所有政府文件均进行公开属性审查，并在文件上标注“此件公开发布”、“此件依申请公开”、“此件不予公开”字样，凡是应公开的一律在印发文件3个工作日内在政府网站进行公开，不主动公开的一律写明原因并备案，真正将“五公开”应用于日常办文办会，有效强化了部门的政务公开意识，切实做好政务信息主动公开工作。'),
    ('p', '3.政策解读。按照“谁起草、谁解读”的原则，坚持政策性文件与解读材料同步组织、同步审签、同步部署，对以本级政府或本级政府办公室名义印发的涉及面广、社会关注度高的政策文件和所有规范性文件同时配备相应的政策解读材料，于出台后3个工作日在网站进行发布，并实现网站内政策文件与政策解读页面的相互关联，同时在政策解读专栏中增加图文解读、音视频解读、领导干部在线解读等多种形式，使社会公众看得见、听得懂。在做好本地政府相关政策文件配套解读工作的同时，聚焦做好“六稳”工作、落实“六保”任务，着眼优化营商环境，还注重加大了惠企政策的相关宣传解读工作，先后开展了民营经济中小企业政策宣讲大会、中小企业健康发展政策解读暨银企对接工作会、千名干部联系千家企业活动、部门领导联系分包企业政策解读等系列活动，确保各项惠企政策的落地落实，切实增强企业的政策获得感。'),
    ('empty', ''),
    ('p', '4.重点领域信息公开。围绕政府工作报告、年度重点工作、民生实事项目等重大决策部署，加大执行公开力度，重点公开民生实事落实情况、发展规划落实情况、政府决定事项落实情况、市级重点项目推进情况等方面信息。结合上级工作要点，细化加大社会救助与社会福利、义务教育和医疗卫生、公共文化体育、公共企事业单位等重点领域信息公开，根据机构改革后的新职能，及时调整完善行政执法机关权责清单，按照“谁执法谁公示”的原则，严格落实行政执法公示制度，规范行政执法行为。通过双公示平台，集中向社会依法公开行政执法职责、执法依据、执法标准、执法程序、监督途径等基本信息和执法结果信息。'),
    ('p', '5.推进基层政务公开。我市今年大力推进基层政务公开工作。在编制标准目录过程中，按照以公开为常态、不公开为例外，坚持标准引领、需求导向、依法依规、改革创新的基本原则，组织相关部门逐个事项理清公开内容、公开主体、公开依据、公开时限、公开方式等要素，编制了26个领域的市级基层政务公开标准目录，同时，为规范镇村级的政务公开工作，我市又编制8个领域的乡镇街道政务公开标准目录。目录编制完成并同时在政府网站进行公示，各单位可以参照标准目录更规范地做好各项公开工作。'),
    ('empty', ''),
    ('h2', '（二）主动公开途径'),
    ('p', '1、政府网站。2020年在政府网站增加了政策文件分类查询功能，增加了重大建设项目全流程公开专题。'),
    ('p', ' 2、政府公报。发行政府公报4期，下发至各区、镇（街道）、市直各部门，并免费向公众发放，每期发放量1300份。'),
    ('p', '3、政务微博、政务微信。着力建设政务微博、微信等新媒体政务信息发布渠道，积极与公众开展互动交流。“荣成发布政务微博”关注量为44347，2020年共发布2056条以上的政务信息。利用“中国荣成”微信公众号,，围绕微政务和微服务，及时发布荣成市新闻和政务信息，提供多种政务服务，目前该公众号订阅数达336351，2019年发布微信信息22190。设置政务公开专栏，同步发布市政府门户网站最新公开信息，汇总图文解读和政府公报，方便群众查阅，开通政府信息依申请公开在线申请功能，拓展依申请公开渠道。'),
    ('p', ' 公共查阅点。通过市档案馆、市图书馆公共查阅点和各区、镇（街道）公共查阅点为市民群众查阅、获取政府信息提供便利，设立政务公开体验区，提高全市人民的政务公开意识。'),
    ('empty', ''),
    ('h2', '（三）平台建设'),
    ('p', '规范政府信息平台设置，按照上级文件要求，重新设计了政府信息公开栏目版面；开展了政务公开网站目录对应梳理工作，从群众需求出发，把握“便于查找、易于获取”的原则，对设置不科学、责任不明确的栏目进行优化。'),
    ('h2', '（四）监督保障'),
    ('empty', ''),
    ('p', '一是完善公开制度。按照新修订的《政府信息公开条例》，结合实际和基层工作要求，对已出台的相关制度文件进行了修订。二是严肃监督检查。利用制定台账、电话调度、重点督查等形式，定期对任务落实情况进行调度检查，强化日常监督。采取综合培训和专题培训相结合、大范围培训和小范围培训相结合、内部培训与外部培训相结合等方式，积极开展灵活多样富有成效的培训，丰富培训内容，扩大培训成效，大力提升政务公开工作人员综合素质和专业能力。2020年，共开展专题培训4次，累计培训工作人员320余人次。'),
    ('h1', '二、主动公开政府信息情况'),
]
PART2 = [
    ('p', '做好人大代表建议和政协委员提案办理结果公开。市政府门户网站开设专栏，集中公开建议提案办理复文和办理总体情况，并设置建议提案内容的分类检索功能，方便公众查阅。2020年，我市政府系统共办理人大代表建议58件、政协委员提案54件，办复率均为100%。'),
    ('empty', ''),
    ('h1', '三、依申请公开政府信息情况'),
    ('p', '2020年，我市各行政机关共受理依信息公开申请71件，比2019年减少2件，办结数为71件，办结率为100%。'),
    ('empty', ''),
    ('h1', '三、收到和处理政府信息公开申请情况'),
]
PART3 = [
    ('h1', '四、政府信息公开行政复议、行政诉讼情况'),
]
PART4 = [
    ('h1', '五、主要问题和改进措施'),
    ('sdt', '2020年，我市政府信息公开工作还存在以下问题：一是公开内容质量不高，二是各部门公开工作水平参差不齐'),
    ('p', '针对以上不足，2020年我市将重点做好以下工作：加大对公共企事业单位的政务公开培训；推行各个领域的“政务公开日”，让政务公开更好地为百姓服务。'),
    ('empty', ''),
    ('h1', '六、其他需要报告的事项'),
    ('p', '无'),
]

# ---------------------------------------------------------------- tables
# A cell is (paragraphs, gridSpan, vMerge): paragraphs is a list of strings ([] = blank cell),
# vMerge is None, "restart" or "continue". A bare string is a one-paragraph plain cell and
# None a blank plain cell.


def C(paras, span=1, vmerge=None):
    return (paras, span, vmerge)


CONT = C([], 1, "continue")

# Table 2: 4 grid columns (label + 3 values); in （八）（九） the second value cell spans 2.
T2_GRID = [2400, 2200, 2200, 2200]
T2_ROWS = [
    [C(["第二十条第（一）项"], 4)],
    ["信息内容", C(["本年新", "制作数量"]), C(["本年新", "公开数量"]), C(["对外公开", "总数量"])],
    ["规章", "0", "0", "0"],
    ["规范性文件", "25 ", " 25", "159"],
    [C(["第二十条第（五）项"], 4)],
    ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
    ["行政许可", "232 ", "234 ", " 135839"],
    ["其他对外管理服务事项", "56", "2", "861"],
    [C(["第二十条第（六）项"], 4)],
    ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
    ["行政处罚", "3197", "56", "266275"],
    ["行政强制", "166", "4", "4143"],
    [C(["第二十条第（八）项"], 4)],
    ["信息内容", "上一年项目数量", C(["本年增/减"], 2)],
    ["行政事业性收费", " 25", C(["-2"], 2)],
    [C(["第二十条第（九）项"], 4)],
    ["信息内容", "采购项目数量", C(["采购总金额"], 2)],
    ["政府集中采购", " 410", C([" 5.49亿"], 2)],
]

# Table 3: 10 grid columns (3 label levels + 7 applicant columns), 2019 template.
T3_GRID = [600, 900, 2600, 700, 700, 700, 700, 700, 700, 700]
B = None  # blank cell
BLANK7 = [B, B, B, B, B, B, B]
T3_ROWS = [
    [C(["（本列数据的勾稽关系为：第一项加第二项之和，", "等于第三项加第四项之和）"], 3, "restart"),
     C(["申请人情况"], 7)],
    [C([], 3, "continue"), C(["自然人"], 1, "restart"), C(["法人或其他组织"], 5), C(["总计"], 1, "restart")],
    [C([], 3, "continue"), CONT, C(["商业", "企业"]), C(["科研", "机构"]), "社会公益组织", "法律服务机构", "其他",
     CONT],
    [C(["一、本年新收政府信息公开申请数量"], 3), "71", "0 ", "0", "0", "0", "0", "71"],
    [C(["二、上年结转政府信息公开申请数量"], 3), "0", "0", "0", "0", "0", "0", "0"],
    [C(["三、本年度办理结果"], 1, "restart"), C(["（一）予以公开"], 2), "47", "0 ", "0", "0", "0", "0", "47"],
    [CONT, C(["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"], 2), "16", "0", "0", "0", "0", "0", "16"],
    [CONT, C(["（三）不予公开"], 1, "restart"), "1.属于国家秘密"] + BLANK7,
    [CONT, CONT, "2.其他法律行政法规禁止公开"] + BLANK7,
    [CONT, CONT, "3.危及“三安全一稳定”"] + BLANK7,
    [CONT, CONT, "4.保护第三方合法权益"] + BLANK7,
    [CONT, CONT, "5.属于三类内部事务信息"] + BLANK7,
    [CONT, CONT, "6.属于四类过程性信息"] + BLANK7,
    [CONT, CONT, "7.属于行政执法案卷"] + BLANK7,
    [CONT, CONT, "8.属于行政查询事项"] + BLANK7,
    [CONT, C(["（四）无法提供"], 1, "restart"), "1.本机关不掌握相关政府信息", "8", B, B, B, B, B, "8"],
    [CONT, CONT, "2.没有现成信息需要另行制作"] + BLANK7,
    [CONT, CONT, "3.补正后申请内容仍不明确"] + BLANK7,
    [CONT, C(["（五）不予处理"], 1, "restart"), "1.信访举报投诉类申请"] + BLANK7,
    [CONT, CONT, "2.重复申请"] + BLANK7,
    [CONT, CONT, "3.要求提供公开出版物"] + BLANK7,
    [CONT, CONT, "4.无正当理由大量反复申请"] + BLANK7,
    [CONT, CONT, C(["5.要求行政机关确认或重新", "出具已获取信息"])] + BLANK7,
    [CONT, C(["（六）其他处理"], 2)] + BLANK7,
    [CONT, C(["（七）总计"], 2)] + BLANK7,
    [C(["四、结转下年度继续办理"], 3), "0", "0", "0", "0", "0", "0", "0"],
]

# Table 4: 15 grid columns; the five 行政复议 leaves are merged over header rows 2-3.
T4_GRID = [600] * 15
T4_ROWS = [
    [C(["行政复议"], 5), C(["行政诉讼"], 10)],
    [C(["结果", "维持"], 1, "restart"), C(["结果纠正"], 1, "restart"), C(["其他结果"], 1, "restart"),
     C(["尚未", "审结"], 1, "restart"), C(["总", "计"], 1, "restart"),
     C(["未经复议直接起诉"], 5), C(["复议后起诉"], 5)],
    [CONT, CONT, CONT, CONT, CONT,
     "结果维持", "结果纠正", C(["其他", "结果"]), C(["尚未", "审结"]), "总计",
     "结果维持", C(["结果", "纠正"]), C(["其他", "结果"]), "尚未审结", "总计"],
    ["2", "2", "1", "2\u00a0", "7", "1", "0", "0", "0", "1", "32", "0", "0", "0", "32"],
]

# ---------------------------------------------------------------- WordprocessingML

RPR_BODY = '<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="24"/></w:rPr>'
RPR_BOLD = ('<w:rPr><w:rFonts w:ascii="黑体" w:hAnsi="黑体" w:eastAsia="黑体"/><w:b/>'
            '<w:sz w:val="24"/></w:rPr>')
RPR_TITLE = ('<w:rPr><w:rFonts w:ascii="方正小标宋简体" w:hAnsi="方正小标宋简体" w:eastAsia="方正小标宋简体"/>'
             '<w:b/><w:sz w:val="36"/></w:rPr>')
RPR_CELL = '<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="18"/></w:rPr>'


def t(text, tag="w:t"):
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<{tag}{space}>{escape(text)}</{tag}>"


def run(text, rpr=RPR_BODY):
    return f"<w:r>{rpr}{t(text)}</w:r>"


def para(text, ppr="", rpr=RPR_BODY):
    body = run(text, rpr) if text else ""
    return f"<w:p>{ppr}{body}</w:p>"


PPR_BODY = '<w:pPr><w:spacing w:line="360" w:lineRule="auto"/><w:ind w:firstLineChars="200" w:firstLine="480"/></w:pPr>'
PPR_H1 = '<w:pPr><w:keepNext/><w:spacing w:line="360" w:lineRule="auto"/><w:outlineLvl w:val="0"/></w:pPr>'
PPR_H2 = '<w:pPr><w:keepNext/><w:spacing w:line="360" w:lineRule="auto"/><w:outlineLvl w:val="1"/></w:pPr>'
PPR_TITLE = '<w:pPr><w:spacing w:after="240"/><w:jc w:val="center"/></w:pPr>'
PPR_CELL = '<w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="center"/></w:pPr>'


def prose(items):
    out = []
    for kind, text in items:
        if kind == "title":
            out.append(para(text, PPR_TITLE, RPR_TITLE))
        elif kind == "h1":
            out.append(para(text, PPR_H1, RPR_BOLD))
        elif kind == "h2":
            out.append(para(text, PPR_H2, RPR_BOLD))
        elif kind == "p":
            out.append(para(text, PPR_BODY))
        elif kind == "empty":
            out.append("<w:p/>")
        elif kind == "tracked":
            before, deleted, inserted, after = text
            out.append(
                f"<w:p>{PPR_BODY}{run(before)}"
                f'<w:del w:id="1" w:author="{AUTHOR}" w:date="{REV_DATE}">'
                f"<w:r>{RPR_BODY}{t(deleted, 'w:delText')}</w:r></w:del>"
                f'<w:ins w:id="2" w:author="{AUTHOR}" w:date="{REV_DATE}">{run(inserted)}</w:ins>'
                f"{run(after)}</w:p>"
            )
        elif kind == "sdt":
            out.append(
                '<w:sdt><w:sdtPr><w:alias w:val="文字描述"/><w:tag w:val="section5_text"/>'
                '<w:id w:val="1234567"/></w:sdtPr>'
                f"<w:sdtContent>{para(text, PPR_BODY)}</w:sdtContent></w:sdt>"
            )
        else:
            raise ValueError(kind)
    return "".join(out)


def cell_xml(cell, grid, col):
    if cell is None:
        cell = C([])
    elif isinstance(cell, str):
        cell = C([cell])
    paras, span, vmerge = cell
    width = sum(grid[col:col + span])
    pr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        pr += "<w:vMerge/>"
    pr += '<w:vAlign w:val="center"/>'
    ps = "".join(para(p, PPR_CELL, RPR_CELL) for p in paras) if paras else "<w:p/>"
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{ps}</w:tc>", span


BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'


def table(grid, rows):
    out = [
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{sum(grid)}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders><w:top {BORDER}/><w:left {BORDER}/><w:bottom {BORDER}/><w:right {BORDER}/>"
        f"<w:insideH {BORDER}/><w:insideV {BORDER}/></w:tblBorders>"
        '<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>'
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
        + "</w:tblGrid>"
    ]
    for row in rows:
        out.append('<w:tr><w:trPr><w:jc w:val="center"/></w:trPr>')
        col = 0
        for cell in row:
            xml, span = cell_xml(cell, grid, col)
            out.append(xml)
            col += span
        if col != len(grid):
            raise ValueError(f"row spans {col} grid columns, grid has {len(grid)}: {row!r}")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


SECT = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1440" w:right="1247" w:bottom="1440" w:left="1247" w:header="851" w:footer="992" w:gutter="0"/>'
        "</w:sectPr>")


def document_xml():
    body = (
        prose(PART1) + table(T2_GRID, T2_ROWS) + "<w:p/>"
        + prose(PART2) + table(T3_GRID, T3_ROWS) + "<w:p/>"
        + prose(PART3) + table(T4_GRID, T4_ROWS) + "<w:p/>"
        + prose(PART4) + SECT
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}</w:body></w:document>'
    )


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
)


def main():
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("word/document.xml", document_xml()),
        ("word/_rels/document.xml.rels", DOC_RELS),
    ]
    with zipfile.ZipFile(OUT, "w") as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            z.writestr(info, text.encode("utf-8"))
    print(OUT)


if __name__ == "__main__":
    main()
