//! How long the app's start-up work takes natively (release): parsing the
//! demo pack, training the recogniser, generating the demo data.
//! `cargo run --release -p care-core --example startup_cost`
use std::time::Instant;

fn main() {
    let t = Instant::now();
    let Ok(pack) = care_core::pack::load("demo.toml", care_core::pack::DEMO_PACK) else {
        eprintln!("the demo pack does not load");
        return;
    };
    let parse = t.elapsed();
    let t = Instant::now();
    let r = care_core::intent::Recogniser::from_pack(&pack);
    let train = t.elapsed();
    let t = Instant::now();
    let now = time::OffsetDateTime::UNIX_EPOCH + time::Duration::days(20_600);
    let d = care_core::demo_data::generate(20_261_125, now);
    let generate = t.elapsed();
    std::hint::black_box((&r, &d));
    println!("parse {parse:?}, train {train:?}, generate {generate:?}");
    // The same model whatever the layout: print a few exact confidences.
    for said in [
        "这个月话费怎么多扣了30块",
        "no signal at home since yesterday",
        "手机丢了",
    ] {
        if let Some(top) = r.recognise(said).ranked.first() {
            println!("{said}: {} {:.9}", top.intent, top.confidence);
        }
    }
}
