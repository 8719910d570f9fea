//! The fixed tables the generator draws from: names, places, plans,
//! services, countries, handsets, causes and contact reasons. Brand-free
//! plan and service names; handset models are real products, since a model
//! name identifies nobody.

use crate::records::{
    text, Area, AreaId, CellId, Country, CountryCode, Fen, OverQuota, Plan, PlanId, ServiceId,
    ValueAddedService,
};
use crate::text::Text;

/// Common surnames (百家姓 top of the list).
pub(super) const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
    "任", "沈",
];

/// Given-name characters common for men.
pub(super) const GIVEN_MALE: &[&str] = &[
    "伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞", "鑫",
    "波", "斌", "宇", "浩", "凯", "健", "俊", "帆", "旭", "宁", "龙", "林", "洋", "晨", "阳", "峰",
    "博", "文", "志", "建", "国", "海",
];

/// Given-name characters common for women.
pub(super) const GIVEN_FEMALE: &[&str] = &[
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "玲", "英", "燕", "萍", "红", "梅", "琳",
    "丹", "婷", "雪", "慧", "颖", "倩", "佳", "欣", "怡", "悦", "月", "琴", "蕾", "洁", "薇", "璐",
    "晶", "妍",
];

/// Mobile prefixes of a mainland operator.
pub(super) const MSISDN_PREFIXES: &[&str] = &[
    "134", "135", "136", "137", "138", "139", "147", "150", "151", "152", "157", "158", "159",
    "178", "182", "183", "184", "187", "188", "198",
];

/// (code, zh, en, weight, districts as (code, zh, en)).
type CityRow = (
    &'static str,
    &'static str,
    &'static str,
    u32,
    &'static [(&'static str, &'static str, &'static str)],
);

const CITIES: &[CityRow] = &[
    (
        "BJ",
        "北京",
        "Beijing",
        14,
        &[
            ("CY", "朝阳区", "Chaoyang District"),
            ("HD", "海淀区", "Haidian District"),
            ("DC", "东城区", "Dongcheng District"),
            ("FT", "丰台区", "Fengtai District"),
        ],
    ),
    (
        "SH",
        "上海",
        "Shanghai",
        14,
        &[
            ("PD", "浦东新区", "Pudong New Area"),
            ("XH", "徐汇区", "Xuhui District"),
            ("JA", "静安区", "Jing'an District"),
            ("MH", "闵行区", "Minhang District"),
        ],
    ),
    (
        "GZ",
        "广州",
        "Guangzhou",
        11,
        &[
            ("TH", "天河区", "Tianhe District"),
            ("YX", "越秀区", "Yuexiu District"),
            ("HZ", "海珠区", "Haizhu District"),
        ],
    ),
    (
        "SZ",
        "深圳",
        "Shenzhen",
        11,
        &[
            ("NS", "南山区", "Nanshan District"),
            ("FT", "福田区", "Futian District"),
            ("LG", "龙岗区", "Longgang District"),
        ],
    ),
    (
        "CD",
        "成都",
        "Chengdu",
        9,
        &[
            ("WH", "武侯区", "Wuhou District"),
            ("JJ", "锦江区", "Jinjiang District"),
            ("GX", "高新区", "Gaoxin District"),
        ],
    ),
    (
        "HZ",
        "杭州",
        "Hangzhou",
        9,
        &[
            ("XH", "西湖区", "Xihu District"),
            ("BJ", "滨江区", "Binjiang District"),
            ("SC", "上城区", "Shangcheng District"),
        ],
    ),
    (
        "WH",
        "武汉",
        "Wuhan",
        8,
        &[
            ("WC", "武昌区", "Wuchang District"),
            ("HS", "洪山区", "Hongshan District"),
            ("JA", "江岸区", "Jiang'an District"),
        ],
    ),
    (
        "XA",
        "西安",
        "Xi'an",
        7,
        &[
            ("YT", "雁塔区", "Yanta District"),
            ("BL", "碑林区", "Beilin District"),
        ],
    ),
    (
        "NJ",
        "南京",
        "Nanjing",
        7,
        &[
            ("GL", "鼓楼区", "Gulou District"),
            ("JN", "江宁区", "Jiangning District"),
        ],
    ),
    (
        "CQ",
        "重庆",
        "Chongqing",
        10,
        &[
            ("YZ", "渝中区", "Yuzhong District"),
            ("JB", "江北区", "Jiangbei District"),
        ],
    ),
];

