// Tests of the JSONL reader: one article a line, a failed item with its line
// number for each bad line, and reading that goes on after it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/jsonl_reader.h"

namespace guillemet {
namespace io {
namespace {

// Reads every item of `data` as the JSONL file "in.jsonl".
std::vector<Article> ReadAll(const std::string& data, const ReadOptions& options = {}) {
  JsonlReader reader(options, "in.jsonl");
  reader.OpenMemory(data);
  std::vector<Article> out;
  Article article;
  while (reader.Next(&article)) {
    out.push_back(article);
    article.Clear();
  }
  return out;
}

TEST(JsonlReader, ReadsIdTextAndOptionalFields) {
  auto items =
      ReadAll(R"({"id":"a","text":"Bonjour","date":"2017-05-25","url":"http://x","title":"T"})"
              "\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_TRUE(items[0].ok());
  EXPECT_EQ(items[0].document.id, "a");
  EXPECT_EQ(items[0].document.text, "Bonjour");
  EXPECT_EQ(items[0].document.date, "2017-05-25");
  EXPECT_EQ(items[0].document.url, "http://x");
  EXPECT_EQ(items[0].document.title, "T");
  EXPECT_EQ(items[0].line, 1u);
  EXPECT_EQ(items[0].file, "in.jsonl");
}

TEST(JsonlReader, ReportsTheLineNumberOfAMalformedLine) {
  auto items = ReadAll(
      "{\"id\":\"a\",\"text\":\"un\"}\n"
      "{\"id\":\"b\",\"text\":\"deux\"\n"
      "{\"id\":\"c\",\"text\":\"trois\"}\n");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_TRUE(items[0].ok());
  EXPECT_FALSE(items[1].ok());
  EXPECT_EQ(items[1].line, 2u);
  EXPECT_EQ(items[1].Location(), "in.jsonl:2");
  EXPECT_EQ(items[1].error, "malformed JSON (missing closing brace)");
  EXPECT_TRUE(items[2].ok());
  EXPECT_EQ(items[2].document.id, "c");
}

TEST(JsonlReader, SaysWhatIsWrongWithCommonMistakes) {
  struct Case {
    const char* line;
    const char* error;
  };
  const Case cases[] = {
      {R"({"id":"a","text":"x)", "malformed JSON (unterminated string)"},
      {R"({"id":"a","text":["x"})", "malformed JSON (unexpected '}' at byte 22)"},
      {R"({"id":"a","text":"x"} extra)",
       "malformed JSON (unexpected text after the end of the object at byte 23)"},
      {R"(["x"])", "not a JSON object (found an array)"},
      {R"("just a string")", "not a JSON object (found a string)"},
      {R"({"id":"a"})", "no \"text\" field"},
  };
  for (const Case& c : cases) {
    auto items = ReadAll(std::string(c.line) + "\n");
    ASSERT_EQ(items.size(), 1u) << c.line;
    EXPECT_EQ(items[0].error, c.error) << c.line;
  }
}

TEST(JsonlReader, FailsALineWhoseTextIsNotAString) {
  auto items = ReadAll(R"({"id":"a","text":42})"
                       "\n"
                       R"({"id":"b","text":null})"
                       "\n"
                       R"({"id":"c","text":{"fr":"x"}})"
                       "\n");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].error, "field \"text\" is a number, not a string");
  EXPECT_EQ(items[1].error, "field \"text\" is null, not a string");
  EXPECT_EQ(items[2].error, "field \"text\" is an object, not a string");
  // The id is still known, so that the report can name the article.
  EXPECT_EQ(items[0].document.id, "a");
}

TEST(JsonlReader, ReadsRenamedFields) {
  ReadOptions options;
  options.id_field = "guid";
  options.text_field = "body";
  options.date_field = "published";
  options.url_field = "link";
  options.title_field = "headline";
  auto items = ReadAll(
      R"({"guid":"g1","body":"Texte","published":"2020-01-02T10:00Z","link":"u","headline":"h","id":"no","text":"no"})"
      "\n",
      options);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].ok()) << items[0].error;
  EXPECT_EQ(items[0].document.id, "g1");
  EXPECT_EQ(items[0].document.text, "Texte");
  EXPECT_EQ(items[0].document.date, "2020-01-02T10:00Z");
  EXPECT_EQ(items[0].document.url, "u");
  EXPECT_EQ(items[0].document.title, "h");
}

TEST(JsonlReader, DecodesALineWithAMillionEscapeSequences) {
  std::string line = R"({"id":"e","text":")";
  for (int i = 0; i < 1000000; ++i) line += (i % 2 == 0) ? "\\n" : "\\u00e9";
  line += "\"}\n";
  auto items = ReadAll(line);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].ok()) << items[0].error;
  EXPECT_EQ(items[0].document.text.size(), 500000u * 1 + 500000u * 2);  // "\n" + "é"
  EXPECT_EQ(items[0].document.text.substr(0, 3), "\n\xC3\xA9");
}

TEST(JsonlReader, AcceptsCrlfLineEnds) {
  auto items = ReadAll("{\"id\":\"a\",\"text\":\"un\"}\r\n{\"id\":\"b\",\"text\":\"deux\"}\r\n");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_TRUE(items[0].ok());
  EXPECT_TRUE(items[1].ok());
  EXPECT_EQ(items[1].document.text, "deux");
  EXPECT_EQ(items[1].line, 2u);
}

TEST(JsonlReader, SkipsEmptyLinesButCountsThem) {
  auto items = ReadAll("\n  \n{\"id\":\"a\",\"text\":\"un\"}\n\r\n\n{\"id\":\"b\",\"text\":\"x\"}");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].line, 3u);
  EXPECT_EQ(items[1].line, 6u);  // The last line has no newline and still counts.
}

