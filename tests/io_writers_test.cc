// Tests of the sinks: JSONL key order and nulls, CSV rows per RFC 4180, the
// table's truncation, and confidence rounding.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "io/writers.h"

namespace guillemet {
namespace io {
namespace {

Quotation FullQuotation() {
  Quotation q;
  q.quote = "Nous ferons mieux.";
  q.start = 30;
  q.end = 48;
  q.byte_start = 32;
  q.byte_end = 50;
  q.kind = QuoteKind::kDirect;
  q.speaker = "Emmanuel Macron";
  q.speaker_id = "Q3052772";
  q.mention = "le président";
  q.mention_start = 3;
  q.mention_end = 15;
  q.cue = "a déclaré";
  q.method = "incise_inverted_pronoun";
  q.confidence = 0.8567;
  q.date = "2017-05-25";
  return q;
}

std::string WriteAll(Format format, const Quotation& q, std::string_view doc = "doc-1") {
  StringOutput out;
  auto sink = MakeSink(format, &out, 80);
  EXPECT_TRUE(sink->Write(doc, q));
  EXPECT_TRUE(sink->Finish());
  return out.text();
}

TEST(JsonlSink, WritesEveryKeyInTheDocumentedOrder) {
  EXPECT_EQ(WriteAll(Format::kJsonl, FullQuotation()),
            R"({"doc":"doc-1","quote":"Nous ferons mieux.","start":30,"end":48,)"
            R"("byte_start":32,"byte_end":50,"kind":"direct","speaker":"Emmanuel Macron",)"
            R"("speaker_id":"Q3052772","mention":"le président","mention_start":3,)"
            R"("mention_end":15,"cue":"a déclaré","method":"incise_inverted_pronoun",)"
            R"("confidence":0.857,"date":"2017-05-25"})"
            "\n");
}

TEST(JsonlSink, WritesNullForMissingFields) {
  Quotation q;
  q.quote = "x";
  q.kind = QuoteKind::kMention;
  q.method = "scare_quote";
  q.confidence = 0.5;
  EXPECT_EQ(WriteAll(Format::kJsonl, q, "d"),
            R"({"doc":"d","quote":"x","start":0,"end":0,"byte_start":0,"byte_end":0,)"
            R"("kind":"mention","speaker":null,"speaker_id":null,"mention":null,)"
            R"("mention_start":null,"mention_end":null,"cue":null,"method":"scare_quote",)"
            R"("confidence":0.5,"date":null})"
            "\n");
}

TEST(JsonlSink, EscapesTextAndReplacesInvalidBytes) {
  Quotation q;
  q.quote = "il a dit \"non\"\n\xE9t\xE9";
  q.method = "m";
  std::string line = WriteAll(Format::kJsonl, q, "a\"b");
  EXPECT_NE(line.find(R"("doc":"a\"b")"), std::string::npos) << line;
  EXPECT_NE(line.find(R"("quote":"il a dit \"non\"\n)"
                      "\xEF\xBF\xBDt\xEF\xBF\xBD\""),
            std::string::npos)
      << line;
}

TEST(Confidence, RoundsToThreeDecimalsWithoutTrailingZeros) {
  struct Case {
    double value;
    const char* text;
  };
  const Case cases[] = {{0, "0"},          {1, "1"},      {0.5, "0.5"},      {0.8567, "0.857"},
                        {0.1234, "0.123"}, {0.9996, "1"}, {0.05, "0.05"},    {0.001, "0.001"},
                        {0.0004, "0"},     {NAN, "null"}, {INFINITY, "null"}};
  for (const Case& c : cases) {
    std::string out;
    AppendConfidence(c.value, &out);
    EXPECT_EQ(out, c.text) << c.value;
  }
}

TEST(CsvSink, WritesAHeaderAndCrlfRows) {
  std::string csv = WriteAll(Format::kCsv, FullQuotation());
  EXPECT_EQ(csv, std::string(kCsvHeader) +
                     "doc-1,Nous ferons mieux.,30,48,32,50,direct,Emmanuel Macron,Q3052772,"
                     "le président,3,15,a déclaré,incise_inverted_pronoun,0.857,2017-05-25\r\n");
}

TEST(CsvSink, QuotesFieldsWithCommasQuotesAndNewlines) {
  Quotation q;
  q.quote = "Oui, \"non\"\r\npeut-être";
  q.method = "m";
  q.confidence = 1;
  std::string csv = WriteAll(Format::kCsv, q, "id,1");
  EXPECT_EQ(csv.substr(kCsvHeader.size()),
            "\"id,1\",\"Oui, \"\"non\"\"\r\npeut-être\",0,0,0,0,direct,,,,,,,m,1,\r\n");
}

TEST(CsvSink, WritesOnlyTheHeaderWhenThereIsNothing) {
  StringOutput out;
  auto sink = MakeSink(Format::kCsv, &out);
  EXPECT_TRUE(sink->Finish());
  EXPECT_EQ(out.text(), kCsvHeader);
}

TEST(TableSink, TruncatesTheQuoteToTheWidthOnOneLine) {
  Quotation q = FullQuotation();
  q.quote = "Une phrase\nbien trop longue pour tenir dans la colonne qui lui reste au bout";
  std::string table = WriteAll(Format::kTable, q);
  size_t first_nl = table.find('\n');
  size_t second_nl = table.find('\n', first_nl + 1);
  std::string row = table.substr(second_nl + 1);
  ASSERT_EQ(row.back(), '\n');
  row.pop_back();
  EXPECT_EQ(row.find('\n'), std::string::npos);                 // The newline became a space.
  EXPECT_EQ(row.rfind("\xE2\x80\xA6"), row.size() - 3) << row;  // Ends with an ellipsis.
  EXPECT_EQ(row.substr(0, 5), "doc-1");
  EXPECT_NE(row.find("Emmanuel Macron"), std::string::npos);
  EXPECT_NE(row.find("Une phrase bien"), std::string::npos);
}

TEST(FormatNames, AreParsedAndOthersRefused) {
  Format format;
  EXPECT_TRUE(ParseFormat("csv", &format));
  EXPECT_EQ(format, Format::kCsv);
  EXPECT_TRUE(ParseFormat("table", &format));
  EXPECT_EQ(format, Format::kTable);
  EXPECT_TRUE(ParseFormat("jsonl", &format));
  EXPECT_EQ(format, Format::kJsonl);
  EXPECT_FALSE(ParseFormat("xml", &format));
}

}  // namespace
}  // namespace io
}  // namespace guillemet
