"""Reading rules text as written: traditional characters and half-width punctuation folded for matching.

Both foldings map one character to one character, so an offset found in the folded text points at the
same place in the text as written (which is what is kept and shown). Only the characters that matter for
structure (第一條, 總則, 第三節) and for the legality table are folded; the rest is left as it is.
"""
from __future__ import annotations

# Half-width punctuation as typed on a Western keyboard layout → the full-width forms rules are written in.
_HALF = ",;:!?()"
_FULL = "，；：！？（）"

# Traditional → simplified, one character each (pairs aligned position by position).
_TRADITIONAL = (
    "條節總則規約條與當應須罰錢違處離婚嫁戶遷銷權給產資養險醫療補貼學關連帶親屬財沒收發爲為"
    "對員會員會議選舉區縣鄉鎮農業經營轉讓證號碼機構務裡裏鄰達來進讀書紀綱護衛環境衛垃圾燒"
    "營銷記錄傳統禮節喪葬簡辦驗審批準並從兒兩個們這種樣氣電車輛劃劃計劃無論動勞擔負責"
    "單價錯誤導報紙頭腦體現實際術將樹立續變齊齡歲優惠費損壞賠償偵訊詢問題歸類斷糾紛調解訴訟"
    "凍結懲戒歡與隨時錄鑑鑒態歷陳舊禁嚴厲掛獎勵獲擇擴張驅逐勸說聯繫聯係構築蓋屬戰亂爭"
    "臨時總體團結順隊態頓領導幫輔導醜陋偽詐騙賭吸毒販賣黃倫壓迫脅殺濫興隸屬"
    "婦徵強懷於許絕紮買場聽觀風鬧參級紅圍園鬥毆幹請賞額萬億層遊眾衆擾繳納範項門義擁愛黨國決職評災燈煙陽莊戲語設網頒佈執監華輕後衝廣傷殘穩貧濟懶漢賴贍撫棄況視畝罰幣嬰兒孫滿撤銷願遠勿釋攜帶獨佔占廟燭紙"
)
_SIMPLIFIED = (
    "条节总则规约条与当应须罚钱违处离婚嫁户迁销权给产资养险医疗补贴学关连带亲属财没收发为为"
    "对员会员会议选举区县乡镇农业经营转让证号码机构务里里邻达来进读书纪纲护卫环境卫垃圾烧"
    "营销记录传统礼节丧葬简办验审批准并从儿两个们这种样气电车辆划划计划无论动劳担负责"
    "单价错误导报纸头脑体现实际术将树立续变齐龄岁优惠费损坏赔偿侦讯询问题归类断纠纷调解诉讼"
    "冻结惩戒欢与随时录鉴鉴态历陈旧禁严厉挂奖励获择扩张驱逐劝说联系联系构筑盖属战乱争"
    "临时总体团结顺队态顿领导帮辅导丑陋伪诈骗赌吸毒贩卖黄伦压迫胁杀滥兴隶属"
    "妇征强怀于许绝扎买场听观风闹参级红围园斗殴干请赏额万亿层游众众扰缴纳范项门义拥爱党国决职评灾灯烟阳庄戏语设网颁布执监华轻后冲广伤残稳贫济懒汉赖赡抚弃况视亩罚币婴儿孙满撤销愿远勿释携带独占占庙烛纸"
)
assert len(_TRADITIONAL) == len(_SIMPLIFIED)

_FOLD = str.maketrans(_HALF + _TRADITIONAL, _FULL + _SIMPLIFIED)


def fold(text: str) -> str:
    """The text with traditional characters and half-width punctuation folded; same length, same offsets."""
    return text.translate(_FOLD)
