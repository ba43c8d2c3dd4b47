//! A small JSON reader and writer for what Limber stores and exports.
//!
//! serde_json's generic machinery cost the wasm 29 KB gzip, a fourteenth of
//! the whole app, to read and write a handful of plain records. This covers
//! exactly what they need: objects, arrays, strings, whole numbers, booleans
//! and null, read into a [`Json`] tree and mapped by hand ([`FromJson`],
//! [`ToJson`]). It keeps serde's rules for those records: unknown fields are
//! ignored, a missing or null `Option` is `None`, a duplicate field is an
//! error, and numbers must fit their type. Any valid JSON parses, so a file
//! with fractions or exponents in fields Limber does not know still reads.

use std::fmt::Write as _;

/// Nesting deeper than this is refused rather than risking the stack on a
/// damaged or hostile file (serde_json's limit too).
const MAX_DEPTH: usize = 128;

/// A parsed JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number; `Some` when it is whole and written without fraction or
    /// exponent (all Limber writes), `None` for any other number.
    Number(Option<i128>),
    String(String),
    Array(Vec<Json>),
    /// Fields in the order written.
    Object(Vec<(String, Json)>),
}

/// Why text is not JSON, or not the shape that was expected, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub message: String,
    /// True when the text is JSON but not of the expected shape.
    pub shape: bool,
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl JsonError {
    /// The text is JSON, but not what `what` should be.
    pub fn shape(what: impl Into<String>) -> Self {
        Self {
            message: what.into(),
            shape: true,
        }
    }
}

/// Parses a whole document: one value, with nothing but white space around.
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        at: 0,
    };
    let value = reader.value(0)?;
    reader.space();
    if reader.at < reader.bytes.len() {
        return Err(reader.error("trailing characters"));
    }
    Ok(value)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn error(&self, what: &str) -> JsonError {
        JsonError {
            message: format!("{what} at byte {}", self.at),
            shape: false,
        }
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, JsonError> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.space();
        match self.bytes.get(self.at) {
            None => Err(self.error("unexpected end")),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.bytes.get(self.at) == Some(&b']') {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.space();
                    match self.bytes.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            return Ok(Json::Array(items));
                        }
                        _ => return Err(self.error("expected , or ]")),
                    }
                }
            }
            Some(b'{') => {
                self.at += 1;
                let mut fields: Vec<(String, Json)> = Vec::new();
                self.space();
                if self.bytes.get(self.at) == Some(&b'}') {
                    self.at += 1;
                    return Ok(Json::Object(fields));
                }
                loop {
                    self.space();
                    if self.bytes.get(self.at) != Some(&b'"') {
                        return Err(self.error("expected a field name"));
                    }
                    let name = self.string()?;
                    self.space();
                    if self.bytes.get(self.at) != Some(&b':') {
                        return Err(self.error("expected :"));
                    }
                    self.at += 1;
                    let value = self.value(depth + 1)?;
                    fields.push((name, value));
                    self.space();
                    match self.bytes.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b'}') => {
                            self.at += 1;
                            return Ok(Json::Object(fields));
                        }
                        _ => return Err(self.error("expected , or }")),
                    }
                }
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.at;
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        let first = self.bytes.get(self.at).copied();
        let whole = self.digits();
        if whole == 0 || (first == Some(b'0') && whole > 1) {
            return Err(self.error("malformed number"));
        }
        let mut integral = true;
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error("malformed number"));
            }
            integral = false;
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("malformed number"));
            }
            integral = false;
        }
        // Only ASCII digits and a sign were accepted, so this is UTF-8.
        let text = std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or("");
        Ok(Json::Number(
            integral.then(|| text.parse::<i128>().ok()).flatten(),
        ))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self
                .bytes
                .get(self.at)
                .and_then(|&b| char::from(b).to_digit(16))
                .ok_or_else(|| self.error("malformed \\u escape"))?;
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1; // the opening quote
        let mut out = Vec::new();
        loop {
            let Some(&byte) = self.bytes.get(self.at) else {
                return Err(self.error("unterminated string"));
            };
            self.at += 1;
            match byte {
                b'"' => break,
                b'\\' => {
                    let Some(&escape) = self.bytes.get(self.at) else {
                        return Err(self.error("unterminated string"));
                    };
                    self.at += 1;
                    let decoded = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let high = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&high) {
                                if !self.bytes[self.at..].starts_with(b"\\u") {
                                    return Err(self.error("unpaired surrogate"));
                                }
                                self.at += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err(self.error("unpaired surrogate"));
                                }
                                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                high
                            };
                            char::from_u32(code).ok_or_else(|| self.error("unpaired surrogate"))?
                        }
                        _ => return Err(self.error("unknown escape")),
                    };
                    let mut buffer = [0; 4];
                    out.extend_from_slice(decoded.encode_utf8(&mut buffer).as_bytes());
                }
                0..=0x1F => return Err(self.error("control character in a string")),
                _ => out.push(byte),
            }
        }
        // The input is a &str and only whole characters were added.
        String::from_utf8(out).map_err(|_| self.error("invalid UTF-8"))
    }
}