/// Cells per area.
pub(super) const CELLS_PER_AREA: usize = 8;

/// Every area with its cells, and the weight of each (a city's weight
/// spread over its districts), in a fixed order.
pub(super) fn areas() -> (Vec<Area>, Vec<u32>) {
    let mut areas = Vec::new();
    let mut weights = Vec::new();
    for (city_code, city_zh, city_en, weight, districts) in CITIES {
        for (code, zh, en) in *districts {
            let id = format!("{city_code}-{code}");
            let cells = (1..=CELLS_PER_AREA)
                .map(|n| CellId::new(format!("{id}-C{n:02}")))
                .collect();
            areas.push(Area {
                id: AreaId::new(id),
                city: text(*city_zh, *city_en),
                district: text(*zh, *en),
                cells,
            });
            // Weight per district, so big cities are not diluted by having more of them.
            weights.push(weight * 12 / districts.len() as u32);
        }
    }
    (areas, weights)
}

const VOICE_PER_MIN: Fen = Fen(15);
const SMS_EACH: Fen = Fen(10);
const PER_GB: Fen = Fen(500);

struct PlanRow {
    id: &'static str,
    zh: &'static str,
    en: &'static str,
    fee_yuan: i64,
    data_gb: u32,
    voice_min: u32,
    sms: u32,
    throttle_kbps: Option<u32>,
    five_g: bool,
}

const PLANS: &[PlanRow] = &[
    PlanRow {
        id: "P19",
        zh: "随心 19 元卡（5GB + 50 分钟，超出限速）",
        en: "Easy 19 (5 GB + 50 min, slowed past quota)",
        fee_yuan: 19,
        data_gb: 5,
        voice_min: 50,
        sms: 0,
        throttle_kbps: Some(128),
        five_g: false,
    },
    PlanRow {
        id: "P39",
        zh: "青春 39 元套餐（10GB + 100 分钟）",
        en: "Youth 39 (10 GB + 100 min)",
        fee_yuan: 39,
        data_gb: 10,
        voice_min: 100,
        sms: 0,
        throttle_kbps: None,
        five_g: false,
    },
    PlanRow {
        id: "P59",
        zh: "畅享 59 元套餐（20GB + 200 分钟）",
        en: "Flex 59 (20 GB + 200 min)",
        fee_yuan: 59,
        data_gb: 20,
        voice_min: 200,
        sms: 0,
        throttle_kbps: None,
        five_g: false,
    },
    PlanRow {
        id: "P79",
        zh: "畅联 79 元不限量（30GB 高速 + 300 分钟）",
        en: "Unlimited 79 (30 GB full speed + 300 min)",
        fee_yuan: 79,
        data_gb: 30,
        voice_min: 300,
        sms: 0,
        throttle_kbps: Some(1000),
        five_g: false,
    },
    PlanRow {
        id: "P99",
        zh: "5G 畅享 99 元套餐（40GB + 500 分钟）",
        en: "5G Flex 99 (40 GB + 500 min)",
        fee_yuan: 99,
        data_gb: 40,
        voice_min: 500,
        sms: 50,
        throttle_kbps: None,
        five_g: true,
    },
    PlanRow {
        id: "P129",
        zh: "5G 智享 129 元套餐（60GB + 800 分钟）",
        en: "5G Smart 129 (60 GB + 800 min)",
        fee_yuan: 129,
        data_gb: 60,
        voice_min: 800,
        sms: 100,
        throttle_kbps: None,
        five_g: true,
    },
    PlanRow {
        id: "P199",
        zh: "5G 畅游 199 元不限量（150GB 高速 + 1500 分钟）",
        en: "5G Unlimited 199 (150 GB full speed + 1500 min)",
        fee_yuan: 199,
        data_gb: 150,
        voice_min: 1500,
        sms: 200,
        throttle_kbps: Some(1000),
        five_g: true,
    },
    PlanRow {
        id: "P299",
        zh: "5G 尊享 299 元不限量（300GB 高速 + 3000 分钟）",
        en: "5G Premier 299 (300 GB full speed + 3000 min)",
        fee_yuan: 299,
        data_gb: 300,
        voice_min: 3000,
        sms: 500,
        throttle_kbps: Some(3000),
        five_g: true,
    },
];

