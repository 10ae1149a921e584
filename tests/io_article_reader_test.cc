// Tests of how command-line paths become articles: folder expansion, text
// files, JSONL files, and the failed items that stand for unusable inputs.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "io/article_reader.h"
#include "io/input_sources.h"
#include "io/text_reader.h"

namespace guillemet {
namespace io {
namespace {

namespace fs = std::filesystem;

// A fresh temporary folder, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "guillemet-io-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& content) const {
    fs::path p = fs::path(path_) / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::vector<Article> ReadAll(const std::vector<std::string>& paths, ReadOptions options = {}) {
  ArticleReader reader(ExpandInputs(paths), options);
  std::vector<Article> out;
  Article article;
  while (reader.Next(&article)) {
    out.push_back(article);
    article.Clear();
  }
  return out;
}

TEST(ExpandInputs, ListsTheTextFilesOfAFolderRecursivelyInSortedOrder) {
  TempDir dir;
  dir.Write("b.txt", "b");
  dir.Write("a/z.txt", "z");
  dir.Write("a/y.TXT", "y");
  dir.Write("c.md", "not text");
  dir.Write("a/d.jsonl", "{}");
  auto sources = ExpandInputs({dir.path()});
  ASSERT_EQ(sources.size(), 3u);
  EXPECT_EQ(sources[0].path, dir.path() + "/a/y.TXT");
  EXPECT_EQ(sources[1].path, dir.path() + "/a/z.txt");
  EXPECT_EQ(sources[2].path, dir.path() + "/b.txt");
}

TEST(ExpandInputs, ReadsFilesNamedExplicitlyByTheirExtension) {
  TempDir dir;
  std::string md = dir.Write("notes.md", "x");
  std::string jsonl = dir.Write("a.JSONL", "x");
  std::string ndjson = dir.Write("b.ndjson", "x");
  auto sources = ExpandInputs({md, jsonl, ndjson, "-"});
  ASSERT_EQ(sources.size(), 4u);
  EXPECT_EQ(sources[0].kind, InputSource::Kind::kText);
  EXPECT_EQ(sources[1].kind, InputSource::Kind::kJsonl);
  EXPECT_EQ(sources[2].kind, InputSource::Kind::kJsonl);
  EXPECT_EQ(sources[3].kind, InputSource::Kind::kJsonl);
}

TEST(ArticleReader, ReadsAllInputsInOrderAndNumbersThem) {
  TempDir dir;
  std::string a = dir.Write("a.txt", "Texte A");
  std::string j =
      dir.Write("j.jsonl", "{\"id\":\"j1\",\"text\":\"x\"}\n{\"id\":\"j2\",\"text\":\"y\"}\n");
  std::string b = dir.Write("b.txt", "Texte B");
  auto items = ReadAll({a, j, b});
  ASSERT_EQ(items.size(), 4u);
  std::vector<std::string> ids;
  for (const Article& item : items) ids.push_back(item.document.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "j1", "j2", "b"}));
  for (size_t i = 0; i < items.size(); ++i) EXPECT_EQ(items[i].index, i);
  EXPECT_EQ(items[0].document.text, "Texte A");
}

TEST(ArticleReader, TurnsEachUnusableInputIntoOneFailedItem) {
  TempDir dir;
  std::string empty = dir.Write("empty.txt", "");
  std::string binary = dir.Write("image.txt", std::string("GIF89a\0\0\x01", 9));
  std::string good = dir.Write("good.txt", "ok");
  std::string missing = dir.path() + "/gone.txt";
  auto items = ReadAll({empty, missing, binary, good});
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].error, "empty file");
  EXPECT_EQ(items[1].error, "No such file or directory");
  EXPECT_EQ(items[1].file, missing);
  EXPECT_EQ(items[2].error, "binary file (NUL byte at offset 6), skipped");
  EXPECT_TRUE(items[3].ok());
}

TEST(TextReader, KeepsTheBytesUntouchedAndNamesTheDocAfterTheFile) {
  TempDir dir;
  const std::string text = "\xEF\xBB\xBFLigne 1\r\nLigne \xE9 2\n";
  std::string path = dir.Write("sub/le.monde.2017.txt", text);
  Article article;
  ReadTextArticle(path, {}, &article);
  ASSERT_TRUE(article.ok()) << article.error;
  EXPECT_EQ(article.document.id, "le.monde.2017");
  EXPECT_EQ(article.document.text, text);
  EXPECT_EQ(article.line, 0u);
}

TEST(TextReader, ConvertsUtf16WithAWarning) {
  TempDir dir;
  std::string path = dir.Write("be.txt", std::string("\xFE\xFF\x00\xE9\x00t\xD8\x3D\xDE\x00", 10));
  Article article;
  ReadTextArticle(path, {}, &article);
  ASSERT_TRUE(article.ok()) << article.error;
  EXPECT_EQ(article.document.text, "\xC3\xA9t\xF0\x9F\x98\x80");
  ASSERT_EQ(article.warnings.size(), 1u);
  EXPECT_EQ(article.warnings[0], "converted from UTF-16BE to UTF-8");
}

TEST(TextReader, RefusesAFileOverTheSizeLimit) {
  TempDir dir;
  std::string path = dir.Write("big.txt", std::string(2000, 'x'));
  ReadOptions options;
  options.max_article_bytes = 1000;
  Article article;
  ReadTextArticle(path, options, &article);
  EXPECT_EQ(article.error, "file too large (2000 bytes; --max-article-bytes is 1000), skipped");
  EXPECT_TRUE(article.document.text.empty());
}

}  // namespace
}  // namespace io
}  // namespace guillemet