TEST(JsonlReader, UsesFileAndLineAsTheIdWhenThereIsNone) {
  auto items =
      ReadAll("{\"text\":\"a\"}\n{\"id\":\"\",\"text\":\"b\"}\n{\"id\":7,\"text\":\"c\"}\n");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].document.id, "in.jsonl:1");
  EXPECT_EQ(items[1].document.id, "in.jsonl:2");
  EXPECT_EQ(items[2].document.id, "7");  // Integer ids are common and kept.
}

TEST(JsonlReader, SkipsALineOverTheSizeLimitAndReadsTheNext) {
  ReadOptions options;
  options.max_article_bytes = 100;
  std::string long_line = "{\"id\":\"big\",\"text\":\"" + std::string(5000, 'x') + "\"}\n";
  auto items = ReadAll(long_line + "{\"id\":\"small\",\"text\":\"ok\"}\n", options);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].error, "line too long (5022 bytes; --max-article-bytes is 100), skipped");
  EXPECT_TRUE(items[1].ok());
  EXPECT_EQ(items[1].line, 2u);
}

TEST(JsonlReader, ReadsALineLongerThanTheReadBuffer) {
  std::string text(5 << 20, 'a');  // 5 MiB, several read blocks.
  auto items =
      ReadAll("{\"id\":\"big\",\"text\":\"" + text + "\"}\n{\"id\":\"n\",\"text\":\"b\"}\n");
  ASSERT_EQ(items.size(), 2u);
  ASSERT_TRUE(items[0].ok()) << items[0].error;
  EXPECT_EQ(items[0].document.text.size(), text.size());
  EXPECT_EQ(items[1].document.id, "n");
}

TEST(JsonlReader, ReportsAnEmptyFileOnce) {
  auto items = ReadAll("");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].error, "empty file");
  EXPECT_EQ(items[0].line, 0u);
  items = ReadAll("\n\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].error, "no articles (only blank lines)");
}

TEST(JsonlReader, RefusesABinaryFile) {
  auto items = ReadAll(std::string("{\"id\":\"a\",\0\0\0\x01\x02", 15));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].error, "binary file (NUL bytes found), skipped");
}

TEST(JsonlReader, ReplacesInvalidUtf8WithAWarning) {
  auto items = ReadAll("{\"id\":\"a\",\"text\":\"caf\xE9 cr\xE8me\"}\n");
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].ok()) << items[0].error;
  EXPECT_EQ(items[0].document.text, "caf\xEF\xBF\xBD cr\xEF\xBF\xBDme");
  ASSERT_EQ(items[0].warnings.size(), 1u);
  EXPECT_EQ(items[0].warnings[0], "invalid UTF-8 in the JSON line replaced by U+FFFD (2 bytes)");
}

TEST(JsonlReader, ReadsUtf16WithAByteOrderMark) {
  std::string utf8 = "{\"id\":\"a\",\"text\":\"\xC3\xA9t\xC3\xA9 \xF0\x9F\x98\x80\"}\n";
  // Build the UTF-16LE form by hand: é (U+00E9), t, é, space, U+1F600.
  std::string utf16 = "\xFF\xFE";
  for (char32_t c : std::u32string(U"{\"id\":\"a\",\"text\":\"\u00e9t\u00e9 \U0001F600\"}\n")) {
    auto put = [&](char16_t u) {
      utf16.push_back(static_cast<char>(u & 0xFF));
      utf16.push_back(static_cast<char>(u >> 8));
    };
    if (c >= 0x10000) {
      put(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      put(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    } else {
      put(static_cast<char16_t>(c));
    }
  }
  auto items = ReadAll(utf16);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].ok()) << items[0].error;
  EXPECT_EQ(items[0].document.text, "\xC3\xA9t\xC3\xA9 \xF0\x9F\x98\x80");
  ASSERT_EQ(items[0].warnings.size(), 1u);
  EXPECT_EQ(items[0].warnings[0], "converted from UTF-16LE to UTF-8");
}

TEST(JsonlReader, IgnoresOptionalFieldsOfTheWrongTypeWithAWarning) {
  auto items = ReadAll(R"({"id":"a","text":"t","date":20170525,"url":null,"title":["x"]})"
                       "\n");
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].ok());
  EXPECT_EQ(items[0].document.date, "");
  ASSERT_EQ(items[0].warnings.size(), 2u);
  EXPECT_EQ(items[0].warnings[0], "field \"date\" is a number, not a string; ignored");
  EXPECT_EQ(items[0].warnings[1], "field \"title\" is an array, not a string; ignored");
}

TEST(JsonlReader, NeverCrashesOnJunkLines) {
  const char* junk[] = {"{",
                        "}",
                        "{{{{{{",
                        "]]]",
                        "\"",
                        "{\"text\":\"\\u\"}",
                        "{\"text\":\"\\ud800\"}",
                        "nul",
                        "-",
                        "{\"text\":1e999}",
                        "\x80\x80\xff",
                        "{\"a\":}",
                        ",",
                        "{\"text\"}"};
  std::string data;
  for (const char* line : junk) data += std::string(line) + "\n";
  data += "{\"id\":\"last\",\"text\":\"ok\"}\n";
  auto items = ReadAll(data);
  ASSERT_EQ(items.size(), std::size(junk) + 1);
  for (size_t i = 0; i < std::size(junk); ++i) EXPECT_FALSE(items[i].ok()) << junk[i];
  EXPECT_TRUE(items.back().ok());
}

}  // namespace
}  // namespace io
}  // namespace guillemet
