// Tests of the vocabulary's look-ups by FoldKey once its entries are linked
// (LinkFoldedEntries): a token finds the entry of its FoldKey through its
// entry by norm, or through folding when it has none, and the answer is
// the one a direct look-up of its FoldKey gives.
#include "cues/vocabulary.h"

#include <gtest/gtest.h>

namespace guillemet::cues {
namespace {

class LinkedVocabulary : public ::testing::Test {
 protected:
  LinkedVocabulary() {
    president_ = vocabulary_.AddFoldedIndex("president");
    vocabulary_.AddFoldedIndex("otan");
    vocabulary_.Add("déclaré").forms = 0;
    vocabulary_.Add("le").classes = 1;
    vocabulary_.LinkFoldedEntries();
  }
  int FoldedIndexOf(const char* word) const { return vocabulary_.FoldedIndexOf(Norm(std::string(word))); }

  Vocabulary vocabulary_;
  int president_ = -1;
};

TEST_F(LinkedVocabulary, AccentedWordFindsItsFoldKeyWithoutAnEntryByNorm) {
  EXPECT_EQ(FoldedIndexOf("président"), president_);
}

TEST_F(LinkedVocabulary, WordThatFoldsToItselfFindsItsFoldKey) {
  EXPECT_EQ(FoldedIndexOf("president"), president_);
  EXPECT_EQ(FoldedIndexOf("otan"), vocabulary_.FoldedIndexOf(Norm(std::string("otan"))));
  EXPECT_GE(FoldedIndexOf("otan"), 0);
}

TEST_F(LinkedVocabulary, KeyByFoldKeyGetsAnEntryByNormThatSaysNothing) {
  const WordEntry* entry = vocabulary_.Of(Norm(std::string("president")));
  ASSERT_NE(entry, nullptr);
  EXPECT_FALSE(entry->Marked());
}

TEST_F(LinkedVocabulary, WordsKnownOnlyByNormHaveNoFoldKeyEntry) {
  EXPECT_EQ(FoldedIndexOf("le"), -1);
  EXPECT_EQ(FoldedIndexOf("déclaré"), -1);
}

TEST_F(LinkedVocabulary, UnknownWordsHaveNoFoldKeyEntry) {
  EXPECT_EQ(FoldedIndexOf("ministre"), -1);
  EXPECT_EQ(FoldedIndexOf("élysée"), -1);
}

}  // namespace
}  // namespace guillemet::cues
