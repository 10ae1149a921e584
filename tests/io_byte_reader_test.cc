// Tests of the block reader under the JSONL and text readers: line
// splitting across read blocks, CRLF, the size limit, and UTF-16 decoding
// split at awkward places.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/byte_reader.h"

namespace guillemet {
namespace io {
namespace {

std::vector<std::string> Lines(const std::string& data, size_t max = 1 << 30) {
  ByteReader reader;
  reader.OpenMemory(data);
  std::vector<std::string> lines;
  std::string line;
  size_t length;
  for (;;) {
    ByteReader::Result r = reader.ReadLine(max, &line, &length);
    if (r == ByteReader::Result::kEnd) break;
    lines.push_back(r == ByteReader::Result::kTooLong ? "<too long " + std::to_string(length) + ">"
                                                      : line);
  }
  return lines;
}

TEST(ByteReader, SplitsLinesAndDropsCrlf) {
  EXPECT_EQ(Lines("a\r\nb\n\nc"), (std::vector<std::string>{"a", "b", "", "c"}));
  EXPECT_EQ(Lines(""), std::vector<std::string>{});
  EXPECT_EQ(Lines("\n"), std::vector<std::string>{""});
  EXPECT_EQ(Lines("only\r"), std::vector<std::string>{"only"});
}

TEST(ByteReader, SkipsAnOverlongLineAndGoesOn) {
  std::string big(3 << 20, 'x');  // Spans several read blocks.
  EXPECT_EQ(Lines("short\n" + big + "\nnext\n", 1000),
            (std::vector<std::string>{"short", "<too long 3145728>", "next"}));
}

TEST(ByteReader, AllowsALineOfExactlyTheLimitWithACrlf) {
  EXPECT_EQ(Lines("abcd\r\nabcde\r\n", 4), (std::vector<std::string>{"abcd", "<too long 5>"}));
}

TEST(ByteReader, DecodesUtf16LittleEndianLinesAcrossBlocks) {
  // Many non-ASCII lines, enough that a surrogate pair straddles a block end.
  std::string utf16 = "\xFF\xFE";
  std::string expected_line = "\xC3\xA9\xF0\x9F\x98\x80x";  // é 😀 x
  const int kLines = 200000;
  for (int i = 0; i < kLines; ++i) {
    utf16 += std::string("\xE9\x00\x3D\xD8\x00\xDEx\x00\n\x00", 10);
  }
  ByteReader reader;
  reader.OpenMemory(utf16);
  EXPECT_EQ(reader.encoding(), ByteReader::Encoding::kUtf16Le);
  std::string line;
  size_t length;
  int count = 0;
  while (reader.ReadLine(1000, &line, &length) == ByteReader::Result::kOk) {
    ASSERT_EQ(line, expected_line) << "line " << count;
    ++count;
  }
  EXPECT_EQ(count, kLines);
}

TEST(ByteReader, ReplacesBrokenUtf16WithReplacementCharacters) {
  std::string out;
  // An unpaired low surrogate, an unpaired high surrogate, a trailing odd byte.
  Utf16ToUtf8(std::string("\x00\xDC"
                          "a\x00"
                          "\x00\xD8"
                          "b\x00"
                          "c",
                          9),
              true, &out);
  EXPECT_EQ(out,
            "\xEF\xBF\xBD"
            "a"
            "\xEF\xBF\xBD"
            "b"
            "\xEF\xBF\xBD");
}

TEST(ByteReader, FlagsNulBytesAsBinary) {
  ByteReader reader;
  reader.OpenMemory(std::string("ab\0cd", 5));
  EXPECT_TRUE(reader.LooksBinary());
  ByteReader text;
  text.OpenMemory("plain");
  EXPECT_FALSE(text.LooksBinary());
}

TEST(ByteReader, ReportsAFileThatCannotBeOpened) {
  ByteReader reader;
  EXPECT_FALSE(reader.Open("/nonexistent/guillemet/file"));
  EXPECT_EQ(reader.error(), "No such file or directory");
}

}  // namespace
}  // namespace io
}  // namespace guillemet
