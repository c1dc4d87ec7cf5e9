"""The agent check's Japanese patterns: a katakana name with its title or the body it names
(テイト氏, タニック河川トラスト), where it stands as the agent of a sentence (…は, …によると, …によって,
the speaker after a quotative と), and the kanji or katakana topic a sentence opens with (郡は,
地域保健委員会は)."""

from __future__ import annotations

import re

from mtreview.qa.checks.agent_bodies import BODY_WORDS, BODY_WORDS_KANA, BODY_WORDS_KANJI

NAME = r"[\u30a1-\u30fa\u30fc]{2,}(?:・[\u30a1-\u30fa\u30fc]+)*"
TITLE = (
    r"(?:氏|さん|様|社|教授|准教授|博士|医師|監督|館長|市長|町長|知事|議員|社長|会長|最高経営責任者|"
    r"最高執行責任者|最高財務責任者|CEO|COO|CFO|選手|主将|記者|弁護士|判事|裁判官|大臣|首相|大統領|代表|"
    r"所長|院長|局長|部長|課長|委員長|理事長|学長|校長|容疑者|被告|長官|報道官|広報担当者|"
    # any other office that ends as titles do: 農業相, 財務相, 組合長, 事務総長, 首席補佐官, 交通委員; and a
    # person's trade: 騎手, 調教師, 棋士, 運転手
    r"[\u4e00-\u9fff]{1,5}(?:相|長|官|員|手|師|士))"
)
BODY = (
    rf"(?:[\u4e00-\u9fff]{{1,4}}(?=[\u4e00-\u9fff]*(?:{'|'.join(BODY_WORDS_KANJI)})|{'|'.join(BODY_WORDS_KANA)}))?"
    rf"(?:{'|'.join(BODY_WORDS)})"
)
"""A body named by a name and what it is (オリエンテーリング連盟, タニック河川トラスト: a word or two of what
it does between): the body is the agent."""
BODY_PREFIX = r"(?:全国|全米|全英|国際|世界|欧州|州立|国立|市立|地域|地方|王立)"
"""What may open a body's name before the katakana (全国オリエンテーリング連盟)."""
JA_OPENERS = r"(?:ただし|しかし|だが|でも|また|一方で?|さらに|なお|そして|それでも|同時に)、?"
"""Conjunctions that may open a sentence before its topic (ただしフェレイラ会長は…)."""
JA_AGENT = re.compile(
    rf"(?:^|[、」』)]\s*と、?|[、。「」])\s*(?:{JA_OPENERS})?(?:[^、。「」]{{0,24}}の|"
    rf"[^、。「」]{{0,40}}?(?:した|する|している|していた|された|だった|である))??"
    rf"(?:{BODY_PREFIX})?(?P<name>{NAME})(?P<title>{TITLE}|{BODY})?(?:[（(][A-Z]{{2,5}}[）)])?"
    r"(?P<role>は|が|によると|によれば|の話では)"
)
JA_BY = re.compile(
    rf"(?<![\u30a1-\u30fa\u30fc・])(?P<name>{NAME})(?P<title>{TITLE})?(?P<role>によって|により)"
    r"(?=[^、。]{0,12}?(?:発表|公表|明らかに|報告|指摘|表明|確認|説明|決定|承認|提案|言及|発言|批判))"
)
"""The agent of a passive, wherever it stands: 決定は金曜日にギャラガー氏によって発表された."""
JA_AGENT_QUOTED = re.compile(
    rf"(?<=[\u3041-\u3093])と、?(?P<name>{NAME})(?P<title>{TITLE})?(?P<role>は)"
    r"(?=[^。「」]{0,20}?(?:述べ|語っ|語り|話し|明らかにし|説明し|強調し|指摘し|主張し|付け加え|認め|発表し))"
)
"""The speaker after a plain quotative と (…続けるとバナジー氏は述べた): the topic は of a reporting verb
that closes the sentence, not a name inside the reported clause (子どもたちとジョーンズ氏が歌った)."""
JA_BODY_TOPIC = re.compile(
    rf"\s*(?:{JA_OPENERS})?(?P<np>[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{{1,12}})(?:は|が|によると|によれば)"
)
"""The topic or subject that opens a Japanese sentence, in kanji or katakana (郡は, 地域保健委員会は)."""