/// How often each plan is chosen, in the order of [`plans`].
pub(super) const PLAN_WEIGHTS: &[u32] = &[8, 14, 20, 14, 16, 14, 9, 5];

/// Plans that charge past the quota: a data spike shows on the bill.
pub(super) const CHARGING_PLANS: &[&str] = &["P39", "P59", "P99", "P129"];
/// Plans with a small enough quota that heavy use reaches it and is slowed.
pub(super) const THROTTLING_PLANS: &[&str] = &["P19", "P79"];

pub(super) fn plans() -> Vec<Plan> {
    PLANS
        .iter()
        .map(|p| Plan {
            id: PlanId::new(p.id),
            name: text(p.zh, p.en),
            monthly_fee: Fen::yuan(p.fee_yuan),
            data_mb: p.data_gb * 1024,
            voice_min: p.voice_min,
            sms: p.sms,
            over_quota: match p.throttle_kbps {
                Some(kbps) => OverQuota::Throttle { kbps },
                None => OverQuota::Charge { per_gb: PER_GB },
            },
            voice_per_min: VOICE_PER_MIN,
            sms_each: SMS_EACH,
            five_g: p.five_g,
        })
        .collect()
}

/// (id, zh, en, monthly fee in fen).
const SERVICES: &[(&str, &str, &str, i64)] = &[
    (
        "VAS-VIDEO",
        "视频会员（月卡）",
        "Video membership (monthly)",
        2500,
    ),
    ("VAS-MUSIC", "音乐会员", "Music membership", 1000),
    ("VAS-RBT", "彩铃", "Colour ring-back tone", 500),
    ("VAS-MCA", "来电提醒", "Missed-call alerts", 300),
    ("VAS-NEWS", "手机报", "Mobile news digest", 500),
    ("VAS-CLOUD", "云盘 50GB", "Cloud storage 50 GB", 1000),
    ("VAS-GAME", "游戏加速包", "Game booster", 1500),
    ("VAS-SAFE", "安全管家", "Security guard", 600),
    ("VAS-READ", "阅读会员", "E-book membership", 1200),
    ("VAS-LIFE", "生活权益包", "Lifestyle perks pack", 1990),
];

/// Services customers choose themselves.
pub(super) const WANTED_SERVICES: &[&str] = &[
    "VAS-VIDEO",
    "VAS-MUSIC",
    "VAS-RBT",
    "VAS-MCA",
    "VAS-NEWS",
    "VAS-CLOUD",
    "VAS-SAFE",
];
/// Services typically sold through one-tap links.
pub(super) const LINK_SERVICES: &[&str] = &["VAS-GAME", "VAS-READ", "VAS-LIFE", "VAS-VIDEO"];

pub(super) fn services() -> Vec<ValueAddedService> {
    SERVICES
        .iter()
        .map(|(id, zh, en, fee)| ValueAddedService {
            id: ServiceId::new(*id),
            name: text(*zh, *en),
            monthly_fee: Fen(*fee),
        })
        .collect()
}

/// (code, zh, en, day pass yuan, voice fen per minute).
const COUNTRIES: &[(&str, &str, &str, i64, i64)] = &[
    ("HK", "中国香港", "Hong Kong, China", 25, 99),
    ("MO", "中国澳门", "Macao, China", 25, 99),
    ("JP", "日本", "Japan", 30, 99),
    ("KR", "韩国", "South Korea", 30, 99),
    ("TH", "泰国", "Thailand", 30, 99),
    ("SG", "新加坡", "Singapore", 30, 99),
    ("MY", "马来西亚", "Malaysia", 30, 99),
    ("US", "美国", "United States", 60, 199),
    ("GB", "英国", "United Kingdom", 60, 299),
    ("FR", "法国", "France", 60, 299),
    ("AU", "澳大利亚", "Australia", 60, 299),
    ("AE", "阿联酋", "United Arab Emirates", 60, 299),
];

pub(super) fn countries() -> Vec<Country> {
    COUNTRIES
        .iter()
        .map(|(code, zh, en, pass, voice)| Country {
            code: CountryCode::new(*code),
            name: text(*zh, *en),
            data_day_pass: Fen::yuan(*pass),
            voice_per_min: Fen(*voice),
        })
        .collect()
}

/// A handset model: (zh, en, 5G, VoLTE, price in yuan).
pub(super) type HandsetModel = (&'static str, &'static str, bool, bool, i64);