/// Writes `text` as a JSON string, escaping what JSON requires.
pub fn write_str(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A value Limber writes as JSON.
pub trait ToJson {
    fn write_json(&self, out: &mut String);

    /// The whole text.
    fn to_json_string(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }
}

/// Writes an object of these fields, in this order.
pub fn write_object(out: &mut String, fields: &[(&str, &dyn ToJson)]) {
    out.push('{');
    for (i, (name, value)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_str(out, name);
        out.push(':');
        value.write_json(out);
    }
    out.push('}');
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

macro_rules! whole_numbers {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }

        impl FromJson for $t {
            fn from_json(value: &Json) -> Result<Self, JsonError> {
                match value {
                    Json::Number(Some(n)) => <$t>::try_from(*n).map_err(|_| {
                        JsonError::shape(format!("{n} is out of range for {}", stringify!($t)))
                    }),
                    _ => Err(JsonError::shape("expected a whole number")),
                }
            }
        }
    )*};
}

whole_numbers!(u8, u16, u32, u64);

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(value) => value.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

/// A value Limber reads from JSON.
pub trait FromJson: Sized {
    fn from_json(value: &Json) -> Result<Self, JsonError>;
}

impl FromJson for String {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        match value {
            Json::String(s) => Ok(s.clone()),
            _ => Err(JsonError::shape("expected a string")),
        }
    }
}

impl FromJson for bool {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        match value {
            Json::Bool(b) => Ok(*b),
            _ => Err(JsonError::shape("expected true or false")),
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        match value {
            Json::Null => Ok(None),
            other => T::from_json(other).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        match value {
            Json::Array(items) => items.iter().map(T::from_json).collect(),
            _ => Err(JsonError::shape("expected a list")),
        }
    }
}

/// An object's fields, for reading a record by name.
pub struct Fields<'a>(&'a [(String, Json)]);

impl<'a> Fields<'a> {
    /// `value` as an object with each field named once; `what` names it in
    /// the error.
    pub fn of(value: &'a Json, what: &str) -> Result<Self, JsonError> {
        let Json::Object(fields) = value else {
            return Err(JsonError::shape(format!("{what}: expected an object")));
        };
        for (i, (name, _)) in fields.iter().enumerate() {
            if fields[..i].iter().any(|(other, _)| other == name) {
                return Err(JsonError::shape(format!("{what}: duplicate field {name}")));
            }
        }
        Ok(Self(fields))
    }

    fn find(&self, name: &str) -> Option<&'a Json> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// A field that must be there (an `Option` may be missing: `None`).
    pub fn get<T: FromJson>(&self, name: &str) -> Result<T, JsonError> {
        let value = self.find(name).unwrap_or(&Json::Null);
        T::from_json(value).map_err(|e| JsonError::shape(format!("{name}: {}", e.message)))
    }

