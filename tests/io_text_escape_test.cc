// Tests of the output escapers: JSON strings, CSV fields (RFC 4180), and the
// replacement of invalid UTF-8 so that output is always valid UTF-8.
#include <gtest/gtest.h>

#include <string>

#include "io/text_escape.h"

namespace guillemet {
namespace io {
namespace {

std::string Json(std::string_view text) {
  std::string out;
  AppendJsonString(text, &out);
  return out;
}

std::string Csv(std::string_view text) {
  std::string out;
  AppendCsvField(text, &out);
  return out;
}

TEST(JsonString, EscapesQuotesBackslashesAndControlCharacters) {
  struct Case {
    std::string in, out;
  };
  const Case cases[] = {
      {"", R"("")"},
      {"plain", R"("plain")"},
      {"say \"hi\"", R"("say \"hi\"")"},
      {"a\\b", R"("a\\b")"},
      {"l1\nl2\r\tx", R"("l1\nl2\r\tx")"},
      {"\b\f", R"("\b\f")"},
      {std::string("nul\0x", 5), R"("nul\u0000x")"},
      {"\x01\x1f\x7f", "\"\\u0001\\u001f\x7f\""},
  };
  for (const Case& c : cases) EXPECT_EQ(Json(c.in), c.out) << c.in;
}

TEST(JsonString, CopiesValidUtf8AsIs) {
  const std::string text = "« Élysée » — 😀 \xEF\xBF\xBD";  // Including a real U+FFFD.
  EXPECT_EQ(Json(text), "\"" + text + "\"");
}

TEST(JsonString, ReplacesEachInvalidByteWithTheReplacementCharacter) {
  // A lone continuation byte, a Latin-1 é, a truncated sequence at the end,
  // an overlong "/" and a surrogate.
  EXPECT_EQ(Json("a\x80z"), "\"a\xEF\xBF\xBDz\"");
  EXPECT_EQ(Json("caf\xE9"), "\"caf\xEF\xBF\xBD\"");
  EXPECT_EQ(Json("x\xE2\x82"), "\"x\xEF\xBF\xBD\xEF\xBF\xBD\"");
  EXPECT_EQ(Json("\xC0\xAF"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
  EXPECT_EQ(Json("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

// AppendJsonString skips eight plain bytes at a time: each byte value, at
// each place of such a block and of the tail, is escaped as it is alone.
TEST(JsonString, EscapesEveryByteWhereverItSitsInABlock) {
  for (int byte = 0; byte < 256; ++byte) {
    const std::string alone = Json(std::string(1, static_cast<char>(byte)));
    const std::string escaped = alone.substr(1, alone.size() - 2);
    for (size_t at = 0; at < 19; ++at) {
      std::string text(19, 'a');
      text[at] = static_cast<char>(byte);
      const std::string expected =
          "\"" + text.substr(0, at) + escaped + text.substr(at + 1) + "\"";
      EXPECT_EQ(Json(text), expected) << byte << " at " << at;
    }
  }
  EXPECT_EQ(Json("12345678«»\"\\é\n\x01" "abcdefgh"),
            "\"12345678«»\\\"\\\\é\\n\\u0001abcdefgh\"");
}

TEST(ValidUtf8, CountsTheBytesItReplaced) {
  std::string out;
  EXPECT_EQ(AppendValidUtf8("ok \xFF\xFE é", &out), 2u);
  EXPECT_EQ(out, "ok \xEF\xBF\xBD\xEF\xBF\xBD é");
}

TEST(CsvField, QuotesOnlyWhenNeededPerRfc4180) {
  EXPECT_EQ(Csv("plain text"), "plain text");
  EXPECT_EQ(Csv(""), "");
  EXPECT_EQ(Csv("a,b"), "\"a,b\"");
  EXPECT_EQ(Csv("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(Csv("l1\nl2"), "\"l1\nl2\"");
  EXPECT_EQ(Csv("l1\r\nl2"), "\"l1\r\nl2\"");
  EXPECT_EQ(Csv("\""), "\"\"\"\"");
}

TEST(CsvField, ReplacesInvalidBytes) {
  EXPECT_EQ(Csv("caf\xE9"), "caf\xEF\xBF\xBD");
  EXPECT_EQ(Csv("\xE9,\"\xE9"), "\"\xEF\xBF\xBD,\"\"\xEF\xBF\xBD\"");
}

}  // namespace
}  // namespace io
}  // namespace guillemet
