// A readable dump of one document's analysis (sentences with their
// mentions, cues, subjects and each quotation's rule), printed on stderr
// when GUILLEMET_TRACE is set: the tool for finding why a rule missed.
#ifndef GUILLEMET_PIPELINE_TRACE_H_
#define GUILLEMET_PIPELINE_TRACE_H_

#include <string>
#include <vector>

#include "attribute/sieves.h"
#include "attribute/subjects.h"
#include "core/types.h"
#include "resolve/resolver.h"

namespace guillemet::pipeline {

std::string TraceAnalysis(const Analysis& analysis, const attribute::Subjects& subjects,
                          const std::vector<attribute::Attribution>& attributions,
                          const std::vector<resolve::Speaker>& speakers);

}  // namespace guillemet::pipeline

#endif  // GUILLEMET_PIPELINE_TRACE_H_