    /// A field that takes `default` when missing (but not when null).
    pub fn get_or<T: FromJson>(&self, name: &str, default: T) -> Result<T, JsonError> {
        match self.find(name) {
            None => Ok(default),
            Some(value) => {
                T::from_json(value).map_err(|e| JsonError::shape(format!("{name}: {}", e.message)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind_of_value() {
        let text = r#" { "a" : [1, -2, 3.5, 1e3, true, false, null], "b": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00" } "#;
        let value = parse(text).expect("valid");
        let Json::Object(fields) = &value else {
            panic!("{value:?}")
        };
        assert_eq!(
            fields[0].1,
            Json::Array(vec![
                Json::Number(Some(1)),
                Json::Number(Some(-2)),
                Json::Number(None),
                Json::Number(None),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null,
            ])
        );
        assert_eq!(
            fields[1].1,
            Json::String("x\"\\/\u{8}\u{c}\n\r\té😀".into())
        );
    }

    #[test]
    fn refuses_what_is_not_json() {
        for bad in [
            "",
            " ",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "{'a':1}",
            "01",
            "1.",
            "-",
            "1e",
            "tru",
            "\"\\x\"",
            "\"\\ud83d\"",
            "\"\\ude00\"",
            "\"a\nb\"",
            "\"open",
            "{} {}",
            "nul",
            "[1 2]",
            "{\"a\" 1}",
        ] {
            let error = parse(bad).expect_err(bad);
            assert!(!error.shape, "{bad:?}: {error}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert!(parse(&deep).is_err());
        let fine = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn strings_round_trip_with_the_escapes_json_needs() {
        for text in [
            "",
            "plain",
            "quote \" and \\ back",
            "tab\tnew\nline\r",
            "\u{1}\u{1f}",
            "é 😀 中",
        ] {
            let mut out = String::new();
            write_str(&mut out, text);
            assert_eq!(parse(&out), Ok(Json::String(text.into())), "{out}");
        }
        let mut out = String::new();
        write_str(&mut out, "\u{1}");
        assert_eq!(out, "\"\\u0001\"");
    }

    #[test]
    fn numbers_must_fit_their_type() {
        assert_eq!(u8::from_json(&parse("255").expect("json")), Ok(255));
        for bad in ["256", "-1", "1.0", "1e2", "\"1\"", "null"] {
            assert!(u8::from_json(&parse(bad).expect("json")).is_err(), "{bad}");
        }
        assert_eq!(
            u64::from_json(&parse("18446744073709551615").expect("json")),
            Ok(u64::MAX)
        );
        assert!(u64::from_json(&parse("18446744073709551616").expect("json")).is_err());
    }

    #[test]
    fn fields_follow_serdes_rules() {
        let value = parse(r#"{"a":1,"b":null,"extra":[1.5]}"#).expect("json");
        let fields = Fields::of(&value, "thing").expect("an object");
        assert_eq!(fields.get::<u8>("a"), Ok(1));
        assert_eq!(fields.get::<Option<u8>>("b"), Ok(None));
        assert_eq!(fields.get::<Option<u8>>("missing"), Ok(None));
        assert!(fields.get::<u8>("missing").is_err());
        assert_eq!(fields.get_or::<u8>("missing", 7), Ok(7));
        assert!(fields.get_or::<u8>("b", 7).is_err());
        let twice = parse(r#"{"a":1,"a":2}"#).expect("json");
        assert!(Fields::of(&twice, "thing").is_err());
        assert!(Fields::of(&parse("[]").expect("json"), "thing").is_err());
    }

    /// Accepts and refuses exactly what serde_json does, over every
    /// truncation, one-character corruption and random string the storage
    /// tests use, from each stored fixture.
    #[test]
    fn agrees_with_serde_json_on_what_is_json() {
        use crate::domain::storage::tests::{blobs, fixture};
        let mut compared = 0;
        for (seed, path) in [
            "storage/history-v1.json",
            "storage/settings-v1.json",
            "storage/routines-v1.json",
            "export/export-v1.json",
        ]
        .into_iter()
        .enumerate()
        {
            let valid = fixture(path);
            for blob in blobs(&valid, seed as u64 + 11) {
                let theirs = serde_json::from_str::<serde_json::Value>(&blob);
                if theirs
                    .as_ref()
                    .is_err_and(|e| e.to_string().contains("number out of range"))
                {
                    continue; // serde_json's f64 limit; Limber has no such numbers
                }
                assert_eq!(parse(&blob).is_ok(), theirs.is_ok(), "{blob:?}");
                compared += 1;
            }
        }
        assert!(compared > 39_000, "{compared}");
    }
}
