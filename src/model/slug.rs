//! Ids derived from names, in any script.

/// Lower-cases `name` and joins its runs of letters and digits with `-`.
///
/// Letters of every script are kept (`Поиск товара` → `поиск-товара`, `下单` → `下单`),
/// so maps in any language get readable, stable ids without a transliteration table.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    for c in name.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if !matches!(c, '\'' | '’') {
            dash = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_keep_every_script() {
        assert_eq!(slug("Awareness"), "awareness");
        assert_eq!(slug("  Getting Out! "), "getting-out");
        assert_eq!(slug("Veteran's Pension"), "veterans-pension");
        assert_eq!(
            slug("Vocational Rehab & Employment"),
            "vocational-rehab-employment"
        );
        assert_eq!(slug("Поиск товара"), "поиск-товара");
        assert_eq!(slug("下单 购买"), "下单-购买");
        assert_eq!(slug("Căutare produs"), "căutare-produs");
        assert_eq!(slug("!!!"), "");
    }
}
