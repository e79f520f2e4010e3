// UTF-8 <-> UTF-32 conversion for the PDF renderer, which measures, wraps and encodes text
// one Unicode code point at a time. Invalid UTF-8 is an error the caller reports with
// the field it came from. Thread rules: pure functions.
#pragma once

#include <optional>
#include <string>

namespace erflow::pdf {

// Decodes UTF-8; nullopt if a byte sequence is malformed (overlong, surrogate, truncated).
// `bad_offset`, when given, receives the byte offset of the first bad sequence.
std::optional<std::u32string> DecodeUtf8(const std::string& text, size_t* bad_offset = nullptr);

// Decodes, replacing malformed sequences with U+FFFD (for text already checked).
std::u32string DecodeUtf8Lossy(const std::string& text);

std::string EncodeUtf8(const std::u32string& text);
void AppendUtf8(char32_t c, std::string* out);

// "U+4E2D '中'" — how an error names a character.
std::string DescribeCodePoint(char32_t c);

}  // namespace erflow::pdf
