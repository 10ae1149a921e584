// JSONL and CSV rows of a stored quotation: escaping, nulls, invalid UTF-8,
// and the column order both formats share.
#include <algorithm>
#include <limits>

#include "db/export_format.h"
#include "gtest/gtest.h"

namespace guillemet::db {
namespace {

QuoteRecord Sample() {
  QuoteRecord r;
  r.doc_id = "a1";
  r.ordinal = 2;
  r.quotation.quote = "Il a dit \"non\", puis\nrien";
  r.quotation.start = 10;
  r.quotation.end = 35;
  r.quotation.byte_start = 11;
  r.quotation.byte_end = 37;
  r.quotation.kind = QuoteKind::kPartial;
  r.quotation.speaker = "Élisabeth Borne";
  r.quotation.mention = "la Première ministre";
  r.quotation.mention_start = 0;
  r.quotation.mention_end = 20;
  r.quotation.cue = "a déclaré";
  r.quotation.method = "incise";
  r.quotation.confidence = 0.85;
  r.quotation.date = "2023-01-10";
  r.context = "Contexte\tavec tabulation.";
  r.url = "https://example.fr/a1";
  r.title = "Titre";
  return r;
}

TEST(ExportFormat, JsonLineHoldsEveryColumnEscapedWithNulls) {
  std::string line;
  AppendJsonLine(Sample(), &line);
  EXPECT_EQ(line,
            "{\"doc\":\"a1\",\"ordinal\":2,\"date\":\"2023-01-10\","
            "\"speaker\":\"Élisabeth Borne\",\"speaker_id\":null,"
            "\"quote\":\"Il a dit \\\"non\\\", puis\\nrien\",\"kind\":\"partial\","
            "\"confidence\":0.85,\"method\":\"incise\",\"cue\":\"a déclaré\","
            "\"mention\":\"la Première ministre\",\"context\":\"Contexte\\tavec tabulation.\","
            "\"url\":\"https://example.fr/a1\",\"title\":\"Titre\",\"start\":10,\"end\":35,"
            "\"byte_start\":11,\"byte_end\":37,\"mention_start\":0,\"mention_end\":20}\n");
}

TEST(ExportFormat, CsvQuotesOnlyFieldsThatNeedItAndEndsWithCrlf) {
  EXPECT_EQ(CsvHeader(),
            "doc,ordinal,date,speaker,speaker_id,quote,kind,confidence,method,cue,mention,"
            "context,url,title,start,end,byte_start,byte_end,mention_start,mention_end\r\n");
  std::string row;
  AppendCsvRow(Sample(), &row);
  EXPECT_EQ(row,
            "a1,2,2023-01-10,Élisabeth Borne,,\"Il a dit \"\"non\"\", puis\nrien\",partial,0.85,"
            "incise,a déclaré,la Première ministre,Contexte\tavec tabulation.,"
            "https://example.fr/a1,Titre,10,35,11,37,0,20\r\n");
}

TEST(ExportFormat, InvalidUtf8BecomesReplacementCharacter) {
  std::string json;
  AppendJsonString(
      "a\xff"
      "b\xc3",
      &json);
  EXPECT_EQ(json, "\"a\uFFFDb\uFFFD\"");
  QuoteRecord r = Sample();
  r.quotation.quote = "\xe2\x82";  // Truncated sequence.
  std::string row;
  AppendCsvRow(r, &row);
  EXPECT_NE(row.find(",\uFFFD\uFFFD,"), std::string::npos) << row;
}

TEST(ExportFormat, ControlCharactersAreEscapedInJson) {
  std::string json;
  AppendJsonString(std::string("x\x01y\x1f\\", 5), &json);
  EXPECT_EQ(json, "\"x\\u0001y\\u001f\\\\\"");
}

TEST(ExportFormat, NumbersAreShortestRoundTrip) {
  EXPECT_EQ(FormatNumber(0.85), "0.85");
  EXPECT_EQ(FormatNumber(1), "1");
  EXPECT_EQ(FormatNumber(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(FormatNumber(std::numeric_limits<double>::quiet_NaN()), "0");
}

TEST(ExportFormat, BothFormatsShareTheColumnList) {
  EXPECT_EQ(ExportColumns().size(), 20u);
  std::string header = CsvHeader();
  size_t commas = std::count(header.begin(), header.end(), ',');
  EXPECT_EQ(commas + 1, ExportColumns().size());
}

}  // namespace
}  // namespace guillemet::db