/// Models a customer buys today.
pub(super) const CURRENT_HANDSETS: &[HandsetModel] = &[
    ("华为 Mate 60", "Huawei Mate 60", true, true, 5999),
    ("华为 nova 12", "Huawei nova 12", true, true, 2999),
    ("iPhone 15", "iPhone 15", true, true, 5999),
    ("iPhone 14", "iPhone 14", true, true, 5199),
    ("小米 14", "Xiaomi 14", true, true, 3999),
    ("红米 Note 13", "Redmi Note 13", true, true, 1199),
    ("OPPO Reno 11", "OPPO Reno 11", true, true, 2499),
    ("vivo X100", "vivo X100", true, true, 3999),
    ("荣耀 90", "Honor 90", true, true, 2499),
    ("一加 12", "OnePlus 12", true, true, 4299),
];

/// Models that are old enough to lack 5G and, for some, VoLTE.
pub(super) const OLD_HANDSETS: &[HandsetModel] = &[
    ("华为 P30", "Huawei P30", false, true, 3988),
    ("华为 nova 5", "Huawei nova 5", false, true, 2799),
    ("iPhone 8", "iPhone 8", false, true, 5888),
    ("iPhone 6s", "iPhone 6s", false, true, 5288),
    ("小米 9", "Xiaomi 9", false, true, 2999),
    ("红米 Note 7", "Redmi Note 7", false, false, 999),
    ("OPPO R15", "OPPO R15", false, true, 2999),
    ("vivo X21", "vivo X21", false, true, 2998),
    ("荣耀 10", "Honor 10", false, true, 2599),
    ("三星 Galaxy S8", "Samsung Galaxy S8", false, false, 5688),
];

/// Causes of outages (zh, en).
pub(super) const OUTAGE_CAUSES: &[(&str, &str)] = &[
    ("道路施工挖断光缆", "Fibre cut by roadworks"),
    ("基站市电中断", "Mains power failure at the base station"),
    ("传输设备故障", "Transmission equipment fault"),
    ("暴雨导致机房进水", "Equipment room flooded by heavy rain"),
    ("软件升级失败已回退", "Failed software upgrade, rolled back"),
];

/// Causes of degradations (zh, en).
pub(super) const DEGRADATION_CAUSES: &[(&str, &str)] = &[
    ("高峰时段话务拥塞", "Congestion at peak hours"),
    ("外部无线干扰", "External radio interference"),
    ("天线故障，覆盖缩小", "Antenna fault, smaller coverage"),
];

/// Causes of planned maintenance (zh, en).
pub(super) const MAINTENANCE_CAUSES: &[(&str, &str)] = &[
    ("计划扩容升级", "Planned capacity upgrade"),
    ("设备例行维护", "Routine equipment maintenance"),
];

/// Earlier contact reasons: (intent id, zh summary, en summary).
pub(super) const CONTACT_REASONS: &[(&str, &str, &str)] = &[
    (
        "bill_dispute",
        "对账单金额有疑问",
        "Queried the bill amount",
    ),
    (
        "balance_enquiry",
        "查询余额和本月已用量",
        "Asked for balance and usage this month",
    ),
    (
        "network_no_service",
        "反映家中信号差、无服务",
        "Reported poor or no signal at home",
    ),
    ("slow_data", "反映上网速度慢", "Reported slow mobile data"),
    ("plan_change", "咨询更换套餐", "Asked about changing plan"),
    (
        "vas_unsubscribe",
        "要求退订增值业务",
        "Asked to cancel a value-added service",
    ),
    (
        "roaming_enquiry",
        "咨询国际漫游资费",
        "Asked about roaming prices",
    ),
    (
        "payment_issue",
        "反映缴费未到账",
        "Reported a payment not credited",
    ),
    (
        "sim_replacement",
        "咨询补换卡",
        "Asked about replacing the SIM",
    ),
    (
        "handset_issue",
        "反映手机通话异常",
        "Reported call problems on the handset",
    ),
];

/// Reasons a customer calls again and again within days.
pub(super) const REPEAT_REASONS: &[&str] = &["network_no_service", "slow_data", "bill_dispute"];

pub(super) fn contact_reason(intent: &str) -> Text {
    CONTACT_REASONS
        .iter()
        .find(|(id, _, _)| *id == intent)
        .map(|(_, zh, en)| text(*zh, *en))
        .unwrap_or_else(|| text("其他咨询", "Other enquiry"))
}
