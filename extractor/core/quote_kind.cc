#include "guillemet/guillemet.h"

namespace guillemet {

const char* QuoteKindName(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kDirect:
      return "direct";
    case QuoteKind::kPartial:
      return "partial";
    case QuoteKind::kTweet:
      return "tweet";
    case QuoteKind::kMention:
      return "mention";
  }
  return "direct";
}

}  // namespace guillemet
