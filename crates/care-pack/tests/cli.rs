//! The pack author's tool as authors use it: exit codes and output.

use std::io::Write;
use std::process::{Command, Stdio};

const MINIMAL: &str = "../care-core/tests/packs/minimal.toml";

fn care_pack(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_care-pack"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("writes");
    let out = child.wait_with_output().expect("finishes");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn check_passes_a_valid_pack() {
    let (code, out, _) = care_pack(&["check", MINIMAL], "");
    assert_eq!(code, 0);
    assert!(
        out.contains("minimal.toml: ok (") && out.contains("2 intents"),
        "{out}"
    );
}

#[test]
fn check_passes_the_demo_pack() {
    let (code, out, _) = care_pack(&["check"], "");
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("demo.toml: ok"), "{out}");
}

#[test]
fn check_names_file_line_and_field_and_fails() {
    let dir = std::env::temp_dir().join(format!("care-pack-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let broken = dir.join("broken.toml");
    let source = std::fs::read_to_string(MINIMAL)
        .expect("fixture")
        .replace("escalation = \"billing\"", "escalation = \"legal\"");
    std::fs::write(&broken, &source).expect("writes");
    let line = source
        .lines()
        .position(|l| l.contains("\"legal\""))
        .expect("present")
        + 1;
    let path = broken.to_string_lossy().into_owned();

    let (code, out, _) = care_pack(&["check", &path, MINIMAL], "");
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!(
            "{path}:{line}:14: solutions[0].escalation: there is no team named \"legal\""
        )),
        "{out}"
    );
    assert!(
        out.contains("minimal.toml: ok"),
        "the other file is still checked: {out}"
    );

    let (_, out, _) = care_pack(&["--lang", "zh-CN", "check", &path], "");
    assert!(out.contains("没有名为“legal”的团队"), "{out}");
}

#[test]
fn check_reports_a_missing_file() {
    let (code, out, _) = care_pack(&["check", "no/such/pack.toml"], "");
    assert_eq!(code, 1);
    assert!(
        out.starts_with("no/such/pack.toml: cannot read the file"),
        "{out}"
    );
}

#[test]
fn classify_prints_ranked_tab_separated_rows() {
    let (code, out, _) = care_pack(
        &["classify", MINIMAL, "--top", "2"],
        "这个月话费怎么这么多啊\n\nwhat's my balance\n",
    );
    assert_eq!(code, 0);
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 3), "{out}");
    assert_eq!(rows[0][0], "这个月话费怎么这么多啊");
    assert_eq!(rows[0][1], "bill_dispute");
    let first: f32 = rows[0][2].parse().expect("a number");
    let second: f32 = rows[1][2].parse().expect("a number");
    assert!(first >= second);
    assert_eq!(rows[2][1], "balance_enquiry");
}

#[test]
fn classify_says_unknown_for_nonsense() {
    let (_, out, _) = care_pack(&["classify", MINIMAL], "🙂🙂🙂\n");
    assert!(out.starts_with("🙂🙂🙂\tunknown\t"), "{out}");
}
