//! The loader on arbitrary input: never a panic, always a whole pack or a
//! non-empty list of located problems.

use care_core::pack::load;
use proptest::prelude::*;

const MINIMAL: &str = include_str!("packs/minimal.toml");

fn check(source: &str) -> Result<(), TestCaseError> {
    match load("fuzz.toml", source) {
        Ok(pack) => prop_assert_eq!(pack.schema, 1),
        Err(problems) => {
            prop_assert!(!problems.is_empty());
            let lines = source.lines().count().max(1);
            for p in &problems {
                prop_assert!(
                    p.line >= 1 && p.line <= lines + 1,
                    "line {} of {}",
                    p.line,
                    lines
                );
                prop_assert!(p.column >= 1);
                prop_assert!(!p.kind.message(care_core::Lang::ZhCn).is_empty());
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_text_never_panics(source in "\\PC{0,400}") {
        check(&source)?;
    }

    #[test]
    fn arbitrary_toml_ish_text_never_panics(source in "([a-z_]{1,8} = (\"[^\"\\n]{0,10}\"|[0-9]{1,3}|\\[\\]|true)\n|\\[\\[?[a-z_.]{1,12}\\]\\]?\n){0,30}") {
        check(&source)?;
    }

    #[test]
    fn a_damaged_valid_pack_never_panics(
        cut in 0usize..MINIMAL.len(),
        len in 0usize..80,
        insert in "\\PC{0,12}",
    ) {
        let mut start = cut;
        while !MINIMAL.is_char_boundary(start) { start -= 1; }
        let mut end = (start + len).min(MINIMAL.len());
        while !MINIMAL.is_char_boundary(end) { end -= 1; }
        let source = format!("{}{}{}", &MINIMAL[..start], insert, &MINIMAL[end..]);
        check(&source)?;
    }
}
