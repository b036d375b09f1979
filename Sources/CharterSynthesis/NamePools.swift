/// The word lists synthetic districts are made from: surnames, given-name characters, place and
/// organisation words.
///
/// Every name is made up from these parts; none is a real person's.
enum NamePools {
    /// Common surnames, most frequent first; drawn with `surnameWeights`.
    static let surnames = chars(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱严戴莫孔向常汤"
    )

    /// Relative frequencies of `surnames`: the first few are much more common, as in Sichuan.
    static let surnameWeights: [Int] = (0..<surnames.count).map { index in
        index < 5 ? 60 : index < 20 ? 25 : index < 50 ? 10 : 4
    }

    /// Characters of given names.
    static let givenCharacters = chars(
        "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉鹏飞斌宇浩凯健俊帆帅旭宁婷雪琳晨欣悦佳怡思雨梦琪淑珍凤兴福贵荣昌德志宏成林春燕莉蓉瑶翠琼海波云峰松梅菊蓉川蜀锦亮"
    )

    /// The district of generated datasets.
    static let district = "郫都区"

    /// Towns and sub-districts (镇/街道) of the district.
    static let towns = [
        "郫筒街道", "合作街道", "团结街道", "犀浦街道", "红光街道", "德源街道", "安德街道", "唐昌街道", "三道堰镇", "友爱镇",
        "古城镇", "安靖街道",
    ]

    /// First characters of community names.
    static let placeFirst = chars("锦和安康永兴德福泰平新华红清幸春阳明文瑞嘉祥宏望丰金玉荷柳桂竹梅兰凤龙鹤云")

    /// Second characters of community names.
    static let placeSecond = chars("江城苑源河湖桥坝林泉园湾岭田庄堰宁盛丰悦馨居乐民利裕祥景华溪坪沟")

    /// Words that end a village name before 村.
    static let villageWords = [
        "红星", "永安", "新民", "团结", "胜利", "光荣", "前进", "先锋", "太平", "石羊", "大禹", "花园", "金星", "柳林", "双柏", "竹瓦",
        "蜀都", "清水", "东林", "西河", "南堰", "北斗", "青杠", "白果", "水井", "三元", "万寿", "长林", "云桥", "高店",
    ]

    /// The endings of subdivision (小区) names.
    static let subdivisionEndings = ["小区", "家园", "苑", "花园", "雅居", "新居", "佳园", "嘉苑"]

    /// The first words of subdivision names.
    static let subdivisionWords = [
        "锦绣", "蜀韵", "望丛", "安居", "和美", "幸福", "新城", "馨怡", "清溪", "川西", "阳光", "翠林", "荷塘", "春晓", "丰乐", "金港",
        "碧水", "书香", "怡和", "龙湾",
    ]

    /// Employers outside the communities, for in-service members.
    static let employers = [
        "郫都区人民医院", "郫都区教育局", "成都现代工业港管委会", "四川天府新区建设公司", "郫都区农业农村局", "成都蜀都农商银行", "郫都区第一中学",
        "成都菁蓉科技有限公司", "四川川西物流有限公司", "郫都区市场监督管理局", "成都电子科技大学清水河校区", "郫县豆瓣股份有限公司",
    ]

    /// Names of units stationed in communities, by kind (in `UnitKind` case order).
    static let unitNames: [[String]] = [
        ["街道综合执法中队", "区税务所", "派出所", "司法所", "区住建局驻点办公室"],
        ["蜀绣服饰有限公司", "豆瓣酿造厂", "川西物流园", "锦程建材有限公司", "鑫源食品有限公司", "华兴电子有限公司"],
        ["社区卫生服务中心", "小学", "幼儿园", "文化站", "农业技术推广站"],
        ["电商产业园", "创客空间", "快递服务站", "农产品合作社", "物业服务公司"],
        ["志愿者协会", "社工服务中心", "老年协会", "调解委员会", "文体协会"],
    ]

    /// Where absent members work (去向).
    static let awayPlaces = ["广东省深圳市", "浙江省杭州市", "上海市", "新疆乌鲁木齐市", "重庆市", "江苏省苏州市", "西藏拉萨市", "福建省厦门市"]

    /// What absent members do (从事职业).
    static let occupations = ["建筑施工", "餐饮服务", "快递物流", "电子装配", "个体经营", "货车运输", "家政服务", "设备维修"]

    private static func chars(_ text: String) -> [String] {
        text.map { String($0) }
    }
}
